"""Notices: reminders, escalations (吹哨) and outcomes, one message per person at a time.

The timers of :mod:`handlers.issue_timers` do not send; they queue a notice (a timer of kind
``issue_notice`` whose payload names the recipient, see :func:`handlers.issue_flow.queue_notice`).
The first notice of a recipient to fire takes every other pending one of the same family
(reminders and escalations; outcomes) into one message listing the issues. Each is checked
again when it goes out: an issue acknowledged in the meantime drops out of a reminder.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from bot.feature import Context
from bot.model import Kind, Mention, Outgoing
from handlers import issue_texts as t
from handlers.issue_flow import (
    TIMER_NOTICE,
    after_quiet,
    in_quiet_hours,
    record_nudge_sent,
    waking_between,
)
from storage.issues import Issue, IssueStatus
from storage.timers import Timer

OUTCOME = "outcome"


def _family(what: object) -> str:
    return OUTCOME if what == OUTCOME else "nudge"


@dataclass(frozen=True, slots=True)
class _Item:
    issue: Issue
    what: str
    timer: Timer


async def _batch(timer: Timer, ctx: Context) -> list[Timer]:
    """``timer`` and every pending notice for the same recipient and family (taken: done)."""
    to, family = timer.payload.get("to"), _family(timer.payload.get("what"))
    batch = [timer]
    if not isinstance(to, str):
        return batch
    for other in await ctx.store.timers.pending_to(TIMER_NOTICE, to):
        if (
            other.id != timer.id
            and other.payload.get("to") == to
            and _family(other.payload.get("what")) == family
            and await ctx.store.timers.done(other.id)
        ):
            batch.append(other)
    return batch


async def send_notices(timer: Timer, ctx: Context) -> list[Outgoing]:
    to = timer.payload.get("to")
    if not isinstance(to, str):
        return []
    if await ctx.store.timers.others_due(TIMER_NOTICE, ctx.now):
        # Reminders and escalations still due in this tick may add to the batch: go after
        # them (the scheduler's next round), so that a batch is the same whatever order the
        # timers fire in, also after a crash in the middle of a tick.
        await ctx.store.timers.add(TIMER_NOTICE, timer.ref, timer.due_at, timer.payload)
        return []
    batch = await _batch(timer, ctx)
    items: list[_Item] = []
    seen: set[tuple[int, str, str]] = set()
    for tm in sorted(batch, key=lambda x: x.ref):
        what = str(tm.payload.get("what"))
        issue = await ctx.store.issues.get(tm.ref)
        key = (tm.ref, what, str(tm.payload.get("outcome", "")))
        if issue is None or key in seen:
            continue
        if what != OUTCOME and issue.status is not IssueStatus.NEW:
            continue  # acknowledged (or closed) since: no reminder, no 督办
        seen.add(key)
        items.append(_Item(issue, what, tm))
    if not items:
        return []
    if all(not i.issue.urgent for i in items) and in_quiet_hours(ctx.config, ctx.now, False):
        # Fired late (after a restart) in quiet hours: the whole batch waits for the morning.
        later = after_quiet(ctx.config, ctx.now, False)
        for item in items:
            await ctx.store.timers.add(TIMER_NOTICE, item.issue.number, later, item.timer.payload)
        return []
    if _family(items[0].what) == OUTCOME:
        return [_outcome_message(ctx, to, items)]
    await record_nudge_sent(ctx, to)
    if any(i.timer.payload.get("group") for i in items):
        return [_group_message(ctx, to, items)]
    return [_nudge_message(ctx, to, items)]


def _label(ctx: Context, issue: Issue) -> str:
    return ctx.config.taxonomy.label(issue.category)


def _waited(ctx: Context, item: _Item) -> t.Waited:
    """How long the issue had waited when the notice was due (waiting for the batch and a
    late tick are the bot's delay, not the head's)."""
    issue = item.issue
    since = item.timer.payload.get("since")
    until = ctx.now
    if isinstance(since, int | float):
        due = datetime.fromtimestamp(since, UTC)
        # Fired late (after a restart): as long as it really waited, less the batch's wait.
        until = max(until - max(item.timer.due_at - due, timedelta(0)), due)
    until = min(max(until, issue.created_at), ctx.now)
    waking = (
        until - issue.created_at
        if issue.urgent
        else waking_between(ctx.config, issue.created_at, until)
    )
    return t.Waited(
        since=issue.created_at, real=until - issue.created_at, waking=waking, tz=ctx.config.timezone
    )


def _addressed(ctx: Context, to: str, kind: Kind, text: str, issues: list[Issue]) -> Outgoing:
    numbers = tuple(i.number for i in issues)
    person = ctx.config.person_by_id.get(to)
    return Outgoing(
        to,
        kind,
        text,
        issue=numbers[0],
        issues=numbers if len(numbers) > 1 else (),
        mentions=(Mention(person.id, person.name),) if person else (),
        fallback_chat=issues[0].chat if person else None,
    )


def _nudge_message(ctx: Context, to: str, items: list[_Item]) -> Outgoing:
    escalations = [i for i in items if i.what == "escalate"]
    reminders = [i for i in items if i.what == "remind"]
    parts: list[str] = []
    if escalations:
        lines = [(i.issue, _label(ctx, i.issue), _waited(ctx, i)) for i in escalations]
        parts.append(t.escalations(lines))
    if reminders:
        lines = [(i.issue, _label(ctx, i.issue), _waited(ctx, i)) for i in reminders]
        parts.append(t.ack_reminders(lines))
    kind = Kind.ESCALATION if escalations else Kind.ACK_REMINDER
    ordered = [i.issue for i in escalations] + [i.issue for i in reminders]
    unique = list({i.number: i for i in ordered}.values())
    return _addressed(ctx, to, kind, "\n".join(parts), unique)


def _group_message(ctx: Context, to: str, items: list[_Item]) -> Outgoing:
    issues = [i.issue for i in items]
    level = max(int(i.timer.payload.get("level", 1)) for i in items)
    return Outgoing(
        to,
        Kind.ISSUE_STATUS,
        t.escalated_neutral([i.number for i in issues], t.LEVEL_NAMES[level]),
        issue=issues[0].number,
        issues=tuple(i.number for i in issues) if len(issues) > 1 else (),
    )


def _outcome_message(ctx: Context, to: str, items: list[_Item]) -> Outgoing:
    lines = [
        t.Outcome(
            issue=i.issue,
            label=_label(ctx, i.issue),
            outcome=str(i.timer.payload.get("outcome")),
            by=str(i.timer.payload.get("by") or ""),
            note=i.timer.payload.get("note"),
        )
        for i in items
    ]
    return _addressed(ctx, to, Kind.ISSUE_STATUS, t.outcomes(lines), [i.issue for i in items])
