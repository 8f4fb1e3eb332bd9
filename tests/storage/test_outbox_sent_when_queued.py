"""``OutboxRepo.sent_when_queued`` (``linli replay``): a row queued inside a group commit is
written sent at once and printed from memory, with no pending row and no mark to update;
whatever happens, replay's flush sees what it saw with pending rows, and the table ends the
same. Each scenario runs on two stores, one with the mode and one without, and compares."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot.model import Kind, Mention, Outgoing
from storage import Store
from storage.outbox import Queued, Sent

pytestmark = pytest.mark.sqlite_only

T0 = datetime(2026, 5, 1, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
Scenario = Callable[[Store, list[Any]], Awaitable[None]]


def _msg(
    text: str, kind: Kind = Kind.COMMAND_REPLY, chat: str = "local:building-1", **refs: object
) -> Outgoing:
    return Outgoing(chat, kind, text, **refs)  # type: ignore[arg-type]


def _view(rows: list[Queued]) -> list[tuple[int, Outgoing, int, float]]:
    return [(q.id, q.message, q.attempts, q.created_at) for q in rows]


async def _flush(store: Store, now: datetime, seen: list[Any], n: int = 0) -> None:
    """What replay's flush does: take what is due, note it, mark it sent (in the group)."""
    due = await store.outbox.due_all(now, limit=2)
    while due:
        seen.append(_view(due))
        await store.outbox.mark_sent_in_group(
            [Sent(q.id, now, q.message, (f"m{q.id}",)) for q in due]
        )
        due = await store.outbox.due_all(now, limit=2)


async def _both(tmp_path: Path, scenario: Scenario) -> tuple[list[Any], list[str]]:
    """Run ``scenario`` with and without the mode: what each saw and the tables it left
    must be the same; returns the mode's view and its statements."""
    results = []
    statements: list[str] = []
    for mode in (False, True):
        store = await Store.open(tmp_path / f"{mode}.db")
        try:
            store.outbox.sent_when_queued = mode
            seen: list[Any] = []
            if mode:
                store.db.conn._conn.set_trace_callback(statements.append)  # type: ignore[attr-defined]
            await scenario(store, seen)
            store.db.conn._conn.set_trace_callback(None)  # type: ignore[attr-defined]
            async with store.db.conn.execute("SELECT * FROM outbox ORDER BY id") as cur:
                outbox = [tuple(r) for r in await cur.fetchall()]
            async with store.db.conn.execute("SELECT * FROM sent_messages ORDER BY 1, 2") as cur:
                sent = [tuple(r) for r in await cur.fetchall()]
            results.append((seen, outbox, sent))
        finally:
            await store.close()
    assert results[1] == results[0]
    assert results[0][0]  # the scenario printed something
    return results[1][0], statements


async def test_rows_queued_in_a_group_are_written_sent_and_printed_once(tmp_path: Path) -> None:
    async def scenario(store: Store, seen: list[Any]) -> None:
        async with store.transaction():  # outside a group: pending, as always
            await store.outbox.add([_msg("组外")], T0)
        async with store.db.group():
            async with store.transaction():
                await store.outbox.add(
                    [
                        _msg("一", Kind.ISSUE_CREATED, issue=1, issues=(1, 2)),
                        _msg("二", mentions=(Mention("local:r1", "小王"),)),
                        _msg("警报", Kind.COMMUNITY_ALERT, alert=3),
                    ],
                    T0,
                )
            await _flush(store, T0, seen)
            async with store.transaction():
                await store.outbox.add([_msg("三")], T0 + timedelta(seconds=5))
            await _flush(store, T0 + timedelta(seconds=5), seen)

    seen, statements = await _both(tmp_path, scenario)
    assert [[q[1].text for q in page] for page in seen] == [["警报", "组外"], ["一", "二"], ["三"]]
    # One mark for the row queued outside the group; none for the rows written sent.
    assert sum(s.startswith("UPDATE outbox SET status = 'sent'") for s in statements) == 1


async def test_a_rolled_back_row_is_not_printed(tmp_path: Path) -> None:
    async def scenario(store: Store, seen: list[Any]) -> None:
        async with store.db.group():
            async with store.transaction():
                await store.outbox.add([_msg("留下")], T0)
            with pytest.raises(RuntimeError):
                async with store.transaction():
                    await store.outbox.add([_msg("撤销")], T0)
                    raise RuntimeError("handler bug")
            async with store.transaction():  # may take the undone row's id
                await store.outbox.add([_msg("之后")], T0)
            await _flush(store, T0, seen)

    seen, _ = await _both(tmp_path, scenario)
    assert [q[1].text for page in seen for q in page] == ["留下", "之后"]


async def test_changes_to_rows_apply_to_unprinted_ones_as_to_pending_ones(tmp_path: Path) -> None:
    async def scenario(store: Store, seen: list[Any]) -> None:
        async with store.db.group():
            async with store.transaction():
                await store.outbox.add(
                    [
                        _msg("第1号 王先生", issue=1),
                        _msg("给居民的", chat="local:r1"),
                        _msg("提到居民", mentions=(Mention("local:r1", "小王"),)),
                    ],
                    T0,
                )
            async with store.transaction():
                await store.outbox.rewrite(
                    requests=[], issues=[1], except_chat="x", scrub=lambda t: t.replace("王", "某")
                )
                await store.outbox.forget_person("local:r1", ("小王",))
                await store.outbox.add([_msg("又一条")], T0)
            await _flush(store, T0, seen)

    seen, _ = await _both(tmp_path, scenario)
    texts = [q[1].text for page in seen for q in page]
    assert texts == ["第1号 某先生", "给居民的", "提到居民", "又一条"]


async def test_printed_later_than_queued_keeps_the_time_it_was_printed(tmp_path: Path) -> None:
    async def scenario(store: Store, seen: list[Any]) -> None:
        async with store.db.group():
            async with store.transaction():
                await store.outbox.add([_msg("早")], T0)
            await _flush(store, T0 + timedelta(minutes=1), seen)

    seen, _ = await _both(tmp_path, scenario)
    assert [q[1].text for page in seen for q in page] == ["早"]
