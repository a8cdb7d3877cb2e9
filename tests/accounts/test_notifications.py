import pytest
from django.core import mail
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy

from accounts import outbox
from accounts.models import Notification, OutboxMessage
from accounts.notifications import notify
from accounts.tasks import send_notification_emails
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

TITLE = gettext_lazy("The role has been granted.")


def test_each_recipient_gets_one_entry_in_their_own_language(
    cast, django_capture_on_commit_callbacks
):
    cast.lara.language = "ru"
    cast.lara.save()
    with django_capture_on_commit_callbacks(execute=True):
        notify([cast.alice, cast.lara, cast.alice], kind="tests.hello", title=TITLE, url="/")
    titles = dict(Notification.objects.values_list("recipient__username", "title"))
    assert titles == {"alice": "Рөл берілді.", "lara": "Роль предоставлена."}
    assert sorted(m.to[0] for m in mail.outbox) == ["alice@example.kz", "lara@example.kz"]
    russian = next(m for m in mail.outbox if m.to == ["lara@example.kz"])
    assert russian.subject == "Роль предоставлена."
    assert "Открыть" in russian.body


def test_the_actor_never_notifies_themself(cast, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        notify([cast.alice, cast.charlie], kind="tests.hello", title=TITLE, actor=cast.charlie)
    assert list(Notification.objects.values_list("recipient__username", flat=True)) == ["alice"]
    assert [m.to for m in mail.outbox] == [["alice@example.kz"]]


def test_nothing_is_e_mailed_when_the_transaction_rolls_back(
    cast, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                notify([cast.alice], kind="tests.hello", title=TITLE)
                raise RuntimeError("the change failed")
        except RuntimeError:
            pass
    assert not Notification.objects.exists()
    assert not OutboxMessage.objects.exists()
    assert mail.outbox == []


def test_each_e_mail_is_one_outbox_row_sent_once_however_often_it_is_drained(cast):
    [notification] = notify([cast.alice], kind="tests.hello", title=TITLE)
    row = OutboxMessage.objects.get()
    assert (row.kind, row.payload, row.status) == (
        "notification_email",
        {"notification": notification.pk},
        "pending",
    )
    assert mail.outbox == []  # not before the commit (this test's transaction never commits)
    # A message of the old task, still in a broker from before the outbox, queues nothing twice.
    send_notification_emails([notification.pk])
    assert OutboxMessage.objects.count() == 1
    assert outbox.drain() == {"sent": 1, "failed": 0, "dead": 0}
    assert outbox.drain() == {"sent": 0, "failed": 0, "dead": 0}
    assert len(mail.outbox) == 1
    row.refresh_from_db()
    notification.refresh_from_db()
    assert row.status == "sent" and row.attempts == 1 and notification.emailed_at is not None


def test_no_e_mail_is_queued_for_a_person_without_an_address_or_when_asked_not_to(cast):
    cast.lara.email = ""
    cast.lara.save()
    notify([cast.alice], kind="x", title=TITLE, email=False)
    notify([cast.lara], kind="x", title=TITLE)
    assert Notification.objects.count() == 2
    assert not OutboxMessage.objects.exists()


def test_the_navbar_shows_the_unread_count_and_reading_clears_it(client, cast):
    [first] = notify([cast.alice], kind="x", title=TITLE, email=False)
    notify([cast.alice], kind="tests.other", title=TITLE, url="/organizations/", email=False)
    client.force_login(cast.alice)
    page = client.get(reverse("accounts:home")).content.decode()
    assert 'data-testid="unread-count">2<' in page
    opened = client.post(reverse("accounts:notification_open", args=[first.pk]))
    assert opened.status_code == 302
    assert client.get(reverse("accounts:home")).context["unread_notifications"] == 1
    client.post(reverse("accounts:notification_read_all"))
    assert client.get(reverse("accounts:home")).context["unread_notifications"] == 0


def test_opening_a_notification_follows_only_local_links(client, cast):
    [n] = notify([cast.alice], kind="x", title=TITLE, url="https://evil.example/", email=False)
    client.force_login(cast.alice)
    response = client.post(reverse("accounts:notification_open", args=[n.pk]))
    assert response.url == reverse("accounts:notifications")


def test_someone_else_s_notification_is_404(client, cast):
    [n] = notify([cast.alice], kind="x", title=TITLE, email=False)
    client.force_login(cast.charlie)
    assert client.post(reverse("accounts:notification_open", args=[n.pk])).status_code == 404
    n.refresh_from_db()
    assert n.read_at is None


def test_the_inbox_uses_the_same_number_of_queries_at_any_size(client, cast):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(cast.alice)
    notify([cast.alice], kind="x", title=TITLE, actor=UserFactory(), email=False)
    with CaptureQueriesContext(connection) as small:
        client.get(reverse("accounts:notifications"))
    for _ in range(40):
        notify([cast.alice], kind="x", title=TITLE, actor=UserFactory(), email=False)
    with CaptureQueriesContext(connection) as large:
        client.get(reverse("accounts:notifications"))
    assert len(large.captured_queries) == len(small.captured_queries)


def test_a_person_s_own_words_are_shown_as_written_whatever_percent_they_hold(cast):
    """A comment such as "50% of the text" went through `%` formatting and broke the step."""
    (row,) = notify(
        [cast.alice],
        kind="test",
        title=gettext_lazy("“%(title)s” is returned for revision"),
        body="50% мәтін қайталанады; 100%(x)s",
        params={"title": "Жаңалық"},
    )
    assert row.body == "50% мәтін қайталанады; 100%(x)s"
    assert "Жаңалық" in row.title
