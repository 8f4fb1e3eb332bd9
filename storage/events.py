"""Community events: numbered from 1, sign-ups in join order, recurring series state.

The first ``capacity`` sign-ups (by join order) have a place; the rest wait in that order, so
when someone with a place leaves, the first waiting person moves up without any bookkeeping.
"""

from __future__ import annotations

import enum
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from bot.records import quick_init
from storage.columns import to_optional_time, to_time
from storage.db import Database
from storage.numbering import lock_numbers, next_number


class EventStatus(enum.StrEnum):
    SCHEDULED = "scheduled"
    CANCELLED = "cancelled"


@quick_init
@dataclass(frozen=True, slots=True)
class Event:
    number: int
    title: str
    place: str | None
    starts_at: datetime
    buildings: tuple[str, ...]  # empty: the whole community
    capacity: int | None
    creator: str | None
    creator_name: str
    chat: str | None
    series: str | None
    status: EventStatus
    created_at: datetime

    @property
    def cancelled(self) -> bool:
        return self.status is EventStatus.CANCELLED

    def for_building(self, building: str | None) -> bool:
        return not self.buildings or (building is not None and building in self.buildings)


@dataclass(frozen=True, slots=True)
class NewEvent:
    title: str
    place: str | None
    starts_at: datetime
    buildings: tuple[str, ...]
    capacity: int | None
    creator: str | None
    creator_name: str
    chat: str | None
    series: str | None = None


@dataclass(frozen=True, slots=True)
class Signup:
    user: str
    name: str
    chat: str
    building: str | None


@dataclass(frozen=True, slots=True)
class Roster:
    """Who has a place and who is waiting, in order."""

    confirmed: tuple[Signup, ...]
    waiting: tuple[Signup, ...]

    def position(self, user: str) -> tuple[bool, int] | None:
        """(has a place, 1-based position in its list) or None when not signed up."""
        for i, s in enumerate(self.confirmed, 1):
            if s.user == user:
                return True, i
        for i, s in enumerate(self.waiting, 1):
            if s.user == user:
                return False, i
        return None

    @property
    def everyone(self) -> tuple[Signup, ...]:
        return self.confirmed + self.waiting


@dataclass(frozen=True, slots=True)
class Series:
    """A recurring config event's stored state: its next occurrence not yet announced."""

    id: int
    key: str
    schedule: str
    next_start: datetime | None
    announce_at: datetime | None


class EventRepo:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def create(self, new: NewEvent, now: datetime) -> Event:
        """Insert an event (inside a transaction) and return it with its number."""
        await lock_numbers(self.db, "events")
        cur = await self.db.conn.execute(
            "INSERT INTO events (number, title, place, starts_at, buildings, capacity, creator,"
            f" creator_name, chat, series, created_at) VALUES ({next_number('events')},"
            " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING number",
            (
                new.title,
                new.place,
                new.starts_at.timestamp(),
                json.dumps(list(new.buildings), ensure_ascii=False),
                new.capacity,
                new.creator,
                new.creator_name,
                new.chat,
                new.series,
                now.timestamp(),
            ),
        )
        event = await self.get(int((await cur.fetchone())[0]))
        assert event is not None
        return event

    async def get(self, number: int) -> Event | None:
        async with self.db.conn.execute("SELECT * FROM events WHERE number = ?", (number,)) as cur:
            row = await cur.fetchone()
        return _event(row) if row else None

    async def of_series(self, series: str, starts_at: datetime) -> Event | None:
        async with self.db.conn.execute(
            "SELECT * FROM events WHERE series = ? AND starts_at = ?",
            (series, starts_at.timestamp()),
        ) as cur:
            row = await cur.fetchone()
        return _event(row) if row else None

    async def upcoming(self, now: datetime) -> list[Event]:
        """Scheduled events that have not started yet, soonest first."""
        async with self.db.conn.execute(
            "SELECT * FROM events WHERE status = 'scheduled' AND starts_at > ?"
            " ORDER BY starts_at, number",
            (now.timestamp(),),
        ) as cur:
            rows = await cur.fetchall()
        return [_event(r) for r in rows]

    async def cancel(self, number: int, now: datetime) -> bool:
        """Mark cancelled (inside a transaction); False if it already was."""
        cur = await self.db.conn.execute(
            "UPDATE events SET status = 'cancelled', cancelled_at = ?"
            " WHERE number = ? AND status = 'scheduled'",
            (now.timestamp(), number),
        )
        return cur.rowcount == 1

    async def roster(self, event: Event) -> Roster:
        async with self.db.conn.execute(
            "SELECT user, name, chat, building FROM event_signups WHERE event = ? ORDER BY id",
            (event.number,),
        ) as cur:
            rows = await cur.fetchall()
        signups = tuple(Signup(r["user"], r["name"], r["chat"], r["building"]) for r in rows)
        if event.capacity is None:
            return Roster(signups, ())
        return Roster(signups[: event.capacity], signups[event.capacity :])

    async def join(self, number: int, signup: Signup, now: datetime) -> bool:
        """Sign up at the end of the list (inside a transaction); False if already signed up."""
        cur = await self.db.conn.execute(
            "INSERT INTO event_signups (event, user, name, chat, building, joined_at)"
            " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            (number, signup.user, signup.name, signup.chat, signup.building, now.timestamp()),
        )
        return cur.rowcount == 1

    async def leave(self, number: int, user: str) -> bool:
        """Remove a sign-up (inside a transaction); False if there was none."""
        cur = await self.db.conn.execute(
            "DELETE FROM event_signups WHERE event = ? AND user = ?", (number, user)
        )
        return cur.rowcount == 1

    async def forget(self, user: str) -> None:
        """Blank ``user``'s name in their sign-ups (inside a transaction); the places stay
        taken, so nobody else's place in the list changes."""
        await self.db.conn.execute("UPDATE event_signups SET name = '' WHERE user = ?", (user,))

    async def series(self, key: str, schedule: str) -> Series:
        """The stored state of a recurring series, created empty on first use."""
        await self.db.conn.execute(
            "INSERT INTO event_series (key, schedule) VALUES (?, ?) ON CONFLICT DO NOTHING",
            (key, schedule),
        )
        async with self.db.conn.execute("SELECT * FROM event_series WHERE key = ?", (key,)) as cur:
            row = await cur.fetchone()
        return _series(row)

    async def series_by_id(self, series_id: int) -> Series | None:
        async with self.db.conn.execute(
            "SELECT * FROM event_series WHERE id = ?", (series_id,)
        ) as cur:
            row = await cur.fetchone()
        return _series(row) if row else None

    async def set_next(
        self,
        series_id: int,
        schedule: str,
        next_start: datetime | None,
        announce_at: datetime | None,
    ) -> None:
        """Store the next occurrence of a series (inside a transaction)."""
        await self.db.conn.execute(
            "UPDATE event_series SET schedule = ?, next_start = ?, announce_at = ? WHERE id = ?",
            (
                schedule,
                next_start.timestamp() if next_start else None,
                announce_at.timestamp() if announce_at else None,
                series_id,
            ),
        )


def _series(r: Any) -> Series:
    return Series(
        id=r["id"],
        key=r["key"],
        schedule=r["schedule"],
        next_start=to_optional_time(r["next_start"]),
        announce_at=to_optional_time(r["announce_at"]),
    )


def _event(r: Any) -> Event:
    return Event(
        number=r["number"],
        title=r["title"],
        place=r["place"],
        starts_at=to_time(r["starts_at"]),
        buildings=tuple(json.loads(r["buildings"])),
        capacity=r["capacity"],
        creator=r["creator"],
        creator_name=r["creator_name"],
        chat=r["chat"],
        series=r["series"],
        status=EventStatus(r["status"]),
        created_at=to_time(r["created_at"]),
    )
