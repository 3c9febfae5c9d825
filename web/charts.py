"""Accessible bar charts as inline SVG, rendered on the server (no JavaScript).

:func:`bar_chart` draws one bar per value. The SVG has ``role="img"`` and is named by its
``<title>`` and described by its ``<desc>`` (``aria-labelledby``), and every bar has its own
``<title>`` ("12. nov.: 4") for a pointer. Colours are attributes, not ``style``, so the page's
Content-Security-Policy (``style-src 'self'``) allows them. The page shows the same numbers in
a table next to the chart: the chart is for the eye, the table for everyone.
"""
from __future__ import annotations

import math
from html import escape
from typing import Sequence, Tuple

WIDTH, HEIGHT = 640, 180
LEFT, BOTTOM, TOP = 36, 22, 10


def _nice_max(value: float) -> int:
    """The axis's top: 1, 2, 5 times a power of ten, at least ``value`` (1 for nothing)."""
    if value <= 1:
        return 1
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        if step * power >= value:
            return int(step * power)
    return int(10 * power)  # pragma: no cover - the loop always returns


def bar_chart(chart_id: str, title: str, points: Sequence[Tuple[str, int]],
              colour: str = "#0a5c8c", description: str = "") -> str:
    """An SVG bar chart of ``points`` (label, value): one bar per point, left to right."""
    top = _nice_max(max((v for _, v in points), default=0))
    plot_w, plot_h = WIDTH - LEFT - 4, HEIGHT - BOTTOM - TOP
    n = max(len(points), 1)
    slot = plot_w / n
    bar_w = max(slot * 0.7, 1.0)
    total = sum(v for _, v in points)
    highest = max((v for _, v in points), default=0)
    desc = description or f"{len(points)} dager, {total} i alt, høyest {highest}."
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" focusable="false">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(desc)}</desc>',
        f'<line x1="{LEFT}" y1="{TOP + plot_h}" x2="{WIDTH - 4}" y2="{TOP + plot_h}" '
        f'stroke="#555" stroke-width="1"/>',
        f'<text x="{LEFT - 4}" y="{TOP + 4}" text-anchor="end" font-size="11" fill="#333">'
        f'{top}</text>',
        f'<text x="{LEFT - 4}" y="{TOP + plot_h}" text-anchor="end" font-size="11" '
        f'fill="#333">0</text>',
    ]
    for i, (label, value) in enumerate(points):
        h = plot_h * value / top
        x = LEFT + i * slot + (slot - bar_w) / 2
        y = TOP + plot_h - h
        parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_w:.1f}" height="{h:.1f}" '
                     f'fill="{escape(colour)}"><title>{escape(label)}: {value}</title></rect>')
    if points:
        for i in sorted({0, len(points) - 1}):
            x = LEFT + i * slot + slot / 2
            anchor = "start" if i == 0 and len(points) > 1 else "end" if i else "middle"
            parts.append(f'<text x="{x:.1f}" y="{HEIGHT - 6}" text-anchor="{anchor}" '
                         f'font-size="11" fill="#333">{escape(points[i][0])}</text>')
    parts.append("</svg>")
    return "".join(parts)
