"""Time in the check-in feature: the daily question, the answer window, the escalation.

Every due time is a stored timer (ref: the check-in's id), so a restart neither loses nor
repeats one:

- ``checkin_daily`` fires at the person's time: the private ``checkin_request`` goes out
  (unless paused) and the next day's timer is stored;
- ``checkin_missed`` fires at the end of the answer window (or, for a device event, at
  once): when the person has not answered since, ``checkin_missed`` goes privately to the
  head and the family contact;
- ``checkin_escalate`` fires when the head has not answered that in time: ``checkin_missed``
  to the building's grid workers.
- ``checkin_consent`` drops an enrolment the person never answered.

Notices to the head, family and grid worker wait for the end of quiet hours; the question
itself goes at the time the person agreed to.
"""

from __future__ import annotations

import logging
from datetime import datetime, time, timedelta

from bot.config import Config, Person
from bot.feature import Context
from bot.model import Kind, Outgoing
from handlers import checkin_texts as t
from handlers.event_texts import duration
from handlers.issue_flow import after_quiet
from storage.checkins import Checkin
from storage.timers import Timer

log = logging.getLogger(__name__)

DAILY_TIMER = "checkin_daily"
MISSED_TIMER = "checkin_missed"
ESCALATE_TIMER = "checkin_escalate"
CONSENT_TIMER = "checkin_consent"
TIMERS = (DAILY_TIMER, MISSED_TIMER, ESCALATE_TIMER, CONSENT_TIMER)

# What a device may report, as said to people; other event names are passed on as written.
DEVICE_EVENTS = {
    "no_water_24h": "水表 24 小时没有用水",
    "no_water_12h": "水表 12 小时没有用水",
    "no_door_24h": "门磁 24 小时没有开门",
    "no_motion_24h": "24 小时没有检测到活动",
    "no_power_24h": "电表 24 小时没有用电",
    "fall_detected": "检测到可能摔倒",
    "sos_button": "紧急呼叫按钮被按下",
}
# Device events that cannot wait for the end of quiet hours.
URGENT_DEVICE_EVENTS = frozenset({"fall_detected", "sos_button"})


def device_reason(event: str) -> str:
    return "家中设备提醒：" + DEVICE_EVENTS.get(event, f"异常（{event}）")


def parse_daily(text: str) -> time:
    hour, _, minute = text.partition(":")
    return time(int(hour), int(minute))


def next_daily(config: Config, daily_at: str, after: datetime) -> datetime:
    """The first local ``daily_at`` strictly after ``after``."""
    at = parse_daily(daily_at)
    local = after.astimezone(config.timezone)
    due = local.replace(hour=at.hour, minute=at.minute, second=0, microsecond=0)
    if due <= local:
        due += timedelta(days=1)
    return due


async def cancel_all(ctx: Context, checkin_id: int) -> None:
    for kind in TIMERS:
        await ctx.store.timers.cancel(kind, checkin_id)


async def schedule_daily(ctx: Context, c: Checkin) -> datetime:
    due = next_daily(ctx.config, c.daily_at, ctx.now)
    await ctx.store.timers.add(DAILY_TIMER, c.id, due)
    return due


def private(to: str, text: str) -> Outgoing:
    # No fallback to a group: that someone lives alone and did not answer is nobody else's
    # business. The escalation to the grid worker covers a head the bot cannot reach.
    return Outgoing(to, Kind.CHECKIN_MISSED, text)


async def on_daily(timer: Timer, ctx: Context) -> list[Outgoing]:
    c = await ctx.store.checkins.get(timer.ref)
    if c is None or not c.active:
        return []
    await schedule_daily(ctx, c)
    if c.paused(ctx.now):
        log.info("check-in paused checkin=%s", c.id)
        return []
    if ctx.now - timer.due_at > ctx.config.checkin.window:
        # The bot was down past the whole window: a "good morning" at midnight would only
        # confuse, and a missed notice for a question never asked would be a false alarm.
        log.warning("check-in question skipped checkin=%s due_at=%s", c.id, timer.due_at)
        return []
    await ctx.store.checkins.requested(c.id, ctx.now)
    due = after_quiet(ctx.config, ctx.now + ctx.config.checkin.window, False)
    await ctx.store.timers.add(MISSED_TIMER, c.id, due, {"since": ctx.now.timestamp()})
    return [Outgoing(c.person, Kind.CHECKIN_REQUEST, t.request(ctx.local_now()))]


async def raise_missed(
    ctx: Context, c: Checkin, since: datetime, reason: str | None, urgent: bool = False
) -> list[Outgoing]:
    """Tell the head and the family contact; store the escalation timer."""
    await ctx.store.checkins.missed(c.id, ctx.now, reason)
    due = after_quiet(ctx.config, ctx.now + ctx.config.checkin.escalate_after, urgent)
    await ctx.store.timers.add(ESCALATE_TIMER, c.id, due, {"missed_at": ctx.now.timestamp()})
    tz = ctx.config.timezone
    asked, now = since.astimezone(tz), ctx.local_now()
    outs = [private(c.head, t.missed(c, asked, now, reason))]
    if c.family and c.family != c.head:
        outs.append(private(c.family, t.missed_family(c, asked, now, reason)))
    return outs


async def on_missed(timer: Timer, ctx: Context) -> list[Outgoing]:
    c = await ctx.store.checkins.get(timer.ref)
    if c is None or not c.active:
        return []
    since = datetime.fromtimestamp(float(timer.payload.get("since", 0)), ctx.now.tzinfo)
    reason = timer.payload.get("event")
    if c.answered_since(since):
        return []
    if reason is None and c.paused(ctx.now):
        return []
    if c.missed_open:
        return []  # one notice at a time; the open one is still waiting for an answer
    if reason is None:
        return await raise_missed(ctx, c, since, None)
    return await raise_missed(
        ctx, c, since, device_reason(reason), urgent=reason in URGENT_DEVICE_EVENTS
    )


def _escalation_targets(config: Config, c: Checkin) -> list[Person]:
    """The building's grid workers; admins when it has none (never the head again)."""
    found = [p for p in config.grid_workers_of(c.building) if p.id != c.head] if c.building else []
    return found or [p for p in config.admins() if p.id != c.head]


async def on_escalate(timer: Timer, ctx: Context) -> list[Outgoing]:
    c = await ctx.store.checkins.get(timer.ref)
    if c is None or not c.active or not c.missed_open or c.missed_at is None:
        return []
    if c.missed_at.timestamp() != timer.payload.get("missed_at"):
        return []  # superseded by a later notice
    waited = duration(ctx.config.checkin.escalate_after)
    missed_at = c.missed_at.astimezone(ctx.config.timezone)
    text = t.escalated(c, missed_at, waited, c.missed_reason)
    targets = _escalation_targets(ctx.config, c)
    outs = [private(p.id, text) for p in targets]
    if not targets and ctx.config.office_chat:
        outs.append(Outgoing(ctx.config.office_chat, Kind.CHECKIN_MISSED, text))
    outs.append(private(c.head, t.escalated_head(c)))
    return outs


async def on_consent_expired(timer: Timer, ctx: Context) -> list[Outgoing]:
    c = await ctx.store.checkins.get(timer.ref)
    if c is None or c.active:
        return []
    await ctx.store.checkins.delete(c.id)
    valid = duration(ctx.config.checkin.consent_valid)
    return [Outgoing(c.head, Kind.COMMAND_REPLY, t.consent_expired(c, valid))]


class NotEnrolled(LookupError):
    """A device reported on someone who is not (or no longer) enrolled."""


async def device_event(ctx: Context, person: str, event: str) -> tuple[str, list[Outgoing]]:
    """A device (water meter, door sensor) saw no sign of life: the same path as a missed
    check-in, at once or at the end of quiet hours. Returns (status, messages queued now).

    Raises :class:`NotEnrolled` for someone without an active, consented enrolment: a
    device cannot enrol anyone."""
    c = await ctx.store.checkins.by_person(person)
    if c is None or not c.active:
        raise NotEnrolled(person)
    if c.paused(ctx.now):
        return "paused", []
    if c.missed_open:
        return "already_reported", []
    urgent = event in URGENT_DEVICE_EVENTS
    due = after_quiet(ctx.config, ctx.now, urgent)
    payload = {"since": ctx.now.timestamp(), "event": event}
    if due > ctx.now:
        await ctx.store.timers.add(MISSED_TIMER, c.id, due, payload)
        return "scheduled", []
    return "notified", await raise_missed(ctx, c, ctx.now, device_reason(event), urgent)
