"""Issue 13, point 1: approving from the notification (the list's card) and from the e-mail's
signed link — through the engine's approve and return, like the publication page (R6.2, R6.3,
CL8.4 hold), never on a GET, each form sent once."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.contrib.messages import get_messages
from django.core import mail, signing
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from accounts import once
from accounts.models import AuditEntry, Notification
from accounts.outbox import send_notification_email
from checklist.models import Decision
from content.models import Attachment, Publication, PublicationStatus
from content.views import approvals
from tests.checklist.factories import completed, ensure_template
from tests.content.factories import official_account, publication

pytestmark = pytest.mark.django_db
S = PublicationStatus
KIND = "content.publication.submit"


def submitted(cast, organization=None, **fields):
    organization = organization or cast.own
    account = official_account(organization, administrator=cast.alice, display_name="Өз арнасы")
    fields.setdefault("status", S.SUBMITTED)
    p = publication(organization, cast.alice, account=account, **fields)
    p.current_version.text_kk = "Ұжымдық шарт туралы жаңалық"
    p.current_version.save(update_fields=["text_kk"])
    return Publication.objects.get(pk=p.pk)


def notice(user, p, kind=KIND):
    return Notification.objects.create(
        recipient=user,
        kind=kind,
        title=f"Approve {p.title}",
        url=reverse("content:publication_detail", args=[p.pk]),
    )


def post(client, url, **data):
    return client.post(url, {once.FIELD: once.new_token(), "version": 1, **data})


def texts(response):
    """(tag, text) of the flashed messages; MESSAGE_TAGS shows an error as Bootstrap's danger."""
    return [(m.level_tag, str(m)) for m in get_messages(response.wsgi_request)]


def inline(p, action):
    return reverse("content:approval_inline", args=[p.pk, action])


# The notification list's card ------------------------------------------------------------------


def test_the_list_shows_the_publication_with_approve_and_return(client, cast):
    ensure_template()
    p = submitted(cast)
    completed(p.current_version, cast.alice)
    Attachment.objects.create(
        version=p.current_version,
        kind=Attachment.Kind.PHOTO,
        file="content/x.jpg",
        thumbnail="content/thumbs/x.jpg",
        original_name="x.jpg",
    )
    notice(cast.charlie, p)
    client.force_login(cast.charlie)
    html = client.get(reverse("accounts:notifications")).content.decode()
    assert html.count('data-testid="approval-card"') == 1
    assert "Ұжымдық шарт туралы жаңалық" in html
    assert "Өз арнасы" in html
    with translation.override("kk"):
        assert str(Decision.PERMITTED.label) in html
    assert (
        reverse("content:attachment_thumb", args=[p.current_version.attachments.get().pk]) in html
    )
    assert inline(p, "approve") in html and inline(p, "return") in html
    assert 'name="once_token"' in html


def test_no_card_when_it_no_longer_awaits_this_user(client, cast):
    approved = submitted(cast, status=S.APPROVED)
    elsewhere = submitted(cast, organization=cast.sibling)
    notice(cast.charlie, approved)
    notice(cast.charlie, elsewhere)  # a stale notification about another organization's
    client.force_login(cast.charlie)
    html = client.get(reverse("accounts:notifications")).content.decode()
    assert 'data-testid="approval-card"' not in html
    assert html.count('data-testid="notification"') == 2
    # The lawyer sees the publication but approves nothing: no card either.
    p = submitted(cast)
    notice(cast.lara, p)
    client.force_login(cast.lara)
    assert (
        'data-testid="approval-card"'
        not in client.get(reverse("accounts:notifications")).content.decode()
    )


def test_only_the_newest_notification_of_a_publication_carries_the_card(client, cast):
    p = submitted(cast)
    notice(cast.charlie, p)
    notice(cast.charlie, p)
    client.force_login(cast.charlie)
    html = client.get(reverse("accounts:notifications")).content.decode()
    assert html.count('data-testid="approval-card"') == 1


def test_the_list_is_a_bounded_number_of_queries(client, cast):
    client.force_login(cast.charlie)
    notice(cast.charlie, submitted(cast))
    client.get(reverse("accounts:notifications"))
    with CaptureQueriesContext(connection) as one:
        client.get(reverse("accounts:notifications"))
    for _ in range(approvals.MAX_CARDS + 3):
        notice(cast.charlie, submitted(cast))
    for _ in range(20):
        Notification.objects.create(recipient=cast.charlie, kind="other", title="x")
    with CaptureQueriesContext(connection) as many:
        response = client.get(reverse("accounts:notifications"))
    assert response.content.decode().count('data-testid="approval-card"') == approvals.MAX_CARDS
    # Each card asks the engine's guards: the page grows with the cards (at most MAX_CARDS),
    # never with the notifications.
    per_card = 12
    assert len(many) <= len(one) + per_card * (approvals.MAX_CARDS - 1)


def test_approve_from_the_card(client, cast):
    p = submitted(cast)
    asked = notice(cast.charlie, p)
    client.force_login(cast.charlie)
    response = post(client, inline(p, "approve"), next=reverse("accounts:notifications"))
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:notifications")
    assert Publication.objects.get(pk=p.pk).status == S.APPROVED
    assert [level for level, _ in texts(response)] == ["success"]
    assert AuditEntry.objects.filter(action="content.publication.approve").count() == 1
    asked.refresh_from_db()
    assert asked.read_at is not None  # the bell no longer counts it
    # The author hears of it, as from the publication page.
    assert Notification.objects.filter(
        recipient=cast.alice, kind="content.publication.approve"
    ).exists()


def test_another_organization_s_publication_is_404(client, cast):
    p = submitted(cast, organization=cast.sibling)
    client.force_login(cast.charlie)
    for action in ("approve", "return"):
        assert post(client, inline(p, action), comment="x").status_code == 404
    assert Publication.objects.get(pk=p.pk).status == S.SUBMITTED


def test_a_chairman_above_sees_but_may_not_approve(client, cast):
    p = submitted(cast)
    client.force_login(cast.paula)
    assert post(client, inline(p, "approve")).status_code == 403
    assert Publication.objects.get(pk=p.pk).status == S.SUBMITTED


def test_an_action_the_card_does_not_offer_is_404(client, cast):
    p = submitted(cast)
    client.force_login(cast.charlie)
    assert post(client, inline(p, "prohibit"), comment="x").status_code == 404
    assert post(client, inline(p, "publish")).status_code == 404
    assert Publication.objects.get(pk=p.pk).status == S.SUBMITTED


def test_not_approvable_is_refused_with_a_message(client, cast):
    p = submitted(cast, status=S.APPROVED)
    client.force_login(cast.charlie)
    response = post(client, inline(p, "approve"))
    assert response.status_code == 302
    assert [level for level, _ in texts(response)] == ["danger"]
    assert Publication.objects.get(pk=p.pk).status == S.APPROVED


def test_R6_3_an_official_statement_without_the_body_s_approval_is_refused_inline(client, cast):
    p = submitted(cast, is_official_statement=True)
    client.force_login(cast.charlie)
    response = post(client, inline(p, "approve"))
    assert [level for level, _ in texts(response)] == ["danger"]
    assert Publication.objects.get(pk=p.pk).status == S.SUBMITTED


def test_a_changed_text_is_not_approved_from_a_stale_card(client, cast):
    p = submitted(cast)
    client.force_login(cast.charlie)
    response = post(client, inline(p, "approve"), version=2)
    assert [level for level, _ in texts(response)] == ["danger"]
    assert Publication.objects.get(pk=p.pk).status == S.SUBMITTED


def test_return_needs_a_comment(client, cast):
    p = submitted(cast)
    client.force_login(cast.charlie)
    response = post(client, inline(p, "return"), comment="  ")
    messages = texts(response)
    assert [level for level, _ in messages] == ["danger"]
    with translation.override("kk"):
        from django.utils.translation import gettext

        assert gettext("Say why.") in messages[0][1]
    assert Publication.objects.get(pk=p.pk).status == S.SUBMITTED
    assert not AuditEntry.objects.filter(action="content.publication.return").exists()
    response = post(client, inline(p, "return"), comment="Дереккөзін көрсетіңіз")
    assert Publication.objects.get(pk=p.pk).status == S.RETURNED
    assert AuditEntry.objects.get(action="content.publication.return").comment == (
        "Дереккөзін көрсетіңіз"
    )


def test_a_double_submit_approves_once(client, cast):
    p = submitted(cast)
    client.force_login(cast.charlie)
    data = {once.FIELD: once.new_token(), "version": 1}
    first = client.post(inline(p, "approve"), data)
    second = client.post(inline(p, "approve"), data)
    assert first.status_code == second.status_code == 302
    assert Publication.objects.get(pk=p.pk).status == S.APPROVED
    assert AuditEntry.objects.filter(action="content.publication.approve").count() == 1
    assert Notification.objects.filter(kind="content.publication.approve").count() == 1
    assert [level for level, _ in texts(second)][-1] == "info"  # "already sent"


def test_a_foreign_next_is_not_followed(client, cast):
    p = submitted(cast)
    client.force_login(cast.charlie)
    response = post(client, inline(p, "approve"), next="https://evil.example/")
    assert response["Location"] == reverse("accounts:notifications")


def test_a_get_is_not_allowed_inline(client, cast):
    p = submitted(cast)
    client.force_login(cast.charlie)
    assert client.get(inline(p, "approve")).status_code == 405
    assert Publication.objects.get(pk=p.pk).status == S.SUBMITTED


# The e-mail's signed link ----------------------------------------------------------------------


def confirm_url(p, user):
    return reverse("content:approval_confirm", args=[approvals.approval_token(p, user)])


def test_the_link_s_get_shows_the_card_and_does_not_approve(client, cast):
    p = submitted(cast)
    client.force_login(cast.charlie)
    url = confirm_url(p, cast.charlie)
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-testid="card-approve"' in html
    assert "Ұжымдық шарт туралы жаңалық" in html
    assert f'action="{url}"' in html
    assert Publication.objects.get(pk=p.pk).status == S.SUBMITTED
    # Issue 13 point 3: the approval page shows the post as each network will.
    assert 'data-testid="network-previews"' in html and 'data-testid="preview-card"' in html


def test_the_link_needs_the_session(client, cast):
    p = submitted(cast)
    url = confirm_url(p, cast.charlie)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    assert "next=" in response["Location"]
    assert client.post(url, {"version": 1}).status_code == 302
    assert Publication.objects.get(pk=p.pk).status == S.SUBMITTED


def test_the_link_needs_the_second_factor_where_it_is_required(client, cast, settings):
    settings.OTP_REQUIRED_FOR_CHAIRMEN = True
    p = submitted(cast)
    url = confirm_url(p, cast.charlie)
    client.force_login(cast.charlie)  # a password session without the second factor
    for response in (client.get(url), post(client, url)):
        assert response.status_code == 302
        assert response["Location"] == reverse("accounts:two_factor_setup")
    assert Publication.objects.get(pk=p.pk).status == S.SUBMITTED


def test_the_link_s_post_approves(client, cast):
    p = submitted(cast)
    client.force_login(cast.charlie)
    response = post(client, confirm_url(p, cast.charlie))
    assert response.status_code == 302
    assert response["Location"] == reverse("content:publication_detail", args=[p.pk])
    assert Publication.objects.get(pk=p.pk).status == S.APPROVED
    assert AuditEntry.objects.filter(action="content.publication.approve").count() == 1


def test_a_tampered_link_is_refused(client, cast):
    p = submitted(cast)
    other = submitted(cast)
    client.force_login(cast.charlie)
    token = approvals.approval_token(p, cast.charlie)
    payload, rest = token.split(":", 1)
    forged = signing.b64_encode(f'{{"p":{other.pk},"u":{cast.charlie.pk}}}'.encode()).decode()
    forged = f"{forged}:{rest}"  # another publication under this link's signature
    for bad in (token[:-2] + "xx", forged, "nonsense", token + "a"):
        url = reverse("content:approval_confirm", args=[bad])
        for response in (client.get(url), post(client, url)):
            assert response.status_code == 400
            assert b'data-testid="approval-link-error"' in response.content
    assert set(Publication.objects.values_list("status", flat=True)) == {S.SUBMITTED}


def test_an_expired_link_is_refused(client, cast):
    p = submitted(cast)
    client.force_login(cast.charlie)
    url = confirm_url(p, cast.charlie)
    later = timezone.now() + timedelta(seconds=approvals.link_max_age() + 60)
    with time_machine.travel(later):
        client.force_login(cast.charlie)
        for response in (client.get(url), post(client, url)):
            assert response.status_code == 400
            with translation.override("kk"):
                from django.utils.translation import gettext

                assert (
                    gettext(
                        "This approval link has expired. Open the publication and approve it there."
                    )
                    in response.content.decode()
                )
    assert Publication.objects.get(pk=p.pk).status == S.SUBMITTED


def test_another_person_s_link_is_refused(client, cast):
    p = submitted(cast)
    url = confirm_url(p, cast.charlie)
    client.force_login(cast.paula)  # sees the publication, but the link is charlie's
    for response in (client.get(url), post(client, url)):
        assert response.status_code == 403
    assert Publication.objects.get(pk=p.pk).status == S.SUBMITTED


def test_a_link_to_another_organization_s_publication_is_404(client, cast):
    p = submitted(cast, organization=cast.sibling)
    client.force_login(cast.charlie)
    assert client.get(confirm_url(p, cast.charlie)).status_code == 404


def test_the_link_of_a_publication_already_decided_says_so(client, cast):
    p = submitted(cast, status=S.RETURNED)
    client.force_login(cast.charlie)
    response = client.get(confirm_url(p, cast.charlie))
    assert response["Location"] == reverse("content:publication_detail", args=[p.pk])
    response = post(client, confirm_url(p, cast.charlie))
    assert [level for level, _ in texts(response)][-1] == "danger"
    assert Publication.objects.get(pk=p.pk).status == S.RETURNED


# The e-mail ------------------------------------------------------------------------------------


def test_the_e_mail_shows_the_publication_and_the_signed_link(client, cast, settings):
    settings.SITE_URL = "https://smm.example"
    ensure_template()
    p = submitted(cast)
    completed(p.current_version, cast.alice)
    cast.charlie.email = "charlie@example.com"
    cast.charlie.save(update_fields=["email"])
    n = notice(cast.charlie, p)
    send_notification_email({"notification": n.pk})
    (message,) = mail.outbox
    html = message.alternatives[0][0]
    for body in (message.body, html):
        assert "Ұжымдық шарт туралы жаңалық" in body
        assert "Өз арнасы" in body
        with translation.override(cast.charlie.language):
            assert str(Decision.PERMITTED.label) in body
        assert "https://smm.example/content/approve/" in body
    link = re.search(r"https://smm\.example(/content/approve/[^\s\"<]+)", message.body).group(1)
    client.force_login(cast.charlie)
    assert client.get(link).status_code == 200  # a scanner's GET approves nothing
    assert Publication.objects.get(pk=p.pk).status == S.SUBMITTED
    post(client, link)
    assert Publication.objects.get(pk=p.pk).status == S.APPROVED


def test_other_e_mails_are_as_before(cast):
    cast.charlie.email = "charlie@example.com"
    cast.charlie.save(update_fields=["email"])
    n = Notification.objects.create(recipient=cast.charlie, kind="other", title="Сәлем", url="/")
    send_notification_email({"notification": n.pk})
    assert "/content/approve/" not in mail.outbox[0].body


def test_no_approve_link_once_decided(cast):
    p = submitted(cast, status=S.APPROVED)
    cast.charlie.email = "charlie@example.com"
    cast.charlie.save(update_fields=["email"])
    send_notification_email({"notification": notice(cast.charlie, p).pk})
    assert "/content/approve/" not in mail.outbox[0].body
