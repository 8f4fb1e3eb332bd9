"""``[web]`` in the config: defaults, every bad value reported with its key, the warning about
a console listening beyond localhost."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from bot.config import ConfigError, load_config

MINIMAL = """
[[buildings]]
name = "1号楼"
chats = ["local:b1"]
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "c.toml"
    path.write_text(MINIMAL + text, encoding="utf-8")
    return path


def test_defaults_keep_the_console_local_and_off(tmp_path: Path) -> None:
    web = load_config(write(tmp_path, "")).web
    assert not web.enabled and web.host == "127.0.0.1" and web.port == 8780
    assert web.url == "http://127.0.0.1:8780" and not web.secure_cookies
    assert web.session == timedelta(hours=8) and not web.open311_public


def test_base_url_decides_the_links_and_secure_cookies(tmp_path: Path) -> None:
    web = load_config(
        write(tmp_path, '[web]\nenabled = true\nbase_url = "https://linli.example.org/"\n')
    ).web
    assert web.url == "https://linli.example.org" and web.secure_cookies


def test_bad_values_are_all_reported(tmp_path: Path) -> None:
    text = (
        '[web]\nenabled = "yes"\nport = 70000\nbase_url = "linli.example.org"\n'
        'session = "30d"\ncolour = "blue"\n'
    )
    with pytest.raises(ConfigError) as info:
        load_config(write(tmp_path, text))
    found = "\n".join(info.value.problems)
    for key in ("web.enabled", "web.port", "web.base_url", "web.session", "web.colour"):
        assert key in found, key


def test_a_console_beyond_localhost_is_warned_about(tmp_path: Path) -> None:
    cfg = load_config(write(tmp_path, '[web]\nenabled = true\nhost = "0.0.0.0"\n'))
    assert any("web.host" in w and "reverse proxy" in w for w in cfg.warnings())
    assert "web console on http://0.0.0.0:8780" in cfg.summary()
