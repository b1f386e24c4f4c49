"""Small SVG charts for printed reports: grouped bars and lines, no plotting library.

The SVG uses only what QtSvg renders (rect, line, polyline, circle, text) and fixed sizes in
user units, so the printed chart looks the same in the preview, the PDF and a browser.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from html import escape

from ops.reports.words import Words
from ops.wording import DEFAULT_LANGUAGE

PALETTE = ("#0b4f8a", "#e07b22", "#2e8b57", "#b03a48", "#7a5195", "#5f6b77", "#c9a227", "#1b998b")
WIDTH, HEIGHT = 680.0, 260.0
LEFT, RIGHT, TOP, BOTTOM = 56.0, 12.0, 40.0, 58.0
FONT = "font-family='DejaVu Sans, sans-serif'"


def nice_ceiling(value: float) -> tuple[float, float]:
    """An axis top at or above `value` and its tick step (1, 2 or 5 × 10^k, 4–6 ticks)."""
    if value <= 0:
        return 1.0, 0.25
    raw = value / 5
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    return step * math.ceil(value / step - 1e-9), step


def _decimals(step: float) -> int:
    return max(0, -math.floor(math.log10(step))) if step < 1 else 0


def _frame(top: float, step: float, unit: str, language: str) -> list[str]:
    number = Words(language).number
    plot_h = HEIGHT - TOP - BOTTOM
    out = []
    ticks = round(top / step)
    for k in range(ticks + 1):
        y = HEIGHT - BOTTOM - plot_h * k / ticks
        colour = "#9aa5b1" if k == 0 else "#e4e7eb"
        out.append(
            f"<line x1='{LEFT}' y1='{y:.1f}' x2='{WIDTH - RIGHT}' y2='{y:.1f}' "
            f"stroke='{colour}' stroke-width='1'/>"
        )
        out.append(
            f"<text x='{LEFT - 6}' y='{y + 3.5:.1f}' text-anchor='end' font-size='10' {FONT} "
            f"fill='#52606d'>{number(step * k, _decimals(step))}</text>"
        )
    if unit:
        out.append(
            f"<text x='4' y='{TOP - 2}' font-size='10' {FONT} fill='#52606d'>{escape(unit)}</text>"
        )
    return out


def _legend(series: Sequence[str]) -> list[str]:
    out, x = [], LEFT
    y = HEIGHT - 12
    for k, name in enumerate(series):
        colour = PALETTE[k % len(PALETTE)]
        out.append(f"<rect x='{x:.1f}' y='{y - 8}' width='10' height='10' fill='{colour}'/>")
        out.append(
            f"<text x='{x + 14:.1f}' y='{y + 1}' font-size='10' {FONT} fill='#1f2933'>"
            f"{escape(name)}</text>"
        )
        x += 24 + 6.2 * len(name)
    return out


def _svg(parts: list[str], title: str) -> str:
    """The drawing, its title at the top: part of the picture, so a page never separates them."""
    if title:
        parts = [
            f"<text x='4' y='15' font-size='12' font-weight='bold' {FONT} fill='#1f2933'>"
            f"{escape(title)}</text>",
            *parts,
        ]
    return (
        f"<svg xmlns='http://www.w3.org/2000/svg' width='{WIDTH:.0f}' height='{HEIGHT:.0f}' "
        f"viewBox='0 0 {WIDTH:.0f} {HEIGHT:.0f}'>"
        f"<rect x='0' y='0' width='{WIDTH:.0f}' height='{HEIGHT:.0f}' fill='white'/>"
        + "".join(parts)
        + "</svg>"
    )


def bar_chart(
    labels: Sequence[str],
    series: Mapping[str, Sequence[float]],
    unit: str = "",
    stacked: bool = False,
    title: str = "",
    language: str = DEFAULT_LANGUAGE,
) -> str:
    """Bars per label, one colour per series (side by side, or stacked)."""
    names = list(series)
    values = [list(series[n]) for n in names]
    if any(len(v) != len(labels) for v in values):
        raise ValueError("every series needs one value per label")
    peak = max(
        (sum(col) for col in zip(*values, strict=True))
        if stacked
        else (max(v, default=0) for v in values),
        default=0.0,
    )
    top, step = nice_ceiling(float(peak))
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_w / max(len(labels), 1)
    bar_w = slot * 0.7 / (1 if stacked else max(len(names), 1))
    parts = _frame(top, step, unit, language)
    base_y = HEIGHT - BOTTOM
    for i, label in enumerate(labels):
        x0 = LEFT + slot * i + slot * 0.15
        stack = 0.0
        for k, vals in enumerate(values):
            h = plot_h * vals[i] / top
            colour = PALETTE[k % len(PALETTE)]
            if stacked:
                y = base_y - plot_h * (stack + vals[i]) / top
                stack += vals[i]
                x = x0
            else:
                y, x = base_y - h, x0 + bar_w * k
            if h > 0:
                parts.append(
                    f"<rect x='{x:.1f}' y='{y:.1f}' width='{bar_w:.1f}' height='{h:.1f}' "
                    f"fill='{colour}'/>"
                )
        parts.append(_axis_label(LEFT + slot * (i + 0.5), label, len(labels)))
    parts.extend(_legend(names))
    return _svg(parts, title)


def line_chart(
    labels: Sequence[str],
    series: Mapping[str, Sequence[float]],
    unit: str = "",
    title: str = "",
    language: str = DEFAULT_LANGUAGE,
) -> str:
    """One line with markers per series over the labels (months)."""
    values = [list(v) for v in series.values()]
    if any(len(v) != len(labels) for v in values):
        raise ValueError("every series needs one value per label")
    top, step = nice_ceiling(max((max(v, default=0) for v in values), default=0.0))
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_w / max(len(labels), 1)
    parts = _frame(top, step, unit, language)
    for k, vals in enumerate(values):
        colour = PALETTE[k % len(PALETTE)]
        points = [
            (LEFT + slot * (i + 0.5), HEIGHT - BOTTOM - plot_h * v / top)
            for i, v in enumerate(vals)
        ]
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
        parts.append(f"<polyline points='{path}' fill='none' stroke='{colour}' stroke-width='2'/>")
        parts.extend(
            f"<circle cx='{x:.1f}' cy='{y:.1f}' r='3' fill='{colour}'/>" for x, y in points
        )
    for i, label in enumerate(labels):
        parts.append(_axis_label(LEFT + slot * (i + 0.5), label, len(labels)))
    parts.extend(_legend(list(series)))
    return _svg(parts, title)


def _axis_label(x: float, label: str, count: int) -> str:
    y = HEIGHT - BOTTOM + 14
    if count > 14 or len(label) * count > 90:  # crowded: slant the labels
        return (
            f"<text x='{x:.1f}' y='{y:.1f}' font-size='9' {FONT} fill='#1f2933' "
            f"text-anchor='end' transform='rotate(-35 {x:.1f} {y:.1f})'>{escape(label)}</text>"
        )
    return (
        f"<text x='{x:.1f}' y='{y:.1f}' font-size='10' {FONT} fill='#1f2933' "
        f"text-anchor='middle'>{escape(label)}</text>"
    )
