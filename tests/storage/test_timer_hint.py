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
