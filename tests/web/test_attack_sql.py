"""Hostile search words reach the database as parameters on both engines: quotes, LIKE
wildcards, placeholders and psycopg's ``%s`` find exactly what they say, and nothing breaks."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime
from pathlib import Path

import pytest

from bot.config import Config
from bot.web.issue_filter import read_filter
from bot.web.stats import resolution_targets
from storage import Store
from tests.conftest import SHANGHAI, both_backends
from tests.web.issue_fixtures import add_issue

pytestmark = both_backends

NOW = datetime(2026, 5, 20, 12, 0, tzinfo=SHANGHAI)
HOSTILE = [
    "'; DROP TABLE issues; --",
    "%s %(x)s ? $1",
    "100%_done\\",
    '" OR 1=1 --',
    "楼道' OR '1'='1",
]


@pytest.fixture
async def store(database: str | Path) -> AsyncIterator[Store]:
    s = await Store.open(database)
    try:
        yield s
    finally:
        await s.close()


async def test_hostile_searches_find_exactly_their_issue(store: Store, config: Config) -> None:
    numbers = {}
    for text in HOSTILE:
        numbers[text] = await add_issue(store, text=f"灯坏了 {text}", created=NOW)
    plain = await add_issue(store, text="楼道灯坏了 100 done", created=NOW)
    targets = resolution_targets(config)
    for text in HOSTILE:
        flt = read_filter({"q": text, "building": "1号楼"}, ("1号楼",), config)
        rows = await store.issue_query.page(flt, targets, NOW)
        assert [r.number for r in rows] == [numbers[text]], text
        assert await store.issue_query.count(flt, targets, NOW) == 1
    everything = read_filter({}, None, config)
    assert await store.issue_query.count(everything, targets, NOW) == len(HOSTILE) + 1
    assert plain not in numbers.values()
