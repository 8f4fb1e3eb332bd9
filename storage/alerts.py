"""Community-wide alerts (全域联动): numbered from 1, open until closed."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from storage.columns import to_optional_time, to_time
from storage.db import Database
from storage.numbering import lock_numbers, next_number


class AlertStatus(enum.StrEnum):
    OPEN = "open"
    CLOSED = "closed"


@dataclass(frozen=True, slots=True)
class Alert:
    number: int
    text: str
    creator: str
    creator_name: str
    building: str | None
    chat: str
    issue: int | None
    status: AlertStatus
    created_at: datetime
    closed_at: datetime | None
    close_note: str | None

    @property
    def is_open(self) -> bool:
        return self.status is AlertStatus.OPEN


@dataclass(frozen=True, slots=True)
class NewAlert:
    text: str
    creator: str
    creator_name: str
    building: str | None
    chat: str
    issue: int | None = None


class AlertRepo:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def create(self, new: NewAlert, now: datetime) -> Alert:
        """Store a new alert (inside a transaction) and return it with its number."""
        await lock_numbers(self.db, "community_alerts")
        cur = await self.db.conn.execute(
            "INSERT INTO community_alerts (number, text, creator, creator_name, building, chat,"
            f" issue, created_at) VALUES ({next_number('community_alerts')},"
            " ?,?,?,?,?,?,?) RETURNING number",
            (
                new.text,
                new.creator,
                new.creator_name,
                new.building,
                new.chat,
                new.issue,
                now.timestamp(),
            ),
        )
        found = await self.get(int((await cur.fetchone())[0]))
        assert found is not None
        return found

    async def get(self, number: int) -> Alert | None:
        async with self.db.conn.execute(
            "SELECT * FROM community_alerts WHERE number = ?", (number,)
        ) as cur:
            row = await cur.fetchone()
        return _alert(row) if row else None

    async def of_issue(self, issue: int) -> Alert | None:
        async with self.db.conn.execute(
            "SELECT * FROM community_alerts WHERE issue = ? ORDER BY number LIMIT 1", (issue,)
        ) as cur:
            row = await cur.fetchone()
        return _alert(row) if row else None

    async def open_alerts(self) -> list[Alert]:
        async with self.db.conn.execute(
            "SELECT * FROM community_alerts WHERE status = 'open' ORDER BY number"
        ) as cur:
            rows = await cur.fetchall()
        return [_alert(r) for r in rows]

    async def close(self, number: int, note: str, by: str, now: datetime) -> bool:
        """Close an open alert; False when it was already closed."""
        cur = await self.db.conn.execute(
            "UPDATE community_alerts SET status = 'closed', closed_at = ?, close_note = ?,"
            " closed_by = ? WHERE number = ? AND status = 'open'",
            (now.timestamp(), note, by, number),
        )
        return cur.rowcount == 1

    async def forget(self, user: str) -> None:
        """Drop ``user``'s name from the alerts they raised (inside a transaction); the alert
        text stays, it was addressed to the whole community."""
        await self.db.conn.execute(
            "UPDATE community_alerts SET creator_name = '' WHERE creator = ?", (user,)
        )


def _alert(r: Any) -> Alert:
    return Alert(
        number=r["number"],
        text=r["text"],
        creator=r["creator"],
        creator_name=r["creator_name"],
        building=r["building"],
        chat=r["chat"],
        issue=r["issue"],
        status=AlertStatus(r["status"]),
        created_at=to_time(r["created_at"]),
        closed_at=to_optional_time(r["closed_at"]),
        close_note=r["close_note"],
    )
