"""Database faults: a full disk or a locked database loses nothing and is caught up later."""

from __future__ import annotations

import sqlite3

import pytest

from bot.app import Linli
from bot.model import Kind
from storage import StorageError
from tests.conftest import say


async def page_count(app: Linli) -> int:
    async with app.store.db.conn.execute("PRAGMA page_count") as cur:
        row = await cur.fetchone()
    assert row is not None
    return int(row[0])


async def test_disk_full_holds_messages_until_space_returns(app: Linli) -> None:
    # Fill the database up to the page it has: every new page now fails with SQLITE_FULL.
    await app.handle(say("大家好"))
    await app.store.db.conn.execute(f"PRAGMA max_page_count = {await page_count(app)}")
    sleeps: list[float] = []

    async def space_returns_after_three_retries(seconds: float) -> None:
        sleeps.append(seconds)
        if len(sleeps) == 3:
            await app.store.db.conn.execute("PRAGMA max_page_count = 1073741823")

    app.retry_sleep = space_returns_after_three_retries
    big = "3单元楼道灯坏了" + "，" * 3000
    for i in range(20):
        await app.handle(say(big, sender=f"local:r{i}", message_id=f"full-{i}"))
    # The first message was held (not dropped, not acknowledged) with growing backoff ...
    assert sleeps == [0.5, 1.0, 2.0]
    # ... and once space came back every message was stored and handled exactly once.
    await app.dispatcher.recover()
    assert await app.store.inbox.count() == 21
    assert await app.store.inbox.pending() == []
    queued = await app.store.outbox.due(None, say("x", minutes=1).at, limit=100)
    created = [q for q in queued if q.message.kind in (Kind.ISSUE_CREATED, Kind.ISSUE_MERGED)]
    assert len(created) == 20


async def test_locked_database_is_retried_after_it_clears(
    app: Linli, caplog: pytest.LogCaptureFixture
) -> None:
    await app.store.db.conn.execute("PRAGMA busy_timeout = 50")
    msg = say("5单元电梯坏了")
    inbox_id = await app.store.inbox.store(msg)
    assert inbox_id is not None
    other = sqlite3.connect(app.store.db.path, timeout=0.05)
    try:
        other.execute("BEGIN EXCLUSIVE")
        with pytest.raises(StorageError):
            await app.dispatcher.process(inbox_id, msg)
        assert await app.dispatcher.recover() == 0
        assert any("still cannot handle pending message" in r.getMessage() for r in caplog.records)
        inbox = await app.store.inbox.pending()
        assert [m.message_id for _, m in inbox] == [msg.message_id]
    finally:
        other.rollback()
        other.close()
    assert await app.dispatcher.recover() == 1
    assert await app.store.inbox.pending() == []
    issue = await app.store.issues.get(1)
    assert issue is not None and issue.category == "elevator"


@pytest.fixture
def app(app_each_engine: Linli) -> Linli:
    """Every test here runs on both storage engines."""
    return app_each_engine
