"""How values are stored in columns: times as UTC epoch seconds (REAL), structured values
as JSON text."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from json.encoder import encode_basestring
from typing import Any

from storage.memo import Memo

# The same stored times are read again and again (an issue's times at each of its reminders,
# a timer's due time): converting one costs about 0.5 µs, finding it here a tenth of that.
# Datetimes are immutable, so sharing one is safe.
MAX_CACHED_TIMES = 4096
_TIMES: Memo[float, datetime] = Memo(
    lambda value: datetime.fromtimestamp(value, UTC), MAX_CACHED_TIMES
)


def to_time(value: float) -> datetime:
    """A stored time column as an aware UTC datetime."""
    return _TIMES[value]


def to_optional_time(value: float | None) -> datetime | None:
    return to_time(value) if value is not None else None


# ``json.dumps(value, ensure_ascii=False)`` without its cost per call: ``JSONEncoder.encode``
# builds a new C encoder each time (about 0.7 µs of the 1 to 2 µs it takes for a timer's
# payload or an output line; a replay of 20,000 messages encodes about 40,000). This one is
# built once. It does not look for circular references (what linli stores never refers to
# itself: such a value would fail with RecursionError instead of ValueError); the text is
# the same (tests/storage/test_columns.py). ``c_make_encoder`` is what JSONEncoder.encode
# calls (typeshed does not declare it); without the C accelerator, the plain encoder.
_C_MAKE_ENCODER: Any = getattr(json.encoder, "c_make_encoder", None)
_ITERENCODE: Any = (
    _C_MAKE_ENCODER(
        None, json.JSONEncoder().default, encode_basestring, None, ": ", ", ", False, False, True
    )
    if _C_MAKE_ENCODER is not None
    else None
)
_ENCODE = json.JSONEncoder(ensure_ascii=False).encode


def json_text(value: Any) -> str:
    """``json.dumps(value, ensure_ascii=False)``."""
    if _ITERENCODE is None or isinstance(value, str):
        return _ENCODE(value)
    return "".join(_ITERENCODE(value, 0))
