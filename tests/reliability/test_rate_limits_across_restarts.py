"""Rate limits hold across restarts (issue 15).

Without crashes a group received 20-21 messages per 60 s; after crash restarts 27-34, and two
messages in one chat went 0.83 s apart: each new process started with an empty limiter. Now
the send history is read back from the outbox (claim times of what was sent or may have been
sent). Here a virtual clock drives the real Deliverer over a real database; the process
"dies" at random moments, some right after the platform accepted a message and before it was
marked sent (that message goes out again after the restart, and counts too).
"""

from __future__ import annotations

import itertools
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.delivery import Deliverer, RateLimits
from bot.model import Kind, Outgoing
from storage import Store

T0 = datetime(2026, 5, 1, 1, 0, tzinfo=UTC)
GROUP = "telegram:-1001"
STEP = timedelta(milliseconds=250)


class Killed(BaseException):
    """The process died (nothing in it gets to handle this)."""


class Platform:
    """Records every message that reached the platform, on the virtual clock."""

    platform = "telegram"

    def __init__(self, clock: list[datetime], rng: random.Random, kill_rate: float) -> None:
        self.clock = clock
        self.rng = rng
        self.kill_rate = kill_rate
        self.received: list[tuple[datetime, str]] = []

    async def send(self, message: Outgoing) -> None:
        self.received.append((self.clock[0], message.text))
        if self.rng.random() < self.kill_rate:
            raise Killed  # accepted by the platform, never marked sent


def worst_window(times: list[datetime], period: timedelta) -> int:
    most = 0
    for i, start in enumerate(times):
        most = max(most, sum(1 for t in times[i:] if t < start + period))
    return most


@pytest.mark.parametrize(
    ("limits", "per_minute", "gap"),
    [
        (RateLimits(), 20, timedelta(seconds=1)),  # Telegram
        (
            RateLimits(timedelta(seconds=3), (10, timedelta(minutes=1)), 1),  # WeChat defaults
            10,
            timedelta(seconds=3),
        ),
    ],
    ids=["telegram", "wechat"],
)
async def test_restarts_do_not_reset_the_limits(
    tmp_path: Path, limits: RateLimits, per_minute: int, gap: timedelta
) -> None:
    rng = random.Random(15)
    clock = [T0]
    platform = Platform(clock, rng, kill_rate=0.08)
    store = await Store.open(tmp_path / "linli.db")
    restarts = 0
    try:
        async with store.transaction():
            await store.outbox.add(
                [Outgoing(GROUP, Kind.COMMAND_REPLY, f"m{i}") for i in range(60)], T0
            )
        deliverer = Deliverer(store, platform, limits, clock=lambda: clock[0])
        while await store.outbox.pending_count() or restarts == 0:
            try:
                await deliverer.deliver_due()
            except Killed:
                deliverer = None  # type: ignore[assignment]
            if deliverer is None or rng.random() < 0.02:
                # A restart: a new process with a new Deliverer on the same database.
                await store.close()
                store = await Store.open(tmp_path / "linli.db")
                deliverer = Deliverer(store, platform, limits, clock=lambda: clock[0])
                restarts += 1
            clock[0] += STEP
            assert clock[0] < T0 + timedelta(hours=1), "delivery stalled"
    finally:
        await store.close()
    times = [t for t, _ in platform.received]
    texts = {text for _, text in platform.received}
    assert texts == {f"m{i}" for i in range(60)}  # everything went, at least once
    assert restarts >= 5
    assert len(times) - 60 >= 1  # some were sent twice (killed before the mark)
    assert worst_window(times, timedelta(seconds=60)) <= per_minute
    assert min(b - a for a, b in itertools.pairwise(times)) >= gap
