"""Stored times read back (storage/columns.py): the same datetime as converting afresh,
shared between reads, and the table of remembered ones stays bounded."""

from __future__ import annotations

from datetime import UTC, datetime

from storage import columns
from storage.columns import to_optional_time, to_time


def test_a_stored_time_reads_as_its_utc_datetime_every_time() -> None:
    for value in (0.0, 1777849375.0, 1777849375.123456, 1777849375.9999995, 1e9):
        first = to_time(value)
        assert first == datetime.fromtimestamp(value, UTC)
        assert first.tzinfo is UTC
        assert to_time(value) is first
    assert to_optional_time(None) is None


def test_the_remembered_times_stay_bounded() -> None:
    for k in range(columns.MAX_CACHED_TIMES * 2 + 7):
        assert to_time(1_700_000_000.0 + k) == datetime.fromtimestamp(1_700_000_000.0 + k, UTC)
        assert len(columns._TIMES) <= columns.MAX_CACHED_TIMES
