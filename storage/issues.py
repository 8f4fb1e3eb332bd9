"""Issues reported in building chats: numbered from 1, with followers and a change log."""

from __future__ import annotations

import enum
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from bot.records import quick_init
from storage.columns import to_optional_time, to_time
from storage.db import Database
from storage.memo import Memo
from storage.numbering import lock_numbers, next_number


class IssueStatus(enum.StrEnum):
    NEW = "new"
    ACKNOWLEDGED = "acknowledged"
    IN_PROGRESS = "in_progress"
    WAITING = "waiting"
    RESOLVED = "resolved"
    CLOSED = "closed"
    DUPLICATE = "duplicate"
    REJECTED = "rejected"


OPEN_STATUSES = (
    IssueStatus.NEW,
    IssueStatus.ACKNOWLEDGED,
    IssueStatus.IN_PROGRESS,
    IssueStatus.WAITING,
)


@quick_init
@dataclass(frozen=True, slots=True)
class Issue:
    number: int
    building: str
    chat: str
    reporter: str
    reporter_name: str
    text: str
    category: str
    urgent: bool
    location: str | None
    keywords: tuple[str, ...]
    status: IssueStatus
    assignee: str | None
    note: str | None
    duplicate_of: int | None
    escalation: int
    paused_at: datetime | None
    paused_seconds: float
    created_at: datetime
    updated_at: datetime
    acked_at: datetime | None
    resolved_at: datetime | None
    closed_at: datetime | None

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


@quick_init
@dataclass(frozen=True, slots=True)
class NewIssue:
    building: str
    chat: str
    reporter: str
    reporter_name: str
    text: str
    category: str
    urgent: bool
    location: str | None
    keywords: tuple[str, ...]


# Issues remembered by number (see IssueRepo._known).
MAX_KNOWN_ISSUES = 4096


class IssueRepo:
    def __init__(self, db: Database) -> None:
        self.db = db
        # Each issue as this process last read or wrote it, by number: a reminder reads its
        # issue each time it fires (18,000 reads of the same few thousand issues in the
        # 20,000-message replay), and every write to an issue goes through this repository,
        # which forgets the issue it changes. One process owns a SQLite file; on a shared
        # database (PostgreSQL) other workers write too, so nothing is remembered there, nor
        # with the aiosqlite engine, where another task's read may be answered after a write
        # it was sent before. Emptied whenever a transaction or savepoint is rolled back (a
        # write may be undone).
        self._known: Memo[int, Issue] | None = (
            Memo(size=MAX_KNOWN_ISSUES) if db.engine == "inline" else None
        )
        if self._known is not None:
            db.on_rollback.append(self._known.clear)

    async def create(self, new: NewIssue, now: datetime) -> Issue:
        """Insert a new issue (inside a transaction); the reporter follows it."""
        ts = now.timestamp()
        await lock_numbers(self.db, "issues")
        cur = await self.db.conn.execute(
            "INSERT INTO issues (number, building, chat, reporter, reporter_name, text, category,"
            " urgent, location, keywords, status, created_at, updated_at)"
            f" VALUES ({next_number('issues')}, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'new', ?, ?)"
            " RETURNING *",
            (
                new.building,
                new.chat,
                new.reporter,
                new.reporter_name,
                new.text,
                new.category,
                int(new.urgent),
                new.location,
                json.dumps(list(new.keywords), ensure_ascii=False),
                ts,
                ts,
            ),
        )
        issue = _issue(await cur.fetchone())  # the row as stored, without reading it back
        if self._known is not None:
            self._known.keep(issue.number, issue)
        await self.follow(issue.number, new.reporter, new.reporter_name)
        await self.log(issue.number, now, new.reporter, "report", None)
        return issue

    async def get(self, number: int) -> Issue | None:
        known = self._known
        if known is not None and (issue := known.get(number)) is not None:
            return issue
        async with self.db.conn.execute("SELECT * FROM issues WHERE number = ?", (number,)) as cur:
            row = await cur.fetchone()
        if not row:
            return None
        issue = _issue(row)
        if known is not None:
            known.keep(number, issue)
        return issue

    async def update(self, number: int, now: datetime, **fields: Any) -> None:
        """Set columns of an issue (inside a transaction); datetimes and enums are converted."""
        if not fields:
            return
        if self._known is not None:
            self._known.pop(number, None)
        fields["updated_at"] = now
        cols = ", ".join(f"{k} = ?" for k in fields)
        values = [_to_sql(v) for v in fields.values()]
        await self.db.conn.execute(
            f"UPDATE issues SET {cols} WHERE number = ?",
            (*values, number),
        )

    async def follow(self, number: int, user: str, name: str) -> bool:
        """Add a follower; False if already following."""
        cur = await self.db.conn.execute(
            "INSERT INTO issue_followers (issue, user, name) VALUES (?, ?, ?)"
            " ON CONFLICT DO NOTHING",
            (number, user, name),
        )
        return cur.rowcount == 1

    async def followers(self, number: int) -> list[tuple[str, str]]:
        async with self.db.conn.execute(
            "SELECT user, name FROM issue_followers WHERE issue = ? ORDER BY rowid", (number,)
        ) as cur:
            rows = await cur.fetchall()
        return [(r["user"], r["name"]) for r in rows]

    async def log(
        self, number: int, now: datetime, actor: str, action: str, note: str | None
    ) -> None:
        await self.db.conn.execute(
            "INSERT INTO issue_log (issue, at, actor, action, note) VALUES (?, ?, ?, ?, ?)",
            (number, now.timestamp(), actor, action, note),
        )

    async def merged_into(self, numbers: list[int], actor: str, note: str) -> int | None:
        """The latest of issues ``numbers`` into which a message by ``actor`` reading ``note``
        (as logged, the first 200 characters) was merged, or None."""
        if not numbers:
            return None
        marks = ",".join("?" for _ in numbers)
        async with self.db.conn.execute(
            f"SELECT issue FROM issue_log WHERE issue IN ({marks}) AND action = 'merge'"
            " AND actor = ? AND note = ?",
            (*numbers, actor, note),
        ) as cur:
            rows = await cur.fetchall()
        return max((int(r[0]) for r in rows), default=None)

    async def open_in(self, buildings: list[str] | tuple[str, ...]) -> list[Issue]:
        """Open issues of ``buildings``, oldest first."""
        if not buildings:
            return []
        marks = ",".join("?" for _ in buildings)
        states = ",".join("?" for _ in _OPEN)
        async with self.db.conn.execute(
            f"SELECT * FROM issues WHERE building IN ({marks}) AND status IN ({states})",
            (*buildings, *_OPEN),
        ) as cur:
            rows = await cur.fetchall()
        # ORDER BY created_at, number, done here (see recent_open).
        rows.sort(key=_by_created)
        return [_issue(r) for r in rows]

    async def recent_open(self, building: str, category: str, since: datetime) -> list[Issue]:
        """Open issues of one building and category reported since ``since`` (duplicate check)."""
        states = ",".join("?" for _ in _OPEN)
        async with self.db.conn.execute(
            f"SELECT * FROM issues WHERE building = ? AND category = ? AND status IN ({states})"
            " AND created_at >= ?",
            (building, category, *_OPEN, since.timestamp()),
        ) as cur:
            rows = await cur.fetchall()
        # ORDER BY number DESC, done here: the index (building, status) gives the rows of
        # each status apart, and SQLite's sorter (a temporary b-tree per statement) costs
        # more than the statement for the few rows found (every report asks).
        rows.sort(key=_number, reverse=True)
        return [_issue(r) for r in rows]

    async def recently_resolved(self, building: str, category: str, since: datetime) -> list[Issue]:
        """Issues of one building and category resolved since ``since`` and not yet closed."""
        async with self.db.conn.execute(
            "SELECT * FROM issues WHERE building = ? AND category = ?"
            " AND status = 'resolved' AND resolved_at >= ? ORDER BY number DESC",
            (building, category, since.timestamp()),
        ) as cur:
            rows = await cur.fetchall()
        return [_issue(r) for r in rows]

    async def history(self, number: int) -> list[LogEntry]:
        """The change log of an issue, oldest first."""
        async with self.db.conn.execute(
            "SELECT at, actor, action, note FROM issue_log WHERE issue = ? ORDER BY id", (number,)
        ) as cur:
            rows = await cur.fetchall()
        return [LogEntry(to_time(r["at"]), r["actor"], r["action"], r["note"]) for r in rows]

    async def by_follower(self, user: str) -> list[Issue]:
        async with self.db.conn.execute(
            "SELECT i.* FROM issues i JOIN issue_followers f ON f.issue = i.number"
            " WHERE f.user = ? ORDER BY i.number",
            (user,),
        ) as cur:
            rows = await cur.fetchall()
        return [_issue(r) for r in rows]

    async def redact_reporter(self, user: str, scrub: Callable[[str], str]) -> list[int]:
        """Apply ``scrub`` to the texts ``user`` wrote into issue records — the text and
        place of issues they reported, their notes in the history and an issue's latest note
        when it is theirs (inside a transaction).
        The records stay: they are the building's history. Returns the issues reported."""
        if self._known is not None:
            self._known.clear()
        async with self.db.conn.execute(
            "SELECT number, text, location FROM issues WHERE reporter = ?", (user,)
        ) as cur:
            rows = await cur.fetchall()
        for r in rows:
            location = scrub(r["location"]) if r["location"] else r["location"]
            await self.db.conn.execute(
                "UPDATE issues SET text = ?, location = ? WHERE number = ?",
                (scrub(r["text"]), location, r["number"]),
            )
        async with self.db.conn.execute(
            "SELECT id, issue, note FROM issue_log WHERE actor = ? AND note IS NOT NULL",
            (user,),
        ) as cur:
            notes = await cur.fetchall()
        for n in notes:
            scrubbed = scrub(n["note"])
            await self.db.conn.execute(
                "UPDATE issue_log SET note = ? WHERE id = ?", (scrubbed, n["id"])
            )
            # The issue keeps its latest note too (a reopen note, say) — the same words.
            await self.db.conn.execute(
                "UPDATE issues SET note = ? WHERE number = ? AND note = ?",
                (scrubbed, n["issue"], n["note"]),
            )
        return [int(r["number"]) for r in rows]


_OPEN = tuple(str(s) for s in OPEN_STATUSES)


def _to_sql(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.timestamp()
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (list, tuple)):
        return json.dumps(list(value), ensure_ascii=False)
    return value


# An issue is read at each of its reminders; decoding its keywords (JSON) and its status
# were a third of the cost of making it. Tuples and enum members are immutable: shared.
_STATUSES = {s.value: s for s in IssueStatus}
MAX_CACHED_KEYWORDS = 4096
_KEYWORDS: Memo[str, tuple[str, ...]] = Memo(
    lambda stored: tuple(json.loads(stored)), MAX_CACHED_KEYWORDS
)


# The same rows are read again and again (an issue at each of its reminders): making the
# Issue costs about 6 µs, finding the one made from an equal row a twentieth of that. An Issue
# is immutable and made only from its row, so sharing one is safe. The row's type is in the
# key: a PostgreSQL row's class is per column list.
MAX_CACHED_ISSUES = 4096
_ISSUES: Memo[tuple[Any, ...], Issue] = Memo(size=MAX_CACHED_ISSUES)


def _issue(r: Any) -> Issue:
    key = (type(r), *r)
    issue = _ISSUES.get(key)
    if issue is None:
        issue = _ISSUES.keep(key, _make_issue(r))
    return issue


def _make_issue(r: Any) -> Issue:
    return Issue(
        number=r["number"],
        building=r["building"],
        chat=r["chat"],
        reporter=r["reporter"],
        reporter_name=r["reporter_name"],
        text=r["text"],
        category=r["category"],
        urgent=bool(r["urgent"]),
        location=r["location"],
        keywords=_KEYWORDS[r["keywords"]],
        status=_STATUSES[r["status"]],
        assignee=r["assignee"],
        note=r["note"],
        duplicate_of=r["duplicate_of"],
        escalation=r["escalation"],
        paused_at=to_optional_time(r["paused_at"]),
        paused_seconds=r["paused_seconds"],
        created_at=to_time(r["created_at"]),
        updated_at=to_time(r["updated_at"]),
        acked_at=to_optional_time(r["acked_at"]),
        resolved_at=to_optional_time(r["resolved_at"]),
        closed_at=to_optional_time(r["closed_at"]),
    )


@dataclass(frozen=True, slots=True)
class LogEntry:
    at: datetime
    actor: str
    action: str
    note: str | None


def _number(row: Any) -> int:
    return int(row["number"])


def _by_created(row: Any) -> tuple[float, int]:
    return row["created_at"], row["number"]
