"""``[web] enabled = true``: ``linli run`` serves the console on the same database as the bot
(the way on SQLite). End to end against the fake Bot API: the head asks for a link on
Telegram, signs in over HTTP, acknowledges an issue, and the Telegram group gets the status."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

import aiohttp
import pytest

from bot.runner import run
from tests.e2e.fake_bot_api import TOKEN, text_update
from tests.e2e.telegram_harness import (
    BUILDING_CHAT,
    HEAD,
    RESIDENT,
    TOKEN_ENV,
    eventually,
    fake_api,
    write_config,
)
from tests.reliability.test_webhook_security import free_port

pytestmark = pytest.mark.timeout(90)
_CSRF = re.compile(r'name="csrf" value="([^"]+)"')


async def test_linli_run_serves_the_console(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    port = free_port()
    monkeypatch.setenv(TOKEN_ENV, TOKEN)
    monkeypatch.setenv("LINLI_WEB_SECRET", "w" * 40)
    async with fake_api() as server:
        config = write_config(
            tmp_path, server.base_url, f"\n[web]\nenabled = true\nport = {port}\n"
        )
        stop = asyncio.Event()
        task = asyncio.create_task(run(config, stop))
        try:
            await server.push(text_update(BUILDING_CHAT, RESIDENT, "小王", "3单元楼道灯坏了"))
            await server.wait_for(lambda s: any("第 1 号问题" in str(m["text"]) for m in s.sent))
            await server.push(text_update(HEAD, HEAD, "张阿姨", "后台"))

            def link() -> str | None:
                for m in server.sent:
                    found = re.search(r"http://127\.0\.0\.1:\d+/login\?token=\S+", str(m["text"]))
                    if found and m["chat_id"] in (HEAD, str(HEAD)):
                        return found.group()
                return None

            await eventually(lambda: link() is not None, timeout=20)
            url = link()
            assert url is not None and url.startswith(f"http://127.0.0.1:{port}/")
            # unsafe: keep cookies of an IP address host (127.0.0.1).
            jar = aiohttp.CookieJar(unsafe=True)
            async with aiohttp.ClientSession(cookie_jar=jar) as http:
                async with http.get(url) as page:
                    csrf = _CSRF.search(await page.text())
                assert csrf is not None
                token = url.split("token=", 1)[1]
                data = {"csrf": csrf.group(1), "token": token}
                async with http.post(f"http://127.0.0.1:{port}/login", data=data) as signed:
                    assert signed.status == 200 and str(signed.url).endswith("/issues")
                    assert "3单元楼道灯坏了" in await signed.text()
                async with http.get(f"http://127.0.0.1:{port}/issues/1") as page:
                    csrf = _CSRF.search(await page.text())
                assert csrf is not None
                form = {"csrf": csrf.group(1), "action": "ack", "note": "马上去看"}
                async with http.post(f"http://127.0.0.1:{port}/issues/1/act", data=form) as done:
                    assert done.status == 200 and 'class="ok" id="flash"' in await done.text()

            def group_told() -> bool:
                return any(
                    m["chat_id"] in (BUILDING_CHAT, str(BUILDING_CHAT))
                    and "张阿姨受理" in str(m["text"])
                    and "马上去看" in str(m["text"])
                    for m in server.sent
                )

            await eventually(group_told, timeout=20)
        finally:
            stop.set()
            await asyncio.wait_for(task, 30)
