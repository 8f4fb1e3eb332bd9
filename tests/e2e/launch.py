"""Starting the real ``linli run`` process, as the end-to-end tests and the bench's ``runstart``
phase do (the same command line, so that what the bench times is what the tests check)."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path
from typing import IO, Any

ROOT = Path(__file__).resolve().parents[2]


async def linli_run(
    config: Path,
    *args: str,
    env: dict[str, str],
    cwd: Path | None = ROOT,
    stdout: int | IO[Any] = asyncio.subprocess.DEVNULL,
    stderr: int | IO[Any] = asyncio.subprocess.PIPE,
) -> asyncio.subprocess.Process:
    """``python -m bot.cli run --config CONFIG ARGS…`` with ``env`` and no stdin."""
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot.cli",
        "run",
        "--config",
        str(config),
        *args,
        cwd=cwd,
        env=env,
        stdin=asyncio.subprocess.DEVNULL,
        stdout=stdout,
        stderr=stderr,
    )
