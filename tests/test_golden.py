"""Golden transcripts: each ``tests/golden/NAME.jsonl`` script, replayed, must print exactly
``NAME.expected.jsonl`` (on the demo config, on ``NAME.toml`` when there is one, or on the
config its first line names: ``# config: two_platforms.toml``, for configs several scripts
share). Set ``LINLI_UPDATE_GOLDEN=1`` to rewrite the expectations (then read the diff before
committing)."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from bot.adapters.replay import replay
from bot.config import Config, load_config

GOLDEN = Path(__file__).resolve().parent / "golden"
SCRIPTS = sorted(p for p in GOLDEN.glob("*.jsonl") if not p.name.endswith(".expected.jsonl"))


def config_for(lines: list[str], default: Config) -> Config:
    """The config a script names on its first line (``# config: FILE``), else ``default``."""
    first = lines[0].strip() if lines else ""
    if first.startswith("# config:"):
        return load_config(GOLDEN / first.removeprefix("# config:").strip())
    return default


@pytest.mark.parametrize("script", SCRIPTS, ids=[p.stem for p in SCRIPTS])
async def test_golden_transcript(
    script: Path, config: Config, backend: str, database: str | Path
) -> None:
    """On SQLite and on PostgreSQL: the same transcript, to the character."""
    # A script that needs settings the demo does not have (patrols) brings its own config.
    own = script.with_suffix(".toml")
    if own.exists():
        config = load_config(own)
    out = io.StringIO()
    lines = script.read_text(encoding="utf-8").splitlines()
    await replay(config_for(lines, config), lines, out, database=database)
    expected_path = script.with_suffix(".expected.jsonl")
    if backend == "sqlite" and (
        os.environ.get("LINLI_UPDATE_GOLDEN") or not expected_path.exists()
    ):
        expected_path.write_text(out.getvalue(), encoding="utf-8")
    assert out.getvalue().splitlines() == expected_path.read_text(encoding="utf-8").splitlines()


async def test_replay_is_deterministic(config: Config) -> None:
    script = (GOLDEN / "skeleton.jsonl").read_text(encoding="utf-8").splitlines()
    runs = []
    for _ in range(2):
        out = io.StringIO()
        await replay(config, script, out)
        runs.append(out.getvalue())
    assert runs[0] == runs[1] and runs[0]
