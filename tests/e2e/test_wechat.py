"""End to end: the real python-wechaty puppet-service client against a fake gateway.

Each test serves :class:`FakePuppetService` on 127.0.0.1 (random port), runs the WeChat
adapter of a bot configured with WeChat ids, and checks what the gateway was asked to send.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fake_puppet import MENTION_SEPARATOR, FakePuppetService, SentText

from bot.adapters.wechat import Backoff, WeChatAdapter
from bot.app import Linli
from bot.config import Config, load_config
from bot.delivery import Deliverer
from bot.model import Kind, Mention, Outgoing

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


@asynccontextmanager
async def open_world(tmp_path: Path, *, watchdog: timedelta | None = None) -> AsyncIterator[World]:
    """A running fake gateway and a logged-in adapter; ``watchdog`` overrides the config's."""
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
    wechat = config.wechat
    if watchdog is not None:
        wechat = replace(wechat, watchdog=watchdog)
    adapter = WeChatAdapter(
        app,
        wechat,
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


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[World]:
    async with open_world(tmp_path) as opened:
        yield opened


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


async def outbox_kinds(app: Linli) -> list[tuple[str, str]]:
    async with app.store.db.conn.execute("SELECT chat, kind FROM outbox ORDER BY id") as cur:
        return [(r["chat"], r["kind"]) for r in await cur.fetchall()]


async def test_head_acknowledges_with_a_chinese_alias_after_mentioning_the_bot(
    world: World,
) -> None:
    world.fake.say("3单元楼道灯坏了好几天了", talker=RESIDENT, room=ROOM)
    await world.handled(1)
    # Elderly heads address the bot the WeChat way: "@邻里助手\u2005收到 1".
    world.fake.say(
        f"@邻里助手{MENTION_SEPARATOR}收到 1",
        talker=HEAD,
        room=ROOM,
        mention_ids=(world.fake.self_id,),
    )
    await world.handled(2)
    _created, status = await world.deliver(2)
    assert (await outbox_kinds(world.app))[-1] == (f"wechat:{ROOM}", str(Kind.ISSUE_STATUS))
    assert status.conversation_id == ROOM
    assert "第 1 号问题已由张阿姨受理" in status.text
    assert status.mention_ids == (RESIDENT,)
    async with world.app.store.db.conn.execute("SELECT text FROM inbox ORDER BY id") as cur:
        texts = [r["text"] for r in await cur.fetchall()]
    assert texts[1] == "收到 1"


async def test_bind_in_an_unbound_room_tells_the_admin_its_id(world: World) -> None:
    world.fake.say("/bind", talker=ADMIN, room=UNBOUND_ROOM)
    await world.handled(1)
    [reply] = await world.deliver(1)
    assert reply.conversation_id == UNBOUND_ROOM
    assert f"wechat:{UNBOUND_ROOM}" in reply.text


async def test_private_message_to_a_non_friend_becomes_a_notice_in_the_room(
    world: World,
) -> None:
    head = Mention(f"wechat:{HEAD}", "张阿姨")
    resident = Mention(f"wechat:{RESIDENT}", "小王")
    async with world.app.store.transaction():
        await world.app.store.outbox.add(
            [
                Outgoing(
                    head.user,
                    Kind.ACK_REMINDER,
                    "第 1 号问题还没有受理。",
                    issue=1,
                    mentions=(head,),
                    fallback_chat=f"wechat:{ROOM}",
                ),
                Outgoing(resident.user, Kind.COMMAND_REPLY, "您好。"),
            ],
            world.now[0],
        )
    sent = await world.deliver(2)
    by_chat = {s.conversation_id: s for s in sent}
    assert by_chat[RESIDENT].text == "您好。"  # a friend: a plain private message
    notice = by_chat[ROOM]  # not a friend: asked in the room, with a real mention
    assert notice.mention_ids == (HEAD,)
    assert notice.text.startswith(f"@张阿姨{MENTION_SEPARATOR}")
    assert "第 1 号问题还没有受理。" in notice.text
    assert HEAD not in by_chat


async def test_no_message_is_lost_or_doubled_when_the_connection_drops(world: World) -> None:
    first = world.fake.say("3单元楼道灯坏了好几天了", talker=RESIDENT, room=ROOM)
    await world.handled(1)
    await world.fake.stop()  # the gateway goes away ...
    world.fake.say("5单元电梯停了，只能爬楼", talker=RESIDENT, room=ROOM)  # said meanwhile
    await asyncio.sleep(0.3)  # the client retries (and fails) a few times
    await world.fake.start(world.fake.port)  # ... and comes back on the same port
    world.fake.redeliver(first)  # gateways may send what was already delivered
    await wait_until(lambda: _true(world.fake.event_streams >= 2))
    world.fake.say("收到 1", talker=HEAD, room=ROOM)
    await world.handled(3)
    assert world.adapter.connections >= 2
    async with world.app.store.db.conn.execute("SELECT message_id FROM inbox ORDER BY id") as cur:
        assert len([r[0] for r in await cur.fetchall()]) == 3
    kinds = [k for _, k in await outbox_kinds(world.app)]
    assert kinds.count(str(Kind.ISSUE_CREATED)) == 2
    assert kinds.count(str(Kind.ISSUE_STATUS)) == 1
    sent = await world.deliver(3)
    assert [s.conversation_id for s in sent] == [ROOM] * 3


async def _true(value: bool) -> bool:
    return value


async def test_a_puppet_error_does_not_stop_the_loop_and_the_client_reconnects(
    world: World,
) -> None:
    from bot.adapters.wechaty_compat import GuardedWechaty, WechatyPuppetError

    await world.adapter.stop()
    failures = [1]

    def flaky(*args: object, **kwargs: object) -> GuardedWechaty:
        client = GuardedWechaty(*args, **kwargs)  # type: ignore[arg-type]
        if failures:
            failures.pop()

            async def fail() -> None:
                raise WechatyPuppetError("puppet_stub should not be none")

            client.start = fail  # type: ignore[method-assign]
        return client

    world.adapter._client_factory = flaky
    world.adapter.logged_in.clear()
    await world.adapter.start()
    await asyncio.wait_for(world.adapter.logged_in.wait(), 5)
    assert not failures
    world.fake.say("3单元楼道灯坏了好几天了", talker=RESIDENT, room=ROOM)
    await world.handled(1)
    [sent] = await world.deliver(1)
    assert sent.mention_ids == (RESIDENT,)


async def test_a_burst_to_one_room_is_spread_within_the_limits(world: World) -> None:
    replies = [Outgoing(f"wechat:{ROOM}", Kind.COMMAND_REPLY, f"第 {i} 条") for i in range(30)]
    async with world.app.store.transaction():
        await world.app.store.outbox.add(replies, world.now[0])
    start = world.now[0]
    sent_at: list[datetime] = []
    while len(sent_at) < 30 and world.now[0] - start < timedelta(hours=1):
        before = world.deliverer.sent
        await world.deliverer.deliver_due()
        sent_at += [world.now[0]] * (world.deliverer.sent - before)
        world.now[0] += timedelta(seconds=1)
    sent = await world.fake.wait_sent(30)
    assert [s.text for s in sent] == [r.text for r in replies]  # all, in order
    for i, at in enumerate(sent_at):
        window = [t for t in sent_at[: i + 1] if at - t < timedelta(minutes=1)]
        assert len(window) <= 10
        if i:
            assert at - sent_at[i - 1] >= timedelta(seconds=3)
