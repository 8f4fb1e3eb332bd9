"""Personal numbers written the way phones and voice input write them are masked and
forgotten like plain ones (found by the red-team review after issue 14)."""

from __future__ import annotations

import pytest

from bot.app import Linli
from bot.model import Kind
from bot.privacy import mask, redact
from tests.conftest import say

# Full-width digits (a Chinese IME in full-width mode), dots between the groups, a
# full-width X at the end of an ID card number, a full-width plate, spoken digits.
WRITTEN = [
    ("１３８１２３４５６７０", "５６７０"),
    ("138.1234.5673", "5673"),
    ("１３８ １２３４ ５６７５", "５６７５"),
    ("138－1234－5676", "5676"),
    ("11010519491231002Ｘ", "002Ｘ"),
    ("京Ａ１２３４５", "３４５"),
    # Voice input writes the digits as characters.
    ("一三八一二三四五六七八", "五六七八"),
    ("幺三九 一二三四 五六七八", "五六七八"),
]


@pytest.mark.parametrize(("number", "tail"), WRITTEN)
def test_mask_and_redact_cover_full_width_and_dotted_numbers(number: str, tail: str) -> None:
    text = f"3单元电梯坏了，联系{number}谢谢"
    assert number not in mask(text)
    assert number not in redact(text) and tail not in redact(text)


async def test_show_masks_a_full_width_phone_for_residents(app: Linli) -> None:
    phone = "１３８１２３４５６７０"
    outs = await app.handle(say(f"3单元电梯坏了 有事打我{phone}"))
    assert outs[0].kind == Kind.ISSUE_CREATED
    await app.handle(say("大家好", sender="local:resident-3", name="王叔", minutes=0.5))
    for chat in ("local:resident-3", "local:building-1"):
        outs = await app.handle(say("/show 1", chat=chat, sender="local:resident-3", minutes=1))
        assert [o.kind for o in outs] == [Kind.COMMAND_REPLY]
        assert phone not in outs[0].text, chat


async def test_forget_redacts_the_reporters_reopen_note_in_the_issue_record(app: Linli) -> None:
    phone = "13812345699"
    head = {"sender": "local:head-1", "name": "张阿姨"}
    await app.handle(say("3单元楼道灯坏了"))
    await app.handle(say("收到 1", **head, minutes=1))
    await app.handle(say("办结 1", **head, minutes=2))
    await app.handle(say(f"还没修好 1 晚上还是不亮 联系{phone}", minutes=3))
    await app.handle(say("/forget", chat="local:resident-1", minutes=4))
    conn = app.store.db.conn
    async with conn.execute("SELECT text, note, location FROM issues") as cur:
        rows = [tuple(r) for r in await cur.fetchall()]
    assert rows and not any(phone in str(v) for r in rows for v in r), rows
