"""Notices: batching per person, the building group's (optional, neutral) line, escalation
past the reporter, and the outcome for whoever an issue was escalated to."""

from __future__ import annotations

import dataclasses
from datetime import timedelta
from pathlib import Path

import pytest

from bot.app import Linli
from bot.config import Config, ConfigError, load_config
from bot.config.issues import GroupNotice
from bot.model import Kind
from tests.conftest import T0, say

HEAD1 = {"sender": "local:head-1", "name": "张阿姨"}


async def test_neutral_group_line_is_one_line_without_blame(config: Config, tmp_path: Path) -> None:
    issues = dataclasses.replace(config.issues, group_notice=GroupNotice.NEUTRAL)
    app = await Linli.open(dataclasses.replace(config, issues=issues), database=tmp_path / "n.db")
    try:
        await app.start(T0)
        await app.handle(say("3单元楼道灯坏了"))
        await app.handle(say("楼上装修太吵了，中午也不停", sender="local:resident-3", minutes=2))
        outs = await app.tick(T0 + timedelta(hours=2, minutes=12))
    finally:
        await app.close()
    group = [o for o in outs if o.chat == "local:building-1"]
    assert [o.text for o in group] == ["第 1、2 号问题已请网格员协助跟进，有进展会在群里告诉大家。"]
    assert group[0].issues == (1, 2) and group[0].issue == 1
    assert not any("未受理" in o.text for o in group)


async def test_default_group_hears_nothing_of_escalations(app: Linli) -> None:
    await app.handle(say("3单元楼道灯坏了"))
    outs = await app.tick(T0 + timedelta(hours=4, minutes=10))
    assert [o for o in outs if o.chat == "local:building-1"] == []
    assert {o.chat for o in outs if o.kind is Kind.ESCALATION} == {"local:grid-1", "local:office"}


async def test_acknowledged_within_the_window_drops_out(app: Linli) -> None:
    await app.handle(say("3单元楼道灯坏了"))
    await app.handle(say("6单元门口垃圾三天没人收了", sender="local:resident-2", minutes=1))
    await app.handle(say("楼上装修太吵了，中午也不停", sender="local:resident-3", minutes=2))
    outs = await app.tick(T0 + timedelta(minutes=30))
    assert [(o.kind, o.issue, o.issues) for o in outs] == [(Kind.ACK_REMINDER, 1, ())]
    assert await app.tick(T0 + timedelta(minutes=32)) == []  # waiting for the batch window
    await app.handle(say("收到 2", chat="local:head-1", **HEAD1, minutes=35))
    outs = await app.tick(T0 + timedelta(minutes=41))
    assert [(o.kind, o.issue, o.issues) for o in outs] == [(Kind.ACK_REMINDER, 3, ())]


async def test_urgent_reminders_do_not_wait(app: Linli) -> None:
    await app.handle(say("3单元着火了，好多烟"))
    outs = await app.tick(T0 + timedelta(minutes=5))
    assert [(o.kind, o.chat) for o in outs] == [(Kind.ACK_REMINDER, "local:head-1")]


async def test_outcome_not_sent_to_the_one_who_acted(app: Linli) -> None:
    await app.handle(say("3单元楼道灯坏了"))
    await app.tick(T0 + timedelta(hours=2, minutes=10))
    await app.handle(say("收到 1", chat="local:grid-1", sender="local:grid-1", name="王网格员"))
    outs = await app.tick(T0 + timedelta(hours=2, minutes=11))
    assert [o for o in outs if o.chat == "local:grid-1"] == []


@pytest.mark.parametrize(("value", "ok"), [('"off"', True), ('"neutral"', True), ('"loud"', False)])
def test_group_notice_is_validated(tmp_path: Path, value: str, ok: bool) -> None:
    path = tmp_path / "c.toml"
    path.write_text(
        f'[[buildings]]\nname = "1号楼"\nchats = ["local:b1"]\n[issues]\ngroup_notice = {value}\n',
        encoding="utf-8",
    )
    if ok:
        assert load_config(path).issues.group_notice == GroupNotice(value.strip('"'))
        return
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert any("issues.group_notice" in p and '"neutral"' in p for p in info.value.problems)


async def test_manual_escalation_goes_past_the_reporter(app: Linli) -> None:
    grid = {"chat": "local:grid-1", "sender": "local:grid-1", "name": "王网格员"}
    await app.handle(say("/report 1号楼 5单元消防通道堆满了纸箱", **grid))
    outs = await app.handle(say("上报 1", chat="local:head-1", **HEAD1, minutes=5))
    assert [o.chat for o in outs if o.kind is Kind.ESCALATION] == ["local:office"]
    group = next(o for o in outs if o.chat == "local:building-1")
    assert "上报社区" in group.text


async def test_single_reminder_goes_exactly_at_thirty_minutes(app: Linli) -> None:
    await app.handle(say("3单元楼道灯坏了"))
    assert await app.tick(T0 + timedelta(minutes=29, seconds=59)) == []
    outs = await app.tick(T0 + timedelta(minutes=30))
    assert [(o.kind, o.chat, o.issue) for o in outs] == [(Kind.ACK_REMINDER, "local:head-1", 1)]
    assert "已等待 30 分钟" in outs[0].text


async def test_first_reminder_alone_then_the_rest_within_the_window(app: Linli) -> None:
    await app.handle(say("3单元楼道灯坏了"))
    await app.handle(say("6单元门口垃圾三天没人收了", sender="local:resident-2", minutes=3))
    await app.handle(say("楼上装修太吵了，中午也不停", sender="local:resident-3", minutes=6))
    sent = []
    for minute in range(29, 41):
        for o in await app.tick(T0 + timedelta(minutes=minute)):
            sent.append((minute, o.kind, o.issue, o.issues))
    assert sent[0] == (30, Kind.ACK_REMINDER, 1, ())
    assert len(sent) == 2
    minute, kind, issue, issues = sent[1]
    assert kind is Kind.ACK_REMINDER and issue == 2 and issues == (2, 3)
    assert 36 <= minute <= 40
