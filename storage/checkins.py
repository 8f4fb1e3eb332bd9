"""Daily safety check-ins (平安打卡): who is enrolled, by whom, and today's state.

A row is created when a head asks to enrol someone (status ``asked``) and becomes ``active``
only on the person's yes. It is deleted when they decline, stop, are removed or ask to be
forgotten: nothing about a person who is not (or no longer) enrolled is kept.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from storage.columns import to_optional_time, to_time
from storage.db import Database


class CheckinStatus(enum.StrEnum):
    ASKED = "asked"  # waiting for the person's 好
    ACTIVE = "active"


@dataclass(frozen=True, slots=True)
class Checkin:
    id: int
    person: str
    name: str
    building: str | None
    head: str
    head_name: str
    family: str | None
    daily_at: str  # local "HH:MM"
    status: CheckinStatus
    asked_at: datetime
    enrolled_at: datetime | None
    paused_until: datetime | None
    request_at: datetime | None
    answered_at: datetime | None
    missed_at: datetime | None
    missed_reason: str | None
    missed_handled: datetime | None

    @property
    def active(self) -> bool:
        return self.status is CheckinStatus.ACTIVE

    def paused(self, now: datetime) -> bool:
        return self.paused_until is not None and self.paused_until > now

    def answered_since(self, since: datetime) -> bool:
        return self.answered_at is not None and self.answered_at >= since

    @property
    def request_open(self) -> bool:
        """Today's question was sent and not answered yet."""
        return self.request_at is not None and not self.answered_since(self.request_at)

    @property
    def missed_open(self) -> bool:
        """A "no answer" notice went out and neither the person nor the head answered since."""
        return self.missed_at is not None and self.missed_handled is None


@dataclass(frozen=True, slots=True)
class NewCheckin:
    person: str
    name: str
    building: str | None
    head: str
    head_name: str
    family: str | None
    daily_at: str


class CheckinRepo:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def ask(self, new: NewCheckin, now: datetime) -> Checkin | None:
        """Store an enrolment waiting for consent; None when the person already has a row
        (inside a transaction)."""
        cur = await self.db.conn.execute(
            "INSERT INTO checkins (person, name, building, head, head_name, family,"
            " daily_at, status, asked_at) VALUES (?,?,?,?,?,?,?,?,?)"
            " ON CONFLICT DO NOTHING RETURNING id",
            (
                new.person,
                new.name,
                new.building,
                new.head,
                new.head_name,
                new.family,
                new.daily_at,
                str(CheckinStatus.ASKED),
                now.timestamp(),
            ),
        )
        row = await cur.fetchone()
        return None if row is None else await self.get(int(row[0]))

    async def get(self, checkin_id: int) -> Checkin | None:
        async with self.db.conn.execute(
            "SELECT * FROM checkins WHERE id = ?", (checkin_id,)
        ) as cur:
            row = await cur.fetchone()
        return _checkin(row) if row else None

    async def by_person(self, person: str) -> Checkin | None:
        async with self.db.conn.execute(
            "SELECT * FROM checkins WHERE person = ?", (person,)
        ) as cur:
            row = await cur.fetchone()
        return _checkin(row) if row else None

    async def all(self) -> list[Checkin]:
        async with self.db.conn.execute("SELECT * FROM checkins ORDER BY id") as cur:
            rows = await cur.fetchall()
        return [_checkin(r) for r in rows]

    async def open_missed_for_head(self, head: str) -> list[Checkin]:
        """Check-ins whose "no answer" notice to ``head`` nobody has answered yet."""
        async with self.db.conn.execute(
            "SELECT * FROM checkins WHERE head = ? AND missed_at IS NOT NULL"
            " AND missed_handled IS NULL ORDER BY id",
            (head,),
        ) as cur:
            rows = await cur.fetchall()
        return [_checkin(r) for r in rows]

    async def activate(self, checkin_id: int, now: datetime) -> bool:
        cur = await self.db.conn.execute(
            "UPDATE checkins SET status = ?, enrolled_at = ? WHERE id = ? AND status = ?",
            (str(CheckinStatus.ACTIVE), now.timestamp(), checkin_id, str(CheckinStatus.ASKED)),
        )
        return cur.rowcount == 1

    async def delete(self, checkin_id: int) -> bool:
        cur = await self.db.conn.execute("DELETE FROM checkins WHERE id = ?", (checkin_id,))
        return cur.rowcount == 1

    async def pause(self, checkin_id: int, until: datetime | None) -> None:
        await self.db.conn.execute(
            "UPDATE checkins SET paused_until = ? WHERE id = ?",
            (until.timestamp() if until else None, checkin_id),
        )

    async def requested(self, checkin_id: int, at: datetime) -> None:
        await self.db.conn.execute(
            "UPDATE checkins SET request_at = ? WHERE id = ?", (at.timestamp(), checkin_id)
        )

    async def answered(self, checkin_id: int, at: datetime) -> None:
        """The person replied: today's question is answered and an open notice is handled."""
        await self.db.conn.execute(
            "UPDATE checkins SET answered_at = ?,"
            " missed_handled = CASE WHEN missed_at IS NOT NULL AND missed_handled IS NULL"
            " THEN ? ELSE missed_handled END WHERE id = ?",
            (at.timestamp(), at.timestamp(), checkin_id),
        )

    async def missed(self, checkin_id: int, at: datetime, reason: str | None) -> None:
        await self.db.conn.execute(
            "UPDATE checkins SET missed_at = ?, missed_reason = ?, missed_handled = NULL"
            " WHERE id = ?",
            (at.timestamp(), reason, checkin_id),
        )

    async def handled(self, checkin_id: int, at: datetime) -> None:
        """The head answered the notice (or it was cleared by a pause)."""
        await self.db.conn.execute(
            "UPDATE checkins SET missed_handled = ? WHERE id = ? AND missed_at IS NOT NULL"
            " AND missed_handled IS NULL",
            (at.timestamp(), checkin_id),
        )

    async def forget(self, user: str) -> list[Checkin]:
        """Delete ``user``'s own enrolment and drop them as anyone's family contact (inside a
        transaction); returns the enrolments that were deleted (their timers go too)."""
        async with self.db.conn.execute("SELECT * FROM checkins WHERE person = ?", (user,)) as cur:
            rows = await cur.fetchall()
        await self.db.conn.execute("DELETE FROM checkins WHERE person = ?", (user,))
        await self.db.conn.execute("UPDATE checkins SET family = NULL WHERE family = ?", (user,))
        return [_checkin(r) for r in rows]


def _checkin(r: Any) -> Checkin:
    return Checkin(
        id=r["id"],
        person=r["person"],
        name=r["name"],
        building=r["building"],
        head=r["head"],
        head_name=r["head_name"],
        family=r["family"],
        daily_at=r["daily_at"],
        status=CheckinStatus(r["status"]),
        asked_at=to_time(r["asked_at"]),
        enrolled_at=to_optional_time(r["enrolled_at"]),
        paused_until=to_optional_time(r["paused_until"]),
        request_at=to_optional_time(r["request_at"]),
        answered_at=to_optional_time(r["answered_at"]),
        missed_at=to_optional_time(r["missed_at"]),
        missed_reason=r["missed_reason"],
        missed_handled=to_optional_time(r["missed_handled"]),
    )
