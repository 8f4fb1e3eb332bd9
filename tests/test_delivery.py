"""The shared delivery layer: order, rate limits, retries, fallbacks — on a virtual clock."""

from __future__ import annotations

import itertools
import random
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.delivery import (
    Deliverer,
    PermanentFailure,
    RateLimiter,
    RateLimits,
    RetryLater,
    SendError,
    Unreachable,
)
from bot.model import Kind, Mention, Outgoing
from storage import Store

T0 = datetime(2026, 5, 1, 1, 0, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now


class FakeSender:
    platform = "telegram"

    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        self.sent: list[tuple[datetime, Outgoing]] = []
        self.failures: dict[str, list[Exception]] = {}

    async def send(self, message: Outgoing) -> None:
        queue = self.failures.get(message.chat)
        if queue:
            raise queue.pop(0)
        self.sent.append((self.clock(), message))


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[Store]:
    s = await Store.open(tmp_path / "d.db")
    yield s
    await s.close()


async def queue(store: Store, messages: list[Outgoing]) -> None:
    async with store.transaction():
        await store.outbox.add(messages, T0)


async def drain(deliverer: Deliverer, clock: Clock, until: timedelta, step: timedelta) -> None:
    end = clock.now + until
    while clock.now <= end:
        await deliverer.deliver_due()
        clock.now += step


def msg(chat: str, i: int) -> Outgoing:
    return Outgoing(chat, Kind.COMMAND_REPLY, f"m{i}")


async def test_burst_to_one_group_respects_window_and_order(store: Store) -> None:
    clock = Clock()
    sender = FakeSender(clock)
    d = Deliverer(store, sender, RateLimits(), clock=clock)
    await queue(store, [msg("telegram:-1", i) for i in range(100)])
    await drain(d, clock, timedelta(minutes=6), timedelta(seconds=1))
    times = [t for t, _ in sender.sent]
    assert [m.text for _, m in sender.sent] == [f"m{i}" for i in range(100)]
    for i, t in enumerate(times):
        window = [u for u in times[: i + 1] if u > t - timedelta(minutes=1)]
        assert len(window) <= 20
    assert all(b - a >= timedelta(seconds=1) for a, b in itertools.pairwise(times))
    assert await store.outbox.pending_count() == 0


async def test_one_chat_at_its_limit_does_not_block_others(store: Store) -> None:
    clock = Clock()
    sender = FakeSender(clock)
    d = Deliverer(store, sender, RateLimits(), clock=clock)
    await queue(store, [msg("telegram:-1", i) for i in range(30)] + [msg("telegram:-2", 99)])
    await d.deliver_due()
    chats = [m.chat for _, m in sender.sent]
    assert chats == ["telegram:-1", "telegram:-2"]


async def test_retry_after_is_honoured_and_nothing_dropped(store: Store) -> None:
    clock = Clock()
    sender = FakeSender(clock)
    sender.failures["telegram:-1"] = [RetryLater(7)]
    d = Deliverer(store, sender, RateLimits(), clock=clock)
    await queue(store, [msg("telegram:-1", 0), msg("telegram:-1", 1)])
    await drain(d, clock, timedelta(seconds=12), timedelta(seconds=1))
    assert [m.text for _, m in sender.sent] == ["m0", "m1"]
    assert sender.sent[0][0] >= T0 + timedelta(seconds=7)


async def test_network_errors_back_off_then_succeed(store: Store) -> None:
    clock = Clock()
    sender = FakeSender(clock)
    sender.failures["telegram:-1"] = [SendError("timeout"), SendError("502")]
    d = Deliverer(store, sender, RateLimits(), clock=clock, rng=random.Random(1))
    await queue(store, [msg("telegram:-1", 0)])
    await drain(d, clock, timedelta(seconds=30), timedelta(milliseconds=500))
    assert [m.text for _, m in sender.sent] == ["m0"]
    assert sender.sent[0][0] > T0 + timedelta(seconds=1)


async def test_unreachable_person_gets_a_notice_in_the_group(store: Store) -> None:
    clock = Clock()
    sender = FakeSender(clock)
    sender.failures["telegram:501"] = [Unreachable("bot was never started")]
    d = Deliverer(store, sender, RateLimits(), clock=clock)
    reminder = Outgoing(
        "telegram:501",
        Kind.ACK_REMINDER,
        "第 1 号问题还没有受理。报告人电话13812345678",
        issue=1,
        mentions=(Mention("telegram:501", "张阿姨"),),
        fallback_chat="telegram:-1",
    )
    await queue(store, [reminder])
    await drain(d, clock, timedelta(seconds=3), timedelta(seconds=1))
    assert len(sender.sent) == 1
    notice = sender.sent[0][1]
    assert notice.chat == "telegram:-1" and notice.kind is Kind.ACK_REMINDER and notice.issue == 1
    assert "/start" in notice.text and "第 1 号" in notice.text
    assert "138****5678" in notice.text and "13812345678" not in notice.text


async def test_permanent_failure_is_given_up_and_office_told(store: Store) -> None:
    clock = Clock()
    sender = FakeSender(clock)
    sender.failures["telegram:-9"] = [PermanentFailure("bot was kicked")]
    d = Deliverer(store, sender, RateLimits(), office_chat="telegram:-100", clock=clock)
    await queue(store, [msg("telegram:-9", 0)])
    await drain(d, clock, timedelta(seconds=3), timedelta(seconds=1))
    assert [m.chat for _, m in sender.sent] == ["telegram:-100"]
    assert "telegram:-9" in sender.sent[0][1].text
    assert await store.outbox.pending_count() == 0


def test_rate_limiter_overall_limit() -> None:
    limiter = RateLimiter(RateLimits(overall_per_second=3))
    for i in range(3):
        assert limiter.next_allowed(f"c{i}", T0) == T0
        limiter.record(f"c{i}", T0)
    assert limiter.next_allowed("c9", T0) == T0 + timedelta(seconds=1)


def test_group_window_does_not_apply_to_private_chats() -> None:
    limiter = RateLimiter(RateLimits(group_window=(2, timedelta(minutes=1))))
    at = T0
    for _ in range(5):
        assert limiter.next_allowed("telegram:501", at) == at
        limiter.record("telegram:501", at)
        at += timedelta(seconds=1)
    for i in range(2):
        limiter.record("telegram:-1", T0 + timedelta(seconds=i))
    assert limiter.next_allowed("telegram:-1", T0 + timedelta(seconds=5)) == T0 + timedelta(
        minutes=1
    )


async def test_retry_now_sends_what_waits_in_backoff(store: Store) -> None:
    clock = Clock()
    sender = FakeSender(clock)
    sender.failures["telegram:-1"] = [SendError("gateway down")] * 100
    d = Deliverer(store, sender, RateLimits(), clock=clock, rng=random.Random(3))
    await queue(store, [msg("telegram:-1", 0)])
    await drain(d, clock, timedelta(minutes=3), timedelta(seconds=1))
    assert sender.sent == []  # still failing, and the backoff has grown
    sender.failures["telegram:-1"] = []
    await d.deliver_due()
    assert sender.sent == []  # without a reconnect it waits out the grown delay
    await d.retry_now()
    await d.deliver_due()
    assert [m.text for _, m in sender.sent] == ["m0"]
