"""The charts page, the exports and the Open311 API over HTTP, through the console's gate."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook

from bot.config import Config
from bot.web.open311 import MAX_SPAN
from tests.web.console_harness import Clock, Console, open_console
from tests.web.issue_fixtures import add_issue

B1, B2 = "local:building-1", "local:building-2"
HEAD1, ADMIN = "local:head-1", "local:admin"
KEY = "open311-测试-key"
HOSTILE = '<img src=x onerror=alert(1)>"&'
CHART_IDS = (
    "chart-categories",
    "chart-acknowledge",
    "chart-resolve",
    "chart-overdue",
    "chart-satisfaction",
)


@pytest.fixture
async def console(config: Config, tmp_path: Path) -> AsyncIterator[Console]:
    c = await open_console(config, tmp_path / "reports.db", Clock())
    try:
        # Issue 1 in 1号楼 (acknowledged after 10 minutes), issue 2 in 2号楼.
        await c.say("local:resident-1", B1, "3单元楼道灯坏了，电话13812345678", "小王")
        c.clock.advance(timedelta(minutes=10))
        await c.say(HEAD1, B1, "收到 1", "张阿姨")
        await c.say("local:resident-2", B2, "5单元电梯坏了", "老李")
        yield c
    finally:
        await c.bot.close()


def svg_of(html: str, chart_id: str) -> ET.Element:
    start = html.index(f'<svg xmlns="http://www.w3.org/2000/svg" id="{chart_id}"')
    end = html.index("</svg>", start) + len("</svg>")
    return ET.fromstring(html[start:end])


async def test_charts_page_for_an_admin_and_for_a_head(console: Console) -> None:
    async with console.signed_in(ADMIN) as client:
        page = await client.get("/charts")
    assert page.status_code == 200
    for chart_id in CHART_IDS:
        svg_of(page.text, chart_id)
    ack = svg_of(page.text, "chart-acknowledge")
    labels = [
        g.attrib["data-label"]
        for g in ack.iter("{http://www.w3.org/2000/svg}g")
        if g.attrib.get("class") == "row"
    ]
    assert labels == ["1号楼"]
    assert "10 分钟" in page.text
    cats = svg_of(page.text, "chart-categories")
    totals = [
        t.text
        for t in cats.iter("{http://www.w3.org/2000/svg}text")
        if t.attrib.get("class") == "total"
    ]
    assert totals[-1] == "2"
    async with console.signed_in(HEAD1) as client:
        page = await client.get("/charts?months=12")
    assert page.status_code == 200 and 'value="12" selected' in page.text
    overdue_table = page.text[page.text.index('id="chart-overdue-table"') :]
    assert "1号楼" in overdue_table and "2号楼" not in overdue_table
    # The head's own building only: one issue this month.
    cats = svg_of(page.text, "chart-categories")
    totals = [
        t.text
        for t in cats.iter("{http://www.w3.org/2000/svg}text")
        if t.attrib.get("class") == "total"
    ]
    assert totals[-1] == "1" and set(totals[:-1]) == {"0"}


async def test_hostile_building_names_do_not_reach_the_page_as_markup(
    console: Console,
) -> None:
    await add_issue(
        console.bot.store, building=HOSTILE, created=console.clock.now(), acked=timedelta(hours=1)
    )
    async with console.signed_in(ADMIN) as client:
        page = await client.get("/charts")
    assert page.status_code == 200
    assert "<img src=x" not in page.text
    assert "&lt;img src=x onerror=alert(1)&gt;" in page.text
    svg_of(page.text, "chart-acknowledge")


async def test_no_charts_or_exports_without_a_session(console: Console) -> None:
    async with console.client() as client:
        for path in ("/charts", "/export/issues.csv", "/export/issues.xlsx?building=1号楼"):
            response = await client.get(path)
            assert response.status_code == 303 and response.headers["location"] == "/login"


async def test_exports_of_a_head_hold_only_their_building(console: Console) -> None:
    async with console.signed_in(HEAD1) as client:
        response = await client.get("/export/issues.csv")
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/csv")
        assert "attachment" in response.headers["content-disposition"]
        assert response.content.startswith(b"\xef\xbb\xbf")
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
        assert [r[:2] for r in rows[1:]] == [["1", "1号楼"]]
        assert "13812345678" not in response.text and "138****5678" in rows[1][6]
        # Asking for another building by URL gives nothing of it.
        other = await client.get("/export/issues.xlsx?building=2号楼")
        assert other.status_code == 200
        sheet = load_workbook(io.BytesIO(other.content), read_only=True).active
        assert len(list(sheet.iter_rows(values_only=True))) == 1  # the header only
        bad = await client.get("/export/issues.csv?state=lost")
        assert bad.status_code == 400 and "状态" in bad.text


async def test_xlsx_download_for_an_admin(console: Console, tmp_path: Path) -> None:
    async with console.signed_in(ADMIN) as client:
        response = await client.get("/export/issues.xlsx?state=open")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    values = list(
        load_workbook(io.BytesIO(response.content), read_only=True).active.iter_rows(
            values_only=True
        )
    )
    assert [(r[0], r[1], r[3]) for r in values[1:]] == [
        (1, "1号楼", "已受理"),
        (2, "2号楼", "待受理"),
    ]


@pytest.fixture
def keyed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LINLI_OPEN311_KEY", KEY)


async def test_open311_needs_the_key_unless_public(console: Console, keyed: None) -> None:
    async with console.client() as client:
        for path in (
            "/open311/v2/services.json",
            "/open311/v2/requests.json",
            "/open311/v2/requests/1.json",
        ):
            missing = await client.get(path)
            assert missing.status_code == 401
            assert missing.json() == [{"code": 401, "description": "api_key required"}]
            wrong = await client.get(path, params={"api_key": KEY[:-1]})
            assert wrong.status_code == 403 and wrong.json()[0]["code"] == 403
            right = await client.get(path, params={"api_key": KEY})
            assert right.status_code == 200, path
        listed = (await client.get("/open311/v2/requests.json", params={"api_key": KEY})).json()
    # The key reads the whole community, newest first.
    assert [r["service_request_id"] for r in listed] == ["2", "1"]
    first = listed[1]
    assert first["status"] == "open" and first["status_notes"] == "已受理"
    assert first["description"] == "3单元楼道灯坏了，电话138****5678"
    assert first["requested_datetime"] == "2026-05-01T09:00:00+08:00"
    assert first["address"].startswith("幸福里社区 1号楼")


async def test_open311_without_a_key_configured_refuses_every_key(console: Console) -> None:
    async with console.client() as client:
        response = await client.get("/open311/v2/requests.json", params={"api_key": ""})
        assert response.status_code == 401
        response = await client.get("/open311/v2/requests.json", params={"api_key": "guess"})
        assert response.status_code == 403


async def test_open311_public(console: Console) -> None:
    config = console.bot.config
    console.bot.config = replace(config, web=replace(config.web, open311_public=True))
    async with console.client() as client:
        listed = await client.get("/open311/v2/requests.json", params={"status": "open"})
        one = await client.get("/open311/v2/requests/2.json")
        missing = await client.get("/open311/v2/requests/99.json")
        bad = await client.get("/open311/v2/requests.json", params={"status": "sleeping"})
        old = await client.get(
            "/open311/v2/requests.json",
            params={"end_date": (console.clock.now() - MAX_SPAN).isoformat()},
        )
    assert listed.status_code == 200 and len(listed.json()) == 2
    assert one.json()[0]["service_code"] == "elevator"
    assert missing.status_code == 404 and missing.json()[0]["code"] == 404
    assert (
        bad.status_code == 400 and bad.json()[0]["description"] == "status must be open or closed"
    )
    assert old.json() == []


async def test_a_signed_in_head_reads_open311_for_their_building_only(
    console: Console, keyed: None
) -> None:
    async with console.signed_in(HEAD1) as client:
        mine = await client.get("/open311/v2/requests.json")
        other = await client.get("/open311/v2/requests/2.json")
        # With the community's key, the same browser reads the whole community.
        everything = await client.get("/open311/v2/requests.json", params={"api_key": KEY})
    assert [r["service_request_id"] for r in mine.json()] == ["1"]
    assert other.status_code == 404
    assert len(everything.json()) == 2
