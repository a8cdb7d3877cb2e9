"""Two-step sign-in (django-otp): enrolment with a QR code drawn here, the code after the
password, recovery codes, and the requirement for chairmen and superusers."""

import re
import time

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import AuditEntry
from tests.factories import PASSWORD
from tests.otp import enrol, next_code

pytestmark = pytest.mark.django_db


def password_step(client, username):
    return client.post(reverse("accounts:login"), {"username": username, "password": PASSWORD})


def code_step(client, token):
    return client.post(reverse("accounts:login_code"), {"otp_token": token})


def test_enrolment_shows_a_local_qr_code_and_confirms_with_a_code(client, cast):
    client.force_login(cast.alice)
    page = client.get(reverse("accounts:two_factor_setup"))
    assert page.status_code == 200
    html = page.content.decode()
    qr = re.search(r'data-testid="qr-code"[^>]*>(.*?)</div>', html, re.S).group(1)
    assert qr.startswith("<svg") and "<path" in qr
    assert "<img" not in qr and "http" not in qr.replace("http://www.w3.org/2000/svg", "")
    device = TOTPDevice.objects.get(user=cast.alice, confirmed=False)
    assert page.context["secret"].replace(" ", "") in html.replace(" ", "")

    wrong = client.post(reverse("accounts:two_factor_setup"), {"otp_token": "000000"})
    assert wrong.status_code == 200 and wrong.context["form"].errors["otp_token"]
    device.refresh_from_db()
    assert not device.confirmed

    time.sleep(1.1)  # django-otp's own throttle: a second try waits a second after a failure
    done = client.post(reverse("accounts:two_factor_setup"), {"otp_token": next_code(device)})
    assert done.url == reverse("accounts:two_factor_codes")
    device.refresh_from_db()
    assert device.confirmed
    codes = client.get(done.url)
    shown = codes.context["codes"]
    assert len(shown) == 10 and all(code in codes.content.decode() for code in shown)
    assert StaticToken.objects.filter(device__user=cast.alice).count() == 10
    # Shown once: the codes are not in the session any more.
    assert client.get(done.url).url == reverse("accounts:account")
    assert AuditEntry.objects.filter(action="accounts.user.two_factor_enable").exists()


def test_reloading_the_enrolment_page_keeps_the_scanned_key(client, cast):
    client.force_login(cast.alice)
    first = client.get(reverse("accounts:two_factor_setup")).context["secret"]
    assert client.get(reverse("accounts:two_factor_setup")).context["secret"] == first
    assert TOTPDevice.objects.filter(user=cast.alice).count() == 1


def test_a_user_with_a_device_is_asked_for_the_code_before_being_signed_in(client, cast):
    device, _codes = enrol(cast.alice)
    response = password_step(client, "alice")
    assert response.url == reverse("accounts:login_code")
    assert "_auth_user_id" not in client.session
    assert client.get(reverse("accounts:home")).status_code == 302  # not signed in yet
    assert client.get(response.url).status_code == 200
    signed = code_step(client, next_code(device))
    assert signed.status_code == 302 and signed.url == reverse("accounts:home")
    assert client.session["_auth_user_id"] == str(cast.alice.pk)
    assert client.get(reverse("accounts:home")).status_code == 200


def test_the_code_step_keeps_the_next_address(client, cast):
    device, _codes = enrol(cast.alice)
    client.post(
        reverse("accounts:login") + "?next=/notifications/",
        {"username": "alice", "password": PASSWORD, "next": "/notifications/"},
    )
    assert code_step(client, next_code(device)).url == "/notifications/"


def test_a_user_without_a_device_signs_in_with_the_password_alone(client, cast):
    assert password_step(client, "alice").url == reverse("accounts:home")


def test_a_recovery_code_signs_in_once(cast):
    _device, codes = enrol(cast.alice)
    first = Client()
    password_step(first, "alice")
    assert code_step(first, codes[0].upper()).url == reverse("accounts:home")
    second = Client()
    password_step(second, "alice")
    assert code_step(second, codes[0]).status_code == 200  # used up
    assert "_auth_user_id" not in second.session
    assert StaticToken.objects.filter(device__user=cast.alice).count() == 9


def test_wrong_codes_count_towards_the_login_lock(client, cast, settings):
    device, _codes = enrol(cast.alice)
    password_step(client, "alice")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = code_step(client, "123456")
        assert response.status_code == 200 and response.context["form"].errors
    assert code_step(client, "123456").status_code == 429
    # Locked: even the right code is refused now, and so is the password.
    assert code_step(client, next_code(device)).status_code == 429
    assert "_auth_user_id" not in client.session
    assert password_step(Client(), "alice").status_code == 429


def test_the_code_step_expires(client, cast):
    device, _codes = enrol(cast.alice)
    with time_machine.travel("2026-11-30 10:00 +0000", tick=False):
        password_step(client, "alice")
    with time_machine.travel("2026-11-30 10:06 +0000", tick=False):
        response = code_step(client, "123456")
    assert response.url == reverse("accounts:login")
    assert "_auth_user_id" not in client.session


def test_new_recovery_codes_and_turning_off_need_the_password(client, cast):
    device, codes = enrol(cast.alice)
    password_step(client, "alice")
    code_step(client, next_code(device))
    account = client.get(reverse("accounts:account")).content.decode()
    assert 'data-testid="two-factor-on"' in account

    url = reverse("accounts:recovery_codes_regenerate")
    assert client.post(url, {"password": "wrong"}).url == reverse("accounts:account")
    assert set(StaticToken.objects.values_list("token", flat=True)) == set(codes)
    response = client.post(url, {"password": PASSWORD})
    fresh = client.get(response.url).context["codes"]
    assert set(StaticToken.objects.values_list("token", flat=True)) == set(fresh)
    assert not set(fresh) & set(codes)

    off = reverse("accounts:two_factor_disable")
    client.post(off, {"password": "wrong"})
    assert TOTPDevice.objects.filter(user=cast.alice).exists()
    client.post(off, {"password": PASSWORD})
    assert not TOTPDevice.objects.filter(user=cast.alice).exists()
    assert not StaticToken.objects.filter(device__user=cast.alice).exists()
    assert password_step(Client(), "alice").url == reverse("accounts:home")


@pytest.fixture
def required(settings):
    settings.OTP_REQUIRED_FOR_CHAIRMEN = True


@pytest.mark.usefixtures("required")
def test_with_the_requirement_a_chairman_reaches_only_enrolment_until_enrolled(client, cast):
    assert password_step(client, "charlie").status_code == 302
    setup = reverse("accounts:two_factor_setup")
    for path in (
        reverse("accounts:home"),
        reverse("accounts:organizations"),
        reverse("accounts:account"),
        reverse("accounts:password_change"),
        reverse("checklist:waiting"),
        "/admin/",
    ):
        assert client.get(path).url == setup, path
    assert client.post(reverse("accounts:organization_create"), {}).url == setup
    page = client.get(setup)
    assert page.status_code == 200 and 'data-testid="two-factor-required"' in page.content.decode()

    device = TOTPDevice.objects.get(user=cast.charlie)
    client.post(setup, {"otp_token": next_code(device)})
    assert client.get(reverse("accounts:home")).status_code == 200
    assert client.get(reverse("accounts:organizations")).status_code == 200


@pytest.mark.usefixtures("required")
def test_with_the_requirement_superusers_must_enrol_and_others_need_not(cast):
    root, alice = Client(), Client()
    root.force_login(cast.root)
    alice.force_login(cast.alice)
    assert root.get(reverse("accounts:home")).url == reverse("accounts:two_factor_setup")
    assert alice.get(reverse("accounts:home")).status_code == 200


@pytest.mark.usefixtures("required")
def test_with_the_requirement_a_session_that_skipped_the_code_is_ended(client, cast):
    enrol(cast.charlie)
    client.force_login(cast.charlie)  # a session from before enrolment: no code was entered
    response = client.get(reverse("accounts:organizations"))
    assert response.status_code == 302 and response.url.startswith(reverse("accounts:login"))
    assert "_auth_user_id" not in client.session


@pytest.mark.usefixtures("required")
def test_with_the_requirement_a_chairman_may_still_sign_out_and_switch_language(client, cast):
    client.force_login(cast.charlie)
    assert client.post(reverse("accounts:set_language"), {"language": "ru"}).status_code == 302
    assert client.post(reverse("accounts:logout")).status_code == 302
    assert "_auth_user_id" not in client.session


def test_the_admin_login_form_is_replaced_by_ours(client):
    response = client.get("/admin/login/?next=/admin/")
    assert response.url == reverse("accounts:login") + "?next=/admin/"
