import pytest
from django.test import Client
from django.urls import reverse

from accounts.models import AuditEntry, Organization
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def login(client, username, password, language="kk"):
    client.cookies["lang"] = language
    return client.post(reverse("accounts:login"), {"username": username, "password": password})


def test_a_user_logs_in_and_lands_on_the_home_page(client, cast):
    response = login(client, "alice", PASSWORD)
    assert response.status_code == 302
    assert response.url == reverse("accounts:home")
    home = client.get(response.url)
    assert home.status_code == 200
    assert "Өз ұйымы" in home.content.decode()


def test_wrong_credentials_get_a_kazakh_message(client, cast):
    response = login(client, "alice", "wrong")
    assert response.status_code == 200
    text = response.content.decode()
    assert "құпиясөзді енгізіңіз" in text
    assert "_auth_user_id" not in client.session


def test_wrong_credentials_get_a_russian_message(client, cast):
    response = login(client, "alice", "wrong", language="ru")
    assert "Пожалуйста, введите правильные имя пользователя и пароль" in response.content.decode()


def test_the_language_chosen_at_login_is_remembered_for_e_mails(client, cast):
    login(client, "alice", PASSWORD, language="ru")
    cast.alice.refresh_from_db()
    assert cast.alice.language == "ru"


def test_repeated_failures_lock_the_account_with_a_clear_message(client, cast, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        login(client, "alice", "wrong")
    response = login(client, "alice", PASSWORD)  # even the right password is refused now
    assert response.status_code == 429
    assert "Сәтсіз әрекеттер тым көп" in response.content.decode()
    assert "_auth_user_id" not in client.session
    # The lock is per username and address: another account from the same address still works.
    assert login(Client(), "charlie", PASSWORD).status_code == 302


def test_logout_needs_a_post_and_ends_the_session(client, cast):
    client.force_login(cast.alice)
    assert client.get(reverse("accounts:logout")).status_code == 405
    assert client.post(reverse("accounts:logout")).status_code == 302
    assert client.get(reverse("accounts:home")).status_code == 302


def test_password_change_validates_and_then_works(client, cast):
    client.force_login(cast.alice)
    url = reverse("accounts:password_change")
    weak = {"old_password": PASSWORD, "new_password1": "123", "new_password2": "123"}
    response = client.post(url, weak)
    assert response.status_code == 200
    assert "Бұл құпиясөз тым қысқа" in response.content.decode()
    strong = {
        "old_password": PASSWORD,
        "new_password1": "Ai-77-qaz-tau",
        "new_password2": "Ai-77-qaz-tau",
    }
    assert client.post(url, strong).status_code == 302
    cast.alice.refresh_from_db()
    assert cast.alice.check_password("Ai-77-qaz-tau")


def test_a_forged_post_without_csrf_token_is_refused_and_changes_nothing(cast):
    client = Client(enforce_csrf_checks=True)
    client.force_login(cast.charlie)
    url = reverse("accounts:organization_edit", args=[cast.own.pk])
    response = client.post(url, {"name_kk": "Қолдан", "name_ru": "Подделка", "kind": "primary"})
    assert response.status_code == 403
    assert "Форманың мерзімі өтті" in response.content.decode()
    assert Organization.objects.get(pk=cast.own.pk).name_kk == "Өз ұйымы"
    assert not AuditEntry.objects.exists()


def test_the_language_switcher_keeps_the_choice_on_the_account(client, cast):
    client.force_login(cast.alice)
    response = client.post(reverse("accounts:set_language"), {"language": "ru", "next": "/"})
    assert response.status_code == 302
    assert client.cookies["lang"].value == "ru"
    cast.alice.refresh_from_db()
    assert cast.alice.language == "ru"
    assert "Главная" in client.get("/").content.decode()


def test_an_unknown_language_is_ignored(client, cast):
    client.force_login(cast.alice)
    client.post(reverse("accounts:set_language"), {"language": "xx", "next": "/"})
    cast.alice.refresh_from_db()
    assert cast.alice.language == "kk"


def test_kazakh_is_the_default_language(client, cast):
    client.force_login(cast.alice)
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.content.decode().startswith("<!doctype html>")
    assert '<html lang="kk">' in response.content.decode()
