"""``[polls]``, ``[reports]`` and ``[[patrols]]``: building decisions (议事), the monthly report
(晒事) and regular patrols (定期巡).

A patrol's ``schedule`` has the syntax of a recurring event's (``"weekly monday 09:00"``,
``"monthly first saturday 10:00"``, a crontab line); see :mod:`bot.config.events`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import time, timedelta

from bot.config.events import SCHEDULE_EXAMPLES, Schedule, ScheduleError, parse_schedule
from bot.config.reader import Table

MAX_CHECKLIST = 20


@dataclass(frozen=True, slots=True)
class PollsConfig:
    # How long a poll stays open when no 截止 time is given.
    duration: timedelta = timedelta(days=3)
    # Share of the building's known residents who must vote for the result to count
    # (None: no verdict, only the counts). "0.67" for a two-thirds participation rule.
    quorum: float | None = None
    # Share of the votes cast the leading option needs (strictly more than) to carry.
    majority: float = 0.5


@dataclass(frozen=True, slots=True)
class ReportsConfig:
    enabled: bool = True
    day: int = 1  # day of the month (1-28)
    at: time = time(9, 0)


@dataclass(frozen=True, slots=True)
class Patrol:
    name: str
    schedule: Schedule
    buildings: tuple[str, ...]  # empty: every building
    checklist: tuple[str, ...]
    # The round is due this long after its reminder. Not done by then: the head is reminded;
    # ``escalate_after`` later the grid worker is told, twice that later the office.
    due_within: timedelta = timedelta(days=2)
    escalate_after: timedelta = timedelta(days=1)
    index: int = 0  # position in [[patrols]], for error key paths


@dataclass(frozen=True, slots=True)
class PatrolsConfig:
    patrols: tuple[Patrol, ...] = field(default=())

    def get(self, name: str) -> Patrol | None:
        for patrol in self.patrols:
            if patrol.name == name:
                return patrol
        return None


def _fraction(t: Table, name: str, default: float | None) -> float | None:
    """A number in (0, 1] (the reader has no float type)."""
    t.ignore(name)
    value = t.data.get(name, default)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value <= 1:
        t.problems.add(t.key(name), f"expected a number between 0 and 1, got {value!r}")
        return default
    return float(value)


def parse_polls(t: Table) -> PollsConfig:
    base = PollsConfig()
    cfg = PollsConfig(
        duration=t.duration("duration", base.duration),
        quorum=_fraction(t, "quorum", base.quorum),
        majority=_fraction(t, "majority", base.majority) or base.majority,
    )
    t.done()
    return cfg


def parse_reports(t: Table) -> ReportsConfig:
    base = ReportsConfig()
    day = t.int("day", base.day, minimum=1)
    if isinstance(day, int) and day > 28:
        t.problems.add(t.key("day"), f"expected a day from 1 to 28 (every month has it), got {day}")
        day = base.day
    cfg = ReportsConfig(
        enabled=t.bool("enabled", base.enabled),
        day=day,
        at=t.clock("at", "09:00"),
    )
    t.done()
    return cfg


def parse_patrols(root: Table) -> PatrolsConfig:
    """The ``[[patrols]]`` entries of ``root``."""
    patrols: list[Patrol] = []
    for index, item in enumerate(root.tables("patrols")):
        name = item.str("name")
        raw_schedule = item.str("schedule")
        buildings = item.str_list("buildings", ())
        checklist = item.str_list("checklist")
        due_within = item.duration("due_within", "2d")
        escalate_after = item.duration("escalate_after", "1d")
        item.done()
        schedule: Schedule | None = None
        if isinstance(raw_schedule, str):
            try:
                schedule = parse_schedule(raw_schedule)
            except ScheduleError as exc:
                item.problems.add(item.key("schedule"), f"{exc}; expected {SCHEDULE_EXAMPLES}")
        if isinstance(checklist, tuple):
            if not checklist:
                item.problems.add(item.key("checklist"), "expected at least one item")
            elif len(checklist) > MAX_CHECKLIST:
                item.problems.add(item.key("checklist"), f"at most {MAX_CHECKLIST} items")
        if isinstance(name, str) and any(p.name == name for p in patrols):
            item.problems.add(item.key("name"), f"duplicate patrol name {name!r}")
            continue
        if not isinstance(name, str) or schedule is None or not isinstance(checklist, tuple):
            continue
        patrols.append(
            Patrol(
                name=name,
                schedule=schedule,
                buildings=tuple(buildings or ()),
                checklist=checklist,
                due_within=due_within or timedelta(days=2),
                escalate_after=escalate_after or timedelta(days=1),
                index=index,
            )
        )
    return PatrolsConfig(patrols=tuple(patrols))
