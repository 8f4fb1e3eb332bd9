"""Attacks on the charts, exports and Open311 routes over HTTP: odd numbers in URLs and a
search for a phone number in the log."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.config import Config
from tests.web.console_harness import Clock, Console, open_console

B1 = "local:building-1"
HEAD1 = "local:head-1"
KEY = "open311-test-key-" + "k" * 20


@pytest.fixture
async def console(
    config: Config, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[Console]:
    monkeypatch.setenv(config.web.open311_key_env, KEY)
    c = await open_console(config, tmp_path / "web.db", Clock())
    try:
        await c.say("local:resident-1", B1, "3单元楼道灯坏了，电话13812345678", "小王")
        yield c
    finally:
        await c.bot.close()


@pytest.mark.parametrize("number", ["%C2%B2", "%EF%BC%91", "%D9%A1", "1%20", "-1", "9" * 12])
async def test_odd_open311_request_numbers_are_not_found(console: Console, number: str) -> None:
    async with console.client() as city:
        response = await city.get(f"/open311/v2/requests/{number}.json?api_key={KEY}")
    assert response.status_code == 404
    assert response.json() == [{"code": 404, "description": "no such service request"}]


@pytest.mark.parametrize("months", ["%C2%B2", "%EF%BC%96", "6.0", "-6", "99999999999999999999"])
async def test_odd_chart_periods_show_the_default(console: Console, months: str) -> None:
    async with console.signed_in(HEAD1) as client:
        response = await client.get(f"/charts?months={months}")
    assert response.status_code == 200
    assert 'id="chart-categories"' in response.text


async def test_a_search_for_a_phone_number_is_not_logged_in_full(
    console: Console, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="bot.web.report_routes")
    async with console.signed_in(HEAD1) as client:
        for path in ("/export/issues.csv?q=13812345678", "/export/issues.xlsx?q=13812345678"):
            response = await client.get(path)
            assert response.status_code == 200
    logged = [r.getMessage() for r in caplog.records if r.name == "bot.web.report_routes"]
    assert len(logged) == 2
    assert all("13812345678" not in line and "138****5678" in line for line in logged)


async def test_a_short_open311_key_opens_nothing(
    console: Console, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv(console.bot.config.web.open311_key_env, "123")
    async with console.client() as city:
        response = await city.get("/open311/v2/requests.json?api_key=123")
    assert response.status_code == 403
    assert any("open311 key too short" in r.getMessage() for r in caplog.records)
