"""The grammar through the whole bot: several numbers in one reply, notes, replies to the
bot's own messages, hints, and a resident's "收到" that stays chat."""

from __future__ import annotations

from dataclasses import replace

from bot.app import Linli
from bot.model import Kind
from storage.issues import IssueStatus
from tests.conftest import say

HEAD = {"sender": "local:head-1", "name": "张阿姨"}


async def _reports(app: Linli, count: int) -> None:
    for n in range(1, count + 1):
        await app.handle(say(f"{n}单元楼道灯坏了", minutes=n))


async def test_several_numbers_get_one_reply_listing_them_all(app: Linli) -> None:
    await _reports(app, 3)
    outs = await app.handle(say("收到 1 2 3", minutes=10, **HEAD))
    assert len(outs) == 1
    assert (outs[0].kind, outs[0].issue, outs[0].issues) == (Kind.ISSUE_STATUS, 1, (1, 2, 3))
    for n in (1, 2, 3):
        issue = await app.store.issues.get(n)
        assert issue is not None and issue.status is IssueStatus.ACKNOWLEDGED


async def test_a_missing_number_is_said_in_the_same_reply(app: Linli) -> None:
    await _reports(app, 2)
    outs = await app.handle(say("办结 1、2、9 已换灯泡", minutes=10, **HEAD))
    assert len(outs) == 1 and outs[0].issues == (1, 2, 9)
    assert "已换灯泡" in outs[0].text and "9" in outs[0].text


async def test_the_note_is_posted_with_the_status_change(app: Linli) -> None:
    await _reports(app, 1)
    outs = await app.handle(say("收到1 已经打了119 消防车来了", minutes=10, **HEAD))
    assert "已经打了119 消防车来了" in outs[0].text and outs[0].kind is Kind.ISSUE_STATUS


async def test_a_reply_to_the_bots_message_names_the_issue(app: Linli) -> None:
    await _reports(app, 2)
    created = await app.store.outbox.due(None, say("x", minutes=5).at, limit=10)
    about_2 = next(q for q in created if q.message.issue == 2)
    await app.store.outbox.remember_sent(about_2.message, ["tg-42"])
    outs = await app.handle(replace(say("收到", minutes=10, **HEAD), reply_to="tg-42"))
    assert [(o.kind, o.issue) for o in outs] == [(Kind.ISSUE_STATUS, 2)]
    # A resident's "收到" in reply to the same message is "got it": no error, no change.
    resident = await app.handle(replace(say("收到", minutes=11), reply_to="tg-42"))
    assert not [o for o in resident if o.kind is Kind.ERROR]


async def test_a_command_word_to_the_bot_without_a_number_gets_a_hint(app: Linli) -> None:
    await _reports(app, 1)
    outs = await app.handle(say("@邻里助手 收到", minutes=10, **HEAD))
    assert [o.kind for o in outs] == [Kind.ERROR] and "收到 3" in outs[0].text
    assert await app.handle(say("收到", minutes=11, **HEAD)) == []
