"""Where the console listens: 127.0.0.1 unless the admin says otherwise, and a warning when
they do, whether ``linli run`` serves it (``enabled``) or ``linli web`` does."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.app import Linli
from bot.config import Config, load_config
from bot.web.app import server
from tests.conftest import ROOT, T0


async def test_the_console_listens_on_127_0_0_1_by_default(config: Config, tmp_path: Path) -> None:
    assert config.web.host == "127.0.0.1"
    bot = await Linli.open(config, database=tmp_path / "bind.db")
    try:
        await bot.start(T0)
        srv = await server(bot)
        assert srv.config.host == "127.0.0.1" and srv.config.port == config.web.port
    finally:
        await bot.close()


@pytest.mark.parametrize("enabled", ["true", "false"])
def test_a_console_open_to_other_machines_is_warned_about(tmp_path: Path, enabled: str) -> None:
    text = (ROOT / "config.example.toml").read_text(encoding="utf-8")
    text = text.replace('host = "127.0.0.1"   ', 'host = "0.0.0.0"     ', 1)
    text = text.replace(
        "enabled = false                         # true: `linli run`",
        f"enabled = {enabled} # true: `linli run`",
        1,
    )
    path = tmp_path / "open.toml"
    path.write_text(text, encoding="utf-8")
    config = load_config(path)
    assert config.web.host == "0.0.0.0" and config.web.enabled is (enabled == "true")
    assert any(
        "web.host '0.0.0.0' is reachable from other machines" in w for w in config.warnings()
    )
