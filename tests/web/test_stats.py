"""The console's statistics on a database filled with known times: medians, 90th percentiles,
per-month counts, overdue and ratings, always within the reader's buildings."""

from __future__ import annotations

import statistics
from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from bot.config import Config
from bot.feature import Context
from bot.web.stats import gather, month_starts, resolution_targets
from handlers.monthly_report import figures
from storage import Store
from storage.issues import IssueStatus
from storage.ratings import Score
from storage.stats import ALL
from tests.conftest import SHANGHAI, both_backends
from tests.web.issue_fixtures import add_issue

NOW = datetime(2026, 5, 20, 12, 0, tzinfo=SHANGHAI)
MAY = datetime(2026, 5, 1, tzinfo=SHANGHAI)
APRIL = datetime(2026, 4, 1, tzinfo=SHANGHAI)
MIN = timedelta(minutes=1)


pytestmark = both_backends


@pytest.fixture
async def store(database: str | Path) -> AsyncIterator[Store]:
    s = await Store.open(database)
    try:
        yield s
    finally:
        await s.close()


def test_month_starts_cross_the_year_in_local_time() -> None:
    bounds = month_starts(datetime(2026, 1, 31, 17, 0, tzinfo=SHANGHAI), SHANGHAI, 3)
    assert bounds == [
        datetime(2025, 11, 1, tzinfo=SHANGHAI),
        datetime(2025, 12, 1, tzinfo=SHANGHAI),
        datetime(2026, 1, 1, tzinfo=SHANGHAI),
        datetime(2026, 2, 1, tzinfo=SHANGHAI),
    ]
    # 16:30 UTC on 31 January is already 1 February in Shanghai.
    utc_evening = datetime(2026, 1, 31, 16, 30, tzinfo=SHANGHAI).astimezone(SHANGHAI)
    assert month_starts(utc_evening + timedelta(hours=8), SHANGHAI, 1)[0].month == 2


async def test_medians_and_p90_per_building_and_overall(store: Store, config: Config) -> None:
    # 1号楼: acknowledged after 10, 20, 30, 40 minutes -> median 25, p90 = rank 4 = 40.
    for minutes in (40, 10, 30, 20):
        await add_issue(store, created=MAY + timedelta(days=1), acked=minutes * MIN)
    # 2号楼: after 1..10 minutes -> median 5.5, p90 = rank 9 = 9.
    for minutes in range(10, 0, -1):
        await add_issue(
            store, building="2号楼", created=MAY + timedelta(days=2), acked=minutes * MIN
        )
    # Not counted: never acknowledged, a merged duplicate, reported before the period.
    await add_issue(store, created=MAY + timedelta(days=3))
    await add_issue(store, created=MAY, acked=500 * MIN, status=IssueStatus.DUPLICATE)
    await add_issue(store, created=MAY - timedelta(days=200), acked=900 * MIN)

    stats = await gather(store, config, None, NOW, months=2)
    ack = stats.acknowledge
    assert ack["1号楼"].count == 4
    assert ack["1号楼"].median == 25 * 60 and ack["1号楼"].p90 == 40 * 60
    assert ack["2号楼"].count == 10
    assert ack["2号楼"].median == 5.5 * 60 and ack["2号楼"].p90 == 9 * 60
    every = [10, 20, 30, 40, *range(1, 11)]
    assert ack[ALL].count == 14
    assert ack[ALL].median == statistics.median(every) * 60
    # Nearest rank: ceil(0.9 * 14) = 13th of the sorted values.
    assert ack[ALL].p90 == sorted(every)[12] * 60

    # A head of 1号楼 sees only 1号楼, also in the community-wide figure.
    mine = await gather(store, config, ["1号楼"], NOW, months=2)
    assert set(mine.acknowledge) == {"1号楼", ALL}
    assert mine.acknowledge[ALL] == mine.acknowledge["1号楼"]


async def test_time_to_resolve_leaves_out_waiting_and_rejected(
    store: Store, config: Config
) -> None:
    day = timedelta(days=1)
    # 10 h, 20 h (of 26 h, 6 of them waiting), 30 h (confirmed fixed: closed, no /resolve).
    await add_issue(store, created=MAY, resolved=10 * 60 * MIN, status=IssueStatus.RESOLVED)
    await add_issue(
        store,
        created=MAY,
        resolved=26 * 60 * MIN,
        paused=timedelta(hours=6),
        status=IssueStatus.CLOSED,
        closed=27 * 60 * MIN,
    )
    await add_issue(store, created=MAY + day, closed=30 * 60 * MIN, status=IssueStatus.CLOSED)
    # Rejected, duplicate, and resolved in March (before the two months): none counts.
    await add_issue(store, created=MAY, resolved=MIN, status=IssueStatus.REJECTED)
    await add_issue(store, created=MAY, resolved=MIN, status=IssueStatus.DUPLICATE)
    await add_issue(store, created=APRIL - 3 * day, resolved=day, status=IssueStatus.RESOLVED)
    stats = await gather(store, config, None, NOW, months=2)
    spread = stats.resolve["1号楼"]
    assert spread.count == 3
    assert spread.median == 20 * 3600
    assert spread.p90 == 30 * 3600


async def test_same_medians_as_the_monthly_report(store: Store, config: Config) -> None:
    """The console and the monthly report (晒事) count the same way for a month."""
    offsets = [3, 7, 8, 15, 60, 61, 200]
    for i, minutes in enumerate(offsets):
        await add_issue(
            store,
            created=APRIL + timedelta(days=i),
            acked=minutes * MIN,
            resolved=(minutes * 7) * MIN,
            paused=timedelta(minutes=i),
            status=IssueStatus.RESOLVED,
        )
    at_end_of_april = datetime(2026, 4, 30, 23, 0, tzinfo=SHANGHAI)
    stats = await gather(store, config, None, at_end_of_april, months=1)
    ctx = Context(config=config, store=store, now=at_end_of_april)
    report = await figures(ctx, "1号楼", APRIL, MAY)
    assert report.ack_median is not None and report.resolve_median is not None
    assert stats.acknowledge["1号楼"].median == report.ack_median.total_seconds()
    assert stats.resolve["1号楼"].median == report.resolve_median.total_seconds()


async def test_issues_per_category_per_month(store: Store, config: Config) -> None:
    for _ in range(3):
        await add_issue(store, category="lighting", created=MAY + timedelta(days=2))
    await add_issue(store, category="elevator", created=MAY + timedelta(days=3))
    await add_issue(store, category="elevator", created=APRIL + timedelta(days=3))
    await add_issue(store, category="elevator", created=APRIL + timedelta(hours=1))
    # The last second of April in Shanghai (16:00 UTC) is April; a duplicate never counts.
    await add_issue(store, category="water", created=MAY - timedelta(seconds=1))
    await add_issue(
        store, category="water", created=MAY + timedelta(days=1), status=IssueStatus.DUPLICATE
    )
    # Another building and a month outside the range.
    await add_issue(store, building="2号楼", category="noise", created=MAY)
    await add_issue(store, category="noise", created=APRIL - timedelta(days=1))

    table = (await gather(store, config, ["1号楼"], NOW, months=2)).category_months
    assert table.months == ("2026年4月", "2026年5月")
    assert dict(zip(table.categories, table.counts, strict=True)) == {
        "elevator": (2, 1),
        "lighting": (0, 3),
        "water": (1, 0),
    }
    # Most reported first; ties by code.
    assert table.categories == ("elevator", "lighting", "water")
    assert table.total == 7


async def test_overdue_per_building_follows_the_category_targets(
    store: Store, config: Config
) -> None:
    config = replace(
        config,
        issues=replace(
            config.issues,
            resolution_target=timedelta(hours=72),
            resolution_targets={"elevator": timedelta(hours=24)},
        ),
    )
    two_days = NOW - timedelta(days=2)
    await add_issue(store, category="elevator", created=two_days)  # 24 h target: overdue
    await add_issue(store, category="lighting", created=two_days)  # 72 h: not yet
    await add_issue(store, category="lighting", created=NOW - timedelta(days=4))  # overdue
    # Waiting on a third party: never overdue; 3 days of waiting move the target too.
    await add_issue(
        store, category="lighting", created=NOW - timedelta(days=9), status=IssueStatus.WAITING
    )
    await add_issue(
        store,
        category="lighting",
        created=NOW - timedelta(days=5),
        paused=timedelta(days=3),
        status=IssueStatus.IN_PROGRESS,
    )
    await add_issue(
        store, category="elevator", created=NOW - timedelta(days=9), status=IssueStatus.RESOLVED
    )
    await add_issue(store, building="2号楼", category="elevator", created=two_days)
    counts = {
        c.building: (c.open, c.overdue)
        for c in (await gather(store, config, None, NOW)).open_counts
    }
    assert counts == {"1号楼": (5, 2), "2号楼": (1, 1)}
    # Cross-check with the rule the chat's /list uses.
    from handlers.issue_flow import is_overdue

    issues = await store.issues.open_in(["1号楼"])
    assert sum(is_overdue(config, i, NOW) for i in issues) == 2
    assert resolution_targets(config).by_category == {"elevator": timedelta(hours=24)}


async def test_ratings_per_building_in_the_period(store: Store, config: Config) -> None:
    async with store.transaction():
        for i, score in enumerate(
            [Score.SATISFIED, Score.SATISFIED, Score.FAIR, Score.UNSATISFIED]
        ):
            await store.ratings.request(i + 1, f"u{i}", "x", "1号楼", MAY)
            await store.ratings.rate(i + 1, f"u{i}", score, None, MAY + timedelta(days=1))
        await store.ratings.request(9, "v", "x", "2号楼", MAY)  # asked, never answered
        await store.ratings.request(10, "w", "x", "2号楼", MAY - timedelta(days=90))
        await store.ratings.rate(10, "w", Score.SATISFIED, None, MAY - timedelta(days=90))
    stats = await gather(store, config, None, NOW, months=2)
    (one,) = stats.ratings
    assert (one.building, one.satisfied, one.fair, one.unsatisfied) == ("1号楼", 2, 1, 1)
    assert (await gather(store, config, ["2号楼"], NOW, months=2)).ratings == ()


async def test_a_reader_with_no_buildings_sees_nothing(store: Store, config: Config) -> None:
    await add_issue(store, created=MAY, acked=MIN)
    stats = await gather(store, config, [], NOW)
    assert stats.acknowledge == {} and stats.category_months.total == 0
    assert stats.open_counts == ()


async def test_figures_are_read_beside_a_write_in_progress(store: Store, config: Config) -> None:
    """On SQLite the charts read through their own connection: a transaction the bot holds
    open neither blocks them nor shows them its uncommitted rows. (On PostgreSQL they share
    the bot's asynchronous connection, which never holds the loop, and so see its writes.)"""
    await add_issue(store, created=MAY, acked=MIN)
    async with store.transaction() as conn:
        await conn.execute("UPDATE issues SET acked_at = created_at + 3600 WHERE number = 1")
        stats = await gather(store, config, None, NOW, months=2)
        seen = 3600 if store.db.engine == "postgresql" else 60
        assert stats.acknowledge["1号楼"].median == seen
    stats = await gather(store, config, None, NOW, months=2)
    assert stats.acknowledge["1号楼"].median == 3600
