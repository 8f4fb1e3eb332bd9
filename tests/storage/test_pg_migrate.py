"""Migrations on PostgreSQL (storage/pg.py) and ``linli migrate``: from an empty database in
one transaction, once even when several workers start together, a version table that says
what was applied. Needs the PostgreSQL test server."""

from __future__ import annotations

import asyncio
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from bot.cli import main
from storage.db import Database, migrations
from tests.conftest import EXAMPLE_CONFIG, fresh_pg_database

SHIPPED = [name for _, name, _ in migrations()]
LATEST = max(v for v, _, _ in migrations())


async def test_an_empty_database_is_migrated_once() -> None:
    async with fresh_pg_database(migrated=False) as url:
        db = await Database.open(url)
        try:
            assert db.schema_before == 0 and db.migrated == SHIPPED
            async with db.conn.execute(
                "SELECT version, name FROM linli_schema ORDER BY version"
            ) as cur:
                rows = [tuple(r) for r in await cur.fetchall()]
            assert rows == [(v, n) for v, n, _ in migrations()]
            assert "issues" in await db.table_names()
            assert "linli_schema" not in await db.table_names()
        finally:
            await db.close()
        again = await Database.open(url)
        try:
            assert again.schema_before == LATEST and again.migrated == []
        finally:
            await again.close()


async def test_workers_starting_together_migrate_once() -> None:
    async with fresh_pg_database(migrated=False) as url:
        opened = await asyncio.gather(*(Database.open(url) for _ in range(4)))
        try:
            applied = [db.migrated for db in opened]
            assert sorted(applied, key=len) == [[], [], [], SHIPPED]
        finally:
            for db in opened:
                await db.close()


def _config_with(tmp_path: Path, url: str) -> Path:
    """The example config on ``url`` (its password moved to the environment)."""
    text = EXAMPLE_CONFIG.read_text(encoding="utf-8")
    start = text.index("[storage]")
    end = text.index("\n[", start + 1)
    parts = urlsplit(url)
    bare = urlunsplit(
        parts._replace(netloc=f"{parts.username}@{parts.hostname}:{parts.port or 5432}")
    )
    storage = f'[storage]\nurl = "{bare}"\npassword_env = "LINLI_TEST_DB_PASSWORD"\n'
    path = tmp_path / "pg.toml"
    path.write_text(text[:start] + storage + text[end:], encoding="utf-8")
    return path


async def test_linli_migrate_says_what_it_did(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    async with fresh_pg_database(migrated=False) as url:
        monkeypatch.setenv("LINLI_TEST_DB_PASSWORD", urlsplit(url).password or "")
        config = _config_with(tmp_path, url)
        assert await asyncio.to_thread(main, ["migrate", "--config", str(config)]) == 0
        out = capsys.readouterr().out
        assert f"migrated from schema version 0 to {LATEST}" in out
        assert SHIPPED[0] in out and SHIPPED[-1] in out
        assert f":{urlsplit(url).password}@" not in out
        assert await asyncio.to_thread(main, ["migrate", "--config", str(config)]) == 0
        assert f"up to date (schema version {LATEST})" in capsys.readouterr().out


def test_linli_migrate_on_sqlite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = EXAMPLE_CONFIG.read_text(encoding="utf-8")
    config = tmp_path / "c.toml"
    config.write_text(text, encoding="utf-8")
    assert main(["migrate", "--config", str(config)]) == 0
    assert f"to {LATEST}" in capsys.readouterr().out
    assert main(["migrate", "--config", str(config)]) == 0
    assert "up to date" in capsys.readouterr().out
