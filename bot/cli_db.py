"""``linli migrate`` and ``linli db copy`` (contract: see DESIGN.md; docs/postgresql.md)."""

from __future__ import annotations

import asyncio
import contextlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path

from bot.config import Config
from storage.copy import CopyError, copy_database
from storage.db import Database, StorageError, exclusive, is_postgres_url, migrations
from storage.pg import redact_url


def describe(target: str | Path) -> str:
    """A database for messages: the file, or the URL without a password."""
    return redact_url(target) if isinstance(target, str) else str(target)


def parse_target(text: str) -> str | Path:
    """``sqlite:PATH``, ``PATH`` or ``postgresql://...`` -> what :meth:`Database.open` takes."""
    if is_postgres_url(text):
        return text
    if text.startswith("sqlite:"):
        text = text.removeprefix("sqlite:").removeprefix("//")
    if not text:
        raise ValueError("expected sqlite:PATH, a database file or a postgresql:// URL")
    return Path(text)


@contextlib.contextmanager
def hold(target: str | Path) -> Iterator[None]:
    """This process's hold on a SQLite file while it migrates or copies it."""
    if isinstance(target, Path):
        with exclusive(target):
            yield
    else:
        yield


async def migrate(target: str | Path, engine: str, password: str | None) -> str:
    db = await Database.open(target, engine, password=password)
    try:
        latest = max(v for v, _, _ in migrations())
        where = describe(target)
        if not db.migrated:
            return f"{where}: up to date (schema version {latest})"
        names = ", ".join(db.migrated)
        return (
            f"{where}: migrated from schema version {db.schema_before} to {latest} "
            f"({len(db.migrated)} migration(s): {names})"
        )
    finally:
        await db.close()


def migrate_command(config: Config) -> int:
    target = config.storage_target
    try:
        with hold(target):
            print(asyncio.run(migrate(target, config.storage_engine, config.storage_password())))
    except StorageError as exc:
        print(f"linli migrate: {describe(target)}: {exc}", file=sys.stderr)
        return 1
    return 0


async def copy(
    source: str | Path, target: str | Path, *, replace: bool, password: str | None
) -> int:
    src_db = await Database.open(source, password=password)
    try:
        dst_db = await Database.open(target, password=password)
        try:
            copied = await copy_database(src_db, dst_db, replace=replace)
        finally:
            await dst_db.close()
    finally:
        await src_db.close()
    total = sum(t.rows for t in copied)
    for table in copied:
        print(f"  {table.name}: {table.rows}")
    print(
        f"copied {total} rows in {len(copied)} tables from {describe(source)} "
        f"to {describe(target)}; row counts verified"
    )
    return 0


def copy_command(source_text: str, target_text: str, *, replace: bool, password_env: str) -> int:
    try:
        source = parse_target(source_text)
        target = parse_target(target_text)
    except ValueError as exc:
        print(f"linli db copy: {exc}", file=sys.stderr)
        return 2
    if isinstance(source, Path) and not source.exists():
        print(f"linli db copy: {source}: no such database file", file=sys.stderr)
        return 1
    if source == target:
        print("linli db copy: the source and the target are the same database", file=sys.stderr)
        return 2
    password = os.environ.get(password_env) or None
    try:
        with hold(source), hold(target):
            return asyncio.run(copy(source, target, replace=replace, password=password))
    except CopyError as exc:
        print(f"linli db copy: {exc}", file=sys.stderr)
        return 1
    except StorageError as exc:
        print(f"linli db copy: {exc}", file=sys.stderr)
        return 1
