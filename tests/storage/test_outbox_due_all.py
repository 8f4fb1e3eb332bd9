"""``OutboxRepo.due_all`` (issue 18): replay's flush finds the messages just queued where they
were queued instead of reading them back, and must always answer what ``due(None, …)``
answers — after marks, rollbacks, changes to rows and rows due later."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.model import Kind, Mention, Outgoing
from storage import Store
from storage.outbox import Queued, Sent

pytestmark = pytest.mark.sqlite_only

T0 = datetime(2026, 5, 1, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


def _view(rows: list[Queued]) -> list[tuple[int, Outgoing, int, float]]:
    return [(q.id, q.message, q.attempts, q.created_at) for q in rows]


async def _same(store: Store, now: datetime, limit: int = 100) -> list[Queued]:
    """due_all's answer, checked against the rows read back from the database."""
    fast = await store.outbox.due_all(now, limit)
    assert _view(fast) == _view(await store.outbox.due(None, now, limit))
    return fast


def _msg(text: str, kind: Kind = Kind.COMMAND_REPLY, **refs: object) -> Outgoing:
    return Outgoing("local:building-1", kind, text, **refs)  # type: ignore[arg-type]


async def test_answers_from_memory_what_the_database_holds(tmp_path: Path) -> None:
    store = await Store.open(tmp_path / "o.db")
    try:
        assert await _same(store, T0) == []  # drained: from now on it knows every row
        async with store.transaction():
            await store.outbox.add(
                [
                    _msg("一", Kind.ISSUE_CREATED, issue=1, issues=(1, 2)),
                    _msg("二", mentions=(Mention("local:r1", "小王"),)),
                    _msg("警报", Kind.COMMUNITY_ALERT, alert=3),
                ],
                T0,
            )
        statements: list[str] = []
        store.db.conn._conn.set_trace_callback(statements.append)  # type: ignore[attr-defined]
        due = await store.outbox.due_all(T0)
        assert statements == []  # nothing read back
        store.db.conn._conn.set_trace_callback(None)  # type: ignore[attr-defined]
        due = await _same(store, T0)
        assert [q.message.text for q in due] == ["警报", "一", "二"]  # alerts first
        assert [q.message.text for q in await _same(store, T0, limit=2)] == ["警报", "一"]
        async with store.transaction():
            await store.outbox.add([_msg("以后")], T0 + timedelta(minutes=5))
        assert [q.message.text for q in await _same(store, T0)] == ["警报", "一", "二"]
        await store.outbox.mark_sent_many([Sent(due[0].id, T0), Sent(due[2].id, T0)])
        later = T0 + timedelta(minutes=5)
        assert [q.message.text for q in await _same(store, later)] == ["一", "以后"]
    finally:
        await store.close()


async def test_a_rollback_is_not_remembered(tmp_path: Path) -> None:
    store = await Store.open(tmp_path / "o.db")
    try:
        await _same(store, T0)
        async with store.transaction():
            await store.outbox.add([_msg("留下")], T0)
        with pytest.raises(RuntimeError):
            async with store.transaction():
                await store.outbox.add([_msg("撤销")], T0)
                raise RuntimeError("handler bug")
        assert [q.message.text for q in await _same(store, T0)] == ["留下"]
        async with store.db.group():
            async with store.transaction():
                await store.outbox.add([_msg("组内")], T0)
            with pytest.raises(RuntimeError):
                async with store.transaction():
                    await store.outbox.add([_msg("组内撤销")], T0)
                    raise RuntimeError("handler bug")
            assert [q.message.text for q in await _same(store, T0)] == ["留下", "组内"]
    finally:
        await store.close()


async def test_rows_changed_otherwise_are_read_back(tmp_path: Path) -> None:
    store = await Store.open(tmp_path / "o.db")
    try:
        await _same(store, T0)
        async with store.transaction():
            ids = await store.outbox.add([_msg("第1号 王先生", issue=1), _msg("别的")], T0)
            await store.outbox.rewrite(
                requests=[], issues=[1], except_chat="x", scrub=lambda t: t.replace("王", "某")
            )
        assert [q.message.text for q in await _same(store, T0)] == ["第1号 某先生", "别的"]
        await store.outbox.retry_later(ids[1], T0 + timedelta(hours=1), "down")
        assert [q.message.text for q in await _same(store, T0)] == ["第1号 某先生"]
        assert await store.outbox.claim(ids[0], T0)
        assert await _same(store, T0) == []
        assert await _same(store, T0 + timedelta(hours=1)) != []
    finally:
        await store.close()


async def test_rows_left_by_an_earlier_process_are_found(tmp_path: Path) -> None:
    store = await Store.open(tmp_path / "o.db")
    async with store.transaction():
        await store.outbox.add([_msg("上次")], T0)
    await store.close()
    store = await Store.open(tmp_path / "o.db")
    try:
        assert [q.message.text for q in await _same(store, T0)] == ["上次"]
        async with store.transaction():
            await store.outbox.add([_msg("这次")], T0)
        assert [q.message.text for q in await _same(store, T0)] == ["上次", "这次"]
    finally:
        await store.close()


async def test_marks_inside_a_group_need_no_savepoint_and_go_with_the_group(
    tmp_path: Path,
) -> None:
    store = await Store.open(tmp_path / "o.db")
    try:
        await _same(store, T0)
        statements: list[str] = []
        async with store.db.group():
            async with store.transaction():
                ids = await store.outbox.add([_msg("一", issue=1), _msg("二")], T0)
            store.db.conn._conn.set_trace_callback(statements.append)  # type: ignore[attr-defined]
            await store.outbox.mark_sent_in_group([Sent(ids[0], T0, _msg("一", issue=1), ("m1",))])
            store.db.conn._conn.set_trace_callback(None)  # type: ignore[attr-defined]
            assert [q.message.text for q in await _same(store, T0)] == ["二"]
        assert not any("SAVEPOINT" in s or "RELEASE" in s for s in statements)
        assert any(s.startswith("UPDATE outbox") for s in statements)
        assert await store.outbox.refs_of("local:building-1", "m1") == {"issue": 1}
        # A failure after the marks abandons the group: the marks are undone with it.
        with pytest.raises(RuntimeError):
            async with store.db.group():
                await store.outbox.mark_sent_in_group([Sent(ids[1], T0)])
                assert await _same(store, T0) == []
                raise RuntimeError("replay stops")
        assert [q.message.text for q in await _same(store, T0)] == ["二"]
        # Outside a group: a transaction of its own, as mark_sent_many.
        await store.outbox.mark_sent_in_group([Sent(ids[1], T0)])
        assert await _same(store, T0) == []
    finally:
        await store.close()
