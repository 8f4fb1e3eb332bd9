"""Consent before registering, contact sharing without phone numbers in groups, ranking and
the monthly thank-you post, tested at the message seam."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta
from pathlib import Path

from bot.app import Linli
from bot.config import Config
from bot.config.help import SCOPE_COMMUNITY
from bot.model import Kind, Outgoing
from tests.conftest import SHANGHAI, say

PHONE = "13812345678"


def _group(outs: list[Outgoing]) -> list[Outgoing]:
    return [o for o in outs if o.chat.startswith("local:building")]


async def test_group_offer_needs_a_yes_and_is_asked_once(app: Linli) -> None:
    outs = await app.handle(say("我会缝纫，可以帮大家补衣服", sender="local:r-a", name="老李"))
    assert [(o.chat, o.fallback_chat) for o in outs] == [("local:r-a", "local:building-1")]
    assert await app.store.help.offers_of("local:r-a", outs and say("x").at) == []
    again = await app.handle(say("我会缝纫哦", sender="local:r-a", name="老李", minutes=1))
    assert again == []
    yes = await app.handle(say("好的", chat="local:r-a", sender="local:r-a", minutes=2))
    assert "已登记" in yes[0].text
    offers = await app.store.help.offers_of("local:r-a", say("x", minutes=3).at)
    assert [o.skills for o in offers] == [("缝纫",)]


async def test_plain_yes_without_a_question_is_not_claimed(app: Linli) -> None:
    outs = await app.handle(say("好", chat="local:r-z", sender="local:r-z"))
    assert all("已登记" not in o.text for o in outs)


async def test_contact_is_never_set_or_echoed_in_a_group(app: Linli) -> None:
    outs = await app.handle(say(f"/contact 电话 {PHONE}", sender="local:r-a"))
    assert outs[0].kind is Kind.ERROR and PHONE not in outs[0].text
    await app.handle(say("/offer 缝纫", sender="local:r-a"))
    profile = await app.store.help.profile("local:r-a")
    assert profile is not None and profile.contact is None


async def test_phone_goes_only_privately_and_without_group_fallback(app: Linli) -> None:
    everything: list[Outgoing] = []
    everything += await app.handle(say("/offer 缝纫", sender="local:r-a", name="老李"))
    everything += await app.handle(
        say(f"/contact 电话 {PHONE}", chat="local:r-a", sender="local:r-a", name="老李")
    )
    everything += await app.handle(
        say(f"/need 想请人补衣服，打我电话{PHONE}", sender="local:r-req", name="小王", minutes=1)
    )
    everything += await app.handle(say("/post 1", chat="local:r-req", sender="local:r-req"))
    everything += await app.handle(
        say("/accept 1", chat="local:r-a", sender="local:r-a", minutes=2)
    )
    assert all(PHONE not in o.text for o in _group(everything))
    match = next(o for o in everything if o.kind is Kind.HELP_MATCH)
    assert PHONE not in match.text
    to_requester = next(
        o for o in everything if o.kind is Kind.HELP_CONNECTED and o.chat == "local:r-req"
    )
    assert PHONE in to_requester.text and to_requester.fallback_chat is None
    to_helper = next(
        o for o in everything if o.kind is Kind.HELP_CONNECTED and o.chat == "local:r-a"
    )
    assert to_helper.fallback_chat == "local:building-1" and to_helper.request == 1


async def test_same_building_first_then_least_recently_helped(
    config: Config, tmp_path: Path
) -> None:
    # Other buildings' neighbours are asked only where the community shares requests.
    help_cfg = dataclasses.replace(config.help, scope=SCOPE_COMMUNITY)
    app = await Linli.open(dataclasses.replace(config, help=help_cfg), database=tmp_path / "c.db")
    try:
        await _same_building_first(app)
    finally:
        await app.close()


async def _same_building_first(app: Linli) -> None:
    await app.handle(say("/offer 缝纫", chat="local:building-2", sender="local:far", name="远"))
    await app.handle(say("/offer 缝纫", sender="local:busy", name="忙"))
    await app.handle(say("/offer 缝纫", sender="local:fresh", name="闲"))
    await app.store.help.touch_profile("local:busy", "忙", "1号楼")
    async with app.store.transaction():
        await app.store.help.touch_helped("local:busy", say("x").at)
    outs = await app.handle(say("/need 补衣服", sender="local:req", minutes=1))
    asked = [o.chat for o in outs if o.kind is Kind.HELP_MATCH]
    assert asked == ["local:fresh", "local:busy", "local:far"]
    assert "local:req" not in asked


async def test_monthly_thanks_counts_completed_help_only(app: Linli) -> None:
    await app.handle(say("/offer 缝纫", sender="local:a", name="老李"))
    await app.handle(say("/offer 修电脑", sender="local:b", name="王叔"))
    await app.handle(say("/need 补衣服", sender="local:req", minutes=1))
    await app.handle(say("/accept 1", chat="local:a", sender="local:a", name="老李", minutes=2))
    await app.handle(say("/done 1", chat="local:req", sender="local:req", minutes=3))
    await app.handle(say("/need 修电脑", sender="local:req", minutes=4))
    await app.handle(say("/accept 2", chat="local:b", sender="local:b", name="王叔", minutes=5))
    june = datetime(2026, 6, 1, 10, 0, tzinfo=SHANGHAI)
    outs = await app.tick(june)
    posts = [o for o in outs if o.kind is Kind.DIGEST]
    assert [o.chat for o in posts] == ["local:building-1"]
    assert "老李" in posts[0].text and "王叔" not in posts[0].text and "共 1 次" in posts[0].text
    assert await app.tick(june + timedelta(days=29)) == []
