"""R9.1: the author's name and username in full only for the organization's own administrators
and chairman; every opening with them logged; depersonalized after the retention."""

import pytest
from dateutil.relativedelta import relativedelta
from django.urls import reverse
from django.utils import timezone

from accounts.models import AuditEntry
from appeals import services as appeals_services
from appeals import tasks as appeals_tasks
from inbox import services
from inbox.models import InboxMessage, InboxReply
from tests.inbox.factories import message

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen")]

NAME, HANDLE = "Айгерім Садықова", "aigerim_s"


@pytest.mark.parametrize(
    ("who", "full"),
    [("alice", True), ("charlie", True), ("paula", False), ("root", True)],
)
def test_r9_1_the_list_masks_the_author_for_those_who_do_not_handle_it(
    client, account, cast, who, full
):
    message(account)
    client.force_login(getattr(cast, who))
    html = client.get(reverse("inbox:list")).content.decode()
    assert (NAME in html) is full
    assert (f"@{HANDLE}" in html) is full
    if not full:
        assert "А••• С•••" in html and "@a•••s" in html


@pytest.mark.parametrize(("who", "logged"), [("alice", True), ("paula", False)])
def test_r9_1_opening_a_message_with_the_authors_data_is_logged(client, account, cast, who, logged):
    m = message(account)
    client.force_login(getattr(cast, who))
    html = client.get(reverse("inbox:detail", args=[m.pk])).content.decode()
    assert (NAME in html) is logged
    entries = AuditEntry.objects.filter(action="inbox.message.view_personal_data")
    assert entries.exists() is logged
    if logged:
        entry = entries.get()
        assert (entry.actor, entry.organization, entry.object_id) == (
            cast.alice,
            cast.own,
            str(m.pk),
        )
        assert NAME not in entry.object_repr


def test_r9_1_the_list_itself_logs_nothing_because_it_shows_nothing_more(client, account, cast):
    message(account)
    client.force_login(cast.alice)
    client.get(reverse("inbox:list"))
    assert not AuditEntry.objects.filter(action="inbox.message.view_personal_data").exists()


def test_r9_1_old_messages_are_depersonalized_by_the_nightly_appeals_job(account, cast):
    years = appeals_services.depersonalize_cutoff(timezone.now())
    old = message(account, sent_at=years - relativedelta(days=1))
    InboxReply.objects.create(message=old, text=f"{NAME}, жауап", sent_by=cast.alice)
    recent = message(account, sent_at=years + relativedelta(days=1))
    result = appeals_tasks.depersonalize_appeals.apply().get()
    assert result == {"depersonalized": 0}  # no appeals; the inbox step ran too
    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.author_name, old.author_handle, old.author_id, old.text) == ("—", "", "", "—")
    assert old.depersonalized_at is not None
    assert InboxReply.objects.get().text == "—"
    assert recent.author_name == NAME and recent.depersonalized_at is None
    entry = AuditEntry.objects.get(action="inbox.message.depersonalize")
    assert entry.organization == cast.own
    # Exactly once: a second run finds nothing.
    appeals_tasks.depersonalize_appeals.apply().get()
    assert AuditEntry.objects.filter(action="inbox.message.depersonalize").count() == 1


def test_r9_1_a_converted_message_keeps_its_data_until_its_appeal_loses_them(account, cast):
    from tests.appeals.factories import register

    cutoff = appeals_services.depersonalize_cutoff(timezone.now())
    m = message(account, sent_at=cutoff - relativedelta(days=3))
    appeal = register(cast.alice, cast.own)
    InboxMessage.objects.filter(pk=m.pk).update(appeal=appeal, status="converted")
    services.depersonalize(cutoff)
    m.refresh_from_db()
    assert m.author_name == NAME  # the appeal is open: its source stays
    appeal.depersonalized_at = timezone.now()
    appeal.save(update_fields=["depersonalized_at"])
    services.depersonalize(cutoff)
    m.refresh_from_db()
    assert m.author_name == "—"


def test_r9_1_the_audit_entries_of_steps_carry_no_personal_data(client, fake, connection, cast):
    from tests.inbox.conftest import GROUP

    m = message(connection.account, chat_id=GROUP)
    services.reply(actor=cast.alice, message=m, text="Жауап")
    for entry in AuditEntry.objects.filter(action__startswith="inbox."):
        assert NAME not in str(entry.changes) + entry.object_repr + entry.comment
        assert "+7 701" not in str(entry.changes) + entry.object_repr + entry.comment
