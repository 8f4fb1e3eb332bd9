"""Timers: everything that becomes due later, stored so that it survives restarts.

``tick(now)`` takes due timers oldest first and marks each done in the same transaction as
the messages it produced, so a timer fires exactly once even across crashes.

Several workers on one PostgreSQL database tick at once: marking a timer done takes its row
with ``FOR UPDATE SKIP LOCKED``, so a timer another worker is firing (its transaction still
open) is skipped rather than waited for, one already fired is done, and one whose worker was
killed mid-fire is pending again (its transaction rolled back) and fires on a later tick.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from bot.records import quick_init
from storage.columns import json_text, to_time
from storage.db import Database, inserted_id, returning_id
from storage.memo import Memo
from storage.timer_recipients import Recipients

# A timer is added at almost every reminder: its payload as ``json.dumps`` writes it.
_encode = json_text
# A payload is read each time its row is (a recipient's pending rows at each of their
# reminders: 37,700 reads of 4,600 distinct payloads in the 20,000-message replay); decoding
# one costs about 1.5 µs. Shared between the timers read from equal text, so a payload is
# read-only (``Timer.payload`` is a ``Mapping``: mypy refuses a write to it).
_PAYLOADS: Memo[str, dict[str, Any]] = Memo(json.JSONDecoder().decode)


@quick_init
@dataclass(frozen=True, slots=True)
class Timer:
    id: int
    kind: str
    ref: int
    due_at: datetime
    payload: Mapping[str, Any]


class TimerRepo:
    def __init__(self, db: Database) -> None:
        self.db = db
        # No pending timer is due before this time (None: not known). Learnt after a tick
        # found nothing more due, lowered by every add, so a tick with nothing due costs no
        # query (replay ticks before every line). Only this repository writes timers; on a
        # shared database other workers' repositories do too, so it is never learnt there.
        self._earliest: float | None = None
        # The earliest due time added since the last page of due timers was read
        # (:meth:`due_and_after`): with what that read saw beyond the page, it tells when the
        # next timer is due without another query.
        self._added = _NEVER
        self.shared = db.engine == "postgresql"
        self._add_sql = returning_id(_ADD, db.engine)
        # Set by ``linli replay``: the pending timers that name a recipient are kept in
        # memory as this repository writes them (storage/timer_recipients.py), read once
        # (and again after a rollback). Only with the inline engine: one process, and each
        # statement done when it returns.
        self.recipients_in_memory = False
        self._recipients: Recipients | None = None
        db.on_rollback.append(self._forget_recipients)

    def _forget_recipients(self) -> None:
        self._recipients = None

    async def _known_recipients(self) -> Recipients | None:
        """The pending timers by recipient, if this process keeps them (read if needed)."""
        if self._recipients is None:
            if not self.recipients_in_memory or self.db.engine != "inline":
                return None
            # Every row with a "to" key holds its text (json_text writes keys as they are).
            async with self.db.conn.execute(
                "SELECT id, kind, ref, due_at, payload FROM timers"
                """ WHERE done = 0 AND instr(payload, '"to"') > 0"""
            ) as cur:
                rows = await cur.fetchall()
            self._recipients = Recipients(_timer(r) for r in rows)
        return self._recipients

    async def add(
        self, kind: str, ref: int, due_at: datetime, payload: Mapping[str, Any] | None = None
    ) -> int:
        """Schedule a timer; call inside a transaction."""
        ts = due_at.timestamp()
        if self._earliest is not None and ts < self._earliest:
            self._earliest = ts
        if ts < self._added:
            self._added = ts
        text = _encode(payload) if payload else "{}"
        cur = await self.db.conn.execute(self._add_sql, (kind, ref, ts, text))
        rowid = await inserted_id(cur, self.db.engine)
        assert rowid is not None
        if self._recipients is not None and payload and type(payload.get("to")) is str:
            # As a read gives it back.
            self._recipients.add(
                Timer(id=rowid, kind=kind, ref=ref, due_at=to_time(ts), payload=_PAYLOADS[text])
            )
        return rowid

    async def due(
        self, now: datetime, limit: int = 500, kinds: Collection[str] | None = None
    ) -> list[Timer]:
        """Pending timers due at ``now``, oldest first; only of ``kinds`` if given (by index
        timers_kind_due, however many of other kinds are due)."""
        only = f" AND kind IN ({', '.join('?' * len(kinds))})" if kinds is not None else ""
        async with self.db.conn.execute(
            "SELECT id, kind, ref, due_at, payload FROM timers WHERE done = 0"
            f"{only} AND due_at <= ? ORDER BY due_at, id LIMIT ?",
            (*(kinds or ()), now.timestamp(), limit),
        ) as cur:
            rows = await cur.fetchall()
        return [_timer(r) for r in rows]

    async def due_and_after(
        self, now: datetime, limit: int = 500
    ) -> tuple[list[Timer], float | None]:
        """:meth:`due`, and when the first pending timer after those is due, in one statement
        (epoch seconds; ``inf`` if there is none; None if not known: a full page, or a shared
        database). A tick reads a page, fires it and then needs to know whether anything
        more is due: :meth:`learn_earliest` with this answer needs no query of its own."""
        if self.shared:
            return await self.due(now, limit=limit), None
        ts = now.timestamp()
        async with self.db.conn.execute(
            "SELECT * FROM (SELECT id, kind, ref, due_at, payload FROM timers WHERE done = 0"
            " AND due_at <= ? ORDER BY due_at, id LIMIT ?)"
            " UNION ALL SELECT NULL, NULL, NULL, min(due_at), NULL FROM timers"
            " WHERE done = 0 AND due_at > ?",
            (ts, limit, ts),
        ) as cur:
            rows = await cur.fetchall()
        self._added = _NEVER
        after: float | None = _NEVER
        due = []
        for r in rows:
            if r["id"] is not None:
                due.append(_timer(r))
            elif r["due_at"] is not None:
                after = float(r["due_at"])
        if len(due) >= limit:
            after = None  # more may be due beyond the page
        due.sort(key=_order)
        return due, after

    def nothing_due(self, now: datetime) -> bool:
        """True when no pending timer can be due at ``now`` (without a query)."""
        return self._earliest is not None and now.timestamp() < self._earliest

    def forget_earliest(self) -> None:
        self._earliest = None

    async def learn_earliest(self, after: float | None = None) -> None:
        """Remember when the first pending timer is due (call when none is due now).
        ``after``: what :meth:`due_and_after` answered, if every timer of that page has been
        fired since (then no query is needed: the first one due is that or one added since)."""
        if self.shared:
            return
        if after is not None:
            self._earliest = min(after, self._added)
            return
        async with self.db.conn.execute("SELECT min(due_at) FROM timers WHERE done = 0") as cur:
            row = await cur.fetchone()
        self._earliest = float(row[0]) if row and row[0] is not None else float("inf")

    async def next_due(self) -> datetime | None:
        async with self.db.conn.execute("SELECT min(due_at) FROM timers WHERE done = 0") as cur:
            row = await cur.fetchone()
        return to_time(row[0]) if row and row[0] is not None else None

    async def done(self, timer_id: int) -> bool:
        """Mark done inside the firing transaction; False if it was already done (or, on a
        shared database, is being fired by another worker right now)."""
        if self.shared:
            cur = await self.db.conn.execute(
                "UPDATE timers SET done = 1 WHERE id = (SELECT id FROM timers WHERE id = ?"
                " AND done = 0 FOR UPDATE SKIP LOCKED)",
                (timer_id,),
            )
        else:
            cur = await self.db.conn.execute(
                "UPDATE timers SET done = 1 WHERE id = ? AND done = 0", (timer_id,)
            )
        if cur.rowcount != 1:
            return False
        if self._recipients is not None:
            self._recipients.done(timer_id)
        return True

    async def cancel(self, kind: str, ref: int) -> int:
        """Cancel pending timers of ``kind`` for ``ref``; inside a transaction."""
        cur = await self.db.conn.execute(
            "UPDATE timers SET done = 1 WHERE kind = ? AND ref = ? AND done = 0", (kind, ref)
        )
        if self._recipients is not None:
            self._recipients.cancel(kind, ref)
        return cur.rowcount

    async def pending_for(self, kind: str, ref: int) -> list[Timer]:
        async with self.db.conn.execute(
            "SELECT id, kind, ref, due_at, payload FROM timers WHERE kind = ? AND ref = ?"
            " AND done = 0 ORDER BY due_at",
            (kind, ref),
        ) as cur:
            rows = await cur.fetchall()
        return [_timer(r) for r in rows]

    async def first_due_to(self, kind: str, to: str, but_what: str) -> datetime | None:
        """When the first pending timer of ``kind`` for ``to`` is due, of those whose payload
        "what" is not ``but_what`` (without decoding every payload in Python)."""
        known = await self._known_recipients()
        if known is not None:
            return known.first_due(kind, to, but_what)
        async with self.db.conn.execute(
            "SELECT min(due_at) FROM timers WHERE kind = ? AND done = 0"
            " AND json_extract(payload, '$.to') = ?"
            " AND coalesce(json_extract(payload, '$.what'), '') != ?",
            (kind, to, but_what),
        ) as cur:
            row = await cur.fetchone()
        return to_time(row[0]) if row and row[0] is not None else None

    async def others_due(self, kinds: Collection[str], now: datetime) -> bool:
        """Whether a pending timer of another kind than ``kinds`` is due at ``now``."""
        async with self.db.conn.execute(
            "SELECT 1 FROM timers WHERE done = 0 AND due_at <= ?"
            f" AND kind NOT IN ({', '.join('?' * len(kinds))}) LIMIT 1",
            (now.timestamp(), *kinds),
        ) as cur:
            return await cur.fetchone() is not None

    async def pending_to(
        self, kind: str | tuple[str, ...], to: str, limit: int | None = None
    ) -> list[Timer]:
        """Pending timers of ``kind`` (one or several) whose payload names the recipient
        ``to`` ("to"), oldest due first, the first ``limit`` (index timers_to).

        Sorted here rather than by ``ORDER BY due_at, id``: the index gives each kind's rows
        by recipient, not by due time, and SQLite's sorter (a temporary b-tree per
        statement) cost several times the look-up for the one to three rows a recipient
        usually has (every reminder asks). The same order; only the first ``limit`` rows
        become timers."""
        kinds = (kind,) if isinstance(kind, str) else kind
        known = await self._known_recipients()
        if known is not None:
            timers = known.pending(kinds, to)
            return timers if limit is None else timers[:limit]
        async with self.db.conn.execute(
            "SELECT id, kind, ref, due_at, payload FROM timers WHERE"
            f" kind IN ({', '.join('?' * len(kinds))}) AND done = 0"
            " AND json_extract(payload, '$.to') = ?",
            (*kinds, to),
        ) as cur:
            rows = await cur.fetchall()
        if len(rows) > 1:
            rows.sort(key=_row_order)
        return [_timer(r) for r in (rows if limit is None else rows[:limit])]


_ADD = "INSERT INTO timers (kind, ref, due_at, payload) VALUES (?, ?, ?, ?)"
_EMPTY: Mapping[str, Any] = {}
_NEVER = float("inf")


def _order(timer: Timer) -> tuple[datetime, int]:
    return timer.due_at, timer.id


def _row_order(row: Any) -> tuple[float, int]:
    """``ORDER BY due_at, id`` of a timer row."""
    return row["due_at"], row["id"]


def _timer(r: Any) -> Timer:
    return Timer(
        id=r["id"],
        kind=r["kind"],
        ref=r["ref"],
        due_at=to_time(r["due_at"]),
        payload=_PAYLOADS[payload] if (payload := r["payload"]) != "{}" else _EMPTY,
    )
