"""When patrols happen: rounds from the ``[[patrols]]`` schedules, reminders and escalation.

Every due time is a stored timer, so a restart neither repeats nor loses one:

- ``patrol_round`` (ref: series id, payload ``at``) fires at a scheduled occurrence: each of the
  patrol's buildings gets a numbered round and its heads a private ``patrol_reminder``; the
  series' next occurrence is stored with its own timer.
- ``patrol_due`` (ref: round number) fires at the round's due time: still open, the heads are
  reminded (``patrol_reminder``), and the escalation steps are planned.
- ``patrol_escalate`` (ref: round number, payload ``level``) tells the grid worker (level 1)
  and then the office chat (level 2), as for an unacknowledged issue (``escalation``).
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from bot.config import Person
from bot.config.civic import Patrol
from bot.feature import Context
from bot.model import Kind, Mention, Outgoing
from handlers import patrol_texts as t
from handlers.issue_flow import after_quiet
from storage.patrols import PatrolRound
from storage.timers import Timer

log = logging.getLogger(__name__)

ROUND_TIMER = "patrol_round"
DUE_TIMER = "patrol_due"
ESCALATE_TIMER = "patrol_escalate"
ROUND_TIMERS = (DUE_TIMER, ESCALATE_TIMER)


def buildings_of(ctx: Context, patrol: Patrol) -> tuple[str, ...]:
    return patrol.buildings or tuple(b.name for b in ctx.config.buildings)


def responsible(ctx: Context, building: str) -> list[Person]:
    """Who does the patrol: the building's heads (its grid workers when it has none)."""
    return ctx.config.heads_of(building) or ctx.config.grid_workers_of(building)


def _private(ctx: Context, person: Person, r: PatrolRound, kind: Kind, text: str) -> Outgoing:
    chats = ctx.config.group_chats(r.building)
    return Outgoing(
        person.id,
        kind,
        text,
        mentions=(Mention(person.id, person.name),),
        fallback_chat=chats[0] if chats else None,
    )


async def plan_next(ctx: Context, series_id: int, patrol: Patrol, after: datetime) -> None:
    """Store the first occurrence after ``after`` with its timer."""
    start = patrol.schedule.next_after(after, ctx.config.timezone)
    await ctx.store.patrols.set_next(series_id, patrol.schedule.text, start)
    if start is None:
        log.info("patrol has no further occurrence patrol=%s", patrol.name)
        return
    await ctx.store.timers.add(ROUND_TIMER, series_id, start, {"at": start.timestamp()})


async def on_start(ctx: Context) -> None:
    """Every configured patrol has its next occurrence planned (idempotent)."""
    for patrol in ctx.config.patrols.patrols:
        series = await ctx.store.patrols.series(patrol.name, patrol.schedule.text)
        pending = await ctx.store.timers.pending_for(ROUND_TIMER, series.id)
        if pending and series.schedule == patrol.schedule.text and series.next_at is not None:
            continue
        await ctx.store.timers.cancel(ROUND_TIMER, series.id)
        await plan_next(ctx, series.id, patrol, ctx.now)


async def on_round(timer: Timer, ctx: Context) -> list[Outgoing]:
    series = await ctx.store.patrols.series_by_id(timer.ref)
    if series is None or series.next_at is None:
        return []
    if series.next_at.timestamp() != timer.payload.get("at"):
        return []  # superseded: the schedule changed and was planned again
    patrol = ctx.config.patrols.get(series.key)
    if patrol is None or patrol.schedule.text != series.schedule:
        log.info("patrol no longer configured as planned patrol=%s", series.key)
        return []
    # From now, so that occurrences missed while the bot was down are not caught up.
    await plan_next(ctx, series.id, patrol, max(timer.due_at, ctx.now))
    if ctx.now - timer.due_at > patrol.due_within:
        log.warning(
            "patrol round skipped patrol=%s due_at=%s now=%s (missed while down)",
            patrol.name,
            timer.due_at.isoformat(),
            ctx.now.isoformat(),
        )
        return []
    outs: list[Outgoing] = []
    for building in buildings_of(ctx, patrol):
        due = timer.due_at + patrol.due_within
        r = await ctx.store.patrols.create_round(
            patrol.name, building, timer.due_at, patrol.checklist, due, ctx.now
        )
        if r is None:
            continue
        await ctx.store.timers.add(DUE_TIMER, r.number, after_quiet(ctx.config, due, False))
        text = t.reminder(r, due.astimezone(ctx.config.timezone), ctx.local_now())
        outs += [
            _private(ctx, p, r, Kind.PATROL_REMINDER, text) for p in responsible(ctx, building)
        ]
    return outs


async def on_due(timer: Timer, ctx: Context) -> list[Outgoing]:
    r = await ctx.store.patrols.get(timer.ref)
    if r is None or not r.is_open:
        return []
    patrol = ctx.config.patrols.get(r.patrol)
    step = patrol.escalate_after if patrol else timedelta(days=1)
    for level in (1, 2):
        await ctx.store.timers.add(
            ESCALATE_TIMER, r.number, ctx.now + step * level, {"level": level}
        )
    due = r.due_at.astimezone(ctx.config.timezone)
    text = t.overdue(r, due, ctx.local_now())
    return [_private(ctx, p, r, Kind.PATROL_REMINDER, text) for p in responsible(ctx, r.building)]


async def on_escalate(timer: Timer, ctx: Context) -> list[Outgoing]:
    r = await ctx.store.patrols.get(timer.ref)
    level = int(timer.payload.get("level", 1))
    if r is None or not r.is_open or r.escalation >= level:
        return []
    await ctx.store.patrols.set_escalation(r.number, level)
    cfg = ctx.config
    heads = "、".join(p.name for p in cfg.heads_of(r.building)) or "无"
    text = t.escalated(r, r.due_at.astimezone(cfg.timezone), ctx.local_now(), heads)
    workers = cfg.grid_workers_of(r.building)
    if level == 1 and workers:
        return [_private(ctx, p, r, Kind.ESCALATION, text) for p in workers]
    if level == 2 and not workers:
        return []  # the first step already went to the office
    if cfg.office_chat:
        return [Outgoing(cfg.office_chat, Kind.ESCALATION, text)]
    return [_private(ctx, p, r, Kind.ESCALATION, text) for p in cfg.admins()]
