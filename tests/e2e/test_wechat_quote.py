"""A WeChat quote of the bot's message: "收到" quoting the message about an issue means that
issue. Gateways give the quoted text, not its id; the bot remembers each sent text by a key
made from its beginning (bot/adapters/wechat.py: quote_key, split_quote)."""

from __future__ import annotations

from dataclasses import replace

from bot.adapters.wechat import MENTION_SEPARATOR, quote_key, split_quote
from bot.app import Linli
from bot.model import Kind
from tests.conftest import say

DASHES = "- - - - - - - - - - - - - - -"


def test_a_quote_reply_is_split_from_the_quoted_text() -> None:
    text = f"「邻里助手：@小王{MENTION_SEPARATOR}已记录为第 2 号问题：照明（2单元）。」\n{DASHES}\n收到"
    reply, key = split_quote(text)
    assert reply == "收到"
    assert key == quote_key(
        "已记录为第 2 号问题：照明（2单元）。已通知楼栋长，处理进展会在这里告诉您。"
    )


def test_an_ordinary_message_is_not_a_quote() -> None:
    assert split_quote("「通知」明天停水") == ("「通知」明天停水", None)
    assert split_quote("收到 3") == ("收到 3", None)


async def test_quoting_the_bots_message_about_an_issue_acts_on_it(app: Linli) -> None:
    for n in (1, 2):
        await app.handle(say(f"{n}单元楼道灯坏了", minutes=n))
    queued = await app.store.outbox.due(None, say("x", minutes=5).at, limit=10)
    about_2 = next(q.message for q in queued if q.message.issue == 2)
    await app.store.outbox.remember_sent(about_2, ["wx-1", quote_key(about_2.text)])
    quoted = f"「邻里助手：@小王{MENTION_SEPARATOR}{about_2.text[:50]}」\n{DASHES}\n收到"
    text, reply_to = split_quote(quoted)
    msg = replace(say(text, minutes=10, sender="local:head-1", name="张阿姨"), reply_to=reply_to)
    outs = await app.handle(msg)
    assert [(o.kind, o.issue) for o in outs] == [(Kind.ISSUE_STATUS, 2)]
