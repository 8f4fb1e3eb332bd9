"""``TimerRepo.recipients_in_memory`` (``linli replay``): a recipient's pending timers are
answered from what the repository wrote, without a query, and always as the database
answers them — after adds, fires, cancels, rollbacks and rows of an earlier process."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from storage import Store
from storage.timers import Timer, TimerRepo

pytestmark = pytest.mark.sqlite_only

T0 = datetime(2026, 5, 1, 1, 0, tzinfo=UTC)
KINDS = ("issue_notice", "issue_ack_reminder", "other")
PEOPLE = ("local:head-1", "local:head-2", "local:office")


def _view(timers: list[Timer]) -> list[tuple[int, str, int, datetime, dict[str, Any]]]:
    return [(t.id, t.kind, t.ref, t.due_at, dict(t.payload)) for t in timers]


async def _agree(store: Store, plain: TimerRepo) -> None:
    """The repository in memory answers what the database answers."""
    kept = store.timers
    for to in (*PEOPLE, "5"):
        for kinds in (("issue_notice",), KINDS[:2], KINDS):
            for limit in (None, 2):
                got = await kept.pending_to(kinds, to, limit=limit)
                assert _view(got) == _view(await plain.pending_to(kinds, to, limit=limit))
        for but in ("outcome", "remind", ""):
            got_due = await kept.first_due_to("issue_notice", to, but)
            assert got_due == await plain.first_due_to("issue_notice", to, but)


async def test_answers_as_the_database_does_whatever_was_written(tmp_path: Path) -> None:
    rng = random.Random(18)
    store = await Store.open(tmp_path / "t.db")
    plain = TimerRepo(store.db)  # the same database, read with queries
    try:
        async with store.transaction():  # rows written before the repository keeps them
            await store.timers.add("issue_notice", 1, T0, {"to": PEOPLE[0], "what": "remind"})
        store.timers.recipients_in_memory = True
        ids: list[int] = []
        for step in range(400):
            op = rng.random()
            try:
                async with store.transaction():
                    if op < 0.5:
                        payload: dict[str, Any] = {}
                        who = rng.choice([*PEOPLE, None, 5])
                        if who is not None:
                            payload["to"] = who
                        if rng.random() < 0.7:
                            payload["what"] = rng.choice(["remind", "escalate", "outcome", None])
                        due = T0 + timedelta(minutes=rng.choice([0, 5, 5, 30, 90]))
                        ids.append(
                            await store.timers.add(
                                rng.choice(KINDS), rng.randrange(4), due, payload or None
                            )
                        )
                    elif op < 0.75 and ids:
                        await store.timers.done(rng.choice(ids))
                    elif op < 0.85:
                        await store.timers.cancel(rng.choice(KINDS), rng.randrange(4))
                    if rng.random() < 0.1:
                        raise RuntimeError("rolled back")
            except RuntimeError:
                pass
            if step % 20 == 0:
                await _agree(store, plain)
        await _agree(store, plain)
        assert await plain.pending_to(KINDS, PEOPLE[0])  # the check had rows to compare
    finally:
        await store.close()


async def test_a_recipients_timers_need_no_query(tmp_path: Path) -> None:
    store = await Store.open(tmp_path / "t.db")
    try:
        store.timers.recipients_in_memory = True
        async with store.transaction():
            first = await store.timers.add("issue_notice", 1, T0, {"to": PEOPLE[0]})
            await store.timers.add("issue_ack_reminder", 2, T0, {"to": PEOPLE[0]})
        await store.timers.pending_to(KINDS, PEOPLE[1])  # read once
        statements: list[str] = []
        store.db.conn._conn.set_trace_callback(statements.append)  # type: ignore[attr-defined]
        async with store.transaction():
            assert await store.timers.done(first)
            later = await store.timers.add("issue_notice", 3, T0, {"to": PEOPLE[0]})
            got = await store.timers.pending_to(KINDS[:2], PEOPLE[0])
        store.db.conn._conn.set_trace_callback(None)  # type: ignore[attr-defined]
        assert [t.ref for t in got] == [2, 3]
        assert got[1].id == later
        assert not any(s.lstrip().startswith("SELECT") for s in statements)
    finally:
        await store.close()
