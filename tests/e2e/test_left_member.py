"""A person who left (or was removed from) their building's Telegram group is no longer one
of its residents: they cannot take a neighbour's help request and receive the requester's
contact. Found by the red-team review after issue 14: Telegram's ``left_chat_member``
service message used to be ignored and nothing removed a resident's building."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.fake_bot_api import message, text_update, user
from tests.e2e.telegram_harness import (
    BUILDING_CHAT,
    RESIDENT,
    fake_api,
    running_bot,
    write_config,
)

pytestmark = pytest.mark.timeout(30)

LEAVER = 7002
PHONE = "13812345678"


async def test_someone_who_left_the_group_cannot_take_a_request(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with fake_api() as server:
        config = write_config(tmp_path, server.base_url)
        async with running_bot(config, monkeypatch):
            await server.push(text_update(BUILDING_CHAT, LEAVER, "老赵", "大家好"))
            await server.push(text_update(BUILDING_CHAT, RESIDENT, "小王", "大家好"))
            left = user(LEAVER, "老赵")
            await server.push(
                {"message": message(BUILDING_CHAT, LEAVER, "老赵", left_chat_member=left)}
            )
            await server.push(text_update(RESIDENT, RESIDENT, "小王", f"/contact 电话 {PHONE}"))
            await server.wait_for(lambda s: len(s.sent) == 1)
            await server.push(
                text_update(RESIDENT, RESIDENT, "小王", "/need 明天谁能陪我妈去医院看病")
            )
            await server.wait_for(lambda s: len(s.sent) == 2)
            await server.push(text_update(RESIDENT, RESIDENT, "小王", "/post 1"))
            await server.wait_for(lambda s: len(s.sent) == 4)
            await server.push(text_update(LEAVER, LEAVER, "老赵", "/accept 1"))
            await server.wait_for(lambda s: any(m.get("chat_id") == LEAVER for m in s.sent))
            to_leaver = [str(m.get("text")) for m in server.sent if m.get("chat_id") == LEAVER]
    assert not any(PHONE in text for text in to_leaver), to_leaver
