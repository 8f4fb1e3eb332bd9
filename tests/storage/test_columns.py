"""Stored times read back (storage/columns.py): the same datetime as converting afresh,
shared between reads, and the table of remembered ones stays bounded."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

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


def test_json_text_is_what_json_dumps_writes() -> None:
    values: list[object] = [
        {},
        [],
        {"to": "local:h1", "what": "remind", "since": 1777849375.5, "order": [1.0, 2.5, 3]},
        {
            "at": "2026-05-04T07:00:00+08:00",
            "text": '提醒：第 3 号问题\n“收到 3”\t\\ "引号"',
            "issue": 3,
        },
        [["local:r1", "王阿姨"], ["wechat:wxid_x", "李\u2028叔\x00"]],
        {"n": None, "t": True, "f": False, "big": 10**30, "neg": -0.0, "inf": float("inf")},
        {"nan": float("nan"), "emoji": "🍉", "surrogate": "\udc80"},
        {1: "int key", 2.5: "float key", None: "none key", False: "bool key"},
        "纯文本",
        3,
        [1, [2, [3, {"deep": ["x"]}]]],
    ]
    for value in values:
        assert columns.json_text(value) == json.dumps(value, ensure_ascii=False)


def test_json_text_refuses_what_json_dumps_refuses() -> None:
    for value in ({"x": object()}, {(1, 2): "tuple key"}, [{1, 2}]):
        with pytest.raises(TypeError):
            json.dumps(value, ensure_ascii=False)
        with pytest.raises(TypeError):
            columns.json_text(value)
