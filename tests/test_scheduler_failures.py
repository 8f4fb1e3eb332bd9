"""A timer whose handler fails has its own writes undone, and the others of its batch fire
(timers of one batch share a transaction without a savepoint each; a failure fires the
batch again with one per timer)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.app import Linli
from bot.feature import Context
from bot.model import Kind, Outgoing
from storage.timers import Timer
from tests.conftest import T0


async def _writes(timer: Timer, ctx: Context) -> list[Outgoing]:
    await ctx.store.kv.set(f"test.fired:{timer.ref}", "yes")
    if timer.ref == 2:
        raise RuntimeError("this one fails after writing")
    return [Outgoing(f"local:head-{timer.ref}", Kind.COMMAND_REPLY, f"第 {timer.ref} 个")]


async def test_a_failing_timer_is_undone_alone(
    app: Linli, caplog: pytest.LogCaptureFixture
) -> None:
    app.scheduler.handlers["test_writes"] = _writes
    async with app.store.transaction():
        for ref in (1, 2, 3):
            await app.store.timers.add("test_writes", ref, T0 + timedelta(minutes=1))
    outs = await app.tick(T0 + timedelta(minutes=2))
    assert [o.text for o in outs] == ["第 1 个", "第 3 个"]
    assert [await app.store.kv.get(f"test.fired:{ref}") for ref in (1, 2, 3)] == [
        "yes",
        None,
        "yes",
    ]
    assert "timer failed kind=test_writes" in caplog.text
    assert await app.store.timers.pending_for("test_writes", 2) == []  # fired once, failed
    assert await app.tick(T0 + timedelta(minutes=3)) == []
    queued = await app.store.outbox.due(None, T0 + timedelta(minutes=3), limit=100)
    assert sorted(q.message.text for q in queued if q.message.text.startswith("第")) == [
        "第 1 个",
        "第 3 个",
    ]
