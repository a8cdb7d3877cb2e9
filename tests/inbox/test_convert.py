"""R8.1: a message that bears the features of an appeal becomes one in one click — the
registration form prefilled (channel, date received, author, text), the message linked, and the
3 and 15 working-day deadlines (R8.2) counted from the message's date."""

import pytest
from django.urls import reverse

from appeals import workdays
from appeals.models import Appeal, Channel
from inbox import services
from inbox.models import Status
from tests.inbox.factories import at, message

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen")]

# The message came on Monday 23 November 2026; today (frozen) is Thursday the 26th.
SENT = at(2026, 11, 23, 19, 40)

FORM = {
    "author_name": "Айгерім Садықова",
    "author_contacts": "@aigerim_s, +7 701 123 45 67",
    "text": "Қосымша сабақтар үшін ақы төленбеді.",
    "kind": "complaint",
    "topic": "pay",
    "processing_basis": "consent",
    "privacy_notice": "reply",
}


def test_r8_1_the_registration_opens_prefilled_from_the_message(client, account, cast):
    m = message(account, sent_at=SENT)
    client.force_login(cast.alice)
    response = client.get(reverse("inbox:convert", args=[m.pk]))
    assert response.status_code == 200
    form = response.context["form"]
    assert form.initial["received_at"] == SENT == services.prefill(m)["received_at"]
    assert form.initial["channel"] == Channel.TELEGRAM
    assert form.initial["official_account"] == account.pk
    assert form.initial["organization"] == cast.own.pk
    assert form.initial["author_name"] == "Айгерім Садықова"
    assert form.initial["author_contacts"] == "@aigerim_s"
    assert form.initial["text"] == m.text
    html = response.content.decode()
    assert "23.11.2026" in html or "2026-11-23T19:40" in html
    # The message's date, the channel and the account are the message's: not editable here.
    for name in ("received_at", "channel", "official_account", "organization"):
        assert form.fields[name].disabled


def test_r8_1_registering_links_the_message_and_counts_deadlines_from_its_date(
    client, account, cast
):
    m = message(account, sent_at=SENT)
    client.force_login(cast.alice)
    # A forged date in the POST is ignored: the message's own date counts.
    response = client.post(
        reverse("inbox:convert", args=[m.pk]), {**FORM, "received_at": "2026-11-26T10:00"}
    )
    appeal = Appeal.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("appeals:detail", args=[appeal.pk])
    calendar = workdays.current()
    assert appeal.received_at == SENT
    assert appeal.registered_on.isoformat() == "2026-11-23"
    assert appeal.first_response_due == calendar.add_working_days(SENT.date(), 3)
    assert appeal.official_response_due == calendar.add_working_days(SENT.date(), 15)
    # … and not from today, the day it was registered.
    assert appeal.first_response_due != calendar.add_working_days(at(2026, 11, 26).date(), 3)
    assert (appeal.channel, appeal.official_account, appeal.organization) == (
        Channel.TELEGRAM,
        account,
        cast.own,
    )
    m.refresh_from_db()
    assert (m.status, m.appeal) == (Status.CONVERTED, appeal)
    page = client.get(reverse("inbox:detail", args=[m.pk])).content.decode()
    assert reverse("appeals:detail", args=[appeal.pk]) in page


def test_r8_1_a_message_is_turned_into_one_appeal_only(client, account, cast):
    m = message(account, sent_at=SENT)
    client.force_login(cast.alice)
    client.post(reverse("inbox:convert", args=[m.pk]), FORM)
    again = client.post(reverse("inbox:convert", args=[m.pk]), FORM)
    assert Appeal.objects.count() == 1
    assert again.url == reverse("appeals:detail", args=[Appeal.objects.get().pk])


def test_r8_1_a_refused_registration_changes_nothing(client, account, cast):
    m = message(account, sent_at=SENT)
    client.force_login(cast.alice)
    response = client.post(
        reverse("inbox:convert", args=[m.pk]), {**FORM, "processing_basis": "", "author_name": ""}
    )
    assert response.status_code == 200
    assert not Appeal.objects.exists()
    m.refresh_from_db()
    assert m.status == Status.NEW and m.appeal is None


def test_r8_1_the_chairman_may_turn_a_message_into_an_appeal_and_the_lawyer_may_not(
    client, account, cast
):
    m = message(account, sent_at=SENT)
    client.force_login(cast.lara)
    assert client.get(reverse("inbox:convert", args=[m.pk])).status_code == 403
    client.force_login(cast.paula)  # the chairman above oversees; registration is the org's
    assert client.get(reverse("inbox:convert", args=[m.pk])).status_code == 403
    client.force_login(cast.charlie)
    assert client.post(reverse("inbox:convert", args=[m.pk]), FORM).status_code == 302
    assert Appeal.objects.get().created_by == cast.charlie


def test_a_hidden_message_is_not_turned_into_an_appeal(client, account, cast):
    m = message(account, sent_at=SENT)
    services.hide(actor=cast.alice, message=m, ground="spam")
    client.force_login(cast.alice)
    response = client.post(reverse("inbox:convert", args=[m.pk]), FORM)
    assert response.status_code == 302
    assert not Appeal.objects.exists()
