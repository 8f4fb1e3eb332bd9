"""/show masks personal numbers for everyone but the building's staff (issue 14, item 2), and
/forget leaves none of the person's contacts, numbers or sign-up names anywhere (item 7)."""

from __future__ import annotations

from typing import Any

from bot.app import Linli
from bot.model import Kind
from tests.conftest import say

PHONE = "13812345678"
ID_CARD = "110101199003071234"
PLATE = "京A12345"
REPORT = f"3单元电梯坏了，有事打我{PHONE}，身份证{ID_CARD}，车牌{PLATE}也被困在车库"


async def reported(app: Linli) -> None:
    outs = await app.handle(say(REPORT))
    assert [o.kind for o in outs][:1] == [Kind.ISSUE_CREATED]
    await app.handle(say("大家好", sender="local:resident-3", name="王叔", minutes=0.5))


def shows_numbers(text: str) -> bool:
    return PHONE in text or ID_CARD in text or PLATE in text


async def test_show_masks_numbers_for_residents_in_any_chat(app: Linli) -> None:
    await reported(app)
    for chat in ("local:resident-3", "local:building-1"):
        outs = await app.handle(say("/show 1", chat=chat, sender="local:resident-3", minutes=1))
        assert [o.kind for o in outs] == [Kind.COMMAND_REPLY]
        assert not shows_numbers(outs[0].text), chat
        assert "138****5678" in outs[0].text
    # The reporter too, once it is in a chat (their own number is theirs, but the reply
    # is kept the same for every resident).
    outs = await app.handle(say("/show 1", chat="local:resident-1", minutes=2))
    assert not shows_numbers(outs[0].text)


async def test_show_is_unmasked_for_the_buildings_staff_privately(app: Linli) -> None:
    await reported(app)
    outs = await app.handle(
        say("/show 1", chat="local:head-1", sender="local:head-1", name="张阿姨", minutes=1)
    )
    assert [o.kind for o in outs] == [Kind.COMMAND_REPLY] and PHONE in outs[0].text


async def test_forget_redacts_numbers_in_what_the_person_reported(app: Linli) -> None:
    await reported(app)
    await app.handle(say("/forget", chat="local:resident-1", minutes=1))
    outs = await app.handle(
        say("/show 1", chat="local:head-1", sender="local:head-1", name="张阿姨", minutes=2)
    )
    assert [o.kind for o in outs] == [Kind.COMMAND_REPLY]
    assert not shows_numbers(outs[0].text) and "电梯" in outs[0].text


async def all_rows(app: Linli) -> dict[str, list[tuple[Any, ...]]]:
    conn = app.store.db.conn
    tables = await app.store.db.table_names()
    out = {}
    for table in tables:
        async with conn.execute(f"SELECT * FROM {table}") as cur:
            out[table] = [tuple(r) for r in await cur.fetchall()]
    return out


async def test_forget_leaves_nothing_in_any_table(app: Linli) -> None:
    first, second = "13900001111", "13700002222"
    me = {"sender": "local:resident-7", "name": "老李头"}
    dm = {"chat": "local:resident-7", **me}
    await app.handle(say("/offer 修电脑 陪诊", **me))
    await app.handle(say(f"/contact 电话 {first}", **dm, minutes=1))
    # First request: connected while the first number was the contact.
    await app.handle(say("/need 谁能帮我修电脑", sender="local:resident-8", name="小周", minutes=2))
    outs = await app.handle(say("/accept 1", **dm, minutes=3))
    assert any(first in o.text and o.chat == "local:resident-8" for o in outs)
    # The contact changes; a second request is connected with the new one.
    await app.handle(say(f"/contact 微信 laoli-{second}", **dm, minutes=4))
    await app.handle(
        say("/need 明天谁能陪我去医院", sender="local:resident-9", name="小吴", minutes=5)
    )
    outs = await app.handle(say("/accept 2", **dm, minutes=6))
    assert any(second in o.text and o.chat == "local:resident-9" for o in outs)
    # A report with personal numbers, an event sign-up under the name.
    await app.handle(say(f"5单元电梯坏了，有事打我{PHONE}，车牌{PLATE}", **me, minutes=7))
    await app.handle(
        say("/event add 2026-06-20 15:00 茶话会", sender="local:head-1", name="张阿姨", minutes=8)
    )
    await app.handle(say("报名 1", **me, minutes=9))
    at = say("x", minutes=10).at
    for item in await app.store.outbox.due(None, at, limit=500):
        await app.store.outbox.mark_sent(item.id, at)

    outs = await app.handle(say("/forget", **dm, minutes=11))
    assert outs and outs[0].kind is Kind.COMMAND_REPLY

    secrets = (first, second, PHONE, PLATE, "laoli")
    for table, rows in (await all_rows(app)).items():
        for row in rows:
            text = " ".join(str(v) for v in row)
            for secret in secrets:
                assert secret not in text, (table, secret, text)
            # The issue record keeps who reported it (the building's history); nothing else
            # keeps the name.
            if table not in ("issues", "issue_followers"):
                assert "老李头" not in text, (table, text)
    # The event list still counts the place, without the name.
    outs = await app.handle(say("/event who 1", sender="local:head-1", name="张阿姨", minutes=12))
    assert "一位邻居" in outs[0].text and "老李头" not in outs[0].text
