"""Two neighbours accepting the same request at the same moment: exactly one wins."""

from __future__ import annotations

import asyncio

from bot.app import Linli
from bot.model import Kind
from tests.conftest import say


async def _request_with_two_candidates(app: Linli) -> None:
    await app.handle(say("/offer 缝纫", sender="local:r-a", name="老李"))
    await app.handle(say("/offer 针线活", sender="local:r-b", name="王叔"))
    outs = await app.handle(say("/need 想请人补衣服", sender="local:r-req", name="小王", minutes=1))
    assert sorted(o.chat for o in outs if o.kind is Kind.HELP_MATCH) == ["local:r-a", "local:r-b"]


async def test_simultaneous_accepts_have_one_winner(app: Linli) -> None:
    await _request_with_two_candidates(app)
    first, second = await asyncio.gather(
        app.handle(say("/accept 1", chat="local:r-a", sender="local:r-a", name="老李", minutes=5)),
        app.handle(say("/accept 1", chat="local:r-b", sender="local:r-b", name="王叔", minutes=5)),
    )
    connected = [o for o in (*first, *second) if o.kind is Kind.HELP_CONNECTED]
    assert len(connected) == 2  # one to the requester, one to the single winner
    winners = {o.chat for o in connected} - {"local:r-req"}
    assert len(winners) == 1
    loser_replies = second if winners == {"local:r-a"} else first
    assert all(o.kind is not Kind.HELP_CONNECTED for o in loser_replies)
    assert any("已经有邻居接下" in o.text for o in loser_replies)
    req = await app.store.help.request(1)
    assert req is not None and req.helper in winners and req.status == "connected"


async def test_many_concurrent_accepts_still_one_winner(app: Linli) -> None:
    for i in range(3):
        await app.handle(say("/offer 缝纫", sender=f"local:r-{i}", name=f"邻居{i}"))
    await app.handle(say("/need 想请人补衣服", sender="local:r-req", name="小王", minutes=1))
    results = await asyncio.gather(
        *(
            app.handle(say("接单 1", chat=f"local:r-{i}", sender=f"local:r-{i}", minutes=2))
            for i in range(3)
        )
    )
    helpers = [o.chat for outs in results for o in outs if o.kind is Kind.HELP_CONNECTED]
    assert len([c for c in helpers if c != "local:r-req"]) == 1
    assert helpers.count("local:r-req") == 1
