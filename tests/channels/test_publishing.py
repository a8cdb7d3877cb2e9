"""Publishing exactly the approved version to the connected channel, at most once."""

from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from accounts.exceptions import InvalidTransition
from accounts.models import AuditEntry
from channels import delivery as deliveries
from channels.delivery import delivery_workflow
from channels.models import Delivery, DeliveryStatus
from content import services as content
from content.models import Attachment, PublicationStatus
from tests.channels.conftest import BOT_ID, CHANNEL, approve
from tests.registry.factories import PNG

pytestmark = pytest.mark.django_db
D = DeliveryStatus
S = PublicationStatus


def _approve_and_run(cast, p, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        approve(cast, p)
    return Delivery.objects.get(publication=p)


def test_R6_2_the_approved_version_goes_out_with_its_hash_and_link(
    cast, fake, submitted, django_capture_on_commit_callbacks
):
    d = _approve_and_run(cast, submitted, django_capture_on_commit_callbacks)
    assert d.status == D.SENT
    [message] = fake.sent(CHANNEL)
    assert message["text"] == "Мәтін\n\nТекст"
    assert d.message_ids == [message["message_id"]]
    assert d.link == f"https://t.me/own_channel/{message['message_id']}"
    assert d.sent_hash == d.version_hash and len(d.version_hash) == 64
    submitted.refresh_from_db()
    assert submitted.status == S.PUBLISHED
    assert submitted.targets.get().post_url == d.link  # recorded by itself, nobody typed it
    assert AuditEntry.objects.filter(action="channels.delivery.sent").exists()


def test_a_planned_publication_waits_for_its_time(
    cast, fake, submitted, django_capture_on_commit_callbacks
):
    submitted.planned_at = timezone.now() + timedelta(hours=2)
    submitted.save()
    d = _approve_and_run(cast, submitted, django_capture_on_commit_callbacks)
    assert d.status == D.QUEUED and fake.sent(CHANNEL) == []
    assert deliveries.sweep() == []
    Delivery.objects.filter(pk=d.pk).update(send_after=timezone.now() - timedelta(seconds=1))
    assert deliveries.sweep() == [d.pk]
    assert deliveries.deliver(d.pk) == D.SENT
    assert len(fake.sent(CHANNEL)) == 1


def test_a_delivered_row_is_never_sent_twice(
    cast, fake, submitted, django_capture_on_commit_callbacks
):
    d = _approve_and_run(cast, submitted, django_capture_on_commit_callbacks)
    assert deliveries.deliver(d.pk) == D.SENT
    assert deliveries.deliver(d.pk) == D.SENT
    assert len(fake.method_calls("sendMessage")) == 1


def test_429_waits_retry_after_then_sends(
    cast, fake, submitted, django_capture_on_commit_callbacks
):
    fake.fail_next("sendMessage", 429, "Too Many Requests: retry after 30", retry_after=30)
    d = _approve_and_run(cast, submitted, django_capture_on_commit_callbacks)
    assert d.status == D.QUEUED and d.error_code == 429
    assert 25 <= (d.retry_at - timezone.now()).total_seconds() <= 30
    assert deliveries.deliver(d.pk) == D.QUEUED  # not before retry_after
    Delivery.objects.filter(pk=d.pk).update(retry_at=timezone.now() - timedelta(seconds=1))
    assert deliveries.deliver(d.pk) == D.SENT
    assert len(fake.sent(CHANNEL)) == 1 and len(fake.method_calls("sendMessage")) == 2


def test_403_kicked_fails_with_what_to_do_and_a_person_sends_again(
    cast, fake, submitted, django_capture_on_commit_callbacks
):
    fake.kick_bot(CHANNEL, BOT_ID)
    d = _approve_and_run(cast, submitted, django_capture_on_commit_callbacks)
    assert d.status == D.FAILED and d.error_code == 403
    assert "add it back as an administrator" in d.error
    submitted.refresh_from_db()
    assert submitted.status == S.APPROVED  # nothing went out
    fake.set_bot_member(CHANNEL, BOT_ID, "administrator")
    with django_capture_on_commit_callbacks(execute=True):
        delivery_workflow.perform(cast.alice, d, "retry")
    d.refresh_from_db()
    assert d.status == D.SENT and len(fake.sent(CHANNEL)) == 1


def test_ok_false_400_fails_and_nothing_is_posted(
    cast, fake, submitted, django_capture_on_commit_callbacks
):
    fake.fail_next("sendMessage", 400, "Bad Request: need administrator rights in the channel chat")
    d = _approve_and_run(cast, submitted, django_capture_on_commit_callbacks)
    assert d.status == D.FAILED and "right to post" in d.error
    assert fake.sent(CHANNEL) == []


def test_a_server_error_leaves_it_for_a_person_never_a_second_post(
    cast, fake, submitted, django_capture_on_commit_callbacks
):
    fake.fail_next("sendMessage", 502, "Bad Gateway")
    d = _approve_and_run(cast, submitted, django_capture_on_commit_callbacks)
    assert d.status == D.UNKNOWN and "check the channel" in d.error
    assert deliveries.deliver(d.pk) == D.UNKNOWN
    assert len(fake.method_calls("sendMessage")) == 1


def test_an_unknown_row_is_resolved_by_a_person_with_the_link(
    cast, fake, submitted, django_capture_on_commit_callbacks
):
    fake.fail_next("sendMessage", 502, "Bad Gateway")
    d = _approve_and_run(cast, submitted, django_capture_on_commit_callbacks)
    with pytest.raises(Exception):  # noqa: B017 - a link that is not a post's: refused
        delivery_workflow.perform(cast.alice, d, "resolve_posted", link="https://example.com/")
    delivery_workflow.perform(cast.alice, d, "resolve_posted", link="https://t.me/own_channel/777")
    d.refresh_from_db()
    assert (d.status, d.link, d.message_ids, d.resolved_by) == (
        D.SENT,
        "https://t.me/own_channel/777",
        [777],
        cast.alice,
    )
    submitted.refresh_from_db()
    assert submitted.status == S.PUBLISHED
    assert len(fake.method_calls("sendMessage")) == 1


def test_an_unknown_row_not_in_the_channel_is_sent_again_by_a_person(
    cast, fake, submitted, django_capture_on_commit_callbacks
):
    fake.fail_next("sendMessage", 502, "Bad Gateway")
    d = _approve_and_run(cast, submitted, django_capture_on_commit_callbacks)
    with pytest.raises(Exception):  # noqa: B017 - says what was checked
        delivery_workflow.perform(cast.alice, d, "resolve_not_posted", comment="")
    with django_capture_on_commit_callbacks(execute=True):
        delivery_workflow.perform(
            cast.alice, d, "resolve_not_posted", comment="Арнада жоқ, тексердім"
        )
    d.refresh_from_db()
    assert d.status == D.SENT and len(fake.sent(CHANNEL)) == 1


def test_a_lawyer_cannot_resolve(cast, fake, submitted, django_capture_on_commit_callbacks):
    from django.core.exceptions import PermissionDenied

    fake.fail_next("sendMessage", 502, "Bad Gateway")
    d = _approve_and_run(cast, submitted, django_capture_on_commit_callbacks)
    with pytest.raises(PermissionDenied):
        delivery_workflow.perform(cast.lara, d, "resolve_not_posted", comment="x")


def test_R6_2_a_version_changed_after_approval_does_not_go_out(
    cast, fake, submitted, django_capture_on_commit_callbacks
):
    submitted.planned_at = timezone.now() + timedelta(hours=1)
    submitted.save()
    d = _approve_and_run(cast, submitted, django_capture_on_commit_callbacks)
    version = submitted.current_version
    version.text_kk = "Басқа мәтін"  # changed behind the workflow's back
    version.save()
    Delivery.objects.filter(pk=d.pk).update(send_after=timezone.now())
    assert deliveries.deliver(d.pk) == D.FAILED
    d.refresh_from_db()
    assert "approve it again" in d.error and fake.sent(CHANNEL) == []


def test_R6_2_telegram_limits_are_checked_before_approval(cast, fake, submitted):
    version = submitted.current_version
    version.text_kk = "ә" * 4100
    version.save()
    with pytest.raises(InvalidTransition) as caught:
        approve(cast, submitted)
    assert caught.value.rule == "R6.2" and "4096" in str(caught.value.message)


def test_R6_2_a_caption_with_a_photo_is_at_most_1024(cast, fake, submitted):
    version = submitted.current_version
    Attachment.objects.create(
        version=version, kind="photo", file=ContentFile(PNG, name="p.png"), original_name="p.png"
    )
    version.text_kk = "ә" * 1100
    version.save()
    with pytest.raises(InvalidTransition) as caught:
        approve(cast, submitted)
    assert "1024" in str(caught.value.message)


def test_a_photo_goes_out_as_a_photo_and_two_as_an_album(
    cast, fake, submitted, django_capture_on_commit_callbacks
):
    version = submitted.current_version
    for name in ("a.png", "b.png"):
        Attachment.objects.create(
            version=version, kind="photo", file=ContentFile(PNG, name=name), original_name=name
        )
    d = _approve_and_run(cast, submitted, django_capture_on_commit_callbacks)
    assert d.status == D.SENT and len(d.message_ids) == 2
    [call] = fake.method_calls("sendMediaGroup")
    assert sorted(call["_files"].values()) == ["a.png", "b.png"]
    assert fake.sent(CHANNEL)[0]["caption"] == "Мәтін\n\nТекст"


def test_withdrawing_deletes_the_post(cast, fake, submitted, django_capture_on_commit_callbacks):
    d = _approve_and_run(cast, submitted, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        content.publication_withdraw(actor=cast.alice, publication=submitted, reason="Қате")
    d.refresh_from_db()
    assert d.withdrawn_at and fake.sent(CHANNEL) == []


def test_withdrawing_says_why_when_telegram_refuses(
    cast, fake, submitted, django_capture_on_commit_callbacks
):
    d = _approve_and_run(cast, submitted, django_capture_on_commit_callbacks)
    fake.fail_next("deleteMessage", 400, "Bad Request: message can't be deleted")
    with django_capture_on_commit_callbacks(execute=True):
        content.publication_withdraw(actor=cast.alice, publication=submitted, reason="Қате")
    d.refresh_from_db()
    assert d.withdrawn_at is None and "48 hours" in d.withdraw_error
    assert len(fake.sent(CHANNEL)) == 1


def test_an_unconnected_target_gets_no_delivery(cast, fake, django_capture_on_commit_callbacks):
    from tests.content.factories import publication

    p = publication(cast.own, cast.alice, status=S.SUBMITTED, frozen=True)
    with django_capture_on_commit_callbacks(execute=True):
        approve(cast, p)
    assert not Delivery.objects.exists() and fake.calls == []


def test_the_publication_page_shows_the_delivery_with_its_link_and_errors_with_steps(
    cast, client, fake, submitted, django_capture_on_commit_callbacks
):
    from django.urls import reverse

    fake.fail_next("sendMessage", 502, "Bad Gateway")
    d = _approve_and_run(cast, submitted, django_capture_on_commit_callbacks)
    client.force_login(cast.alice)
    url = reverse("content:publication_detail", args=[submitted.pk])
    page = client.get(url).content.decode()
    assert 'data-testid="telegram-deliveries"' in page and 'data-status="unknown"' in page
    assert 'data-testid="delivery-action-resolve_posted"' in page
    response = client.post(
        reverse("channels:delivery_act", args=[d.pk, "resolve_posted"]),
        {"link": "https://t.me/own_channel/5", "next": "publication"},
    )
    assert response.status_code == 302 and response["Location"] == url
    page = client.get(url).content.decode()
    assert 'data-status="sent"' in page and "https://t.me/own_channel/5" in page


def test_R6_2_a_photo_too_long_for_telegram_is_refused_before_approval(cast, fake, submitted):
    from io import BytesIO

    from PIL import Image

    buffer = BytesIO()
    Image.new("RGB", (10, 300)).save(buffer, "PNG")
    Attachment.objects.create(
        version=submitted.current_version,
        kind="photo",
        file=ContentFile(buffer.getvalue(), name="tall.png"),
        original_name="tall.png",
    )
    with pytest.raises(InvalidTransition) as caught:
        approve(cast, submitted)
    assert "tall.png" in str(caught.value.message)
    assert not Delivery.objects.exists()


def test_R6_4_an_urgent_message_to_a_connected_channel_needs_no_typed_link(
    cast, fake, account, connection, django_capture_on_commit_callbacks
):
    """The urgent path (R6.4) publishes to a connected channel by itself: no link to paste, the
    link is recorded when the post is out. Without a connected target a link is still needed."""
    from tests.checklist.factories import completed
    from tests.content.factories import publication

    p = publication(cast.own, cast.alice, is_urgent=True, account=account)
    completed(p.current_version, cast.alice)
    with django_capture_on_commit_callbacks(execute=True):
        content.publication_publish_urgent(
            actor=cast.alice, publication=p, links={}, reason="Бүгін кешке"
        )
    p.refresh_from_db()
    d = Delivery.objects.get(publication=p)
    target = p.targets.get()
    assert p.status == S.PUBLISHED and d.status == D.SENT
    assert target.post_url == d.link and d.link.startswith("https://t.me/own_channel/")
    assert len(fake.sent(CHANNEL)) == 1


def test_R6_4_an_urgent_message_without_a_connected_target_still_needs_a_link(cast, fake):
    from django.core.exceptions import ValidationError

    from tests.checklist.factories import completed
    from tests.content.factories import official_account, publication

    other = official_account(cast.own, administrator=cast.alice, display_name="Басқа")
    p = publication(cast.own, cast.alice, is_urgent=True, account=other)
    completed(p.current_version, cast.alice)
    with pytest.raises(ValidationError):
        content.publication_publish_urgent(
            actor=cast.alice, publication=p, links={}, reason="Бүгін кешке"
        )
    p.refresh_from_db()
    assert p.status == S.DRAFT and not Delivery.objects.filter(publication=p).exists()
