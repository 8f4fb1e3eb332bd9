"""The SQLite database: connection, WAL mode, versioned migrations, transactions.

One :class:`Database` holds one connection shared by every task of the process.
Writes happen only inside :meth:`Database.transaction`, which serialises transactions with an
asyncio lock (a single connection cannot interleave two) and commits or rolls back as a whole:
an incoming message's effects and its replies land together or not at all.

Two engines share one interface (aiosqlite's), chosen by ``[storage] engine``:

- ``inline`` (default): statements run on the event loop's thread (:class:`Connection`,
  aiosqlite's interface without its worker thread). Each takes a few microseconds in WAL mode
  with ``synchronous=NORMAL`` (commits do not fsync), while aiosqlite's hand-over to its
  worker thread and back costs about 45 µs per statement plus GIL contention: the pipeline
  bench measured 3,900 messages/s inline against 700 with aiosqlite (README, Performance).
  The price: while another process holds the write lock, a statement blocks the loop for up
  to ``INLINE_BUSY_TIMEOUT_MS``; then the message stays pending and is retried on the next tick.
- ``aiosqlite``: every statement in aiosqlite's worker thread, so the loop never waits for the
  database — for deployments where other processes (backups, reporting tools) write to it.
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import logging
import os
import re
import sqlite3
from collections.abc import AsyncIterator, Callable, Generator, Iterable, Iterator, Sequence
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path
from typing import Any

import aiosqlite

from storage.transactions import StorageError, Transaction

log = logging.getLogger(__name__)

_MIGRATION_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


POSTGRES_SCHEMES = ("postgresql://", "postgres://")


def is_postgres_url(target: object) -> bool:
    """Whether ``target`` names a PostgreSQL database rather than a SQLite file."""
    return isinstance(target, str) and target.startswith(POSTGRES_SCHEMES)


def returning_id(sql: str, engine: str) -> str:
    """``sql``, an INSERT of one row, made to give the row's id back to :func:`inserted_id`:
    by ``RETURNING id`` on PostgreSQL, which has no ``lastrowid``; by the cursor's
    ``lastrowid`` on SQLite, which answers ``RETURNING`` through a temporary table, about 3 µs
    more per row (20,000 timers, outbox rows and inbox rows each in the 20,000-message
    replay)."""
    return sql + " RETURNING id" if engine == "postgresql" else sql


async def inserted_id(cur: Any, engine: str) -> int | None:
    """The id of the row that ``cur`` (an INSERT built by :func:`returning_id`) wrote, or None
    if it wrote none (``ON CONFLICT DO NOTHING``: then SQLite's ``lastrowid`` is an older
    row's)."""
    if engine == "postgresql":
        row = await cur.fetchone()
        return int(row[0]) if row is not None else None
    return cur.lastrowid if cur.rowcount == 1 else None


class DatabaseInUse(StorageError):
    """Another process holds the database (``linli run``/``chat``/``replay`` on the same file)."""


@contextlib.contextmanager
def exclusive(path: str | Path) -> Iterator[None]:
    """Hold the database file for this process: an advisory lock on ``<path>.lock``.

    Two processes on one SQLite file would each send the other's replies; a second one gets
    :class:`DatabaseInUse` at once instead. The kernel drops the lock when the process dies,
    also by SIGKILL, so a crash never leaves the database locked. ``":memory:"`` needs none.
    """
    spath = str(path)
    if spath == ":memory:":
        yield
        return
    Path(spath).parent.mkdir(parents=True, exist_ok=True)
    lock_path = spath + ".lock"
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "?"
            raise DatabaseInUse(
                f"the database {spath} is in use by another linli process (pid {holder}); "
                "stop that one first, or give this one its own [storage] database"
            ) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def split_statements(sql: str) -> list[str]:
    """The statements of a migration script, for running them one by one inside a
    transaction (``executescript`` would commit first)."""
    statements: list[str] = []
    buffer = ""
    for line in sql.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    rest = "\n".join(
        line for line in buffer.splitlines() if line.strip() and not line.strip().startswith("--")
    )
    if rest.strip():
        raise ValueError(f"incomplete statement at the end of a migration: {rest[:80]!r}")
    return statements


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


class Cursor:
    """A finished statement's cursor with aiosqlite's (async) interface: what
    :meth:`Connection.execute` returns, awaited (``await conn.execute(...)``) or entered
    (``async with conn.execute(...) as cur``), like aiosqlite's, so that callers cannot tell
    the difference. The statement runs when ``execute`` is called, in the same expression
    as the ``await`` (or ``async with``): no object stands between the call and the cursor
    (about 0.3 µs a statement, a few hundred thousand statements a replay)."""

    __slots__ = ("_cur",)

    def __init__(self, cur: sqlite3.Cursor) -> None:
        self._cur = cur

    @property
    def rowcount(self) -> int:
        return self._cur.rowcount

    @property
    def lastrowid(self) -> int | None:
        return self._cur.lastrowid

    @property
    def description(self) -> Any:
        return self._cur.description

    async def fetchone(self) -> Any:
        return self._cur.fetchone()

    async def fetchall(self) -> list[Any]:
        return self._cur.fetchall()

    async def fetchmany(self, size: int | None = None) -> list[Any]:
        return self._cur.fetchmany(size if size is not None else self._cur.arraysize)

    async def close(self) -> None:
        self._cur.close()

    def __aiter__(self) -> Cursor:
        return self

    async def __anext__(self) -> Any:
        row = self._cur.fetchone()
        if row is None:
            raise StopAsyncIteration
        return row

    def __await__(self) -> Generator[Any, None, Cursor]:
        return self
        yield  # unreachable: makes this a generator that finishes without suspending

    async def __aenter__(self) -> Cursor:
        return self

    async def __aexit__(self, *exc: object) -> None:
        self._cur.close()


class Connection:
    """aiosqlite's connection interface over a ``sqlite3`` connection used on this thread."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    @property
    def row_factory(self) -> Any:
        return self._conn.row_factory

    @row_factory.setter
    def row_factory(self, factory: Any) -> None:
        self._conn.row_factory = factory

    @property
    def in_transaction(self) -> bool:
        return self._conn.in_transaction

    def execute(self, sql: str, parameters: Sequence[Any] = ()) -> Cursor:
        return Cursor(self._conn.execute(sql, parameters))

    def executemany(self, sql: str, parameters: Iterable[Sequence[Any]]) -> Cursor:
        return Cursor(self._conn.executemany(sql, parameters))

    async def executescript(self, sql: str) -> Cursor:
        return Cursor(self._conn.executescript(sql))

    async def commit(self) -> None:
        self._conn.commit()

    async def rollback(self) -> None:
        self._conn.rollback()

    async def close(self) -> None:
        self._conn.close()


# Checkpoints (copying the WAL into the database file, with fsyncs) run on a worker thread
# with their own connection every CHECKPOINT_EVERY commits, so the event loop never waits for
# the disk; the connection's automatic checkpoint stays as a safety net at a larger WAL size.
CHECKPOINT_EVERY = 500
AUTOCHECKPOINT_PAGES = 10_000
# The page cache of a connection once it groups transactions (:meth:`Database.group`, in
# KiB; SQLite's default is 2,000): a group holds every page it changes until its commit, and
# once they fill the cache SQLite writes them into the WAL early, to write them again at the
# commit. ``linli replay``'s groups of 1,000 script lines change about 1,500 pages.
GROUP_CACHE_KIB = 8192
ENGINES = ("inline", "aiosqlite")
# How long a statement waits for another process's write lock before the operation fails
# (and is retried later). Inline, the loop waits too, so keep it short.
INLINE_BUSY_TIMEOUT_MS = 1000
AIOSQLITE_BUSY_TIMEOUT_MS = 5000
# Opening waits longer: many processes starting at once on a fresh file queue for the
# migration transaction one after another.
MIGRATION_BUSY_TIMEOUT_MS = 60_000


async def _enter_wal(conn: Any) -> None:
    """``PRAGMA journal_mode=WAL``, waiting for other processes like a statement would.

    Switching a fresh file into WAL mode needs it to itself for a moment, and SQLite answers
    "database is locked" at once (without its busy handler) while another process is opening
    or migrating the same file; many processes starting together on a fresh database hit this.
    Retry with a short backoff for as long as the migration would wait.
    """
    deadline = asyncio.get_running_loop().time() + MIGRATION_BUSY_TIMEOUT_MS / 1000
    delay = 0.005
    while True:
        try:
            await conn.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or asyncio.get_running_loop().time() >= deadline:
                raise
        await asyncio.sleep(delay)
        delay = min(delay * 2, 0.2)


class Database:
    """An open database; use :meth:`open` to create one."""

    def __init__(self, conn: Connection, path: str) -> None:
        self.conn = conn
        self.path = path
        self.engine = "inline"
        # Called after a transaction or a savepoint was rolled back (caches of written rows).
        self.on_rollback: list[Callable[[], None]] = []
        self._lock = asyncio.Lock()
        self.in_transaction = False
        # The task holding a group of transactions (see :meth:`group`), None when none is.
        self._group_owner: asyncio.Task[Any] | None = None
        self._grouped = False  # whether a group was ever opened (see GROUP_CACHE_KIB)
        self._commits = 0
        self._checkpointing: asyncio.Future[None] | None = None
        self._checkpoint_conn: sqlite3.Connection | None = None
        # What opening did: the schema version found and the migrations applied (linli migrate).
        self.schema_before = 0
        self.migrated: list[str] = []

    @classmethod
    async def open(
        cls, path: str | Path, engine: str = "inline", *, password: str | None = None
    ) -> Database:
        """Open (creating if needed) and migrate the database at ``path`` (``":memory:"`` too)
        with the given engine (``inline`` or ``aiosqlite``, see the module docstring).

        A ``postgresql://`` URL opens PostgreSQL instead (:mod:`storage.pg`; ``engine`` does not
        apply, ``password`` overrides libpq's ``PGPASSWORD``)."""
        spath = str(path)
        if is_postgres_url(spath):
            from storage.pg import PgDatabase

            return await PgDatabase.connect(spath, password)
        if spath != ":memory:":
            Path(spath).parent.mkdir(parents=True, exist_ok=True)
        conn: Any
        if engine == "aiosqlite":
            conn = await aiosqlite.connect(spath, isolation_level=None)
            busy_ms = AIOSQLITE_BUSY_TIMEOUT_MS
        elif engine == "inline":
            conn = Connection(sqlite3.connect(spath, isolation_level=None))
            busy_ms = INLINE_BUSY_TIMEOUT_MS
        else:
            raise ValueError(f"unknown storage engine {engine!r}")
        conn.row_factory = sqlite3.Row
        db = cls(conn, spath)
        db.engine = engine
        try:
            await conn.execute(f"PRAGMA busy_timeout={MIGRATION_BUSY_TIMEOUT_MS}")
            await _enter_wal(conn)
            # NORMAL in WAL mode: a commit survives a process crash; only an OS crash or power
            # loss can lose the last transactions (acceptable for a chat bot, and much faster).
            await conn.execute("PRAGMA synchronous=NORMAL")
            await conn.execute("PRAGMA foreign_keys=ON")
            await conn.execute(f"PRAGMA wal_autocheckpoint={AUTOCHECKPOINT_PAGES}")
            # A savepoint (each transaction of a group, each timer of a tick) copies every page
            # it changes into a sub-journal first; in a temporary file that was ~55 write
            # calls per replayed message. In memory it costs no system call and stays small
            # (emptied when the savepoint is released).
            await conn.execute("PRAGMA temp_store=MEMORY")
            await db._migrate()
            await conn.execute(f"PRAGMA busy_timeout={busy_ms}")
        except BaseException:
            await conn.close()
            raise
        return db

    async def close(self) -> None:
        if self._checkpointing is not None:
            await asyncio.wait([self._checkpointing])
        if self._checkpoint_conn is not None:
            self._checkpoint_conn.close()
            self._checkpoint_conn = None
        await self.conn.close()

    def _committed(self) -> None:
        """Count a commit; every CHECKPOINT_EVERY, start a checkpoint on a worker thread."""
        if self.engine != "inline":
            return  # aiosqlite's thread checkpoints on its own without blocking the loop
        self._commits += 1
        if self._commits < CHECKPOINT_EVERY or self._checkpointing is not None:
            return
        self._commits = 0
        if self.path == ":memory:":
            return
        self._checkpointing = asyncio.get_running_loop().run_in_executor(None, self._checkpoint)
        self._checkpointing.add_done_callback(self._checkpoint_done)

    def _checkpoint(self) -> None:
        # PASSIVE: copies what it can without waiting for or blocking the writer.
        if self._checkpoint_conn is None:
            self._checkpoint_conn = sqlite3.connect(
                self.path, isolation_level=None, check_same_thread=False
            )
            self._checkpoint_conn.execute("PRAGMA synchronous=NORMAL")
        self._checkpoint_conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()

    def _checkpoint_done(self, future: asyncio.Future[None]) -> None:
        self._checkpointing = None
        if not future.cancelled() and future.exception() is not None:
            log.warning(
                "background checkpoint failed path=%s error=%s", self.path, future.exception()
            )

    async def table_names(self) -> list[str]:
        """The application's tables, in creation order (a valid order to fill them in)."""
        async with self.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'"
            " ORDER BY rowid"
        ) as cur:
            return [str(r[0]) for r in await cur.fetchall()]

    def rolled_back(self) -> None:
        """Tell caches that writes of the current transaction (or savepoint) were undone."""
        for callback in self.on_rollback:
            callback()

    async def _migrate(self) -> None:
        """Bring the schema up to date in one immediate transaction: the version is read
        under the write lock, so processes starting together on a fresh file migrate it once
        (the others wait, then find it done); a crash midway leaves the old version whole."""
        pending = migrations()
        await self.conn.execute("BEGIN IMMEDIATE")
        try:
            async with self.conn.execute("PRAGMA user_version") as cur:
                row = await cur.fetchone()
            current = int(row[0]) if row else 0
            self.schema_before = current
            for version, name, sql in pending:
                if version <= current:
                    continue
                log.info("migrating database path=%s to=%s", self.path, name)
                for statement in split_statements(sql):
                    await self.conn.execute(statement)
                await self.conn.execute(f"PRAGMA user_version = {version}")
                self.migrated.append(name)
            await self.conn.execute("COMMIT")
        except BaseException:
            if self.conn.in_transaction:
                await self.conn.execute("ROLLBACK")
            raise

    @asynccontextmanager
    async def group(self) -> AsyncIterator[None]:
        """Group commit: the transactions the current task runs inside the block share one
        commit at its end. Each is a savepoint of the group's transaction, so one that fails
        is rolled back alone, as before; other tasks' transactions wait until the group ends.
        For callers whose input is durable elsewhere (``linli replay``'s script): a kill loses
        only what the group had not committed, and it is redone from the input. If the group
        fails to commit, all of it is rolled back and the error raised. Nested: no-op."""
        if self.engine not in ENGINES or self.holds_group():
            yield
            return
        if not self._grouped:
            self._grouped = True
            await self.conn.execute(f"PRAGMA cache_size = -{GROUP_CACHE_KIB}")
        async with self._immediate():
            self._group_owner = asyncio.current_task()
            try:
                yield
            finally:
                self._group_owner = None

    def holds_group(self) -> bool:
        """Whether the current task is inside a :meth:`group` (its writes share one commit)."""
        owner = self._group_owner
        return owner is not None and owner is asyncio.current_task()

    def transaction(self) -> contextlib.AbstractAsyncContextManager[Connection]:
        """Run the block as one transaction; commit on success, roll back on any exception
        (inside a :meth:`group` of this task: a savepoint, committed with the group).

        sqlite errors (locked, disk full, I/O) surface as :class:`StorageError`.
        """
        return Transaction(self)

    @asynccontextmanager
    async def _immediate(self) -> AsyncIterator[None]:
        """One ``BEGIN IMMEDIATE`` … ``COMMIT`` under the lock (a transaction, or a group's);
        rolled back on any exception, sqlite errors raised as :class:`StorageError`."""
        async with self._lock:
            try:
                await self.conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                raise StorageError(str(exc)) from exc
            try:
                yield
                await self.conn.execute("COMMIT")
                self._committed()
            except BaseException as exc:
                self.rolled_back()
                # SQLite may have rolled back already (e.g. SQLITE_FULL ends the transaction).
                if self.conn.in_transaction:
                    try:
                        await self.conn.execute("ROLLBACK")
                    except sqlite3.Error:
                        log.exception("rollback failed path=%s", self.path)
                if isinstance(exc, sqlite3.Error):
                    raise StorageError(str(exc)) from exc
                raise
