"""The real-path bench streams its script (it must not hold 100,000 parsed lines while it
measures the bot's memory), and its children's peak RSS is their own."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path
from types import GeneratorType
from typing import Any

from bench import _community, _script
from bench._realphases import _read_script, peak_rss_mb
from bot.adapters.replay import parse_line
from bot.config import load_config

ROOT = Path(__file__).resolve().parents[2]


def _digest(items: Any) -> str:
    h = hashlib.sha256()
    for item in items:
        h.update(repr(sorted(item.items())).encode())
    return h.hexdigest()


def test_streamed_script_is_the_written_script_in_order(tmp_path: Path) -> None:
    config = load_config(_community.write_config(tmp_path))
    path = tmp_path / "script.jsonl"
    _script.write(str(path), 1_000, seed=2)
    written = [json.dumps(line, ensure_ascii=False) for line in _script.lines(1_000, seed=2)]
    on_disk = path.read_text(encoding="utf-8").splitlines()
    assert on_disk == written
    parsed = [parse_line(raw, n, config) for n, raw in enumerate(on_disk, 1)]

    streamed = _read_script(str(path), config, None)
    assert isinstance(streamed, GeneratorType)  # lazy: one line at a time
    assert _digest(streamed) == _digest(parsed)

    limited = list(_read_script(str(path), config, 300))
    assert sum(1 for item in limited if not item.get("tick")) == 300
    assert limited == parsed[: len(limited)]


def test_peak_rss_is_this_process_not_its_parent() -> None:
    own = peak_rss_mb()
    assert 0 < own
    # A child of a large process: its own figure must not include the parent's pages.
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "from bench._realphases import peak_rss_mb; print(peak_rss_mb())"
    )
    ballast = bytearray(128 * 1024 * 1024)
    ballast[::4096] = b"\1" * len(ballast[::4096])
    out = subprocess.run(
        [sys.executable, "-c", code, str(ROOT)], capture_output=True, text=True, check=True
    )
    del ballast
    assert float(out.stdout) < 64


def test_launcher_reports_the_command_not_the_bench(tmp_path: Path) -> None:
    result = tmp_path / "usage.json"
    ballast = bytearray(128 * 1024 * 1024)
    ballast[::4096] = b"\1" * len(ballast[::4096])
    subprocess.run(
        [sys.executable, "-m", "bench._rusage", str(result), sys.executable, "-c", "pass"],
        cwd=ROOT,
        check=True,
    )
    del ballast
    usage = json.loads(result.read_text())
    assert usage["exit"] == 0
    assert usage["process_rss_mb"] < 64
