"""What the monthly report (晒事) reads: a building's issues that were open during a period."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from storage.columns import to_optional_time, to_time
from storage.db import Database
from storage.issues import IssueStatus


@dataclass(frozen=True, slots=True)
class IssueFacts:
    number: int
    category: str
    location: str | None
    status: IssueStatus
    created_at: datetime
    acked_at: datetime | None
    resolved_at: datetime | None
    closed_at: datetime | None
    paused_seconds: float


class ReportRepo:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def issues_during(
        self, building: str, start: datetime, end: datetime
    ) -> list[IssueFacts]:
        """``building``'s issues (not merged duplicates) reported before ``end`` that were
        reported, resolved or closed in ``[start, end)``, or are not closed yet; by number.
        Found through the building's index (once a month per building)."""
        async with self.db.conn.execute(
            "SELECT number, category, location, status, created_at, acked_at, resolved_at,"
            " closed_at, paused_seconds FROM issues"
            " WHERE building = ? AND status != 'duplicate' AND created_at < ?"
            " AND (created_at >= ? OR closed_at IS NULL OR closed_at >= ? OR resolved_at >= ?)"
            " ORDER BY number",
            (building, end.timestamp(), start.timestamp(), start.timestamp(), start.timestamp()),
        ) as cur:
            rows = await cur.fetchall()
        return [
            IssueFacts(
                number=r["number"],
                category=r["category"],
                location=r["location"],
                status=IssueStatus(r["status"]),
                created_at=to_time(r["created_at"]),
                acked_at=to_optional_time(r["acked_at"]),
                resolved_at=to_optional_time(r["resolved_at"]),
                closed_at=to_optional_time(r["closed_at"]),
                paused_seconds=float(r["paused_seconds"] or 0.0),
            )
            for r in rows
        ]
