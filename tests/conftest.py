"""Shared fixtures: the demo config, a fresh bot on a temporary database, message builders."""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.app import Linli
from bot.config import Config, load_config
from bot.model import Incoming
from storage.db import ENGINES

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_CONFIG = ROOT / "config.example.toml"
SHANGHAI = ZoneInfo("Asia/Shanghai")
T0 = datetime(2026, 5, 1, 9, 0, tzinfo=SHANGHAI)


@pytest.fixture(scope="session")
def config() -> Config:
    return load_config(EXAMPLE_CONFIG)


@pytest.fixture
async def app(config: Config, tmp_path: Path) -> AsyncIterator[Linli]:
    bot = await Linli.open(config, database=tmp_path / "test.db")
    await bot.start(T0)
    try:
        yield bot
    finally:
        await bot.close()


@pytest.fixture(params=ENGINES)
async def app_each_engine(
    config: Config, tmp_path: Path, request: pytest.FixtureRequest
) -> AsyncIterator[Linli]:
    """The bot on each storage engine (inline sqlite3 and aiosqlite); see storage/db.py."""
    cfg = dataclasses.replace(config, storage_engine=request.param)
    bot = await Linli.open(cfg, database=tmp_path / "test.db")
    assert bot.store.db.engine == request.param
    await bot.start(T0)
    try:
        yield bot
    finally:
        await bot.close()


_ids = itertools.count(1)


def say(
    text: str,
    *,
    chat: str = "local:building-1",
    sender: str = "local:resident-1",
    name: str = "小王",
    at: datetime = T0,
    minutes: float = 0,
    message_id: str | None = None,
) -> Incoming:
    """An incoming message; ``minutes`` after ``at``."""
    return Incoming(
        chat=chat,
        sender=sender,
        sender_name=name,
        text=text,
        at=at + timedelta(minutes=minutes),
        message_id=message_id or f"m{next(_ids)}",
        private=chat == sender,
    )
