"""Attacks on the help flow and events (issue 14, item 1): strangers and other buildings'
residents must not take part, receive a contact detail or have a link forwarded."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from bot.app import Linli
from bot.config import Config, ConfigError, load_config
from bot.config.help import SCOPE_COMMUNITY
from bot.model import Kind, Outgoing
from tests.conftest import EXAMPLE_CONFIG, T0, say

PHONE = "13812345678"
STRANGER = {"sender": "local:stranger", "chat": "local:stranger", "name": "陌生人"}
OTHER = {"sender": "local:resident-5", "name": "老周"}  # a resident of 2号楼


async def posted_request(app: Linli) -> None:
    """小王 of 1号楼 leaves a phone number, asks for help nobody offered, posts it."""
    await app.handle(say("大家好"))
    await app.handle(say("大家好", chat="local:building-2", **OTHER, minutes=0.5))
    await app.handle(say(f"/contact 电话 {PHONE} 住3单元502", chat="local:resident-1", minutes=1))
    outs = await app.handle(say("/need 明天谁能陪我妈去医院", chat="local:resident-1", minutes=2))
    assert outs and outs[0].request == 1
    outs = await app.handle(say("/post 1", chat="local:resident-1", minutes=3))
    assert any(o.kind is Kind.HELP_MATCH for o in outs)


def leaks(outs: list[Outgoing]) -> list[Outgoing]:
    return [o for o in outs if PHONE in o.text or "502" in o.text or "小王" in o.text]


async def test_stranger_cannot_accept_and_gets_no_contact(app: Linli) -> None:
    await posted_request(app)
    before = await app.store.help.request(1)
    outs = await app.handle(say("/accept 1", **STRANGER, minutes=4))
    assert [o.kind for o in outs] == [Kind.ERROR] and not leaks(outs)
    assert await app.store.help.request(1) == before


async def test_other_buildings_resident_cannot_accept(app: Linli) -> None:
    await posted_request(app)
    before = await app.store.help.request(1)
    for chat in ("local:resident-5", "local:building-2"):
        outs = await app.handle(say("/accept 1", chat=chat, **OTHER, minutes=4))
        assert [o.kind for o in outs] == [Kind.ERROR] and not leaks(outs)
    assert await app.store.help.request(1) == before


async def test_neighbour_of_the_same_building_can_accept(app: Linli) -> None:
    await posted_request(app)
    neighbour = {"sender": "local:resident-3", "name": "王叔"}
    await app.handle(say("大家好", **neighbour, minutes=3.5))
    outs = await app.handle(say("/accept 1", chat="local:resident-3", **neighbour, minutes=4))
    assert any(o.kind is Kind.HELP_CONNECTED and PHONE in o.text for o in outs)


async def test_stranger_cannot_open_a_request_or_see_events(app: Linli) -> None:
    await app.handle(say("/offer 修电脑", minutes=0))
    await app.handle(
        say("/event add 2026-06-20 15:00 茶话会", sender="local:head-1", name="张阿姨", minutes=1)
    )
    for text in ("/need 修电脑 点这里领补贴 http://evil.example.com", "/event list", "/join 1"):
        outs = await app.handle(say(text, **STRANGER, minutes=2))
        assert [o.kind for o in outs] == [Kind.ERROR], text
        assert "茶话会" not in outs[0].text
    assert await app.store.help.request(1) is None
    event = await app.store.events.get(1)
    assert event is not None
    assert (await app.store.events.roster(event)).everyone == ()


async def test_links_in_requests_are_not_forwarded(app: Linli) -> None:
    helper = {"sender": "local:resident-3", "name": "王叔"}
    await app.handle(say("/offer 修电脑", **helper))
    for link in ("http://evil.example.com/a", "ｗｗｗ．ｅｖｉｌ．ｃｏｍ", "t.me/joinchat/abc"):
        outs = await app.handle(say(f"/need 修电脑 详情看 {link}", minutes=1))
        assert [o.kind for o in outs] == [Kind.ERROR]
        assert all(o.chat != helper["sender"] for o in outs)
    assert await app.store.help.request(1) is None
    outs = await app.handle(say("/offer 修电脑 详情 http://evil.example.com", minutes=1.5))
    assert [o.kind for o in outs] == [Kind.ERROR]
    assert await app.store.help.offers_of("local:resident-1", T0) == []
    outs = await app.handle(say("/need 谁能帮我修电脑", minutes=2))
    assert any(o.kind is Kind.HELP_MATCH and o.chat == helper["sender"] for o in outs)


async def test_requests_stay_in_the_building_unless_configured(
    config: Config, tmp_path: Path
) -> None:
    for community, asked in ((False, False), (True, True)):
        cfg = config
        if community:
            cfg = dataclasses.replace(
                config, help=dataclasses.replace(config.help, scope=SCOPE_COMMUNITY)
            )
        app = await Linli.open(cfg, database=tmp_path / f"scope{community}.db")
        try:
            await app.handle(say("/offer 修电脑", chat="local:building-2", **OTHER))
            outs = await app.handle(say("/need 谁能帮我修电脑", minutes=1))
            assert any(o.chat == OTHER["sender"] for o in outs) is asked
        finally:
            await app.close()


def test_help_scope_is_validated(tmp_path: Path) -> None:
    text = EXAMPLE_CONFIG.read_text(encoding="utf-8")
    bad = tmp_path / "bad.toml"
    bad.write_text(text.replace("[help]\n", '[help]\nscope = "everyone"\n'), encoding="utf-8")
    with pytest.raises(ConfigError, match=r"help\.scope"):
        load_config(bad)
    good = tmp_path / "good.toml"
    good.write_text(text.replace("[help]\n", '[help]\nscope = "community"\n'), encoding="utf-8")
    assert load_config(good).help.community_wide


async def test_a_shared_contact_never_falls_back_to_the_group(app: Linli) -> None:
    """A contact that is no phone number (a WeChat id, an address) would be repeated in the
    building group if the private message could not be delivered."""
    helper = {"sender": "local:resident-3", "name": "王叔"}
    await app.handle(say("/offer 修电脑", **helper))
    await app.handle(say("/contact 微信 wangshu88 住3单元502", chat="local:resident-3", **helper))
    await app.handle(say("大家好", minutes=0.5))
    await app.handle(say("/contact 微信 xiaowang66", chat="local:resident-1", minutes=1))
    await app.handle(say("/need 谁能帮我修电脑", minutes=2))
    outs = await app.handle(say("/accept 1", chat="local:resident-3", **helper, minutes=3))
    connected = [o for o in outs if o.kind is Kind.HELP_CONNECTED]
    assert len(connected) == 2
    assert all(o.fallback_chat is None for o in connected)
    assert any("wangshu88" in o.text for o in connected)
