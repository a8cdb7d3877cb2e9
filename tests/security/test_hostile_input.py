"""Issue 11 §5: hostile input never gives a 500 and never saves half of anything. Each case found
on a running copy is a test here; tests/security/test_forms_property.py posts random values into
every form."""

from __future__ import annotations

import io
import zipfile
from datetime import date
from urllib.parse import urlencode

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils.translation import gettext
from openpyxl import Workbook

from accounts.request_guard import parse_id
from reports import metrics
from reports.metrics import MetricsFileError, metrics_import, read_table
from reports.models import SubscriberCount
from tests.registry.factories import OfficialAccountFactory
from tests.security.hostile import row_counts, world

pytestmark = pytest.mark.django_db

H1 = (date(2026, 1, 1), date(2026, 6, 30))
URL = "https://t.me/bizdin_arna"
BAD_REQUEST = (
    "The request holds characters or values that no page of the system accepts. Nothing was "
    "saved. Go back and enter the data again."
)


@pytest.fixture
def client():
    """A 500 is an answer to check, not an exception in the test."""
    return Client(raise_request_exception=False)


@pytest.fixture
def account(cast):
    return OfficialAccountFactory(organization=cast.own, url=URL, normalized_url="t.me/bizdin_arna")


def csv_of(*rows) -> bytes:
    return ("\n".join(",".join(str(c) for c in row) for row in rows) + "\n").encode()


def xlsx_of(*rows) -> bytes:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def rezip(content: bytes, replace: dict[str, bytes | None], level: int = 6) -> bytes:
    """The workbook with some parts replaced (None: removed)."""
    source = zipfile.ZipFile(io.BytesIO(content))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as target:
        for name in source.namelist():
            if name in replace:
                if replace[name] is not None:
                    target.writestr(name, replace[name])
            else:
                target.writestr(name, source.read(name))
        for name, data in replace.items():
            if name not in source.namelist() and data is not None:
                target.writestr(name, data)
    return out.getvalue()


def import_errors(cast, content: bytes, name: str = "m.csv") -> list[str]:
    with pytest.raises(MetricsFileError) as caught:
        metrics_import(
            actor=cast.alice,
            organization=cast.own,
            kind="subscribers",
            start=H1[0],
            end=H1[1],
            name=name,
            content=content,
        )
    assert SubscriberCount.objects.count() == 0
    return [e.message for e in caught.value.errors]


def upload(client, cast, content: bytes, name: str = "m.csv"):
    client.force_login(cast.alice)
    return client.post(
        reverse("reports:metrics"),
        {
            "organization": cast.own.pk,
            "kind": "subscribers",
            "period": "h1",
            "year": 2026,
            "file": SimpleUploadedFile(name, content),
        },
    )


# ------------------------------------------------------------------- metrics import


def test_a_figure_of_2_to_the_31_is_refused_by_row_not_a_database_error(client, cast, account):
    response = upload(
        client, cast, csv_of(("account", "date", "subscribers"), (URL, "2026-01-01", 2**31))
    )
    assert response.status_code == 200 and 'data-testid="import-error"' in response.content.decode()
    assert SubscriberCount.objects.count() == 0


def test_the_largest_figure_postgresql_holds_is_imported(cast, account):
    rows = (("account", "date", "subscribers"), (URL, "2026-01-01", 2**31 - 1))
    metrics_import(
        actor=cast.alice,
        organization=cast.own,
        kind="subscribers",
        start=H1[0],
        end=H1[1],
        name="m.csv",
        content=csv_of(*rows),
    )
    assert SubscriberCount.objects.get().subscribers == 2**31 - 1


def test_a_figure_of_2_to_the_31_entered_by_hand_is_refused_on_the_form(client, cast, account):
    client.force_login(cast.alice)
    response = client.post(
        reverse("reports:metrics"),
        {
            "entry-organization": cast.own.pk,
            "entry-kind": "subscribers",
            "entry-period": "h1",
            "entry-year": 2026,
            "entry-account": URL,
            "entry-date": "2026-03-01",
            "entry-subscribers": str(2**31),
        },
    )
    assert response.status_code == 200 and response.context["entry_form"].errors
    assert SubscriberCount.objects.count() == 0


@pytest.mark.parametrize("value", ["²", "١٢", "12²", "-²", "9" * 5000, "1e400"])
def test_a_unicode_or_huge_digit_string_is_not_a_figure(cast, account, value):
    messages = import_errors(
        cast, csv_of(("account", "date", "subscribers"), (URL, "2026-01-01", value))
    )
    assert len(messages) == 1


@pytest.mark.parametrize("value", ["²", "١٢", "9" * 5000])
def test_an_account_written_as_unicode_digits_is_not_an_account_number(cast, account, value):
    messages = import_errors(
        cast, csv_of(("account", "date", "subscribers"), (value, "2026-01-01", 5))
    )
    assert len(messages) == 1


def test_a_quoted_cell_is_shown_shortened_in_the_message(cast, account):
    messages = import_errors(
        cast, csv_of(("account", "date", "subscribers"), (URL, "2026-01-01", "x" * 5000))
    )
    assert len(messages[0]) < 300


def test_a_csv_cell_over_the_csv_modules_field_limit_is_a_file_error(client, cast, account):
    content = b'account,date,subscribers\n"' + b"x" * 200_000 + b'",2026-01-01,1\n'
    messages = import_errors(cast, content)
    assert messages == [
        gettext("The CSV file cannot be read: a cell is too long or its quotes are not closed.")
    ]
    assert upload(client, cast, content).status_code == 200


def test_malformed_xlsx_xml_is_a_file_error(client, cast, account):
    good = xlsx_of(("account", "date", "subscribers"), (URL, "2026-01-01", 5))
    broken = rezip(good, {"xl/worksheets/sheet1.xml": b"<worksheet><sheetData><row><c"})
    assert import_errors(cast, broken, "m.xlsx")
    assert upload(client, cast, broken, "m.xlsx").status_code == 200


def test_malformed_workbook_xml_is_a_file_error(cast, account):
    good = xlsx_of(("account", "date", "subscribers"))
    assert import_errors(cast, rezip(good, {"xl/workbook.xml": b"<workbook><sheets"}), "m.xlsx")


def test_an_xlsx_without_a_sheet_is_a_file_error(client, cast, account):
    good = xlsx_of(("account", "date", "subscribers"))
    workbook = (
        b'<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b"<sheets/></workbook>"
    )
    empty = rezip(good, {"xl/workbook.xml": workbook, "xl/worksheets/sheet1.xml": None})
    assert import_errors(cast, empty, "m.xlsx")
    assert upload(client, cast, empty, "m.xlsx").status_code == 200


def _sheet(rows_xml: bytes, dimension: bytes = b"A1:C1") -> bytes:
    return (
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b'<dimension ref="' + dimension + b'"/><sheetData>' + rows_xml + b"</sheetData></worksheet>"
    )


HEADER_ROW = (
    b'<row r="1"><c r="A1" t="inlineStr"><is><t>account</t></is></c>'
    b'<c r="B1" t="inlineStr"><is><t>date</t></is></c>'
    b'<c r="C1" t="inlineStr"><is><t>subscribers</t></is></c></row>'
)


def test_an_xlsx_zip_bomb_of_a_million_rows_is_refused_without_reading_them(cast, account):
    """Under 1 MB that unpacks to a million rows: the row cap stops the stream at 10,000."""
    rows = b"<row><c><v>1</v></c></row>" * 1_000_000
    bomb = rezip(xlsx_of(("x",)), {"xl/worksheets/sheet1.xml": _sheet(HEADER_ROW + rows)}, level=9)
    assert len(bomb) < 1_000_000
    messages = import_errors(cast, bomb, "m.xlsx")
    assert messages == [gettext("The file has more than %(max)s rows.") % {"max": metrics.MAX_ROWS}]


def test_an_xlsx_that_unpacks_past_the_size_cap_is_refused_before_openpyxl_opens_it(
    cast, account, monkeypatch
):
    import openpyxl

    def never(*args, **kwargs):
        raise AssertionError("openpyxl opened the bomb")

    monkeypatch.setattr(openpyxl, "load_workbook", never)
    rows = b"<row><c><v>1</v></c></row>" * 2_000_000
    bomb = rezip(xlsx_of(("x",)), {"xl/worksheets/sheet1.xml": _sheet(HEADER_ROW + rows)}, level=9)
    messages = import_errors(cast, bomb, "m.xlsx")
    assert messages == [
        gettext("The workbook is too large once unpacked. Keep only the sheet with the figures.")
    ]


def test_an_xlsx_under_the_size_cap_is_streamed_with_a_row_cap(cast, account):
    """A row numbered 1048576 used to make openpyxl yield a million empty rows first."""
    far = b'<row r="1048576"><c r="A1048576"><v>1</v></c></row>'
    content = rezip(xlsx_of(("x",)), {"xl/worksheets/sheet1.xml": _sheet(HEADER_ROW + far)})
    messages = import_errors(cast, content, "m.xlsx")
    assert messages == [gettext("The file has more than %(max)s rows.") % {"max": metrics.MAX_ROWS}]


def test_a_sheet_claiming_every_column_is_read_only_as_wide_as_the_import_needs(account):
    """`<dimension ref="A1:XFD3"/>` made openpyxl pad each row to 16384 cells."""
    content = rezip(xlsx_of(("x",)), {"xl/worksheets/sheet1.xml": _sheet(HEADER_ROW, b"A1:XFD3")})
    table = read_table("m.xlsx", content)
    assert table[0][:3] == ["account", "date", "subscribers"]
    assert all(len(row) <= metrics.MAX_COLUMNS for row in table)


def test_an_upload_is_read_no_further_than_the_size_limit(client, cast, account):
    content = b"account,date,subscribers\n" + b"x," * (metrics.MAX_BYTES // 2 + 10)
    response = upload(client, cast, content)
    assert response.status_code == 200 and 'data-testid="import-error"' in response.content.decode()


# ------------------------------------------------------------------- NUL bytes


@pytest.mark.parametrize(
    ("user", "path", "params"),
    [
        ("alice", "/organizations/", {"q": "a\x00b"}),
        ("root", "/users/", {"q": "\x00"}),
        ("alice", "/appeals/", {"q": "\x00"}),
        ("alice", "/content/publications/", {"q": "x\x00"}),
        ("alice", "/registry/", {"q\x00": "x"}),
        ("alice", "/content/calendar/", {"day": "2026-01-01\x00"}),
    ],
)
def test_a_nul_byte_in_the_query_string_answers_400_with_a_translated_page(
    client, cast, user, path, params
):
    client.force_login(getattr(cast, user))
    response = client.get(path, params)
    assert response.status_code == 400
    assert gettext(BAD_REQUEST) in response.content.decode()


def test_a_nul_byte_in_a_posted_comment_reason_or_link_answers_400_and_saves_nothing(client, cast):
    w = world(cast)
    client.force_login(cast.alice)
    before = row_counts()
    for path, data in [
        (f"/reports/{w.report.pk}/submit/", {"comment": "a\x00"}),
        (f"/content/publications/{w.publication.pk}/edit/", {"title": "\x00", "version": "1"}),
        (f"/content/publications/{w.publication.pk}/do/submit/", {"reason": "\x00"}),
        (f"/content/publications/{w.publication.pk}/do/submit/", {f"link-{w.account.pk}": "\x00"}),
        (f"/checklist/versions/{w.version.pk}/answer/", {"comment\x00": "x"}),
        (f"/appeals/{w.appeal.pk}/assign/", {"reason": "\x00"}),
    ]:
        response = client.post(path, data)
        assert response.status_code == 400, path
    assert row_counts() == before


def test_a_nul_byte_in_an_uploaded_files_name_answers_400(client, cast):
    client.force_login(cast.alice)
    response = client.post(
        reverse("reports:metrics"),
        {"organization": cast.own.pk, "file": SimpleUploadedFile("m\x00.csv", b"x")},
    )
    assert response.status_code in (400, 200)  # Django may drop the NUL from the name itself
    assert response.status_code != 500


def test_a_multipart_body_that_cannot_be_parsed_answers_400(client, cast):
    client.force_login(cast.alice)
    response = client.generic(
        "POST",
        "/organizations/new/",
        b'--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb',
        content_type="multipart/form-data; boundary=",
    )
    assert response.status_code == 400


# ------------------------------------------------------------------- ids in query strings


@pytest.mark.parametrize("value", ["²", "١٢", "abc", "", "-1", "9" * 5000, str(2**63), "1.5"])
@pytest.mark.parametrize(
    ("user", "path", "key"),
    [
        ("alice", "/reports/", "organization"),
        ("alice", "/content/publications/new/", "organization"),
        ("alice", "/content/publications/new/", "plan_item"),
        ("alice", "/content/plans/", "organization"),
        ("alice", "/content/calendar/", "account"),
        ("paula", "/content/crises/new/", "organization"),
        ("alice", "/registry/hygiene/", "organization"),
        ("alice", "/audit/", "organization"),
        ("alice", "/appeals/", "organization"),
        ("alice", "/notifications/", "page"),
        ("alice", "/reports/rollup/", "organization"),
    ],
)
def test_a_non_numeric_or_huge_id_in_the_query_string_is_a_clean_answer(
    client, cast, user, path, key, value
):
    client.force_login(getattr(cast, user))
    assert client.get(path, {key: value}).status_code in (200, 302, 403, 404)


@pytest.mark.parametrize("value", ["abc", "²", "9" * 5000])
def test_a_stale_or_hostile_version_number_is_refused_as_stale(client, cast, value):
    w = world(cast)
    client.force_login(cast.alice)
    before = row_counts()
    response = client.post(
        f"/content/publications/{w.publication.pk}/edit/",
        {"title": "Жаңа", "version": value},
    )
    assert response.status_code == 200
    assert row_counts() == before


@pytest.mark.parametrize("key", ["link-²", "link-١", "link-" + "9" * 5000, "link-", "link-abc"])
def test_unexpected_link_keys_are_ignored(client, cast, key):
    w = world(cast)
    client.force_login(cast.alice)
    response = client.post(
        f"/content/publications/{w.publication.pk}/do/submit/",
        urlencode({key: "x"}),
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code in (200, 302)


@pytest.mark.parametrize("value", ["²", "١٢", "abc", "9" * 5000, "12"])
def test_parse_id_takes_ascii_digits_only(value):
    assert parse_id(value) == (12 if value == "12" else None)


def test_a_facebook_page_id_in_unicode_digits_is_not_an_id():
    from django.core.exceptions import ValidationError

    from registry import links

    with pytest.raises(ValidationError):
        links.normalize("facebook", "https://facebook.com/profile.php?id=²")


# ------------------------------------------------------------------- dates


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31", "0001-01-07", "9999-12-25"])
@pytest.mark.parametrize("view", ["month", "week"])
def test_the_content_calendar_at_the_ends_of_time_shows_the_current_month(client, cast, day, view):
    client.force_login(cast.alice)
    response = client.get("/content/calendar/", {"day": day, "view": view})
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("starts_on", "ends_on"), [("0001-01-01", "9999-12-31"), ("0001-01-01", "0001-12-31")]
)
def test_a_rollup_over_0001_to_9999_is_a_form_error(client, cast, starts_on, ends_on):
    client.force_login(cast.paula)
    params = {
        "organization": cast.parent.pk,
        "period": "other",
        "starts_on": starts_on,
        "ends_on": ends_on,
    }
    response = client.get("/reports/rollup/", params)
    assert response.status_code == 200 and response.context["form"].errors
    assert client.get("/reports/rollup/export.xlsx", params).status_code == 200


def test_a_report_over_0001_to_9999_is_refused_and_not_created(client, cast):
    client.force_login(cast.alice)
    before = row_counts()
    response = client.post(
        "/reports/new/",
        {
            "organization": cast.own.pk,
            "period": "other",
            "starts_on": "0001-01-01",
            "ends_on": "9999-12-31",
        },
    )
    assert response.status_code == 200 and response.context["form"].errors
    assert row_counts() == before


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31"])
def test_a_working_calendar_correction_at_the_ends_of_time_is_a_clean_answer(client, cast, day):
    client.force_login(cast.root)
    before = row_counts()
    response = client.post("/appeals/calendar/", {"day": day, "kind": "holiday", "reason": "Заң"})
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert row_counts() == before
