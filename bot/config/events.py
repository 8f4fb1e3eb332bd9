"""``[events]`` and ``[[events.recurring]]``: community event announcements."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from bot.config.reader import Table


@dataclass(frozen=True, slots=True)
class RecurringEvent:
    key: str
    title: str
    schedule: str
    place: str | None
    buildings: tuple[str, ...]  # empty: the whole community
    limit: int | None


@dataclass(frozen=True, slots=True)
class EventsConfig:
    reminders: tuple[timedelta, ...] = (timedelta(days=1), timedelta(hours=1))
    announce_lead: timedelta = timedelta(days=7)
    grace: timedelta = timedelta(hours=1)
    recurring: tuple[RecurringEvent, ...] = field(default=())


def parse_events(t: Table) -> EventsConfig:
    base = EventsConfig()
    reminders: list[timedelta] = []
    raw = t.str_list("reminders", None)
    if raw is not None:
        sub = Table({f"[{i}]": v for i, v in enumerate(raw)}, t.key("reminders"), t.problems)
        for key in sub.data:
            value = sub.duration(key)
            if value is not None:
                reminders.append(value)
    recurring = []
    for item in t.tables("recurring"):
        limit = item.int("limit", None, minimum=1)
        recurring.append(
            RecurringEvent(
                key=item.str("id"),
                title=item.str("title"),
                schedule=item.str("schedule"),
                place=item.str("place", None),
                buildings=item.str_list("buildings", ()),
                limit=limit,
            )
        )
        item.done()
    cfg = EventsConfig(
        reminders=tuple(reminders) if raw is not None else base.reminders,
        announce_lead=t.duration("announce_lead", base.announce_lead),
        grace=t.duration("grace", base.grace),
        recurring=tuple(recurring),
    )
    t.done()
    return cfg
