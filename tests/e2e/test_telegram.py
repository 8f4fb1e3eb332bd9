"""End to end: the real python-telegram-bot Application, polling a local Bot API server."""

from __future__ import annotations

import logging
import socket
from pathlib import Path

import aiohttp
import pytest

from bot.adapters.telegram_texts import PRIVACY_WARNING
from tests.e2e.fake_bot_api import message, text_update
from tests.e2e.telegram_harness import (
    ADMIN,
    BUILDING_CHAT,
    HEAD,
    RESIDENT,
    eventually,
    fake_api,
    running_bot,
    write_config,
)

pytestmark = pytest.mark.timeout(30)

RESIDENT_LINK = f'<a href="tg://user?id={RESIDENT}">@小王</a>'


async def test_report_and_ack_in_a_group(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    async with fake_api() as server:
        config = write_config(tmp_path, server.base_url)
        async with running_bot(config, monkeypatch) as bot:
            await server.push(
                text_update(BUILDING_CHAT, RESIDENT, "小王", "3单元楼道灯坏了好几天了")
            )
            await server.wait_for(lambda s: len(s.sent) == 1)
            created = server.sent[0]
            assert created["chat_id"] == BUILDING_CHAT
            assert created["parse_mode"] == "HTML"
            assert created["text"].startswith(RESIDENT_LINK + " ")
            assert "第 1 号问题" in created["text"]

            await server.push(text_update(BUILDING_CHAT, HEAD, "张阿姨", "/ack@linli_test_bot 1"))
            await server.wait_for(lambda s: len(s.sent) == 2)
            status = server.sent[1]
            assert status["chat_id"] == BUILDING_CHAT
            assert RESIDENT_LINK in status["text"] and "张阿姨受理" in status["text"]
            await eventually(lambda: len(bot.recording.sent) == 2)
            assert bot.kinds() == ["issue_created", "issue_status"]
            await server.wait_for(lambda s: len(s.commands) >= 4)

    assert PRIVACY_WARNING in caplog.text
    menus = {str(c.get("scope", {}).get("type")): c for c in server.commands}
    default = [c["command"] for c in menus["default"]["commands"]]
    assert "help" in default and "ack" not in default
    staff = [c for c in server.commands if c.get("scope", {}).get("type") == "chat_member"]
    assert {(c["scope"]["chat_id"], c["scope"]["user_id"]) for c in staff} == {
        (BUILDING_CHAT, HEAD),
        (BUILDING_CHAT, ADMIN),
    }
    assert all("ack" in [x["command"] for x in c["commands"]] for c in staff)


async def test_odd_updates_do_not_crash_and_upgraded_group_keeps_its_building(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    new_chat = -1002001
    async with fake_api(privacy_mode=False) as server:
        config = write_config(tmp_path, server.base_url)
        async with running_bot(config, monkeypatch) as bot:
            edited = message(BUILDING_CHAT, RESIDENT, "小王", text="电梯坏了", edit_date=1)
            await server.push({"edited_message": edited})
            sticker = {
                "file_id": "s1",
                "file_unique_id": "u1",
                "type": "regular",
                "width": 512,
                "height": 512,
                "is_animated": False,
                "is_video": False,
            }
            await server.push(
                {"message": message(BUILDING_CHAT, RESIDENT, "小王", sticker=sticker)}
            )
            joined = {"new_chat_members": [{"id": 7002, "is_bot": False, "first_name": "新邻居"}]}
            await server.push({"message": message(BUILDING_CHAT, 7002, "新邻居", **joined)})
            server.upgrade_group(BUILDING_CHAT, new_chat)
            await server.push(
                {"message": message(BUILDING_CHAT, HEAD, "张阿姨", migrate_to_chat_id=new_chat)}
            )
            await server.push(
                {"message": message(new_chat, HEAD, "张阿姨", migrate_from_chat_id=BUILDING_CHAT)}
            )
            await server.push(text_update(new_chat, RESIDENT, "小王", "2单元电梯坏了"))
            await server.push(text_update(RESIDENT, RESIDENT, "小王", "/start"))
            await server.wait_for(lambda s: len(s.sent) == 3)
            await eventually(lambda: len(bot.recording.sent) == 3)

            assert bot.adapter.migrations == {f"telegram:{BUILDING_CHAT}": f"telegram:{new_chat}"}
            assert await bot.app.store.kv.get("telegram.chat_migrations")

    by_chat = {(m["chat_id"], m["text"][:40]) for m in server.sent}
    assert all(chat in (new_chat, RESIDENT) for chat, _ in by_chat)
    notice, created, started = server.sent
    assert f"telegram:{new_chat}" in notice["text"] and notice["chat_id"] == new_chat
    assert "第 1 号问题" in created["text"] and created["chat_id"] == new_chat
    assert started["chat_id"] == RESIDENT
    assert bot.kinds() == ["command_reply", "issue_created", "command_reply"]
    assert PRIVACY_WARNING not in caplog.text
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


async def test_webhook_mode_receives_updates_with_the_secret(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LINLI_TELEGRAM_WEBHOOK_SECRET", "s3cret-token")
    async with fake_api() as server:
        # A free port picked once the fake server holds its own (it once got the same one).
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        extra = (
            f'webhook_url = "https://bot.example.org/tg/hook"\nwebhook_listen = "127.0.0.1:{port}"'
        )
        config = write_config(tmp_path, server.base_url, extra)
        async with running_bot(config, monkeypatch), aiohttp.ClientSession() as http:
            assert server.webhook is not None
            assert server.webhook["url"] == "https://bot.example.org/tg/hook"
            assert server.webhook["secret_token"] == "s3cret-token"
            update = {"update_id": 1, **text_update(BUILDING_CHAT, RESIDENT, "小王", "电梯坏了")}
            url = f"http://127.0.0.1:{port}/tg/hook"
            async with http.post(url, json=update) as forged:
                assert forged.status == 403  # no secret: refused
            headers = {"X-Telegram-Bot-Api-Secret-Token": "s3cret-token"}
            async with http.post(url, json=update, headers=headers) as real:
                assert real.status == 200
            await server.wait_for(lambda s: len(s.sent) == 1)
    assert "第 1 号问题" in server.sent[0]["text"]
    assert not server.calls_of("getUpdates")
