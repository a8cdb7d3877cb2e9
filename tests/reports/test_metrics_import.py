"""Issue 7, point 1 and "Bad input": CSV/XLSX import, validated row by row, all or nothing,
re-importing replaces instead of doubling."""

import io
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied
from openpyxl import Workbook, load_workbook

from reports.metrics import MetricsFileError, metrics_import, template
from reports.models import AccountPeriodMetrics, PublicationMetrics, SubscriberCount
from tests.reports.factories import H1, published, target_of

pytestmark = pytest.mark.django_db


def csv_bytes(*rows):
    return ("\n".join(",".join(str(c) for c in row) for row in rows) + "\n").encode()


def xlsx_bytes(*rows):
    workbook = Workbook()
    for row in rows:
        workbook.active.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def run(cast, content, name="m.csv", kind="subscribers"):
    return metrics_import(
        actor=cast.alice,
        organization=cast.own,
        kind=kind,
        start=H1[0],
        end=H1[1],
        name=name,
        content=content,
    )


def errors_of(cast, content, **kw):
    with pytest.raises(MetricsFileError) as caught:
        run(cast, content, **kw)
    return [(e.row, e.column) for e in caught.value.errors], caught.value.errors


GOOD = [
    ("account", "date", "subscribers"),
    ("https://t.me/bizdin_arna", "2026-01-01", 100),
    ("t.me/bizdin_arna/", "30.06.2026", 160),
    ("https://instagram.com/bizdin.insta", "2026-06-30", 55),
]


def test_a_good_csv_is_imported_and_importing_it_again_replaces_the_rows(cast, accounts):
    assert run(cast, csv_bytes(*GOOD)) == 3
    assert run(cast, csv_bytes(*GOOD)) == 3
    assert SubscriberCount.objects.count() == 3
    assert (
        SubscriberCount.objects.get(account=accounts["telegram"], on=date(2026, 6, 30)).subscribers
        == 160
    )


def test_an_xlsx_with_period_figures_is_imported(cast, accounts):
    content = xlsx_bytes(
        ("account", "period_start", "period_end", "average_views", "likes", "comments", "shares"),
        ("https://t.me/bizdin_arna", date(2026, 1, 1), date(2026, 6, 30), 300, 40, 7, 3.0),
    )
    assert run(cast, content, name="m.xlsx", kind="period") == 1
    row = AccountPeriodMetrics.objects.get()
    assert (row.average_views, row.likes, row.comments, row.shares) == (300, 40, 7, 3)


def test_post_figures_are_matched_by_the_post_link(cast, accounts):
    pub = published(cast.own, cast.alice, (2026, 2, 1), account=accounts["telegram"])
    target_of(pub, "https://t.me/bizdin_arna/15")
    content = csv_bytes(
        ("post_url", "views", "likes", "comments", "shares"), ("t.me/bizdin_arna/15", 900, 50, 9, 4)
    )
    assert run(cast, content, kind="posts") == 1
    assert PublicationMetrics.objects.get().views == 900


def test_one_bad_row_imports_nothing_and_each_problem_is_named_by_row_and_column(cast, accounts):
    content = csv_bytes(
        *GOOD,
        ("https://t.me/bizdin_arna", "2026-03-01", "көп"),  # text in a number cell
        ("https://t.me/bizdin_arna", "2026-03-02", -5),  # negative
        ("https://t.me/unknown_channel", "2026-03-03", 5),  # unknown account
        ("https://t.me/enshiles", "2026-03-03", 5),  # another organization's account
        ("https://t.me/bizdin_arna", "2026-07-01", 5),  # outside the period
        ("https://t.me/bizdin_arna", "01/03/2026", 5),  # not a date
        ("https://t.me/bizdin_arna", "2026-01-01", 7),  # the same key twice
    )
    where, _errors = errors_of(cast, content)
    assert where == [
        (5, "subscribers"),
        (6, "subscribers"),
        (7, "account"),
        (8, "account"),
        (9, "date"),
        (10, "date"),
        (11, "account"),
    ]
    assert SubscriberCount.objects.count() == 0


def test_wrong_columns_are_refused(cast, accounts):
    where, errors = errors_of(
        cast,
        csv_bytes(("account", "day", "followers"), ("https://t.me/bizdin_arna", "2026-01-01", 1)),
    )
    assert where == [(1, "")]
    assert "date" in errors[0].message and "followers" in errors[0].message
    assert SubscriberCount.objects.count() == 0


def test_an_xlsx_that_is_really_something_else_gets_a_clear_message(cast, accounts):
    where, errors = errors_of(cast, b"account,date,subscribers\n", name="metrics.xlsx")
    assert where == [(0, "")] and "Excel" in errors[0].message


def test_other_files_and_empty_files_are_refused(cast, accounts):
    assert errors_of(cast, b"x", name="metrics.pdf")[0] == [(0, "")]
    assert errors_of(cast, b"", name="metrics.csv")[0] == [(0, "")]
    assert errors_of(cast, b"account,date,subscribers\n", name="m.csv")[0] == [(0, "")]


def test_only_the_organizations_administrator_imports(cast, accounts):
    for user in (cast.charlie, cast.sam, cast.paula):
        with pytest.raises(PermissionDenied):
            metrics_import(
                actor=user,
                organization=cast.own,
                kind="subscribers",
                start=H1[0],
                end=H1[1],
                name="m.csv",
                content=csv_bytes(*GOOD),
            )


@pytest.mark.parametrize("kind", ["subscribers", "period", "posts"])
def test_the_templates_have_the_expected_header(kind):
    from reports.metrics import COLUMNS

    sheet = load_workbook(io.BytesIO(template(kind, "xlsx"))).active
    assert [c.value for c in sheet[1]] == COLUMNS[kind]
    assert template(kind, "csv").decode("utf-8-sig").splitlines()[0] == ",".join(COLUMNS[kind])
