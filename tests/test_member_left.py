"""Someone who left (or was removed from) a building's group stops being its resident: they
cannot take a neighbour's help request, so no contact reaches them; writing in the group
again makes them a resident again. The dispatcher records the leave (bot/dispatch.py)."""

from __future__ import annotations

from dataclasses import replace

from bot.app import Linli
from bot.model import Kind
from tests.conftest import say

LEAVER = "local:r-leaver"
PHONE = "13812345678"


async def _leave(app: Linli, minutes: float, chat: str = "local:building-1") -> None:
    gone = replace(
        say("", chat=chat, sender=LEAVER, name="老赵", minutes=minutes), member_left=True
    )
    assert await app.handle(gone) == []  # nothing is said in the group


async def _posted_request(app: Linli, minutes: float) -> None:
    await app.handle(say("/need 明天谁能陪我妈去医院", sender="local:r-req", minutes=minutes))
    contact = say(f"/contact 电话 {PHONE}", chat="local:r-req", sender="local:r-req")
    assert not any(o.kind is Kind.ERROR for o in await app.handle(contact))
    await app.handle(say("/post 1", chat="local:r-req", sender="local:r-req", minutes=minutes))


async def test_a_resident_who_left_cannot_accept_and_gets_no_contact(app: Linli) -> None:
    await app.handle(say("大家好", sender=LEAVER, name="老赵"))
    await _leave(app, minutes=1)
    resident = await app.store.residents.get(LEAVER)
    assert resident is not None and resident.building is None
    await _posted_request(app, minutes=2)
    outs = await app.handle(say("/accept 1", chat=LEAVER, sender=LEAVER, name="老赵", minutes=3))
    assert outs and all(o.kind is Kind.ERROR for o in outs), outs
    assert not any(PHONE in o.text for o in outs)
    req = await app.store.help.request(1)
    assert req is not None and req.helper is None


async def test_a_pending_match_delivers_nothing_after_leaving(app: Linli) -> None:
    await app.handle(say("/offer 陪诊", sender=LEAVER, name="老赵"))
    outs = await app.handle(say("/need 明天谁能陪我妈去医院看病", sender="local:r-req", minutes=1))
    assert any(o.chat == LEAVER and o.kind is Kind.HELP_MATCH for o in outs), outs
    contact = say(f"/contact 电话 {PHONE}", chat="local:r-req", sender="local:r-req")
    assert not any(o.kind is Kind.ERROR for o in await app.handle(contact))
    await _leave(app, minutes=2)
    outs = await app.handle(say("/accept 1", chat=LEAVER, sender=LEAVER, name="老赵", minutes=3))
    assert not any(o.kind is Kind.HELP_CONNECTED for o in outs), outs
    assert not any(PHONE in o.text for o in outs)
    assert await app.store.help.offers_of(LEAVER, say("", minutes=3).at) == []


async def test_writing_in_the_group_again_restores_the_resident(app: Linli) -> None:
    await app.handle(say("大家好", sender=LEAVER, name="老赵"))
    await _leave(app, minutes=1)
    await app.handle(say("我又回来了", sender=LEAVER, name="老赵", minutes=2))
    resident = await app.store.residents.get(LEAVER)
    assert resident is not None and resident.building == "1号楼"
    await _posted_request(app, minutes=3)
    outs = await app.handle(say("/accept 1", chat=LEAVER, sender=LEAVER, name="老赵", minutes=4))
    assert any(o.kind is Kind.HELP_CONNECTED and PHONE in o.text for o in outs), outs


async def test_leaving_another_building_leaves_this_one_alone(app: Linli) -> None:
    await app.handle(say("大家好", sender=LEAVER, name="老赵"))
    await _leave(app, minutes=1, chat="local:building-2")
    resident = await app.store.residents.get(LEAVER)
    assert resident is not None and resident.building == "1号楼"
