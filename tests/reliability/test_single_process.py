"""Issue 14, item 8: one process per SQLite database.

Two processes on one database each sent the other's replies, and 6 of 20 processes starting
together on a fresh file crashed with ``table inbox already exists``. Now ``run``/``chat``/
``replay`` hold the file exclusively, migrations read the schema version inside their
immediate transaction, and outbox rows are claimed before they are sent.
"""

from __future__ import annotations

import asyncio
import os
import sqlite3
import subprocess
import sys
import textwrap
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.delivery import Deliverer, RateLimits
from bot.model import Kind, Outgoing
from storage import Store
from storage.db import ENGINES, migrations
from tests.conftest import EXAMPLE_CONFIG, ROOT

LINLI = [sys.executable, "-m", "bot.cli"]


def community_config(tmp_path: Path) -> Path:
    text = EXAMPLE_CONFIG.read_text(encoding="utf-8")
    path = tmp_path / "community.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_second_process_on_the_same_database_is_refused(tmp_path: Path) -> None:
    config = community_config(tmp_path)
    first = subprocess.Popen(
        [*LINLI, "chat", "--config", str(config)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        # The first chat is up once it holds the lock file.
        lock = tmp_path / "linli.db.lock"
        deadline = time.monotonic() + 30
        while not (lock.exists() and lock.read_text().strip() == str(first.pid)):
            assert first.poll() is None, first.stderr.read() if first.stderr else ""
            assert time.monotonic() < deadline, "the first process never took the database"
            time.sleep(0.05)
        for command in (["chat"], ["replay", str(ROOT / "tests/golden/skeleton.jsonl")]):
            args = [*LINLI, *command, "--config", str(config)]
            if command[0] == "replay":
                args += ["--database", str(tmp_path / "linli.db")]
            second = subprocess.run(
                args, cwd=ROOT, input="", capture_output=True, text=True, timeout=60
            )
            assert second.returncode == 1, second.stderr
            assert "is in use by another linli process" in second.stderr
            assert f"pid {first.pid}" in second.stderr
            assert "Traceback" not in second.stderr
    finally:
        first.kill()
        first.wait()
    # A killed holder leaves no lock behind.
    after = subprocess.run(
        [*LINLI, "chat", "--config", str(config)],
        cwd=ROOT,
        input=":quit\n",
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert after.returncode == 0, after.stderr


@pytest.mark.parametrize("engine", ENGINES)
def test_twenty_simultaneous_starts_on_a_fresh_database(tmp_path: Path, engine: str) -> None:
    database = tmp_path / "fresh.db"
    go = tmp_path / "go"
    opener = textwrap.dedent(
        f"""
        import asyncio, os, time
        from storage.db import Database
        while not os.path.exists({str(go)!r}):
            time.sleep(0.005)
        async def main():
            db = await Database.open({str(database)!r}, {engine!r})
            await db.close()
        asyncio.run(main())
        """
    )
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", opener],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(20)
    ]
    time.sleep(1.0)  # let them import; correctness does not depend on this, only the overlap
    go.touch()
    failures = []
    for proc in procs:
        _out, err = proc.communicate(timeout=120)
        if proc.returncode != 0:
            failures.append(err.strip().splitlines()[-1] if err.strip() else proc.returncode)
    assert failures == []
    conn = sqlite3.connect(database)
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    finally:
        conn.close()
    assert version == migrations()[-1][0]
    assert {"inbox", "outbox", "issues"} <= tables


class SlowSender:
    """Yields to the loop inside each send, so two deliverers interleave."""

    platform = "telegram"

    def __init__(self) -> None:
        self.sent: list[str] = []

    async def send(self, message: Outgoing) -> None:
        await asyncio.sleep(0)
        self.sent.append(message.text)


async def test_two_deliverers_never_send_the_same_row(tmp_path: Path) -> None:
    store = await Store.open(tmp_path / "d.db")
    try:
        now = datetime(2026, 5, 1, 1, 0, tzinfo=UTC)
        async with store.transaction():
            await store.outbox.add(
                [Outgoing(f"telegram:{100 + i}", Kind.COMMAND_REPLY, f"m{i}") for i in range(30)],
                now,
            )
        sender = SlowSender()
        limits = RateLimits(overall_per_second=1000)
        first = Deliverer(store, sender, limits, clock=lambda: now)
        second = Deliverer(store, sender, limits, clock=lambda: now)
        await asyncio.gather(first.deliver_due(), second.deliver_due())
        assert sorted(sender.sent) == sorted(f"m{i}" for i in range(30))
        assert await store.outbox.pending_count() == 0
    finally:
        await store.close()


def test_lock_file_is_per_database(tmp_path: Path) -> None:
    from storage.db import DatabaseInUse, exclusive

    with exclusive(tmp_path / "a.db"), exclusive(tmp_path / "b.db"):
        with pytest.raises(DatabaseInUse, match=str(os.getpid())):
            with exclusive(tmp_path / "a.db"):
                pass
    with exclusive(tmp_path / "a.db"):
        pass
