"""The one writer of every CSV and XLSX file the project hands out: the register (registry),
the appeals list (appeals), the roll-up (reports) and the metrics templates (reports.metrics).

A spreadsheet program runs a cell that begins with `=`, `+`, `-` or `@` (some also after a tab
or a carriage return) as a formula. An account name such as `=HYPERLINK("http://…")` typed in
one organization would then run on the computer of the chairman who opens the export (CSV or
formula injection, issue 11 §4). So every text cell is written as text:

- CSV: a text cell that begins with one of those characters gets a leading apostrophe. Excel in
  a Kazakh or Russian locale splits a comma-separated file at `;`, so a `;` or `,` inside a cell
  followed by one of those characters gets the apostrophe after it too.
- XLSX: a text cell is always stored as a string (never a formula, never an error code), with
  Excel's quote prefix where it begins with one of those characters; characters XML cannot hold
  are dropped (openpyxl would refuse the whole file).

Numbers, dates and booleans stay what they are: they are not written by people. Nothing here
ever writes a formula.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.http import HttpResponse
from django.utils.functional import Promise

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
# A separator (as Excel in any locale may read it) directly followed by a trigger.
_SPLIT_TRIGGER = re.compile(r"([;,])(?=[=+\-@\t\r])")
# What XML 1.0 cannot hold (openpyxl.cell.cell.ILLEGAL_CHARACTERS_RE, without importing openpyxl
# for a CSV).
_ILLEGAL_XML = re.compile(r"[\000-\010\013\014\016-\037\ufffe\uffff]")
XLSX_CELL_MAX = 32767  # Excel's limit of characters in a cell
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

Number = int | float | Decimal


def _plain(value: Any) -> Any:
    """A cell's value as one of: None, bool, a number, a date, or text."""
    if value is None or isinstance(value, bool | int | float | Decimal | date):
        return value
    if isinstance(value, Promise):
        return str(value)
    return value if isinstance(value, str) else str(value)


def csv_text(value: Any) -> str:
    """A cell as the CSV holds it: text neutralized, numbers as written."""
    value = _plain(value)
    if value is None:
        return ""
    if not isinstance(value, str):
        return value.isoformat() if isinstance(value, date) else str(value)
    value = _SPLIT_TRIGGER.sub(r"\1'", value)
    return "'" + value if value.startswith(TRIGGERS) else value


def csv_bytes(rows: Iterable[Sequence[Any]]) -> bytes:
    """UTF-8 with the byte-order mark, so that Excel opens the Cyrillic text as UTF-8."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer)
    for row in rows:
        writer.writerow([csv_text(value) for value in row])
    return buffer.getvalue().encode("utf-8")


@dataclass
class Sheet:
    title: str
    rows: list[Sequence[Any]]
    bold_rows: tuple[int, ...] = ()  # row indexes (from 0) written in bold: the header
    widths: dict[str, float] = field(default_factory=dict)  # column letter → width
    freeze: str | None = None  # e.g. "A2": the header stays on screen


def _put(cell, value: Any) -> None:
    value = _plain(value)
    if isinstance(value, datetime) and value.tzinfo is not None:
        value = value.replace(tzinfo=None)  # Excel has no time zones; the caller localized it
    if not isinstance(value, str):
        cell.value = value
        return
    value = _ILLEGAL_XML.sub("", value)[:XLSX_CELL_MAX]
    cell.value = value
    cell.data_type = "s"  # openpyxl makes "=…" a formula and "#N/A" an error: text, always
    if value.startswith(TRIGGERS):
        cell.quotePrefix = True  # and editing it in Excel keeps it text


def xlsx_bytes(sheets: Sequence[Sheet]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    workbook.remove(workbook.active)
    for spec in sheets:
        sheet = workbook.create_sheet(_sheet_title(spec.title))
        for r, row in enumerate(spec.rows, start=1):
            for c, value in enumerate(row, start=1):
                cell = sheet.cell(row=r, column=c)
                _put(cell, value)
                if r - 1 in spec.bold_rows:
                    cell.font = Font(bold=True)
        for column, width in spec.widths.items():
            sheet.column_dimensions[column].width = width
        if spec.freeze:
            sheet.freeze_panes = spec.freeze
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _sheet_title(title: str) -> str:
    """Excel's rules for a sheet's name: at most 31 characters, none of []:*?/\\."""
    cleaned = re.sub(r"[\[\]:*?/\\]", " ", _ILLEGAL_XML.sub("", str(title))).strip()
    return cleaned[:31] or "Sheet"


def _attachment(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def csv_response(rows: Iterable[Sequence[Any]], filename: str) -> HttpResponse:
    return _attachment(csv_bytes(rows), CSV_CONTENT_TYPE, filename)


def xlsx_response(sheets: Sequence[Sheet], filename: str) -> HttpResponse:
    return _attachment(xlsx_bytes(sheets), XLSX_CONTENT_TYPE, filename)
