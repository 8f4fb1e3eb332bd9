"""Several processes on one PostgreSQL database (issue 19): the inbox's unique key keeps a
message that two workers receive at once to one row, handled once. Each connection here
stands for one worker. Needs the PostgreSQL test server."""

from __future__ import annotations

import asyncio

from bot.app import Linli
from bot.config import Config
from storage import Store
from tests.conftest import T0, fresh_pg_database, say

WORKERS = 4


async def test_the_same_message_stored_by_several_connections_is_one_row() -> None:
    async with fresh_pg_database() as url:
        stores = [await Store.open(url) for _ in range(WORKERS)]
        try:
            msg = say("3单元楼道灯坏了", message_id="tg-7")
            ids = await asyncio.gather(*(s.inbox.store(msg) for s in stores))
            assert len([i for i in ids if i is not None]) == 1
            assert await stores[0].inbox.count() == 1
        finally:
            for s in stores:
                await s.close()


async def test_a_message_handled_by_two_workers_at_once_is_handled_once(config: Config) -> None:
    async with fresh_pg_database() as url:
        apps = [await Linli.open(config, database=url) for _ in range(2)]
        try:
            for app in apps:
                await app.start(T0)
            msg = say("3单元楼道灯坏了好几天了", message_id="tg-8")
            results = await asyncio.gather(*(app.handle(msg) for app in apps))
            assert sorted(len(r) for r in results)[0] == 0  # one of them saw a redelivery
            assert sum(1 for r in results for o in r if o.issue == 1) >= 1
            assert await apps[0].store.inbox.count() == 1
            assert await apps[0].store.issues.get(1) is not None
            assert await apps[0].store.issues.get(2) is None
            async with apps[0].store.db.conn.execute("SELECT count(*) FROM outbox") as cur:
                (queued,) = await cur.fetchone()
            assert queued == len([o for r in results for o in r])
        finally:
            for app in apps:
                await app.close()
