"""The register (R4.3) as CSV, XLSX and PDF, in Kazakh or Russian. The PDF is laid out as an
official register with the numbered table "No. | social network | page/account name | link",
the same table as the report's RPT1.3."""

from django.http import Http404, HttpResponse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts import tabular
from accounts.models import Organization
from reports.pdf import render_pdf

from .models import FLAGS, OfficialAccount


def _rows(accounts: list[OfficialAccount]) -> tuple[list[str], list[list[str]]]:
    header = [
        "№",
        _("Organization"),
        _("Social network"),
        _("Page/account name"),
        _("Handle"),
        _("Link"),
        _("Language of publications"),
        _("Status"),
        _("Compliance"),
    ]
    rows = []
    for number, account in enumerate(accounts, start=1):
        flags = [
            str(label) for name, label in FLAGS.items() if getattr(account, f"flag_{name}", False)
        ]
        rows.append(
            [
                str(number),
                account.organization.name,
                account.get_network_display(),
                account.display_name,
                account.handle,
                account.url,
                account.get_languages_display(),
                account.get_status_display(),
                "; ".join(flags) or _("No problems"),
            ]
        )
    return header, rows


def _filename(extension: str, language: str) -> str:
    return f"register-{timezone.localdate():%Y-%m-%d}-{language}.{extension}"


def render(
    fmt: str, accounts: list[OfficialAccount], *, language: str, organization: Organization | None
) -> HttpResponse:
    with translation.override(language):
        if fmt == "csv":
            header, rows = _rows(accounts)
            return tabular.csv_response([header, *rows], _filename(fmt, language))
        if fmt == "xlsx":
            header, rows = _rows(accounts)
            sheet = tabular.Sheet(
                title=_("Register"),
                rows=[header, *([int(row[0]), *row[1:]] for row in rows)],
                bold_rows=(0,),
                widths=dict(zip("ABCDEFGHI", (6, 40, 18, 36, 20, 45, 18, 14, 50), strict=True)),
                freeze="A2",
            )
            return tabular.xlsx_response([sheet], _filename(fmt, language))
        if fmt != "pdf":
            raise Http404
        pdf = render_pdf(
            "reports/registry.html",
            {
                "accounts": accounts,
                "organization": organization,
                "show_organization": len({a.organization_id for a in accounts}) > 1,
                "today": timezone.localdate(),
            },
            language=language,
        )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{_filename(fmt, language)}"'
    return response


def hygiene_pdf(
    *, base, rows, total, flag: str, own: bool, tasks, more: bool, language: str, site: str
) -> HttpResponse:
    """The hygiene page as a PDF (issue 13 point 8): the counts, and under the page's filter the
    same drill-down rows — each problem with who must act and where — the filter stated."""
    with translation.override(language):
        pdf = render_pdf(
            "registry/hygiene_pdf.html",
            {
                "base": base,
                "rows": rows,
                "total": total,
                "flags": FLAGS,
                "flag": flag,
                "flag_label": FLAGS.get(flag, ""),
                "own": own,
                "tasks": tasks,
                "more": more,
                "site": site,
                "today": timezone.localdate(),
            },
            language=language,
        )
    response = HttpResponse(pdf, content_type="application/pdf")
    name = f"hygiene-{base.pk}-{flag or 'all'}-{timezone.localdate():%Y-%m-%d}-{language}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
