"""The real ``linli run`` process, killed with SIGKILL at bad moments, loses nothing.

A local Bot API (:class:`FakeBotApi`) forgets updates once a ``getUpdates`` confirms them, as
Telegram does. ``linli run`` runs as a subprocess against it and is killed, on both storage
engines:

- ``confirm``: the instant a ``getUpdates`` arrives that confirms a batch (before it is
  answered) — with python-telegram-bot's Updater this lost 99 of 100 messages;
- ``db-fault``: while another process holds the database's write lock and linli is holding
  an update, retrying to store it (the back-off path);
- ``random``: at a random moment after a batch was pushed (receiving, handling, sending).

Each kill is followed by a restart on the same database. At the end every update must be in
the inbox exactly once and handled, every reply queued exactly once (one per update) and sent
at least once, with at most one duplicate send per kill.

CI runs a few kills per engine; ``LINLI_KILL_ROUNDS=N`` runs N kills per engine and prints
the figures (docs/reliability.md).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import random
import re
import signal
import sqlite3
from collections import Counter
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.e2e.fake_bot_api import TOKEN, FakeBotApi, text_update
from tests.e2e.launch import linli_run

ROUNDS = int(os.environ.get("LINLI_KILL_ROUNDS", "3"))
pytestmark = pytest.mark.timeout(60 + 40 * ROUNDS)

TOKEN_ENV = "LINLI_TEST_TELEGRAM_TOKEN"
WHO = re.compile(r"telegram:(\d+)")
GROUP = -1001
HEAD = 5001
MODES = ("confirm", "db-fault", "random")
PRIVATE_PER_ROUND = 6
GROUP_CHAT_PER_ROUND = 2


def write_config(tmp_path: Path, base_url: str, engine: str) -> Path:
    path = tmp_path / "community.toml"
    path.write_text(
        f"""
[community]
name = "测试社区"
timezone = "Asia/Shanghai"

[storage]
database = "linli.db"
engine = "{engine}"

[[buildings]]
name = "1号楼"
chats = ["telegram:{GROUP}"]

[[people]]
id = "telegram:{HEAD}"
name = "张阿姨"
role = "head"
buildings = ["1号楼"]

[telegram]
enabled = true
token_env = "{TOKEN_ENV}"
base_url = "{base_url}"
poll_timeout = 2
""",
        encoding="utf-8",
    )
    return path


@dataclass
class Bot:
    """One ``linli run`` process; its log lines are collected as they come."""

    proc: asyncio.subprocess.Process
    lines: list[str] = field(default_factory=list)
    changed: asyncio.Event = field(default_factory=asyncio.Event)
    reader: asyncio.Task[None] | None = None

    async def read(self) -> None:
        assert self.proc.stderr is not None
        async for raw in self.proc.stderr:
            self.lines.append(raw.decode("utf-8", "replace").rstrip())
            self.changed.set()

    async def wait_for_line(self, text: str, timeout: float = 30) -> None:
        async def until() -> None:
            while not any(text in line for line in self.lines):
                self.changed.clear()
                if self.proc.returncode is not None:
                    raise AssertionError(f"linli run exited: {self.lines[-20:]}")
                await self.changed.wait()

        await asyncio.wait_for(until(), timeout)

    def kill(self) -> None:
        if self.proc.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                self.proc.send_signal(signal.SIGKILL)

    async def finish(self) -> int:
        code = await self.proc.wait()
        if self.reader is not None:
            await self.reader
        return code


async def start_bot(config: Path) -> Bot:
    env = {**os.environ, TOKEN_ENV: TOKEN}
    proc = await linli_run(config, env=env)
    bot = Bot(proc)
    bot.reader = asyncio.create_task(bot.read())
    return bot


@contextlib.asynccontextmanager
async def fake_api() -> AsyncIterator[FakeBotApi]:
    server = FakeBotApi(privacy_mode=False)
    await server.start()
    try:
        yield server
    finally:
        await server.stop()


@dataclass
class Tally:
    users: list[int] = field(default_factory=list)  # one private /whoami each
    group_users: list[int] = field(default_factory=list)  # one group /whoami each
    updates: int = 0
    kills: Counter[str] = field(default_factory=Counter)


async def push_round(server: FakeBotApi, tally: Tally, rng: random.Random, n: int) -> None:
    """One batch: private /whoami from new people, group thanks (no reply), one group /whoami."""
    base = 70000 + 100 * n
    for i in range(PRIVATE_PER_ROUND):
        user = base + i
        tally.users.append(user)
        await server.push(text_update(user, user, f"居民{user}", "/whoami"))
    for i in range(GROUP_CHAT_PER_ROUND):
        user = base + 50 + i
        await server.push(text_update(GROUP, user, f"邻居{user}", "谢谢大家"))
    user = base + 80
    tally.group_users.append(user)
    await server.push(text_update(GROUP, user, f"楼友{user}", "/whoami"))
    tally.updates += PRIVATE_PER_ROUND + GROUP_CHAT_PER_ROUND + 1


async def kill_round(
    config: Path,
    database: Path,
    server: FakeBotApi,
    tally: Tally,
    rng: random.Random,
    n: int,
    mode: str,
) -> None:
    bot = await start_bot(config)
    await bot.wait_for_line("platform started platform=telegram")
    if mode == "confirm":
        server.on_confirm = lambda offset: bot.kill()
        await push_round(server, tally, rng, n)
    elif mode == "db-fault":
        other = sqlite3.connect(database, timeout=5)
        other.execute("BEGIN IMMEDIATE")  # another process holds the write lock
        try:
            await push_round(server, tally, rng, n)
            await bot.wait_for_line("cannot store message")
            await asyncio.sleep(rng.uniform(0, 1.0))  # somewhere in the retries
            bot.kill()
            await bot.finish()
        finally:
            other.rollback()
            other.close()
    else:
        await push_round(server, tally, rng, n)
        await asyncio.sleep(rng.uniform(0, 1.5))
        bot.kill()
    assert await asyncio.wait_for(bot.finish(), 30) == -signal.SIGKILL
    server.on_confirm = None
    tally.kills[mode] += 1


def replies(server: FakeBotApi) -> Counter[int]:
    """Sent messages per person they answer (their id is in the /whoami reply)."""
    counts: Counter[int] = Counter()
    for sent in server.sent:
        found = WHO.search(str(sent["text"]))
        assert found, sent["text"]
        counts[int(found.group(1))] += 1
    return counts


async def run_kill_test(tmp_path: Path, engine: str, seed: int) -> None:
    rng = random.Random(seed)
    async with fake_api() as server:
        config = write_config(tmp_path, server.base_url, engine)
        database = tmp_path / "linli.db"
        tally = Tally()
        modes = [MODES[i % len(MODES)] for i in range(ROUNDS)]
        for n, mode in enumerate(modes):
            await kill_round(config, database, server, tally, rng, n, mode)
        # A last run, not killed, finishes the work; then it is stopped properly.
        bot = await start_bot(config)
        await push_round(server, tally, rng, len(modes))
        everyone = set(tally.users) | set(tally.group_users)
        await server.wait_for(lambda s: set(replies(s)) >= everyone, 60)
        await asyncio.sleep(0.5)  # room for a late duplicate to show
        bot.proc.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(bot.finish(), 30) == 0, bot.lines[-20:]

    conn = sqlite3.connect(database)
    try:
        inbox = conn.execute("SELECT chat, message_id, status FROM inbox").fetchall()
        outbox = conn.execute("SELECT chat, status FROM outbox").fetchall()
    finally:
        conn.close()
    counts = replies(server)
    duplicates = sum(c - 1 for c in counts.values())
    kills = sum(tally.kills.values())
    print(
        f"\nkill test engine={engine}: {kills} kills {dict(tally.kills)}, "
        f"{tally.updates} updates, {len(inbox)} stored, "
        f"{sum(1 for _, _, s in inbox if s != 'handled')} unhandled, "
        f"{len(outbox)} replies queued for {len(everyone)} expected, "
        f"{sum(counts.values())} sent, {duplicates} duplicates"
    )
    # Every update stored exactly once (the inbox key is unique) and handled.
    assert len(inbox) == tally.updates
    assert all(status == "handled" for _, _, status in inbox)
    # Handled once: one reply queued per /whoami, none for the thanks.
    queued = Counter(chat for chat, _ in outbox)
    for user in tally.users:
        assert queued[f"telegram:{user}"] == 1, user
    assert queued[f"telegram:{GROUP}"] == len(tally.group_users)
    assert all(status == "sent" for _, status in outbox)
    # Sent at least once, at most one duplicate per kill.
    assert set(counts) == everyone
    assert duplicates <= kills


@pytest.mark.parametrize("engine", ["inline", "aiosqlite"])
async def test_kills_lose_no_update_and_no_reply(tmp_path: Path, engine: str) -> None:
    await run_kill_test(tmp_path, engine, seed=2026 + len(engine))
