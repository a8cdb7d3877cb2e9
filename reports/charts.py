"""Charts as SVG written here, server-side, with no browser and no plotting library: the same
markup goes into the page and into the PDF (WeasyPrint draws inline SVG as vectors).

Nothing may overlap whatever the language: the legend has a line of its own per entry above the
bars (the Russian "на начало отчётного периода" is twice as long as the Kazakh), labels are
shortened to their column, and the bars leave room for the widest figure. Text widths are
estimated from DejaVu Sans, whose glyphs are at most 0.62 em wide on average for the Kazakh,
Russian and Latin text used here (`text_width`); tests check the layout with the same estimate.
Figures are grouped like everywhere else in the report (reports.numbers.figure)."""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .numbers import figure, signed

FONT = "DejaVu Sans, sans-serif"
WIDTH = 520
LABEL_WIDTH = 190
BAR_HEIGHT = 16
GAP = 8
SIZE = 10
LEGEND_LINE = 16
COLOURS = ("#9aa5b1", "#1f6feb")
EM = 0.62  # average glyph width of DejaVu Sans, in em, rounded up


def text_width(text: str, size: int = SIZE) -> float:
    return len(text) * size * EM


def fit(text: str, width: float, size: int = SIZE) -> str:
    """The text, shortened with "…" to fit `width`."""
    if text_width(text, size) <= width:
        return text
    keep = max(int(width / (size * EM)) - 1, 1)
    return text[:keep].rstrip() + "…"


def _text(x: float, y: float, text: str, anchor: str = "start", size: int = SIZE) -> str:
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
    widest = max((text_width(figure(value)) for _label, value in items), default=0)
    span = WIDTH - LABEL_WIDTH - widest - 10
    body = []
    for i, (label, value) in enumerate(items):
        y = i * (BAR_HEIGHT + GAP)
        width = span * value / top
        body.append(
            _text(LABEL_WIDTH - 6, y + BAR_HEIGHT - 4, fit(label, LABEL_WIDTH - 8), anchor="end")
        )
        body.append(
            f'<rect x="{LABEL_WIDTH}" y="{y}" width="{width:.1f}" height="{BAR_HEIGHT}" '
            f'fill="{COLOURS[1]}"/>'
        )
        body.append(_text(LABEL_WIDTH + width + 4, y + BAR_HEIGHT - 4, figure(value)))
    return _svg(max(len(items), 1) * (BAR_HEIGHT + GAP), body, title)


def paired_bars(
    items: list[tuple[str, int, int]], legend: tuple[str, str], title: str
) -> SafeString:
    """Two bars per item, before and after (audience at the start and end per network,
    RPT4.1), with the growth written at the right. The legend takes one line per entry above
    the bars, so a long legend never runs into the other entry or into a bar."""
    top = max((max(a, b) for _label, a, b in items), default=0) or 1
    growth_texts = [signed(second - first) for _label, first, second in items]
    growth_width = max((text_width(g) for g in growth_texts), default=0)
    widest = max((text_width(figure(v)) for _l, a, b in items for v in (a, b)), default=0)
    span = WIDTH - LABEL_WIDTH - widest - growth_width - 20
    body = []
    for j, name in enumerate(legend):
        y = j * LEGEND_LINE
        body.append(
            f'<rect x="{LABEL_WIDTH}" y="{y + 2}" width="10" height="10" fill="{COLOURS[j]}"/>'
        )
        body.append(_text(LABEL_WIDTH + 14, y + 11, fit(name, WIDTH - LABEL_WIDTH - 14)))
    legend_height = len(legend) * LEGEND_LINE + 6
    row = 2 * BAR_HEIGHT + GAP
    for i, (label, first, second) in enumerate(items):
        y = legend_height + i * (row + GAP)
        body.append(
            _text(LABEL_WIDTH - 6, y + BAR_HEIGHT + 3, fit(label, LABEL_WIDTH - 8), anchor="end")
        )
        for j, value in enumerate((first, second)):
            width = span * value / top
            body.append(
                f'<rect x="{LABEL_WIDTH}" y="{y + j * BAR_HEIGHT}" width="{width:.1f}" '
                f'height="{BAR_HEIGHT - 2}" fill="{COLOURS[j]}"/>'
            )
            body.append(
                _text(LABEL_WIDTH + width + 4, y + j * BAR_HEIGHT + BAR_HEIGHT - 5, figure(value))
            )
        body.append(_text(WIDTH - 2, y + BAR_HEIGHT + 3, growth_texts[i], anchor="end"))
    return _svg(legend_height + max(len(items), 1) * (row + GAP), body, title)
