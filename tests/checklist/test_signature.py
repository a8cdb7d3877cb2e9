"""CL9's signature goes through the login throttle, is checked before anything is said about
the checklist, and asks for the second factor of a person who has one."""

import time

import pytest
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse

from checklist.models import Checklist
from tests.checklist.factories import filled
from tests.factories import PASSWORD
from tests.otp import enrol, next_code

pytestmark = pytest.mark.django_db


def decide(client, version, password, **extra):
    return client.post(
        reverse("checklist:decide", args=[version.pk]),
        {"decision": "permitted", "password": password, **extra},
    )


def said(response) -> str:
    return " ".join(str(m) for m in get_messages(response.wsgi_request))


@pytest.fixture
def alice(client, cast):
    client.force_login(cast.alice)
    return client


def test_a_wrong_password_gets_the_same_answer_on_an_unfinished_checklist(alice, cast, version):
    checklist = filled(version, cast.alice)
    checklist.answers.filter(item__code="CL7.5").delete()
    unfinished = decide(alice, version, "wrong")
    assert unfinished.status_code == 400
    assert "CL7.5" not in said(unfinished)

    checklist.delete()
    filled(version, cast.alice)  # every item answered now
    finished = decide(alice, version, "wrong")
    assert finished.status_code == 400
    assert said(finished) == said(unfinished)
    assert Checklist.objects.get().status == "in_progress"


def test_only_the_right_password_learns_that_the_checklist_is_unfinished(alice, cast, version):
    checklist = filled(version, cast.alice)
    checklist.answers.filter(item__code="CL7.5").delete()
    response = decide(alice, version, PASSWORD)
    assert "CL7.5" in said(response)
    assert Checklist.objects.get().status == "in_progress"


def test_wrong_signatures_lock_like_wrong_logins(alice, cast, version, settings):
    filled(version, cast.alice)
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert decide(alice, version, "wrong").status_code == 400
    assert decide(alice, version, "wrong").status_code == 429
    assert decide(alice, version, PASSWORD).status_code == 429  # locked: the right one too
    assert Checklist.objects.get().status == "in_progress"
    # The same lock as the login form's: this user from this address…
    login = {"username": "alice", "password": PASSWORD}
    assert Client().post(reverse("accounts:login"), login).status_code == 429
    # …and only from this address.
    elsewhere = Client(REMOTE_ADDR="203.0.113.7")
    assert elsewhere.post(reverse("accounts:login"), login).status_code == 302


def test_a_person_with_a_second_factor_signs_with_password_and_code(client, cast, version):
    device, _codes = enrol(cast.alice)
    filled(version, cast.alice)
    client.post(reverse("accounts:login"), {"username": "alice", "password": PASSWORD})
    client.post(reverse("accounts:login_code"), {"otp_token": next_code(device)})
    page = client.get(reverse("checklist:detail", args=[version.pk])).content.decode()
    assert 'name="otp_token"' in page

    missing = decide(client, version, PASSWORD)
    assert missing.status_code == 400 and "otp_token" in missing.context["decision_form"].errors
    wrong_password = decide(client, version, "wrong", otp_token=next_code(device))
    assert "password" in wrong_password.context["decision_form"].errors
    wrong_code = decide(client, version, PASSWORD, otp_token="000000")
    assert "otp_token" in wrong_code.context["decision_form"].errors
    assert Checklist.objects.get().status == "in_progress"

    time.sleep(1.1)  # django-otp's own throttle after the wrong code
    signed = decide(client, version, PASSWORD, otp_token=next_code(device))
    assert signed.status_code == 302
    checklist = Checklist.objects.get()
    assert checklist.status == "completed" and checklist.signature_method == "password+otp"


def test_without_a_second_factor_the_password_alone_signs(alice, cast, version):
    filled(version, cast.alice)
    assert decide(alice, version, PASSWORD).status_code == 302
    assert Checklist.objects.get().signature_method == "password"
