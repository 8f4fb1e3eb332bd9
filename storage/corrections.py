"""Labelled examples from staff corrections, for ``linli learn``.

When staff file a resident's message the bot missed (``/report`` as a reply), withdraw a
message wrongly filed (``/notissue``) or change a category (``/recat``), the message text and
the right label are kept here. A later correction of the same issue replaces the earlier one
(``/recat 3 供水`` after ``/recat 3 排水``), so each message counts once, with its last label.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from storage.columns import to_time
from storage.db import Database


@dataclass(frozen=True, slots=True)
class Correction:
    text: str
    intent: str
    category: str | None
    urgent: bool
    source: str
    issue: int | None
    actor: str
    at: datetime


class CorrectionRepo:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def add(self, correction: Correction) -> None:
        """Inside a transaction. Replaces an earlier correction of the same issue."""
        if correction.issue is not None:
            await self.db.conn.execute(
                "DELETE FROM understanding_examples WHERE issue = ?", (correction.issue,)
            )
        await self.db.conn.execute(
            "INSERT INTO understanding_examples"
            " (text, intent, category, urgent, source, issue, actor, at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                correction.text,
                correction.intent,
                correction.category,
                int(correction.urgent),
                correction.source,
                correction.issue,
                correction.actor,
                correction.at.timestamp(),
            ),
        )

    async def all(self) -> list[Correction]:
        async with self.db.conn.execute(
            "SELECT text, intent, category, urgent, source, issue, actor, at"
            " FROM understanding_examples ORDER BY id"
        ) as cur:
            rows = await cur.fetchall()
        return [
            Correction(
                text=str(r[0]),
                intent=str(r[1]),
                category=r[2],
                urgent=bool(r[3]),
                source=str(r[4]),
                issue=r[5],
                actor=str(r[6]),
                at=to_time(r[7]),
            )
            for r in rows
        ]
