"""Dense numbers under concurrency: several workers (each its own connection) create issues,
requests, events, polls and alerts at once, some of their transactions rolled back; the
numbers are 1..N, no gap and no duplicate (storage/numbering.py)."""

from __future__ import annotations

import asyncio
import random
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from storage import Store
from storage.alerts import NewAlert
from storage.events import NewEvent
from storage.issues import NewIssue
from storage.polls import NewPoll

NOW = datetime(2026, 5, 1, 1, 0, tzinfo=UTC)
WORKERS = 4
PER_WORKER = 25

Create = Callable[[Store, int], Awaitable[int]]


async def issue(store: Store, n: int) -> int:
    new = NewIssue(
        "1号楼", "local:b1", f"local:r{n}", "小王", f"{n}单元灯坏了", "照明", False, None, ()
    )
    return (await store.issues.create(new, NOW)).number


async def request(store: Store, n: int) -> int:
    made = await store.help.create_request(
        f"local:r{n}", "小王", "1号楼", "local:b1", "谁能陪我去医院", ("陪诊",), NOW
    )
    return made.number


async def event(store: Store, n: int) -> int:
    new = NewEvent(f"活动{n}", None, NOW + timedelta(days=1), ("1号楼",), None, None, "社区", None)
    return (await store.events.create(new, NOW)).number


async def poll(store: Store, n: int) -> int:
    new = NewPoll("1号楼", "local:b1", f"问题{n}", ("好", "不好"), False, "local:h", "张", NOW)
    return (await store.polls.create(new, NOW + timedelta(days=1))).number


async def alert(store: Store, n: int) -> int:
    new = NewAlert(f"走失{n}", "local:admin", "管理员", None, "local:office")
    return (await store.alerts.create(new, NOW)).number


KINDS: dict[str, tuple[Create, str]] = {
    "issues": (issue, "issues"),
    "requests": (request, "help_requests"),
    "events": (event, "events"),
    "polls": (poll, "polls"),
    "alerts": (alert, "community_alerts"),
}


class Rollback(Exception):
    """Raised inside a transaction to undo it after a number was taken."""


async def creator(store: Store, create: Create, worker: int, rng: random.Random) -> list[int]:
    kept: list[int] = []
    for i in range(PER_WORKER):
        try:
            async with store.transaction():
                number = await create(store, worker * 1000 + i)
                await asyncio.sleep(rng.uniform(0, 0.002))  # others create meanwhile
                if rng.random() < 0.2:
                    raise Rollback
            kept.append(number)
        except Rollback:
            pass
    return kept


@pytest.mark.parametrize("kind", sorted(KINDS))
async def test_concurrent_creators_get_dense_numbers(
    backend: str, database: str | Path, kind: str
) -> None:
    create, table = KINDS[kind]
    # Several processes' worth of connections on PostgreSQL; on SQLite one (one process).
    stores = [await Store.open(database) for _ in range(WORKERS if backend == "postgresql" else 1)]
    try:
        rng = random.Random(19)
        results = await asyncio.gather(
            *(
                creator(stores[w % len(stores)], create, w, random.Random(rng.random()))
                for w in range(WORKERS)
            )
        )
        kept = sorted(n for numbers in results for n in numbers)
        assert kept == list(range(1, len(kept) + 1))
        assert 0 < len(kept) < WORKERS * PER_WORKER  # some were rolled back
        async with stores[0].db.conn.execute(f"SELECT number FROM {table} ORDER BY number") as cur:
            stored = [int(r[0]) for r in await cur.fetchall()]
        assert stored == kept
    finally:
        for store in stores:
            await store.close()
