"""The device hook ``POST /hooks/checkin`` through real HTTP requests: served by the hook
server on a free local port, and by ``linli run`` itself (with Telegram against the fake Bot
API), where the device event ends as a Telegram message to the head."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import aiohttp
import pytest

from bot.app import Linli
from bot.config import Config, load_config
from bot.config.care import HooksConfig
from bot.hooks import BadHookRequest, HookConfigError, HookServer, parse_body
from bot.runner import RunError, run
from tests.conftest import T0, say
from tests.e2e.fake_bot_api import TOKEN
from tests.e2e.telegram_harness import HEAD, TOKEN_ENV, eventually, fake_api, write_config
from tests.reliability.test_webhook_security import free_port

pytestmark = pytest.mark.timeout(60)

SECRET = "device-gateway-secret-1"
ELDER = "local:elder-1"


async def enrol(app: Linli, person: str = ELDER, head_chat: str = "local:head-1") -> None:
    head = head_chat
    await app.handle(say(f"/checkin add {person} 王奶奶", chat=head, sender=head, name="张阿姨"))
    await app.handle(say("好", chat=person, sender=person, name="王奶奶", minutes=1))


def hooks_env() -> dict[str, str]:
    return {"LINLI_HOOKS_TOKEN": SECRET}


@pytest.fixture
async def hook(app: Linli) -> AsyncIterator[str]:
    # Script time, not the real clock: 10:00 on a weekday, outside quiet hours.
    clock = lambda: T0 + timedelta(hours=1)  # noqa: E731
    server = HookServer(app, HooksConfig(enabled=True, listen="127.0.0.1:0"), hooks_env(), clock)
    await server.start()
    try:
        yield f"http://127.0.0.1:{server.port}/hooks/checkin"
    finally:
        await server.stop()


async def post(url: str, body: object, token: str | None = SECRET) -> tuple[int, dict[str, str]]:
    headers = {"Authorization": f"Bearer {token}"} if token is not None else {}
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    async with aiohttp.ClientSession() as http, http.post(url, data=data, headers=headers) as r:
        return r.status, await r.json()


async def missed_to(app: Linli) -> list[tuple[str, str]]:
    return [
        (q.message.chat, q.message.text)
        for q in await app.store.outbox.due(None, T0 + timedelta(days=2))
        if q.message.kind == "checkin_missed"
    ]


def test_without_a_token_the_server_refuses_to_start(app: Linli) -> None:
    with pytest.raises(HookConfigError, match="LINLI_HOOKS_TOKEN"):
        HookServer(app, HooksConfig(enabled=True), {})
    with pytest.raises(HookConfigError):
        HookServer(app, HooksConfig(enabled=True), {"LINLI_HOOKS_TOKEN": "  "})


async def test_a_device_event_reaches_the_head_and_is_not_repeated(app: Linli, hook: str) -> None:
    await enrol(app)
    status, body = await post(hook, {"person": ELDER, "event": "no_water_24h"})
    assert (status, body) == (202, {"status": "notified"})
    sent = await missed_to(app)
    assert [chat for chat, _ in sent] == ["local:head-1"]
    assert "水表 24 小时没有用水" in sent[0][1]
    # The same gateway posting again while the head has not answered: nothing new.
    status, body = await post(hook, {"person": ELDER, "event": "no_water_24h"})
    assert (status, body) == (202, {"status": "already_reported"})
    assert len(await missed_to(app)) == 1


async def test_wrong_or_missing_token_is_refused_and_changes_nothing(app: Linli, hook: str) -> None:
    await enrol(app)
    for token in (None, "wrong", SECRET + "x", ""):
        status, _ = await post(hook, {"person": ELDER, "event": "no_water_24h"}, token)
        assert status == 401, token
    async with aiohttp.ClientSession() as http:
        async with http.post(hook, json={}, headers={"Authorization": SECRET}) as r:
            assert r.status == 401  # the scheme is Bearer
    assert await missed_to(app) == []


async def test_bad_bodies_and_unenrolled_people(app: Linli, hook: str) -> None:
    await app.handle(
        say("/checkin add local:elder-2 刘爷爷", chat="local:head-1", sender="local:head-1")
    )
    for body in (b"not json", b"[1]", {"person": ELDER}, {"person": "x", "event": "a"}):
        status, _ = await post(hook, body)
        assert status == 400, body
    status, _ = await post(hook, {"person": ELDER, "event": "Robert'); DROP TABLE"})
    assert status == 400
    # Asked but not yet agreed (好): a device cannot enrol anyone.
    for person in (ELDER, "local:elder-2"):
        status, body = await post(hook, {"person": person, "event": "no_water_24h"})
        assert status == 404, person
    status, _ = await post(hook, b"{" + b" " * 10_000 + b"}")
    assert status == 413
    assert await missed_to(app) == []


def test_parse_body_names_the_problem() -> None:
    assert parse_body(b'{"person": "wechat:wxid_a", "event": "no_door_24h"}') == (
        "wechat:wxid_a",
        "no_door_24h",
    )
    with pytest.raises(BadHookRequest, match="person"):
        parse_body(b'{"person": 3, "event": "x"}')


async def test_run_refuses_hooks_without_a_token(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = hooks_config(tmp_path, "http://127.0.0.1:9/bot", free_port())
    monkeypatch.delenv("LINLI_HOOKS_TOKEN", raising=False)
    monkeypatch.setenv(TOKEN_ENV, TOKEN)
    with pytest.raises(RunError, match="LINLI_HOOKS_TOKEN"):
        await run(config, asyncio.Event())


def hooks_config(tmp_path: Path, base_url: str, port: int) -> Config:
    config = write_config(tmp_path, base_url)
    path = Path(config.source)
    path.write_text(
        path.read_text(encoding="utf-8")
        # Quiet hours off: the real clock decides the time here, and a notice at night would
        # wait for the morning.
        + f'\n[issues]\nquiet_hours = "off"\n[hooks]\nenabled = true\nlisten = "127.0.0.1:{port}"\n',
        encoding="utf-8",
    )
    return load_config(path)


async def test_linli_run_serves_the_hook_and_the_head_gets_it_on_telegram(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    port = free_port()
    elder = "telegram:7100"
    monkeypatch.setenv(TOKEN_ENV, TOKEN)
    monkeypatch.setenv("LINLI_HOOKS_TOKEN", SECRET)
    async with fake_api() as server:
        config = hooks_config(tmp_path, server.base_url, port)
        # The enrolment (with the person's 好) is on the database before the bot runs.
        app = await Linli.open(config)
        await app.start(T0)
        await enrol(app, elder, head_chat=f"telegram:{HEAD}")
        await app.close()

        stop = asyncio.Event()
        task = asyncio.create_task(run(config, stop))
        url = f"http://127.0.0.1:{port}/hooks/checkin"
        try:
            for _ in range(500):
                try:
                    status, body = await post(url, {"person": elder, "event": "no_water_24h"})
                    break
                except aiohttp.ClientConnectionError:
                    await asyncio.sleep(0.02)
            assert task.done() is False
            assert (status, body) == (202, {"status": "notified"})

            def head_told() -> bool:
                return any(
                    m.get("chat_id") in (HEAD, str(HEAD)) and "水表" in str(m.get("text"))
                    for m in server.sent
                )

            await eventually(head_told, timeout=20)
        finally:
            stop.set()
            await asyncio.wait_for(task, 20)
