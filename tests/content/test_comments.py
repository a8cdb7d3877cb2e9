"""Issue 13 point 4: a discussion thread per publication and per plan, with @mentions that
notify, seen by everyone who may see the object, kept in its history."""

import pytest
from django.urls import reverse
from django.utils import translation

from accounts.models import AuditEntry, Notification, OutboxMessage
from content.comments import mentions_in
from content.models import Comment
from tests.content.factories import plan, publication

pytestmark = pytest.mark.django_db


def _post(client, user, url, text):
    client.force_login(user)
    return client.post(url, {"text": text})


def test_mentions_are_usernames_after_an_at_sign_not_e_mail_addresses():
    assert mentions_in("@lara, қараңызшы; @charlie. Хат: info@union.kz @lara") == [
        "lara",
        "charlie",
    ]


def test_a_comment_is_kept_in_the_thread_and_the_history_and_the_named_person_notified(
    client, cast
):
    p = publication(cast.own, cast.alice)
    url = reverse("content:publication_comment", args=[p.pk])
    response = _post(client, cast.alice, url, "@lara CL2.5 бойынша қараңызшы")
    assert response.status_code == 302 and response.url.endswith("#comments")
    comment = Comment.objects.get()
    assert comment.publication == p and comment.author == cast.alice
    assert list(comment.mentioned.all()) == [cast.lara]
    note = Notification.objects.get(kind="content.mention")
    assert note.recipient == cast.lara and note.url.endswith("#comments")
    assert AuditEntry.objects.filter(action="content.comment.add", object_id=str(p.pk)).exists()
    page = client.get(reverse("content:publication_detail", args=[p.pk])).content.decode()
    assert 'data-testid="comment"' in page and '<span class="mention">@lara</span>' in page


def test_everyone_who_may_see_the_publication_sees_the_thread_and_may_answer(client, cast):
    p = publication(cast.own, cast.alice)
    _post(client, cast.alice, reverse("content:publication_comment", args=[p.pk]), "Сұрақ")
    # The parent organization's chairman sees "own" and answers in the thread.
    client.force_login(cast.paula)
    page = client.get(reverse("content:publication_detail", args=[p.pk])).content.decode()
    assert "Сұрақ" in page
    response = client.post(
        reverse("content:publication_comment", args=[p.pk]), {"text": "@alice жарайды"}
    )
    assert response.status_code == 302
    assert Notification.objects.filter(recipient=cast.alice, kind="content.mention").count() == 1


def test_a_person_who_cannot_see_the_publication_cannot_be_named_and_nothing_is_saved(client, cast):
    p = publication(cast.own, cast.alice)
    response = _post(
        client, cast.alice, reverse("content:publication_comment", args=[p.pk]), "@sam қара"
    )
    assert response.status_code == 400
    assert response.context["form"].has_error("text", "unknown_mention")
    with translation.override("kk"):
        message = translation.gettext(
            "These people cannot see this page, so they cannot be named: %(names)s."
        ) % {"names": "@sam"}
    assert message in response.content.decode().replace("&#x27;", "'")
    assert "@sam қара" in response.content.decode()  # the text is kept for correcting
    assert not Comment.objects.exists() and not Notification.objects.exists()


def test_another_organizations_publication_answers_404_and_nothing_is_saved(client, cast):
    p = publication(cast.own, cast.alice)
    response = _post(client, cast.sam, reverse("content:publication_comment", args=[p.pk]), "Сәлем")
    assert response.status_code == 404 and not Comment.objects.exists()


def test_an_empty_comment_is_refused(client, cast):
    p = publication(cast.own, cast.alice)
    response = _post(client, cast.alice, reverse("content:publication_comment", args=[p.pk]), " ")
    assert response.status_code == 400 and not Comment.objects.exists()


def test_the_same_comment_sent_twice_is_kept_once(client, cast):
    from accounts import once

    p = publication(cast.own, cast.alice)
    client.force_login(cast.alice)
    url = reverse("content:publication_comment", args=[p.pk])
    data = {"text": "Бір рет", once.FIELD: once.new_token()}
    client.post(url, data)
    client.post(url, data)
    assert Comment.objects.count() == 1


def test_a_plan_has_its_own_thread(client, cast):
    pl = plan(cast.own, cast.alice)
    response = _post(
        client, cast.charlie, reverse("content:plan_comment", args=[pl.pk]), "@alice ok"
    )
    assert response.status_code == 302
    assert Comment.objects.get().plan == pl
    page = client.get(reverse("content:plan_detail", args=[pl.pk])).content.decode()
    assert 'data-testid="comment"' in page


def test_the_thread_costs_the_same_queries_however_long(client, cast):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    p = publication(cast.own, cast.alice)
    client.force_login(cast.alice)
    url = reverse("content:publication_detail", args=[p.pk])

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx)

    Comment.objects.create(publication=p, author=cast.alice, text="1")
    few = count()
    Comment.objects.bulk_create(
        [Comment(publication=p, author=cast.lara, text=str(i)) for i in range(30)]
    )
    assert count() == few


def test_a_mention_e_mails_like_any_notification(client, cast):
    p = publication(cast.own, cast.alice)
    cast.lara.email = "lara@example.kz"
    cast.lara.save()
    _post(client, cast.alice, reverse("content:publication_comment", args=[p.pk]), "@lara ?")
    assert OutboxMessage.objects.filter(dedupe_key__startswith="notification:").count() == 1
