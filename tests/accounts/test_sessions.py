"""Sessions end after SESSION_IDLE_HOURS without a request, and a person can end all of theirs."""

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from accounts.models import AuditEntry
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

START = "2026-11-30 08:00 +0000"


def signed_in(username):
    client = Client()
    response = client.post(reverse("accounts:login"), {"username": username, "password": PASSWORD})
    assert response.status_code == 302
    return client


def test_a_session_ends_after_eight_idle_hours_and_lives_while_used(cast, settings):
    assert settings.SESSION_COOKIE_AGE == 8 * 3600
    home = reverse("accounts:home")
    with time_machine.travel(START, tick=False) as traveller:
        busy, idle = signed_in("alice"), signed_in("charlie")
        for _ in range(3):  # active all day: 7 hours between requests, 21 hours in total
            traveller.shift(7 * 3600)
            assert busy.get(home).status_code == 200
        assert idle.get(home).status_code == 302  # 21 hours without a request
        traveller.shift(8 * 3600 + 60)
        assert busy.get(home).status_code == 302


def test_a_session_is_renewed_every_few_minutes_not_written_on_every_request(cast, settings):
    """Idle expiry without a write per request: within SESSION_RENEW_SECONDS the session is not
    saved again (no query, no new cookie); after it, the next request pushes the expiry."""
    from django.contrib.sessions.models import Session
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.SESSION_RENEW_SECONDS = 300
    home = reverse("accounts:home")
    with time_machine.travel(START, tick=False) as traveller:
        client = signed_in("alice")
        key = client.cookies["sessionid"].value
        expires = Session.objects.get(pk=key).expire_date
        traveller.shift(60)
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(home)
        assert response.status_code == 200 and "sessionid" not in response.cookies
        assert not [
            q for q in ctx.captured_queries if "django_session" in q["sql"] and "UPDATE" in q["sql"]
        ]
        assert Session.objects.get(pk=key).expire_date == expires
        traveller.shift(300)
        response = client.get(home)
        assert "sessionid" in response.cookies
        assert Session.objects.get(pk=key).expire_date > expires


def test_an_anonymous_visit_makes_no_session(client, db):
    from django.contrib.sessions.models import Session

    client.get(reverse("accounts:login"))
    assert not Session.objects.exists()


def test_sign_out_everywhere_ends_every_session_of_the_person(cast):
    here, laptop, other_person = signed_in("alice"), signed_in("alice"), signed_in("charlie")
    home = reverse("accounts:home")
    response = here.post(reverse("accounts:sign_out_everywhere"), {"password": PASSWORD})
    assert response.url == reverse("accounts:login")
    assert here.get(home).status_code == 302
    assert laptop.get(home).status_code == 302
    assert other_person.get(home).status_code == 200
    cast.alice.refresh_from_db()
    assert cast.alice.check_password(PASSWORD)  # the same password, freshly salted
    assert AuditEntry.objects.filter(action="accounts.user.sign_out_everywhere").count() == 1
    assert signed_in("alice").get(home).status_code == 200


def test_sign_out_everywhere_needs_the_password_and_counts_failures(cast, settings):
    here, laptop = signed_in("alice"), signed_in("alice")
    url = reverse("accounts:sign_out_everywhere")
    assert here.post(url, {"password": "wrong"}).url == reverse("accounts:account")
    assert laptop.get(reverse("accounts:home")).status_code == 200
    for _ in range(settings.AXES_FAILURE_LIMIT - 2):
        here.post(url, {"password": "wrong"})
    assert here.post(url, {"password": "wrong"}).status_code == 429
    assert here.post(url, {"password": PASSWORD}).status_code == 429  # locked: refused too
    assert laptop.get(reverse("accounts:home")).status_code == 200


def test_the_account_page_offers_the_controls(cast):
    page = signed_in("alice").get(reverse("accounts:account")).content.decode()
    for testid in ("sign-out-everywhere", "two-factor-setup"):
        assert f'data-testid="{testid}"' in page
