from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import Organization
from registry.models import AccessListVersion, CreationDecision, OfficialAccount
from tests.factories import OrganizationFactory
from tests.registry.factories import PDF, AccessListFactory, OfficialAccountFactory, compliant

pytestmark = pytest.mark.django_db


@pytest.fixture
def accounts(cast):
    return {
        where: OfficialAccountFactory(
            organization=getattr(cast, where), url=f"https://t.me/{where}_acc"
        )
        for where in ("own", "child", "sibling", "parent")
    }


# (user, account's organization, detail, edit, record rotation, appoint an administrator)
MATRIX = [
    ("alice", "own", 200, 200, 200, 403),
    ("alice", "child", 200, 403, 403, 403),
    ("alice", "sibling", 404, 404, 404, 404),
    ("alice", "parent", 404, 404, 404, 404),
    ("lara", "own", 200, 403, 403, 403),
    ("lara", "sibling", 404, 404, 404, 404),
    ("charlie", "own", 200, 403, 403, 200),
    ("charlie", "child", 200, 403, 403, 403),
    ("charlie", "sibling", 404, 404, 404, 404),
    ("charlie", "parent", 404, 404, 404, 404),
    ("paula", "own", 200, 403, 403, 403),
    ("paula", "parent", 200, 403, 403, 200),
    ("root", "sibling", 200, 200, 200, 200),
]


@pytest.mark.parametrize(("who", "where", "detail", "edit", "rotate", "appoint"), MATRIX)
def test_register_pages_answer_by_role_and_place(
    client, cast, accounts, who, where, detail, edit, rotate, appoint
):
    client.force_login(getattr(cast, who))
    pk = accounts[where].pk
    assert client.get(reverse("registry:detail", args=[pk])).status_code == detail
    assert client.get(reverse("registry:edit", args=[pk])).status_code == edit
    assert client.get(reverse("registry:rotation_add", args=[pk])).status_code == rotate
    assert client.get(reverse("registry:appointment_add", args=[pk])).status_code == appoint


def test_the_list_shows_the_subtree_only(client, cast, accounts):
    client.force_login(cast.charlie)
    shown = {a.pk for a in client.get(reverse("registry:list")).context["page"]}
    assert shown == {accounts["own"].pk, accounts["child"].pk}


def test_the_list_filters_by_flag_network_and_search(client, cast, accounts, today):
    compliant(accounts["own"])
    client.force_login(cast.paula)
    url = reverse("registry:list")
    flagged = {a.pk for a in client.get(url, {"flag": "no_decision"}).context["page"]}
    assert accounts["own"].pk not in flagged and accounts["child"].pk in flagged
    found = {a.pk for a in client.get(url, {"q": "sibling_acc"}).context["page"]}
    assert found == {accounts["sibling"].pk}
    assert not list(client.get(url, {"network": "instagram"}).context["page"])


def test_the_list_uses_the_same_number_of_queries_for_10_and_1000_accounts(client, cast):
    def bulk(n, start):
        OfficialAccount.objects.bulk_create(
            OfficialAccount(
                organization=cast.child,
                network="telegram_channel",
                display_name=f"A{i}",
                url=f"https://t.me/a{i}",
                normalized_url=f"t.me/a{i}",
                languages="kk",
                password_due_on=date(2027, 1, 1),
            )
            for i in range(start, start + n)
        )

    client.force_login(cast.paula)
    bulk(10, 0)
    with CaptureQueriesContext(connection) as small:
        assert client.get(reverse("registry:list")).status_code == 200
    bulk(990, 10)
    with CaptureQueriesContext(connection) as large:
        assert client.get(reverse("registry:list")).status_code == 200
    assert len(large.captured_queries) == len(small.captured_queries)
    with CaptureQueriesContext(connection) as small_h:
        client.get(reverse("registry:hygiene"))
    OrganizationFactory(parent=cast.own)
    bulk(1, 2000)
    with CaptureQueriesContext(connection) as large_h:
        response = client.get(reverse("registry:hygiene"))
    assert len(large_h.captured_queries) == len(small_h.captured_queries)
    assert response.context["total"].total == 1001


def test_hygiene_sums_each_child_over_its_subtree(client, cast, accounts, today):
    compliant(accounts["sibling"])
    client.force_login(cast.paula)
    response = client.get(reverse("registry:hygiene"))
    rows = {row.organization.pk: row for row in response.context["rows"]}
    own = rows[cast.own.pk]  # own + child
    assert (own.total, own.counts["no_decision"]) == (2, 2)
    assert (rows[cast.sibling.pk].total, rows[cast.sibling.pk].counts["any"]) == (1, 0)
    assert response.context["total"].total == 4


def test_hygiene_is_for_chairmen(client, cast, accounts):
    client.force_login(cast.alice)
    assert client.get(reverse("registry:hygiene")).status_code == 403
    client.force_login(cast.charlie)
    assert (
        client.get(reverse("registry:hygiene"), {"organization": cast.sibling.pk}).status_code
        == 404
    )


def test_registering_through_the_form(client, cast, today):
    client.force_login(cast.alice)
    data = {
        "organization": cast.own.pk,
        "network": "instagram",
        "display_name": "Біздің мектеп",
        "handle": "",
        "url": "instagram.com/Our_School",
        "languages": "both",
        "is_publishing_target": "on",
        "password_set_on": "2026-11-01",
    }
    response = client.post(reverse("registry:create"), data)
    account = OfficialAccount.objects.get()
    assert response.url == reverse("registry:detail", args=[account.pk])
    assert account.url == "https://instagram.com/Our_School"
    # The same account again, typed differently: refused, with the holder named.
    response = client.post(
        reverse("registry:create"), {**data, "url": "https://www.instagram.com/our_school/"}
    )
    assert response.status_code == 200
    assert "Өз ұйымы" in response.content.decode()
    assert OfficialAccount.objects.count() == 1


def test_an_administrator_cannot_register_for_another_organization(client, cast, today):
    client.force_login(cast.alice)
    data = {
        "organization": cast.sibling.pk,
        "network": "instagram",
        "display_name": "X",
        "url": "instagram.com/x",
        "languages": "kk",
        "password_set_on": "2026-11-01",
    }
    response = client.post(reverse("registry:create"), data)
    assert response.status_code == 200 and "organization" in response.context["form"].errors
    assert not OfficialAccount.objects.exists()


def test_a_bad_upload_gets_a_clear_message_and_nothing_is_saved(client, cast, accounts, today):
    client.force_login(cast.alice)
    url = reverse("registry:decision_add", args=[accounts["own"].pk])
    data = {"body": "Комитет", "number": "1", "decided_on": "2026-01-10"}
    exe = SimpleUploadedFile("decision.pdf", b"MZ\x90\x00\x03", content_type="application/pdf")
    response = client.post(url, {**data, "document": exe})
    assert response.status_code == 200
    assert "PDF, PNG немесе JPEG" in response.content.decode()
    good = SimpleUploadedFile("decision.pdf", PDF, content_type="application/pdf")
    assert client.post(url, {**data, "document": good}).status_code == 302
    assert CreationDecision.objects.count() == 1


def test_a_future_rotation_date_is_refused_in_kazakh(client, cast, accounts, today):
    client.force_login(cast.alice)
    response = client.post(
        reverse("registry:rotation_add", args=[accounts["own"].pk]), {"rotated_on": "2026-12-01"}
    )
    assert response.status_code == 200
    assert "Күн болашақта бола алмайды" in response.content.decode()


def test_the_chairman_approves_through_the_page_and_a_foreign_chairman_gets_404(
    client, cast, accounts, today
):
    version = AccessListFactory(account=accounts["own"], status="pending")
    client.force_login(cast.sibling_chairman)
    url = reverse("registry:access_list_decide", args=[version.pk, "approve"])
    assert client.post(url).status_code == 404
    client.force_login(cast.paula)  # a higher chairman reads but does not approve
    assert client.post(url).status_code == 403
    client.force_login(cast.charlie)
    assert client.post(url).status_code == 302
    version.refresh_from_db()
    assert version.status == AccessListVersion.Status.APPROVED
    response = client.post(url, follow=True)  # the second time: a clear message, no change
    assert "шешім қабылданған" in response.content.decode()


def test_documents_are_served_only_within_the_subtree(client, cast, accounts):
    from tests.registry.factories import CreationDecisionFactory

    decision = CreationDecisionFactory(account=accounts["own"])
    url = reverse("registry:document", args=["decision", decision.pk])
    client.force_login(cast.lara)
    response = client.get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
    client.force_login(cast.sam)
    assert client.get(url).status_code == 404
    assert (
        client.get(reverse("registry:document", args=["nothing", decision.pk])).status_code == 404
    )


def test_the_detail_page_uses_a_constant_number_of_queries(client, cast, accounts):
    account = compliant(accounts["own"])
    client.force_login(cast.charlie)
    with CaptureQueriesContext(connection) as small:
        client.get(reverse("registry:detail", args=[account.pk]))
    for _ in range(5):
        compliant(account)
    with CaptureQueriesContext(connection) as large:
        client.get(reverse("registry:detail", args=[account.pk]))
    assert len(large.captured_queries) == len(small.captured_queries)


def test_organizations_are_untouched_by_register_views(cast):
    assert Organization.objects.count() == 4


def test_the_register_can_show_one_organization_without_its_subtree(client, cast, accounts):
    client.force_login(cast.paula)
    url = reverse("registry:list")
    subtree = {a.pk for a in client.get(url, {"organization": cast.own.pk}).context["page"]}
    own = {
        a.pk for a in client.get(url, {"organization": cast.own.pk, "own": "True"}).context["page"]
    }
    assert subtree == {accounts["own"].pk, accounts["child"].pk}
    assert own == {accounts["own"].pk}


def test_the_next_page_keeps_the_filters(client, cast):
    OfficialAccount.objects.bulk_create(
        OfficialAccount(
            organization=cast.own,
            network="telegram_channel",
            display_name=f"A{i}",
            url=f"https://t.me/p{i}",
            normalized_url=f"t.me/p{i}",
            languages="kk",
            password_due_on=date(2027, 1, 1),
        )
        for i in range(60)
    )
    client.force_login(cast.charlie)
    html = client.get(
        reverse("registry:list"), {"network": "telegram_channel", "q": "A"}
    ).content.decode()
    assert "network=telegram_channel" in html and "q=A&amp;page=2" in html
