"""``linli run`` prints no bot token when Telegram rejects it (red-team review after issue
14): the error it prints goes to stderr, past the logging filter, and python-telegram-bot's
InvalidToken message quotes the token."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

from tests.e2e.fake_bot_api import FakeBotApi
from tests.e2e.launch import linli_run
from tests.e2e.telegram_harness import TOKEN_ENV, write_config

ROOT = Path(__file__).resolve().parents[2]
# Shaped like a real token but not the fake API's: it is rejected with 401.
WRONG_TOKEN = "7412345678:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw-x"
# Not shaped like a token at all: only knowing the variable's value can hide it.
ODD_TOKEN = "odd-token-value-1234"


async def run_once(config: Path, token: str) -> tuple[int, str]:
    proc = await linli_run(
        config, env={**os.environ, TOKEN_ENV: token}, stdout=asyncio.subprocess.PIPE
    )
    out, err = await asyncio.wait_for(proc.communicate(), timeout=60)
    return proc.returncode or 0, out.decode() + err.decode()


async def test_a_rejected_token_is_not_printed(tmp_path: Path) -> None:
    server = FakeBotApi(privacy_mode=False)
    await server.start()
    try:
        write_config(tmp_path, server.base_url)
        config = tmp_path / "community.toml"
        for token in (WRONG_TOKEN, ODD_TOKEN):
            code, printed = await run_once(config, token)
            assert code == 1 and "rejected the bot token" in printed, printed
            assert token not in printed, printed
            assert token.split(":")[-1] not in printed, printed
    finally:
        await server.stop()
