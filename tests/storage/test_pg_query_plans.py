"""The hot queries find their rows through an index on PostgreSQL too (issue 19): the
statements the golden scripts and a delivery pass run (recorded on SQLite, as in
test_query_plans.py) are explained on PostgreSQL with sequential scans disabled, so a
``Seq Scan`` of a big table left in a plan means that no index can serve the query."""

from __future__ import annotations

import io
import re
from pathlib import Path

from bot.adapters.replay import replay
from bot.app import Linli
from bot.config import Config
from bot.delivery import Deliverer, RateLimits
from storage.db import Database, StorageError
from tests.conftest import T0, fresh_pg_database, say
from tests.storage.test_query_plans import (
    ALLOWED,
    BIG,
    SCRIPTS,
    Accepting,
    Recorder,
    migration_statements,
    recorder,
)

__all__ = ["recorder"]

_SEQ_SCAN = re.compile(r"Seq Scan on (\w+)")


async def seq_scans_of_big_tables(db: Database, sql: str) -> list[str] | None:
    """The big tables PostgreSQL can only read whole for ``sql``; None if it cannot be
    explained on its own."""
    try:
        async with db.conn.execute(f"EXPLAIN {sql}") as cur:
            plan = [str(r[0]) for r in await cur.fetchall()]
    except StorageError:
        return None
    return [line.strip() for line in plan for t in _SEQ_SCAN.findall(line) if t in BIG]


async def test_no_hot_query_needs_a_full_scan_on_postgresql(
    recorder: Recorder, config: Config, tmp_path: Path
) -> None:
    for script in SCRIPTS:
        lines = script.read_text(encoding="utf-8").splitlines()
        await replay(config, lines, io.StringIO(), database=tmp_path / f"{script.stem}.db")
    app = await Linli.open(config, database=tmp_path / "deliver.db")
    await app.start(T0)
    await app.handle(say("3单元楼道灯坏了好几天了"))
    await Deliverer(app.store, Accepting(), RateLimits(), clock=lambda: T0).deliver_due()
    await app.close()
    assert len(recorder.statements) > 100

    migrating = migration_statements()
    async with fresh_pg_database() as url:
        db = await Database.open(url)
        try:
            await db.conn.execute("SET enable_seqscan = off")
            problems = []
            explained = 0
            unexplained = []
            for sql in recorder.statements:
                if sql in migrating or any(p.search(sql) for p in ALLOWED):
                    continue
                scans = await seq_scans_of_big_tables(db, sql)
                if scans is None:
                    unexplained.append(sql)
                    continue
                explained += 1
                if scans:
                    problems.append(f"{sql}\n    -> {'; '.join(scans)}")
            # The check sees a scan where there is one.
            assert await seq_scans_of_big_tables(db, "SELECT * FROM inbox WHERE text = 'x'")
        finally:
            await db.close()
    assert explained > 100
    print(f"explained {explained} statements on PostgreSQL; {len(unexplained)} could not be")
    for sql in unexplained[:20]:
        print("  not explained:", sql[:200])
    assert not problems, "queries PostgreSQL can only answer by a full scan:\n" + "\n".join(
        problems
    )
