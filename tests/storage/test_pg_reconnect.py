"""A worker's PostgreSQL connection lost between transactions (server restarted, backend
terminated) is made anew; one lost inside a transaction fails only that transaction. Needs
the PostgreSQL test server."""

from __future__ import annotations

import psycopg
import pytest

from storage import StorageError, Store
from tests.conftest import fresh_pg_database, pg_server_url, say


async def _terminate(store: Store) -> None:
    """Cut the store's connection from the server's side."""
    pid = store.db.conn.raw.info.backend_pid
    async with await psycopg.AsyncConnection.connect(pg_server_url(), autocommit=True) as admin:
        await admin.execute("SELECT pg_terminate_backend(%s)", (pid,))


async def test_a_lost_connection_is_made_anew_for_the_next_transaction() -> None:
    async with fresh_pg_database() as url:
        store = await Store.open(url)
        called: list[int] = []

        async def again() -> None:
            called.append(1)

        store.db.conn.on_reconnect.append(again)  # type: ignore[attr-defined]
        try:
            await store.inbox.store(say("1", message_id="a"))
            await _terminate(store)
            assert await store.inbox.store(say("2", message_id="b")) is not None
            assert await store.inbox.count() == 2
            assert called == [1]
        finally:
            await store.close()


async def test_a_connection_lost_inside_a_transaction_fails_it_whole() -> None:
    async with fresh_pg_database() as url:
        store = await Store.open(url)
        try:
            with pytest.raises(StorageError):
                async with store.transaction():
                    await store.inbox.add(say("1", message_id="a"))
                    await _terminate(store)
                    await store.inbox.add(say("2", message_id="b"))
            assert await store.inbox.count() == 0  # nothing of it committed, on a new connection
        finally:
            await store.close()
