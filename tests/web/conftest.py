"""The console on a fresh bot with the example configuration, shared by the web tests that need
nothing else (others open their own)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.config import Config
from tests.web.console_harness import Clock, Console, open_console


@pytest.fixture
async def console(config: Config, tmp_path: Path) -> AsyncIterator[Console]:
    c = await open_console(config, tmp_path / "web.db", Clock())
    try:
        yield c
    finally:
        await c.bot.close()
