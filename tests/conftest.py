"""Shared fixtures: the demo config, a fresh bot on a temporary database, message builders."""

from __future__ import annotations

import dataclasses
import itertools
import os
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
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


# PostgreSQL for the tests: a server URL with a role that may create databases; each test
# gets a database of its own (several test runs may share the server), dropped afterwards.
# Unset: the PostgreSQL cases are skipped, unless LINLI_REQUIRE_PG=1 (CI), where they fail.
PG_URL_ENV = "LINLI_TEST_PG_URL"
REQUIRE_PG_ENV = "LINLI_REQUIRE_PG"
BACKENDS = ("sqlite", "postgresql")
# Test modules and folders (relative to tests/) whose tests taking ``backend`` (or ``app``)
# run on both backends; elsewhere a module opts in with ``pytestmark = both_backends``.
BOTH_BACKENDS_PATHS = ("storage/", "test_dispatch.py")
both_backends = pytest.mark.both_backends


def pg_server_url() -> str:
    """The test server's URL; skips (or fails, when PostgreSQL is required) without one."""
    url = os.environ.get(PG_URL_ENV, "").strip()
    if not url:
        if os.environ.get(REQUIRE_PG_ENV) == "1":
            pytest.fail(f"{REQUIRE_PG_ENV}=1 but {PG_URL_ENV} is not set")
        pytest.skip(f"PostgreSQL tests need {PG_URL_ENV}")
    return url


def _with_database(url: str, name: str) -> str:
    from urllib.parse import urlsplit, urlunsplit

    return urlunsplit(urlsplit(url)._replace(path="/" + name))


@asynccontextmanager
async def fresh_pg_database(prefix: str = "linli_test") -> AsyncIterator[str]:
    """A newly created, empty database on the test server (its URL), dropped afterwards."""
    import psycopg

    server = pg_server_url()
    name = f"{prefix}_{os.getpid()}_{uuid.uuid4().hex[:10]}"
    try:
        admin = await psycopg.AsyncConnection.connect(server, autocommit=True)
    except psycopg.OperationalError as exc:
        pytest.fail(f"cannot reach the PostgreSQL test server {PG_URL_ENV}: {exc}")
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
        try:
            yield _with_database(server, name)
        finally:
            await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await admin.close()


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
