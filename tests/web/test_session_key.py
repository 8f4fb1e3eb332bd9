"""The key that signs console sessions: from the environment if set; otherwise generated once
and kept beside a SQLite database in a file only its owner can read — never in the database,
so a copy of the database alone (a backup, a support dump) cannot forge a staff session."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from bot.config import Config
from bot.web.auth import SECRET_KV_KEY, SecretError, key_file, session_secret
from storage import Store


@pytest.fixture(autouse=True)
def no_env_secret(config: Config, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(config.web.secret_env, raising=False)


async def test_a_generated_key_lives_in_an_owner_only_file_not_the_database(
    config: Config, tmp_path: Path
) -> None:
    db = tmp_path / "linli.db"
    store = await Store.open(db)
    try:
        key = await session_secret(config, store)
        assert await store.kv.get(SECRET_KV_KEY) is None
    finally:
        await store.close()
    path = tmp_path / "linli.web-key"
    assert key_file(store) == path and path.read_text() == key and len(key) >= 48
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    for f in tmp_path.iterdir():  # the database, its WAL: no copy of the key
        if f != path:
            assert key.encode() not in f.read_bytes(), f
    again = await Store.open(db)  # a restart keeps the key: sessions survive
    try:
        assert await session_secret(config, again) == key
    finally:
        await again.close()


async def test_a_key_an_older_version_kept_in_the_database_is_dropped(
    config: Config, tmp_path: Path
) -> None:
    store = await Store.open(tmp_path / "linli.db")
    try:
        old = "o" * 64
        async with store.transaction():
            await store.kv.set(SECRET_KV_KEY, old)
        key = await session_secret(config, store)
        assert key != old and await store.kv.get(SECRET_KV_KEY) is None
    finally:
        await store.close()


async def test_the_environment_wins_and_no_file_is_made(
    config: Config, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(config.web.secret_env, "e" * 40)
    store = await Store.open(tmp_path / "linli.db")
    try:
        assert await session_secret(config, store) == "e" * 40
    finally:
        await store.close()
    assert not (tmp_path / "linli.web-key").exists()


async def test_a_damaged_key_file_is_a_clear_error(config: Config, tmp_path: Path) -> None:
    (tmp_path / "linli.web-key").write_text("short")
    store = await Store.open(tmp_path / "linli.db")
    try:
        with pytest.raises(SecretError, match="delete it"):
            await session_secret(config, store)
    finally:
        await store.close()


async def test_without_a_file_the_key_stays_in_the_database(config: Config) -> None:
    store = await Store.open(":memory:")
    try:
        key = await session_secret(config, store)
        assert key_file(store) is None and await store.kv.get(SECRET_KV_KEY) == key
        assert await session_secret(config, store) == key
    finally:
        await store.close()
