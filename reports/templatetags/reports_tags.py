"""Narrative text of a report as HTML: blank lines separate paragraphs, lines starting with
"- " make a bulleted list. Everything is escaped; the user writes plain text, never HTML."""

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


def render_narrative(text: str) -> SafeString:
    blocks: list[str] = []
    paragraph: list[str] = []
    items: list[str] = []

    def flush() -> None:
        if paragraph:
            blocks.append("<p>" + "<br>".join(escape(line) for line in paragraph) + "</p>")
            paragraph.clear()
        if items:
            blocks.append("<ul>" + "".join(f"<li>{escape(i)}</li>" for i in items) + "</ul>")
            items.clear()

    for raw in (text or "").replace("\r\n", "\n").split("\n"):
        line = raw.strip()
        if not line:
            flush()
        elif line.startswith(("- ", "• ", "* ")):
            if paragraph:
                flush()
            items.append(line[2:].strip())
        else:
            if items:
                flush()
            paragraph.append(line)
    flush()
    return mark_safe("".join(blocks))  # noqa: S308 - every piece is escaped above


@register.filter
def narrative(text: str) -> SafeString:
    return render_narrative(text)


@register.filter
def get(mapping, key):
    return mapping.get(key) if mapping else None


@register.filter
def figure(value):
    """A figure grouped like everywhere in the report (reports.numbers.figure)."""
    from reports.numbers import figure as format_figure

    return format_figure(value)
