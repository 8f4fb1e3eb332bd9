"""Issue timers: acknowledgement reminders, escalation up the chain ("吹哨"), the "really
fixed?" follow-up, automatic closing and the daily digest.

Every timer is stored; the scheduler fires each exactly once. A handler re-checks the issue
when it fires (an acknowledged issue needs no reminder) and schedules its own successor, so a
bot that was down for hours sends one reminder on restart, not a burst.
"""

from __future__ import annotations

from bot.feature import Context
from bot.model import Kind, Mention, Outgoing, Role
from handlers import issue_texts as t
from handlers.issue_flow import (
    TIMER_ACK,
    TIMER_AUTO_CLOSE,
    TIMER_DIGEST,
    after_quiet,
    announce,
    change,
    escalation_recipients,
    group_chat,
    group_notice_on,
    in_quiet_hours,
    is_overdue,
    next_digest,
    queue_notice,
    reminder_recipients,
)
from handlers.issue_notices import send_reminder
from handlers.ratings import request_ratings
from storage.issues import Issue, IssueStatus
from storage.timers import Timer

DIGEST_REF = 0
# Open issues listed per part of the daily digest (about 5 ms of work; at 250, a part held
# the loop for 37 ms of CPU in the 100,000-message bench on a loaded machine).
DIGEST_PART = 120


async def _unacknowledged(timer: Timer, ctx: Context) -> Issue | None:
    """The issue if it still waits for acknowledgement and it is not quiet time for it;
    a timer that fires in quiet hours (after a restart) is moved to their end instead."""
    issue = await ctx.store.issues.get(timer.ref)
    if issue is None or issue.status is not IssueStatus.NEW:
        return None
    if in_quiet_hours(ctx.config, ctx.now, issue.urgent):
        later = after_quiet(ctx.config, ctx.now, issue.urgent)
        await ctx.store.timers.add(timer.kind, timer.ref, later, timer.payload)
        return None
    return issue


async def ack_reminder(timer: Timer, ctx: Context) -> list[Outgoing]:
    """Remind the building's heads privately (the grid workers when it has none); repeat
    until acknowledged or until the matter has reached the office (from then on the office
    owns it). A reminder is per recipient (payload "to") and sends itself
    (:func:`handlers.issue_notices.send_reminder`); a row written before that, with no
    recipient, becomes one due at once for each of the issue's recipients."""
    if isinstance(timer.payload.get("to"), str):
        return await send_reminder(timer, ctx)
    issue = await ctx.store.issues.get(timer.ref)
    if issue is None or issue.status is not IssueStatus.NEW:
        return []
    for chat in reminder_recipients(ctx.config, issue):
        await ctx.store.timers.add(TIMER_ACK, issue.number, timer.due_at, {"to": chat})
    return []


async def _escalate(timer: Timer, ctx: Context, level: int) -> list[Outgoing]:
    """吹哨: the next level is asked to 督办 (never the reporter: past them to the next)."""
    issue = await _unacknowledged(timer, ctx)
    if issue is None or issue.escalation >= level:
        return []
    reached, chats = escalation_recipients(ctx.config, issue, level)
    if not chats or issue.escalation >= reached:
        return []
    await ctx.store.issues.update(issue.number, ctx.now, escalation=reached)
    await ctx.store.issues.log(
        issue.number, ctx.now, "bot", "auto_escalate", t.LEVEL_NAMES[reached]
    )
    for chat in chats:
        await queue_notice(
            ctx, issue, chat, "escalate", since=timer.due_at, source=timer, level=reached
        )
    if group_notice_on(ctx.config):
        await queue_notice(
            ctx,
            issue,
            issue.chat,
            "escalate",
            since=timer.due_at,
            source=timer,
            level=reached,
            group=True,
        )
    return []


async def escalate_to_grid(timer: Timer, ctx: Context) -> list[Outgoing]:
    return await _escalate(timer, ctx, 1)


async def escalate_to_office(timer: Timer, ctx: Context) -> list[Outgoing]:
    return await _escalate(timer, ctx, 2)


async def ask_confirm(timer: Timer, ctx: Context) -> list[Outgoing]:
    """Ask the reporter once whether a resolved issue is really fixed."""
    issue = await ctx.store.issues.get(timer.ref)
    if issue is None or issue.status is not IssueStatus.RESOLVED:
        return []
    if in_quiet_hours(ctx.config, ctx.now, False):
        await ctx.store.timers.add(timer.kind, timer.ref, after_quiet(ctx.config, ctx.now, False))
        return []
    close_at = ctx.now + ctx.config.issues.auto_close_after
    await ctx.store.timers.add(TIMER_AUTO_CLOSE, issue.number, close_at)
    label = ctx.config.taxonomy.label(issue.category)
    return [
        Outgoing(
            issue.reporter,
            Kind.ISSUE_STATUS,
            t.ask_confirm(issue, label),
            issue=issue.number,
            mentions=(Mention(issue.reporter, issue.reporter_name),),
            fallback_chat=issue.chat,
        )
    ]


async def auto_close(timer: Timer, ctx: Context) -> list[Outgoing]:
    """No answer to the follow-up question: the issue is closed."""
    issue = await ctx.store.issues.get(timer.ref)
    if issue is None or issue.status is not IssueStatus.RESOLVED:
        return []
    issue = await change(ctx, issue, "bot", "auto_close", IssueStatus.CLOSED)
    return [await announce(ctx, issue, t.auto_closed(issue)), *await request_ratings(ctx, issue)]


async def digest(timer: Timer, ctx: Context) -> list[Outgoing]:
    """Each head gets the open issues of their buildings (nothing when none is open); the
    next digest is scheduled for the following day.

    A large district's digest goes out in parts of about DIGEST_PART issues: each part is a
    timer due at once whose payload says which head comes next, so the scheduler commits and
    lets messages in between parts (100,000 open issues take seconds to list)."""
    cfg = ctx.config
    start = int(timer.payload.get("from", 0))
    if start == 0:
        await ctx.store.timers.add(TIMER_DIGEST, DIGEST_REF, next_digest(cfg, ctx.now))
    day = str(timer.payload.get("day") or ctx.now.astimezone(cfg.timezone).strftime("%m-%d"))
    heads = [p for p in cfg.people if p.role is Role.HEAD]
    outs: list[Outgoing] = []
    listed = 0
    for k in range(start, len(heads)):
        if listed >= DIGEST_PART:
            await ctx.store.timers.add(
                TIMER_DIGEST, DIGEST_REF, timer.due_at, {"from": k, "day": day}
            )
            break
        head = heads[k]
        issues = await ctx.store.issues.open_in(head.buildings)
        listed += len(issues) + 1
        if not issues:
            continue
        overdue = [is_overdue(cfg, i, ctx.now) for i in issues]
        lines = [
            t.list_line(i, cfg.taxonomy.label(i.category), cfg.timezone, late)
            for i, late in zip(issues, overdue, strict=True)
        ]
        waiting = sum(1 for i in issues if i.status is IssueStatus.WAITING)
        outs.append(
            Outgoing(
                head.id,
                Kind.DIGEST,
                t.digest(day, lines, sum(overdue), waiting),
                fallback_chat=group_chat(cfg, head.buildings[0]) if head.buildings else None,
            )
        )
    return outs


async def schedule_digest(ctx: Context) -> None:
    """Start hook: make sure exactly one digest timer is pending (idempotent on restart)."""
    if not await ctx.store.timers.pending_for(TIMER_DIGEST, DIGEST_REF):
        await ctx.store.timers.add(TIMER_DIGEST, DIGEST_REF, next_digest(ctx.config, ctx.now))
