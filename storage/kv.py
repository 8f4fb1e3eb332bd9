"""Small key/value state (e.g. the last day a digest went out)."""

from __future__ import annotations

from storage.db import Database

# Values remembered at most (the cache is emptied when it grows past this).
MAX_CACHED = 10_000


class KvRepo:
    def __init__(self, db: Database) -> None:
        self.db = db
        # Values read or written by this process: every acknowledgement reminder reads and
        # writes the recipient's last reminder time, and re-reading what this process just
        # wrote costs a statement. One process owns a SQLite file; on a shared database
        # (PostgreSQL) other workers write too, so nothing is remembered there. Emptied
        # whenever a transaction or savepoint is rolled back (the write may be undone).
        self._cache: dict[str, str | None] | None = None if db.engine == "postgresql" else {}
        if self._cache is not None:
            db.on_rollback.append(self._cache.clear)

    async def get(self, key: str) -> str | None:
        cache = self._cache
        if cache is not None and key in cache:
            return cache[key]
        async with self.db.conn.execute("SELECT value FROM kv WHERE key = ?", (key,)) as cur:
            row = await cur.fetchone()
        value = str(row[0]) if row else None
        self._remember(key, value)
        return value

    async def set(self, key: str, value: str) -> None:
        """Inside a transaction."""
        await self.db.conn.execute(
            "INSERT INTO kv (key, value) VALUES (?, ?)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )
        self._remember(key, value)

    async def delete(self, key: str) -> None:
        """Inside a transaction."""
        await self.db.conn.execute("DELETE FROM kv WHERE key = ?", (key,))
        self._remember(key, None)

    def _remember(self, key: str, value: str | None) -> None:
        cache = self._cache
        if cache is None:
            return
        if len(cache) >= MAX_CACHED:
            cache.clear()
        cache[key] = value
