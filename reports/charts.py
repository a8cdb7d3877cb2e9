"""Charts as SVG written here, server-side, with no browser and no plotting library: the same
markup goes into the page and into the PDF (WeasyPrint draws inline SVG as vectors)."""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

FONT = "DejaVu Sans, sans-serif"
WIDTH = 520
LABEL_WIDTH = 190
BAR_HEIGHT = 16
GAP = 8
COLOURS = ("#9aa5b1", "#1f6feb")


def _text(x: float, y: float, text: str, anchor: str = "start", size: int = 10) -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-family="{FONT}" font-size="{size}" '
        f'text-anchor="{anchor}" fill="#222">{escape(text)}</text>'
    )


def _svg(height: float, body: list[str], title: str) -> SafeString:
    return mark_safe(  # noqa: S308 - every text is escaped above
        f'<svg xmlns="http://www.w3.org/2000/svg" class="report-chart" role="img" '
        f'width="{WIDTH}" height="{height:.0f}" viewBox="0 0 {WIDTH} {height:.0f}">'
        f"<title>{escape(title)}</title>{''.join(body)}</svg>"
    )


def bars(items: list[tuple[str, int]], title: str) -> SafeString:
    """One horizontal bar per item (content mix by type, RPT3.2)."""
    top = max((value for _label, value in items), default=0) or 1
    span = WIDTH - LABEL_WIDTH - 50
    body = []
    for i, (label, value) in enumerate(items):
        y = i * (BAR_HEIGHT + GAP)
        width = span * value / top
        body.append(_text(LABEL_WIDTH - 6, y + BAR_HEIGHT - 4, label, anchor="end"))
        body.append(
            f'<rect x="{LABEL_WIDTH}" y="{y}" width="{width:.1f}" height="{BAR_HEIGHT}" '
            f'fill="{COLOURS[1]}"/>'
        )
        body.append(_text(LABEL_WIDTH + width + 4, y + BAR_HEIGHT - 4, str(value)))
    return _svg(max(len(items), 1) * (BAR_HEIGHT + GAP), body, title)


def paired_bars(
    items: list[tuple[str, int, int]], legend: tuple[str, str], title: str
) -> SafeString:
    """Two bars per item, before and after (audience at the start and end per network,
    RPT4.1), with the growth written beside them."""
    top = max((max(a, b) for _label, a, b in items), default=0) or 1
    span = WIDTH - LABEL_WIDTH - 80
    body = []
    row = 2 * BAR_HEIGHT + GAP
    for i, (label, first, second) in enumerate(items):
        y = 22 + i * (row + GAP)
        body.append(_text(LABEL_WIDTH - 6, y + BAR_HEIGHT + 3, label, anchor="end"))
        for j, value in enumerate((first, second)):
            width = span * value / top
            body.append(
                f'<rect x="{LABEL_WIDTH}" y="{y + j * BAR_HEIGHT}" width="{width:.1f}" '
                f'height="{BAR_HEIGHT - 2}" fill="{COLOURS[j]}"/>'
            )
            body.append(
                _text(LABEL_WIDTH + width + 4, y + j * BAR_HEIGHT + BAR_HEIGHT - 5, str(value))
            )
        growth = second - first
        body.append(_text(WIDTH - 2, y + BAR_HEIGHT + 3, f"{growth:+d}", anchor="end", size=10))
    for j, name in enumerate(legend):
        x = LABEL_WIDTH + j * 150
        body.append(f'<rect x="{x}" y="2" width="10" height="10" fill="{COLOURS[j]}"/>')
        body.append(_text(x + 14, 11, name))
    return _svg(22 + max(len(items), 1) * (row + GAP), body, title)
