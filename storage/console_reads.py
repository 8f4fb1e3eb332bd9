"""Reads for the office console's help and events pages: counts and lists, bounded, limited
to the buildings the reader may see (``None``: every building). No contact details leave
here: help requests are counted and listed without who asked or what they wrote."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from storage.columns import to_time
from storage.db import Database
from storage.help_records import OPEN_REQUEST

# The open requests listed on the help page (the counts cover all of them).
MAX_LISTED = 100


@dataclass(frozen=True, slots=True)
class HelpCounts:
    """Per building: active offers, and help requests by status."""

    offers: dict[str, int]
    requests: dict[str, dict[str, int]]


@dataclass(frozen=True, slots=True)
class OpenRequest:
    number: int
    building: str
    skills: tuple[str, ...]
    status: str
    created_at: datetime


def _scope(column: str, buildings: Sequence[str] | None) -> tuple[str, list[Any]]:
    if buildings is None:
        return "1=1", []
    if not buildings:
        return "1=0", []
    return f"{column} IN ({','.join('?' for _ in buildings)})", list(buildings)


class ConsoleReads:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def help_counts(self, buildings: Sequence[str] | None, now: datetime) -> HelpCounts:
        where, params = _scope("building", buildings)
        offers: dict[str, int] = {}
        async with self.db.conn.execute(
            "SELECT building, COUNT(*) FROM help_offers"
            f" WHERE status = 'active' AND expires_at > ? AND {where} GROUP BY building",
            [now.timestamp(), *params],
        ) as cur:
            for row in await cur.fetchall():
                offers[row[0] or ""] = int(row[1])
        requests: dict[str, dict[str, int]] = {}
        async with self.db.conn.execute(
            f"SELECT building, status, COUNT(*) FROM help_requests WHERE {where}"
            " GROUP BY building, status",
            params,
        ) as cur:
            for row in await cur.fetchall():
                requests.setdefault(row[0] or "", {})[row[1]] = int(row[2])
        return HelpCounts(offers, requests)

    async def open_requests(self, buildings: Sequence[str] | None) -> list[OpenRequest]:
        where, params = _scope("building", buildings)
        statuses = [str(s) for s in OPEN_REQUEST]
        async with self.db.conn.execute(
            "SELECT number, building, skills, status, created_at FROM help_requests"
            f" WHERE status IN ({','.join('?' for _ in statuses)}) AND {where}"
            " ORDER BY number DESC LIMIT ?",
            [*statuses, *params, MAX_LISTED],
        ) as cur:
            rows = await cur.fetchall()
        return [
            OpenRequest(
                number=int(r[0]),
                building=r[1] or "",
                skills=tuple(json.loads(r[2] or "[]")),
                status=r[3],
                created_at=to_time(r[4]),
            )
            for r in rows
        ]
