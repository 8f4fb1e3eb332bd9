"""The rate limiter's memory is bounded by the chats written to recently (a district writes
privately to thousands of residents), and forgetting the others changes no decision."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from bot import delivery
from bot.delivery import RateLimiter, RateLimits

T0 = datetime(2026, 5, 4, 7, 0, tzinfo=UTC)


def _run(limiter: RateLimiter, seed: int) -> list[datetime]:
    rng = random.Random(seed)
    now = T0
    decisions = []
    for k in range(20_000):
        now += timedelta(milliseconds=rng.randrange(0, 900))
        # a few busy groups and many residents written to once or twice
        chat = f"telegram:-{rng.randrange(20)}" if rng.random() < 0.5 else f"telegram:{k % 7000}"
        if rng.random() < 0.01:
            limiter.block(chat, now + timedelta(seconds=rng.randrange(1, 30)))
        at = limiter.next_allowed(chat, now)
        decisions.append(at)
        if at == now:
            limiter.record(chat, now)
    return decisions


def test_pruning_keeps_memory_bounded_and_decisions_unchanged(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pruned = RateLimiter(RateLimits())
    decided = _run(pruned, seed=3)
    # ~20,000 sends over ~2.5 hours: only the last minute's chats are remembered.
    assert len(pruned._per_chat) < 500
    monkeypatch.setattr(delivery, "PRUNE_EVERY", 10**9)
    kept = RateLimiter(RateLimits())
    assert _run(kept, seed=3) == decided
    assert len(kept._per_chat) > 5_000
    assert len(pruned._blocked_until) < len(kept._blocked_until)
