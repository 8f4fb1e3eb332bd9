"""The events page names other buildings' residents only to those who may manage the event,
as the chat's /event who does: a head sees their own building's sign-ups of a community-wide
event and a count of the rest."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.config import Config
from bot.model import Kind
from tests.web.console_harness import Clock, Console, open_console

B1, B2 = "local:building-1", "local:building-2"
ADMIN, HEAD1, HEAD2 = "local:admin", "local:head-1", "local:head-2"


@pytest.fixture
async def console(config: Config, tmp_path: Path) -> AsyncIterator[Console]:
    c = await open_console(config, tmp_path / "web.db", Clock())
    try:
        outs = await c.say(ADMIN, ADMIN, "/event add 2026-06-20 15:00 邻居节 @小区广场")
        assert outs and outs[0].kind is not Kind.ERROR, outs
        event = await c.bot.store.events.get(1)
        assert event is not None and not event.buildings  # community-wide
        assert [o.kind for o in await c.say("local:r1", B1, "报名 1", "一号楼甲")] != [Kind.ERROR]
        assert [o.kind for o in await c.say("local:r2", B2, "报名 1", "二号楼乙")] != [Kind.ERROR]
        yield c
    finally:
        await c.bot.close()


async def test_a_head_sees_only_their_buildings_names(console: Console) -> None:
    async with console.signed_in(HEAD1) as client:
        page = (await client.get("/events")).text
    assert 'id="event-1"' in page and "报名</dt><dd>2 人" in page
    assert "一号楼甲" in page and "二号楼乙" not in page
    assert "其他楼栋 1 人" in page
    async with console.signed_in(HEAD2) as client:
        page = (await client.get("/events")).text
    assert "二号楼乙" in page and "一号楼甲" not in page


async def test_whoever_may_manage_the_event_sees_every_name(console: Console) -> None:
    async with console.signed_in(ADMIN) as client:
        page = (await client.get("/events")).text
    assert "一号楼甲" in page and "二号楼乙" in page and "其他楼栋" not in page
