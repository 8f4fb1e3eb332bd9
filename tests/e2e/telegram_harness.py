"""Running linli's Telegram adapter against :class:`FakeBotApi`: a community config with
Telegram ids, the bot, and a delivery loop on the real clock or a virtual one."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.adapters.telegram import TelegramAdapter, create
from bot.app import Linli
from bot.config import Config, load_config
from bot.delivery import Deliverer
from bot.model import Outgoing
from tests.e2e.fake_bot_api import TOKEN, FakeBotApi

BUILDING_CHAT = -1001
HEAD = 5001
ADMIN = 9001
RESIDENT = 7001
TOKEN_ENV = "LINLI_TEST_TELEGRAM_TOKEN"


def write_config(tmp_path: Path, base_url: str, telegram_extra: str = "") -> Config:
    path = tmp_path / "community.toml"
    path.write_text(
        f"""
[community]
name = "测试社区"
timezone = "Asia/Shanghai"

[storage]
database = "linli.db"

[[buildings]]
name = "1号楼"
chats = ["telegram:{BUILDING_CHAT}"]

[[people]]
id = "telegram:{HEAD}"
name = "张阿姨"
role = "head"
buildings = ["1号楼"]

[[people]]
id = "telegram:{ADMIN}"
name = "社区管理员"
role = "admin"

[telegram]
enabled = true
token_env = "{TOKEN_ENV}"
base_url = "{base_url}"
poll_timeout = 5
{telegram_extra}
""",
        encoding="utf-8",
    )
    return load_config(path)


class Recording:
    """A Sender that passes to the adapter and records what went through, with the clock."""

    platform = "telegram"

    def __init__(self, adapter: TelegramAdapter, clock: Callable[[], datetime]) -> None:
        self.adapter = adapter
        self.clock = clock
        self.sent: list[tuple[Outgoing, datetime]] = []

    async def send(self, message: Outgoing) -> None:
        await self.adapter.send(message)
        self.sent.append((message, self.clock()))


@dataclass
class Running:
    app: Linli
    adapter: TelegramAdapter
    recording: Recording
    deliverer: Deliverer
    clock_value: list[datetime] = field(default_factory=list)

    def kinds(self) -> list[str]:
        return [str(m.kind) for m, _ in self.recording.sent]


@contextlib.asynccontextmanager
async def running_bot(
    config: Config,
    monkeypatch: pytest.MonkeyPatch,
    *,
    virtual_clock: datetime | None = None,
) -> AsyncIterator[Running]:
    """The bot receiving through real polling; delivery runs as a task on the real clock, or,
    with ``virtual_clock``, is left to the test (call ``deliverer.deliver_due()``)."""
    monkeypatch.setenv(TOKEN_ENV, TOKEN)
    app = await Linli.open(config)
    clock_value = [virtual_clock] if virtual_clock else []

    def clock() -> datetime:
        return clock_value[0] if clock_value else datetime.now(UTC)

    stop = asyncio.Event()
    task: asyncio.Task[None] | None = None
    adapter = create(config, app)
    adapter.clock = clock
    try:
        await app.start(clock())
        recording = Recording(adapter, clock)
        deliverer = Deliverer(app.store, recording, adapter.limits, clock=clock)
        app.on_queued.append(deliverer.wake)
        await asyncio.wait_for(adapter.start(), 10)
        if virtual_clock is None:
            task = asyncio.create_task(deliverer.run(stop))
        yield Running(app, adapter, recording, deliverer, clock_value)
    finally:
        stop.set()
        if task is not None:
            await asyncio.wait_for(task, 5)
        await asyncio.wait_for(adapter.stop(), 10)
        await app.close()


async def eventually(condition: Callable[[], bool], timeout: float = 5.0) -> None:
    """Wait (polling briefly) until ``condition()`` holds; AssertionError after ``timeout``."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        if loop.time() > deadline:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(0.01)


@contextlib.asynccontextmanager
async def fake_api(**kwargs: object) -> AsyncIterator[FakeBotApi]:
    server = FakeBotApi(**kwargs)  # type: ignore[arg-type]
    await server.start()
    try:
        yield server
    finally:
        await server.stop()
