"""Fixtures shared by the whole suite.

The cast (STYLE.md): a parent organization with two children, "own" and "sibling", and a child
of "own"; an administrator, a lawyer and a chairman in "own", the same roles in "sibling", and
the parent's chairman.

Services: a test that needs Redis or Chromium asks for the `redis_url` or `browser_type_launch_args`
fixture. Locally a missing service skips the test, naming it; with CI=true it fails.
"""

import os
import shutil
import socket
from types import SimpleNamespace
from urllib.parse import urlparse

import pytest
from celery.contrib.testing.worker import start_worker

from accounts.models import OrganizationKind, Role
from config.celery import app as celery_app
from tests.factories import MembershipFactory, OrganizationFactory, UserFactory

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


def need_service(name: str, why: str) -> None:
    """A missing service fails the test in CI and skips it (by name) elsewhere."""
    message = f"{name} is not available: {why}"
    if IN_CI:
        pytest.fail(f"{message} (CI=true: nothing may skip)", pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def redis_url() -> str:
    url = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
    parsed = urlparse(url)
    try:
        with socket.create_connection((parsed.hostname, parsed.port or 6379), timeout=2) as s:
            s.sendall(b"PING\r\n")
            if not s.recv(16).startswith(b"+PONG"):
                raise OSError("no PONG")
    except OSError as error:
        need_service("Redis", f"{url}: {error}")
    return url


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """pytest-playwright launches Debian's Chromium; `playwright install` cannot download here."""
    if not (os.path.exists(CHROMIUM) or shutil.which("chromium")):
        need_service("Chromium", f"{CHROMIUM} not found (apt-get install chromium)")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture
def celery_redis_worker(redis_url):
    """A real Celery worker (in a thread of this process) consuming from Redis; use with
    `django_db(transaction=True)` so the worker sees committed rows."""
    saved = {
        k: celery_app.conf[k]
        for k in ("broker_url", "task_always_eager", "broker_transport_options")
    }
    # A Redis database of this test run's own, so that two suites running at once on one machine
    # (developers side by side) never consume each other's tasks.
    own_db = f"{redis_url.rsplit('/', 1)[0]}/{os.getpid() % 15 + 1}"
    celery_app.conf.update(broker_url=own_db, task_always_eager=False, broker_transport_options={})
    forget_connections()
    celery_app.control.purge()
    with start_worker(
        celery_app, pool="solo", perform_ping_check=False, loglevel="WARNING"
    ) as worker:
        yield worker
    celery_app.conf.update(saved)
    forget_connections()


def forget_connections():
    """Eager tasks earlier in the session opened a producer pool on the memory broker; drop it
    so producers reconnect to the broker configured now."""
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


@pytest.fixture
def cast(db):
    parent = OrganizationFactory(kind=OrganizationKind.REGIONAL, name_kk="Облыс", name_ru="Область")
    own = OrganizationFactory(parent=parent, name_kk="Өз ұйымы", name_ru="Своя организация")
    sibling = OrganizationFactory(
        parent=parent, name_kk="Көрші ұйым", name_ru="Соседняя организация"
    )
    child = OrganizationFactory(parent=own, name_kk="Еншілес ұйым", name_ru="Дочерняя организация")

    def member(username, organization, role):
        user = UserFactory(username=username)
        MembershipFactory(user=user, organization=organization, role=role)
        return user

    return SimpleNamespace(
        parent=parent,
        own=own,
        sibling=sibling,
        child=child,
        alice=member("alice", own, Role.ADMINISTRATOR),
        lara=member("lara", own, Role.LAWYER),
        charlie=member("charlie", own, Role.CHAIRMAN),
        sam=member("sam", sibling, Role.ADMINISTRATOR),
        sibling_lawyer=member("sibling_lawyer", sibling, Role.LAWYER),
        sibling_chairman=member("sibling_chairman", sibling, Role.CHAIRMAN),
        paula=member("paula", parent, Role.CHAIRMAN),
        root=UserFactory(username="root", is_superuser=True, is_staff=True),
    )
