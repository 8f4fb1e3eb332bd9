"""Issue 14, item 3: the Telegram webhook and group migrations cannot be forged.

A webhook without a secret accepted forged updates (a forged ``/resolve 1`` from a head's id),
and a forged ``migrate_from_chat_id`` redirected a building's replies to another chat. Now the
webhook refuses to start without the secret, answers 200 only once the update is stored, and
a migration is followed only when Telegram's ``getChat`` confirms it.
"""

from __future__ import annotations

import asyncio
import os
import socket
import sqlite3
import subprocess
import sys
from pathlib import Path

import aiohttp
import pytest

from bot.config import load_config
from tests.conftest import ROOT
from tests.e2e.fake_bot_api import TOKEN, message, text_update
from tests.e2e.telegram_harness import (
    BUILDING_CHAT,
    RESIDENT,
    TOKEN_ENV,
    eventually,
    fake_api,
    running_bot,
    write_config,
)

pytestmark = pytest.mark.timeout(60)

SECRET_ENV = "LINLI_TELEGRAM_WEBHOOK_SECRET"
HOOK = 'webhook_url = "https://bot.example.org/tg/hook"\nwebhook_listen = "127.0.0.1:{port}"'


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_a_webhook_without_a_secret_does_not_start(tmp_path: Path) -> None:
    config = write_config(tmp_path, "http://127.0.0.1:9/bot", HOOK.format(port=free_port()))
    env = {k: v for k, v in os.environ.items() if k != SECRET_ENV}
    env[TOKEN_ENV] = TOKEN
    done = subprocess.run(
        [sys.executable, "-m", "bot.cli", "run", "--config", str(config.source)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1, done.stderr
    assert f"${SECRET_ENV} is empty" in done.stderr
    assert "Traceback" not in done.stderr


async def test_the_webhook_answers_only_after_the_update_is_stored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    port = free_port()
    monkeypatch.setenv(SECRET_ENV, "s3cret-token")
    async with fake_api() as server:
        config = write_config(tmp_path, server.base_url, HOOK.format(port=port))
        # The aiosqlite engine waits for the database off the loop, so the test can go on.
        path = Path(config.source)
        path.write_text(
            path.read_text(encoding="utf-8").replace(
                'database = "linli.db"', 'database = "linli.db"\nengine = "aiosqlite"'
            ),
            encoding="utf-8",
        )
        config = load_config(path)
        async with running_bot(config, monkeypatch) as bot, aiohttp.ClientSession() as http:
            update = {"update_id": 1, **text_update(BUILDING_CHAT, RESIDENT, "小王", "电梯坏了")}
            headers = {"X-Telegram-Bot-Api-Secret-Token": "s3cret-token"}
            url = f"http://127.0.0.1:{port}/tg/hook"
            other = sqlite3.connect(bot.app.store.db.path, timeout=0.1)
            other.execute("BEGIN IMMEDIATE")  # the database cannot store anything now
            try:
                posted = asyncio.create_task(http.post(url, json=update, headers=headers))
                await asyncio.sleep(1.5)
                assert not posted.done(), "answered before the update was stored"
            finally:
                other.rollback()
                other.close()
            response = await asyncio.wait_for(posted, 30)
            assert response.status == 200
            assert await bot.app.store.inbox.count() == 1
            response.release()
            await server.wait_for(lambda s: len(s.sent) == 1, 10)
    assert "第 1 号问题" in server.sent[0]["text"]


async def test_a_forged_migration_does_not_redirect_a_building(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    attacker_chat = -1009999
    async with fake_api() as server:
        config = write_config(tmp_path, server.base_url)
        async with running_bot(config, monkeypatch) as bot:
            forged = message(attacker_chat, 6666, "攻击者", migrate_from_chat_id=BUILDING_CHAT)
            await server.push({"message": forged})
            await server.push(text_update(BUILDING_CHAT, RESIDENT, "小王", "3单元楼道灯坏了"))
            await server.wait_for(lambda s: len(s.sent) == 1)
            await eventually(lambda: len(bot.recording.sent) == 1)
            assert bot.adapter.migrations == {}
            assert await bot.app.store.kv.get("telegram.chat_migrations") is None
    [reply] = server.sent
    assert reply["chat_id"] == BUILDING_CHAT
    assert not [m for m in server.sent if m["chat_id"] == attacker_chat]
    assert server.calls_of("getChat")
