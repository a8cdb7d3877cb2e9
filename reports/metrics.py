"""Account metrics (RPT4) from a CSV or XLSX file: every row checked, errors reported per row
and column, and nothing written unless every row is right. Rows are keyed (account and date;
account and period; post), so importing the same file twice replaces the figures instead of
doubling them.

Three file kinds, each with a downloadable template:
- subscribers: account, date, subscribers
- period:      account, period_start, period_end, average_views, likes, comments, shares
- posts:       post_url, views, likes, comments, shares

The header row keeps these machine names (a file is the same whatever the language of the
person who fills it in), but people read them in their language: every message and every help
text names a column as «its label» (its header), `column_name("date")` → «Күні» (date).
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts import audit, permissions, tabular
from accounts.models import Organization, User
from content.models import PublicationStatus, PublicationTarget
from registry import links
from registry.models import OfficialAccount

from .compute import bounds
from .models import AccountPeriodMetrics, PublicationMetrics, SubscriberCount

KINDS = {
    "subscribers": gettext_lazy("Subscribers on a date"),
    "period": gettext_lazy("Engagement for a period"),
    "posts": gettext_lazy("Engagement of posts"),
}
COLUMNS = {
    "subscribers": ["account", "date", "subscribers"],
    "period": [
        "account",
        "period_start",
        "period_end",
        "average_views",
        "likes",
        "comments",
        "shares",
    ],
    "posts": ["post_url", "views", "likes", "comments", "shares"],
}
EXAMPLES = {
    "subscribers": [["https://t.me/kasipodaq", "2026-06-30", 1520]],
    "period": [["https://t.me/kasipodaq", "2026-01-01", "2026-06-30", 430, 1250, 310, 95]],
    "posts": [["https://t.me/kasipodaq/125", 2100, 180, 24, 12]],
}
# What each column is called on the page, the same words as the hand-entry form's fields.
COLUMN_LABELS = {
    "account": gettext_lazy("Account link"),
    "date": gettext_lazy("Date"),
    "subscribers": gettext_lazy("Subscribers"),
    "period_start": gettext_lazy("Figures from"),
    "period_end": gettext_lazy("Figures until"),
    "average_views": gettext_lazy("Average views"),
    "post_url": gettext_lazy("Post link"),
    "views": gettext_lazy("Views"),
    "likes": gettext_lazy("Likes"),
    "comments": gettext_lazy("Comments"),
    "shares": gettext_lazy("Shares/reposts"),
}


def column_name(name: str) -> str:
    """A column as people read it: «Күні» (date); a header we do not know stays as written."""
    label = COLUMN_LABELS.get(name)
    return f"«{label}» ({name})" if label else f"«{name}»"


def column_names(names: list[str]) -> str:
    return ", ".join(column_name(name) for name in names)


NUMBERS = {"subscribers", "average_views", "likes", "comments", "shares", "views"}
DATES = {"date", "period_start", "period_end"}
MAX_ROWS = 5000
MAX_BYTES = 5 * 1024 * 1024
# Limits on what a file may make the server do before a row is checked (issue 11 §5): an XLSX
# is a zip, and 1 MB of it can unpack to a million rows. The parts' unpacked sizes are checked
# before openpyxl opens anything (zipfile itself stops at the size a part declares), and rows
# are streamed, never read past MAX_SCANNED_ROWS (blank rows included) or MAX_COLUMNS.
MAX_UNPACKED_BYTES = 30 * 1024 * 1024
MAX_PARTS = 200
MAX_SCANNED_ROWS = 2 * MAX_ROWS
MAX_COLUMNS = 30
# The figures are stored in PositiveIntegerField: PostgreSQL's integer ends at 2³¹ − 1.
MAX_NUMBER = 2_147_483_647
SHOWN_CHARS = 80  # a cell quoted in an error message


@dataclass
class RowError:
    row: int  # the spreadsheet's row number; the header is row 1; 0 for the file itself
    column: str  # the header's machine name ("" for the row or the file)
    message: str

    @property
    def column_label(self) -> str:
        """The column in the user's language, for the error table."""
        return str(COLUMN_LABELS.get(self.column, self.column))


@dataclass
class MetricsFileError(Exception):
    errors: list[RowError] = field(default_factory=list)


def _file_error(message: str) -> MetricsFileError:
    return MetricsFileError([RowError(0, "", message)])


def _too_many_rows() -> MetricsFileError:
    return _file_error(_("The file has more than %(max)s rows.") % {"max": MAX_ROWS})


def _not_xlsx() -> MetricsFileError:
    return _file_error(
        _(
            "The file is not an Excel workbook (.xlsx) although its name says so. "
            "Save it from Excel as .xlsx or download the template again."
        )
    )


def _collect(rows: Iterable[Sequence[Any]]) -> list[list[Any]]:
    """At most MAX_ROWS rows with something in them (and the header), read one at a time."""
    table: list[list[Any]] = []
    filled = 0
    for scanned, row in enumerate(rows, start=1):
        if scanned > MAX_SCANNED_ROWS:
            raise _too_many_rows()
        cells = list(row[:MAX_COLUMNS])
        if any(not _blank(c) for c in cells):
            filled += 1
            if filled > MAX_ROWS + 1:
                raise _too_many_rows()
            table.append(cells)
        else:
            table.append([])  # kept, so that row numbers stay the spreadsheet's
    return table


def _read_xlsx(content: bytes) -> list[list[Any]]:
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError):
        raise _not_xlsx() from None
    if len(parts) > MAX_PARTS or sum(p.file_size for p in parts) > MAX_UNPACKED_BYTES:
        raise _file_error(
            _("The workbook is too large once unpacked. Keep only the sheet with the figures.")
        )
    from openpyxl import load_workbook

    # openpyxl reads a file from anyone: besides its own errors, broken XML or a missing part
    # surface as whatever the parser raises (ParseError, KeyError, IndexError, …). Every one of
    # them means "not a workbook we can read"; none may become a 500.
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception:
        raise _not_xlsx() from None
    try:
        if not workbook.worksheets:
            raise _file_error(_("The workbook has no sheet."))
        return _collect(
            workbook.worksheets[0].iter_rows(
                max_row=MAX_SCANNED_ROWS + 1, max_col=MAX_COLUMNS, values_only=True
            )
        )
    except MetricsFileError:
        raise
    except Exception:
        raise _not_xlsx() from None
    finally:
        workbook.close()


def _read_csv(content: bytes) -> list[list[Any]]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _file_error(_("The CSV file is not in UTF-8 encoding.")) from None
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    try:
        return _collect(csv.reader(io.StringIO(text), delimiter=delimiter))
    except csv.Error:  # a cell over csv.field_size_limit(), or broken quoting
        raise _file_error(
            _("The CSV file cannot be read: a cell is too long or its quotes are not closed.")
        ) from None


def read_table(name: str, content: bytes) -> list[list[Any]]:
    """The file's cells, row by row, header included; a blank row is an empty list."""
    if len(content) > MAX_BYTES:
        raise _file_error(_("The file is too large (at most 5 MB)."))
    lower = name.lower()
    if lower.endswith(".xlsx"):
        return _read_xlsx(content)
    if lower.endswith(".csv"):
        return _read_csv(content)
    raise _file_error(_("Upload a .csv or .xlsx file."))


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _shown(value: Any) -> str:
    """A cell quoted in a message: short, whatever the file held."""
    text = str(value)
    return text if len(text) <= SHOWN_CHARS else text[:SHOWN_CHARS] + "…"


def _number(value: Any) -> int:
    """A whole number written in ASCII digits ("²" and "١٢" are not figures), or ValueError."""
    if isinstance(value, bool):
        raise ValueError
    if isinstance(value, int):
        number = value
    elif isinstance(value, float):
        if not value.is_integer():
            raise ValueError
        number = int(value)
    else:
        text = str(value).strip().replace("\u00a0", "").replace(" ", "")
        digits = text.removeprefix("-")
        if not (digits.isdecimal() and digits.isascii()) or len(digits) > 18:
            raise ValueError
        number = -int(digits) if text.startswith("-") else int(digits)
    return number


def _date(value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    for fmt in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError


class _Accounts:
    """The organization's accounts, found by link as people write it (or by number)."""

    def __init__(self, organization: Organization):
        self.accounts = list(OfficialAccount.objects.filter(organization=organization))
        self.by_normalized = {a.normalized_url: a for a in self.accounts}
        self.networks = sorted({a.network for a in self.accounts})

    def find(self, raw: Any) -> OfficialAccount | None:
        text = str(raw).strip()
        if text.isdecimal() and text.isascii() and len(text) <= 18:
            return next((a for a in self.accounts if a.pk == int(text)), None)
        for network in self.networks:
            try:
                found = self.by_normalized.get(links.normalize(network, text))
            except ValidationError:
                continue
            if found is not None:
                return found
        return None


def _post_key(url: str) -> str:
    text = url.strip().split("?", 1)[0].rstrip("/")
    for prefix in ("https://", "http://"):
        if text.startswith(prefix):
            text = text[len(prefix) :]
    return text.removeprefix("www.").lower()


def parse(
    kind: str, table: list[list[Any]], organization: Organization, start: date, end: date
) -> list[dict[str, Any]]:
    """Check every row; return the rows as values, or raise MetricsFileError with all errors."""
    if kind not in COLUMNS:
        raise _file_error(_("Unknown kind of metrics file."))
    expected = COLUMNS[kind]
    rows = [row for row in table if any(not _blank(c) for c in row)]
    if not rows:
        raise _file_error(_("The file is empty."))
    header = [str(c).strip().lower() if c is not None else "" for c in rows[0]]
    while header and header[-1] == "":
        header.pop()
    missing = [c for c in expected if c not in header]
    extra = [c for c in header if c not in expected]
    if missing or extra:
        parts = []
        if missing:
            parts.append(_("missing columns: %(columns)s") % {"columns": column_names(missing)})
        if extra:
            parts.append(_("unknown columns: %(columns)s") % {"columns": column_names(extra)})
        raise MetricsFileError(
            [
                RowError(
                    1,
                    "",
                    _("Wrong columns (%(details)s). Expected: %(expected)s.")
                    % {"details": "; ".join(parts), "expected": column_names(expected)},
                )
            ]
        )
    if len(rows) - 1 > MAX_ROWS:
        raise _file_error(_("The file has more than %(max)s rows.") % {"max": MAX_ROWS})
    index = {name: header.index(name) for name in expected}
    accounts = _Accounts(organization)
    targets = _targets(organization) if kind == "posts" else {}
    since, until = bounds(start, end)
    errors: list[RowError] = []
    out: list[dict[str, Any]] = []
    keys: dict[tuple, int] = {}
    numbered = [(n, row) for n, row in enumerate(table, start=1) if any(not _blank(c) for c in row)]
    for number, row in numbered[1:]:
        values: dict[str, Any] = {}
        row_errors: list[RowError] = []

        def bad(column: str, message: str, number: int = number, errs=row_errors) -> None:
            errs.append(RowError(number, column, message))

        for name in expected:
            i = index[name]
            cell = row[i] if i < len(row) else None
            if _blank(cell):
                bad(name, _("This cell is empty."))
                continue
            if name in NUMBERS:
                try:
                    value = _number(cell)
                except ValueError:
                    bad(name, _("“%(value)s” is not a whole number.") % {"value": _shown(cell)})
                    continue
                if value < 0:
                    bad(name, _("The number must not be negative."))
                    continue
                if value > MAX_NUMBER:
                    bad(
                        name,
                        _("The number is too large (at most %(max)s).")
                        % {"max": f"{MAX_NUMBER:,}".replace(",", " ")},
                    )
                    continue
                values[name] = value
            elif name in DATES:
                try:
                    value = _date(cell)
                except ValueError:
                    bad(
                        name,
                        _("“%(value)s” is not a date (YYYY-MM-DD or DD.MM.YYYY).")
                        % {"value": _shown(cell)},
                    )
                    continue
                if not start <= value <= end:
                    bad(
                        name,
                        _("The date is outside the period %(start)s–%(end)s.")
                        % {"start": f"{start:%d.%m.%Y}", "end": f"{end:%d.%m.%Y}"},
                    )
                    continue
                values[name] = value
            elif name == "account":
                account = accounts.find(cell)
                if account is None:
                    bad(
                        name,
                        _("No official account of %(organization)s has the link “%(value)s”.")
                        % {"organization": organization.name, "value": _shown(cell)},
                    )
                    continue
                values[name] = account
            elif name == "post_url":
                target = targets.get(_post_key(str(cell)))
                if target is None:
                    bad(
                        name,
                        _("No published post of %(organization)s has the link “%(value)s”.")
                        % {"organization": organization.name, "value": _shown(cell)},
                    )
                    continue
                published = target.publication.published_at
                if published is None or not since <= published < until:
                    bad(name, _("The post was not published within the period."))
                    continue
                values[name] = target
        if (
            kind == "period"
            and "period_start" in values
            and "period_end" in values
            and values["period_end"] < values["period_start"]
        ):
            bad("period_end", _("The period ends before it starts."))
        if not row_errors:
            key = _key(kind, values)
            if key in keys:
                bad(
                    expected[0],
                    _("The same figures appear in row %(row)s too.") % {"row": keys[key]},
                )
            else:
                keys[key] = number
        if row_errors:
            errors += row_errors
        else:
            out.append(values)
    if errors:
        raise MetricsFileError(errors)
    if not out:
        raise _file_error(_("The file has a header but no rows."))
    return out


def _key(kind: str, values: dict[str, Any]) -> tuple:
    if kind == "subscribers":
        return (values["account"].pk, values["date"])
    if kind == "period":
        return (values["account"].pk, values["period_start"], values["period_end"])
    return (values["post_url"].pk,)


def _targets(organization: Organization) -> dict[str, PublicationTarget]:
    qs = (
        PublicationTarget.objects.filter(
            publication__organization=organization,
            publication__status=PublicationStatus.PUBLISHED,
        )
        .exclude(post_url="")
        .select_related("publication")
    )
    return {_post_key(t.post_url): t for t in qs}


def save_rows(*, actor: User, kind: str, rows: list[dict[str, Any]]) -> int:
    """Write checked rows, replacing the figures already stored under the same keys."""
    for values in rows:
        if kind == "subscribers":
            SubscriberCount.objects.update_or_create(
                account=values["account"],
                on=values["date"],
                defaults={"subscribers": values["subscribers"], "recorded_by": actor},
            )
        elif kind == "period":
            AccountPeriodMetrics.objects.update_or_create(
                account=values["account"],
                starts_on=values["period_start"],
                ends_on=values["period_end"],
                defaults={
                    **{k: values[k] for k in ("average_views", "likes", "comments", "shares")},
                    "recorded_by": actor,
                },
            )
        else:
            PublicationMetrics.objects.update_or_create(
                target=values["post_url"],
                defaults={
                    **{k: values[k] for k in ("views", "likes", "comments", "shares")},
                    "recorded_by": actor,
                },
            )
    return len(rows)


def metrics_import(
    *,
    actor: User,
    organization: Organization,
    kind: str,
    start: date,
    end: date,
    name: str,
    content: bytes,
) -> int:
    """All or nothing: a file with one bad row raises MetricsFileError and writes nothing."""
    permissions.require(actor, "reports.metrics.change", organization)
    rows = parse(kind, read_table(name, content), organization, start, end)
    with transaction.atomic():
        count = save_rows(actor=actor, kind=kind, rows=rows)
        audit.record(
            "reports.metrics.import",
            actor=actor,
            organization=organization,
            changes={"kind": kind, "rows": count, "file": name[:100]},
        )
    return count


def metrics_record(
    *,
    actor: User,
    organization: Organization,
    kind: str,
    start: date,
    end: date,
    values: dict[str, Any],
) -> int:
    """One row entered in a form: the same checks as a file's row (parse), the same keys (a
    second entry for the same account and date replaces the first)."""
    permissions.require(actor, "reports.metrics.change", organization)
    if kind not in COLUMNS:
        raise _file_error(_("Unknown kind of metrics file."))
    header = COLUMNS[kind]
    rows = parse(kind, [header, [values.get(c) for c in header]], organization, start, end)
    with transaction.atomic():
        count = save_rows(actor=actor, kind=kind, rows=rows)
        audit.record(
            "reports.metrics.import",
            actor=actor,
            organization=organization,
            changes={"kind": kind, "rows": count, "file": "—"},
        )
    return count


def template(kind: str, fmt: str) -> bytes:
    """The import template: the header row and one example row."""
    rows = [COLUMNS[kind], *EXAMPLES[kind]]
    if fmt == "csv":
        return tabular.csv_bytes(rows)
    widths = {chr(ord("A") + i): 22 for i in range(len(COLUMNS[kind]))}
    return tabular.xlsx_bytes([tabular.Sheet(title=kind, rows=rows, widths=widths)])
