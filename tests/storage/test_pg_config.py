"""``[storage] url`` (PostgreSQL) in the config: a clear error for each mistake, the password
only from the environment and never in the file or the logs."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from bot import logsetup
from bot.config import ConfigError, load_config

BUILDING = '\n[[buildings]]\nname = "1号楼"\nchats = ["local:b1"]\n'


def load(tmp_path: Path, storage: str):  # type: ignore[no-untyped-def]
    path = tmp_path / "c.toml"
    path.write_text(f"[storage]\n{storage}\n{BUILDING}", encoding="utf-8")
    return load_config(path)


def problems(tmp_path: Path, storage: str) -> list[str]:
    with pytest.raises(ConfigError) as info:
        load(tmp_path, storage)
    return info.value.problems


def test_url_selects_postgresql_with_the_password_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cfg = load(tmp_path, 'url = "postgresql://linli@db.example:5432/district"')
    assert cfg.storage_target == "postgresql://linli@db.example:5432/district"
    assert cfg.storage_password_env == "LINLI_DB_PASSWORD"
    monkeypatch.setenv("LINLI_DB_PASSWORD", "s3cret-pw")
    assert cfg.storage_password() == "s3cret-pw"
    cfg = load(tmp_path, 'url = "postgres://linli@db/district"\npassword_env = "DISTRICT_PW"')
    monkeypatch.setenv("DISTRICT_PW", "other-pw")
    assert cfg.storage_password() == "other-pw"
    # Without a URL the SQLite file stays the target.
    assert load(tmp_path, 'database = "x.db"').storage_target == tmp_path / "x.db"


def test_each_url_mistake_is_named(tmp_path: Path) -> None:
    found = problems(tmp_path, 'url = "postgresql://linli:hunter2@db/district"')
    assert len(found) == 1 and "must not contain a password" in found[0]
    assert "hunter2" not in found[0]
    found = problems(tmp_path, 'url = "mysql://db/district"')
    assert found[0].startswith("storage.url: expected a PostgreSQL URL")
    found = problems(tmp_path, 'url = "postgresql://linli@db"')
    assert found == ["storage.url: expected a database name: postgresql://user@host:port/database"]
    found = problems(tmp_path, 'url = "postgresql://linli@db:port/x"')
    assert found[0].startswith("storage.url: malformed URL")
    found = problems(tmp_path, 'url = "postgresql://linli@db/x"\ndatabase = "linli.db"')
    assert found == [
        "storage.database: give either database (SQLite) or url (PostgreSQL), not both"
    ]
    found = problems(tmp_path, 'url = "postgresql://linli@db/x"\npassword_env = "not a name"')
    assert found[0].startswith("storage.password_env: expected the name of an environment variable")


def test_the_password_is_redacted_from_logs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cfg = load(tmp_path, 'url = "postgresql://linli@db/x"\npassword_env = "DISTRICT_PW"')
    monkeypatch.setenv("DISTRICT_PW", "very-secret-password")
    redact = logsetup.RedactSecrets()
    redact.add_env(logsetup.secret_envs_of(cfg))
    record = logging.LogRecord(
        "x", logging.ERROR, __file__, 1, "auth failed for %s", ("very-secret-password",), None
    )
    redact.filter(record)
    assert "very-secret-password" not in record.getMessage()
