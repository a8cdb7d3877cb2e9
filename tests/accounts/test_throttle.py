"""The login throttle sees the client's real address and locks a (username, address) pair:
a stranger's failures never lock the person out from their own address."""

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse

from accounts.security import client_ip
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.2"


def attempt(client, username, password, **meta):
    return client.post(
        reverse("accounts:login"), {"username": username, "password": password}, **meta
    )


def test_failures_from_one_address_do_not_lock_the_user_at_another(client, cast, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "charlie", "wrong", REMOTE_ADDR="198.51.100.66")
    assert attempt(Client(), "charlie", PASSWORD, REMOTE_ADDR="198.51.100.66").status_code == 429
    assert attempt(Client(), "charlie", PASSWORD, REMOTE_ADDR="203.0.113.7").status_code == 302


def test_behind_one_proxy_the_forwarded_client_address_is_the_one_locked(cast, settings):
    """Every request arrives from the proxy's address; with TRUSTED_PROXY_COUNT = 1 the throttle
    reads the client from X-Forwarded-For, so the attacker's lock does not reach the chairman."""
    settings.TRUSTED_PROXY_COUNT = 1
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(
            Client(), "charlie", "wrong", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.66"
        )
    locked = attempt(
        Client(), "charlie", PASSWORD, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.66"
    )
    assert locked.status_code == 429
    chairman = attempt(
        Client(), "charlie", PASSWORD, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.7"
    )
    assert chairman.status_code == 302


def test_without_a_trusted_proxy_a_forwarded_header_is_ignored(cast, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    for i in range(settings.AXES_FAILURE_LIMIT):
        attempt(
            Client(), "charlie", "wrong", REMOTE_ADDR="198.51.100.66",
            HTTP_X_FORWARDED_FOR=f"203.0.113.{i}",
        )  # fmt: skip
    assert attempt(Client(), "charlie", PASSWORD, REMOTE_ADDR="198.51.100.66").status_code == 429


@pytest.mark.parametrize(
    ("count", "remote", "forwarded", "expected"),
    [
        (0, "198.51.100.1", "203.0.113.7", "198.51.100.1"),
        (1, PROXY, "203.0.113.7", "203.0.113.7"),
        # Whatever the client wrote itself stays on the left and is never believed.
        (1, PROXY, "1.2.3.4, 203.0.113.7", "203.0.113.7"),
        (1, PROXY, "2001:db8::1", "2001:db8::1"),
        (2, PROXY, "1.2.3.4, 203.0.113.7, 10.0.0.3", "203.0.113.7"),
        # Not through the proxy (no header, too short, garbage): the connecting address.
        (1, PROXY, "", PROXY),
        (2, PROXY, "203.0.113.7", PROXY),
        (1, PROXY, "not-an-address", PROXY),
    ],
)
def test_the_client_address_is_the_nth_forwarded_entry_from_the_right(
    settings, count, remote, forwarded, expected
):
    settings.TRUSTED_PROXY_COUNT = count
    meta = {"REMOTE_ADDR": remote}
    if forwarded:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    assert client_ip(RequestFactory().get("/", **meta)) == expected


def test_axes_reads_the_address_from_our_function_and_locks_the_pair():
    from django.conf import settings

    assert settings.AXES_CLIENT_IP_CALLABLE == "accounts.security.client_ip"
    assert settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]
