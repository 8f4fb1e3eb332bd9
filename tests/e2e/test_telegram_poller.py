"""The polling loop confirms an update only after it was received (stored)."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from telegram import Update

import bot.adapters.telegram_receive as telegram_receive
from bot.adapters.telegram_receive import Poller
from storage import StorageError


class Stop(Exception):
    pass


class FakeBot:
    """getUpdates from a script: each call records its offset and returns the next batch."""

    def __init__(self, batches: list[list[int]]) -> None:
        self.batches = batches
        self.offsets: list[int | None] = []

    async def get_updates(self, *, offset: int | None, **_: Any) -> list[Update]:
        self.offsets.append(offset)
        if not self.batches:
            raise Stop
        return [Update(update_id) for update_id in self.batches.pop(0)]


class NoSleep:
    def __init__(self) -> None:
        self.slept: list[float] = []

    def __getattr__(self, name: str) -> Any:
        return getattr(asyncio, name)

    async def sleep(self, delay: float) -> None:
        self.slept.append(delay)


async def test_offset_moves_only_past_stored_updates(monkeypatch: pytest.MonkeyPatch) -> None:
    sleeper = NoSleep()
    monkeypatch.setattr(telegram_receive, "asyncio", sleeper)
    bot = FakeBot([[10, 11], [12]])
    stored: list[int] = []
    failures = {11: 2}  # the database refuses update 11 twice

    async def receive(update: Update) -> None:
        if failures.get(update.update_id):
            failures[update.update_id] -= 1
            raise StorageError("database is locked")
        if update.update_id == 12:
            raise ValueError("a bug in translating this update")
        stored.append(update.update_id)

    poller = Poller(bot, receive, timeout=1, allowed_updates=["message"])  # type: ignore[arg-type]
    with pytest.raises(Stop):
        await poller.run()
    assert stored == [10, 11]
    # No getUpdates went out while 11 was being retried; a bug skips its update, logged.
    assert bot.offsets == [None, 12, 13]
    assert sleeper.slept == [1.0, 2.0]
