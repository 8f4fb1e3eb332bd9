"""The office console's statistics: what the charts page shows, for the buildings one person
may see, over the last few calendar months (local time).

The figures are computed in SQL by :class:`storage.stats.StatsRepo` (bounded: one row per
building, category and month); this module chooses the periods, orders and labels them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo

from bot.config import Config
from storage import Store
from storage.issue_query import ResolutionTargets
from storage.stats import ALL, OpenCount, Spread

DEFAULT_MONTHS = 6
MAX_MONTHS = 24


def resolution_targets(config: Config) -> ResolutionTargets:
    return ResolutionTargets(
        config.issues.resolution_target, dict(config.issues.resolution_targets)
    )


def month_starts(now: datetime, tz: tzinfo, months: int) -> list[datetime]:
    """The starts of the last ``months`` calendar months (the current one included) and the
    start of the next month: ``months + 1`` bounds, local midnight, oldest first."""
    local = now.astimezone(tz)
    year, month = local.year, local.month
    starts = []
    for _ in range(months):
        starts.append(datetime(year, month, 1, tzinfo=tz))
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    starts.reverse()
    last = starts[-1]
    after = (last + timedelta(days=32)).replace(day=1)
    return [*starts, after]


def month_label(start: datetime) -> str:
    return f"{start.year}年{start.month}月"


@dataclass(frozen=True, slots=True)
class CategoryMonths:
    """Issues reported per category and month: ``counts[c][m]`` for ``categories[c]`` (codes,
    most reported first) and ``months[m]`` (labels, oldest first)."""

    months: tuple[str, ...]
    categories: tuple[str, ...]
    counts: tuple[tuple[int, ...], ...]

    @property
    def total(self) -> int:
        return sum(sum(row) for row in self.counts)


@dataclass(frozen=True, slots=True)
class Ratings:
    """Satisfaction ratings of one building: how many said 满意, 基本满意, 不满意."""

    building: str
    satisfied: int
    fair: int
    unsatisfied: int

    @property
    def total(self) -> int:
        return self.satisfied + self.fair + self.unsatisfied


@dataclass(frozen=True, slots=True)
class Statistics:
    start: datetime
    end: datetime
    category_months: CategoryMonths
    # Per building (and community-wide under storage.stats.ALL), seconds.
    acknowledge: dict[str, Spread]
    resolve: dict[str, Spread]
    open_counts: tuple[OpenCount, ...]
    ratings: tuple[Ratings, ...]

    def overall(self, which: dict[str, Spread]) -> Spread | None:
        return which.get(ALL)

    def per_building(self, which: dict[str, Spread]) -> dict[str, Spread]:
        return {k: v for k, v in which.items() if k != ALL}


async def gather(
    store: Store,
    config: Config,
    buildings: Sequence[str] | None,
    now: datetime,
    months: int = DEFAULT_MONTHS,
) -> Statistics:
    """Everything the charts page shows for the buildings ``buildings`` (``None``: all)."""
    months = max(1, min(months, MAX_MONTHS))
    bounds = month_starts(now, config.timezone, months)
    start, end = bounds[0], bounds[-1]
    scope = tuple(buildings) if buildings is not None else None
    return Statistics(
        start=start,
        end=end,
        category_months=_category_months(
            await store.stats.per_category_month(scope, bounds), bounds
        ),
        acknowledge=await store.stats.time_to_acknowledge(scope, start, end),
        resolve=await store.stats.time_to_resolve(scope, start, end),
        open_counts=tuple(
            await store.stats.open_and_overdue(scope, resolution_targets(config), now)
        ),
        ratings=_ratings(await store.stats.ratings(scope, start, end)),
    )


def _category_months(rows: list[tuple[str, int, int]], bounds: list[datetime]) -> CategoryMonths:
    periods = len(bounds) - 1
    table: dict[str, list[int]] = {}
    for category, period, n in rows:
        table.setdefault(category, [0] * periods)[period] += n
    order = sorted(table, key=lambda c: (-sum(table[c]), c))
    return CategoryMonths(
        months=tuple(month_label(b) for b in bounds[:-1]),
        categories=tuple(order),
        counts=tuple(tuple(table[c]) for c in order),
    )


def _ratings(rows: list[tuple[str, int, int]]) -> tuple[Ratings, ...]:
    by_building: dict[str, dict[int, int]] = {}
    for building, score, n in rows:
        by_building.setdefault(building, {})[score] = n
    return tuple(
        Ratings(b, s.get(3, 0), s.get(2, 0), s.get(1, 0)) for b, s in sorted(by_building.items())
    )
