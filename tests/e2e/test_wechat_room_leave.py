"""End to end: a WeChat room-leave event from the gateway ends a resident's rights in that
building, as Telegram's left_chat_member does (see tests/e2e/test_left_member.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_wechat import RESIDENT, ROOM, open_world

pytestmark = pytest.mark.timeout(30)


async def test_a_resident_who_leaves_the_room_is_no_longer_its_resident(tmp_path: Path) -> None:
    async with open_world(tmp_path) as world:
        world.fake.say("大家好", talker=RESIDENT, room=ROOM)
        await world.handled(1)
        resident = await world.app.store.residents.get(f"wechat:{RESIDENT}")
        assert resident is not None and resident.building == "1号楼"
        world.fake.leave(ROOM, [RESIDENT])
        await world.handled(2)
        resident = await world.app.store.residents.get(f"wechat:{RESIDENT}")
        assert resident is not None and resident.building is None
        # Private commands for members are refused now.
        world.fake.say("/needs", talker=RESIDENT)
        await world.handled(3)
        [refusal] = await world.deliver(1)
        assert refusal.conversation_id == RESIDENT and "居民服务" in refusal.text, refusal
