"""The PostgreSQL server of the tests: a fresh database per test, on a shared server.

``LINLI_TEST_PG_URL`` names a server and a role that may create databases. Each test gets a
database of its own, named after this process and a random suffix (several test runs and
helpers share the server). It is copied from a template migrated once per test session
(creating and migrating from nothing costs a second per test on a loaded machine; the
migration tests start from an empty database instead), and dropped afterwards by a
background thread, so the next test does not wait for the drop. Unset: the PostgreSQL cases
are skipped, unless ``LINLI_REQUIRE_PG=1`` (CI), where they fail.
"""

from __future__ import annotations

import os
import queue
import sys
import threading
import time
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest

PG_URL_ENV = "LINLI_TEST_PG_URL"
REQUIRE_PG_ENV = "LINLI_REQUIRE_PG"


def pg_server_url() -> str:
    """The test server's URL; skips (or fails, when PostgreSQL is required) without one."""
    url = os.environ.get(PG_URL_ENV, "").strip()
    if not url:
        if os.environ.get(REQUIRE_PG_ENV) == "1":
            pytest.fail(f"{REQUIRE_PG_ENV}=1 but {PG_URL_ENV} is not set")
        pytest.skip(f"PostgreSQL tests need {PG_URL_ENV}")
    return url


def with_database(url: str, name: str) -> str:
    """``url`` pointing at database ``name``."""
    return urlunsplit(urlsplit(url)._replace(path="/" + name))


def unique_name(prefix: str) -> str:
    return f"{prefix}_{os.getpid()}_{uuid.uuid4().hex[:10]}"


class _Dropper:
    """Drops the tests' databases one after another on a thread of its own."""

    def __init__(self, server: str) -> None:
        self.server = server
        self.names: queue.Queue[str | None] = queue.Queue()
        self.thread = threading.Thread(target=self._run, name="pg-dropper", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        with psycopg.connect(self.server, autocommit=True) as conn:
            while (name := self.names.get()) is not None:
                self._drop(conn, name)

    @staticmethod
    def _drop(conn: psycopg.Connection[Any], name: str) -> None:
        """Drop one database; never let a failure end the thread (the rest would be left).

        FORCE terminates the tests' leftover sessions, but a role that is not a superuser may
        not terminate an autovacuum worker on that database; a plain DROP ends those itself.
        """
        statements = [f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)']
        statements += [f'DROP DATABASE IF EXISTS "{name}"'] * 5
        for attempt, sql in enumerate(statements):
            try:
                conn.execute(sql)
                return
            except psycopg.Error as exc:
                if attempt == len(statements) - 1:
                    print(f"pg-dropper: could not drop {name}: {exc}", file=sys.stderr)
                    return
                time.sleep(0.2)

    def finish(self) -> None:
        self.names.put(None)
        self.thread.join()


_template: dict[str, str] = {}
_dropper: list[_Dropper] = []


def _drop_later(server: str, name: str) -> None:
    if not _dropper:
        _dropper.append(_Dropper(server))
    _dropper[0].names.put(name)


async def _migrated_template(admin: psycopg.AsyncConnection[Any], server: str) -> str:
    """A database migrated to the current schema, created once per session."""
    from storage.db import Database

    if server not in _template:
        name = unique_name("linli_template")
        await admin.execute(f'CREATE DATABASE "{name}"')
        _template[server] = name
        db = await Database.open(with_database(server, name))
        await db.close()
    return _template[server]


@asynccontextmanager
async def fresh_pg_database(
    prefix: str = "linli_test", *, migrated: bool = True
) -> AsyncIterator[str]:
    """A database of this test's own on the test server (its URL), dropped afterwards:
    migrated to the current schema, or empty with ``migrated=False``."""
    import psycopg

    server = pg_server_url()
    name = unique_name(prefix)
    try:
        admin = await psycopg.AsyncConnection.connect(server, autocommit=True)
    except psycopg.OperationalError as exc:
        pytest.fail(f"cannot reach the PostgreSQL test server {PG_URL_ENV}: {exc}")
    try:
        if migrated:
            template = await _migrated_template(admin, server)
            await admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        else:
            await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()
    try:
        yield with_database(server, name)
    finally:
        _drop_later(server, name)


def finish() -> None:
    """At the end of the session: drop the templates too, and wait for the drops."""
    for server, name in _template.items():
        _drop_later(server, name)
    _template.clear()
    for dropper in _dropper:
        dropper.finish()
    _dropper.clear()
