"""A large digest goes out in parts (issue 18): the same messages as in one go, with the
scheduler committing and giving the loop a turn between parts."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest

from bot import scheduler
from bot.app import Linli
from bot.model import Kind
from handlers import issue_timers
from tests.conftest import T0, say


async def _two_buildings_with_issues(app: Linli) -> None:
    await app.handle(say("3单元楼道灯坏了好几天了"))
    await app.handle(
        say("2号楼电梯坏了", chat="local:building-2", sender="local:r9", name="老赵", minutes=1)
    )


async def _digests(app: Linli) -> list[str]:
    morning = T0.replace(hour=8) + timedelta(days=1, seconds=5)
    return sorted(o.chat for o in await app.tick(morning) if o.kind is Kind.DIGEST)


async def test_parts_send_what_one_go_sends(app: Linli, monkeypatch: pytest.MonkeyPatch) -> None:
    await _two_buildings_with_issues(app)
    monkeypatch.setattr(issue_timers, "DIGEST_PART", 1)
    assert await _digests(app) == ["local:head-1", "local:head-2"]
    pending = await app.store.timers.pending_for("issue_digest", 0)
    assert len(pending) == 1 and pending[0].payload == {}  # tomorrow's, once


async def test_one_go_for_a_small_district(app: Linli) -> None:
    await _two_buildings_with_issues(app)
    assert await _digests(app) == ["local:head-1", "local:head-2"]
    assert len(await app.store.timers.pending_for("issue_digest", 0)) == 1


async def test_the_loop_gets_turns_between_batches(
    app: Linli, monkeypatch: pytest.MonkeyPatch
) -> None:
    await _two_buildings_with_issues(app)
    monkeypatch.setattr(issue_timers, "DIGEST_PART", 1)
    monkeypatch.setattr(scheduler, "BATCH_SECONDS", 0.0)  # a batch per timer
    turns = 0
    stop = False

    async def other_task() -> None:
        nonlocal turns
        while not stop:
            turns += 1
            await asyncio.sleep(0)

    task = asyncio.create_task(other_task())
    await asyncio.sleep(0)
    before = turns
    assert await _digests(app) == ["local:head-1", "local:head-2"]
    during = turns - before
    stop = True
    await task
    assert during >= 2  # a turn between each two batches: the digest, then its two parts
