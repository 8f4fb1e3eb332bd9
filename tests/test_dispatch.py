from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest

from bot.app import Linli
from bot.commands import CommandCall
from bot.config import Config
from bot.feature import Command, Context, Feature
from bot.model import Incoming, Kind, Outgoing
from handlers import default_features
from storage.issues import NewIssue
from tests.conftest import T0, say


async def test_report_ack_path(app: Linli) -> None:
    outs = await app.handle(say("3单元楼道灯坏了好几天了"))
    assert [(o.kind, o.issue, o.chat) for o in outs] == [
        (Kind.ISSUE_CREATED, 1, "local:building-1")
    ]
    assert "第 1 号" in outs[0].text
    outs = await app.handle(say("/ack 1", sender="local:head-1", name="张阿姨", minutes=5))
    assert [(o.kind, o.issue) for o in outs] == [(Kind.ISSUE_STATUS, 1)]


async def test_chit_chat_gets_no_reply(app: Linli) -> None:
    assert await app.handle(say("大家早上好")) == []
    assert await app.handle(say("收到")) == []


async def test_redelivered_message_is_handled_once(app: Linli) -> None:
    first = await app.handle(say("2单元电梯坏了", message_id="tg-42"))
    again = await app.handle(say("2单元电梯坏了", message_id="tg-42"))
    assert len(first) == 1 and again == []
    assert await app.store.inbox.count() == 1
    assert await app.store.issues.get(2) is None


async def test_unknown_and_malformed_commands_get_clear_errors(app: Linli) -> None:
    outs = await app.handle(say("/frobnicate 1"))
    assert outs[0].kind is Kind.ERROR and "/help" in outs[0].text
    outs = await app.handle(say("/ack 99999999999", sender="local:head-1"))
    assert outs[0].kind is Kind.ERROR
    outs = await app.handle(say("/ack 7", sender="local:head-1"))
    assert outs[0].kind is Kind.ERROR and "第 7 号" in outs[0].text


async def test_unbound_group_only_answers_bind(app: Linli) -> None:
    assert await app.handle(say("楼道灯坏了", chat="local:elsewhere")) == []
    outs = await app.handle(say("/ack 1", chat="local:elsewhere", sender="local:head-1"))
    assert outs[0].kind is Kind.ERROR and "/bind" in outs[0].text
    outs = await app.handle(say("/bind", chat="local:elsewhere", sender="local:admin"))
    assert outs[0].kind is Kind.COMMAND_REPLY and "local:elsewhere" in outs[0].text
    outs = await app.handle(say("/bind", chat="local:elsewhere", sender="local:resident-1"))
    assert outs[0].kind is Kind.ERROR


async def test_huge_binary_message_is_stored_capped(app: Linli) -> None:
    text = "\x00\x01坏了" * 5000 + "\ud800"
    outs = await app.handle(say(text))
    assert all(o.kind in (Kind.ISSUE_CREATED, Kind.ERROR) for o in outs)
    assert await app.store.inbox.count() == 1


async def test_pending_message_is_recovered_after_a_crash(app: Linli) -> None:
    msg = say("3单元楼道灯坏了")
    inbox_id = await app.store.inbox.store(msg)  # stored, then "crashed" before handling
    assert inbox_id is not None
    assert await app.dispatcher.recover() == 1
    issue = await app.store.issues.get(1)
    assert issue is not None and issue.reporter == "local:resident-1"
    assert await app.dispatcher.recover() == 0


async def test_recovery_racing_with_handling_handles_once(app: Linli) -> None:
    msg = say("3单元楼道灯坏了")
    inbox_id = await app.store.inbox.store(msg)
    assert inbox_id is not None
    await asyncio.gather(app.dispatcher.process(inbox_id, msg), app.dispatcher.recover())
    assert await app.store.issues.get(1) is not None
    assert await app.store.issues.get(2) is None
    queued = await app.store.outbox.due(None, msg.at)
    assert [o.message.kind for o in queued] == [Kind.ISSUE_CREATED]


@pytest.fixture
def app(app_each_backend: Linli) -> Linli:
    """Every test here runs on both SQLite engines and on PostgreSQL."""
    return app_each_backend


async def _boom(msg: Incoming, ctx: Context, call: CommandCall) -> list[Outgoing]:
    await ctx.store.issues.create(
        NewIssue("1号楼", msg.chat, msg.sender, "x", "半截写入", "other", False, None, ()), ctx.now
    )
    if call.name == "dbfail":
        raise sqlite3.OperationalError("disk I/O error")
    raise ValueError("a bug")


async def test_handler_bug_is_rolled_back_and_database_fault_left_pending(
    config: Config, database: str | Path
) -> None:
    boom = Feature("boom", commands=(Command("boom", _boom, "x"), Command("dbfail", _boom, "x")))
    app = await Linli.open(config, database=database, features=[*default_features(), boom])
    try:
        await app.start(T0)
        outs = await app.handle(say("/boom"))
        assert [o.kind for o in outs] == [Kind.ERROR] and "出了点问题" in outs[0].text
        assert await app.store.issues.get(1) is None  # the half-done write was rolled back
        assert await app.store.inbox.pending() == []  # a bug is answered, not retried forever
        assert await app.handle(say("/dbfail")) == []  # stored, left pending, logged
        assert [m.text for _, m in await app.store.inbox.pending()] == ["/dbfail"]
        assert await app.store.issues.get(1) is None
    finally:
        await app.close()
