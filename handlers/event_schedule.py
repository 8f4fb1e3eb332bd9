"""Announcements and reminders of events, and the recurring series from the config.

Every due time is a stored timer (storage/timers.py), so a restart neither repeats nor loses
one:

- ``event_series`` (ref: series id, payload ``start``) fires at a recurring occurrence's
  announcement time: the occurrence becomes a numbered event, is announced, and the series'
  next occurrence is stored with its own timer. A series gets its event number only when it is
  announced, so numbering stays in announcement order.
- ``event_reminder`` (ref: event number, payload ``before`` in seconds) fires before an event.

Anything that fires later than ``[events] grace`` after its due time (the bot was down) is
skipped and logged rather than sent late; occurrences missed entirely are skipped the same way.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from bot.config import Config
from bot.config.events import RecurringEvent
from bot.feature import Context
from bot.model import Kind, Mention, Outgoing
from handlers import event_texts as t
from storage.events import Event, NewEvent, Roster
from storage.timers import Timer

log = logging.getLogger(__name__)

SERIES_TIMER = "event_series"
REMINDER_TIMER = "event_reminder"
# Group chats reminded per part (issue 18: no tick holds the loop for long).
REMINDER_PART = 100
# Safety stop when skipping occurrences missed while the bot was down (a weekly event and
# years of downtime); past it the series simply resumes from "now".
MAX_SKIPPED = 1000


def target_buildings(config: Config, event: Event) -> tuple[str, ...]:
    """The buildings an event is for (all of them for a community-wide event)."""
    return event.buildings or tuple(b.name for b in config.buildings)


def group_chats(config: Config, event: Event) -> list[str]:
    """Every group chat of the event's buildings, each once, in config order."""
    chats: dict[str, None] = {}
    for building in target_buildings(config, event):
        chats.update(dict.fromkeys(config.group_chats(building)))
    return list(chats)


def mentions_in(roster: Roster, chat: str) -> tuple[Mention, ...]:
    """The people with a place who signed up in ``chat`` (to be mentioned there)."""
    return tuple(Mention(s.user, s.name) for s in roster.confirmed if s.chat == chat)


def announcements(ctx: Context, event: Event) -> list[Outgoing]:
    """One announcement per group chat of the event's buildings."""
    start = event.starts_at.astimezone(ctx.config.timezone)
    text = t.announcement(event, start, ctx.local_now())
    return [
        Outgoing(chat, Kind.EVENT_ANNOUNCEMENT, text, event=event.number)
        for chat in group_chats(ctx.config, event)
    ]


async def schedule_reminders(ctx: Context, event: Event) -> None:
    """Store a reminder timer for every configured offset still in the future."""
    for before in ctx.config.events.reminders:
        due = event.starts_at - before
        if due > ctx.now:
            await ctx.store.timers.add(
                REMINDER_TIMER, event.number, due, {"before": int(before.total_seconds())}
            )


def _late(ctx: Context, timer: Timer) -> timedelta:
    return ctx.now - timer.due_at


async def on_reminder(timer: Timer, ctx: Context) -> list[Outgoing]:
    event = await ctx.store.events.get(timer.ref)
    if event is None or event.cancelled:
        return []
    if ctx.now >= event.starts_at or _late(ctx, timer) > ctx.config.events.grace:
        log.warning(
            "event reminder skipped event=%s due_at=%s now=%s (missed while down)",
            event.number,
            timer.due_at.isoformat(),
            ctx.now.isoformat(),
        )
        return []
    roster = await ctx.store.events.roster(event)
    before = timedelta(seconds=int(timer.payload.get("before", 0)))
    start = event.starts_at.astimezone(ctx.config.timezone)
    text = t.reminder(event, start, ctx.local_now(), before, len(roster.confirmed))
    # Grouped once: asking mentions_in() per chat reads every sign-up for every chat.
    by_chat: dict[str, list[Mention]] = {}
    for signup in roster.confirmed:
        by_chat.setdefault(signup.chat, []).append(Mention(signup.user, signup.name))
    # A community-wide event in a large district goes out in parts of REMINDER_PART chats,
    # each a timer due at once (the scheduler lets messages in between parts).
    chats = group_chats(ctx.config, event)
    first = int(timer.payload.get("from", 0))
    if first + REMINDER_PART < len(chats):
        await ctx.store.timers.add(
            REMINDER_TIMER,
            event.number,
            timer.due_at,
            {**timer.payload, "from": first + REMINDER_PART},
        )
    return [
        Outgoing(
            chat,
            Kind.EVENT_REMINDER,
            text,
            event=event.number,
            mentions=tuple(by_chat.get(chat, ())),
        )
        for chat in chats[first : first + REMINDER_PART]
    ]


async def plan_next(
    ctx: Context, series_id: int, rec: RecurringEvent, after: datetime, known_since: datetime
) -> None:
    """Store the series' first occurrence after ``after`` that has not started yet, with a timer
    at its announcement time (never before ``known_since``: an occurrence first learnt about
    inside its lead time is announced at once)."""
    tz = ctx.config.timezone
    start = rec.schedule.next_after(after, tz)
    skipped = 0
    first_skipped = start
    while start is not None and start <= ctx.now:
        skipped += 1
        if skipped >= MAX_SKIPPED:
            start = rec.schedule.next_after(ctx.now, tz)
            break
        start = rec.schedule.next_after(start, tz)
    if skipped and first_skipped is not None:
        # One line for the whole gap: a bot down for years must not log every occurrence.
        log.warning(
            "recurring event occurrences skipped series=%s count=%s first=%s (missed while down)",
            rec.key,
            skipped,
            first_skipped.isoformat(),
        )
    if start is None:
        await ctx.store.events.set_next(series_id, rec.schedule.text, None, None)
        log.info("recurring event has no further occurrence series=%s", rec.key)
        return
    announce_at = max(start - ctx.config.events.lead_of(rec), known_since)
    await ctx.store.events.set_next(series_id, rec.schedule.text, start, announce_at)
    await ctx.store.timers.add(SERIES_TIMER, series_id, announce_at, {"start": start.timestamp()})


async def on_series(timer: Timer, ctx: Context) -> list[Outgoing]:
    series = await ctx.store.events.series_by_id(timer.ref)
    if series is None or series.next_start is None:
        return []
    if series.next_start.timestamp() != timer.payload.get("start"):
        return []  # superseded (the schedule changed and was re-planned)
    rec = ctx.config.events.series(series.key)
    if rec is None or rec.schedule.text != series.schedule:
        log.info("recurring event no longer configured as planned series=%s", series.key)
        return []
    start = series.next_start
    outs: list[Outgoing] = []
    if start <= ctx.now or _late(ctx, timer) > ctx.config.events.grace:
        log.warning(
            "recurring event announcement skipped series=%s start=%s due_at=%s now=%s",
            rec.key,
            start.isoformat(),
            timer.due_at.isoformat(),
            ctx.now.isoformat(),
        )
    elif await ctx.store.events.of_series(rec.key, start) is None:
        event = await ctx.store.events.create(
            NewEvent(
                title=rec.title,
                place=rec.place,
                starts_at=start,
                buildings=rec.buildings,
                capacity=rec.limit,
                creator=None,
                creator_name=ctx.config.community_name,
                chat=None,
                series=rec.key,
            ),
            ctx.now,
        )
        await schedule_reminders(ctx, event)
        outs = announcements(ctx, event)
    await plan_next(ctx, series.id, rec, after=start, known_since=timer.due_at)
    return outs


async def on_start(ctx: Context) -> None:
    """Make sure every configured series has its next occurrence stored (idempotent: a series
    already planned with the same schedule is left alone, so a restart repeats nothing)."""
    for rec in ctx.config.events.recurring:
        series = await ctx.store.events.series(rec.key, rec.schedule.text)
        pending = await ctx.store.timers.pending_for(SERIES_TIMER, series.id)
        if pending and series.schedule == rec.schedule.text and series.next_start is not None:
            continue
        await ctx.store.timers.cancel(SERIES_TIMER, series.id)
        await plan_next(ctx, series.id, rec, after=ctx.now, known_since=ctx.now)
