"""The PostgreSQL password never shows: not in check-config's answer, not in a connection
error, not in a traceback; a database that cannot be reached is one clear line."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from bot import logsetup
from bot.cli import main
from bot.config import ConfigError, load_config
from storage.pg import redact_url
from tests.conftest import ROOT

PASSWORD = "Sup3r-s3cret-pw"


def config_with(tmp_path: Path, url: str) -> Path:
    text = (ROOT / "config.example.toml").read_text(encoding="utf-8")
    text, found = re.subn(r'(?m)^database = "linli.db".*$', f'url = "{url}"', text)
    assert found == 1
    path = tmp_path / "pg.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "url",
    [
        f"postgresql://linli:{PASSWORD}@127.0.0.1:5432/linli",
        f"postgresql://linli@127.0.0.1:5432/linli?password={PASSWORD}",
        f"postgresql://linli@127.0.0.1:5432/linli?sslmode=disable&password={PASSWORD}",
        f"postgresql://linli@127.0.0.1:5432/linli?p%61ssword={PASSWORD}",
    ],
)
def test_a_password_in_the_url_is_refused_without_echoing_it(
    tmp_path: Path, url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = config_with(tmp_path, url)
    with pytest.raises(ConfigError) as refused:
        load_config(path)
    assert "must not contain a password" in str(refused.value)
    assert PASSWORD not in str(refused.value)
    assert main(["check-config", str(path)]) == 1
    out = capsys.readouterr()
    assert PASSWORD not in out.out + out.err


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("postgresql://u@h:5432/db", "postgresql://u@h:5432/db"),
        (f"postgresql://u:{PASSWORD}@h:5432/db", "postgresql://u:***@h:5432/db"),
        (
            f"postgresql://u@h/db?sslmode=disable&password={PASSWORD}",
            "postgresql://u@h/db?sslmode=disable&password=***",
        ),
        (f"postgresql://u@h/db?p%61ssword={PASSWORD}&x=1", "postgresql://u@h/db?password=***&x=1"),
    ],
)
def test_redacted_urls_keep_no_password(url: str, shown: str) -> None:
    assert redact_url(url) == shown


@pytest.mark.parametrize("command", ["run", "web", "chat"])
def test_an_unreachable_database_is_one_clear_line(
    tmp_path: Path,
    command: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Port 1 on this machine: nothing listens, the connection is refused at once.
    path = config_with(tmp_path, "postgresql://linli@127.0.0.1:1/linli")
    monkeypatch.setenv("LINLI_DB_PASSWORD", PASSWORD)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main([command, "--config", str(path)]) == 1
    out = capsys.readouterr()
    assert "Traceback" not in out.err
    assert out.err.startswith(f"linli {command}: cannot connect to postgresql://linli@127.0.0.1:1/")
    assert PASSWORD not in out.out + out.err


def test_console_keys_named_by_the_config_are_redacted_from_logs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = (ROOT / "config.example.toml").read_text(encoding="utf-8")
    path = tmp_path / "web.toml"
    text = text.replace('"LINLI_WEB_SECRET"', '"MY_WEB_KEY"', 1)
    path.write_text(text.replace('"LINLI_OPEN311_KEY"', '"MY_OPEN311_KEY"', 1), encoding="utf-8")
    config = load_config(path)
    monkeypatch.setenv("MY_WEB_KEY", "web-key-" + "k" * 40)
    monkeypatch.setenv("MY_OPEN311_KEY", "open311-key-value")
    redact = logsetup.RedactSecrets()
    redact.add_env(logsetup.secret_envs_of(config))
    line = redact.redact(
        "GET /open311/v2/requests.json?api_key=open311-key-value " + "web-key-" + "k" * 40
    )
    assert "open311-key-value" not in line and "kkkk" not in line
