"""A small bounded table of values made from stored text or rows, for reads that repeat.

The same stored values are read again and again in one process (an issue at each of its
reminders, a timer's due time and payload): making the value costs microseconds, finding
the one made before a tenth of that. Only for values that are never changed after they are
made (datetimes, tuples, frozen dataclasses, dicts that nobody writes to), since every
reader shares one. The table is emptied when full: no bookkeeping per read, and the values
that repeat come back at once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

K = TypeVar("K")
V = TypeVar("V")

DEFAULT_SIZE = 4096


class Memo(dict[K, V]):
    """``memo[key]`` is ``make(key)``, made once while it stays in the table (a plain dict
    lookup when it is there: ``__missing__`` runs only on a miss). :meth:`keep` stores a
    value made from more than its key (an issue from its row)."""

    __slots__ = ("_make", "size")

    def __init__(self, make: Callable[[K], V] | None = None, size: int = DEFAULT_SIZE) -> None:
        super().__init__()
        self._make = make
        self.size = size

    def __missing__(self, key: K) -> V:
        if self._make is None:
            raise KeyError(key)
        return self.keep(key, self._make(key))

    def keep(self, key: K, value: V) -> V:
        """Store ``value`` for ``key`` (emptying the table first when it is full)."""
        if len(self) >= self.size:
            self.clear()
        self[key] = value
        return value
