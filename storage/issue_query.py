"""Reading issues across buildings for the office console: one filter, bounded reads.

:class:`IssueFilter` is what the console's list page, its exports and the Open311 API filter
by. It always carries the buildings the reader may see (``buildings``; ``None`` only for a
reader who may see every building), so no caller can forget the scope. Reads go in pages by
issue number (keyset pagination), never all rows at once: a district holds 100,000 issues.

The SQL is portable (SQLite and PostgreSQL): ``?`` placeholders, ``CASE``, no date functions —
times are UTC epoch seconds and every time bound is computed in Python.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from storage.columns import to_optional_time, to_time
from storage.db import Database
from storage.issues import OPEN_STATUSES, IssueStatus

# A page is read in one statement; callers loop for more.
MAX_PAGE = 1000

_OPEN = tuple(str(s) for s in OPEN_STATUSES)
# Open issues whose resolution clock runs (it stands still while waiting on a third party).
_CLOCK_RUNNING = tuple(s for s in _OPEN if s != IssueStatus.WAITING)


@dataclass(frozen=True, slots=True)
class ResolutionTargets:
    """How long an issue may stay open (``[issues] resolution_target(s)``): the default and
    the targets of categories that have their own. Waiting time does not count."""

    default: timedelta
    by_category: Mapping[str, timedelta] = field(default_factory=dict)

    def due_sql(self) -> tuple[str, list[Any]]:
        """An SQL expression: the epoch second an issue is due (before time spent waiting)."""
        if not self.by_category:
            return "(created_at + paused_seconds + ?)", [self.default.total_seconds()]
        whens = " ".join("WHEN ? THEN ?" for _ in self.by_category)
        params: list[Any] = []
        for code, target in sorted(self.by_category.items()):
            params += [code, target.total_seconds()]
        params.append(self.default.total_seconds())
        return f"(created_at + paused_seconds + CASE category {whens} ELSE ? END)", params


def overdue_sql(targets: ResolutionTargets, now: datetime) -> tuple[str, list[Any]]:
    """The condition "open, not waiting, and past its resolution target at ``now``" — the same
    rule as :func:`handlers.issue_flow.is_overdue` (a waiting issue is never overdue)."""
    due, params = targets.due_sql()
    return (
        f"(status IN ({','.join('?' for _ in _CLOCK_RUNNING)}) AND {due} < ?)",
        [*_CLOCK_RUNNING, *params, now.timestamp()],
    )


@dataclass(frozen=True, slots=True)
class IssueFilter:
    """Which issues to read. Empty fields do not filter; ``buildings`` is the reader's scope
    (``None``: every building, for admins and the community-wide Open311 API)."""

    buildings: tuple[str, ...] | None
    building: str | None = None
    category: str | None = None
    categories: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    urgent: bool | None = None
    overdue: bool = False
    search: str | None = None
    created_from: datetime | None = None
    created_before: datetime | None = None
    include_duplicates: bool = False

    def where(self, targets: ResolutionTargets, now: datetime) -> tuple[str, list[Any]]:
        """The SQL condition and its parameters (always something: ``1=1`` at least)."""
        parts: list[str] = []
        params: list[Any] = []
        if self.buildings is not None:
            if not self.buildings:
                return "1=0", []
            parts.append(f"building IN ({','.join('?' for _ in self.buildings)})")
            params += self.buildings
        if self.building is not None:
            parts.append("building = ?")
            params.append(self.building)
        if self.category is not None:
            parts.append("category = ?")
            params.append(self.category)
        if self.categories:
            parts.append(f"category IN ({','.join('?' for _ in self.categories)})")
            params += self.categories
        if self.statuses:
            parts.append(f"status IN ({','.join('?' for _ in self.statuses)})")
            params += self.statuses
        elif not self.include_duplicates:
            parts.append("status != ?")
            params.append(str(IssueStatus.DUPLICATE))
        if self.urgent is not None:
            parts.append("urgent = ?")
            params.append(int(self.urgent))
        if self.overdue:
            cond, more = overdue_sql(targets, now)
            parts.append(cond)
            params += more
        if self.search:
            parts.append("(text LIKE ? ESCAPE '\\' OR location LIKE ? ESCAPE '\\')")
            pattern = "%" + _escape_like(self.search) + "%"
            params += [pattern, pattern]
        if self.created_from is not None:
            parts.append("created_at >= ?")
            params.append(self.created_from.timestamp())
        if self.created_before is not None:
            parts.append("created_at < ?")
            params.append(self.created_before.timestamp())
        return (" AND ".join(parts) or "1=1"), params


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


@dataclass(frozen=True, slots=True)
class IssueRow:
    """An issue as the console's exports and the Open311 API show it (no reporter)."""

    number: int
    building: str
    category: str
    text: str
    location: str | None
    status: IssueStatus
    urgent: bool
    note: str | None
    duplicate_of: int | None
    paused_seconds: float
    created_at: datetime
    updated_at: datetime
    acked_at: datetime | None
    resolved_at: datetime | None
    closed_at: datetime | None


_COLUMNS = (
    "number, building, category, text, location, status, urgent, note, duplicate_of,"
    " paused_seconds, created_at, updated_at, acked_at, resolved_at, closed_at"
)


class IssueQueryRepo:
    """Bounded reads of issues by :class:`IssueFilter`."""

    def __init__(self, db: Database) -> None:
        self.db = db

    async def page(
        self,
        flt: IssueFilter,
        targets: ResolutionTargets,
        now: datetime,
        *,
        after: int | None = None,
        before: int | None = None,
        limit: int = MAX_PAGE,
        offset: int = 0,
        newest_first: bool = False,
    ) -> list[IssueRow]:
        """Up to ``limit`` (at most :data:`MAX_PAGE`) issues matching ``flt`` by number:
        ascending after ``after``, or descending before ``before`` with ``newest_first``;
        ``offset`` skips that many first (for numbered pages; prefer ``after``/``before``)."""
        where, params = flt.where(targets, now)
        if after is not None:
            where += " AND number > ?"
            params.append(after)
        if before is not None:
            where += " AND number < ?"
            params.append(before)
        order = "DESC" if newest_first else "ASC"
        params += [max(0, min(limit, MAX_PAGE)), max(0, offset)]
        async with self.db.conn.execute(
            f"SELECT {_COLUMNS} FROM issues WHERE {where} ORDER BY number {order} LIMIT ? OFFSET ?",
            params,
        ) as cur:
            rows = await cur.fetchall()
        return [_row(r) for r in rows]

    async def count(self, flt: IssueFilter, targets: ResolutionTargets, now: datetime) -> int:
        where, params = flt.where(targets, now)
        async with self.db.conn.execute(
            f"SELECT COUNT(*) FROM issues WHERE {where}", params
        ) as cur:
            row = await cur.fetchone()
        return int(row[0]) if row else 0

    async def get(self, number: int) -> IssueRow | None:
        async with self.db.conn.execute(
            f"SELECT {_COLUMNS} FROM issues WHERE number = ?", (number,)
        ) as cur:
            row = await cur.fetchone()
        return _row(row) if row else None

    async def by_numbers(self, numbers: Sequence[int]) -> list[IssueRow]:
        """The issues with these numbers (at most :data:`MAX_PAGE`), by number."""
        wanted = list(dict.fromkeys(numbers))[:MAX_PAGE]
        if not wanted:
            return []
        async with self.db.conn.execute(
            f"SELECT {_COLUMNS} FROM issues WHERE number IN ({','.join('?' for _ in wanted)})"
            " ORDER BY number",
            wanted,
        ) as cur:
            rows = await cur.fetchall()
        return [_row(r) for r in rows]


def _row(r: Any) -> IssueRow:
    return IssueRow(
        number=int(r["number"]),
        building=r["building"],
        category=r["category"],
        text=r["text"],
        location=r["location"],
        status=IssueStatus(r["status"]),
        urgent=bool(r["urgent"]),
        note=r["note"],
        duplicate_of=r["duplicate_of"],
        paused_seconds=float(r["paused_seconds"] or 0.0),
        created_at=to_time(r["created_at"]),
        updated_at=to_time(r["updated_at"]),
        acked_at=to_optional_time(r["acked_at"]),
        resolved_at=to_optional_time(r["resolved_at"]),
        closed_at=to_optional_time(r["closed_at"]),
    )
