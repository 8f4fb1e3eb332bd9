"""The pending timers that name a recipient (payload ``"to"``), held in memory by the one
process that writes them (:class:`storage.timers.TimerRepo` with ``recipients_in_memory``).

Every acknowledgement reminder asks for its recipient's pending reminders and notices
(``TimerRepo.pending_to``: 13,000 reads by a JSON expression index in the 20,000-message
replay, each decoding the rows into timers). The repository writes every timer (add, mark
done, cancel), so it can keep them as it writes them; a rollback drops them all (the
repository reads them again when next asked)."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from storage.timers import Timer


class Recipients:
    """Pending timers by recipient; answers what the queries on ``json_extract(payload,
    '$.to')`` answer: a row counts when its ``"to"`` is a JSON string."""

    __slots__ = ("_by_to", "_of_ref", "_to_of")

    def __init__(self, timers: Iterable[Timer] = ()) -> None:
        self._by_to: dict[str, dict[int, Timer]] = {}
        self._to_of: dict[int, str] = {}
        self._of_ref: dict[tuple[str, int], set[int]] = {}
        for timer in timers:
            self.add(timer)

    def __len__(self) -> int:
        return len(self._to_of)

    def add(self, timer: Timer) -> None:
        to = timer.payload.get("to")
        if type(to) is not str:
            return
        self._by_to.setdefault(to, {})[timer.id] = timer
        self._to_of[timer.id] = to
        self._of_ref.setdefault((timer.kind, timer.ref), set()).add(timer.id)

    def done(self, timer_id: int) -> None:
        to = self._to_of.pop(timer_id, None)
        if to is None:
            return
        rows = self._by_to[to]
        timer = rows.pop(timer_id)
        if not rows:
            del self._by_to[to]
        key = (timer.kind, timer.ref)
        ids = self._of_ref[key]
        ids.discard(timer_id)
        if not ids:
            del self._of_ref[key]

    def cancel(self, kind: str, ref: int) -> None:
        for timer_id in list(self._of_ref.get((kind, ref), ())):
            self.done(timer_id)

    def pending(self, kinds: Collection[str], to: str) -> list[Timer]:
        """The recipient's pending timers of ``kinds``, oldest due first (then by id)."""
        rows = [t for t in self._by_to.get(to, {}).values() if t.kind in kinds]
        if len(rows) > 1:
            rows.sort(key=_order)
        return rows

    def first_due(self, kind: str, to: str, but_what: str) -> datetime | None:
        """When the first pending timer of ``kind`` for ``to`` whose payload "what" (none:
        "") is not ``but_what`` is due."""
        due = [
            t.due_at
            for t in self._by_to.get(to, {}).values()
            if t.kind == kind and _what(t) != but_what
        ]
        return min(due) if due else None


def _what(timer: Timer) -> object:
    what = timer.payload.get("what")
    return "" if what is None else what


def _order(timer: Timer) -> tuple[datetime, int]:
    return timer.due_at, timer.id
