"""`linli replay` checks every line first but does not hold the parsed script while it
runs (about 1 KB a line: 100 MB for a 100,000-line script)."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from bot.adapters import replay as replay_module
from bot.adapters.replay import ScriptError, replay
from bot.app import Linli
from bot.config import Config


def _script(n: int) -> list[str]:
    return [
        json.dumps(
            {
                "at": f"2026-05-04T09:{k // 60:02d}:{k % 60:02d}+08:00",
                "chat": "local:building-1",
                "from": f"local:r{k}",
                "text": "今天天气不错",
            }
        )
        + "\n"
        for k in range(n)
    ]


async def test_lines_are_parsed_as_they_run(
    config: Config, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parsed: list[int] = []
    real_parse = replay_module.parse_line

    def counting_parse(raw: str, lineno: int, cfg: Config) -> dict[str, Any] | None:
        parsed.append(lineno)
        return real_parse(raw, lineno, cfg)

    at_handle: list[int] = []
    real_handle = Linli.handle

    async def counting_handle(self: Linli, msg: Any) -> Any:
        at_handle.append(len(parsed))
        return await real_handle(self, msg)

    monkeypatch.setattr(replay_module, "parse_line", counting_parse)
    monkeypatch.setattr(Linli, "handle", counting_handle)
    await replay(config, _script(30), io.StringIO(), database=tmp_path / "r.db")
    # All 30 lines were checked, then each is parsed again just before it is handled.
    assert at_handle == [30 + k for k in range(1, 31)]


async def test_a_bad_last_line_still_stops_the_replay_before_anything_runs(
    config: Config, tmp_path: Path
) -> None:
    out = io.StringIO()
    with pytest.raises(ScriptError, match="line 31"):
        await replay(config, [*_script(30), "{oops\n"], out, database=tmp_path / "r.db")
    assert out.getvalue() == ""
    assert not (tmp_path / "r.db").exists()
