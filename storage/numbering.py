"""Dense numbers: issue, request, event, poll and alert N are 1, 2, 3 … with no gap (contract).

A number is the table's largest plus one, taken in the transaction that inserts the row
(:func:`next_number`), so a rolled-back transaction takes its number back with it. SQLite
assigns a rowid the same way and serialises writers. On PostgreSQL several workers create
rows at once, and an identity sequence would leave a gap for every transaction rolled back
(a worker killed mid-message, a deadlock): there, the creating transaction first takes a
transaction-level advisory lock for the table (:func:`lock_numbers`), held until it commits
or rolls back, so the next creator reads the largest number only after it is settled.
"""

from __future__ import annotations

from storage.db import Database

# The first key of the two-key advisory locks on numbers (the second: the table's below).
NUMBER_LOCK_SPACE = 0x6E75  # "nu"
NUMBERED_TABLES = {
    "issues": 1,
    "help_requests": 2,
    "events": 3,
    "polls": 4,
    "community_alerts": 5,
}


def next_number(table: str) -> str:
    """SQL for the next number of ``table``, to insert as its ``number``."""
    if table not in NUMBERED_TABLES:
        raise ValueError(f"{table} is not numbered")
    return f"(SELECT coalesce(max(number), 0) + 1 FROM {table})"


async def lock_numbers(db: Database, table: str) -> None:
    """Before inserting into ``table`` (inside the transaction): on PostgreSQL, wait for any
    other transaction creating a row of it to finish. Nothing to do on SQLite."""
    if db.engine == "postgresql":
        await db.conn.execute(
            "SELECT pg_advisory_xact_lock(CAST(? AS integer), CAST(? AS integer))",
            (NUMBER_LOCK_SPACE, NUMBERED_TABLES[table]),
        )
