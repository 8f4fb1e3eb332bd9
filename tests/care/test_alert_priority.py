"""The outbox sends community alerts before everything else waiting, within the platform's
rate limits (bot/delivery.py, storage/outbox.py PRIORITY), on a virtual clock."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import pytest

from bot.delivery import Deliverer, RateLimits
from bot.model import Kind, Outgoing
from storage import Store
from tests.test_delivery import T0, Clock, FakeSender


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[Store]:
    s = await Store.open(tmp_path / "d.db")
    yield s
    await s.close()


async def queue(store: Store, messages: list[Outgoing], minutes: float = 0) -> None:
    async with store.transaction():
        await store.outbox.add(messages, T0 + timedelta(minutes=minutes))


def digest(n: int) -> Outgoing:
    return Outgoing(f"telegram:{1000 + n}", Kind.DIGEST, f"digest {n}")


def alert(chat: str, number: int = 1) -> Outgoing:
    return Outgoing(chat, Kind.COMMUNITY_ALERT, f"alert {number}", alert=number)


async def test_alerts_queued_last_go_first_within_the_overall_limit(store: Store) -> None:
    # A morning's 60 digests wait; then an alert for 3 groups and 5 heads is queued.
    await queue(store, [digest(n) for n in range(60)])
    targets = [f"telegram:-100{n}" for n in range(3)] + [f"telegram:{900 + n}" for n in range(5)]
    await queue(store, [alert(chat) for chat in targets], minutes=0.5)
    clock = Clock()
    clock.now = T0 + timedelta(minutes=1)
    sender = FakeSender(clock)
    limits = RateLimits(overall_per_second=10)
    deliverer = Deliverer(store, sender, limits, clock=clock)
    await deliverer.deliver_due()
    # Only 10 may go in this second: all 8 alerts, then 2 digests.
    kinds = [m.kind for _, m in sender.sent]
    assert kinds == [Kind.COMMUNITY_ALERT] * 8 + [Kind.DIGEST] * 2
    assert [m.chat for _, m in sender.sent[:8]] == targets
    # The rest follow in the next seconds, in their own order.
    for _ in range(10):
        clock.now += timedelta(seconds=1)
        await deliverer.deliver_due()
    assert [m.text for _, m in sender.sent[8:]] == [f"digest {n}" for n in range(60)]


async def test_an_alert_still_keeps_the_per_chat_gap(store: Store) -> None:
    clock = Clock()
    sender = FakeSender(clock)
    deliverer = Deliverer(store, sender, RateLimits(), clock=clock)
    await queue(store, [Outgoing("telegram:-1001", Kind.ISSUE_CREATED, "reply")])
    await deliverer.deliver_due()
    await queue(store, [alert("telegram:-1001")])
    await deliverer.deliver_due()  # the same instant: the group's 1 s gap holds it back
    assert [m.kind for _, m in sender.sent] == [Kind.ISSUE_CREATED]
    clock.now += timedelta(seconds=1)
    await deliverer.deliver_due()
    assert [m.kind for _, m in sender.sent] == [Kind.ISSUE_CREATED, Kind.COMMUNITY_ALERT]


async def test_alerts_pass_older_messages_to_the_same_chat(store: Store) -> None:
    await queue(store, [Outgoing("telegram:-1001", Kind.EVENT_REMINDER, f"r{n}") for n in range(3)])
    await queue(store, [alert("telegram:-1001")], minutes=1)
    clock = Clock()
    clock.now = T0 + timedelta(minutes=2)
    sender = FakeSender(clock)
    deliverer = Deliverer(store, sender, RateLimits(), clock=clock)
    for _ in range(4):
        await deliverer.deliver_due()
        clock.now += timedelta(seconds=1)
    assert [m.text for _, m in sender.sent] == ["alert 1", "r0", "r1", "r2"]
