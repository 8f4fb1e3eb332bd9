"""The charts page's content: the statistics turned into SVG charts and the tables beside them.

Pure functions of :class:`bot.web.stats.Statistics`; the route (:mod:`bot.web.report_routes`)
reads the figures and renders ``charts.html`` with what :func:`charts` returns.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from bot.config.understanding import Taxonomy
from bot.web import charts as svg
from bot.web import report_texts as t
from bot.web.stats import Statistics
from storage.stats import Spread

# Rows of a per-building chart; a district has a thousand buildings, the tables list them all.
MAX_ROWS = 20
# Categories drawn separately in the monthly chart; the rest are drawn as one.
MAX_CATEGORIES = 7


@dataclass(frozen=True, slots=True)
class Chart:
    """One chart: its stable element id (the browser tests find it by it), the SVG markup
    (escaped), a note under it and a table with every number."""

    id: str
    title: str
    svg: str
    note: str = ""
    headers: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = field(default=())


def period_text(stats: Statistics) -> str:
    last = stats.end - timedelta(days=1)
    return t.PERIOD.format(
        start=f"{stats.start.year}年{stats.start.month}月", end=f"{last.year}年{last.month}月"
    )


def charts(stats: Statistics, taxonomy: Taxonomy) -> list[Chart]:
    return [
        _categories(stats, taxonomy),
        _spreads("chart-acknowledge", t.ACK_TITLE, t.ACK_DESC, stats, stats.acknowledge),
        _spreads("chart-resolve", t.RESOLVE_TITLE, t.RESOLVE_DESC, stats, stats.resolve),
        _overdue(stats),
        _satisfaction(stats),
    ]


def _note(count: int) -> str:
    return t.SHOWN_TOP.format(count=count, shown=MAX_ROWS) if count > MAX_ROWS else ""


def _categories(stats: Statistics, taxonomy: Taxonomy) -> Chart:
    table = stats.category_months
    names = [taxonomy.label(c) for c in table.categories]
    counts = [list(row) for row in table.counts]
    if len(names) > MAX_CATEGORIES:
        rest = counts[MAX_CATEGORIES - 1 :]
        merged = [sum(col) for col in zip(*rest, strict=True)]
        names = [*names[: MAX_CATEGORIES - 1], t.OTHER_CATEGORIES]
        counts = [*counts[: MAX_CATEGORIES - 1], merged]
    series = [svg.Series(n, svg.PALETTE[i % len(svg.PALETTE)]) for i, n in enumerate(names)]
    desc = t.CATEGORIES_DESC.format(period=period_text(stats), total=table.total)
    rows = tuple(
        (taxonomy.label(code), *(str(n) for n in row), str(sum(row)))
        for code, row in zip(table.categories, table.counts, strict=True)
    )
    return Chart(
        id="chart-categories",
        title=t.CATEGORIES_TITLE,
        svg=svg.columns("chart-categories", t.CATEGORIES_TITLE, desc, table.months, series, counts),
        headers=("类别", *table.months, "合计"),
        rows=rows,
    )


def _spreads(
    chart_id: str, title: str, desc: str, stats: Statistics, which: dict[str, Spread]
) -> Chart:
    per_building = stats.per_building(which)
    overall = stats.overall(which)
    overall_text = (
        t.OVERALL.format(
            count=overall.count,
            median=t.duration(overall.median),
            p90=t.duration(overall.p90),
        )
        if overall
        else ""
    )
    ordered = sorted(per_building.items(), key=lambda kv: (-kv[1].p90, kv[0]))
    shown = [svg.Row(b, (s.median, s.p90)) for b, s in ordered[:MAX_ROWS]]
    series = [svg.Series(t.MEDIAN, svg.PALETTE[0]), svg.Series(t.P90, svg.PALETTE[1])]
    text = desc.format(period=period_text(stats), overall=overall_text)
    return Chart(
        id=chart_id,
        title=title,
        svg=svg.bars(chart_id, title, text, series, shown, t.duration),
        note=" ".join(x for x in (overall_text, _note(len(ordered))) if x),
        headers=("楼栋", "件数", t.MEDIAN, t.P90),
        rows=tuple((b, str(s.count), t.duration(s.median), t.duration(s.p90)) for b, s in ordered),
    )


def _overdue(stats: Statistics) -> Chart:
    ordered = sorted(stats.open_counts, key=lambda c: (-c.overdue, -c.open, c.building))
    total_open = sum(c.open for c in ordered)
    total_late = sum(c.overdue for c in ordered)
    series = [
        svg.Series(t.OVERDUE, svg.PALETTE[5]),
        svg.Series(t.NOT_OVERDUE, svg.PALETTE[8]),
    ]
    shown = [svg.Row(c.building, (c.overdue, c.open - c.overdue)) for c in ordered[:MAX_ROWS]]
    desc = t.OVERDUE_DESC.format(open=total_open, late=total_late)

    def total(row: svg.Row) -> str:
        late, rest = row.values
        return t.OVERDUE_ROW.format(late=int(late), open=int(late + rest))

    return Chart(
        id="chart-overdue",
        title=t.OVERDUE_TITLE,
        svg=svg.bars(
            "chart-overdue", t.OVERDUE_TITLE, desc, series, shown, stacked=True, total=total
        ),
        note=" ".join(x for x in (desc, _note(len(ordered))) if x),
        headers=("楼栋", "未办结", t.OVERDUE),
        rows=tuple((c.building, str(c.open), str(c.overdue)) for c in ordered),
    )


def _satisfaction(stats: Statistics) -> Chart:
    ordered = sorted(stats.ratings, key=lambda r: (-r.total, r.building))
    good = sum(r.satisfied for r in ordered)
    fair = sum(r.fair for r in ordered)
    bad = sum(r.unsatisfied for r in ordered)
    desc = t.SATISFACTION_DESC.format(
        period=period_text(stats), total=good + fair + bad, good=good, fair=fair, bad=bad
    )
    series = [
        svg.Series(t.SATISFIED, svg.PALETTE[2]),
        svg.Series(t.FAIR, svg.PALETTE[4]),
        svg.Series(t.UNSATISFIED, svg.PALETTE[5]),
    ]
    rows = [svg.Row(t.ALL_BUILDINGS, (good, fair, bad))] if ordered else []
    rows += [svg.Row(r.building, (r.satisfied, r.fair, r.unsatisfied)) for r in ordered[:MAX_ROWS]]

    def total(row: svg.Row) -> str:
        n = sum(row.values)
        rate = round(100 * (row.values[0] + row.values[1]) / n) if n else 0
        return t.SATISFACTION_ROW.format(rate=rate, total=int(n))

    return Chart(
        id="chart-satisfaction",
        title=t.SATISFACTION_TITLE,
        svg=svg.bars(
            "chart-satisfaction",
            t.SATISFACTION_TITLE,
            desc,
            series,
            rows,
            stacked=True,
            total=total,
        ),
        note=" ".join(x for x in (desc, _note(len(ordered))) if x),
        headers=("楼栋", t.SATISFIED, t.FAIR, t.UNSATISFIED),
        rows=tuple(
            (r.building, str(r.satisfied), str(r.fair), str(r.unsatisfied)) for r in ordered
        ),
    )
