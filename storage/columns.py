"""How values are stored in columns: times as UTC epoch seconds (REAL)."""

from __future__ import annotations

from datetime import UTC, datetime

# The same stored times are read again and again (an issue's times at each of its reminders,
# a timer's due time): converting one costs about 0.5 µs, finding it here a tenth of that.
# Datetimes are immutable, so sharing one is safe; the table is emptied when full.
_TIMES: dict[float, datetime] = {}
MAX_CACHED_TIMES = 4096


def to_time(value: float) -> datetime:
    """A stored time column as an aware UTC datetime."""
    at = _TIMES.get(value)
    if at is None:
        if len(_TIMES) >= MAX_CACHED_TIMES:
            _TIMES.clear()
        at = _TIMES[value] = datetime.fromtimestamp(value, UTC)
    return at


def to_optional_time(value: float | None) -> datetime | None:
    return to_time(value) if value is not None else None
