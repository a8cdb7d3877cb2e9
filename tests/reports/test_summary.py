"""Issue 14, point 4: the compliance dashboard and the roll-up read a per-organization summary
(reports/summary.py) kept by a beat task; their figures equal the live computation, a page costs
the same number of queries and about the same HTML whatever the number of organizations, and
the page says how old its figures are. Point 2: no JIT on the application's connections."""

from datetime import date

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from accounts.models import OrganizationKind
from accounts.permissions import forget_grants
from appeals.models import Appeal
from content.models import ContentPlan, ModerationAction
from reports import selectors, summary
from reports.models import OrganizationSummary, Report, ReportStatus, RollupSummary, SubscriberCount
from tests.appeals.factories import received, register
from tests.conftest import need_service
from tests.factories import OrganizationFactory, UserFactory
from tests.registry.factories import compliant
from tests.reports.factories import H1, published

pytestmark = pytest.mark.django_db

TODAY = date(2026, 11, 26)
H2 = (date(2026, 7, 1), date(2026, 12, 31))
SORTS = (
    "name",
    "-name",
    "flagged",
    "-flagged",
    "overdue",
    "-overdue",
    "urgent",
    "-urgent",
    "unchecked",
    "-unchecked",
    "plan",
    "-plan",
    "report",
    "-report",
    "nonsense",
)


@pytest.fixture
def varied(cast, accounts):
    """A small tree with something of every kind the two pages count: publications of several
    kinds in both half-years (one urgent, one in an inactive organization), subscriber counts,
    deletions, appeals open and overdue, copies forwarded inside and from outside the tree,
    content plans approved and not, reports handed in and not."""
    grandchild = OrganizationFactory(parent=cast.child, name_kk="Немере", name_ru="Внучатая")
    closed = OrganizationFactory(parent=cast.sibling, name_kk="Жабық", name_ru="Закрытая")
    closed.is_active = False
    closed.save(update_fields=["is_active"])
    other = OrganizationFactory(kind=OrganizationKind.REGIONAL, name_kk="Басқа", name_ru="Другая")
    root = UserFactory(username="root", is_superuser=True, is_staff=True)
    compliant(accounts["instagram"])
    for day, kind in (((2026, 3, 1), "informational"), ((2026, 4, 2), "legal")):
        published(cast.own, cast.alice, day, kind=kind)
    published(cast.child, cast.alice, (2026, 5, 3), kind="educational")
    published(grandchild, cast.alice, (2026, 6, 30), kind="social")
    published(cast.sibling, cast.sam, (2026, 9, 1), is_urgent=True)
    published(cast.own, cast.alice, (2026, 10, 1))
    published(closed, cast.sam, (2026, 8, 1))
    SubscriberCount.objects.create(
        account=accounts["telegram"], on=date(2025, 12, 20), subscribers=100
    )
    SubscriberCount.objects.create(account=accounts["telegram"], on=H1[1], subscribers=150)
    SubscriberCount.objects.create(
        account=accounts["instagram"], on=date(2026, 2, 1), subscribers=50
    )
    SubscriberCount.objects.create(account=accounts["child"], on=date(2026, 7, 2), subscribers=9)
    for day in (date(2026, 3, 5), date(2026, 3, 6), date(2026, 8, 1)):
        ModerationAction.objects.create(
            account=accounts["telegram"],
            action=ModerationAction.Action.COMMENT_DELETED,
            occurred_on=day,
        )
    ModerationAction.objects.create(
        account=accounts["child"],
        action=ModerationAction.Action.PUBLICATION_DELETED,
        occurred_on=date(2026, 4, 1),
    )
    at_own = register(cast.alice, cast.own, received(2026, 3, 2))
    at_child = register(cast.alice, cast.child, received(2026, 3, 3))
    at_grandchild = register(root, grandchild, received(2026, 4, 3))
    at_sibling = register(cast.sam, cast.sibling, received(2026, 5, 4))
    at_other = register(root, other, received(2026, 5, 5))
    register(cast.alice, cast.own, received(2026, 11, 25))  # open, not overdue
    register(cast.sam, cast.sibling, received(2026, 9, 1))  # overdue
    # Copies: own → child, child → sibling, grandchild → child, other tree → own.
    for copy, origin in (
        (at_child, at_own),
        (at_sibling, at_child),
        (register(root, cast.child, received(2026, 4, 6)), at_grandchild),
        (register(cast.alice, cast.own, received(2026, 5, 6)), at_other),
    ):
        Appeal.objects.filter(pk=copy.pk).update(forwarded_from=origin)
    for organization, status in ((cast.own, "approved"), (cast.sibling, "draft")):
        ContentPlan.objects.create(
            organization=organization,
            period="half_year",
            starts_on=H2[0],
            ends_on=H2[1],
            status=status,
        )
    for organization, status in (
        (cast.own, ReportStatus.SUBMITTED),
        (cast.child, ReportStatus.DRAFT),
        (grandchild, ReportStatus.ACCEPTED),
        (closed, ReportStatus.ACCEPTED),
    ):
        Report.objects.create(
            organization=organization, starts_on=H1[0], ends_on=H1[1], status=status
        )
    Report.objects.create(
        organization=cast.parent, starts_on=H2[0], ends_on=H2[1], status=ReportStatus.DRAFT
    )
    return {"grandchild": grandchild, "closed": closed, "other": other, "root": root}


def dashboard_rows(data):
    return [
        (
            r.pk,
            r.name,
            r.path,
            r.depth,
            r.accounts,
            r.flagged,
            r.overdue,
            r.urgent,
            r.unchecked,
            r.plan,
            r.report_status,
            r.report_pk,
            r.links,
        )
        for r in data.rows
    ]


def rollup_rows(rows):
    return [
        (
            r.organization.pk,
            r.own_only,
            r.report,
            r.publications,
            r.kinds,
            r.accounts,
            r.subscribers_start,
            r.subscribers_end,
            r.messages,
            r.deletions,
        )
        for r in rows
    ]


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_the_dashboard_from_the_summary_equals_the_live_computation(cast, varied, language):
    summary.refresh_dashboard(TODAY)
    with translation.override(language):
        for user in (cast.paula, cast.charlie, cast.sibling_chairman, varied["root"]):
            for sort in SORTS:
                kept = selectors.dashboard(user, TODAY, sort=sort)
                live = summary.live_dashboard(user, TODAY, sort=sort)
                assert dashboard_rows(kept) == dashboard_rows(live), (user, sort)
                assert kept.scores == live.scores
                assert (kept.period, kept.report_period) == (live.period, live.report_period)
    scores = selectors.dashboard(cast.paula, TODAY).scores
    # The data is varied enough that every score is a real share, not empty.
    assert all(score is not None for score in scores.values())
    assert any(0 < score < 100 for score in scores.values())


@pytest.mark.parametrize("period", [H1, H2])
def test_the_rollup_from_the_summary_equals_the_live_computation(cast, varied, period):
    summary.refresh_rollup(*period)
    bases = [cast.parent, cast.own, cast.sibling, cast.child, varied["grandchild"]]
    for base in [*bases, varied["closed"], varied["other"]]:
        kept = selectors.rollup(base, *period)
        live = summary.live_rollup(base, *period)
        assert rollup_rows(kept.rows) == rollup_rows(live.rows), base
        assert rollup_rows([kept.total]) == rollup_rows([live.total]), base
        assert [r.organization.pk for r in kept.missing] == [
            r.organization.pk for r in live.missing
        ]
        assert kept.missing_count == live.missing_count
        assert kept.subtree_organizations == live.subtree_organizations
        assert kept.subtree_handed_in == live.subtree_handed_in
        assert kept.computed_at is not None and live.computed_at is None
    # The copies forwarded inside the tree are left out where the live roll-up leaves them.
    parent = selectors.rollup(cast.parent, *period)
    if period == H1:
        # at_own, at_grandchild and the copy from the other tree; at the child, its copy from
        # "own" (outside its subtree) and at_grandchild, not the grandchild's copy.
        assert parent.total.messages == 3 and parent.total.publications == 4
        assert selectors.rollup(cast.child, *period).total.messages == 2


def test_a_change_shows_after_the_refresh_which_writes_only_changed_rows(cast, varied):
    with time_machine.travel("2026-11-26 10:00 +0500", tick=False):
        assert summary.refresh(TODAY) == {"dashboard": 7, "2026-07-01": 7, "2026-01-01": 7}
    before = selectors.rollup(cast.parent, *H1).total.publications
    published(cast.sibling, cast.sam, (2026, 2, 2))  # with a new account of the sibling
    assert selectors.rollup(cast.parent, *H1).total.publications == before  # kept
    with time_machine.travel("2026-11-26 10:05 +0500", tick=False):
        written = summary.refresh(TODAY)
    # The sibling's own row and its parent's subtree; the dashboard: the sibling's accounts.
    assert written == {"dashboard": 1, "2026-07-01": 2, "2026-01-01": 2}
    assert selectors.rollup(cast.parent, *H1).total.publications == before + 1
    # Every row carries the time of the last refresh, written or not.
    stamps = {row.computed_at for row in RollupSummary.objects.all()} | {
        row.computed_at for row in OrganizationSummary.objects.all()
    }
    assert len(stamps) == 1 and f"{stamps.pop():%H:%M}" == "05:05"  # UTC


def test_a_fresh_installation_shows_figures(client, cast, varied):
    assert not OrganizationSummary.objects.exists() and not RollupSummary.objects.exists()
    with time_machine.travel("2026-11-26 10:00 +0500"):
        client.force_login(cast.paula)
        page = client.get("/reports/dashboard/")
        assert page.status_code == 200 and len(page.context["page"]) == 5
        assert OrganizationSummary.objects.exists()
        page = client.get(
            "/reports/rollup/", {"organization": cast.parent.pk, "period": "h1", "year": 2026}
        )
    assert page.status_code == 200 and page.context["rollup"].total.publications == 4


def test_another_period_is_computed_live(client, cast, varied):
    client.force_login(cast.paula)
    params = {
        "organization": cast.parent.pk,
        "period": "other",
        "starts_on": "2026-03-01",
        "ends_on": "2026-04-30",
    }
    page = client.get("/reports/rollup/", params)
    assert page.status_code == 200 and page.context["rollup"].computed_at is None
    assert page.context["rollup"].total.publications == 2
    assert not RollupSummary.objects.filter(starts_on=date(2026, 3, 1)).exists()


@time_machine.travel("2026-11-26 10:00 +0500", tick=False)
def test_an_older_half_year_is_computed_at_its_first_request_and_kept_for_a_day(cast, varied):
    older = (date(2025, 1, 1), date(2025, 6, 30))
    assert not RollupSummary.objects.filter(starts_on=older[0]).exists()
    first = selectors.rollup(cast.parent, *older).computed_at
    assert RollupSummary.objects.filter(starts_on=older[0]).count() == 7  # every organization
    with time_machine.travel("2026-11-26 22:00 +0500", tick=False):
        assert selectors.rollup(cast.parent, *older).computed_at == first  # kept
    with time_machine.travel("2026-11-27 11:00 +0500", tick=False):
        assert selectors.rollup(cast.parent, *older).computed_at > first  # recomputed once


@time_machine.travel("2026-11-26 10:00 +0500", tick=False)
@pytest.mark.parametrize(
    "period", [(date(2019, 7, 1), date(2019, 12, 31)), (date(2031, 1, 1), date(2031, 6, 30))]
)
def test_a_future_or_ancient_half_year_is_computed_live_and_stores_nothing(cast, period):
    assert selectors.rollup(cast.parent, *period).computed_at is None
    assert not RollupSummary.objects.exists()


def _queries(client, url, params=None) -> tuple[int, int, int]:
    """(queries, rows shown, length of the HTML) of one page."""
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, params or {})
    assert response.status_code == 200
    content = response.content.decode()
    return (
        len(ctx.captured_queries),
        content.count('data-testid="dashboard-row"') + content.count('data-testid="rollup-row"'),
        len(content),
    )


@time_machine.travel("2026-11-26 10:00 +0500", tick=False)
def test_the_pages_cost_the_same_for_5_and_60_organizations(client, cast, settings):
    settings.REPORTS_DASHBOARD_PAGE_SIZE = 10
    for i in range(16):
        OrganizationFactory(parent=cast.parent, name_kk=f"Ұйым {i:02}", name_ru=f"Орг {i:02}")
    summary.refresh(TODAY)
    client.force_login(cast.paula)
    rollup = {"organization": cast.parent.pk, "period": "h1", "year": 2026}
    small_dashboard = _queries(client, "/reports/dashboard/")
    small_rollup = _queries(client, "/reports/rollup/", rollup)
    for i in range(16, 60):
        OrganizationFactory(parent=cast.parent, name_kk=f"Ұйым {i:02}", name_ru=f"Орг {i:02}")
    summary.refresh(TODAY)
    forget_grants(cast.paula)
    big_dashboard = _queries(client, "/reports/dashboard/")
    big_rollup = _queries(client, "/reports/rollup/", rollup)
    for small, big in ((small_dashboard, big_dashboard), (small_rollup, big_rollup)):
        assert small[0] == big[0]  # the same queries
        assert small[1] == big[1] == 10  # one page of rows
        assert abs(big[2] - small[2]) < 200  # the page's digits, not a row more


@time_machine.travel("2026-11-26 10:00 +0500", tick=False)
def test_the_pages_take_the_same_queries_for_5_and_60_organizations(client, cast):
    OrganizationFactory(parent=cast.sibling)
    summary.refresh(TODAY)
    client.force_login(cast.paula)
    rollup = {"organization": cast.parent.pk, "period": "h1", "year": 2026}
    few = [_queries(client, "/reports/dashboard/?sort=-flagged")[0]]
    few.append(_queries(client, "/reports/rollup/", rollup)[0])
    for i in range(55):
        OrganizationFactory(parent=cast.sibling if i % 2 else cast.parent)
    summary.refresh(TODAY)
    forget_grants(cast.paula)
    many = [_queries(client, "/reports/dashboard/?sort=-flagged")[0]]
    many.append(_queries(client, "/reports/rollup/", rollup)[0])
    assert few == many
    assert OrganizationSummary.objects.count() == 60


def test_the_page_says_how_old_its_figures_are(client, cast, varied):
    with time_machine.travel("2026-11-26 10:00 +0500", tick=False):
        summary.refresh(TODAY)
    client.force_login(cast.paula)
    with time_machine.travel("2026-11-26 10:07 +0500", tick=False):
        dashboard = client.get("/reports/dashboard/").content.decode()
        rollup = client.get(
            "/reports/rollup/", {"organization": cast.parent.pk, "period": "h2", "year": 2026}
        ).content.decode()
        with translation.override("en"):
            assert summary.freshness(OrganizationSummary.objects.first().computed_at) == (
                "Figures as of 10:00 (7 minutes ago)."
            )
    for content in (dashboard, rollup):
        notice = content[content.index('data-testid="freshness"') :][:300]
        assert "10:00" in notice and "7" in notice
    with time_machine.travel("2026-11-27 10:00 +0500", tick=False), translation.override("en"):
        assert summary.freshness(OrganizationSummary.objects.first().computed_at) == (
            "Figures as of 26.11.2026 10:00 (1440 minutes ago)."
        )


def test_the_dashboard_explains_each_score_and_column(client, cast):
    client.force_login(cast.paula)
    page = client.get("/reports/dashboard/").content.decode()
    legend = page[page.index('data-testid="legend"') :]
    for key, rules in selectors.FAMILY_RULES.items():
        assert rules in legend, key
    for key, rules in selectors.COLUMN_RULES.items():
        assert rules in legend and f'id="legend-column-{key}"' in legend
        assert f'aria-describedby="legend-column-{key}"' in page
    for n in range(1, len(selectors.FAMILY_RULES) + 1):
        assert f'aria-describedby="legend-score-{n}"' in page and f'id="legend-score-{n}"' in legend
    assert page.count('data-testid="score" title="') == len(selectors.FAMILY_RULES)


def test_the_beat_refreshes_the_summary_and_records_its_heartbeat(cast):
    from accounts import health
    from config.celery import beat_schedule
    from reports.tasks import refresh_summary_task

    entry = beat_schedule()["reports-summary-refresh"]
    assert entry["task"] == "reports.tasks.refresh_summary_task" and entry["schedule"] <= 600
    assert entry["task"] in health.periodic_task_names()
    done = refresh_summary_task.apply().get()
    assert done["dashboard"] == 4 and OrganizationSummary.objects.count() == 4
    assert RollupSummary.objects.count() == 8  # 4 organizations × the current and last half-year
    from accounts.models import TaskHeartbeat

    assert TaskHeartbeat.objects.filter(
        task="reports.tasks.refresh_summary_task", last_success_at__isnull=False
    ).exists()


def test_the_application_connection_runs_without_jit():
    if connection.vendor != "postgresql":
        need_service("PostgreSQL", "JIT is a PostgreSQL setting")
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"


def test_jit_is_off_for_postgresql_and_an_explicit_choice_is_kept():
    from config.settings.base import without_jit

    pg = "django.db.backends.postgresql"
    assert without_jit({"ENGINE": pg})["OPTIONS"] == {"options": "-c jit=off"}
    kept = without_jit({"ENGINE": pg, "OPTIONS": {"sslmode": "require", "options": "-c x=1"}})
    assert kept["OPTIONS"] == {"sslmode": "require", "options": "-c x=1 -c jit=off"}
    assert without_jit({"ENGINE": pg, "OPTIONS": {"options": "-c jit=on"}})["OPTIONS"] == {
        "options": "-c jit=on"
    }
    assert "OPTIONS" not in without_jit({"ENGINE": "django.db.backends.sqlite3"})


def test_the_production_settings_turn_jit_off(tmp_path):
    import os
    import subprocess
    import sys
    from pathlib import Path

    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "x" * 50,
        "ALLOWED_HOSTS": "smm.example.kz",
        "DATABASE_URL": "postgres://app@db.example.kz:5432/kasipodaq",
        "CELERY_BROKER_URL": "memory://",
    }
    code = "from django.conf import settings; print(settings.DATABASES['default']['OPTIONS'])"
    result = subprocess.run(  # noqa: S603 - our own interpreter and manage.py, no shell
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=Path(__file__).resolve().parents[2],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "'options': '-c jit=off'" in result.stdout, result.stderr[-2000:]


def test_the_summary_is_refreshed_on_demand_by_a_command(cast):
    import io

    from django.core.management import CommandError, call_command

    out = io.StringIO()
    call_command("refresh_summary", "--half-year", "2024-07-01", stdout=out)
    assert "dashboard: 4 rows written" in out.getvalue() and "2024-07-01: 4" in out.getvalue()
    assert RollupSummary.objects.filter(starts_on=date(2024, 7, 1)).count() == 4
    with pytest.raises(CommandError):
        call_command("refresh_summary", "--half-year", "2024-07-02", stdout=out)
