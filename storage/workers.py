"""Workers: several ``linli run`` processes on one PostgreSQL database, each under a name.

A worker holds its name for as long as its connection lives: a session advisory lock keyed
by the name. PostgreSQL drops the lock when the connection ends, also when the process is
killed, so a restarted worker gets its name back at once, while a second process started
under a name already running is refused (it would send the same chats' messages twice).
Holding the name is what lets a restarted worker take back its own outbox claims without
waiting for their lease (:meth:`storage.outbox.OutboxRepo.release_claims`).

SQLite serves one process (:func:`storage.db.exclusive`); there is nothing to hold there.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from storage.db import Database, StorageError

log = logging.getLogger(__name__)

# The first key of the two-key advisory locks that hold worker names (the second is a hash
# of the name); any fixed number that no other lock of linli uses.
WORKER_LOCK_SPACE = 0x6C6E  # "ln"


class WorkerNameInUse(StorageError):
    """Another live process already runs as this worker."""


def is_shared(db: Database) -> bool:
    """Whether several processes may use ``db`` at once (PostgreSQL)."""
    return db.engine == "postgresql"


async def hold_name(db: Database, name: str, on_lost: Callable[[str], None] | None = None) -> None:
    """Hold ``name`` for this process until its connection closes; :class:`WorkerNameInUse`
    if another process holds it. Only on a shared database.

    The lock lives in the connection's session: when the connection is made anew (the server
    restarted, the network was cut) it is taken again before anything else runs on the new
    connection. If another process took the name meanwhile, ``on_lost(name)`` is called and
    the new connection is refused (every statement fails): this process must stop rather
    than send what the other one sends."""
    if not is_shared(db):
        raise ValueError("worker names exist only on a shared (PostgreSQL) database")
    await _take(db, name)
    reconnect_hooks = getattr(db.conn, "on_reconnect", None)
    if reconnect_hooks is None:
        return

    async def take_again() -> None:
        try:
            await _take(db, name)
        except WorkerNameInUse:
            log.error("lost the hold on %s to another process after reconnecting", name)
            if on_lost is not None:
                on_lost(name)
            raise
        log.warning("reconnected; holding %s again", name)

    reconnect_hooks.append(take_again)


async def _take(db: Database, name: str) -> None:
    async with db.conn.execute(
        "SELECT pg_try_advisory_lock(?, hashtext(?))", (WORKER_LOCK_SPACE, name)
    ) as cur:
        row = await cur.fetchone()
    if not row or not row[0]:
        raise WorkerNameInUse(
            f"worker {name!r} is already running on this database; stop it first, or start "
            "this one with another --worker"
        )
