"""``linli db copy`` between SQLite and PostgreSQL (storage/copy.py, bot/cli_db.py): every
row with its ids and order survives a round trip, numbering goes on after the copy, a
non-empty target is refused unless told. Needs the PostgreSQL test server."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.app import Linli
from bot.cli import main
from bot.config import Config
from storage.copy import CopyError, copy_database
from storage.db import Database
from tests.conftest import T0, fresh_pg_database, say


async def _community(config: Config, path: Path) -> None:
    """A SQLite community with rows in most tables: issues, followers, polls, help, events."""
    app = await Linli.open(config, database=path)
    try:
        await app.start(T0)
        head = {"sender": "local:head-1", "name": "张阿姨"}
        await app.handle(say("3单元楼道灯坏了好几天了"))
        await app.handle(say("2单元电梯坏了", sender="local:resident-2", name="老李", minutes=1))
        await app.handle(say("我也是 1", sender="local:resident-3", name="小陈", minutes=2))
        await app.handle(say("收到 1", minutes=3, **head))
        await app.handle(
            say("/poll 楼下空地改成什么？ | 停车位 | 小花园 截止 6月3日20点", minutes=4, **head)
        )
        await app.handle(say("投票 1 1", sender="local:resident-2", name="老李", minutes=5))
        await app.handle(say("投票 1 2", minutes=6))
        await app.handle(say("我能帮忙 缝纫 周末有空", sender="local:resident-4", minutes=7))
        await app.handle(
            say("活动 发布 6月20日下午3点 包粽子 在一楼活动室 限20人", minutes=8, **head)
        )
        await app.handle(say("报名 1", minutes=9))
        await app.tick(T0 + timedelta(hours=3))
    finally:
        await app.close()


def _sqlite_rows(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    conn = sqlite3.connect(path)
    try:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'"
            )
        ]
        return {
            t: conn.execute(f"SELECT rowid, * FROM {t} ORDER BY rowid").fetchall() for t in tables
        }
    finally:
        conn.close()


async def test_round_trip_keeps_every_row_id_and_order(config: Config, tmp_path: Path) -> None:
    source = tmp_path / "source.db"
    await _community(config, source)
    before = _sqlite_rows(source)
    assert before["issues"] and before["poll_votes"] and before["issue_followers"]
    async with fresh_pg_database() as url:
        src = await Database.open(source)
        pg = await Database.open(url)
        try:
            copied = {t.name: t.rows for t in await copy_database(src, pg)}
        finally:
            await src.close()
            await pg.close()
        assert copied == {t: len(rows) for t, rows in before.items()}
        back = tmp_path / "back.db"
        src = await Database.open(url)
        dst = await Database.open(back)
        try:
            await copy_database(src, dst)
        finally:
            await src.close()
            await dst.close()
        assert _sqlite_rows(back) == before

        # Numbering goes on where the copy left it (the identity sequences were reset).
        app = await Linli.open(config, database=url)
        try:
            outs = await app.handle(say("5单元水管漏水了", minutes=30, sender="local:resident-5"))
            numbers = [o.issue for o in outs if o.issue is not None]
            assert numbers == [max(r[1] for r in before["issues"]) + 1]
        finally:
            await app.close()


async def test_a_non_empty_target_is_refused_unless_replaced(
    config: Config, tmp_path: Path
) -> None:
    source = tmp_path / "source.db"
    await _community(config, source)
    async with fresh_pg_database() as url:
        src = await Database.open(source)
        pg = await Database.open(url)
        try:
            await copy_database(src, pg)
            with pytest.raises(CopyError, match="not empty"):
                await copy_database(src, pg)
            copied = await copy_database(src, pg, replace=True)
            assert sum(t.rows for t in copied) > 0
        finally:
            await src.close()
            await pg.close()


async def test_cli_copy_prints_counts_and_refuses_a_second_copy(
    config: Config, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "source.db"
    await _community(config, source)
    async with fresh_pg_database() as url:
        # The command opens its own event loop: run it on a thread of its own.
        import asyncio

        code = await asyncio.to_thread(main, ["db", "copy", f"sqlite:{source}", url])
        out = capsys.readouterr()
        assert code == 0, out.err
        assert "row counts verified" in out.out and "  issues: 2" in out.out
        code = await asyncio.to_thread(main, ["db", "copy", f"sqlite:{source}", url])
        assert code == 1
        assert "not empty" in capsys.readouterr().err


def test_cli_copy_explains_a_missing_source(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["db", "copy", f"sqlite:{tmp_path / 'none.db'}", str(tmp_path / "x.db")]) == 1
    assert "no such database file" in capsys.readouterr().err
    assert not (tmp_path / "x.db").exists()
