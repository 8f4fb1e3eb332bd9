"""Issues written straight into a fresh database with known times, for the console's tests."""

from __future__ import annotations

from datetime import datetime, timedelta

from storage import Store
from storage.issues import IssueStatus, NewIssue


async def add_issue(
    store: Store,
    *,
    building: str = "1号楼",
    category: str = "lighting",
    text: str = "楼道灯坏了",
    created: datetime,
    acked: timedelta | None = None,
    resolved: timedelta | None = None,
    closed: timedelta | None = None,
    status: IssueStatus = IssueStatus.NEW,
    paused: timedelta = timedelta(0),
    urgent: bool = False,
    location: str | None = None,
    note: str | None = None,
    reporter: str = "local:resident-1",
    reporter_name: str = "小王",
) -> int:
    """Insert an issue reported at ``created``; the other times are offsets from it."""
    async with store.transaction():
        issue = await store.issues.create(
            NewIssue(
                building=building,
                chat="local:building-1",
                reporter=reporter,
                reporter_name=reporter_name,
                text=text,
                category=category,
                urgent=urgent,
                location=location,
                keywords=(),
            ),
            created,
        )
        fields: dict[str, object] = {"status": status, "paused_seconds": paused.total_seconds()}
        if acked is not None:
            fields["acked_at"] = created + acked
        if resolved is not None:
            fields["resolved_at"] = created + resolved
        if closed is not None:
            fields["closed_at"] = created + closed
        if note is not None:
            fields["note"] = note
        await store.issues.update(
            issue.number, created + (resolved or acked or timedelta(0)), **fields
        )
    return issue.number
