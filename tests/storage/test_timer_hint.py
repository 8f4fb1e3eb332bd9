"""A tick with nothing due costs no query (issue 18): the repository knows when the first
pending timer is due, and every timer added since lowers that."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.app import Linli
from tests.conftest import T0, say

# One process owns a SQLite database; on PostgreSQL other workers add timers too, so the
# hint is never learnt there (storage/timers.py).
pytestmark = pytest.mark.sqlite_only


async def test_nothing_due_is_known_without_a_query(app: Linli) -> None:
    timers = app.store.timers
    await app.tick(T0 + timedelta(minutes=1))
    assert timers.nothing_due(T0 + timedelta(minutes=2))
    async with app.store.transaction():
        await timers.add("x", 1, T0 + timedelta(minutes=5))
    assert timers.nothing_due(T0 + timedelta(minutes=4))
    assert not timers.nothing_due(T0 + timedelta(minutes=5))


async def test_a_timer_added_after_an_idle_tick_still_fires(app: Linli) -> None:
    await app.tick(T0 + timedelta(minutes=1))  # nothing due: the earliest is learnt
    await app.handle(say("3单元楼道灯坏了好几天了", minutes=1))
    (first,) = await app.store.timers.pending_for("issue_ack_reminder", 1)
    await app.tick(T0 + timedelta(hours=3))
    assert first.id not in {t.id for t in await app.store.timers.pending_for(first.kind, 1)}


async def _first_pending(app: Linli) -> float:
    async with app.store.db.conn.execute("SELECT min(due_at) FROM timers WHERE done = 0") as cur:
        row = await cur.fetchone()
    return float(row[0])


async def test_a_tick_learns_the_next_due_time_from_the_read_of_its_page(app: Linli) -> None:
    timers = app.store.timers
    async with app.store.transaction():
        await timers.add("x", 1, T0 + timedelta(minutes=1))
        await timers.add("x", 2, T0 + timedelta(minutes=10))
    statements: list[str] = []
    app.store.db.conn._conn.set_trace_callback(statements.append)  # type: ignore[attr-defined]
    await app.tick(T0 + timedelta(minutes=2))
    app.store.db.conn._conn.set_trace_callback(None)  # type: ignore[attr-defined]
    # One read of the due page tells when the next one is due; no look of its own after.
    assert sum("min(due_at)" in s for s in statements) == 1
    assert sum(s.lstrip().startswith("SELECT") for s in statements) == 1
    assert timers.nothing_due(T0 + timedelta(minutes=9, seconds=59))
    assert not timers.nothing_due(T0 + timedelta(minutes=10))


async def test_timers_added_while_a_page_fires_are_known_to_be_due(app: Linli) -> None:
    # A report's reminders re-arm themselves as they fire (a timer added while firing),
    # and its escalations are due in between: after every tick, the earliest pending timer
    # is exactly what the repository believes, and nothing due is ever skipped.
    await app.handle(say("3单元楼道灯坏了好几天了", minutes=1))
    timers = app.store.timers
    fired = 0
    for _ in range(12):
        first = await _first_pending(app)
        nxt = T0.fromtimestamp(first, T0.tzinfo)
        assert timers.nothing_due(nxt - timedelta(microseconds=1)) or timers._earliest is None
        await app.tick(nxt)
        fired += 1
        after = await _first_pending(app)
        assert after > first
        assert not timers.nothing_due(T0.fromtimestamp(after, T0.tzinfo))
        assert timers.nothing_due(T0.fromtimestamp(after, T0.tzinfo) - timedelta(microseconds=1))
    assert fired == 12
