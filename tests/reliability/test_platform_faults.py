"""Platform faults, end to end: the real python-telegram-bot and python-wechaty clients against
the local fakes, with faults injected on the wire.

- ``sendMessage`` timing out, answering 5xx or dropping the connection a few times: every
  reply goes once, in order per chat, on a retry schedule that grows and is jittered (the
  shared Deliverer on a virtual clock drives the real ``adapter.send``); a failing chat does
  not hold back another.
- ``getUpdates`` failing (5xx, timeout, dropped, connection refused while the server is down):
  polling recovers by itself and what was said meanwhile is handled exactly once.
- A send that can never succeed (403 "bot was kicked", 400 "chat not found") is logged, given
  up on (outbox row ``failed``) and reported once to the office chat, or the admin.
- The WeChat gateway going away while ``linli run`` (:func:`bot.runner.run`) serves both
  platforms in one loop: Telegram keeps answering, WeChat reconnects, nothing exits.

Every fault injected is counted; the module prints one summary line for the README.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import random
import sqlite3
from collections import Counter
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

import bot.adapters.telegram_receive as telegram_receive
import bot.adapters.wechat as wechat_adapter
from bot import runner
from bot.config import Config, load_config
from bot.delivery import Deliverer
from bot.model import Kind, Outgoing
from tests.conftest import T0
from tests.e2e.fake_bot_api import TOKEN, FakeBotApi, text_update
from tests.e2e.fake_puppet import FakePuppetService
from tests.e2e.faults import Attempts, ScaledSleep, delays, drain, faulty_api, short_timeouts
from tests.e2e.telegram_harness import TOKEN_ENV, eventually, running_bot

pytestmark = pytest.mark.timeout(60)

GROUP_A, GROUP_B, GROUP_C, OFFICE = -1001, -1002, -1003, -1009
HEAD, ADMIN = 5001, 9001
ROOM = "20874@chatroom"
WX_RESIDENT = "wxid_resident_1"

FAULTS: Counter[str] = Counter()
TOTALS: Counter[str] = Counter()


@pytest.fixture(scope="module", autouse=True)
def summary() -> Iterator[None]:
    """Print the figures the README quotes once every test of the module has run."""
    yield
    kinds = ", ".join(f"{kind} {n}" for kind, n in sorted(FAULTS.items()))
    print(
        f"\nplatform faults: {sum(FAULTS.values())} injected ({kinds}), "
        f"{TOTALS['messages']} messages, {TOTALS['lost']} lost, "
        f"{TOTALS['duplicated']} duplicated"
    )


def tally(expected: list[str], got: list[str]) -> None:
    """Count ``expected`` messages (each must arrive once) against what arrived."""
    seen = Counter(got)
    TOTALS["messages"] += len(expected)
    TOTALS["lost"] += sum(1 for m in expected if not seen[m])
    TOTALS["duplicated"] += sum(n - 1 for n in seen.values() if n > 1)


def write_config(
    tmp_path: Path,
    *,
    telegram_url: str | None = None,
    wechat_endpoint: str | None = None,
    office: bool = False,
) -> Config:
    chats = [f'"telegram:{GROUP_A}"', f'"wechat:{ROOM}"']
    text = f"""
[community]
name = "测试社区"
timezone = "Asia/Shanghai"
{f'office_chat = "telegram:{OFFICE}"' if office else ""}

[storage]
database = "linli.db"

[[buildings]]
name = "1号楼"
chats = [{", ".join(chats)}]

[[buildings]]
name = "2号楼"
chats = ["telegram:{GROUP_B}"]

[[buildings]]
name = "3号楼"
chats = ["telegram:{GROUP_C}"]

[[people]]
id = "telegram:{HEAD}"
name = "张阿姨"
role = "head"
buildings = ["1号楼"]

[[people]]
id = "telegram:{ADMIN}"
name = "社区管理员"
role = "admin"
"""
    if telegram_url:
        text += f"""
[telegram]
enabled = true
token_env = "{TOKEN_ENV}"
base_url = "{telegram_url}"
poll_timeout = 1
"""
    if wechat_endpoint:
        text += f"""
[wechat]
enabled = true
endpoint = "{wechat_endpoint}"
token_env = "LINLI_TEST_WECHAT_TOKEN"
min_gap = "1s"
"""
    path = tmp_path / "community.toml"
    path.write_text(text, encoding="utf-8")
    return load_config(path)


# -- 1. sendMessage: transient failures ------------------------------------------------------


async def test_sends_that_fail_for_a_while_go_once_in_order_with_jittered_backoff(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with faulty_api(FAULTS) as server:
        config = write_config(tmp_path, telegram_url=server.base_url)
        async with running_bot(config, monkeypatch, virtual_clock=T0) as bot:
            short_timeouts(bot.adapter)
            clock = bot.clock_value
            attempts = Attempts(bot.adapter, lambda: clock[0])
            deliverer = Deliverer(
                bot.app.store,
                attempts,
                bot.adapter.limits,
                office_chat=runner.notice_chat(config, "telegram"),
                clock=lambda: clock[0],
                rng=random.Random(2026),
            )
            # Chat A's first reply meets four different faults, its third one more; chat C's
            # first reply fails three times in step with A (A4 meets a 429); chat B is healthy.
            for kind, status, why in [
                ("timeout", 0, ""),
                ("http", 500, "Internal Server Error"),
                ("dropped", 0, ""),
                ("http", 502, "Bad Gateway"),
            ]:
                server.inject("sendMessage", kind, status, why, chat_id=GROUP_A, text="A1")
            server.inject("sendMessage", "http", 503, "Service Unavailable", text="A3")
            server.inject("sendMessage", "http", 429, "Too Many Requests", text="A4", retry_after=3)
            for kind, status in [("http", 500), ("timeout", 0), ("dropped", 0)]:
                server.inject("sendMessage", kind, status, "Internal Server Error", text="C1")
            expected = {
                chat: [f"{name}{i} 回复" for i in range(1, 5)]
                for chat, name in [(GROUP_A, "A"), (GROUP_B, "B"), (GROUP_C, "C")]
            }
            async with bot.app.store.transaction():
                for i in range(4):
                    await bot.app.store.outbox.add(
                        [
                            Outgoing(f"telegram:{chat}", Kind.COMMAND_REPLY, texts[i])
                            for chat, texts in expected.items()
                        ],
                        T0,
                    )
            await drain(deliverer, clock)
            async with bot.app.store.db.conn.execute(
                "SELECT status, count(*) FROM outbox GROUP BY status"
            ) as cur:
                statuses = {r[0]: r[1] for r in await cur.fetchall()}

    assert server.pending_faults() == 0
    for chat, texts in expected.items():
        assert [m["text"] for m in server.sent if m["chat_id"] == chat] == texts
    tally([t for texts in expected.values() for t in texts], [m["text"] for m in server.sent])
    assert statuses == {"sent": 12}

    a1, c1 = delays(attempts.times("A1 回复")), delays(attempts.times("C1 回复"))
    assert len(a1) == 4 and len(c1) == 3
    # Attempt k waits between 2**(k-1) and 2**k seconds: growing, with full jitter inside.
    for series in (a1, c1):
        for k, delay in enumerate(series, start=1):
            assert 2 ** (k - 1) <= delay <= 2**k + 0.001, series
        assert series == sorted(series)
    assert delays(attempts.times("A4 回复")) == [pytest.approx(3.0, abs=0.001)]  # 429 honoured
    # Jitter: two chats failing in step do not retry in step.
    assert all(abs(x - y) > 0.001 for x, y in zip(a1, c1, strict=False))
    # A and C backing off did not hold B back: B's four replies went a second apart.
    b_times = [a.at for a in attempts.log if a.text.startswith("B")]
    assert b_times == [T0 + timedelta(seconds=i) for i in range(4)]
    assert b_times[-1] < min(attempts.times("A1 回复")[-1], attempts.times("C1 回复")[-1])
    # Each fault reached the adapter as the transient error it is.
    errors = [a.error for a in attempts.log if a.text == "A1 回复"]
    assert errors[-1] is None
    expected_errors = ["Timed out", "Internal", "disconnected", "Bad Gateway"]
    for error, says in zip(errors[:-1], expected_errors, strict=True):
        assert error is not None and says in error, errors


# -- 2. getUpdates: polling recovers -------------------------------------------------------


def replies_to(server: FakeBotApi, chat_id: int) -> list[str]:
    return [m["text"] for m in server.sent if m["chat_id"] == chat_id]


def answered(server: FakeBotApi, user: int) -> bool:
    return bool(replies_to(server, user))


async def test_polling_recovers_from_failures_and_outage_handling_each_message_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="bot.adapters.telegram_receive")
    scaled = ScaledSleep()
    monkeypatch.setattr(telegram_receive, "asyncio", scaled)
    users = [7101, 7102, 7103, 7104, 7105]
    async with faulty_api(FAULTS) as server:
        config = write_config(tmp_path, telegram_url=server.base_url)
        async with running_bot(config, monkeypatch) as bot:
            short_timeouts(bot.adapter)
            await server.push(text_update(users[0], users[0], "一号", "/whoami"))
            await server.wait_for(lambda s: len(s.sent) == 1)

            # The server goes down; people keep writing.
            await server.stop()
            said = [text_update(u, u, f"居民{u}", "/whoami") for u in users[1:4]]
            for update in said:
                await server.push(update)
            await eventually(lambda: "ConnectError" in caplog.text, 5)
            await asyncio.sleep(0.3)  # a few refused polls, backing off
            refused = caplog.text.count("polling failed")
            FAULTS["getUpdates refused"] += refused
            # It comes back, but answers badly for a while.
            server.inject("getUpdates", "http", 500, "Internal Server Error")
            server.inject("getUpdates", "http", 502, "Bad Gateway")
            server.inject("getUpdates", "timeout")
            server.inject("getUpdates", "dropped")
            server.inject("getUpdates", "http", 503, "Service Unavailable")
            server.inject("getUpdates", "http", 429, "Too Many Requests", retry_after=1)
            await server.start(server.port)
            # Telegram may hand out an update again (the offset was never confirmed).
            await server.push(said[1])
            await server.wait_for(lambda s: len(s.sent) >= 4, 15)
            assert server.pending_faults() == 0
            await server.push(text_update(users[4], users[4], "五号", "/whoami"))
            await server.wait_for(lambda s: len(s.sent) >= 5, 5)
            await asyncio.sleep(0.3)  # room for a duplicate to show up
            assert bot.adapter.receiving
            async with bot.app.store.db.conn.execute("SELECT count(*) FROM inbox") as cur:
                row = await cur.fetchone()
                handled = row[0] if row else 0

    assert refused >= 1
    for user in users:
        [reply] = replies_to(server, user)
        assert f"telegram:{user}" in reply
    assert len(server.sent) == len(users) and handled == len(users)
    tally([f"telegram:{u}" for u in users], [m["text"].split("编号是 ")[-1] for m in server.sent])
    # The polling loop backs off on errors (1 s, 2 s, ...) and retries a timeout at once.
    backoffs = [d for d in scaled.requested if d > 0]
    assert len(backoffs) >= 3 and backoffs[:3] == sorted(backoffs[:3]) and backoffs[0] >= 1


# -- 3. sends that can never succeed ---------------------------------------------------------


@pytest.mark.parametrize("office", [True, False], ids=["office-chat", "admin"])
async def test_a_chat_the_bot_was_removed_from_is_given_up_and_reported_once(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    office: bool,
) -> None:
    caplog.set_level(logging.INFO)
    told = OFFICE if office else ADMIN
    async with faulty_api(FAULTS) as server:
        config = write_config(tmp_path, telegram_url=server.base_url, office=office)
        async with running_bot(config, monkeypatch, virtual_clock=T0) as bot:
            clock = bot.clock_value
            deliverer = Deliverer(
                bot.app.store,
                bot.adapter,
                bot.adapter.limits,
                office_chat=runner.notice_chat(config, "telegram"),
                clock=lambda: clock[0],
            )
            server.inject(
                "sendMessage",
                "http",
                403,
                "Forbidden: bot was kicked from the group chat",
                chat_id=GROUP_A,
            )
            server.inject(
                "sendMessage", "http", 400, "Bad Request: chat not found", chat_id=GROUP_A
            )
            messages = [
                Outgoing(f"telegram:{chat}", Kind.COMMAND_REPLY, f"{chat} 第 {i} 条")
                for i in range(1, 3)
                for chat in (GROUP_A, GROUP_B)
            ]
            async with bot.app.store.transaction():
                await bot.app.store.outbox.add(messages, T0)
            await drain(deliverer, clock)
            async with bot.app.store.db.conn.execute(
                "SELECT chat, status, error FROM outbox ORDER BY id"
            ) as cur:
                rows = [tuple(r) for r in await cur.fetchall()]

    assert server.pending_faults() == 0
    failed = [r for r in rows if r[1] == "failed"]
    assert [r[0] for r in failed] == [f"telegram:{GROUP_A}"] * 2
    assert "kicked" in failed[0][2] and "chat not found" in failed[1][2].lower()
    assert replies_to(server, GROUP_A) == []
    assert replies_to(server, GROUP_B) == [f"{GROUP_B} 第 1 条", f"{GROUP_B} 第 2 条"]
    [notice] = replies_to(server, told)  # told once, not once per lost message
    assert f"telegram:{GROUP_A}" in notice and "kicked" in notice
    gave_up = [r for r in caplog.records if "giving up" in r.getMessage()]
    assert len(gave_up) == 2 and all(r.levelno == logging.ERROR for r in gave_up)
    assert all(r[1] == "sent" for r in rows if r[0] != f"telegram:{GROUP_A}")
    tally(
        [m.text for m in messages if m.chat != f"telegram:{GROUP_A}"] + ["notice"],
        [m["text"] for m in server.sent if m["chat_id"] == GROUP_B] + ["notice"],
    )


# -- 4. the WeChat gateway goes away under `linli run` ------------------------------------


async def test_wechat_gateway_outage_leaves_telegram_answering_and_wechat_comes_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    monkeypatch.setenv(TOKEN_ENV, TOKEN)
    monkeypatch.setenv("LINLI_TEST_WECHAT_TOKEN", "insecure_test")
    monkeypatch.delenv(wechat_adapter.ENDPOINT_ENV, raising=False)
    # Reconnect within a fraction of a second (the real schedule starts at 1 s).
    monkeypatch.setattr(
        wechat_adapter, "Backoff", functools.partial(wechat_adapter.Backoff, 0.1, 0.4)
    )
    gateway = FakePuppetService()
    gateway.add_contact(WX_RESIDENT, "小王")
    gateway.add_room(ROOM, "幸福里1号楼", [WX_RESIDENT])
    await gateway.start()
    users = [7201, 7202, 7203, 7204]
    async with faulty_api(FAULTS) as server:
        config = write_config(
            tmp_path, telegram_url=server.base_url, wechat_endpoint=gateway.endpoint
        )
        stop = asyncio.Event()
        run = asyncio.create_task(runner.run(config, stop))
        try:
            await eventually(lambda: gateway.event_streams >= 1, 10)
            await server.wait_for(lambda s: bool(s.calls_of("getUpdates")), 10)
            gateway.say("3单元楼道灯坏了好几天了", talker=WX_RESIDENT, room=ROOM)
            await gateway.wait_sent(1, 10)
            await server.push(text_update(users[0], users[0], "一号", "/whoami"))
            await server.wait_for(lambda s: len(s.sent) == 1, 10)

            await gateway.stop()  # the gateway goes away
            FAULTS["wechat gateway outage"] += 1
            gateway.say("5单元电梯坏了，只能爬楼", talker=WX_RESIDENT, room=ROOM)  # said meanwhile
            for user in users[1:3]:
                await server.push(text_update(user, user, f"居民{user}", "/whoami"))
                await server.wait_for(functools.partial(answered, user=user), 10)
            # WeChat keeps trying meanwhile, and nothing has stopped.
            await eventually(lambda: caplog.text.count("wechat connection lost") >= 3, 10)
            assert not run.done()
            tasks = {t.get_name() for t in asyncio.all_tasks()}
            assert {"deliver-telegram", "deliver-wechat", "wechat-connection"} <= tasks

            FAULTS["wechat reconnect refused"] += caplog.text.count("wechat connection lost") - 1
            await gateway.start(gateway.port)  # it comes back
            await gateway.wait_sent(2, 15)  # the message said meanwhile is answered
            gateway.say("地下车库有车乱停", talker=WX_RESIDENT, room=ROOM)
            await server.push(text_update(users[3], users[3], "四号", "/whoami"))
            await gateway.wait_sent(3, 10)
            await server.wait_for(lambda s: len(s.sent) == 4, 10)
            await asyncio.sleep(0.5)  # room for a duplicate to show up
            assert not run.done()
        finally:
            stop.set()
            await asyncio.wait_for(run, 15)
            await gateway.stop()

    assert run.exception() is None
    for user in users:
        assert len(replies_to(server, user)) == 1
    wechat = [s.text for s in gateway.sent]
    assert len(wechat) == 3 and all(s.conversation_id == ROOM for s in gateway.sent)
    numbers = [t.split("第 ")[1].split(" 号")[0] for t in wechat]
    assert sorted(numbers) == ["1", "2", "3"]
    with sqlite3.connect(tmp_path / "linli.db") as db:
        statuses = Counter(r[0] for r in db.execute("SELECT status FROM outbox"))
        inbox = db.execute("SELECT count(*) FROM inbox").fetchone()[0]
    assert statuses == {"sent": 7} and inbox == 7
    tally(
        [f"telegram:{u}" for u in users] + ["1", "2", "3"],
        [m["text"].split("编号是 ")[-1] for m in server.sent] + numbers,
    )
