"""WeChat across a restart of linli: what a gateway re-sends is handled once, and what it
buffered while linli was down is handled (issue 15). The puppet protocol has no
acknowledgement, so this is all linli can do; docs/delivery.md says what is lost where a
gateway does not buffer."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fake_puppet import FakePuppetService
from test_wechat import HEAD, RESIDENT, ROOM, wait_until, write_config

from bot.adapters.wechat import Backoff, WeChatAdapter
from bot.app import Linli
from bot.model import Kind


@asynccontextmanager
async def linli_process(tmp_path: Path, fake: FakePuppetService) -> AsyncIterator[Linli]:
    """One life of the bot: its own Linli and adapter on the shared database."""
    config = write_config(tmp_path)
    app = await Linli.open(config, database=tmp_path / "bot.db")
    adapter = WeChatAdapter(
        app,
        config.wechat,
        endpoint=fake.endpoint,
        token="insecure_test",
        backoff=Backoff(initial=0.05, maximum=0.2),
    )
    await adapter.start()
    try:
        await asyncio.wait_for(adapter.logged_in.wait(), 5)
        yield app
    finally:
        await asyncio.wait_for(adapter.stop(), 5)
        await app.close()


async def handled(app: Linli, count: int) -> None:
    async def done() -> bool:
        async with app.store.transaction():
            return await app.store.inbox.count() >= count and not await app.store.inbox.pending()

    await wait_until(done)


async def test_resent_and_buffered_messages_after_a_restart(tmp_path: Path) -> None:
    fake = FakePuppetService()
    fake.add_contact(RESIDENT, "小王")
    fake.add_contact(HEAD, "张阿姨")
    fake.add_room(ROOM, "幸福里1号楼", [RESIDENT, HEAD])
    await fake.start()
    try:
        async with linli_process(tmp_path, fake) as app:
            first = fake.say("3单元楼道灯坏了好几天了", talker=RESIDENT, room=ROOM)
            await handled(app, 1)
        # linli is down: the head answers meanwhile; the gateway buffers it.
        fake.say("收到 1", talker=HEAD, room=ROOM)
        async with linli_process(tmp_path, fake) as app:
            fake.redeliver(first)  # the gateway sends the report again after the reconnect
            await handled(app, 2)
            await asyncio.sleep(0.2)  # room for the re-sent report to be (wrongly) handled
            async with app.store.db.conn.execute("SELECT kind FROM outbox ORDER BY id") as cur:
                kinds = [row[0] for row in await cur.fetchall()]
            assert await app.store.inbox.count() == 2
    finally:
        await fake.stop()
    assert kinds.count(str(Kind.ISSUE_CREATED)) == 1
    assert kinds.count(str(Kind.ISSUE_STATUS)) == 1
