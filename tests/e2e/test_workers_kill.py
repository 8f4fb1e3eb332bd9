"""Three ``linli run --worker`` processes on one PostgreSQL database, SIGKILLed and restarted.

Each worker runs one Telegram bot account against its own local Bot API
(:class:`~tests.e2e.fake_bot_api.FakeBotApi`, which forgets confirmed updates as Telegram
does) and serves two of six buildings. A script of 1,000 messages is shared across their
chats: ``/whoami`` in the groups and privately (to whichever bot the person picks), reports
that become issues, and chatter that needs no answer. Meanwhile workers are SIGKILLed at
random moments and restarted. Every issue has its acknowledgement reminder due a few seconds
after it is filed, so the workers' ticks race to fire the timers while others are killed.

At the end: every message is in the inbox once and handled; exactly one reply queued per
message that asks for one; every queued message sent, at least once, by the account that
serves its chat, with at most one duplicate per kill; every issue's reminder timer fired
once (its number in exactly one ``ack_reminder``); issue numbers 1..N without gaps.

Needs ``LINLI_TEST_PG_URL`` (skipped without it unless ``LINLI_REQUIRE_PG=1``). CI runs
3 kills; ``LINLI_WORKER_KILLS=N`` runs N and prints the figures (docs/postgresql.md).
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import re
import signal
from collections import Counter
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from tests.conftest import fresh_pg_database, pg_server_url
from tests.e2e.fake_bot_api import TOKEN, FakeBotApi, text_update
from tests.e2e.launch import linli_run
from tests.e2e.test_kill import Bot

KILLS = int(os.environ.get("LINLI_WORKER_KILLS", "3"))
MESSAGES = int(os.environ.get("LINLI_WORKER_MESSAGES", "1000"))
SEED = int(os.environ.get("LINLI_WORKER_SEED", "19"))
pytestmark = pytest.mark.timeout(120 + 15 * KILLS)

WORKERS = ("w1", "w2", "w3")
BUILDINGS = 6
PASSWORD_ENV = "LINLI_TEST_DB_PASSWORD"
WHO = re.compile(r"您的编号是 telegram:(\d+)")
ISSUE = re.compile(r"第 (\d+) 号问题")


def group_of(b: int) -> int:
    return -2000 - b


def head_of(b: int) -> int:
    return 6000 + b


def worker_of(b: int) -> int:
    """Buildings 1-2 are w1's, 3-4 w2's, 5-6 w3's (index into WORKERS)."""
    return (b - 1) // 2


def write_config(tmp_path: Path, url: str, servers: list[FakeBotApi]) -> Path:
    buildings = "".join(
        f"""
[[buildings]]
name = "{b}号楼"
chats = ["telegram:{group_of(b)}"]

[[people]]
id = "telegram:{head_of(b)}"
name = "楼长{b}"
role = "head"
buildings = ["{b}号楼"]
"""
        for b in range(1, BUILDINGS + 1)
    )
    accounts = "".join(
        f"""
[[telegram.accounts]]
name = "{w}"
token_env = "LINLI_TEST_TOKEN_{w.upper()}"
base_url = "{server.base_url}"
buildings = ["{2 * i + 1}号楼", "{2 * i + 2}号楼"]
"""
        for i, (w, server) in enumerate(zip(WORKERS, servers, strict=True))
    )
    path = tmp_path / "district.toml"
    path.write_text(
        f"""
[community]
name = "测试街道"
timezone = "UTC"

[storage]
url = "{url}"
password_env = "{PASSWORD_ENV}"

[issues]
quiet_hours = "off"
batch_window = "0s"

[issues.normal]
ack_due = "3s"
reminder_every = "6h"
escalate_to_grid_after = "12h"
escalate_to_office_after = "24h"
{buildings}
[telegram]
enabled = true
poll_timeout = 1
per_chat_per_second = 1000
per_group_per_minute = 100000
overall_per_second = 10000
{accounts}""",
        encoding="utf-8",
    )
    return path


@dataclass
class Script:
    """What was pushed, and what each message must get."""

    pushed: int = 0
    whoami: dict[int, tuple[int, int]] = field(default_factory=dict)  # user -> (chat, server)
    reports: int = 0
    kills: int = 0


async def push(servers: list[FakeBotApi], script: Script, rng: random.Random, n: int) -> None:
    """Message ``n`` of the script: its kind, chat and sender drawn from ``rng``."""
    user = 100_000 + n
    b = rng.randint(1, BUILDINGS)
    roll = rng.random()
    if roll < 0.2:
        k = rng.randrange(len(servers))  # a private chat with whichever bot the person picks
        script.whoami[user] = (user, k)
        await servers[k].push(text_update(user, user, f"居民{user}", "/whoami"))
    else:
        server = servers[worker_of(b)]
        if roll < 0.6:
            script.whoami[user] = (group_of(b), worker_of(b))
            text = "/whoami"
        elif roll < 0.75:
            script.reports += 1
            text = f"{script.reports}单元楼道灯坏了"
        else:
            text = "谢谢大家"
        await server.push(text_update(group_of(b), user, f"居民{user}", text))
    script.pushed += 1


def pg_env() -> tuple[str, dict[str, str]]:
    """The test server's URL without its password, and the environment that holds it."""
    parts = urlsplit(pg_server_url())
    env = {PASSWORD_ENV: parts.password or ""}
    netloc = parts.hostname or ""
    if parts.username:
        netloc = f"{parts.username}@{netloc}"
    if parts.port:
        netloc += f":{parts.port}"
    return urlunsplit(parts._replace(netloc=netloc)), env


async def start_worker(config: Path, worker: str, env: dict[str, str]) -> Bot:
    proc = await linli_run(config, "--worker", worker, env={**os.environ, **env})
    bot = Bot(proc)
    bot.reader = asyncio.create_task(bot.read())
    await bot.wait_for_line(f"platform started platform=telegram account={worker}", 60)
    return bot


@asynccontextmanager
async def fake_servers() -> AsyncIterator[list[FakeBotApi]]:
    async with AsyncExitStack() as stack:
        servers = []
        for _ in WORKERS:
            server = FakeBotApi(privacy_mode=False)
            await server.start()
            stack.push_async_callback(server.stop)
            servers.append(server)
        yield servers


def sent_by(servers: list[FakeBotApi]) -> list[tuple[int, int, str]]:
    """(server, chat id, text) of every message the bots sent."""
    return [
        (k, int(m["chat_id"]), str(m.get("text", "")))
        for k, s in enumerate(servers)
        for m in s.sent
    ]


def whoami_answered(servers: list[FakeBotApi]) -> set[int]:
    return {int(found.group(1)) for _, _, t in sent_by(servers) if (found := WHO.search(t))}


async def test_three_workers_killed_at_random_lose_and_double_nothing(tmp_path: Path) -> None:
    rng = random.Random(SEED)
    url_base, pw_env = pg_env()
    async with fresh_pg_database("linli_workers") as full_url, fake_servers() as servers:
        db_url = urlunsplit(urlsplit(url_base)._replace(path=urlsplit(full_url).path))
        config = write_config(tmp_path, db_url, servers)
        env = {**pw_env, **{f"LINLI_TEST_TOKEN_{w.upper()}": TOKEN for w in WORKERS}}
        script = Script()
        bots = [await start_worker(config, w, env) for w in WORKERS]
        try:
            chunks = KILLS + 1
            per_chunk = -(-MESSAGES // chunks)
            n = 0
            for chunk in range(chunks):
                for _ in range(min(per_chunk, MESSAGES - n)):
                    await push(servers, script, rng, n)
                    n += 1
                    if n % 50 == 0:
                        await asyncio.sleep(0)
                if chunk == chunks - 1:
                    break
                # Somewhere while the chunk is received, handled, sent or its timers fire.
                await asyncio.sleep(rng.uniform(0.0, 1.5))
                victim = rng.randrange(len(bots))
                bots[victim].kill()
                assert await asyncio.wait_for(bots[victim].finish(), 30) == -signal.SIGKILL
                script.kills += 1
                await asyncio.sleep(rng.uniform(0.0, 0.5))
                bots[victim] = await start_worker(config, WORKERS[victim], env)

            async def answered() -> None:
                while not whoami_answered(servers) >= set(script.whoami):
                    await asyncio.sleep(0.2)

            await asyncio.wait_for(answered(), 60)
            # Every reminder is due 3 s after its issue; the workers tick every 10 s.
            await asyncio.wait_for(reminders_out(db_url, pw_env, script.reports), 45)
            await asyncio.sleep(1.0)  # room for a late duplicate to show
        finally:
            for bot in bots:
                if bot.proc.returncode is None:
                    bot.proc.send_signal(signal.SIGTERM)
            codes = [await asyncio.wait_for(bot.finish(), 30) for bot in bots]
        assert codes == [0, 0, 0], [b.lines[-10:] for b in bots]
        check(await read_back(db_url, pw_env), servers, script)


async def reminders_out(url: str, env: dict[str, str], reports: int) -> None:
    while True:
        state = await read_back(url, env)
        reminded = [n for row in state["outbox"] if row[2] == "ack_reminder" for n in row[3]]
        if len(state["issues"]) >= reports and set(reminded) >= set(state["issues"]):
            if all(row[1] == "sent" for row in state["outbox"]):
                return
        await asyncio.sleep(0.5)


async def read_back(url: str, env: dict[str, str]) -> dict[str, list[tuple[object, ...]]]:
    import psycopg

    async with await psycopg.AsyncConnection.connect(url, password=env[PASSWORD_ENV]) as conn:
        inbox = await (await conn.execute("SELECT chat, message_id, status FROM inbox")).fetchall()
        rows = await (
            await conn.execute("SELECT chat, status, kind, issue, issues FROM outbox ORDER BY id")
        ).fetchall()
        issues = await (await conn.execute("SELECT number FROM issues ORDER BY number")).fetchall()
    outbox = [
        (chat, status, kind, json.loads(plural) or ([single] if single is not None else []))
        for chat, status, kind, single, plural in rows
    ]
    return {
        "inbox": list(inbox),
        "outbox": outbox,
        "issues": [int(r[0]) for r in issues],
    }


def check(
    state: dict[str, list[tuple[object, ...]]], servers: list[FakeBotApi], script: Script
) -> None:
    inbox, outbox, issues = state["inbox"], state["outbox"], state["issues"]
    sent = sent_by(servers)
    queued = Counter(str(row[0]) for row in outbox)
    delivered = Counter(f"telegram:{chat}" for _, chat, _ in sent)
    duplicates = sum(max(0, delivered[c] - queued[c]) for c in delivered)
    reminded = Counter(n for row in outbox if row[2] == "ack_reminder" for n in row[3])
    print(
        f"\nworkers kill test: {len(WORKERS)} workers, {script.kills} kills, "
        f"{script.pushed} messages, {len(inbox)} stored, "
        f"{sum(1 for r in inbox if r[2] != 'handled')} unhandled, {len(outbox)} queued, "
        f"{len(sent)} sent, {duplicates} duplicates, {len(issues)} issues, "
        f"{sum(reminded.values())} reminders for {len(reminded)} issues"
    )
    # Every message stored once (the inbox key) and handled.
    assert len(inbox) == script.pushed
    assert all(r[2] == "handled" for r in inbox)
    # Handled once: one reply queued per /whoami and per report.
    replies = [row for row in outbox if row[2] in ("command_reply", "issue_created")]
    assert len(replies) == len(script.whoami) + script.reports
    # Issue numbers dense, one per report.
    assert issues == list(range(1, script.reports + 1))
    # Every timer fired once: each issue's reminder queued exactly once.
    assert reminded == Counter(issues)
    # Every queued message sent, by the account that serves its chat.
    assert all(row[1] == "sent" for row in outbox)
    for chat, count in queued.items():
        assert delivered[chat] >= count, chat
    for k, chat, _ in sent:
        if chat < 0:
            expected = worker_of(-2000 - chat)
        elif chat >= 100_000:
            expected = script.whoami[chat][1]
        else:
            expected = worker_of(chat - 6000)
        assert k == expected, (k, chat)
    # At most one duplicate per kill.
    assert duplicates <= script.kills
