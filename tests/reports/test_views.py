"""The pages: permissions (404 outside the subtree, 403 for a weak role), the narrative form,
the PDF download, the import page with per-row errors, the roll-up and the dashboard."""

import re

import pytest

from reports import services
from reports.models import Report, ReportStatus, SubscriberCount
from tests.reports.factories import H1, published

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(cast):
    published(cast.own, cast.alice, (2026, 2, 1))
    return services.report_create(
        actor=cast.alice, organization=cast.own, starts_on=H1[0], ends_on=H1[1]
    )


def test_the_administrator_creates_a_report_for_the_first_half_year(client, cast):
    client.force_login(cast.alice)
    response = client.post(
        "/reports/new/", {"organization": cast.own.pk, "period": "h1", "year": 2026}
    )
    report = Report.objects.get()
    assert response.status_code == 302 and (report.starts_on, report.ends_on) == H1


def test_a_report_outside_the_subtree_is_404_and_a_weak_role_is_403(client, cast, report):
    client.force_login(cast.sam)
    assert client.get(f"/reports/{report.pk}/").status_code == 404
    client.force_login(cast.lara)
    assert client.get(f"/reports/{report.pk}/").status_code == 200
    assert client.get(f"/reports/{report.pk}/edit/").status_code == 403
    client.force_login(cast.paula)
    assert client.get(f"/reports/{report.pk}/").status_code == 200


def test_the_narrative_is_saved_and_rendered_as_paragraphs_and_lists(client, cast, report):
    client.force_login(cast.alice)
    response = client.post(
        f"/reports/{report.pk}/edit/",
        {"responsible_name": "Ахметова Әсел", "plans": "Бірінші абзац.\n\n- бір\n- екі <b>"},
    )
    assert response.status_code == 302
    page = client.get(f"/reports/{report.pk}/").content.decode()
    assert "<p>Бірінші абзац.</p><ul><li>бір</li><li>екі &lt;b&gt;</li></ul>" in page


def test_the_pdf_downloads_in_both_languages(client, cast, report):
    client.force_login(cast.lara)
    for lang in ("kk", "ru"):
        response = client.get(f"/reports/{report.pk}/pdf/{lang}/")
        assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert client.get(f"/reports/{report.pk}/pdf/en/").status_code == 404


def test_submit_and_accept_through_the_pages(client, cast, report):
    client.force_login(cast.alice)
    client.post(f"/reports/{report.pk}/submit/")
    client.force_login(cast.charlie)
    assert client.post(f"/reports/{report.pk}/accept/").status_code == 403
    client.force_login(cast.paula)
    client.post(f"/reports/{report.pk}/accept/", {"comment": ""})
    report.refresh_from_db()
    assert report.status == ReportStatus.ACCEPTED


def test_the_import_page_lists_every_bad_row_and_imports_nothing(client, cast, accounts):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(cast.alice)
    content = b"account,date,subscribers\nhttps://t.me/bizdin_arna,2026-01-01,10\nhttps://t.me/bizdin_arna,2026-02-01,abc\n"
    response = client.post(
        "/reports/metrics/",
        {
            "organization": cast.own.pk,
            "kind": "subscribers",
            "period": "h1",
            "year": 2026,
            "file": SimpleUploadedFile("m.csv", content),
        },
    )
    page = response.content.decode()
    assert response.status_code == 200 and 'data-testid="import-error"' in page and "abc" in page
    assert SubscriberCount.objects.count() == 0


def test_the_template_downloads(client, cast):
    client.force_login(cast.lara)
    response = client.get("/reports/metrics/template/subscribers.xlsx")
    assert response.status_code == 200 and response.content.startswith(b"PK")


def test_the_rollup_shows_children_their_status_and_who_has_not_submitted(
    client, cast, accounts, report
):
    services.report_submit(actor=cast.alice, report=report)
    services.report_accept(actor=cast.paula, report=report)
    SubscriberCount.objects.create(account=accounts["child"], on=H1[1], subscribers=30)
    client.force_login(cast.paula)
    response = client.get(
        "/reports/rollup/", {"organization": cast.parent.pk, "period": "h1", "year": 2026}
    )
    rollup = response.context["rollup"]
    rows = {row.organization.pk: row for row in rollup.rows}
    assert rows[cast.own.pk].status == "accepted" and rows[cast.own.pk].publications == 1
    assert rows[cast.own.pk].subscribers_end == 30  # the child's account counts in "own"
    assert [row.organization.pk for row in rollup.missing] == [cast.sibling.pk]
    assert rollup.total.publications == 1
    assert rollup.subtree_organizations == 3 and rollup.subtree_handed_in == 1
    for fmt, magic in (("pdf", b"%PDF"), ("xlsx", b"PK")):
        export = client.get(
            f"/reports/rollup/export.{fmt}",
            {"organization": cast.parent.pk, "period": "h1", "year": 2026, "lang": "ru"},
        )
        assert export.status_code == 200 and export.content.startswith(magic)


def test_the_rollup_is_a_fixed_number_of_queries(cast, accounts, django_assert_num_queries):
    from reports.selectors import rollup
    from reports.summary import live_rollup, refresh_rollup

    # Issue 14, point 4: a half-year is read from the summary (its base row and the rows of
    # the page); another period is computed live. tests/reports/test_summary.py.
    refresh_rollup(*H1)
    with django_assert_num_queries(2):
        rollup(cast.parent, *H1)
    with django_assert_num_queries(8):
        live_rollup(cast.parent, *H1)
    for i in range(10):
        published(cast.sibling, cast.sam, (2026, 3, 1 + i))
    refresh_rollup(*H1)
    with django_assert_num_queries(2):
        rollup(cast.parent, *H1)
    with django_assert_num_queries(8):
        live_rollup(cast.parent, *H1)


def test_administrators_and_lawyers_do_not_see_the_rollup_or_the_dashboard(client, cast):
    for user in (cast.alice, cast.lara):
        client.force_login(user)
        assert client.get("/reports/rollup/").status_code == 403
        assert client.get("/reports/dashboard/").status_code == 403


# ---------------------------------------------------------------- issue 10


def test_rpt2_1_goals_are_offered_as_the_templates_list_with_free_text(client, cast, report):
    from reports.appendix import GOAL_KK

    client.force_login(cast.alice)
    form = client.get(f"/reports/{report.pk}/edit/").content.decode()
    for key, (kk, _ru) in GOAL_KK.items():
        assert f'value="{key}"' in form and kk in form
    assert re.search(r'type="checkbox"[^>]*name="goal_choices"', form)
    assert 'name="goals"' in form and 'name="goals_ru"' in form
    response = client.post(
        f"/reports/{report.pk}/edit/",
        {
            "responsible_name": "Ахметова Әсел",
            "goal_choices": ["legal_education", "inform"],
            "goals": "Жас мамандармен жұмыс.",
        },
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.goal_choices == ["inform", "legal_education"]
    page = client.get(f"/reports/{report.pk}/").content.decode()
    goals = page[page.index('data-testid="goals"') :]
    assert goals.index(GOAL_KK["inform"][0]) < goals.index(GOAL_KK["legal_education"][0])
    assert "Жас мамандармен жұмыс." in page


def test_rpt6_2_risks_are_offered_as_the_templates_list_with_free_text(client, cast, report):
    from reports.appendix import RISK_KK

    client.force_login(cast.alice)
    form = client.get(f"/reports/{report.pk}/edit/").content.decode()
    for key, (kk, _ru) in RISK_KK.items():
        assert f'value="{key}"' in form and kk in form
    client.post(
        f"/reports/{report.pk}/edit/",
        {"responsible_name": "Ахметова Әсел", "risk_choices": ["legal"], "risks": "Бір жағдай."},
    )
    report.refresh_from_db()
    assert report.risk_choices == ["legal"] and report.risks == "Бір жағдай."
    client.cookies["lang"] = "ru"
    page = client.get(f"/reports/{report.pk}/").content.decode()
    assert RISK_KK["legal"][1] in page[page.index('data-testid="risks"') :]


def test_rpt2_1_a_goal_outside_the_template_is_refused(cast, report):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.report_update(actor=cast.alice, report=report, goal_choices=["fame"])


def test_the_dashboard_names_rule_families_in_words(client, cast):
    client.force_login(cast.paula)
    page = client.get("/reports/dashboard/").content.decode()
    scores = page[page.index('data-testid="scores"') : page.index('data-testid="dashboard"')]
    for code in ("R4", "R6", "R8", "R9", "Appendix"):
        assert code not in scores
    assert "Ресми аккаунттар" in scores and "Жартыжылдық есептер" in scores


def test_metrics_columns_are_named_in_the_users_language(client, cast, accounts):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(cast.alice)
    page = client.get("/reports/metrics/").content.decode()
    assert "Күні — <code>date</code>" in page and "Жазылушылар — <code>subscribers</code>" in page
    content = b"account,day,subscribers\nhttps://t.me/bizdin_arna,2026-01-01,10\n"
    response = client.post(
        "/reports/metrics/",
        {
            "organization": cast.own.pk,
            "kind": "subscribers",
            "period": "h1",
            "year": 2026,
            "file": SimpleUploadedFile("m.csv", content),
        },
    )
    errors = response.content.decode()
    errors = errors[errors.index('data-testid="import-errors"') :]
    assert "«Күні» (date)" in errors and "«day»" in errors
    content = b"account,date,subscribers\nhttps://t.me/bizdin_arna,2026-01-01,abc\n"
    client.cookies["lang"] = "ru"
    response = client.post(
        "/reports/metrics/",
        {
            "organization": cast.own.pk,
            "kind": "subscribers",
            "period": "h1",
            "year": 2026,
            "file": SimpleUploadedFile("m.csv", content),
        },
    )
    errors = response.content.decode()
    errors = errors[errors.index('data-testid="import-errors"') :]
    assert "Подписчики" in errors and "(subscribers)" in errors
