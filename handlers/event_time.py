"""When does an event start? Parses the time at the start of ``/event add`` arguments.

Understood (after full-width to half-width normalisation)::

    2026-06-20 15:00    2026/6/20 15:00    2026-06-20T15:00        ISO-like, 24-hour
    6月20日下午3点     2026年6月20日 15:30   6月20号 晚上7点半       Chinese dates
    明天下午三点       后天 9:30            今晚8点                  relative days
    下周六 15:00       周日上午十点         本星期五下午两点半       weekdays

``HH:MM`` is read as 24-hour time. A Chinese hour from 1 to 11 with no 上午/下午/晚上 is
ambiguous (三点 may be 3 a.m. or 3 p.m.) and is asked back, as is a missing date or time, a date
that does not exist and a time already past: never a silent guess. ``周六``/``本周六`` is the
Saturday of the current week (Monday to Sunday), ``下周六`` that of the next week.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from handlers import event_texts as t

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6}
_CN_DIGITS |= {"七": 7, "八": 8, "九": 9}
_NUM = r"(?:\d{1,2}|[零〇一二两三四五六七八九十]{1,3})"
_SEP = r"[\s的,，]*"

_ISO_DATE = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:T|(?=\s)|$)")
_CN_DATE = re.compile(rf"^(?:(\d{{4}})年)?({_NUM})月({_NUM})[日号]")
_SHORT_DATE = re.compile(r"^(\d{1,2})[/-](\d{1,2})(?=\s)")
_RELATIVE = re.compile(r"^(今天|今日|明天|明日|后天|大后天|今晚|明晚)")
_WEEKDAY = re.compile(r"^(本|这|下下|下)?(?:个)?(?:周|星期|礼拜)([一二三四五六日天1-7])")
_PERIOD = r"(凌晨|早上|早晨|上午|中午|下午|傍晚|晚上|夜里)?"
_CLOCK = re.compile(rf"^{_PERIOD}\s*(\d{{1,2}})[:：](\d{{2}})")
_CN_CLOCK = re.compile(rf"^{_PERIOD}\s*({_NUM})[点时](半|一刻|三刻|(?:{_NUM}|\d{{1,2}})分?)?")

_RELATIVE_DAYS = {"今天": 0, "今日": 0, "今晚": 0, "明天": 1, "明日": 1, "明晚": 1}
_RELATIVE_DAYS |= {"后天": 2, "大后天": 3}
_WEEKDAY_INDEX = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
_WEEKDAY_INDEX |= {str(i): i - 1 for i in range(1, 8)}
_AFTERNOON = {"下午", "傍晚", "晚上", "夜里"}


# Events are planned at most this far ahead: a later date is a typo (9999-12-31) and far
# enough out, the reminders' date arithmetic overflows.
MAX_AHEAD = timedelta(days=366)


class WhenError(ValueError):
    """The time cannot be used as given; the message (Chinese) asks the person to clarify."""


@dataclass(frozen=True, slots=True)
class When:
    """The start (aware, in the community's time zone) and the text after the time."""

    start: datetime
    rest: str


def cn_number(text: str) -> int:
    """``"15"``, ``"三"``, ``"十一"``, ``"二十五"``, ``"两"`` -> int."""
    if text.isdigit():
        return int(text)
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)
    value = 0
    for ch in text:
        value = value * 10 + _CN_DIGITS[ch]
    return value


def parse_when(text: str, now: datetime) -> When:
    """Parse the start time at the beginning of ``text``; ``now`` is local (aware).

    Raises :class:`WhenError` with a question for the person when the time is missing,
    ambiguous, impossible, already past or more than :data:`MAX_AHEAD` ahead.
    """
    rest = text.strip()
    day, rest, explicit_year, evening = _parse_date(rest, now.date())
    if day is None:
        raise WhenError(t.WHEN_NO_DATE)
    rest = re.sub(rf"^{_SEP}", "", rest)
    clock, rest = _parse_clock(rest, evening)
    try:
        start = datetime.combine(day, clock, tzinfo=now.tzinfo)
    except ValueError:
        raise WhenError(t.WHEN_BAD_DATE) from None
    if start <= now:
        raise WhenError(t.when_past(start, now, explicit_year))
    if start - now > MAX_AHEAD:
        raise WhenError(t.WHEN_TOO_FAR)
    return When(start=start, rest=rest.strip())


def _parse_date(text: str, today: date) -> tuple[date | None, str, bool, bool]:
    """(date or None, rest, whether a year was written, whether 今晚/明晚 implied evening)."""
    if m := _ISO_DATE.match(text):
        return (
            _date(int(m.group(1)), int(m.group(2)), int(m.group(3))),
            text[m.end() :],
            True,
            False,
        )
    if m := _CN_DATE.match(text):
        year = int(m.group(1)) if m.group(1) else today.year
        found = _date(year, cn_number(m.group(2)), cn_number(m.group(3)))
        return found, text[m.end() :], bool(m.group(1)), False
    if m := _SHORT_DATE.match(text):
        return _date(today.year, int(m.group(1)), int(m.group(2))), text[m.end() :], False, False
    if m := _RELATIVE.match(text):
        word = m.group(1)
        return today + timedelta(days=_RELATIVE_DAYS[word]), text[m.end() :], True, "晚" in word
    if m := _WEEKDAY.match(text):
        monday = today - timedelta(days=today.weekday())
        weeks = {"下": 1, "下下": 2}.get(m.group(1) or "", 0)
        found = monday + timedelta(days=7 * weeks + _WEEKDAY_INDEX[m.group(2)])
        return found, text[m.end() :], True, False
    return None, text, False, False


def _date(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise WhenError(t.WHEN_BAD_DATE) from None


def _parse_clock(text: str, evening: bool) -> tuple[time, str]:
    if m := _CLOCK.match(text):
        period, hour, minute = m.group(1), int(m.group(2)), int(m.group(3))
        marked = period is not None or evening
    elif m := _CN_CLOCK.match(text):
        period, hour = m.group(1), cn_number(m.group(2))
        minute = _minutes(m.group(3))
        marked = period is not None or evening
        if not marked and 1 <= hour <= 11:
            raise WhenError(t.when_ambiguous_hour(hour))
    else:
        raise WhenError(t.WHEN_NO_TIME)
    if evening and period is None:
        period = "晚上"
    if marked and period in _AFTERNOON and hour < 12:
        hour += 12
    elif period == "中午" and hour < 6:
        hour += 12
    if hour > 23 or minute > 59:
        raise WhenError(t.WHEN_BAD_TIME)
    return time(hour, minute), text[m.end() :]


def _minutes(text: str | None) -> int:
    if not text:
        return 0
    if text == "半":
        return 30
    if text == "一刻":
        return 15
    if text == "三刻":
        return 45
    return cn_number(text.removesuffix("分"))
