"""How values are stored in columns: times as UTC epoch seconds (REAL)."""

from __future__ import annotations

from datetime import UTC, datetime


def to_time(value: float) -> datetime:
    """A stored time column as an aware UTC datetime."""
    return datetime.fromtimestamp(value, UTC)


def to_optional_time(value: float | None) -> datetime | None:
    return to_time(value) if value is not None else None
