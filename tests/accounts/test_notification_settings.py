"""Issue 13, point 9: every person chooses e-mail on/off per kind of notification on their own
settings page; mandatory kinds (R8.2, R9.3) are shown disabled with the reason; bad input is
refused in words and saves nothing."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from accounts import digest
from accounts.models import NotificationPreference

pytestmark = pytest.mark.django_db

URL = reverse("accounts:notification_settings")


def optional_except(*keys):
    return sorted(digest.optional_keys() - set(keys))


def muted(user):
    return set(
        NotificationPreference.objects.filter(user=user, email=False).values_list("kind", flat=True)
    )


def test_anonymous_is_sent_to_the_login_page(client):
    response = client.get(URL)
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_the_page_lists_every_kind_with_its_label_and_all_on_by_default(client, cast):
    client.force_login(cast.alice)
    html = client.get(URL).content.decode()
    with translation.override("kk"):
        for info in digest.known_kinds():
            assert escape(str(info.label)) in html, info.key
    for key in digest.optional_keys():
        assert f'value="{key}" id=' in html
    assert html.count(" checked") == len(digest.known_kinds())


def test_mandatory_kinds_are_shown_disabled_with_the_reason(client, cast):
    client.force_login(cast.alice)
    html = client.get(URL).content.decode()
    with translation.override("kk"):
        assert str(digest.REASON_APPEALS) in html
        assert str(digest.REASON_PASSWORDS) in html
    assert html.count(" disabled aria-describedby=") == 3  # appeals x2, passwords


def test_switching_kinds_off_and_on_again(client, cast):
    client.force_login(cast.alice)
    response = client.post(
        URL, {"email": optional_except("reports.report.decide", "content.mention")}
    )
    assert response.status_code == 302 and response["Location"] == URL
    assert muted(cast.alice) == {"reports.report.decide", "content.mention"}
    html = client.get(URL).content.decode()
    assert 'value="content.mention" id="id_email_' in html
    client.post(URL, {"email": optional_except("content.mention")})
    assert muted(cast.alice) == {"content.mention"}


def test_nothing_checked_switches_every_optional_kind_off(client, cast):
    client.force_login(cast.alice)
    assert client.post(URL, {}).status_code == 302
    assert muted(cast.alice) == digest.optional_keys()
    assert "appeals.reminder" not in muted(cast.alice)


def test_an_unknown_kind_is_refused_and_nothing_is_saved(client, cast):
    NotificationPreference.objects.create(user=cast.alice, kind="content.mention", email=False)
    client.force_login(cast.alice)
    response = client.post(URL, {"email": [*optional_except(), "tests.nonsense"]})
    assert response.status_code == 200
    assert 'data-testid="form-errors"' in response.content.decode()
    assert muted(cast.alice) == {"content.mention"}  # unchanged


def test_a_mandatory_kind_cannot_be_posted_either(client, cast):
    client.force_login(cast.alice)
    response = client.post(URL, {"email": ["appeals.reminder"]})
    assert response.status_code == 200 and 'data-testid="form-errors"' in response.content.decode()
    assert muted(cast.alice) == set()


def test_only_the_own_settings_are_changed(client, cast):
    client.force_login(cast.alice)
    client.post(URL, {"email": optional_except("content.mention"), "user": cast.lara.pk})
    assert muted(cast.alice) == {"content.mention"}
    assert muted(cast.lara) == set()


def test_the_form_needs_the_csrf_token(cast):
    client = Client(enforce_csrf_checks=True)
    client.force_login(cast.alice)
    assert client.post(URL, {"email": []}).status_code == 403
    assert muted(cast.alice) == set()


def test_the_notification_list_links_to_the_settings(client, cast):
    client.force_login(cast.alice)
    html = client.get(reverse("accounts:notifications")).content.decode()
    assert f'href="{URL}"' in html


def test_a_digest_chairman_is_told_about_the_digest(client, cast):
    client.force_login(cast.paula)
    assert 'data-testid="digest-note"' in client.get(URL).content.decode()
    client.force_login(cast.charlie)
    assert 'data-testid="digest-note"' not in client.get(URL).content.decode()
