"""Residents learnt from the building chats they write in."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from storage.db import Database

MAX_CACHED = 200_000


@dataclass(frozen=True, slots=True)
class Resident:
    user: str
    name: str
    building: str | None


class ResidentRepo:
    def __init__(self, db: Database) -> None:
        self.db = db
        # (name, building) last written per user: most messages come from people whose row is
        # unchanged, and skipping the rewrite saves one of the few statements a chat message
        # costs. Cleared whenever a transaction is rolled back (the write may be undone).
        self._written: dict[str, tuple[str, str | None]] = {}
        db.on_rollback.append(self._written.clear)
        # Other workers on a shared database change rows too (/forget, a member leaving):
        # there, every message writes.
        self._cache = db.engine != "postgresql"

    async def seen(self, user: str, name: str, building: str | None, now: datetime) -> None:
        """Record that ``user`` wrote; a building chat sets their building. Inside a
        transaction. ``last_seen`` is the time the row was inserted or its name or building
        last changed: a message that changes neither writes nothing (the statement finds the
        row and leaves it, so no page is dirtied). Before, the first message of each resident
        after a start rewrote the row only to move ``last_seen``, which therefore never meant
        "the last message" either; nothing reads it (docs/performance.md)."""
        if self._cache:
            if self._written.get(user) == (name, building):
                return
            if len(self._written) > MAX_CACHED:
                self._written.clear()
            self._written[user] = (name, building)
        await self.db.conn.execute(
            "INSERT INTO residents (user, name, building, last_seen) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (user) DO UPDATE SET name = excluded.name,"
            " building = coalesce(excluded.building, residents.building),"
            " last_seen = excluded.last_seen"
            " WHERE residents.name <> excluded.name OR (excluded.building IS NOT NULL"
            " AND (residents.building IS NULL OR residents.building <> excluded.building))",
            (user, name, building, now.timestamp()),
        )

    async def get(self, user: str) -> Resident | None:
        async with self.db.conn.execute(
            "SELECT user, name, building FROM residents WHERE user = ?", (user,)
        ) as cur:
            row = await cur.fetchone()
        return Resident(row["user"], row["name"], row["building"]) if row else None

    async def in_building(self, building: str) -> list[Resident]:
        async with self.db.conn.execute(
            "SELECT user, name, building FROM residents WHERE building = ? ORDER BY user",
            (building,),
        ) as cur:
            rows = await cur.fetchall()
        return [Resident(r["user"], r["name"], r["building"]) for r in rows]

    async def left(self, user: str, building: str) -> bool:
        """``user`` left (or was removed from) ``building``'s group: they are no longer its
        resident (inside a transaction). Their name stays; writing in the group again makes
        them its resident again. True if they were its resident."""
        self._written.pop(user, None)
        cur = await self.db.conn.execute(
            "UPDATE residents SET building = NULL WHERE user = ? AND building = ?",
            (user, building),
        )
        return cur.rowcount > 0

    async def forget(self, user: str) -> None:
        """Delete what linli knows of ``user`` as a resident (inside a transaction)."""
        self._written.pop(user, None)
        await self.db.conn.execute("DELETE FROM residents WHERE user = ?", (user,))
