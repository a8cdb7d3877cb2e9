"""The subscriber chart of an account's page: an SVG line drawn here (no library, no CDN), in
the style of reports.charts."""

from __future__ import annotations

from django.utils.safestring import SafeString

from reports.charts import WIDTH, _svg, _text
from reports.numbers import figure

HEIGHT = 160
LEFT, RIGHT, TOP, BOTTOM = 56, 10, 10, 24


def subscribers(points: list[tuple[str, int]], title: str) -> SafeString:
    """points: (date label, count), oldest first."""
    if not points:
        return _svg(20, [_text(0, 14, "—")], title)
    values = [v for _d, v in points]
    low, high = min(values), max(values)
    if high == low:
        low, high = max(low - 1, 0), high + 1
    span_x = WIDTH - LEFT - RIGHT
    span_y = HEIGHT - TOP - BOTTOM

    def xy(i: int, v: int) -> tuple[float, float]:
        x = LEFT + (span_x * i / max(len(points) - 1, 1))
        y = TOP + span_y * (1 - (v - low) / (high - low))
        return x, y

    coords = [xy(i, v) for i, (_d, v) in enumerate(points)]
    body = [
        f'<line x1="{LEFT}" y1="{TOP + span_y}" x2="{WIDTH - RIGHT}" y2="{TOP + span_y}" '
        'stroke="#9aa5b1"/>',
        _text(LEFT - 4, TOP + 8, figure(high), anchor="end"),
        _text(LEFT - 4, TOP + span_y, figure(low), anchor="end"),
        _text(LEFT, HEIGHT - 6, points[0][0]),
        _text(WIDTH - RIGHT, HEIGHT - 6, points[-1][0], anchor="end"),
        '<polyline fill="none" stroke="#1f6feb" stroke-width="2" points="'
        + " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
        + '"/>',
    ]
    body += [f'<circle cx="{x:.1f}" cy="{y:.1f}" r="2.5" fill="#1f6feb"/>' for x, y in coords]
    return _svg(HEIGHT, body, title)
