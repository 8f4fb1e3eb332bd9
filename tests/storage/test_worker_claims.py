"""Several workers on one PostgreSQL database: each outbox row sent by one worker, each timer
fired by one, a dead worker's claims taken over after their lease, a redelivered message
handled once, one process per account. Each "worker" here is a Store or a Linli of its own
(its own connection), as a process would have."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import timedelta

import pytest

from bot.app import Linli
from bot.config import Config
from bot.model import Kind, Outgoing
from storage import StorageError, Store
from storage.outbox import CLAIM_LEASE, Lane
from storage.workers import WorkerNameInUse, hold_name
from tests.conftest import T0, fresh_pg_database, pg_server_url, say

TG = Lane("telegram")


@pytest.fixture
async def url() -> AsyncIterator[str]:
    async with fresh_pg_database("linli_claims") as found:
        yield found


async def stores(url: str, n: int) -> list[Store]:
    return [await Store.open(url) for _ in range(n)]


async def queue_one(store: Store) -> int:
    async with store.transaction():
        (row,) = await store.outbox.add([Outgoing("telegram:-1001", Kind.COMMAND_REPLY, "好")], T0)
    return row


async def test_a_row_is_claimed_by_one_worker_and_taken_over_after_its_lease(url: str) -> None:
    a, b = await stores(url, 2)
    try:
        row = await queue_one(a)
        assert [q.id for q in await b.outbox.due(TG, T0)] == [row]
        assert await a.outbox.claim(row, T0, worker="a")
        assert not await b.outbox.claim(row, T0, worker="b")
        # "a" dies before marking it sent: not due for anyone while its claim holds ...
        almost = T0 + CLAIM_LEASE - timedelta(seconds=1)
        assert await b.outbox.due(TG, almost) == []
        assert not await b.outbox.claim(row, almost, worker="b")
        # ... then due again, and "b" takes it over (sends it again: at-least-once).
        lapsed = T0 + CLAIM_LEASE + timedelta(seconds=1)
        assert [q.id for q in await b.outbox.due(TG, lapsed)] == [row]
        assert await b.outbox.claim(row, lapsed, worker="b")
        # "a" restarting takes back only its own claims: this one is b's now.
        assert await a.outbox.release_claims("telegram", "a") == 0
        assert await b.outbox.release_claims("telegram", "b") == 1
    finally:
        for s in (a, b):
            await s.close()


async def test_a_row_being_claimed_is_skipped_not_waited_for(url: str) -> None:
    a, b = await stores(url, 2)
    try:
        row = await queue_one(a)
        async with a.transaction() as conn:
            # Another worker is in the middle of claiming it (its row lock is held).
            await conn.execute("SELECT id FROM outbox WHERE id = ? FOR UPDATE", (row,))
            assert not await asyncio.wait_for(b.outbox.claim(row, T0, worker="b"), 5)
        assert await b.outbox.claim(row, T0, worker="b")
    finally:
        for s in (a, b):
            await s.close()


async def test_a_timer_is_fired_by_one_worker_and_again_if_that_one_rolled_back(
    url: str,
) -> None:
    a, b = await stores(url, 2)
    try:
        async with a.transaction():
            timer = await a.timers.add("x", 1, T0)
        with pytest.raises(RuntimeError):
            async with a.transaction():
                assert await a.timers.done(timer)
                async with b.transaction():
                    # Being fired by "a": skipped at once, not waited for.
                    assert not await asyncio.wait_for(b.timers.done(timer), 5)
                raise RuntimeError("a is killed mid-fire")
        async with b.transaction():
            assert await b.timers.done(timer)  # rolled back: pending again, b fires it
        async with a.transaction():
            assert not await a.timers.done(timer)  # done
    finally:
        for s in (a, b):
            await s.close()


async def test_workers_ticking_together_fire_each_reminder_once(config: Config, url: str) -> None:
    a = await Linli.open(config, database=url)
    b = await Linli.open(config, database=url)
    try:
        for app in (a, b):
            await app.start(T0)
        for i in range(8):
            await (a, b)[i % 2].handle(say(f"{i + 1}单元楼道灯坏了", sender=f"local:r{i}"))
        due = T0 + timedelta(hours=1)
        outs = await asyncio.gather(a.tick(due), b.tick(due), a.tick(due), b.tick(due))
        reminded = [
            n
            for batch in outs
            for o in batch
            if o.kind is Kind.ACK_REMINDER
            for n in (o.issues or (o.issue,))
        ]
        assert sorted(reminded) == list(range(1, 9))
    finally:
        for app in (a, b):
            await app.close()


async def test_a_timer_another_worker_added_fires_after_an_idle_tick(
    config: Config, url: str
) -> None:
    a = await Linli.open(config, database=url)
    b = await Linli.open(config, database=url)
    try:
        for app in (a, b):
            await app.start(T0)
        await a.tick(T0 + timedelta(minutes=1))  # nothing due
        await b.handle(say("3单元楼道灯坏了好几天了", minutes=1))
        outs = await a.tick(T0 + timedelta(hours=1))
        assert [o.issue for o in outs if o.kind is Kind.ACK_REMINDER] == [1]
    finally:
        for app in (a, b):
            await app.close()


async def test_a_message_delivered_to_two_workers_at_once_is_handled_once(
    config: Config, url: str
) -> None:
    a = await Linli.open(config, database=url)
    b = await Linli.open(config, database=url)
    try:
        msg = say("/whoami", message_id="same")
        outs = await asyncio.gather(a.handle(msg), b.handle(msg))
        assert sorted(len(o) for o in outs) == [0, 1]
        assert await a.store.inbox.count() == 1
        assert await a.store.outbox.pending_count() == 1
    finally:
        for app in (a, b):
            await app.close()


async def test_an_account_runs_in_one_process_at_a_time(url: str) -> None:
    a, b = await stores(url, 2)
    try:
        await hold_name(a.db, "telegram/east")
        with pytest.raises(WorkerNameInUse):
            await hold_name(b.db, "telegram/east")
        await hold_name(b.db, "telegram/west")
        await a.close()  # the process dies: its connection and its hold go
        c = await Store.open(url)
        await hold_name(c.db, "telegram/east")
        await c.close()
    finally:
        await b.close()


async def _terminate(store: Store) -> None:
    """Cut the store's connection from the server's side and wait until it is gone."""
    import psycopg

    pid = store.db.conn.raw.info.backend_pid  # type: ignore[attr-defined]
    async with await psycopg.AsyncConnection.connect(pg_server_url(), autocommit=True) as admin:
        await admin.execute("SELECT pg_terminate_backend(%s, 5000)", (pid,))


async def _touch(store: Store) -> None:
    async with store.transaction() as conn:
        await conn.execute("SELECT 1")


async def test_an_account_is_held_again_after_a_reconnect(url: str) -> None:
    a, b = await stores(url, 2)
    if not hasattr(a.db.conn, "on_reconnect"):
        pytest.skip("this PostgreSQL backend does not reconnect")
    try:
        await hold_name(a.db, "telegram/east")
        await _terminate(a)
        await _touch(a)  # made anew: the account is taken again first
        with pytest.raises(WorkerNameInUse):
            await hold_name(b.db, "telegram/east")
    finally:
        for s in (a, b):
            await s.close()


async def test_an_account_taken_meanwhile_stops_the_worker_that_lost_it(url: str) -> None:
    a, b = await stores(url, 2)
    if not hasattr(a.db.conn, "on_reconnect"):
        pytest.skip("this PostgreSQL backend does not reconnect")
    lost: list[str] = []
    try:
        await hold_name(a.db, "telegram/east", lost.append)
        await _terminate(a)
        await hold_name(b.db, "telegram/east")  # another worker took the account meanwhile
        with pytest.raises(StorageError):
            await _touch(a)  # refused: it must not go on sending east's messages
        assert lost == ["telegram/east"]
    finally:
        for s in (a, b):
            await s.close()
