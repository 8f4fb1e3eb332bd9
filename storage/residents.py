"""Residents learnt from the building chats they write in."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from storage.db import Database


@dataclass(frozen=True, slots=True)
class Resident:
    user: str
    name: str
    building: str | None


class ResidentRepo:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def seen(self, user: str, name: str, building: str | None, now: datetime) -> None:
        """Record that ``user`` wrote; a building chat sets their building. Inside a transaction."""
        await self.db.conn.execute(
            "INSERT INTO residents (user, name, building, last_seen) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (user) DO UPDATE SET name = excluded.name,"
            " building = coalesce(excluded.building, residents.building),"
            " last_seen = excluded.last_seen",
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

    async def forget(self, user: str) -> None:
        await self.db.conn.execute("DELETE FROM residents WHERE user = ?", (user,))
