"""Figures for the office console's charts, computed in SQL with bounded results.

Every query is restricted to the buildings the reader may see (``buildings``; ``None`` for
every building) and returns at most one row per building, category and month, however many
issues the district holds. Medians and 90th percentiles are computed in the database with
window functions (portable to PostgreSQL), never by loading the durations into Python.

The definitions are those of the monthly report (:mod:`handlers.monthly_report`): merged
duplicates never count; time to acknowledge is measured on the issues reported in the period;
time to resolve on the issues resolved in the period (an issue confirmed fixed without
``/resolve`` counts when it was closed; rejected ones do not count), without the time spent
waiting on a third party. Percentiles: the median of an even count is the mean of the two
middle values (as :func:`statistics.median`); the 90th percentile is the nearest rank
(the value at rank ⌈0.9·n⌉ in ascending order).

On SQLite these queries read through a read-only connection of their own on a worker thread:
ranking a district's 100,000 durations takes about half a second (bench/webreports.py), and
the bot's statements run on the event loop (the inline engine), which must not wait for a
chart. WAL mode lets the reader run beside the bot's writes; it sees committed data.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from storage.db import ENGINES, Database
from storage.issue_query import ResolutionTargets, overdue_sql
from storage.issues import OPEN_STATUSES, IssueStatus

_OPEN = tuple(str(s) for s in OPEN_STATUSES)
_DUPLICATE = str(IssueStatus.DUPLICATE)
_NOT_RESOLVED = (str(IssueStatus.REJECTED), _DUPLICATE)
# When an issue was resolved: /resolve, or closing when residents confirmed without it.
_RESOLVED_AT = "COALESCE(resolved_at, CASE WHEN status = 'closed' THEN closed_at END)"
# The key of the community-wide row of :meth:`StatsRepo.durations`.
ALL = ""


@dataclass(frozen=True, slots=True)
class Spread:
    """How long something took across ``count`` issues, in seconds."""

    count: int
    median: float
    p90: float


@dataclass(frozen=True, slots=True)
class OpenCount:
    building: str
    open: int
    overdue: int


def _scope(buildings: Sequence[str] | None, column: str = "building") -> tuple[str, list[Any]]:
    if buildings is None:
        return "1=1", []
    if not buildings:
        return "1=0", []
    return f"{column} IN ({','.join('?' for _ in buildings)})", list(buildings)


def _read(uri: str, sql: str, params: list[Any]) -> list[Any]:
    conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
    try:
        conn.row_factory = sqlite3.Row
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


class StatsRepo:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def _rows(self, sql: str, params: list[Any]) -> list[Any]:
        path = getattr(self.db, "path", ":memory:")
        if getattr(self.db, "engine", None) in ENGINES and path != ":memory:":
            uri = Path(path).absolute().as_uri() + "?mode=ro"
            return await asyncio.to_thread(_read, uri, sql, params)
        async with self.db.conn.execute(sql, params) as cur:
            return list(await cur.fetchall())

    async def per_category_month(
        self, buildings: Sequence[str] | None, bounds: Sequence[datetime]
    ) -> list[tuple[str, int, int]]:
        """``(category, period index, issues reported)`` for the periods
        ``[bounds[i], bounds[i+1])`` (month starts, computed by the caller in local time);
        only non-zero counts."""
        if len(bounds) < 2:
            return []
        scope, params = _scope(buildings)
        edges = [b.timestamp() for b in bounds]
        bucket = " ".join("WHEN created_at < ? THEN ?" for _ in edges[1:])
        bucket_params: list[Any] = []
        for i, edge in enumerate(edges[1:]):
            bucket_params += [edge, i]
        sql = (
            f"SELECT category, CASE {bucket} END AS period, COUNT(*) AS n FROM issues"
            f" WHERE {scope} AND status != ? AND created_at >= ? AND created_at < ?"
            " GROUP BY category, period ORDER BY period, category"
        )
        rows = await self._rows(sql, [*bucket_params, *params, _DUPLICATE, edges[0], edges[-1]])
        return [(r["category"], int(r["period"]), int(r["n"])) for r in rows]

    async def time_to_acknowledge(
        self, buildings: Sequence[str] | None, start: datetime, end: datetime
    ) -> dict[str, Spread]:
        """Per building, and community-wide under :data:`ALL`: how long issues reported in
        ``[start, end)`` waited to be acknowledged (those acknowledged)."""
        scope, params = _scope(buildings)
        return await self._spreads(
            "acked_at - created_at",
            f"{scope} AND status != ? AND acked_at IS NOT NULL"
            " AND created_at >= ? AND created_at < ?",
            [*params, _DUPLICATE, start.timestamp(), end.timestamp()],
        )

    async def time_to_resolve(
        self, buildings: Sequence[str] | None, start: datetime, end: datetime
    ) -> dict[str, Spread]:
        """Per building, and community-wide under :data:`ALL`: how long the issues resolved
        in ``[start, end)`` took from report to resolution, waiting time left out."""
        scope, params = _scope(buildings)
        return await self._spreads(
            f"{_RESOLVED_AT} - created_at - paused_seconds",
            f"{scope} AND status NOT IN (?, ?) AND {_RESOLVED_AT} >= ? AND {_RESOLVED_AT} < ?",
            [*params, *_NOT_RESOLVED, start.timestamp(), end.timestamp()],
        )

    async def _spreads(self, value: str, where: str, params: list[Any]) -> dict[str, Spread]:
        out: dict[str, Spread] = {}
        for key in ("building", "''"):
            sql = (
                f"WITH d AS (SELECT {key} AS k, {value} AS v FROM issues WHERE {where}),"
                " r AS (SELECT k, v, ROW_NUMBER() OVER (PARTITION BY k ORDER BY v) AS rn,"
                " COUNT(*) OVER (PARTITION BY k) AS n FROM d)"
                " SELECT k, MAX(n) AS n,"
                " AVG(CASE WHEN rn = (n + 1) / 2 OR rn = (n + 2) / 2 THEN v END) AS median,"
                " MAX(CASE WHEN rn = (9 * n + 9) / 10 THEN v END) AS p90"
                " FROM r GROUP BY k ORDER BY k"
            )
            for r in await self._rows(sql, params):
                out[r["k"]] = Spread(int(r["n"]), float(r["median"]), float(r["p90"]))
        return out

    async def open_and_overdue(
        self, buildings: Sequence[str] | None, targets: ResolutionTargets, now: datetime
    ) -> list[OpenCount]:
        """Per building with open issues: how many are open and how many of those are past
        their resolution target at ``now`` (waiting ones never are); by building."""
        scope, params = _scope(buildings)
        overdue, overdue_params = overdue_sql(targets, now)
        states = ",".join("?" for _ in _OPEN)
        sql = (
            f"SELECT building, COUNT(*) AS n, SUM(CASE WHEN {overdue} THEN 1 ELSE 0 END) AS late"
            f" FROM issues WHERE {scope} AND status IN ({states})"
            " GROUP BY building ORDER BY building"
        )
        rows = await self._rows(sql, [*overdue_params, *params, *_OPEN])
        return [OpenCount(r["building"], int(r["n"]), int(r["late"] or 0)) for r in rows]

    async def ratings(
        self, buildings: Sequence[str] | None, start: datetime, end: datetime
    ) -> list[tuple[str, int, int]]:
        """``(building, score, how many)`` of the ratings given in ``[start, end)``."""
        scope, params = _scope(buildings)
        sql = (
            "SELECT building, score, COUNT(*) AS n FROM ratings"
            f" WHERE {scope} AND score IS NOT NULL AND rated_at >= ? AND rated_at < ?"
            " GROUP BY building, score ORDER BY building, score"
        )
        rows = await self._rows(sql, [*params, start.timestamp(), end.timestamp()])
        return [(r["building"], int(r["score"]), int(r["n"])) for r in rows]
