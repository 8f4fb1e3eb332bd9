"""Open311 GeoReport v2: who may read, the parameters, and the fields as the spec names them."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from bot.config import Config
from bot.web import open311
from bot.web.stats import resolution_targets
from storage import Store
from storage.issues import IssueStatus
from tests.conftest import SHANGHAI, both_backends
from tests.web.issue_fixtures import add_issue

NOW = datetime(2026, 5, 20, 12, 0, tzinfo=SHANGHAI)
MAY = datetime(2026, 5, 1, 8, 0, tzinfo=SHANGHAI)
# GeoReport v2 service request fields.
FIELDS = {
    "service_request_id",
    "status",
    "status_notes",
    "service_name",
    "service_code",
    "description",
    "agency_responsible",
    "service_notice",
    "requested_datetime",
    "updated_datetime",
    "expected_datetime",
    "address",
    "address_id",
    "zipcode",
    "lat",
    "long",
    "media_url",
}


pytestmark = both_backends


@pytest.fixture
async def store(database: str | Path) -> AsyncIterator[Store]:
    s = await Store.open(database)
    try:
        yield s
    finally:
        await s.close()


def test_who_may_read() -> None:
    key = "k3y-密钥"
    # Public: anyone, the whole community.
    assert open311.authorise({}, public=True, key=None) is None
    # Not public: no key -> 401, a wrong key -> 403, the right one -> the whole community.
    with pytest.raises(open311.Open311Error) as err:
        open311.authorise({}, public=False, key=key)
    assert err.value.code == 401
    for wrong in ("k3y", "K3Y-密钥", key + " ", "x"):
        with pytest.raises(open311.Open311Error) as err:
            open311.authorise({"api_key": wrong}, public=False, key=key)
        assert err.value.code == 403
    assert open311.authorise({"api_key": key}, public=False, key=key) is None
    # No key configured: every key is wrong.
    with pytest.raises(open311.Open311Error):
        open311.authorise({"api_key": ""}, public=False, key=None)
    with pytest.raises(open311.Open311Error) as err:
        open311.authorise({"api_key": "anything"}, public=False, key=None)
    assert err.value.code == 403
    # A console session reads its own buildings; with the key it reads everything.
    head = ("1号楼",)
    assert (
        open311.authorise({}, public=False, key=key, signed_in=True, viewer_buildings=head) == head
    )
    assert (
        open311.authorise(
            {"api_key": key}, public=False, key=key, signed_in=True, viewer_buildings=head
        )
        is None
    )
    assert err.value.body() == [{"code": 403, "description": "api_key is not valid"}]


def test_services_are_the_categories(config: Config) -> None:
    services = open311.services(config)
    assert [s["service_code"] for s in services] == list(config.taxonomy.codes)
    lighting = next(s for s in services if s["service_code"] == "lighting")
    assert lighting["service_name"] == "照明"
    assert set(lighting) == {
        "service_code",
        "service_name",
        "description",
        "metadata",
        "type",
        "keywords",
        "group",
    }
    assert lighting["metadata"] is False and lighting["type"] == "realtime"


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"status": "pending"}, "status must be open or closed"),
        ({"service_code": "nope"}, "unknown service_code: nope"),
        ({"start_date": "yesterday"}, "start_date is not a W3C datetime"),
        (
            {"start_date": "2026-01-01T00:00:00+08:00", "end_date": "2026-05-01T00:00:00+08:00"},
            "may not span more than 90 days",
        ),
        ({"start_date": "2026-05-02T00:00:00Z", "end_date": "2026-05-01T00:00:00Z"}, "after"),
        ({"page_size": "0"}, "page_size must be a whole number from 1 to 1000"),
        ({"page_size": "1001"}, "page_size"),
        ({"page": "-1"}, "page must"),
        ({"page": "9" * 5000}, "page must"),
        ({"page_size": "²"}, "page_size must"),
        ({"service_request_id": "1,x"}, "service_request_id"),
    ],
)
def test_bad_parameters(config: Config, params: dict[str, str], message: str) -> None:
    with pytest.raises(open311.Open311Error) as err:
        open311.read_query(params, None, config, NOW)
    assert err.value.code == 400 and message in err.value.description


def test_default_window_is_the_last_90_days(config: Config) -> None:
    query = open311.read_query({}, ("1号楼",), config, NOW)
    assert query.filter.created_before is None
    assert query.filter.created_from == NOW - timedelta(days=90)
    assert query.filter.buildings == ("1号楼",)
    assert (query.page_size, query.offset) == (open311.DEFAULT_PAGE_SIZE, 0)
    query = open311.read_query(
        {
            "start_date": "2026-05-01T00:00:00",
            "status": "open,closed",
            "page": "3",
            "page_size": "10",
        },
        None,
        config,
        NOW,
    )
    # A time without a zone is the community's local time.
    assert query.filter.created_from == datetime(2026, 5, 1, tzinfo=SHANGHAI)
    assert query.filter.created_before == datetime(2026, 5, 1, tzinfo=SHANGHAI) + timedelta(days=90)
    assert query.offset == 20 and len(query.filter.statuses) == 6
    assert "rejected" not in query.filter.statuses and "duplicate" not in query.filter.statuses
    assert open311.read_query({}, None, config, NOW).filter.statuses == query.filter.statuses
    # A "+" in a query string arrives as a space.
    query = open311.read_query({"end_date": "2026-05-10T00:00:00 08:00"}, None, config, NOW)
    assert query.filter.created_before == datetime(2026, 5, 10, tzinfo=SHANGHAI)
    by_id = open311.read_query({"service_request_id": "3, 5", "status": "bogus"}, None, config, NOW)
    assert by_id.numbers == (3, 5)


async def test_service_request_fields(store: Store, config: Config) -> None:
    number = await add_issue(
        store,
        text="3单元灯坏了，打我电话13812345678",
        location="3单元 京A12345旁",
        created=MAY,
        acked=timedelta(minutes=30),
        status=IssueStatus.IN_PROGRESS,
        paused=timedelta(hours=1),
        note="明天来修，师傅电话13900001111",
    )
    row = await store.issue_query.get(number)
    assert row is not None
    item = open311.service_request(row, config, resolution_targets(config))
    assert set(item) == FIELDS
    assert item["service_request_id"] == "1"
    assert item["status"] == "open"
    assert item["service_code"] == "lighting" and item["service_name"] == "照明"
    assert item["description"] == "3单元灯坏了，打我电话138****5678"
    assert item["status_notes"] == "处理中：明天来修，师傅电话139****1111"
    assert item["requested_datetime"] == "2026-05-01T08:00:00+08:00"
    # 72 h target plus the hour spent waiting.
    assert item["expected_datetime"] == "2026-05-04T09:00:00+08:00"
    assert item["address"] == "幸福里社区 1号楼 3单元 京A***45旁"
    assert "小王" not in str(item) and "resident" not in str(item)

    closed = await add_issue(
        store, created=MAY, resolved=timedelta(hours=3), status=IssueStatus.CLOSED
    )
    dup = await add_issue(store, created=MAY, status=IssueStatus.DUPLICATE)
    async with store.transaction():
        await store.issues.update(dup, MAY, duplicate_of=closed)
    rows = {r.number: r for r in await store.issue_query.by_numbers([closed, dup])}
    done = open311.service_request(rows[closed], config, resolution_targets(config))
    assert done["status"] == "closed" and done["expected_datetime"] is None
    assert done["status_notes"] == "已关闭"
    merged = open311.service_request(rows[dup], config, resolution_targets(config))
    assert merged["status"] == "closed"
    assert merged["status_notes"] == f"与第 {closed} 号问题重复，已合并"


async def test_rejected_reports_are_never_published(store: Store, config: Config) -> None:
    """/notissue files chat taken for a report as rejected: not a case for the city."""
    kept = await add_issue(store, created=MAY, status=IssueStatus.CLOSED, closed=timedelta(hours=1))
    chat = await add_issue(store, text="今晚谁去跳广场舞", created=MAY, status=IssueStatus.REJECTED)
    query = open311.read_query({"start_date": "2026-04-30T00:00:00+08:00"}, None, config, NOW)
    rows = await store.issue_query.page(query.filter, resolution_targets(config), NOW)
    assert [r.number for r in rows] == [kept]
    by_number = await store.issue_query.by_numbers([kept, chat])
    assert [r.number for r in open311.visible(by_number, None)] == [kept]
    assert open311.visible(by_number, ("2号楼",)) == []
