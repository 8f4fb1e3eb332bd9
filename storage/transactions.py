"""The SQLite transaction of :meth:`storage.db.Database.transaction`, as a plain class.

Every message, timer batch and flush runs one, so its own cost counts: written with
``asynccontextmanager`` (a generator driven through a wrapper) it cost about 9 µs of Python
per transaction besides the statements, this way about half as much. Behaviour is the
generator's, step for step (tests/storage/test_group_commit.py, tests/reliability).
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from types import TracebackType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from storage.db import Connection, Database

log = logging.getLogger(__name__)


class StorageError(Exception):
    """The database cannot be used (locked, disk full, corrupt); the caller may retry later."""


class Transaction:
    """``BEGIN IMMEDIATE`` … ``COMMIT`` under the database's lock; inside a group of the
    current task (:meth:`storage.db.Database.group`) a savepoint instead, committed with the
    group. Rolled back on any exception; sqlite errors are raised as :class:`StorageError`."""

    __slots__ = ("_db", "_savepoint")

    def __init__(self, db: Database) -> None:
        self._db = db
        self._savepoint = False

    async def __aenter__(self) -> Connection:
        db = self._db
        conn = db.conn
        owner = db._group_owner
        self._savepoint = owner is not None and owner is asyncio.current_task()
        if self._savepoint:
            if not conn.in_transaction:
                # SQLite ended the group's transaction (disk full, I/O error): what it held
                # is gone, and nothing more may be written as if it were still part of it.
                raise StorageError("the grouped transaction was rolled back")
            try:
                await conn.execute("SAVEPOINT grouped")
            except sqlite3.Error as exc:
                raise StorageError(str(exc)) from exc
        else:
            await db._lock.acquire()
            try:
                await conn.execute("BEGIN IMMEDIATE")
            except BaseException as exc:
                db._lock.release()
                if isinstance(exc, sqlite3.Error):
                    raise StorageError(str(exc)) from exc
                raise
        db.in_transaction = True
        return conn

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        db = self._db
        conn = db.conn
        db.in_transaction = False
        try:
            if exc is None:
                try:
                    if self._savepoint:
                        await conn.execute("RELEASE grouped")
                    else:
                        await conn.execute("COMMIT")
                        db._committed()
                    return
                except BaseException as failed:
                    await self._roll_back()
                    if isinstance(failed, sqlite3.Error):
                        raise StorageError(str(failed)) from failed
                    raise
            await self._roll_back()
            if isinstance(exc, sqlite3.Error):
                raise StorageError(str(exc)) from exc
            # Any other exception of the block propagates as it was.
        finally:
            if not self._savepoint:
                db._lock.release()

    async def _roll_back(self) -> None:
        db = self._db
        db.rolled_back()
        conn = db.conn
        # SQLite may have rolled back already (e.g. SQLITE_FULL ends the transaction).
        if not conn.in_transaction:
            return
        try:
            if self._savepoint:
                await conn.execute("ROLLBACK TO grouped")
                await conn.execute("RELEASE grouped")
            else:
                await conn.execute("ROLLBACK")
        except sqlite3.Error:
            log.exception("rollback failed path=%s", db.path)
