"""The charts' text never overlaps, whatever the language: the Russian legend of the audience
chart ("на начало отчётного периода") is twice as long as the Kazakh one."""

import re

import pytest
from django.utils import translation

from reports import charts
from reports.appendix import RU


def boxes(svg: str) -> list[tuple[str, float, float, float, float]]:
    """(kind, x0, y0, x1, y1) of every text and rect, text widths estimated like the layout."""
    out = []
    for m in re.finditer(
        r'<rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"', svg
    ):
        x, y, w, h = map(float, m.groups())
        out.append(("rect", x, y, x + w, y + h))
    pattern = (
        r'<text x="([\d.]+)" y="([\d.]+)"[^>]*font-size="(\d+)" text-anchor="(\w+)"[^>]*>([^<]*)<'
    )
    for m in re.finditer(pattern, svg):
        x, y, size = float(m[1]), float(m[2]), int(m[3])
        width = charts.text_width(m[5].replace("&amp;", "&"), size)
        x0 = x - width if m[4] == "end" else x
        out.append((f"text:{m[5]}", x0, y - size * 0.8, x0 + width, y + size * 0.2))
    return out


def overlaps(a, b) -> bool:
    return a[1] < b[3] and b[1] < a[3] and a[2] < b[4] and b[2] < a[4]


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_audience_chart_legend_overlaps_nothing(lang):
    with translation.override(lang):
        legend = (RU["at_start"], RU["at_end"])
        svg = charts.paired_bars(
            [("Telegram", 12000, 13450), ("Instagram", 0, 987654), ("Facebook", 5, 3)],
            legend,
            "t",
        )
    items = boxes(svg)
    legend_texts = [b for b in items if b[0] in (f"text:{legend[0]}", f"text:{legend[1]}")]
    assert len(legend_texts) == 2
    for i, a in enumerate(items):
        assert a[3] <= charts.WIDTH + 0.5, a  # nothing runs off the chart
        for b in items[i + 1 :]:
            if a[0] == "rect" and b[0] == "rect":
                continue  # a legend swatch or a bar never touches another, asserted below
            assert not overlaps(a, b), (a, b)
    rects = [b for b in items if b[0] == "rect"]
    for i, a in enumerate(rects):
        for b in rects[i + 1 :]:
            assert not overlaps(a, b), (a, b)


def test_the_figures_in_the_charts_are_grouped():
    with translation.override("kk"):
        svg = charts.paired_bars([("Telegram", 12000, 13450)], ("a", "b"), "t")
        assert "13\xa0450" in svg and "+1\xa0450" in svg
        assert "1\xa0234" in charts.bars([("Ақпараттық", 1234)], "t")
