"""The bounded table of made values (storage/memo.py), and the timers' payloads read through
it: equal stored text gives the shared value, and the table never grows past its size."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.app import Linli
from storage.memo import Memo
from tests.conftest import T0


def test_a_value_is_made_once_while_it_stays_in_the_table() -> None:
    made: list[str] = []

    def make(key: str) -> tuple[str, ...]:
        made.append(key)
        return tuple(key)

    memo: Memo[str, tuple[str, ...]] = Memo(make, size=3)
    first = memo["ab"]
    assert first == ("a", "b")
    assert memo["ab"] is first
    assert made == ["ab"]


def test_the_table_is_emptied_when_full_and_stays_bounded() -> None:
    memo: Memo[int, int] = Memo(lambda k: k * 2, size=3)
    for k in range(10):
        assert memo[k] == 2 * k
        assert len(memo) <= 3
    assert memo.keep(100, 7) == 7
    assert memo[100] == 7 and len(memo) <= 3


def test_without_a_maker_a_missing_key_is_a_key_error() -> None:
    memo: Memo[str, int] = Memo(size=2)
    with pytest.raises(KeyError):
        memo["x"]
    assert memo.get("x") is None
    assert memo.keep("x", 1) == 1 and memo["x"] == 1


async def test_timers_with_equal_payloads_read_back_equal_and_decoded(app: Linli) -> None:
    timers = app.store.timers
    async with app.store.transaction():
        await timers.add("k", 1, T0, {"to": "local:head-1", "order": [1.0, 2.0, 3]})
        await timers.add(
            "k", 2, T0 + timedelta(minutes=1), {"to": "local:head-1", "order": [1.0, 2.0, 3]}
        )
        await timers.add("k", 3, T0 + timedelta(minutes=2), {"to": "local:head-2", "名": "王"})
        await timers.add("k", 4, T0 + timedelta(minutes=3))
    due = await timers.due(T0 + timedelta(hours=1))
    assert [t.ref for t in due] == [1, 2, 3, 4]
    assert due[0].payload == due[1].payload == {"to": "local:head-1", "order": [1.0, 2.0, 3]}
    assert due[2].payload == {"to": "local:head-2", "名": "王"}
    assert due[3].payload == {}
    again = await timers.pending_to("k", "local:head-1")
    assert [t.ref for t in again] == [1, 2]
    assert again[0].payload == due[0].payload
