"""The path phases of the real-path bench measure what they say: one step per script line of
``linli replay``, and a ``linli run`` config that really enables Telegram for building 1."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench import _community, _pathphases, _script
from bot.app import Linli
from bot.config import load_config


def test_replay_steps_has_one_step_per_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = _community.write_config(tmp_path)
    script = tmp_path / "script.jsonl"
    _script.write(str(script), 300, seed=3)
    lines = script.read_text(encoding="utf-8").splitlines()
    messages = sum(1 for line in lines if '"tick"' not in line)
    tick = Linli.tick

    _pathphases.replay_steps(str(config), str(tmp_path / "replay.db"), str(script))

    result = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert Linli.tick is tick  # put back
    assert result["lines"] == len(lines)
    assert result["messages"] == messages
    assert result["printed"] > 0
    assert 0 < result["cpu_p50_ms"] <= result["cpu_p99_ms"] <= result["cpu_max_ms"]
    assert result["first10_cpu_us"] > 0 and result["last10_cpu_us"] > 0


def test_run_config_enables_telegram_for_building_one(tmp_path: Path) -> None:
    base = _community.write_config(tmp_path)
    database = tmp_path / "db" / "linli.db"
    database.parent.mkdir()

    path = _pathphases.run_config(str(base), str(database), "http://127.0.0.1:1/bot")

    config = load_config(path)
    assert config.telegram is not None and config.telegram.enabled
    assert config.telegram.base_url == "http://127.0.0.1:1/bot"
    first = config.buildings[0]
    assert f"telegram:{_pathphases.TELEGRAM_GROUP}" in first.chats
    assert len(config.buildings) == _community.BUILDINGS
    assert config.database == database
