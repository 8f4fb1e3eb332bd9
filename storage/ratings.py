"""Satisfaction ratings (评事): one request per person and closed issue, rated 1-3."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from storage.columns import to_optional_time, to_time
from storage.db import Database


class Score(enum.IntEnum):
    UNSATISFIED = 1  # 不满意
    FAIR = 2  # 基本满意
    SATISFIED = 3  # 满意


@dataclass(frozen=True, slots=True)
class Rating:
    issue: int
    user: str
    name: str
    building: str
    requested_at: datetime
    score: Score | None
    comment: str | None
    rated_at: datetime | None


class RatingRepo:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def request(self, issue: int, user: str, name: str, building: str, now: datetime) -> None:
        """Ask ``user`` to rate ``issue`` (inside a transaction). An issue closed again after
        being reopened asks again: the earlier rating is replaced by the new answer."""
        await self.db.conn.execute(
            "INSERT INTO ratings (issue, user, name, building, requested_at) VALUES (?,?,?,?,?)"
            " ON CONFLICT (issue, user) DO UPDATE SET requested_at = excluded.requested_at,"
            " name = excluded.name, score = NULL, comment = NULL, rated_at = NULL",
            (issue, user, name, building, now.timestamp()),
        )

    async def get(self, issue: int, user: str) -> Rating | None:
        async with self.db.conn.execute(
            "SELECT * FROM ratings WHERE issue = ? AND user = ?", (issue, user)
        ) as cur:
            row = await cur.fetchone()
        return _rating(row) if row else None

    async def unrated_of(self, user: str) -> list[Rating]:
        """``user``'s requests still waiting for an answer, newest first."""
        async with self.db.conn.execute(
            "SELECT * FROM ratings WHERE user = ? AND score IS NULL"
            " ORDER BY requested_at DESC, id DESC",
            (user,),
        ) as cur:
            rows = await cur.fetchall()
        return [_rating(r) for r in rows]

    async def rate(
        self, issue: int, user: str, score: Score, comment: str | None, now: datetime
    ) -> None:
        """Record the answer (inside a transaction); a later answer replaces it."""
        await self.db.conn.execute(
            "UPDATE ratings SET score = ?, comment = ?, rated_at = ? WHERE issue = ? AND user = ?",
            (int(score), comment, now.timestamp(), issue, user),
        )

    async def rated_between(self, start: datetime, end: datetime) -> list[Rating]:
        """Ratings given in ``[start, end)``, oldest first."""
        async with self.db.conn.execute(
            "SELECT * FROM ratings WHERE score IS NOT NULL AND rated_at >= ? AND rated_at < ?"
            " ORDER BY rated_at, id",
            (start.timestamp(), end.timestamp()),
        ) as cur:
            rows = await cur.fetchall()
        return [_rating(r) for r in rows]

    async def forget_person(self, user: str) -> None:
        """Keep the score (the building's record), drop who gave it and their comment."""
        await self.db.conn.execute(
            "UPDATE ratings SET user = 'forgotten:' || id, name = '', comment = NULL WHERE user = ?",
            (user,),
        )


def _rating(r: Any) -> Rating:
    return Rating(
        issue=r["issue"],
        user=r["user"],
        name=r["name"],
        building=r["building"],
        requested_at=to_time(r["requested_at"]),
        score=Score(r["score"]) if r["score"] is not None else None,
        comment=r["comment"],
        rated_at=to_optional_time(r["rated_at"]),
    )
