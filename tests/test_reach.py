"""Followers on another platform are told where they can see it (issue 15)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.adapters.telegram_translate import render
from bot.app import Linli
from bot.config import Config, load_config
from bot.model import Kind, Mention, Outgoing
from bot.reach import reach_everyone
from tests.conftest import say

ROOM = "wechat:20874@chatroom"
TG_GROUP = "telegram:-1001"
HEAD = "telegram:5001"
WX_REPORTER = "wechat:wxid_reporter"
TG_FOLLOWER = "telegram:7001"


def community(tmp_path: Path, chats: list[str]) -> Config:
    path = tmp_path / "community.toml"
    listed = ", ".join(f'"{c}"' for c in chats)
    path.write_text(
        f"""
[community]
name = "测试社区"
timezone = "Asia/Shanghai"

[storage]
database = "linli.db"

[[buildings]]
name = "1号楼"
chats = [{listed}]

[[people]]
id = "{HEAD}"
name = "张阿姨"
role = "head"
buildings = ["1号楼"]
""",
        encoding="utf-8",
    )
    return load_config(path)


@pytest.fixture
async def bot(tmp_path: Path) -> AsyncIterator[Linli]:
    app = await Linli.open(community(tmp_path, [ROOM, TG_GROUP]))
    try:
        yield app
    finally:
        await app.close()


async def test_a_follower_in_the_telegram_group_hears_of_a_wechat_issue(bot: Linli) -> None:
    [created] = await bot.handle(
        say("3单元楼道灯坏了好几天了", chat=ROOM, sender=WX_REPORTER, name="小王")
    )
    assert created.kind is Kind.ISSUE_CREATED and created.chat == ROOM
    await bot.handle(say("我也是 1", chat=TG_GROUP, sender=TG_FOLLOWER, name="老李", minutes=1))
    outs = await bot.handle(
        say("办结 1 已换新灯泡", chat=HEAD, sender=HEAD, name="张阿姨", minutes=5)
    )
    by_chat = {o.chat: o for o in outs}
    # The WeChat room is told, mentioning the WeChat reporter only ...
    assert [m.user for m in by_chat[ROOM].mentions] == [WX_REPORTER]
    # ... the Telegram follower in the building's Telegram group ...
    copy = by_chat[TG_GROUP]
    assert copy.kind is Kind.ISSUE_STATUS and copy.issue == 1
    assert [m.user for m in copy.mentions] == [TG_FOLLOWER]
    assert copy.text == by_chat[ROOM].text
    # ... and the head on Telegram learns which group got it.
    assert "已在微信群里同步" in by_chat[HEAD].text


def test_without_a_group_on_their_platform_people_are_told_privately(tmp_path: Path) -> None:
    config = community(tmp_path, [ROOM])
    group_post = Outgoing(
        ROOM,
        Kind.ISSUE_STATUS,
        "第 1 号问题已办结。",
        issue=1,
        mentions=(Mention(WX_REPORTER, "小王"), Mention(TG_FOLLOWER, "老李")),
        fallback_chat=ROOM,
    )
    outs = reach_everyone([group_post], config, lambda chat: chat == ROOM)
    assert [(o.chat, [m.user for m in o.mentions]) for o in outs] == [
        (ROOM, [WX_REPORTER]),
        (TG_FOLLOWER, [TG_FOLLOWER]),
    ]
    assert outs[1].issue == 1 and outs[1].fallback_chat is None
    # Private messages and groups whose people share the platform pass unchanged.
    private = Outgoing(TG_FOLLOWER, Kind.COMMAND_REPLY, "好", mentions=(Mention(ROOM, "x"),))
    same = Outgoing(ROOM, Kind.ISSUE_STATUS, "x", mentions=(Mention(WX_REPORTER, "小王"),))
    assert reach_everyone([private, same], config, lambda chat: chat == ROOM) == [private, same]


def test_a_telegram_private_message_does_not_mention_its_recipient() -> None:
    out = Outgoing(
        TG_FOLLOWER,
        Kind.ISSUE_STATUS,
        "第 1 号问题已办结。",
        mentions=(Mention(TG_FOLLOWER, "老李"),),
    )
    [chunk] = render(out)
    assert "老李" not in chunk.plain and "tg://user" not in chunk.html
    in_group = Outgoing(
        TG_GROUP, Kind.ISSUE_STATUS, "第 1 号问题已办结。", mentions=(Mention(TG_FOLLOWER, "老李"),)
    )
    assert "@老李" in render(in_group)[0].plain


def test_check_config_lists_only_the_platforms_linli_run_starts(tmp_path: Path) -> None:
    config = community(tmp_path, [ROOM])
    assert "local" not in config.summary().split("platforms:")[1]
    assert "only `linli chat`" in config.summary()
