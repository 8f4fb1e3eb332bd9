"""``[issues]``: acknowledgement deadlines, reminders, escalation, quiet hours, digests."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import time, timedelta

from bot.config.reader import Table, parse_clock


class GroupNotice(enum.StrEnum):
    """What the building group hears when an unacknowledged issue is escalated."""

    OFF = "off"  # nothing: the head is not named and shamed in front of the building
    NEUTRAL = "neutral"  # one neutral line per batch: "第 1、2 号问题已请网格员协助跟进。"


@dataclass(frozen=True, slots=True)
class QuietHours:
    """A daily window (local time) in which normal reminders wait; may wrap midnight."""

    start: time
    end: time

    def contains(self, moment: time) -> bool:
        if self.start == self.end:
            return False
        if self.start < self.end:
            return self.start <= moment < self.end
        return moment >= self.start or moment < self.end


@dataclass(frozen=True, slots=True)
class Escalation:
    """Deadlines for one urgency level, measured from when the issue was reported."""

    ack_due: timedelta
    reminder_every: timedelta
    to_grid_after: timedelta
    to_office_after: timedelta


@dataclass(frozen=True, slots=True)
class IssuesConfig:
    normal: Escalation = field(
        default_factory=lambda: Escalation(
            timedelta(minutes=30), timedelta(minutes=30), timedelta(hours=2), timedelta(hours=4)
        )
    )
    urgent: Escalation = field(
        default_factory=lambda: Escalation(
            timedelta(minutes=5), timedelta(minutes=5), timedelta(minutes=15), timedelta(minutes=30)
        )
    )
    quiet_hours: QuietHours | None = field(default_factory=lambda: QuietHours(time(22), time(7)))
    resolution_target: timedelta = timedelta(hours=72)
    resolution_targets: dict[str, timedelta] = field(default_factory=dict)
    digest_at: time = time(8)
    confirm_after: timedelta = timedelta(hours=24)
    auto_close_after: timedelta = timedelta(hours=72)
    duplicate_window: timedelta = timedelta(hours=72)
    # Reminders and escalations of normal issues for one person within this window go out
    # as one message (urgent ones never wait).
    batch_window: timedelta = timedelta(minutes=10)
    group_notice: GroupNotice = GroupNotice.OFF

    def target_for(self, category: str | None) -> timedelta:
        return self.resolution_targets.get(category or "", self.resolution_target)


def _escalation(t: Table, defaults: Escalation) -> Escalation:
    esc = Escalation(
        ack_due=t.duration("ack_due", defaults.ack_due),
        reminder_every=t.duration("reminder_every", defaults.reminder_every),
        to_grid_after=t.duration("escalate_to_grid_after", defaults.to_grid_after),
        to_office_after=t.duration("escalate_to_office_after", defaults.to_office_after),
    )
    if esc.reminder_every is not None and esc.reminder_every.total_seconds() <= 0:
        t.problems.add(t.key("reminder_every"), "expected a duration greater than zero")
    if (
        esc.to_grid_after is not None
        and esc.to_office_after is not None
        and esc.to_office_after < esc.to_grid_after
    ):
        t.problems.add(
            t.key("escalate_to_office_after"),
            "expected a duration not shorter than escalate_to_grid_after",
        )
    t.done()
    return esc


def parse_issues(t: Table) -> IssuesConfig:
    base = IssuesConfig()
    normal = _escalation(t.table("normal"), base.normal)
    urgent = _escalation(t.table("urgent"), base.urgent)
    quiet: QuietHours | None = base.quiet_hours
    raw_quiet = t.str("quiet_hours", "22:00-07:00", nonempty=False)
    if isinstance(raw_quiet, str):
        if raw_quiet.strip() in ("", "off", "none"):
            quiet = None
        else:
            start_s, sep, end_s = raw_quiet.partition("-")
            start, end = parse_clock(start_s), parse_clock(end_s)
            if not sep or start is None or end is None:
                t.problems.add(
                    t.key("quiet_hours"),
                    f'expected "HH:MM-HH:MM" (e.g. "22:00-07:00") or "off", got {raw_quiet!r}',
                )
            else:
                quiet = QuietHours(start, end)
    group_notice = base.group_notice
    raw_notice = t.str("group_notice", str(base.group_notice))
    if isinstance(raw_notice, str):
        try:
            group_notice = GroupNotice(raw_notice.strip())
        except ValueError:
            choices = ", ".join(f'"{g}"' for g in GroupNotice)
            t.problems.add(t.key("group_notice"), f"expected one of {choices}, got {raw_notice!r}")
    batch_window = t.duration("batch_window", base.batch_window)
    if batch_window is not None and batch_window > timedelta(hours=1):
        t.problems.add(t.key("batch_window"), "expected a duration of at most 1h")
    targets_table = t.table("resolution_targets")
    targets = {name: targets_table.duration(name) for name in targets_table.data}
    config = IssuesConfig(
        normal=normal,
        urgent=urgent,
        quiet_hours=quiet,
        resolution_target=t.duration("resolution_target", base.resolution_target),
        resolution_targets={k: v for k, v in targets.items() if v is not None},
        digest_at=t.clock("digest_at", base.digest_at),
        confirm_after=t.duration("confirm_after", base.confirm_after),
        auto_close_after=t.duration("auto_close_after", base.auto_close_after),
        duplicate_window=t.duration("duplicate_window", base.duplicate_window),
        batch_window=batch_window,
        group_notice=group_notice,
    )
    t.done()
    return config
