"""Every field of an incoming message is cleaned when it is made (issue 14, item 5): a lone
surrogate, a NUL or a control character in a name or an id crashed handling at ``inbox.add``
(UnicodeEncodeError) and a NUL in a name was echoed back."""

from __future__ import annotations

import pytest

from bot.app import Linli
from bot.model import Incoming, Kind
from tests.conftest import T0, say

MAX_ID_CHARS, MAX_NAME_CHARS = 200, 64
HOSTILE = ["\ud83d", "\udfff坏", "a\x00b", "\x1b[31m红", "\u202e反转", "x" * 100_000, "\n\t"]


@pytest.mark.parametrize("bad", HOSTILE)
def test_every_field_is_clean_at_construction(bad: str) -> None:
    msg = Incoming(
        chat=f"local:{bad}",
        sender=f"local:{bad}",
        sender_name=bad,
        text=f"3单元楼道灯坏了{bad}",
        at=T0,
        message_id=bad,
        reply_to=f"r{bad}",
    )
    assert msg.reply_to is not None
    for value in (msg.chat, msg.sender, msg.sender_name, msg.text, msg.message_id, msg.reply_to):
        value.encode("utf-8")  # no lone surrogate left
        assert "\x00" not in value and "\x1b" not in value and "\u202e" not in value
    assert len(msg.sender_name) <= MAX_NAME_CHARS
    assert len(msg.chat) <= MAX_ID_CHARS and len(msg.message_id) <= MAX_ID_CHARS
    assert msg.sender_name.strip()
    assert "\n" not in msg.sender_name


@pytest.mark.parametrize("bad", HOSTILE)
async def test_hostile_names_and_ids_are_handled(app: Linli, bad: str) -> None:
    outs = await app.handle(say("3单元楼道灯坏了", name=f"小{bad}王", message_id=f"m{bad}"))
    assert [o.kind for o in outs] == [Kind.ISSUE_CREATED]
    for out in outs:
        out.text.encode("utf-8")
        assert "\x00" not in out.text and all(m.name.isprintable() for m in out.mentions)
    outs = await app.handle(
        say("/whoami", chat=f"local:{bad}", sender=f"local:{bad}", name=bad, minutes=1)
    )
    assert [o.kind for o in outs] == [Kind.COMMAND_REPLY]
    assert "\x00" not in outs[0].text
    outs[0].text.encode("utf-8")
