"""Group commit (issue 18): transactions of one task inside ``Database.group`` share one
commit; each stays a unit that fails alone; another task's transaction waits for the group."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest

from storage.db import GROUP_CACHE_KIB, Database

pytestmark = pytest.mark.sqlite_only


async def _db(tmp_path: Path) -> Database:
    db = await Database.open(tmp_path / "group.db")
    await db.conn.execute("CREATE TABLE t (v INTEGER)")
    return db


def _seen_by_another_connection(path: Path) -> list[int]:
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute("SELECT v FROM t ORDER BY v")]
    finally:
        conn.close()


async def test_transactions_in_a_group_commit_together(tmp_path: Path) -> None:
    db = await _db(tmp_path)
    try:
        async with db.group():
            for v in (1, 2):
                async with db.transaction() as conn:
                    await conn.execute("INSERT INTO t VALUES (?)", (v,))
            assert _seen_by_another_connection(tmp_path / "group.db") == []
        assert _seen_by_another_connection(tmp_path / "group.db") == [1, 2]
    finally:
        await db.close()


async def test_a_failing_transaction_in_a_group_is_rolled_back_alone(tmp_path: Path) -> None:
    db = await _db(tmp_path)
    undone: list[bool] = []
    db.on_rollback.append(lambda: undone.append(True))
    try:
        async with db.group():
            async with db.transaction() as conn:
                await conn.execute("INSERT INTO t VALUES (1)")
            with pytest.raises(RuntimeError):
                async with db.transaction() as conn:
                    await conn.execute("INSERT INTO t VALUES (2)")
                    raise RuntimeError("handler bug")
            async with db.transaction() as conn:
                await conn.execute("INSERT INTO t VALUES (3)")
        assert undone == [True]
        assert _seen_by_another_connection(tmp_path / "group.db") == [1, 3]
    finally:
        await db.close()


async def test_a_group_that_fails_is_rolled_back_whole(tmp_path: Path) -> None:
    db = await _db(tmp_path)
    try:
        with pytest.raises(RuntimeError):
            async with db.group():
                async with db.transaction() as conn:
                    await conn.execute("INSERT INTO t VALUES (1)")
                raise RuntimeError("killed")
        assert _seen_by_another_connection(tmp_path / "group.db") == []
        async with db.transaction() as conn:  # the database is usable afterwards
            await conn.execute("INSERT INTO t VALUES (2)")
        assert _seen_by_another_connection(tmp_path / "group.db") == [2]
    finally:
        await db.close()


async def test_another_task_waits_for_the_group(tmp_path: Path) -> None:
    db = await _db(tmp_path)
    order: list[str] = []

    async def other() -> None:
        async with db.transaction() as conn:
            order.append("other")
            await conn.execute("INSERT INTO t VALUES (9)")

    try:
        async with db.group():
            task = asyncio.create_task(other())
            await asyncio.sleep(0)
            async with db.transaction() as conn:
                await conn.execute("INSERT INTO t VALUES (1)")
            order.append("group")
        await task
        assert order == ["group", "other"]
        assert _seen_by_another_connection(tmp_path / "group.db") == [1, 9]
    finally:
        await db.close()


async def test_a_grouping_connection_gets_a_page_cache_for_its_groups(tmp_path: Path) -> None:
    """A group holds every page it changes until its commit: with SQLite's default cache
    (2,000 KiB) a group of replay's size spilled them into the WAL early, to write them
    again at the commit."""
    db = await _db(tmp_path)
    try:
        async with db.conn.execute("PRAGMA cache_size") as cur:
            assert (await cur.fetchone())[0] != -GROUP_CACHE_KIB  # not for connections not grouping
        async with db.group():
            async with db.transaction() as conn:
                await conn.execute("INSERT INTO t VALUES (1)")
        async with db.conn.execute("PRAGMA cache_size") as cur:
            assert (await cur.fetchone())[0] == -GROUP_CACHE_KIB
    finally:
        await db.close()
