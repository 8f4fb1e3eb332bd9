"""Shared fixtures: the demo config, a fresh bot on a temporary database, message builders."""

from __future__ import annotations

import dataclasses
import itertools
import sqlite3
from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.app import Linli
from bot.config import Config, load_config
from bot.model import Incoming
from storage.db import ENGINES
from tests import pg_server
from tests.pg_server import fresh_pg_database, pg_server_url

__all__ = ["fresh_pg_database", "pg_server_url"]

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_CONFIG = ROOT / "config.example.toml"
SHANGHAI = ZoneInfo("Asia/Shanghai")
T0 = datetime(2026, 5, 1, 9, 0, tzinfo=SHANGHAI)


@pytest.fixture(scope="session")
def config() -> Config:
    return load_config(EXAMPLE_CONFIG)


BACKENDS = ("sqlite", "postgresql")
# Test modules and folders (relative to tests/) whose tests taking ``backend`` (or ``app``,
# ``database``) run on both backends; elsewhere a module opts in with
# ``pytestmark = both_backends`` (and a module of such a folder opts out with ``sqlite_only``).
BOTH_BACKENDS_PATHS = ("",)
both_backends = pytest.mark.both_backends


def pytest_sessionfinish(session: pytest.Session) -> None:
    pg_server.finish()


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "backend" not in metafunc.fixturenames or metafunc.definition.get_closest_marker(
        "sqlite_only"
    ):
        return
    relative = Path(str(metafunc.definition.path)).relative_to(ROOT / "tests").as_posix()
    if metafunc.definition.get_closest_marker("both_backends") or relative.startswith(
        BOTH_BACKENDS_PATHS
    ):
        metafunc.parametrize("backend", BACKENDS, indirect=True)


@pytest.fixture
def sqlite_statements(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every SQL statement run on SQLite connections opened from now on, in order."""
    statements: list[str] = []
    real_connect = sqlite3.connect

    def connect(*args: object, **kwargs: object) -> sqlite3.Connection:
        conn = real_connect(*args, **kwargs)  # type: ignore[call-overload]
        conn.set_trace_callback(statements.append)
        return conn  # type: ignore[no-any-return]

    monkeypatch.setattr(sqlite3, "connect", connect)
    return statements


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    """The storage backend of this test: ``sqlite`` unless parametrized over both."""
    return str(getattr(request, "param", "sqlite"))


@pytest.fixture
async def database(backend: str, tmp_path: Path) -> AsyncIterator[str | Path]:
    """Where the test's database lives: a SQLite file, or a fresh PostgreSQL database."""
    if backend == "postgresql":
        async with fresh_pg_database() as url:
            yield url
    else:
        yield tmp_path / "test.db"


@pytest.fixture
async def app(config: Config, database: str | Path) -> AsyncIterator[Linli]:
    bot = await Linli.open(config, database=database)
    await bot.start(T0)
    try:
        yield bot
    finally:
        await bot.close()


@pytest.fixture(params=ENGINES)
async def app_each_engine(
    config: Config, tmp_path: Path, request: pytest.FixtureRequest
) -> AsyncIterator[Linli]:
    """The bot on each SQLite engine (inline sqlite3 and aiosqlite); see storage/db.py."""
    cfg = dataclasses.replace(config, storage_engine=request.param)
    bot = await Linli.open(cfg, database=tmp_path / "test.db")
    assert bot.store.db.engine == request.param
    await bot.start(T0)
    try:
        yield bot
    finally:
        await bot.close()


@pytest.fixture(params=[*ENGINES, "postgresql"])
async def app_each_backend(
    config: Config, tmp_path: Path, request: pytest.FixtureRequest
) -> AsyncIterator[Linli]:
    """The bot on each SQLite engine and on PostgreSQL (storage/pg.py)."""
    if request.param != "postgresql":
        cfg = dataclasses.replace(config, storage_engine=request.param)
        bot = await Linli.open(cfg, database=tmp_path / "test.db")
        assert bot.store.db.engine == request.param
        await bot.start(T0)
        try:
            yield bot
        finally:
            await bot.close()
        return
    async with fresh_pg_database() as url:
        bot = await Linli.open(config, database=url)
        assert bot.store.db.engine == "postgresql"
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
