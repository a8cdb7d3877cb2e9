"""Issue 15, point 6, end to end in Debian's Chromium against a fake Telegram (FakeBotApi, the
boundary): the chairman connects the channel's bot, approves a publication planned for the
channel, sees it "sent" with its link once the delivery task ran; the next day's subscriber count
is measured and shown on the account page; a comment in the channel's discussion group comes
into the inbox by long polling and the chairman turns it into an appeal whose 3 and 15
working-day deadlines count from the comment's date (R8.1, R8.2)."""

import re
from datetime import date, datetime, timedelta

import pytest
import time_machine
from django.utils import timezone
from playwright.sync_api import expect

from appeals import workdays
from appeals.models import Appeal
from channels import tasks as channel_tasks
from channels.models import Delivery, SubscriberSnapshot
from channels.simulator import DEMO_TOKEN, FakeBotApi
from content.models import PublicationStatus
from inbox import tasks as inbox_tasks
from inbox.models import InboxMessage
from tests.browser.a11y import assert_accessible
from tests.content.factories import official_account, publication

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CHANNEL, GROUP = -1001000000501, -1001000000502
ALMATY = timezone.get_default_timezone()
# Thursday 26 November 2026, 10:00 in Almaty; the comment came on Monday the 23rd, 19:40.
NOW = datetime(2026, 11, 26, 10, 0, tzinfo=ALMATY)
COMMENT_SENT = datetime(2026, 11, 23, 19, 40, tzinfo=ALMATY)


@pytest.fixture
def fake(settings):
    api = FakeBotApi().start()
    settings.TELEGRAM_API_BASE_URL = api.base_url
    settings.SITE_URL = "http://127.0.0.1:8000"  # not reachable by Telegram: the inbox polls
    api.add_chat(CHANNEL, "Өз арнасы", "own_channel", member_count=1500, linked_chat_id=GROUP)
    api.add_chat(
        GROUP, "Өз арнасы: пікірлер", "own_channel_chat", type="supergroup", linked_chat_id=CHANNEL
    )
    yield api
    api.stop()


@time_machine.travel(NOW, tick=True)
def test_connect_approve_sent_with_link_subscribers_and_a_comment_becomes_an_appeal(
    page, live_server, cast, login, fake
):
    account = official_account(
        cast.own,
        administrator=cast.alice,
        display_name="Өз арнасы",
        url="https://t.me/own_channel",
        normalized_url="t.me/own_channel",
    )
    page.set_viewport_size({"width": 1280, "height": 900})

    # 1. The chairman connects the channel through its bot (R9.2: the chairman's decision).
    login("charlie")
    page.goto(f"{live_server.url}/channels/accounts/{account.pk}/")
    page.locator("#id_token").fill(DEMO_TOKEN)
    page.locator("#id_chat").fill("@own_channel")
    page.locator("#id_approve_access").check()
    page.get_by_test_id("connect-submit").click()
    expect(page.get_by_test_id("telegram-chat")).to_contain_text("@own_channel")

    # 2. A publication for the channel, planned for 10:30, waits for the chairman's approval
    # (drafting and the checklist are journey 1's: tests/browser/test_publication_journey.py).
    p = publication(
        cast.own,
        cast.alice,
        status=PublicationStatus.SUBMITTED,
        frozen=True,
        account=account,
        title="Ұжымдық шарт туралы",
        planned_at=NOW + timedelta(minutes=30),
    )
    page.goto(f"{live_server.url}/content/publications/{p.pk}/")
    page.get_by_test_id("action-approve").click()
    expect(page.get_by_test_id("publication-status")).to_have_text("Келісілді")
    expect(page.get_by_test_id("delivery")).to_have_attribute("data-status", "queued")
    assert fake.sent(CHANNEL) == []

    # 3. At 10:31 the minute task sends it (the real path: sweep → deliver → sendMessage).
    with time_machine.travel(NOW + timedelta(minutes=31), tick=False):
        assert channel_tasks.send_due.apply().get() == 1
    (posted,) = fake.sent(CHANNEL)
    link = f"https://t.me/own_channel/{posted['message_id']}"
    page.reload()
    expect(page.get_by_test_id("delivery")).to_have_attribute("data-status", "sent")
    expect(page.get_by_test_id("delivery-link")).to_have_attribute("href", link)
    assert Delivery.objects.get().link == link

    # 4. The next evening the daily task measures the subscribers; the account page shows them.
    fake.set_member_count(CHANNEL, 1517)
    with time_machine.travel(datetime(2026, 11, 27, 21, 0, tzinfo=ALMATY), tick=False):
        assert channel_tasks.record_subscribers.apply().get() == 1
    assert SubscriberSnapshot.objects.get().date == date(2026, 11, 27)
    page.goto(f"{live_server.url}/channels/accounts/{account.pk}/")
    row = page.get_by_test_id("snapshot").filter(has_text="27.11.2026")
    expect(row.get_by_test_id("snapshot-count")).to_have_text("1517")

    # 5. A comment in the discussion group (written on Monday) comes in by long polling.
    update = fake.comment_update(
        GROUP,
        "Қосымша сабақтар үшін ақы төленбеді. Көмектесіңіздерші!",
        user={
            "id": 9001,
            "is_bot": False,
            "first_name": "Айгерім",
            "last_name": "Садықова",
            "username": "aigerim_s",
        },
    )
    update["message"]["date"] = int(COMMENT_SENT.timestamp())
    fake.push_update(update)
    assert inbox_tasks.fetch_updates.apply().get()["new"] == 1

    page.goto(f"{live_server.url}/inbox/")
    rows = page.get_by_test_id("inbox-row")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("Айгерім Садықова")
    expect(rows.first).to_contain_text("23.11.2026 19:40")
    assert_accessible(page, "the inbox")
    rows.first.get_by_test_id("inbox-open").click()
    assert_accessible(page, "an inbox message")

    # 6. One click: the appeal's registration, prefilled from the comment.
    page.get_by_test_id("action-convert").click()
    expect(page.locator("#id_author_name")).to_have_value("Айгерім Садықова")
    expect(page.locator("#id_author_contacts")).to_have_value("@aigerim_s")
    expect(page.locator("#id_text")).to_have_value(
        "Қосымша сабақтар үшін ақы төленбеді. Көмектесіңіздерші!"
    )
    expect(page.locator("#id_received_at")).to_have_value("2026-11-23T19:40")
    expect(page.locator("#id_received_at")).to_be_disabled()
    expect(page.locator("#id_channel")).to_have_value("telegram")
    assert_accessible(page, "an appeal from an inbox message")
    page.locator("#id_kind").select_option("complaint")
    page.locator("#id_topic").select_option("pay")
    page.locator("#id_processing_basis").select_option("consent")
    page.locator("#id_privacy_notice").select_option("reply")
    page.get_by_test_id("submit").click()

    appeal = Appeal.objects.get()
    page.wait_for_url(f"{live_server.url}/appeals/{appeal.pk}/")
    calendar = workdays.current()
    first = calendar.add_working_days(date(2026, 11, 23), 3)
    official = calendar.add_working_days(date(2026, 11, 23), 15)
    assert (appeal.registered_on, appeal.first_response_due, appeal.official_response_due) == (
        date(2026, 11, 23),
        first,
        official,
    )
    assert appeal.first_response_due != calendar.add_working_days(NOW.date(), 3)
    expect(page.locator("main")).to_contain_text(first.strftime("%d.%m.%Y"))
    expect(page.locator("main")).to_contain_text(official.strftime("%d.%m.%Y"))

    # The message now says it became this appeal, with the link.
    message = InboxMessage.objects.get()
    assert (message.status, message.appeal_id) == ("converted", appeal.pk)
    page.goto(f"{live_server.url}/inbox/{message.pk}/")
    expect(page.get_by_test_id("inbox-appeal")).to_have_attribute("href", f"/appeals/{appeal.pk}/")
    expect(page.get_by_test_id("inbox-appeal")).to_have_text(appeal.number)


@time_machine.travel(NOW, tick=True)
def test_the_administrator_answers_and_deletes_with_a_ground_from_the_inbox(
    page, live_server, cast, login, fake
):
    """R7: the reply goes to Telegram as an answer to the comment; a deletion without a ground is
    refused on the page and Telegram is not asked; with one, the comment is deleted and the
    moderation log says why."""
    from content.models import ModerationAction
    from tests.inbox.conftest import connect

    account = official_account(cast.own, administrator=cast.alice, display_name="Өз арнасы")
    connect(account, cast.charlie, chat_id=CHANNEL, linked_chat_id=GROUP)
    fake.push_update(fake.comment_update(GROUP, "Бұл жерде жарнама: arzan-kredit.kz"))
    fake.push_update(fake.comment_update(GROUP, "Жиналыс қашан болады?"))
    assert inbox_tasks.fetch_updates.apply().get()["new"] == 2
    question = InboxMessage.objects.get(text="Жиналыс қашан болады?")
    spam = InboxMessage.objects.get(text__startswith="Бұл жерде")

    login("alice")
    page.goto(f"{live_server.url}/inbox/{question.pk}/")
    assert_accessible(page, "an inbox message with the administrator's steps")
    page.locator("#reply-text").fill("Жиналыс жұма күні сағат 15:00-де.")
    page.get_by_test_id("action-reply").click()
    expect(page.get_by_test_id("inbox-replies")).to_contain_text("Жиналыс жұма күні")
    (sent,) = fake.method_calls("sendMessage")
    assert sent["reply_parameters"]["message_id"] == question.message_id

    page.goto(f"{live_server.url}/inbox/{spam.pk}/")
    page.get_by_test_id("form-delete").get_by_test_id("action-delete").click()
    expect(page.locator("#delete-ground")).to_have_class(re.compile(r"\bis-invalid\b"))
    assert not fake.method_calls("deleteMessage")
    page.locator("#delete-ground").select_option("spam")
    page.get_by_test_id("form-delete").get_by_test_id("action-delete").click()
    expect(page.get_by_test_id("inbox-moderation")).to_be_visible()
    (deleted,) = fake.method_calls("deleteMessage")
    assert int(deleted["message_id"]) == spam.message_id
    entry = ModerationAction.objects.get()
    assert (entry.action, entry.ground, entry.recorded_by) == (
        "comment_deleted",
        "spam",
        cast.alice,
    )
    page.goto(f"{live_server.url}/content/moderation/")
    expect(page.get_by_test_id("moderation-row")).to_have_count(1)
