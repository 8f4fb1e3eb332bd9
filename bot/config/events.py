"""``[events]`` and ``[[events.recurring]]``: community event announcements.

A recurring event's ``schedule`` is either a phrase or a crontab line::

    "monthly second saturday 15:00"        # also "every month on the second Saturday at 15:00"
    "quarterly second saturday 15:00"      # March, June, September, December
    "yearly 9-15 10:00"                    # also "every year on october 1st at 9:30"
    "weekly sunday 09:00"
    "0 15 * * sat"                         # crontab: minute hour day month day-of-week

Each is turned into APScheduler :class:`~apscheduler.triggers.cron.CronTrigger` fields, so the
next occurrence can be computed from any ``now`` (time is a parameter).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta, tzinfo
from typing import TYPE_CHECKING

from bot.config.reader import Table, parse_duration

if TYPE_CHECKING:
    from apscheduler.triggers.cron import CronTrigger

SCHEDULE_EXAMPLES = (
    '"monthly second saturday 15:00", "quarterly second saturday 15:00", '
    '"yearly 9-15 10:00" or a crontab line such as "0 15 * * sat"'
)
QUARTER_MONTHS = "3,6,9,12"

_WEEKDAYS = {
    "monday": "mon",
    "tuesday": "tue",
    "wednesday": "wed",
    "thursday": "thu",
    "friday": "fri",
    "saturday": "sat",
    "sunday": "sun",
}
_WEEKDAY_WORDS = {**_WEEKDAYS, **{v: v for v in _WEEKDAYS.values()}}
_ORDINALS = {
    "first": "1st",
    "1st": "1st",
    "second": "2nd",
    "2nd": "2nd",
    "third": "3rd",
    "3rd": "3rd",
    "fourth": "4th",
    "4th": "4th",
    "fifth": "5th",
    "5th": "5th",
    "last": "last",
}
_MONTHS = {
    name: i
    for i, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        1,
    )
    for name in names
}
_FREQUENCIES = {
    "weekly": "weekly",
    "week": "weekly",
    "monthly": "monthly",
    "month": "monthly",
    "quarterly": "quarterly",
    "quarter": "quarterly",
    "yearly": "yearly",
    "annually": "yearly",
    "year": "yearly",
}
_FILLER = {"every", "on", "the", "at", "of", "in", "day"}
_CLOCK = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")
_MONTH_DAY = re.compile(r"^(\d{1,2})-(\d{1,2})$")
_DAY_NUMBER = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?$")
_CRON_FIELD = re.compile(r"^[\d*/,\-a-z#]+$")
_CRON_DOW_NUMBERS = ("sun", "mon", "tue", "wed", "thu", "fri", "sat", "sun")


class ScheduleError(ValueError):
    """A schedule text is not understood; the message says what is wrong."""


@dataclass(frozen=True, slots=True)
class Schedule:
    """A recurrence rule as CronTrigger fields (``month``, ``day``, ``day_of_week``, ...)."""

    text: str
    fields: tuple[tuple[str, str], ...]

    def trigger(self, tz: tzinfo) -> CronTrigger:
        return _cron(timezone=tz, **dict(self.fields))

    def next_after(self, after: datetime, tz: tzinfo) -> datetime | None:
        """The first occurrence strictly after ``after`` (an aware datetime), or None."""
        start = (after + timedelta(seconds=1)).replace(microsecond=0)
        return self.trigger(tz).get_next_fire_time(None, start)


def parse_schedule(text: str) -> Schedule:
    """Parse a schedule phrase or crontab line; raises :class:`ScheduleError`."""
    words = text.strip().lower().replace(",", " , ").split()
    raw_fields = text.strip().lower().split()
    if len(raw_fields) == 5 and all(_CRON_FIELD.match(f) for f in raw_fields):
        minute, hour, cron_day, cron_month, dow = raw_fields
        fields = {"minute": minute, "hour": hour, "day": cron_day, "month": cron_month}
        # Crontab counts weekdays from Sunday = 0; APScheduler from Monday = 0.
        fields["day_of_week"] = re.sub(
            r"(?<![/\d])([0-7])(?!\d)", lambda m: _CRON_DOW_NUMBERS[int(m.group(1))], dow
        )
        return _checked(text, fields)
    words = [w.rstrip("s") if w.rstrip("s") in _WEEKDAYS else w for w in words]
    words = [w for w in words if w not in _FILLER and w != ","]
    frequency: str | None = None
    clock: tuple[int, int] | None = None
    ordinal: str | None = None
    weekday: str | None = None
    day: int | None = None
    month: int | None = None
    for word in words:
        if word in _FREQUENCIES and frequency is None:
            frequency = _FREQUENCIES[word]
        elif (m := _CLOCK.match(word)) and clock is None:
            clock = (int(m.group(1)), int(m.group(2)))
        elif word in _ORDINALS and ordinal is None and not word[0].isdigit():
            ordinal = _ORDINALS[word]
        elif word in _WEEKDAY_WORDS and weekday is None:
            weekday = _WEEKDAY_WORDS[word]
        elif word in _MONTHS and month is None:
            month = _MONTHS[word]
        elif (m := _MONTH_DAY.match(word)) and month is None and day is None:
            month, day = int(m.group(1)), int(m.group(2))
        elif (m := _DAY_NUMBER.match(word)) and day is None and ordinal is None:
            # "1st saturday" is an ordinal; "1st" alone (or "15") is a day of the month.
            day = int(m.group(1))
        else:
            raise ScheduleError(f"did not understand {word!r}")
    if frequency is None:
        raise ScheduleError("say how often: weekly, monthly, quarterly or yearly")
    if clock is None:
        raise ScheduleError('give the time of day as "HH:MM" (24-hour)')
    if day is not None and weekday is not None and ordinal is None and day <= 5:
        ordinal, day = _ORDINALS[f"{day}{_suffix(day)}"], None
    fields = {"hour": str(clock[0]), "minute": str(clock[1])}
    if frequency == "weekly":
        if weekday is None or ordinal or day or month:
            raise ScheduleError('a weekly schedule needs one weekday, e.g. "weekly sunday 09:00"')
        fields["day_of_week"] = weekday
        return _checked(text, fields)
    if weekday is not None:
        if not ordinal:
            raise ScheduleError('say which weekday of the month, e.g. "second saturday"')
        fields["day"] = f"{ordinal} {weekday}"
    elif day is not None:
        if not 1 <= day <= 31:
            raise ScheduleError(f"day {day} is not a day of the month")
        fields["day"] = str(day)
    else:
        raise ScheduleError('say which day, e.g. "second saturday" or "15th"')
    if frequency == "quarterly":
        if month is not None:
            raise ScheduleError("a quarterly schedule runs in months 3, 6, 9 and 12")
        fields["month"] = QUARTER_MONTHS
    elif frequency == "yearly":
        if month is None:
            raise ScheduleError('a yearly schedule needs a month, e.g. "yearly 9-15 10:00"')
        fields["month"] = str(month)
    elif month is not None:
        raise ScheduleError("a monthly schedule cannot name a month")
    return _checked(text, fields)


def _suffix(n: int) -> str:
    return {1: "st", 2: "nd", 3: "rd"}.get(n, "th")


def _cron(**fields: object) -> CronTrigger:
    # Imported on first use: APScheduler's import (it reads package metadata) costs a
    # process about 30 ms, and most communities configure no recurring event.
    from apscheduler.triggers.cron import CronTrigger

    return CronTrigger(**fields)


def _checked(text: str, fields: dict[str, str]) -> Schedule:
    try:
        _cron(**fields)
    except (ValueError, TypeError) as exc:
        raise ScheduleError(str(exc)) from None
    return Schedule(text=text, fields=tuple(sorted(fields.items())))


@dataclass(frozen=True, slots=True)
class RecurringEvent:
    """An event the config repeats; ``buildings`` empty means the whole community."""

    key: str
    title: str
    schedule: Schedule
    place: str | None
    buildings: tuple[str, ...]
    limit: int | None
    announce_lead: timedelta | None = None  # None: the [events] default
    index: int = 0  # position in [[events.recurring]], for error key paths


@dataclass(frozen=True, slots=True)
class EventsConfig:
    reminders: tuple[timedelta, ...] = (timedelta(days=1), timedelta(hours=1))
    announce_lead: timedelta = timedelta(days=7)
    grace: timedelta = timedelta(hours=1)
    recurring: tuple[RecurringEvent, ...] = field(default=())

    def lead_of(self, event: RecurringEvent) -> timedelta:
        return event.announce_lead if event.announce_lead is not None else self.announce_lead

    def series(self, key: str) -> RecurringEvent | None:
        for ev in self.recurring:
            if ev.key == key:
                return ev
        return None


def parse_events(t: Table) -> EventsConfig:
    base = EventsConfig()
    reminders: list[timedelta] = []
    raw = t.str_list("reminders", None)
    for i, text in enumerate(raw or ()):
        value = parse_duration(text)
        if value is None or value <= timedelta(0):
            t.problems.add(
                f"{t.key('reminders')}[{i}]",
                f'expected a duration longer than zero such as "1d" or "1h", got {text!r}',
            )
            continue
        reminders.append(value)
    recurring: list[RecurringEvent] = []
    seen: set[str] = set()
    for index, item in enumerate(t.tables("recurring")):
        key = item.str("id")
        title = item.str("title")
        schedule_text = item.str("schedule")
        place = item.str("place", None)
        buildings = item.str_list("buildings", ())
        limit = item.int("limit", None, minimum=1)
        lead = item.duration("announce_lead", None)
        item.done()
        schedule: Schedule | None = None
        if isinstance(schedule_text, str) and schedule_text.strip():
            try:
                schedule = parse_schedule(schedule_text)
            except ScheduleError as exc:
                item.problems.add(
                    item.key("schedule"),
                    f"{exc}; expected {SCHEDULE_EXAMPLES}, got {schedule_text!r}",
                )
        if isinstance(key, str):
            if key in seen:
                item.problems.add(item.key("id"), f"duplicate recurring event id {key!r}")
            seen.add(key)
        if not (isinstance(key, str) and isinstance(title, str)):
            continue
        if schedule is None:
            # Keep the entry so that its other keys are still checked; the config is rejected.
            schedule = Schedule(text="", fields=())
        recurring.append(
            RecurringEvent(
                key=key,
                title=title,
                schedule=schedule,
                place=place,
                buildings=tuple(buildings or ()),
                limit=limit,
                announce_lead=lead,
                index=index,
            )
        )
    cfg = EventsConfig(
        reminders=tuple(reminders) if raw is not None else base.reminders,
        announce_lead=t.duration("announce_lead", base.announce_lead),
        grace=t.duration("grace", base.grace),
        recurring=tuple(recurring),
    )
    t.done()
    return cfg
