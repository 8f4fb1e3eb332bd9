"""定期巡: rounds from the schedule, answers item by item, failed items as issues, lateness."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from bot.app import Linli
from bot.commands import BadArguments
from bot.config import Config
from bot.config.civic import Patrol, PatrolsConfig
from bot.config.events import parse_schedule
from bot.model import Kind, Outgoing
from handlers.monthly_report import REPORT_TIMER
from handlers.patrol_schedule import DUE_TIMER, ESCALATE_TIMER, ROUND_TIMER
from handlers.patrols import parse_answers
from storage.patrols import Answer, PatrolRound, RoundStatus
from tests.conftest import SHANGHAI, say

MONDAY = datetime(2026, 6, 1, 9, 0, tzinfo=SHANGHAI)
CHECKLIST = ("消防通道畅通", "楼道无杂物", "应急灯正常", "电动车不进楼")
HEAD = {"chat": "local:head-1", "sender": "local:head-1", "name": "张阿姨"}


def a_round(answers: tuple[Answer | None, ...] = (None,) * 4) -> PatrolRound:
    return PatrolRound(
        1,
        "消防巡查",
        "1号楼",
        MONDAY,
        CHECKLIST,
        answers,
        MONDAY,
        RoundStatus.OPEN,
        0,
        MONDAY,
        None,
    )


def test_answers_in_order_with_notes() -> None:
    found = parse_answers(a_round(), "好 好 坏:3楼应急灯不亮 好")
    assert found == {
        1: Answer(True),
        2: Answer(True),
        3: Answer(False, "3楼应急灯不亮"),
        4: Answer(True),
    }
    # Words after a failed item's note belong to it; a full-width colon works.
    found = parse_answers(a_round(), "好 坏：堆了 旧沙发 好 ok")
    assert found[2] == Answer(False, "堆了 旧沙发") and found[4] == Answer(True)


def test_one_item_at_a_time() -> None:
    assert parse_answers(a_round(), "第3项 坏:不亮") == {3: Answer(False, "不亮")}
    assert parse_answers(a_round(), "4 好") == {4: Answer(True)}
    partly = a_round((Answer(True), Answer(True), None, None))
    # Without an item number: the next unanswered items.
    assert parse_answers(partly, "坏 好") == {3: Answer(False), 4: Answer(True)}
    # All four again: a full list from the first item.
    assert set(parse_answers(partly, "好 好 好 好")) == {1, 2, 3, 4}


@pytest.mark.parametrize("text", ["还行", "好 好 好 好 好", "第9项 好", "", "第2项"])
def test_bad_answers_are_explained(text: str) -> None:
    with pytest.raises(BadArguments):
        parse_answers(a_round(), text)


def with_patrol(config: Config, due_within: str = "1d") -> Config:
    patrol = Patrol(
        name="消防巡查",
        schedule=parse_schedule("weekly monday 09:00"),
        buildings=("1号楼",),
        checklist=CHECKLIST,
        due_within=timedelta(days=1) if due_within == "1d" else timedelta(hours=2),
        escalate_after=timedelta(hours=4),
    )
    return replace(config, patrols=PatrolsConfig((patrol,)))


async def open_at(config: Config, db: Path, now: datetime) -> Linli:
    bot = await Linli.open(config, database=db)
    await bot.start(now)
    return bot


async def test_a_round_starts_once_across_restarts(config: Config, tmp_path: Path) -> None:
    cfg = with_patrol(config)
    db = tmp_path / "p.db"
    outs: list[Outgoing] = []
    for now in (MONDAY - timedelta(days=1), MONDAY, MONDAY + timedelta(minutes=1)):
        bot = await open_at(cfg, db, now)
        outs += await bot.tick(now)
        await bot.close()
    assert [(o.kind, o.chat) for o in outs] == [(Kind.PATROL_REMINDER, "local:head-1")]
    assert outs[0].fallback_chat == "local:building-1"
    bot = await open_at(cfg, db, MONDAY + timedelta(minutes=2))
    (nxt,) = await bot.store.timers.pending_for(ROUND_TIMER, 1)
    assert nxt.due_at == MONDAY + timedelta(days=7)
    assert len(await bot.store.timers.pending_for(DUE_TIMER, 1)) == 1
    await bot.close()


async def test_done_round_files_failed_items_and_stops_reminders(
    config: Config, tmp_path: Path
) -> None:
    bot = await open_at(with_patrol(config), tmp_path / "p.db", MONDAY - timedelta(hours=1))
    try:
        await bot.tick(MONDAY)
        outs = await bot.handle(
            say("巡查 1 好 好 坏:3楼应急灯不亮 坏:电动车停在楼道", at=MONDAY, minutes=30, **HEAD)
        )
        assert outs[0].kind is Kind.COMMAND_REPLY and "已登记为第 1 号、第 2 号问题" in outs[0].text
        created = [o for o in outs if o.kind is Kind.ISSUE_CREATED]
        assert [o.issue for o in created] == [1, 2]
        issue = await bot.store.issues.get(1)
        assert issue is not None and issue.building == "1号楼" and issue.reporter == "local:head-1"
        assert issue.chat == "local:building-1" and "3楼应急灯不亮" in issue.text
        assert await bot.store.timers.pending_for(DUE_TIMER, 1) == []
        later = await bot.tick(MONDAY + timedelta(days=2))
        assert not [o for o in later if o.kind is Kind.PATROL_REMINDER or "巡查超时" in o.text]
    finally:
        await bot.close()


async def test_late_round_is_reminded_then_escalated_once_each(
    config: Config, tmp_path: Path
) -> None:
    bot = await open_at(with_patrol(config), tmp_path / "p.db", MONDAY - timedelta(hours=1))
    try:
        seen: list[Outgoing] = []
        for hours in (0, 24, 25, 28, 29, 32, 40):
            seen += [
                o
                for o in await bot.tick(MONDAY + timedelta(hours=hours))
                if o.kind in (Kind.PATROL_REMINDER, Kind.ESCALATION)
            ]
        assert [(o.kind, o.chat) for o in seen] == [
            (Kind.PATROL_REMINDER, "local:head-1"),  # the round
            (Kind.PATROL_REMINDER, "local:head-1"),  # not done by its due time
            (Kind.ESCALATION, "local:grid-1"),  # 4 h later
            (Kind.ESCALATION, "local:office"),  # 8 h later
        ]
        assert await bot.store.timers.pending_for(ESCALATE_TIMER, 1) == []
    finally:
        await bot.close()


async def test_only_the_buildings_staff_answer(config: Config, tmp_path: Path) -> None:
    bot = await open_at(with_patrol(config), tmp_path / "p.db", MONDAY - timedelta(hours=1))
    try:
        await bot.tick(MONDAY)
        out = await bot.handle(
            say("巡查 1 好 好 好 好", chat="local:head-2", sender="local:head-2", at=MONDAY)
        )
        assert out[0].kind is Kind.ERROR
        out = await bot.handle(say("巡查 1 好 好 好 好", at=MONDAY))  # a resident in the group
        assert out[0].kind is Kind.ERROR
        out = await bot.handle(
            say("巡查 1 好 好 好 好", chat="local:grid-1", sender="local:grid-1", at=MONDAY)
        )
        assert "全部正常" in out[0].text
        assert await bot.handle(say("巡查 什么时候开始", at=MONDAY, **HEAD)) == []
    finally:
        await bot.close()


async def test_the_monthly_report_says_which_patrols_were_done(
    config: Config, tmp_path: Path
) -> None:
    bot = await open_at(with_patrol(config), tmp_path / "p.db", MONDAY - timedelta(hours=1))
    try:
        await bot.tick(MONDAY)
        await bot.handle(say("巡查 1 好 好 好 好", at=MONDAY, minutes=30, **HEAD))
        for week in (1, 2, 3, 4):
            await bot.tick(MONDAY + timedelta(weeks=week))
        await bot.handle(say("巡查 2 好 好 好 好", at=MONDAY + timedelta(days=7, hours=1), **HEAD))
        (timer,) = await bot.store.timers.pending_for(REPORT_TIMER, 0)
        outs = await bot.tick(timer.due_at)
    finally:
        await bot.close()
    (report,) = [o for o in outs if o.kind is Kind.MONTHLY_REPORT and o.chat == "local:building-1"]
    assert "定期巡查：按时完成 消防巡查 2 次；未按时完成 消防巡查 3 次。" in report.text
