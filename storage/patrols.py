"""Patrols (定期巡): the next round of each configured patrol, and the rounds themselves (one
per building and occurrence, numbered from 1, answered item by item)."""

from __future__ import annotations

import enum
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from storage.columns import to_optional_time, to_time
from storage.db import Database


class RoundStatus(enum.StrEnum):
    OPEN = "open"
    DONE = "done"


@dataclass(frozen=True, slots=True)
class Answer:
    ok: bool
    note: str | None = None


@dataclass(frozen=True, slots=True)
class PatrolRound:
    number: int
    patrol: str
    building: str
    occurrence: datetime
    checklist: tuple[str, ...]
    answers: tuple[Answer | None, ...]  # one per checklist item
    due_at: datetime
    status: RoundStatus
    escalation: int
    created_at: datetime
    done_at: datetime | None

    @property
    def is_open(self) -> bool:
        return self.status is RoundStatus.OPEN

    @property
    def unanswered(self) -> list[int]:
        """1-based numbers of the items without an answer."""
        return [i for i, a in enumerate(self.answers, 1) if a is None]


@dataclass(frozen=True, slots=True)
class PatrolSeries:
    id: int
    key: str
    schedule: str
    next_at: datetime | None


class PatrolRepo:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def series(self, key: str, schedule: str) -> PatrolSeries:
        """The stored state of the ``[[patrols]]`` entry ``key`` (created if new)."""
        await self.db.conn.execute(
            "INSERT INTO patrol_series (key, schedule) VALUES (?, ?) ON CONFLICT (key) DO NOTHING",
            (key, schedule),
        )
        async with self.db.conn.execute("SELECT * FROM patrol_series WHERE key = ?", (key,)) as cur:
            row = await cur.fetchone()
        return _series(row)

    async def series_by_id(self, series_id: int) -> PatrolSeries | None:
        async with self.db.conn.execute(
            "SELECT * FROM patrol_series WHERE id = ?", (series_id,)
        ) as cur:
            row = await cur.fetchone()
        return _series(row) if row else None

    async def set_next(self, series_id: int, schedule: str, next_at: datetime | None) -> None:
        await self.db.conn.execute(
            "UPDATE patrol_series SET schedule = ?, next_at = ? WHERE id = ?",
            (schedule, next_at.timestamp() if next_at else None, series_id),
        )

    async def create_round(
        self,
        patrol: str,
        building: str,
        occurrence: datetime,
        checklist: tuple[str, ...],
        due_at: datetime,
        now: datetime,
    ) -> PatrolRound | None:
        """A new round (inside a transaction), or None if this occurrence already has one."""
        cur = await self.db.conn.execute(
            "INSERT INTO patrol_rounds (patrol, building, occurrence, checklist, answers, due_at,"
            " created_at) VALUES (?,?,?,?,?,?,?) ON CONFLICT DO NOTHING RETURNING number",
            (
                patrol,
                building,
                occurrence.timestamp(),
                json.dumps(list(checklist), ensure_ascii=False),
                json.dumps([None] * len(checklist)),
                due_at.timestamp(),
                now.timestamp(),
            ),
        )
        row = await cur.fetchone()
        return None if row is None else await self.get(int(row[0]))

    async def get(self, number: int) -> PatrolRound | None:
        async with self.db.conn.execute(
            "SELECT * FROM patrol_rounds WHERE number = ?", (number,)
        ) as cur:
            row = await cur.fetchone()
        return _round(row) if row else None

    async def open_in(self, buildings: tuple[str, ...]) -> list[PatrolRound]:
        marks = ",".join("?" * len(buildings))
        async with self.db.conn.execute(
            f"SELECT * FROM patrol_rounds WHERE status = 'open' AND building IN ({marks})"
            " ORDER BY number",
            buildings,
        ) as cur:
            rows = await cur.fetchall()
        return [_round(r) for r in rows]

    async def save_answers(
        self, number: int, answers: tuple[Answer | None, ...], by: str, now: datetime
    ) -> bool:
        """Store the answers (inside a transaction); the round is done once every item is
        answered. Returns whether it became done now."""
        done = all(a is not None for a in answers)
        cur = await self.db.conn.execute(
            "UPDATE patrol_rounds SET answers = ?, status = ?, done_at = ?, done_by = ?"
            " WHERE number = ? AND status = 'open'",
            (
                json.dumps(
                    [None if a is None else [a.ok, a.note] for a in answers], ensure_ascii=False
                ),
                RoundStatus.DONE if done else RoundStatus.OPEN,
                now.timestamp() if done else None,
                by if done else None,
                number,
            ),
        )
        return done and cur.rowcount == 1

    async def set_escalation(self, number: int, level: int) -> None:
        await self.db.conn.execute(
            "UPDATE patrol_rounds SET escalation = ? WHERE number = ?", (level, number)
        )

    async def of_period(self, start: datetime, end: datetime) -> list[PatrolRound]:
        """Rounds of occurrences in ``[start, end)`` (for the monthly report)."""
        async with self.db.conn.execute(
            "SELECT * FROM patrol_rounds WHERE occurrence >= ? AND occurrence < ? ORDER BY number",
            (start.timestamp(), end.timestamp()),
        ) as cur:
            rows = await cur.fetchall()
        return [_round(r) for r in rows]


def _series(r: Any) -> PatrolSeries:
    return PatrolSeries(r["id"], r["key"], r["schedule"], to_optional_time(r["next_at"]))


def _round(r: Any) -> PatrolRound:
    answers = tuple(
        None if a is None else Answer(bool(a[0]), a[1]) for a in json.loads(r["answers"])
    )
    return PatrolRound(
        number=r["number"],
        patrol=r["patrol"],
        building=r["building"],
        occurrence=to_time(r["occurrence"]),
        checklist=tuple(json.loads(r["checklist"])),
        answers=answers,
        due_at=to_time(r["due_at"]),
        status=RoundStatus(r["status"]),
        escalation=r["escalation"],
        created_at=to_time(r["created_at"]),
        done_at=to_optional_time(r["done_at"]),
    )
