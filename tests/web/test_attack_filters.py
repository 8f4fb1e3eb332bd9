"""Malformed filter and Open311 parameters get a clear 400, never a 500."""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.config import Config
from bot.web import open311
from bot.web.issue_filter import FilterError, read_filter
from tests.conftest import T0


@pytest.mark.parametrize(
    "month", ["9999-12", "9001-01", "1999-12", "0001-01", "2026-13", "2026-00"]
)
def test_months_out_of_range_are_refused(config: Config, month: str) -> None:
    with pytest.raises(FilterError):
        read_filter({"month": month}, None, config)


def test_a_month_near_the_end_of_the_range_still_works(config: Config) -> None:
    flt = read_filter({"month": "9000-12"}, None, config)
    assert flt.created_from is not None and flt.created_from.year == 9000


@pytest.mark.parametrize(
    "params",
    [
        {"end_date": "0001-01-01T00:00:00"},
        {"start_date": "9999-12-31T00:00:00"},
        {"start_date": "9999-12-31T23:59:59-12:00"},
        {"start_date": "0001-01-01T00:00:00+14:00", "end_date": "0001-01-02T00:00:00"},
        {"page_size": "²"},
        {"page": "²"},
        {"page_size": "１０"},
        {"service_request_id": "²"},
        {"service_request_id": "1,²"},
        {"page_size": "1000000000000000000000"},
        {"start_date": "not a date"},
    ],
)
def test_open311_refuses_odd_parameters_with_400(config: Config, params: dict[str, str]) -> None:
    now: datetime = T0
    with pytest.raises(open311.Open311Error) as refused:
        open311.read_query(params, None, config, now)
    assert refused.value.code == 400
