"""Issue 7, point 5: the compliance dashboard — one row per organization of the chairman's
subtree, each cell linking to the list behind it, a score per rule family, sortable, paged,
and a fixed number of grouped queries whatever the number of organizations."""

from datetime import date

import pytest
import time_machine

from accounts.permissions import forget_grants
from reports import services
from reports.selectors import dashboard
from tests.factories import OrganizationFactory
from tests.registry.factories import compliant
from tests.reports.factories import H1, published

pytestmark = pytest.mark.django_db

TODAY = date(2026, 11, 26)


def test_each_organization_has_its_counts_and_links(client, cast, accounts):
    compliant(accounts["instagram"])
    published(cast.own, cast.alice, (2026, 9, 1), is_urgent=True)
    report = services.report_create(
        actor=cast.alice, organization=cast.own, starts_on=H1[0], ends_on=H1[1]
    )
    services.report_submit(actor=cast.alice, report=report)
    data = dashboard(cast.paula, TODAY)
    rows = {row.pk: row for row in data.rows}
    assert set(rows) == {cast.parent.pk, cast.own.pk, cast.sibling.pk, cast.child.pk}
    own = rows[cast.own.pk]
    # telegram flagged (no decision, ...), instagram compliant, plus the publication's account.
    assert own.flagged == 2 and own.urgent == 1 and own.unchecked == 1
    assert own.report_status == "submitted" and own.plan == ""
    assert own.links["flagged"] == f"/registry/?organization={cast.own.pk}&own=1&flag=any"
    assert own.links["overdue"] == f"/appeals/?organization={cast.own.pk}&view=overdue"
    assert own.links["report"] == f"/reports/{report.pk}/"
    assert data.scores["Appendix 1"] == 0.0 and data.scores["R8"] is None
    assert 0 < data.scores["R4"] < 100


def test_the_charman_of_own_sees_only_own_subtree(cast):
    assert {row.pk for row in dashboard(cast.charlie, TODAY).rows} == {cast.own.pk, cast.child.pk}


def test_the_table_sorts_by_a_column(cast, accounts):
    rows = dashboard(cast.paula, TODAY, sort="-flagged").rows
    assert rows[0].pk == cast.own.pk
    assert dashboard(cast.paula, TODAY, sort="flagged").rows[-1].pk == cast.own.pk


def test_the_dashboard_takes_a_fixed_number_of_queries_at_any_size(
    cast, accounts, django_assert_num_queries
):
    # Issue 14, point 4: read from the summary: the roles, the scores' aggregate, then (when
    # the rows are paged) a count and the page's rows. tests/reports/test_summary.py.
    from reports.summary import refresh_dashboard

    refresh_dashboard(TODAY)
    with django_assert_num_queries(2):
        dashboard(cast.paula, TODAY)
    for _i in range(20):
        OrganizationFactory(parent=cast.sibling)
    refresh_dashboard(TODAY)
    forget_grants(cast.paula)
    with django_assert_num_queries(2):
        dashboard(cast.paula, TODAY)


@time_machine.travel("2026-11-26 10:00 +0500")
def test_the_page_is_paged_and_sortable(client, cast, accounts, settings):
    settings.REPORTS_DASHBOARD_PAGE_SIZE = 10
    for _i in range(12):
        OrganizationFactory(parent=cast.sibling)
    client.force_login(cast.paula)
    page = client.get("/reports/dashboard/?sort=-flagged")
    assert page.status_code == 200 and len(page.context["page"]) == 10
    assert page.context["page"][0].pk == cast.own.pk
    assert len(client.get("/reports/dashboard/?sort=-flagged&page=2").context["page"]) == 6
