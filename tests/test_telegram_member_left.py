"""Telegram updates that say someone left a group become ``member_left`` Incomings."""

from __future__ import annotations

from typing import Any

from telegram import Bot, Update

from bot.adapters.telegram_translate import Ignored, translate_update
from bot.model import Incoming

GROUP = {"id": -1001, "type": "supergroup", "title": "1号楼邻里群"}
LEAVER = {"id": 7002, "is_bot": False, "first_name": "老赵"}
HEAD = {"id": 7001, "is_bot": False, "first_name": "张阿姨"}


def _update(**fields: Any) -> Update:
    return Update.de_json({"update_id": 41, **fields}, Bot("1:x"))


def _member(status: str) -> dict[str, Any]:
    extra = {"until_date": 0} if status == "kicked" else {}
    return {"status": status, "user": LEAVER, **extra}


def _change(old: str, new: str) -> Update:
    change = {
        "chat": GROUP,
        "from": HEAD,
        "date": 1_700_000_000,
        "old_chat_member": _member(old),
        "new_chat_member": _member(new),
    }
    return _update(chat_member=change)


def test_a_left_service_message_is_the_leaver_leaving() -> None:
    message = {
        "message_id": 9,
        "date": 1_700_000_000,
        "chat": GROUP,
        "from": HEAD,  # removed by the head: the leaver is the member, not the sender
        "left_chat_member": LEAVER,
    }
    msg = translate_update(_update(message=message))
    assert isinstance(msg, Incoming)
    assert (msg.chat, msg.sender, msg.sender_name) == ("telegram:-1001", "telegram:7002", "老赵")
    assert msg.member_left and msg.text == "" and msg.message_id == "9"


def test_a_chat_member_update_to_left_or_kicked_is_a_leave() -> None:
    for new in ("left", "kicked"):
        msg = translate_update(_change("member", new))
        assert isinstance(msg, Incoming) and msg.member_left, new
        assert msg.sender == "telegram:7002" and msg.message_id == "member-update-41"


def test_other_chat_member_changes_are_ignored() -> None:
    assert isinstance(translate_update(_change("left", "member")), Ignored)
    assert isinstance(translate_update(_change("left", "kicked")), Ignored)


def test_a_join_is_still_ignored() -> None:
    message = {"message_id": 10, "date": 1, "chat": GROUP, "from": LEAVER}
    update = _update(message={**message, "new_chat_members": [LEAVER]})
    assert isinstance(translate_update(update), Ignored)
