"""PDF documents (WeasyPrint) from templates in templates/reports/: the registry export, the
checklist and the half-year report share this renderer and its fonts. The fonts ship with the
project (static/fonts/dejavu: DejaVu Sans shows every Kazakh letter and the tenge sign ₸), so a
PDF looks the same on every server."""

from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

FONT_DIR = Path(settings.BASE_DIR) / "static" / "fonts" / "dejavu"


def render_document(template: str, context: dict, *, language: str):
    """The laid-out document (WeasyPrint's Document): its `pages` are counted before it is
    written (reports.pdf_jobs records how many)."""
    from weasyprint import HTML  # imported here: loading pango is slow and only PDFs need it

    with translation.override(language):
        html = render_to_string(
            template, {**context, "font_dir": FONT_DIR.as_uri(), "language": language}
        )
    return HTML(string=html, base_url=str(settings.BASE_DIR)).render()


def render_pdf(template: str, context: dict, *, language: str) -> bytes:
    return render_document(template, context, language=language).write_pdf()
