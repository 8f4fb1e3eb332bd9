"""The SQLite database: connection, WAL mode, versioned migrations, transactions.

One :class:`Database` holds one aiosqlite connection shared by every task of the process.
Writes happen only inside :meth:`Database.transaction`, which serialises transactions with an
asyncio lock (a single connection cannot interleave two) and commits or rolls back as a whole:
an incoming message's effects and its replies land together or not at all.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path

import aiosqlite

log = logging.getLogger(__name__)

_MIGRATION_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


class StorageError(Exception):
    """The database cannot be used (locked, disk full, corrupt); the caller may retry later."""


def migrations() -> list[tuple[int, str, str]]:
    """Shipped migrations as (version, name, sql), in order."""
    found = []
    for entry in resources.files("storage.migrations").iterdir():
        match = _MIGRATION_NAME.match(entry.name)
        if match:
            found.append((int(match.group(1)), entry.name, entry.read_text(encoding="utf-8")))
    found.sort()
    versions = [v for v, _, _ in found]
    if len(set(versions)) != len(versions):
        raise RuntimeError(f"two migrations share a version: {versions}")
    return found


class Database:
    """An open database; use :meth:`open` to create one."""

    def __init__(self, conn: aiosqlite.Connection, path: str) -> None:
        self.conn = conn
        self.path = path
        self._lock = asyncio.Lock()
        self.in_transaction = False

    @classmethod
    async def open(cls, path: str | Path) -> Database:
        """Open (creating if needed) and migrate the database at ``path`` (``":memory:"`` too)."""
        spath = str(path)
        if spath != ":memory:":
            Path(spath).parent.mkdir(parents=True, exist_ok=True)
        conn = await aiosqlite.connect(spath, isolation_level=None)
        conn.row_factory = aiosqlite.Row
        db = cls(conn, spath)
        try:
            await conn.execute("PRAGMA journal_mode=WAL")
            # NORMAL in WAL mode: a commit survives a process crash; only an OS crash or power
            # loss can lose the last transactions (acceptable for a chat bot, and much faster).
            await conn.execute("PRAGMA synchronous=NORMAL")
            await conn.execute("PRAGMA foreign_keys=ON")
            await conn.execute("PRAGMA busy_timeout=5000")
            await db._migrate()
        except BaseException:
            await conn.close()
            raise
        return db

    async def close(self) -> None:
        await self.conn.close()

    async def _migrate(self) -> None:
        async with self.conn.execute("PRAGMA user_version") as cur:
            row = await cur.fetchone()
        current = int(row[0]) if row else 0
        for version, name, sql in migrations():
            if version <= current:
                continue
            log.info("migrating database path=%s to=%s", self.path, name)
            # executescript commits on its own; the version bump is inside the script so a
            # crash mid-migration leaves the old version and the script is re-run whole.
            await self.conn.executescript(
                f"BEGIN IMMEDIATE;\n{sql}\nPRAGMA user_version = {version};\nCOMMIT;"
            )

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[aiosqlite.Connection]:
        """Run the block as one transaction; commit on success, roll back on any exception.

        sqlite errors (locked, disk full, I/O) surface as :class:`StorageError`.
        """
        async with self._lock:
            try:
                await self.conn.execute("BEGIN IMMEDIATE")
            except aiosqlite.Error as exc:
                raise StorageError(str(exc)) from exc
            self.in_transaction = True
            try:
                yield self.conn
                await self.conn.execute("COMMIT")
            except BaseException as exc:
                try:
                    await self.conn.execute("ROLLBACK")
                except aiosqlite.Error:
                    log.exception("rollback failed path=%s", self.path)
                if isinstance(exc, aiosqlite.Error):
                    raise StorageError(str(exc)) from exc
                raise
            finally:
                self.in_transaction = False
