"""Telegram's webhook: the secret header decides, in constant time; nothing else is told."""

import pytest
from django.test import Client
from django.urls import reverse

from inbox.models import InboxMessage
from tests.inbox.conftest import GROUP, SECRET

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen")]


def url(connection_id):
    return reverse("inbox:telegram_webhook", args=[connection_id])


def post(client, connection_id, update, secret=None):
    headers = {"X-Telegram-Bot-Api-Secret-Token": secret} if secret is not None else {}
    return client.post(url(connection_id), update, content_type="application/json", headers=headers)


@pytest.fixture
def csrf_client():
    return Client(enforce_csrf_checks=True)  # Telegram sends no CSRF token


def test_the_right_secret_stores_the_comment(csrf_client, fake, connection):
    update = fake.comment_update(GROUP, "Сұрақ бар")
    update["update_id"] = 700001
    response = post(csrf_client, connection.pk, update, SECRET)
    assert response.status_code == 200
    assert InboxMessage.objects.get().text == "Сұрақ бар"
    # Telegram repeats an update it thinks was not received: still one message.
    assert post(csrf_client, connection.pk, update, SECRET).status_code == 200
    assert InboxMessage.objects.count() == 1


@pytest.mark.parametrize("secret", [None, "", "wrong", SECRET[:-1], SECRET + "x", SECRET.upper()])
def test_a_wrong_or_missing_secret_is_refused_and_stores_nothing(
    csrf_client, fake, connection, secret
):
    response = post(csrf_client, connection.pk, fake.comment_update(GROUP, "x"), secret)
    assert response.status_code == 403
    assert response.content == b""
    assert InboxMessage.objects.count() == 0


def test_an_unknown_connection_answers_exactly_like_a_wrong_secret(csrf_client, fake, connection):
    known = post(csrf_client, connection.pk, {"update_id": 1}, "wrong")
    unknown = post(csrf_client, connection.pk + 999, {"update_id": 1}, SECRET)
    assert (
        (known.status_code, known.content)
        == (unknown.status_code, unknown.content)
        == (
            403,
            b"",
        )
    )


def test_a_disconnected_connection_is_refused(csrf_client, fake, connection):
    from django.utils import timezone

    connection.disconnected_at = timezone.now()
    connection.save()
    assert (
        post(csrf_client, connection.pk, fake.comment_update(GROUP, "x"), SECRET).status_code == 403
    )


def test_only_post_is_accepted(csrf_client, connection):
    assert csrf_client.get(url(connection.pk)).status_code == 405


@pytest.mark.parametrize("body", ["not json", "[]", '{"update_id": 5}', '{"message": 3}'])
def test_a_malformed_or_foreign_update_is_acknowledged_and_dropped(csrf_client, connection, body):
    response = csrf_client.post(
        url(connection.pk),
        body,
        content_type="application/json",
        headers={"X-Telegram-Bot-Api-Secret-Token": SECRET},
    )
    assert response.status_code == 200  # or Telegram would send it again forever
    assert InboxMessage.objects.count() == 0


@pytest.mark.django_db(transaction=True)
def test_the_fake_telegram_delivers_to_the_webhook(fake, connection, live_server):
    fake.push_update(fake.comment_update(GROUP, "Вебхук арқылы"))
    statuses = fake.post_webhook(live_server.url + url(connection.pk), SECRET)
    assert statuses == [200]
    assert InboxMessage.objects.get().text == "Вебхук арқылы"
    fake.push_update(fake.comment_update(GROUP, "Бөтен"))
    assert fake.post_webhook(live_server.url + url(connection.pk), "guess") == [403]
