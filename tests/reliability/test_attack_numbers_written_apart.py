"""Landlines and ID card numbers written in groups, with brackets or without a dash, and phones
with full-width dots are masked, redacted and recognised like plain ones (red team, console
session: these leaked through the console, the exports and Open311 as they do in groups)."""

from __future__ import annotations

import pytest

from bot.privacy import has_contact_number, mask, redact

WRITTEN = [
    ("010 12345678", "12345678"),
    ("01012345678", "2345678"),
    ("(010)12345678", "12345678"),
    ("（0571）87654321", "87654321"),
    ("0571．8765432", "8765432"),
    ("110101 1990 0101 1234", "0101 1234"),
    ("110101-19900101-1234", "19900101"),
    ("110101 19900101 123X", "19900101"),
    ("１３８．１２３４．５６７８", "１２３４"),
]


@pytest.mark.parametrize(("number", "secret"), WRITTEN)
def test_numbers_written_apart_are_masked_and_redacted(number: str, secret: str) -> None:
    text = f"3单元电梯坏了，联系{number}谢谢"
    assert secret not in mask(text)
    assert secret not in redact(text)
    assert has_contact_number(text)


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("物业电话010-12345678", "物业电话010-****"),
        ("打(010)12345678", "打(010)****"),
        ("身份证 110101 19900101 1234", "身份证 110***********1234"),
    ],
)
def test_the_masked_form_keeps_the_area_code_and_the_ends(text: str, masked: str) -> None:
    assert mask(text) == masked


@pytest.mark.parametrize(
    "text",
    [
        "3单元1302室",
        "2026-05-01 09:00",
        "房号 0101 1302",
        "10:00-12:00 楼道 3-2-101",
        "12月3日 0571",
    ],
)
def test_rooms_dates_and_times_stay_as_written(text: str) -> None:
    assert mask(text) == text
