"""Issue 13, point 8: the hygiene page and its drill-downs say who must act on each flag — the
account's administrator or the organization's chairman, as the rule says — with a link to do
it; its PDF keeps the page's filter and shows the same rows. Scale-safe: constant queries."""

import io
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from pypdf import PdfReader

from accounts.models import Role
from registry.models import FLAGS, AccessListVersion
from tests.factories import MembershipFactory, UserFactory
from tests.registry.factories import (
    AccessListFactory,
    AppointmentFactory,
    CreationDecisionFactory,
    LogoCheckFactory,
    OfficialAccountFactory,
)

pytestmark = pytest.mark.django_db

HYGIENE = "/registry/hygiene/"


def account(cast, *, decision=True, administrator="Ахметов Ерлан", listed=True, **fields):
    """An account of "own" in order except where told."""
    acc = OfficialAccountFactory(organization=cast.own, **fields)
    if decision:
        CreationDecisionFactory(account=acc)
    LogoCheckFactory(account=acc)
    if administrator:
        AppointmentFactory(account=acc, full_name=administrator)
    if listed:
        AccessListFactory(account=acc)
    return acc


def tasks(client, **query):
    response = client.get(HYGIENE, query)
    assert response.status_code == 200
    return response, {(t.account.pk, t.flag): t for t in response.context["tasks"]}


def test_r4_2_no_decision_names_the_accounts_administrator_with_the_link(client, cast, today):
    acc = account(cast, decision=False)
    client.force_login(cast.charlie)
    response, found = tasks(client, organization=cast.own.pk, flag="no_decision", own="1")
    task = found[(acc.pk, "no_decision")]
    assert task.action.rule == "R4.2" and task.people == ["Ахметов Ерлан"]
    assert task.url == reverse("registry:decision_add", args=[acc.pk])
    html = response.content.decode()
    assert "Ахметов Ерлан" in html and f'href="{task.url}"' in html
    assert 'data-testid="fix-no_decision"' in html
    assert cast.own.name in html


def test_r4_5_no_administrator_is_the_chairmans_to_act_on(client, cast, today):
    acc = account(cast, administrator="")
    client.force_login(cast.charlie)
    _response, found = tasks(client, organization=cast.own.pk, flag="no_administrator")
    task = found[(acc.pk, "no_administrator")]
    assert task.action.rule == "R4.5" and task.action.who == Role.CHAIRMAN
    assert task.people == [cast.charlie.get_full_name()]
    assert task.url == reverse("registry:appointment_add", args=[acc.pk])


def test_r9_2_a_pending_access_list_is_the_chairmans_a_missing_one_the_administrators(
    client, cast, today
):
    missing = account(cast, listed=False)
    pending = account(cast)
    AccessListFactory(account=pending, status=AccessListVersion.Status.PENDING)
    client.force_login(cast.charlie)
    _response, found = tasks(client, organization=cast.own.pk, flag="access_list")
    assert found[(missing.pk, "access_list")].url == reverse(
        "registry:access_list_edit", args=[missing.pk]
    )
    assert found[(missing.pk, "access_list")].people == ["Ахметов Ерлан"]
    approve = found[(pending.pk, "access_list")]
    assert approve.action.who == Role.CHAIRMAN and approve.people == [cast.charlie.get_full_name()]
    assert approve.url == reverse("registry:detail", args=[pending.pk])


def test_r9_3_overdue_rotation_falls_back_to_the_organizations_administrators(client, cast, today):
    acc = account(cast, administrator="", password_due_on=date(2026, 1, 1))
    client.force_login(cast.charlie)
    _response, found = tasks(client, organization=cast.own.pk, flag="any")
    task = found[(acc.pk, "rotation_overdue")]
    # No appointment on the account: the organization's administrators (R4.5 names the person).
    assert task.action.rule == "R9.3" and task.people == [cast.alice.get_full_name()]
    assert task.url == reverse("registry:rotation_add", args=[acc.pk])
    assert (acc.pk, "no_administrator") in found  # "any" lists every flag of the account


def test_nobody_in_the_role_is_said(client, cast, today):
    org_child = cast.child
    acc = OfficialAccountFactory(organization=org_child)
    client.force_login(cast.charlie)
    response, found = tasks(client, organization=org_child.pk, flag="no_administrator")
    assert found[(acc.pk, "no_administrator")].people == []
    assert 'data-testid="nobody"' in response.content.decode()


def test_the_drill_down_links_from_the_counts(client, cast, today):
    account(cast, decision=False)
    client.force_login(cast.paula)
    html = client.get(HYGIENE).content.decode()
    assert f"?organization={cast.own.pk}&amp;flag=no_decision" in html


def test_another_organizations_drill_down_is_404_and_a_bad_flag_is_said(client, cast, today):
    account(cast, decision=False)
    client.force_login(cast.charlie)
    assert client.get(HYGIENE, {"organization": cast.sibling.pk, "flag": "any"}).status_code == 404
    assert (
        client.get(reverse("registry:hygiene_pdf"), {"organization": cast.sibling.pk}).status_code
        == 404
    )
    response = client.get(HYGIENE, {"organization": cast.own.pk, "flag": "<script>"})
    assert response.status_code == 200 and response.context["flag"] == "any"
    assert [str(m) for m in response.context["messages"]]
    client.force_login(cast.alice)
    assert client.get(HYGIENE, {"flag": "any"}).status_code == 403


def test_the_drill_down_takes_as_many_queries_for_many_accounts(client, cast, today):
    def bulk(n, start):
        for i in range(start, start + n):
            OfficialAccountFactory(
                organization=cast.own if i % 2 else cast.child, url=f"https://t.me/bulk_{i}"
            )

    extra = UserFactory(username="admin2")
    MembershipFactory(user=extra, organization=cast.child, role=Role.ADMINISTRATOR)
    client.force_login(cast.charlie)
    bulk(3, 0)
    with CaptureQueriesContext(connection) as small:
        client.get(HYGIENE, {"flag": "any"})
    bulk(80, 3)
    with CaptureQueriesContext(connection) as large:
        response = client.get(HYGIENE, {"flag": "any"})
    assert len(large.captured_queries) == len(small.captured_queries)
    assert len(response.context["page"]) == 50  # paginated


def test_the_pdf_link_carries_the_filter_and_the_pdf_shows_the_same_rows(client, cast, today):
    late = account(cast, password_due_on=date(2026, 1, 1), display_name="Кеш арна")
    account(cast, decision=False, display_name="Шешімсіз арна")
    client.force_login(cast.charlie)
    query = {"organization": cast.own.pk, "flag": "rotation_overdue", "own": "1"}
    html = client.get(HYGIENE, query).content.decode()
    link = f"/registry/hygiene/pdf/?organization={cast.own.pk}&amp;flag=rotation_overdue&amp;own=1"
    assert f"{link}&amp;lang=kk" in html and f"{link}&amp;lang=ru" in html
    response = client.get(reverse("registry:hygiene_pdf"), {**query, "lang": "ru"})
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    text = " ".join(text.split())
    assert "Кеш арна" in text and "Шешімсіз арна" not in text  # the same filtered rows
    assert "R9.3" in text and "Ахметов Ерлан" in text
    assert f"/registry/{late.pk}/rotations/new/" in text.replace(" ", "")
    # The filter is stated: the organization, own accounts only, the problem.
    with translation.override("ru"):
        stated = [str(FLAGS["rotation_overdue"]), str(_("own accounts only"))]
    assert cast.own.name_ru in text and all(" ".join(s.split()) in text for s in stated)


def test_the_pdf_refuses_an_unknown_language(client, cast, today):
    client.force_login(cast.charlie)
    assert client.get(reverse("registry:hygiene_pdf"), {"lang": "xx"}).status_code == 404
