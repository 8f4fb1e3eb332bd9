"""The PostgreSQL database: the interface of :mod:`storage.db` over psycopg 3.

Chosen by ``[storage] url = "postgresql://user@host:port/db"``; the password comes from the
environment (``password_env``, else libpq's own ``PGPASSWORD`` or ``~/.pgpass``), never from
the file. The repositories cannot tell the engines apart: statements are translated once each
(:mod:`storage.pgsql`), rows index by position and by column name like ``sqlite3.Row``,
database errors surface as :class:`StorageError`, and :meth:`PgDatabase.transaction` commits
or rolls back as a whole and calls the ``on_rollback`` callbacks.

One connection per process, as with SQLite: a worker's tasks take turns through the
transaction lock. Several processes (workers) share the database; PostgreSQL's row locks and
unique keys keep them apart. Client-side parameter binding (psycopg's ``ClientCursor``) keeps
SQLite's loose typing working (``? IS NULL``, integers compared with text-typed literals).
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Generator, Iterable, Sequence
from contextlib import asynccontextmanager
from typing import Any, ClassVar
from urllib.parse import parse_qsl, quote, urlsplit, urlunsplit

import psycopg
from psycopg import adapt, pq
from psycopg.types.numeric import Int8Dumper

from storage.db import Database, StorageError, migrations, split_statements
from storage.pgsql import COMPAT_FUNCTIONS, translate, translate_ddl

log = logging.getLogger(__name__)

# Any fixed number: every linli process takes this transaction-level advisory lock before
# reading the schema version, so workers starting together migrate once.
MIGRATION_LOCK = 0x6C696E6C69  # "linli"
SCHEMA_TABLE = "linli_schema"
CONNECT_TIMEOUT_S = 10


def redact_url(url: str) -> str:
    """The URL without its password, for logs and messages: ``user:***@`` and, since libpq
    also reads one from the query (``?password=``, the key percent-encoded or not),
    ``password=***`` there."""
    parts = urlsplit(url)
    if parts.password is None and not _has_password_param(parts.query):
        return url
    if _has_password_param(parts.query):
        query = "&".join(
            f"{quote(k)}=***" if k.strip().lower() == "password" else f"{quote(k)}={quote(v)}"
            for k, v in _query(parts.query)
        )
        parts = parts._replace(query=query)
    if parts.password is None:
        return urlunsplit(parts)
    host = parts.hostname or ""
    if parts.port:
        host += f":{parts.port}"
    user = f"{parts.username}:***@" if parts.username else ":***@"
    return urlunsplit(parts._replace(netloc=user + host))


def _query(query: str) -> list[tuple[str, str]]:
    return parse_qsl(query, keep_blank_values=True)


def _has_password_param(query: str) -> bool:
    return any(k.strip().lower() == "password" for k, _ in _query(query))


class _BoolAsInteger(Int8Dumper):
    """linli's flags are INTEGER 0/1 columns (as in SQLite): store True as 1, not ``true``."""

    def dump(self, obj: Any) -> Any:
        return super().dump(int(obj))


class _NumericLoader(adapt.Loader):
    """``sum()``/``avg()`` of integers are NUMERIC in PostgreSQL; SQLite gives int or float,
    and so does this (never ``Decimal``)."""

    def load(self, data: Any) -> int | float:
        raw = bytes(data)
        if b"." in raw or b"e" in raw.lower() or b"N" in raw:
            return float(raw)
        return int(raw)


class Row(tuple):  # type: ignore[type-arg]
    """A result row indexed by position or by column name, like ``sqlite3.Row``."""

    __slots__ = ()
    _index: ClassVar[dict[str, int]] = {}

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, str):
            key = self._index[key]
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        return list(self._index)


_row_classes: dict[tuple[str, ...], type[Row]] = {}


def _row_class(names: tuple[str, ...]) -> type[Row]:
    cls = _row_classes.get(names)
    if cls is None:
        index: dict[str, int] = {}
        for i, name in enumerate(names):
            index.setdefault(name, i)
        cls = type("Row", (Row,), {"__slots__": (), "_index": index})
        _row_classes[names] = cls
    return cls


def _row_factory(cursor: Any) -> Callable[[Sequence[Any]], Any]:
    description = cursor.description
    if description is None:
        return tuple
    return _row_class(tuple(col.name for col in description))


class PgCursor:
    """A finished statement's cursor with aiosqlite's (async) interface."""

    __slots__ = ("_cur",)

    def __init__(self, cur: psycopg.AsyncClientCursor[Any]) -> None:
        self._cur = cur

    @property
    def rowcount(self) -> int:
        return self._cur.rowcount

    @property
    def lastrowid(self) -> int | None:
        raise StorageError("lastrowid does not exist on PostgreSQL: use INSERT ... RETURNING")

    @property
    def description(self) -> Any:
        return self._cur.description

    async def fetchone(self) -> Any:
        return await self._cur.fetchone() if self._cur.description is not None else None

    async def fetchall(self) -> list[Any]:
        return await self._cur.fetchall() if self._cur.description is not None else []

    async def fetchmany(self, size: int | None = None) -> list[Any]:
        if self._cur.description is None:
            return []
        return await self._cur.fetchmany(size if size is not None else self._cur.arraysize)

    async def close(self) -> None:
        await self._cur.close()

    def __aiter__(self) -> PgCursor:
        return self

    async def __anext__(self) -> Any:
        row = await self.fetchone()
        if row is None:
            raise StopAsyncIteration
        return row

    async def __aenter__(self) -> PgCursor:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self._cur.close()


class _PgStatement:
    """What :meth:`PgConnection.execute` returns: run when awaited or entered."""

    __slots__ = ("_cursor", "_run")

    def __init__(self, run: Callable[[], Any]) -> None:
        self._run = run
        self._cursor: PgCursor | None = None

    def __await__(self) -> Generator[Any, None, PgCursor]:
        return self._run().__await__()  # type: ignore[no-any-return]

    async def __aenter__(self) -> PgCursor:
        self._cursor = await self._run()
        return self._cursor

    async def __aexit__(self, *exc: object) -> None:
        if self._cursor is not None:
            await self._cursor.close()


class PgConnection:
    """aiosqlite's connection interface over a psycopg ``AsyncConnection`` (autocommit: the
    transactions are the explicit ``BEGIN``/``COMMIT`` of :class:`PgDatabase`)."""

    def __init__(
        self, conn: psycopg.AsyncConnection[Any], url: str, password: str | None = None
    ) -> None:
        self._conn = conn
        self._url = url
        self._password = password
        # Called after the connection was made anew (session state such as advisory locks
        # was lost with the old one); one raising leaves the new connection closed.
        self.on_reconnect: list[Callable[[], Awaitable[None]]] = []
        self.reconnects = 0
        self._closing = False
        # Inside PgDatabase.transaction(): a lost connection must fail the transaction, never
        # let its remaining statements run on a new connection outside it.
        self.in_block = False

    @property
    def raw(self) -> psycopg.AsyncConnection[Any]:
        return self._conn

    async def _ensure_connected(self) -> None:
        """A connection lost between transactions (server restarted, network cut, the
        backend terminated) is made anew before the next statement; one lost inside a
        transaction fails that transaction (:class:`StorageError`), and the next reconnects."""
        if not self._conn.closed or self._closing:
            return
        if self.in_block:
            raise StorageError("the database connection was lost inside a transaction")
        log.warning("database connection lost; reconnecting url=%s", redact_url(self._url))
        self._conn = await connect(self._url, self._password)
        self.reconnects += 1
        try:
            for callback in self.on_reconnect:
                await callback()
        except BaseException:
            await self._conn.close()
            raise

    @property
    def in_transaction(self) -> bool:
        return self._conn.info.transaction_status != pq.TransactionStatus.IDLE

    def execute(self, sql: str, parameters: Sequence[Any] = ()) -> _PgStatement:
        return _PgStatement(lambda: self._execute(translate(sql), tuple(parameters)))

    def executemany(self, sql: str, parameters: Iterable[Sequence[Any]]) -> _PgStatement:
        return _PgStatement(lambda: self._executemany(translate(sql), parameters))

    async def execute_raw(self, sql: str, parameters: Sequence[Any] | None = None) -> PgCursor:
        """Run PostgreSQL SQL as it is (no translation)."""
        return await self._execute(sql, parameters)

    async def _execute(self, sql: str, parameters: Sequence[Any] | None) -> PgCursor:
        if self._conn.closed:
            await self._ensure_connected()
        cur = psycopg.AsyncClientCursor(self._conn)
        try:
            await cur.execute(sql, parameters)
        except psycopg.Error as exc:
            await cur.close()
            raise StorageError(f"{type(exc).__name__}: {exc}".strip()) from exc
        return PgCursor(cur)

    async def _executemany(self, sql: str, parameters: Iterable[Sequence[Any]]) -> PgCursor:
        if self._conn.closed:
            await self._ensure_connected()
        cur = psycopg.AsyncClientCursor(self._conn)
        try:
            await cur.executemany(sql, [tuple(p) for p in parameters])
        except psycopg.Error as exc:
            await cur.close()
            raise StorageError(f"{type(exc).__name__}: {exc}".strip()) from exc
        return PgCursor(cur)

    async def executescript(self, sql: str) -> PgCursor:
        cursor: PgCursor | None = None
        for statement in split_statements(sql):
            cursor = await self._execute(translate(statement), ())
        if cursor is None:
            cursor = await self._execute("SELECT 1 WHERE false", None)
        return cursor

    async def commit(self) -> None:
        await self._execute("COMMIT", None)

    async def rollback(self) -> None:
        await self._execute("ROLLBACK", None)

    async def close(self) -> None:
        self._closing = True
        await self._conn.close()


async def connect(url: str, password: str | None = None) -> psycopg.AsyncConnection[Any]:
    """An autocommit connection with linli's adapters; :class:`StorageError` if refused."""
    kwargs: dict[str, Any] = {"autocommit": True, "connect_timeout": CONNECT_TIMEOUT_S}
    if password:
        kwargs["password"] = password
    try:
        conn = await psycopg.AsyncConnection.connect(url, **kwargs)
    except psycopg.Error as exc:
        raise StorageError(f"cannot connect to {redact_url(url)}: {exc}".strip()) from exc
    conn.adapters.register_dumper(bool, _BoolAsInteger)
    conn.adapters.register_loader("numeric", _NumericLoader)
    conn.row_factory = _row_factory  # type: ignore[assignment]
    return conn


class PgDatabase(Database):
    """An open PostgreSQL database; use :meth:`Database.open` with a URL to create one."""

    conn: PgConnection  # type: ignore[assignment]

    def __init__(self, conn: PgConnection, url: str) -> None:
        super().__init__(conn, url)  # type: ignore[arg-type]
        self.engine = "postgresql"
        self.url = url

    @classmethod
    async def connect(cls, url: str, password: str | None = None) -> PgDatabase:
        """Connect and migrate (see :meth:`_migrate`)."""
        db = cls(PgConnection(await connect(url, password), url, password), url)
        try:
            await db._migrate()
        except BaseException:
            await db.conn.close()
            raise
        return db

    async def close(self) -> None:
        await self.conn.close()

    def _committed(self) -> None:
        return

    async def table_names(self) -> list[str]:
        """The application's tables, in creation order (a valid order to fill them in)."""
        cur = await self.conn.execute_raw(
            "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            " WHERE n.nspname = current_schema() AND c.relkind = 'r' AND c.relname != %s"
            " ORDER BY c.oid",
            (SCHEMA_TABLE,),
        )
        return [str(r[0]) for r in await cur.fetchall()]

    async def _migrate(self) -> None:
        """Bring the schema up to date in one transaction under an advisory lock: workers
        starting together on a fresh database migrate it once (the others wait for the
        lock, then find it done); a failure midway leaves the old version whole."""
        raw = self.conn.execute_raw
        await raw("BEGIN")
        try:
            await raw("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK,))
            await raw(
                f"CREATE TABLE IF NOT EXISTS {SCHEMA_TABLE} ("
                " version integer PRIMARY KEY, name text NOT NULL,"
                " applied_at timestamptz NOT NULL DEFAULT now())"
            )
            cur = await raw(f"SELECT coalesce(max(version), 0) FROM {SCHEMA_TABLE}")
            row = await cur.fetchone()
            current = int(row[0]) if row else 0
            self.schema_before = current
            for statement in COMPAT_FUNCTIONS:
                await raw(statement)
            for version, name, sql in migrations():
                if version <= current:
                    continue
                log.info("migrating database url=%s to=%s", redact_url(self.url), name)
                for statement in split_statements(sql):
                    await raw(translate_ddl(statement))
                await raw(
                    f"INSERT INTO {SCHEMA_TABLE} (version, name) VALUES (%s, %s)", (version, name)
                )
                self.migrated.append(name)
            await raw("COMMIT")
        except BaseException:
            if self.conn.in_transaction:
                await raw("ROLLBACK")
            raise

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[Any]:
        """Run the block as one transaction; commit on success, roll back on any exception.
        Database errors surface as :class:`StorageError`."""
        async with self._lock:
            try:
                await self.conn.execute_raw("BEGIN")
            except StorageError:
                if not self.conn.raw.closed:
                    raise
                # The connection was found lost: BEGIN again on a new one (nothing was done).
                await self.conn.execute_raw("BEGIN")
            self.in_transaction = True
            self.conn.in_block = True
            try:
                yield self.conn
                await self.conn.execute_raw("COMMIT")
            except BaseException as exc:
                self.rolled_back()
                if self.conn.in_transaction and not self.conn.raw.closed:
                    try:
                        await self.conn.execute_raw("ROLLBACK")
                    except StorageError:
                        log.exception("rollback failed url=%s", redact_url(self.url))
                if isinstance(exc, psycopg.Error):
                    raise StorageError(str(exc)) from exc
                raise
            finally:
                self.in_transaction = False
                self.conn.in_block = False
