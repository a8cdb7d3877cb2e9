"""Password reset by e-mail: one answer whatever the address, a link that works once and
expires, and the password rules (AUTH_PASSWORD_VALIDATORS) on the new password."""

import re

import pytest
import time_machine
from django.core import mail
from django.test import Client
from django.urls import reverse

from accounts import outbox
from accounts.models import OutboxMessage
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

NEW = "Qaz-tau-kolik-77"


def ask(client, email):
    """Ask for a link; the e-mail waits in the outbox, which a worker drains (here: inline)."""
    response = client.post(reverse("accounts:password_reset"), {"email": email})
    outbox.drain()
    return response


def link_of(message) -> str:
    return re.search(r"https?://\S+/password/reset/\S+/", message.body).group(0)


def test_the_answer_is_the_same_whether_or_not_the_address_exists(cast):
    known, unknown = ask(Client(), "alice@example.kz"), ask(Client(), "nobody@example.kz")
    assert known.status_code == unknown.status_code == 302
    assert known.url == unknown.url == reverse("accounts:password_reset_done")
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["alice@example.kz"]
    page = Client().get(known.url).content.decode()
    assert 'data-testid="reset-sent"' in page


def test_the_link_sets_a_new_password_once(client, cast):
    ask(client, "alice@example.kz")
    link = link_of(mail.outbox[0])
    form_url = client.get(link).url  # Django moves the token into the session
    weak = client.post(form_url, {"new_password1": "demo-2026", "new_password2": "demo-2026"})
    assert weak.status_code == 200
    assert "new_password2" in weak.context["form"].errors  # too short: 9 characters
    done = client.post(form_url, {"new_password1": NEW, "new_password2": NEW})
    assert done.url == reverse("accounts:password_reset_complete")
    cast.alice.refresh_from_db()
    assert cast.alice.check_password(NEW)
    # The token was made when the e-mail was sent: the outbox row holds only the user's id.
    assert OutboxMessage.objects.get().payload == {"user": cast.alice.pk}
    assert "_auth_user_id" not in client.session  # not signed in by the link
    again = Client().get(link, follow=True)
    assert 'data-testid="reset-invalid"' in again.content.decode()


def test_the_link_expires(client, cast, settings):
    with time_machine.travel("2026-11-30 10:00 +0000", tick=False):
        ask(client, "alice@example.kz")
    link = link_of(mail.outbox[0])
    late = "2026-11-30 10:00 +0000"
    with time_machine.travel(late, tick=False) as traveller:
        traveller.shift(settings.PASSWORD_RESET_TIMEOUT + 1)
        page = Client().get(link, follow=True).content.decode()
    assert 'data-testid="reset-invalid"' in page
    assert settings.PASSWORD_RESET_TIMEOUT == 3600


def test_the_e_mail_is_in_the_addressees_language(cast):
    cast.alice.language = "ru"
    cast.alice.save()
    ask(Client(), "alice@example.kz")
    # The footer is an existing message; the new sentences read alike once translated.
    assert "Профсоюз · официальные аккаунты" in mail.outbox[0].body
    cast.lara.language = "kk"
    cast.lara.save()
    ask(Client(), "lara@example.kz")
    assert "Кәсіподақ · ресми аккаунттар" in mail.outbox[1].body


def test_an_inactive_user_gets_no_link(cast):
    cast.alice.is_active = False
    cast.alice.save()
    assert ask(Client(), "alice@example.kz").url == reverse("accounts:password_reset_done")
    assert not mail.outbox


def test_the_login_page_links_to_the_reset(client):
    assert 'data-testid="forgot-password"' in client.get(reverse("accounts:login")).content.decode()


@pytest.mark.parametrize(
    ("password", "rule"),
    [
        ("Qz-7-tau", "password_too_short"),  # 8 characters
        ("demo-2026", "password_too_short"),  # 9: the old demo password
        ("password123", "password_too_common"),
        ("1234567890123", "password_entirely_numeric"),
        ("alice@example.kz1", "password_too_similar"),
    ],
)
def test_a_new_password_follows_the_rules(client, cast, password, rule):
    client.force_login(cast.alice)
    response = client.post(
        reverse("accounts:password_change"),
        {"old_password": PASSWORD, "new_password1": password, "new_password2": password},
    )
    assert response.status_code == 200
    codes = [e.code for e in response.context["form"].errors.as_data()["new_password2"]]
    assert rule in codes


def test_ten_characters_are_enough(client, cast):
    client.force_login(cast.alice)
    response = client.post(
        reverse("accounts:password_change"),
        {"old_password": PASSWORD, "new_password1": "Qz-7-tau-kz", "new_password2": "Qz-7-tau-kz"},
    )
    assert response.status_code == 302
