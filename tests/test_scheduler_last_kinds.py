"""Notices fire after every other due timer, also one beyond the scheduler's page (issue 18:
a page full of notices, each waiting for a reminder due later in the same tick, re-queued
itself round after round: millions of timer rows in the 100,000-message bench)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from bot import scheduler
from bot.app import Linli
from bot.config import Config
from tests.conftest import T0

PAGE = 3


async def test_a_full_page_of_notices_does_not_requeue_itself(
    app: Linli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(scheduler, "PAGE", PAGE)
    timers = app.store.timers
    async with app.store.transaction() as conn:
        await conn.execute("UPDATE timers SET done = 1")  # only this test's timers
        for k in range(PAGE + 2):
            payload = {"to": f"local:head-{k}", "what": "remind", "since": T0.timestamp()}
            await timers.add("issue_notice", 900 + k, T0, payload)
        # A reminder due later in the same tick (of an issue that does not exist: no-op).
        await timers.add("issue_ack_reminder", 999, T0 + timedelta(seconds=5))
    await app.tick(T0 + timedelta(minutes=1))
    async with app.store.db.conn.execute(
        "SELECT count(*), sum(CASE WHEN done = 0 THEN 1 ELSE 0 END) FROM timers"
        " WHERE kind = 'issue_notice'"
    ) as cur:
        notices, pending = await cur.fetchone()
    assert pending == 0
    assert notices == PAGE + 2, f"{notices} notice rows: notices re-queued themselves"


async def test_looking_past_due_reminders_does_not_walk_them(
    config: Config, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sqlite_statements: list[str]
) -> None:
    """With a page full of reminders due (thousands at 07:00, when quiet hours end), the
    look for timers of the other kinds goes by kind (index timers_kind_due), not through
    every due reminder: 28 ms a page with 33,000 due, in the bench's 100,000-issue tick."""
    statements = sqlite_statements
    monkeypatch.setattr(scheduler, "PAGE", PAGE, raising=False)
    app = await Linli.open(config, database=tmp_path / "k.db")
    try:
        await app.start(T0)
        async with app.store.transaction():
            for k in range(PAGE + 2):
                await app.store.timers.add("issue_ack_reminder", 900 + k, T0, {"to": "local:x"})
        statements.clear()
        await app.tick(T0 + timedelta(minutes=1))
        looks = [
            s for s in statements if s.startswith("SELECT") and " kind " in s and "due_at <=" in s
        ]
        assert looks, "\n".join(statements)
        for sql in looks:
            async with app.store.db.conn.execute("EXPLAIN QUERY PLAN " + sql) as cur:
                plan = " ".join(str(r[-1]) for r in await cur.fetchall())
            assert "kind=?" in plan, f"{sql}\n{plan}"
    finally:
        await app.close()
