"""Charts drawn on the server as SVG: no JavaScript, no library, nothing from a CDN.

Each chart is one ``<svg>`` element (``role="img"``, with ``<title>`` and ``<desc>`` for screen
readers) that scales to the width of the page, so it reads on a phone as on a desk. Every bar
carries its number as text, not only as a length. Every text that comes from the community
(building and category names) is escaped, and long names are shortened with their full form
kept in a tooltip.

The functions are pure: data in, markup out (a :class:`markupsafe.Markup`-free ``str``; the
template marks it safe because everything inside was escaped here).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

# Chart ids are ours (stable: the browser tests find charts by them), never user input.
_ID = re.compile(r"[a-z][a-z0-9-]{0,40}")

# Okabe–Ito colours (distinguishable with the common colour-vision deficiencies), then greys.
PALETTE = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#CC79A7",
    "#56B4E9",
    "#D55E00",
    "#F0E442",
    "#000000",
    "#999999",
)
# User units; the SVG scales to the page (charts.css caps it at 560 px), so this sets the text
# size: 13 units are about 12 px on a 390 px phone and 18 px on a desk.
WIDTH = 400
FONT = 13
LABEL_CHARS = 8  # building names longer than this are shortened (full name in the tooltip)
BAR = 14  # height of one horizontal bar
GAP = 10  # between two rows of bars
LABEL_W = 104  # room for a row's label on the left (LABEL_CHARS characters)
MIN_VALUE_W = 40  # room for the numbers right of the bars, at least
TOP = 8
CHART_H = 220  # plot height of the column chart


@dataclass(frozen=True, slots=True)
class Series:
    """One kind of bar: its name in the legend and its colour."""

    name: str
    colour: str


@dataclass(frozen=True, slots=True)
class Row:
    """One row of a bar chart: a label and one value per series."""

    label: str
    values: tuple[float, ...]


def _t(text: object) -> str:
    return escape(str(text), quote=True)


def short(label: str, limit: int = LABEL_CHARS) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def text_width(text: str, size: float = FONT) -> float:
    """About how wide ``text`` is drawn: Chinese characters are square, the rest narrower."""
    return sum(size if ord(ch) > 0x2E7F else size * 0.6 for ch in text)


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


def _open(chart_id: str, height: float, title: str, desc: str) -> list[str]:
    if not _ID.fullmatch(chart_id):
        raise ValueError(f"a chart id is letters, digits and dashes, got {chart_id!r}")
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" id="{_t(chart_id)}" class="chart"'
        f' viewBox="0 0 {WIDTH} {height:.0f}" width="100%" preserveAspectRatio="xMinYMin meet"'
        f' role="img" aria-labelledby="{_t(chart_id)}-title {_t(chart_id)}-desc"'
        f' font-family="sans-serif" font-size="{FONT}">',
        f'<title id="{_t(chart_id)}-title">{_t(title)}</title>',
        f'<desc id="{_t(chart_id)}-desc">{_t(desc)}</desc>',
    ]


def _legend(series: Sequence[Series], y: float) -> tuple[list[str], float]:
    """Colour keys in rows that wrap at the chart's width; returns the markup and the height."""
    out: list[str] = []
    x, row_y = 0.0, y
    for s in series:
        w = 18 + FONT * len(s.name) + 14
        if x and x + w > WIDTH:
            x, row_y = 0.0, row_y + FONT + 8
        out.append(
            f'<g class="legend"><rect x="{x:.0f}" y="{row_y:.0f}" width="12" height="12"'
            f' fill="{s.colour}"/><text x="{x + 16:.0f}" y="{row_y + 11:.0f}">{_t(s.name)}</text></g>'
        )
        x += w
    return out, (row_y - y) + FONT + 10 if series else 0.0


def empty(chart_id: str, title: str, message: str = "暂无数据") -> str:
    parts = _open(chart_id, 40, title, message)
    parts.append(f'<text x="0" y="24" class="empty">{_t(message)}</text></svg>')
    return "".join(parts)


def columns(
    chart_id: str,
    title: str,
    desc: str,
    periods: Sequence[str],
    series: Sequence[Series],
    counts: Sequence[Sequence[int]],
) -> str:
    """Stacked columns: one per period, one segment per series (``counts[series][period]``),
    the total above each column and a segment's count inside it when there is room."""
    totals = [sum(c[p] for c in counts) for p in range(len(periods))]
    if not periods or not any(totals):
        return empty(chart_id, title)
    legend, legend_h = _legend(series, 0)
    plot_top = legend_h + FONT + 8
    height = plot_top + CHART_H + FONT * 2 + 8
    parts = _open(chart_id, height, title, desc)
    parts += legend
    scale = CHART_H / max(totals)
    slot = WIDTH / len(periods)
    width = min(slot * 0.7, 64)
    base = plot_top + CHART_H
    parts.append(f'<line x1="0" y1="{base:.1f}" x2="{WIDTH}" y2="{base:.1f}" stroke="#888"/>')
    labels = [x[5:] if len(periods) > 4 and len(x) > 5 else x for x in periods]
    # With many months, label every step-th column (and the last) so labels never overlap.
    step = max(1, math.ceil((max(text_width(x) for x in labels) + 6) / slot))
    for p, period in enumerate(periods):
        x = slot * p + (slot - width) / 2
        y = base
        parts.append(f'<g class="column" data-period="{_t(period)}">')
        for s, (ser, row) in enumerate(zip(series, counts, strict=True)):
            n = row[p]
            if not n:
                continue
            h = n * scale
            y -= h
            parts.append(
                f'<rect class="bar" x="{x:.1f}" y="{y:.1f}" width="{width:.1f}" height="{h:.1f}"'
                f' fill="{ser.colour}" data-series="{s}" data-value="{n}">'
                f"<title>{_t(period)} {_t(ser.name)}：{n}</title></rect>"
            )
            if h >= FONT + 2:
                ink = "#000" if ser.colour in ("#F0E442", "#E69F00", "#56B4E9") else "#fff"
                parts.append(
                    f'<text x="{x + width / 2:.1f}" y="{y + h / 2 + FONT / 2 - 2:.1f}"'
                    f' text-anchor="middle" fill="{ink}" font-size="{FONT - 2}">{n}</text>'
                )
        parts.append(
            f'<text class="total" x="{x + width / 2:.1f}" y="{y - 4:.1f}"'
            f' text-anchor="middle" font-weight="bold">{totals[p]}</text>'
        )
        label = labels[p]
        if p % step == 0 or (p == len(periods) - 1 and p % step > step // 2):
            parts.append(
                f'<text class="period" x="{slot * p + slot / 2:.1f}" y="{base + FONT + 6:.1f}"'
                f' text-anchor="middle">{_t(label)}</text>'
            )
        parts.append("</g>")
    parts.append("</svg>")
    return "".join(parts)


def bars(
    chart_id: str,
    title: str,
    desc: str,
    series: Sequence[Series],
    rows: Sequence[Row],
    fmt: Callable[[float], str] = _number,
    *,
    stacked: bool = False,
    total: Callable[[Row], str] | None = None,
) -> str:
    """Horizontal bars, one row per label: grouped (one bar per series) or stacked (segments
    of one bar). Each bar shows its number at the right, formatted by ``fmt``; a stacked row
    shows ``total(row)`` (default: its numbers separated by slashes)."""
    if not rows or not any(any(r.values) for r in rows):
        return empty(chart_id, title)
    legend, legend_h = _legend(series, 0)
    bars_per_row = 1 if stacked else len(series)
    row_h = BAR * bars_per_row + GAP
    height = legend_h + row_h * len(rows) + TOP
    parts = _open(chart_id, height, title, desc)
    parts += legend
    if stacked:
        values = [total(r) if total else " / ".join(fmt(v) for v in r.values) for r in rows]
    else:
        values = [fmt(v) for r in rows for v in r.values]
    value_w = max(MIN_VALUE_W, max(text_width(v, FONT - 1) for v in values) + 8)
    plot_w = max(WIDTH - LABEL_W - value_w, 40)
    top = max(sum(r.values) if stacked else max(r.values) for r in rows) or 1.0
    scale = plot_w / top
    for i, row in enumerate(rows):
        y = legend_h + i * row_h
        parts.append(f'<g class="row" data-label="{_t(row.label)}"><title>{_t(row.label)}</title>')
        parts.append(
            f'<text class="label" x="{LABEL_W - 6}" y="{y + BAR * bars_per_row / 2 + FONT / 2 - 2:.1f}"'
            f' text-anchor="end">{_t(short(row.label))}</text>'
        )
        x = float(LABEL_W)
        for s, (ser, value) in enumerate(zip(series, row.values, strict=True)):
            w = value * scale
            by = y if stacked else y + s * BAR
            bx = x if stacked else float(LABEL_W)
            parts.append(
                f'<rect class="bar" x="{bx:.1f}" y="{by:.1f}" width="{w:.1f}" height="{BAR - 2}"'
                f' fill="{ser.colour}" data-series="{s}" data-value="{_number(value)}">'
                f"<title>{_t(row.label)} {_t(ser.name)}：{_t(fmt(value))}</title></rect>"
            )
            if not stacked:
                parts.append(
                    f'<text class="value" x="{bx + w + 4:.1f}" y="{by + BAR - 3:.1f}"'
                    f' font-size="{FONT - 1}">{_t(fmt(value))}</text>'
                )
            if stacked:
                x += w
        if stacked:
            text = total(row) if total else " / ".join(fmt(v) for v in row.values)
            parts.append(
                f'<text class="value" x="{x + 4:.1f}" y="{y + BAR - 3:.1f}"'
                f' font-size="{FONT - 1}">{_t(text)}</text>'
            )
        parts.append("</g>")
    parts.append("</svg>")
    return "".join(parts)
