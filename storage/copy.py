"""``linli db copy``: move a community's database between SQLite and PostgreSQL.

Both ends are opened (and so migrated) by :meth:`storage.db.Database.open`, so their tables
match. Every table is copied in creation order (tables referenced by others first), row by
row with the same ids and numbers; a table without an ``INTEGER PRIMARY KEY`` also keeps its
``rowid`` (insertion order, see :mod:`storage.pgsql`). On PostgreSQL the identity sequences
are then moved past the copied ids, so the next issue gets the next number. The target must
be empty unless ``replace`` is given (then its rows are deleted first); the copy is one
transaction on the target, and the row counts of both ends are compared at the end.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from storage.db import Database, StorageError, migrations, split_statements
from storage.pgsql import created_table, integer_primary_key

log = logging.getLogger(__name__)

BATCH_ROWS = 1000


class CopyError(StorageError):
    """The copy cannot be made (target not empty, schemas differ) or did not verify."""


@dataclass(frozen=True, slots=True)
class CopiedTable:
    name: str
    rows: int


def rowid_tables() -> frozenset[str]:
    """Tables whose rows are ordered by an implicit ``rowid`` (no INTEGER PRIMARY KEY)."""
    found = set()
    for _, _, sql in migrations():
        for statement in split_statements(sql):
            table = created_table(statement)
            if table is not None and integer_primary_key(statement) is None:
                found.add(table)
    return frozenset(found)


async def _columns(db: Database, table: str) -> list[str]:
    async with db.conn.execute(f"SELECT * FROM {table} WHERE 1 = 0") as cur:
        return [str(d[0]) for d in cur.description]


async def _count(db: Database, table: str) -> int:
    async with db.conn.execute(f"SELECT count(*) FROM {table}") as cur:
        row = await cur.fetchone()
    return int(row[0])


async def counts(db: Database, tables: Sequence[str]) -> dict[str, int]:
    return {t: await _count(db, t) for t in tables}


def _quote(column: str) -> str:
    return f'"{column}"'


async def copy_database(
    source: Database,
    target: Database,
    *,
    replace: bool = False,
    progress: Callable[[str, int], None] | None = None,
) -> list[CopiedTable]:
    """Copy every row of ``source`` into ``target``; see the module docstring."""
    tables = await source.table_names()
    target_tables = await target.table_names()
    if sorted(tables) != sorted(target_tables):
        raise CopyError(
            "the two databases have different tables (different linli versions?): "
            f"only in the source: {sorted(set(tables) - set(target_tables))}, "
            f"only in the target: {sorted(set(target_tables) - set(tables))}"
        )
    filled = {t: n for t, n in (await counts(target, tables)).items() if n}
    if filled and not replace:
        listed = ", ".join(f"{t} ({n})" for t, n in sorted(filled.items()))
        raise CopyError(
            f"the target is not empty: {listed}; copy into an empty database, "
            "or pass --replace to delete the target's rows first"
        )
    with_rowid = rowid_tables()
    copied: list[CopiedTable] = []
    async with target.transaction() as out:
        if filled:
            for table in reversed(tables):
                await out.execute(f"DELETE FROM {table}")
        for table in tables:
            src_cols = await _columns(source, table)
            dst_cols = set(await _columns(target, table))
            columns = [c for c in src_cols if c in dst_cols]
            if table in with_rowid and "rowid" not in columns:
                columns.append("rowid")
            names = ", ".join(_quote(c) for c in columns)
            insert = f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' for _ in columns)})"
            rows = 0
            async with source.conn.execute(f"SELECT {names} FROM {table}") as cur:
                while True:
                    batch: list[Any] = await cur.fetchmany(BATCH_ROWS)
                    if not batch:
                        break
                    await out.executemany(insert, [tuple(r) for r in batch])
                    rows += len(batch)
            copied.append(CopiedTable(table, rows))
            if progress is not None:
                progress(table, rows)
        if target.engine == "postgresql":
            await _reset_sequences(target, tables)
    source_counts = await counts(source, tables)
    target_counts = await counts(target, tables)
    wrong = {
        t: (source_counts[t], target_counts[t])
        for t in tables
        if source_counts[t] != target_counts[t]
    }
    if wrong:
        listed = ", ".join(f"{t}: {a} -> {b}" for t, (a, b) in sorted(wrong.items()))
        raise CopyError(f"row counts differ after the copy: {listed}")
    return copied


async def _reset_sequences(db: Database, tables: Sequence[str]) -> None:
    """Move every identity sequence past the largest id copied (or back to 1 if empty)."""
    for table in tables:
        async with db.conn.execute(
            "SELECT a.attname FROM pg_attribute a WHERE a.attrelid = ?::regclass"
            " AND a.attidentity != '' AND NOT a.attisdropped",
            (table,),
        ) as cur:
            identity = [str(r[0]) for r in await cur.fetchall()]
        for column in identity:
            await db.conn.execute(
                f"SELECT setval(pg_get_serial_sequence(?, ?), coalesce(max({_quote(column)}), 0)"
                f" + 1, false) FROM {table}",
                (table, column),
            )
