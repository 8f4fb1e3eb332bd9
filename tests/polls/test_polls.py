"""议事: parsing /poll, who may start and vote, anonymity, the deadline across restarts."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from bot.app import Linli
from bot.commands import BadArguments
from bot.config import Config
from bot.config.civic import PollsConfig
from bot.model import Kind, Outgoing
from handlers import poll_texts as t
from handlers.polls import CLOSE_TIMER, parse_deadline, parse_poll
from tests.conftest import SHANGHAI, T0, say

B1, B2 = "local:building-1", "local:building-2"


def test_parse_poll_reads_options_deadline_and_anonymity() -> None:
    assert parse_poll("空地做什么？ | 停车位 | 小花园 截止 6月30日20点 匿名") == (
        "空地做什么？",
        ("停车位", "小花园"),
        "6月30日20点",
        True,
    )
    assert parse_poll("A? | 是 | 否 | 截止 明天晚上8点 | 匿名") == (
        "A？",
        ("是", "否"),
        "明天晚上8点",
        True,
    )
    assert parse_poll("换物业吗 | 换 | 不换")[2:] == (None, False)


@pytest.mark.parametrize(
    ("args", "problem"),
    [
        ("只有问题", t.NEED_OPTIONS),
        ("问题 | 一个", t.NEED_OPTIONS),
        (" | 甲 | 乙", t.NO_QUESTION),
        ("问题 | 甲 | | 乙", t.EMPTY_OPTION),
        ("问题 | 甲 | 甲", t.DUPLICATE_OPTION),
        ("问题 | " + " | ".join(str(i) for i in range(11)), t.too_many_options(10)),
    ],
)
def test_bad_polls_are_explained(args: str, problem: str) -> None:
    with pytest.raises(BadArguments) as exc:
        parse_poll(args)
    assert str(exc.value) == problem


def test_deadline_must_be_a_clear_future_time() -> None:
    now = T0.astimezone(SHANGHAI)
    assert parse_deadline("5月3日20点", now) == datetime(2026, 5, 3, 20, 0, tzinfo=SHANGHAI)
    assert parse_deadline("5月3日20点前", now) == datetime(2026, 5, 3, 20, 0, tzinfo=SHANGHAI)
    for bad in ("下个月", "5月3日三点", "4月1日 10:00", "2026-09-01 10:00", "5月3日20点 大家"):
        with pytest.raises(BadArguments):
            parse_deadline(bad, now)


def test_verdict_follows_quorum_and_majority() -> None:
    poll_like = type("P", (), {"options": ("同意", "反对"), "number": 1})
    carried = t.Tally((5, 1), 6, 8)
    assert "通过" in t.verdict(poll_like, carried, 0.67, 0.5)  # type: ignore[arg-type]
    assert "不成立" in t.verdict(poll_like, t.Tally((3, 1), 4, 8), 0.67, 0.5)  # type: ignore[arg-type]
    assert "未通过" in t.verdict(poll_like, t.Tally((3, 3), 6, 8), 0.67, 0.5)  # type: ignore[arg-type]
    assert t.verdict(poll_like, carried, None, 0.5) == ""  # type: ignore[arg-type]


async def open_at(config: Config, db: Path, now: datetime) -> Linli:
    bot = await Linli.open(config, database=db)
    await bot.start(now)
    return bot


async def test_result_is_posted_once_across_restarts(config: Config, tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    bot = await open_at(config, db, T0)
    await bot.handle(say("大家好", sender="local:r1", name="甲"))
    outs = await bot.handle(
        say("/poll 装不装充电桩 | 装 | 不装 截止 5月2日20点", sender="local:head-1", minutes=1)
    )
    assert [(o.kind, o.poll, o.chat) for o in outs] == [(Kind.POLL, 1, B1)]
    await bot.handle(say("投票 1 1", sender="local:r1", name="甲", minutes=2))
    await bot.close()
    deadline = datetime(2026, 5, 2, 20, 0, tzinfo=SHANGHAI)
    results: list[Outgoing] = []
    for now in (deadline - timedelta(minutes=1), deadline, deadline + timedelta(minutes=1)):
        bot = await open_at(config, db, now)
        results += await bot.tick(now)
        results += await bot.tick(now + timedelta(seconds=30))
        await bot.close()
    assert [(o.kind, o.poll, o.chat) for o in results] == [(Kind.POLL_RESULT, 1, B1)]
    assert "装：1 票" in results[0].text and "参与率 50%" in results[0].text
    bot = await open_at(config, db, deadline + timedelta(hours=1))
    assert await bot.store.timers.pending_for(CLOSE_TIMER, 1) == []
    late = await bot.handle(say("投票 1 2", sender="local:r1", name="甲", at=deadline))
    assert late[0].kind is Kind.ERROR and late[0].text == "第 1 号投票已经截止，不能再投票了。"
    await bot.close()


async def test_a_vote_after_the_deadline_counts_for_nothing_even_before_the_tick(
    app: Linli,
) -> None:
    await app.handle(say("大家好", sender="local:r1", name="甲"))
    await app.handle(say("/poll 问 | 甲 | 乙 截止 今天下午5点", sender="local:head-1"))
    five = T0.replace(hour=17)
    out = await app.handle(say("投票 1 1", sender="local:r1", name="甲", at=five))
    assert out[0].kind is Kind.ERROR
    assert await app.store.polls.votes(1) == []


async def test_anonymous_poll_never_reveals_who_voted_what(app: Linli) -> None:
    voters = {"local:r1": ("甲", 1), "local:r2": ("乙", 2), "local:r3": ("丙", 2)}
    for user, (name, _) in voters.items():
        await app.handle(say("早", chat=B2, sender=user, name=name))
    sent: list[Outgoing] = []
    sent += await app.handle(say("/poll 装门禁吗 | 装 | 不装 匿名", chat=B2, sender="local:head-2"))
    for i, (user, (name, choice)) in enumerate(voters.items()):
        chat = user if i == 0 else B2
        sent += await app.handle(say(f"投票 1 {choice}", chat=chat, sender=user, name=name))
    sent += await app.handle(say("/poll 1", chat=B2, sender="local:r1", name="甲"))
    sent += await app.tick(T0 + timedelta(days=3, minutes=1))
    assert [o.kind for o in sent].count(Kind.POLL_RESULT) == 1
    for out in sent:
        if out.chat == "local:r1":
            continue  # 甲's own private confirmation names 甲's own choice, to 甲 alone
        for name in ("甲", "乙", "丙"):
            assert name not in out.text, out.text
        if out.kind is Kind.COMMAND_REPLY and out.mentions:
            assert "不装" not in out.text and "“装”" not in out.text, out.text
    result = next(o for o in sent if o.kind is Kind.POLL_RESULT)
    assert "1. 装：1 票" in result.text and "2. 不装：2 票" in result.text


async def test_who_may_start_a_poll_and_for_which_building(app: Linli) -> None:
    # A head privately: their own building; another building is refused.
    out = await app.handle(
        say("/poll 1号楼 问 | 甲 | 乙", chat="local:head-2", sender="local:head-2")
    )
    assert out[0].kind is Kind.ERROR and "1号楼" in out[0].text
    out = await app.handle(say("/poll 问 | 甲 | 乙", chat="local:head-2", sender="local:head-2"))
    assert [(o.kind, o.chat) for o in out] == [
        (Kind.POLL, B2),
        (Kind.COMMAND_REPLY, "local:head-2"),
    ]
    # The grid worker of two buildings names one when not in a building group.
    out = await app.handle(say("/poll 问 | 甲 | 乙", chat="local:grid-1", sender="local:grid-1"))
    assert out[0].kind is Kind.ERROR and out[0].text.startswith(t.WHICH_BUILDING)
    out = await app.handle(
        say("/poll 1号楼 问 | 甲 | 乙", chat="local:grid-1", sender="local:grid-1")
    )
    assert (out[0].kind, out[0].chat, out[0].poll) == (Kind.POLL, B1, 2)
    # A resident who is no head cannot, in any form.
    out = await app.handle(say("发起投票 问 | 甲 | 乙"))
    assert out[0].kind is Kind.ERROR
    assert await app.store.polls.get(3) is None


async def test_no_quorum_configured_gives_counts_only(config: Config, tmp_path: Path) -> None:
    cfg = replace(config, polls=PollsConfig())
    bot = await open_at(cfg, tmp_path / "q.db", T0)
    await bot.handle(say("/poll 问 | 甲 | 乙 截止 今天晚上8点", sender="local:head-1"))
    outs = await bot.tick(T0.replace(hour=20))
    await bot.close()
    assert [o.kind for o in outs] == [Kind.POLL_RESULT]
    assert "通过" not in outs[0].text and "不成立" not in outs[0].text


async def test_equal_numbers_and_chat_after_the_command_words(app: Linli) -> None:
    await app.handle(say("大家好", sender="local:r1", name="甲"))
    await app.handle(say("/poll 问 | 甲 | 乙", sender="local:head-1"))
    out = await app.handle(say("投票 1 1", sender="local:r1", name="甲", minutes=1))
    assert out[0].kind is Kind.COMMAND_REPLY and "“甲”" in out[0].text
    out = await app.handle(say("/vote 1 1", sender="local:r1", name="甲", minutes=2))
    assert out[0].kind is Kind.COMMAND_REPLY and "已经选了" in out[0].text
    out = await app.handle(say("投票 第一号 2", sender="local:r1", name="甲", minutes=3))
    assert out[0].kind is Kind.COMMAND_REPLY and "“乙”" in out[0].text
    for chat in ("投票 大家都去了吗", "投 我一票吧", "评价 一下这个物业"):
        assert await app.handle(say(chat, sender="local:r1", name="甲", minutes=4)) == [], chat
    assert [v.choice for v in await app.store.polls.votes(1)] == [2]


async def test_forget_keeps_votes_but_not_who_cast_them_once_closed(app: Linli) -> None:
    for user, name in (("local:r1", "甲"), ("local:r2", "乙")):
        await app.handle(say("早", sender=user, name=name))
    await app.handle(say("/poll 问 | 甲 | 乙 截止 今天下午3点", sender="local:head-1"))
    await app.handle(say("/poll 问二 | 甲 | 乙", sender="local:head-1"))
    for number in (1, 2):
        await app.handle(say(f"投票 {number} 2", sender="local:r1", name="甲", minutes=1))
    await app.tick(T0.replace(hour=15))
    await app.handle(say("/forget", chat="local:r1", sender="local:r1", at=T0.replace(hour=16)))
    closed, still_open = await app.store.polls.votes(1), await app.store.polls.votes(2)
    assert [(v.name, v.choice) for v in closed] == [("", 2)]
    assert closed[0].user != "local:r1"
    assert [(v.user, v.name) for v in still_open] == [("local:r1", "")]
