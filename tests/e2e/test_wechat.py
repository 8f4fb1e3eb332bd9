"""End to end: the real python-wechaty puppet-service client against a fake gateway.

Each test serves :class:`FakePuppetService` on 127.0.0.1 (random port), runs the WeChat
adapter of a bot configured with WeChat ids, and checks what the gateway was asked to send.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fake_puppet import MENTION_SEPARATOR, FakePuppetService, SentText

from bot.adapters.wechat import Backoff, WeChatAdapter
from bot.app import Linli
from bot.config import Config, load_config
from bot.delivery import Deliverer
from bot.model import Kind

ROOM = "20874@chatroom"
RESIDENT = "wxid_resident_1"
HEAD = "wxid_head_1"
ADMIN = "wxid_admin"
UNBOUND_ROOM = "99999@chatroom"

CONFIG = f"""
[community]
name = "幸福里社区"
timezone = "Asia/Shanghai"
office_chat = "wechat:office@chatroom"

[storage]
database = "bot.db"

[[buildings]]
name = "1号楼"
chats = ["wechat:{ROOM}"]

[[people]]
id = "wechat:{ADMIN}"
name = "社区管理员"
role = "admin"

[[people]]
id = "wechat:{HEAD}"
name = "张阿姨"
role = "head"
buildings = ["1号楼"]

[wechat]
enabled = true
endpoint = "127.0.0.1:1"
token_env = "LINLI_TEST_WECHAT_TOKEN"
per_room_per_minute = 10
min_gap = "3s"
"""


def write_config(tmp_path: Path) -> Config:
    path = tmp_path / "linli.toml"
    path.write_text(CONFIG, encoding="utf-8")
    return load_config(path)


async def wait_until(check: Callable[[], Awaitable[bool]], timeout: float = 5.0) -> None:
    async def poll() -> None:
        while not await check():
            await asyncio.sleep(0.02)

    await asyncio.wait_for(poll(), timeout)


@dataclass
class World:
    fake: FakePuppetService
    app: Linli
    adapter: WeChatAdapter
    deliverer: Deliverer
    now: list[datetime]

    async def handled(self, count: int) -> None:
        """Wait until ``count`` messages are in the inbox and none is pending."""

        async def done() -> bool:
            store = self.app.store
            # Read inside a transaction of our own: it waits for the dispatcher's to commit.
            async with store.transaction():
                return await store.inbox.count() >= count and not await store.inbox.pending()

        await wait_until(done)

    async def deliver(self, expect: int) -> list[SentText]:
        """Deliver what is due (on virtual time, well apart) and wait for the gateway."""
        before = len(self.fake.sent)
        for _ in range(expect):
            self.now[0] += timedelta(minutes=1)
            await self.deliverer.deliver_due()
        return (await self.fake.wait_sent(before + expect))[before:]


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[World]:
    fake = FakePuppetService()
    fake.add_contact(RESIDENT, "小王")
    fake.add_contact(HEAD, "张阿姨", friend=False)
    fake.add_contact(ADMIN, "社区管理员")
    fake.add_room(ROOM, "幸福里1号楼", [RESIDENT, HEAD, ADMIN])
    fake.add_room(UNBOUND_ROOM, "新群", [ADMIN])
    await fake.start()
    config = write_config(tmp_path)
    app = await Linli.open(config, database=tmp_path / "bot.db")
    # Messages carry the gateway's (real) timestamps; the delivery clock starts there.
    now = [datetime.now(UTC)]
    await app.start(now[0])
    adapter = WeChatAdapter(
        app,
        config.wechat,
        endpoint=fake.endpoint,
        token="insecure_test",
        backoff=Backoff(initial=0.05, maximum=0.2),
    )
    deliverer = Deliverer(
        app.store, adapter, adapter.limits, office_chat=config.office_chat, clock=lambda: now[0]
    )
    await adapter.start()
    try:
        await asyncio.wait_for(adapter.logged_in.wait(), 5)
        yield World(fake, app, adapter, deliverer, now)
    finally:
        await asyncio.wait_for(adapter.stop(), 5)
        await fake.stop()
        await app.close()


async def test_room_report_is_answered_with_a_real_mention(world: World) -> None:
    world.fake.say("3单元楼道灯坏了好几天了", talker=RESIDENT, room=ROOM)
    await world.handled(1)
    [sent] = await world.deliver(1)
    assert sent.conversation_id == ROOM
    assert sent.mention_ids == (RESIDENT,)
    assert sent.text.startswith(f"@小王{MENTION_SEPARATOR}已记录为第 1 号问题")
    async with world.app.store.db.conn.execute("SELECT kind, issue FROM outbox") as cur:
        rows = [tuple(r) for r in await cur.fetchall()]
    assert rows == [(str(Kind.ISSUE_CREATED), 1)]
    assert "MessageSendText" in world.fake.calls
