"""Building polls (议事): numbered from 1, one vote per person, changeable until closed."""

from __future__ import annotations

import enum
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from storage.columns import to_optional_time, to_time
from storage.db import Database
from storage.numbering import lock_numbers, next_number


class PollStatus(enum.StrEnum):
    OPEN = "open"
    CLOSED = "closed"


@dataclass(frozen=True, slots=True)
class NewPoll:
    building: str
    chat: str
    question: str
    options: tuple[str, ...]
    anonymous: bool
    creator: str
    creator_name: str
    closes_at: datetime


@dataclass(frozen=True, slots=True)
class Poll:
    number: int
    building: str
    chat: str
    question: str
    options: tuple[str, ...]
    anonymous: bool
    creator: str
    creator_name: str
    created_at: datetime
    closes_at: datetime
    status: PollStatus
    closed_at: datetime | None

    @property
    def is_open(self) -> bool:
        return self.status is PollStatus.OPEN


@dataclass(frozen=True, slots=True)
class Vote:
    user: str
    name: str
    choice: int


class PollRepo:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def create(self, new: NewPoll, now: datetime) -> Poll:
        """Store a new poll (inside a transaction); it gets the next number."""
        await lock_numbers(self.db, "polls")
        cur = await self.db.conn.execute(
            "INSERT INTO polls (number, building, chat, question, options, anonymous, creator,"
            f" creator_name, created_at, closes_at) VALUES ({next_number('polls')},"
            " ?,?,?,?,?,?,?,?,?) RETURNING number",
            (
                new.building,
                new.chat,
                new.question,
                json.dumps(list(new.options), ensure_ascii=False),
                int(new.anonymous),
                new.creator,
                new.creator_name,
                now.timestamp(),
                new.closes_at.timestamp(),
            ),
        )
        poll = await self.get(int((await cur.fetchone())[0]))
        assert poll is not None
        return poll

    async def get(self, number: int) -> Poll | None:
        async with self.db.conn.execute("SELECT * FROM polls WHERE number = ?", (number,)) as cur:
            row = await cur.fetchone()
        return _poll(row) if row else None

    async def open_in(self, building: str | None) -> list[Poll]:
        """Open polls of ``building`` (None: of every building), oldest first."""
        args: tuple[str, ...] = ()
        if building is None:
            sql = "SELECT * FROM polls WHERE status = 'open' ORDER BY number"
        else:
            sql = "SELECT * FROM polls WHERE status = 'open' AND building = ? ORDER BY number"
            args = (building,)
        async with self.db.conn.execute(sql, args) as cur:
            rows = await cur.fetchall()
        return [_poll(r) for r in rows]

    async def vote(self, number: int, user: str, name: str, choice: int, now: datetime) -> int:
        """Record or change ``user``'s vote (inside a transaction); returns the previous
        choice, or 0 if this is their first vote."""
        async with self.db.conn.execute(
            "SELECT choice FROM poll_votes WHERE poll = ? AND user = ?", (number, user)
        ) as cur:
            row = await cur.fetchone()
        await self.db.conn.execute(
            "INSERT INTO poll_votes (poll, user, name, choice, at) VALUES (?,?,?,?,?)"
            " ON CONFLICT (poll, user) DO UPDATE SET choice = excluded.choice,"
            " name = excluded.name, at = excluded.at",
            (number, user, name, choice, now.timestamp()),
        )
        return int(row[0]) if row else 0

    async def votes(self, number: int) -> list[Vote]:
        """Every vote, in the order first cast."""
        async with self.db.conn.execute(
            "SELECT user, name, choice FROM poll_votes WHERE poll = ? ORDER BY rowid", (number,)
        ) as cur:
            rows = await cur.fetchall()
        return [Vote(r["user"], r["name"], r["choice"]) for r in rows]

    async def close(self, number: int, now: datetime) -> bool:
        """Close an open poll (inside a transaction); False if it was already closed, so the
        result is posted once."""
        cur = await self.db.conn.execute(
            "UPDATE polls SET status = 'closed', closed_at = ? WHERE number = ? AND status = 'open'",
            (now.timestamp(), number),
        )
        return cur.rowcount == 1

    async def forget_person(self, user: str) -> None:
        """Drop ``user``'s name from their votes (the votes still count); in closed polls also
        who cast them. In open polls the id stays until the close, so that a forgotten
        person cannot vote twice."""
        await self.db.conn.execute(
            "UPDATE poll_votes SET name = '', user = 'forgotten:' || rowid WHERE user = ?"
            " AND poll IN (SELECT number FROM polls WHERE status = 'closed')",
            (user,),
        )
        await self.db.conn.execute("UPDATE poll_votes SET name = '' WHERE user = ?", (user,))


def _poll(r: Any) -> Poll:
    return Poll(
        number=r["number"],
        building=r["building"],
        chat=r["chat"],
        question=r["question"],
        options=tuple(json.loads(r["options"])),
        anonymous=bool(r["anonymous"]),
        creator=r["creator"],
        creator_name=r["creator_name"],
        created_at=to_time(r["created_at"]),
        closes_at=to_time(r["closes_at"]),
        status=PollStatus(r["status"]),
        closed_at=to_optional_time(r["closed_at"]),
    )
