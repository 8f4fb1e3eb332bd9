"""A Telegram reply to the bot's message carries the replied message's id as reply_to."""

from __future__ import annotations

from datetime import UTC, datetime

from telegram import Bot, Update

from bot.adapters.telegram_translate import translate_update
from bot.model import Incoming


def _update(reply_to_bot: bool) -> Update:
    when = int(datetime(2026, 5, 1, 1, 0, tzinfo=UTC).timestamp())
    chat = {"id": -1001, "type": "supergroup", "title": "1号楼"}
    message = {
        "message_id": 77,
        "date": when,
        "chat": chat,
        "from": {"id": 5, "is_bot": False, "first_name": "张阿姨"},
        "text": "收到",
    }
    if reply_to_bot:
        message["reply_to_message"] = {
            "message_id": 42,
            "date": when,
            "chat": chat,
            "from": {"id": 9, "is_bot": True, "first_name": "邻里助手"},
            "text": "已记录为第 2 号问题",
        }
    return Update.de_json({"update_id": 1, "message": message}, Bot("1:x"))


def test_a_reply_names_the_message_replied_to() -> None:
    msg = translate_update(_update(True))
    assert isinstance(msg, Incoming) and msg.reply_to == "42"


def test_a_plain_message_replies_to_nothing() -> None:
    msg = translate_update(_update(False))
    assert isinstance(msg, Incoming) and msg.reply_to is None
