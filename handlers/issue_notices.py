"""Notices: reminders, escalations (吹哨) and outcomes, one message per person at a time.

An acknowledgement reminder is a timer per issue and recipient (``issue_ack_reminder``,
payload "to") that sends itself when it is due: the work of a reminder is one timer, one
read of the issue, one message. Escalations and outcomes are queued as notices (timers of
kind ``issue_notice`` whose payload names the recipient, see
:func:`handlers.issue_flow.queue_notice`). Whichever of a recipient's reminders and notices
fires first takes every other one due for the same person and family (reminders and
escalations; outcomes) into one message listing the issues; a reminder that falls within
``batch_window`` of the last one sent to the person, or finds a notice of theirs waiting,
becomes a notice that waits with it. Each issue is checked again when it goes out: an issue
acknowledged in the meantime drops out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from bot.feature import Context
from bot.model import Kind, Mention, Outgoing
from bot.records import quick_init
from handlers import issue_texts as t
from handlers.issue_flow import (
    TIMER_ACK,
    TIMER_NOTICE,
    after_quiet,
    batched_due,
    first_nudge_due,
    in_quiet_hours,
    queued_order,
    rearm_reminder,
    record_nudge_sent,
    reminder_recipients,
    waking_between,
)
from storage.issues import Issue, IssueStatus
from storage.timers import Timer

OUTCOME = "outcome"
NUDGE = "nudge"
# The kinds a recipient's batch is made of; both fire after every other due timer.
BATCHED = (TIMER_NOTICE, TIMER_ACK)
# Issues in one message at most; the rest go in the next ones, in the same tick. A batch is
# built in one go without yielding to the loop: a night of reports escalated to the office
# at once (700 issues in the 100,000-message bench) held the loop for 48 ms of CPU, and
# made a message of 66,000 characters (Telegram splits at 4,096: about 30 issues).
MAX_ISSUES = 30
# A recipient's pending rows read to make a batch (oldest due first): enough for a full one
# without decoding every row of an office with hundreds waiting.
LOOK_AHEAD = 4 * MAX_ISSUES


def _family(what: object) -> str:
    return OUTCOME if what == OUTCOME else NUDGE


@quick_init
@dataclass(frozen=True, slots=True)
class _Item:
    issue: Issue
    what: str
    timer: Timer
    due: datetime  # when its message was due (a reminder's, later when it joined a batch)


def _what(tm: Timer) -> str:
    return "remind" if tm.kind == TIMER_ACK else str(tm.payload.get("what"))


async def _take(
    ctx: Context, first: Timer, to: str, family: str, pending: list[Timer]
) -> list[Timer]:
    """``first`` and every other of ``pending`` (the recipient's) for the same family: the
    notices, and the reminders that are due (taken: done), up to ``MAX_ISSUES``."""
    batch = [first]
    for other in pending:
        if len(batch) >= MAX_ISSUES:
            break  # the others are still due: the next message takes them
        if other.id == first.id or other.payload.get("to") != to:
            continue
        if other.kind == TIMER_ACK:
            if family != NUDGE or other.due_at > ctx.now:
                continue  # a later reminder: not due yet
        elif _family(other.payload.get("what")) != family:
            continue
        if await ctx.store.timers.done(other.id):
            batch.append(other)
    return batch


async def _due_reminder(ctx: Context, tm: Timer, issue: Issue | None) -> Issue | None:
    """The issue of a due reminder ``tm`` if it still waits for acknowledgement, its next
    reminder armed; in quiet hours (a late fire after a restart) the reminder moves to
    their end instead."""
    if issue is None or issue.status is not IssueStatus.NEW:
        return None
    to = str(tm.payload["to"])
    recipients = reminder_recipients(ctx.config, issue)
    if to not in recipients:
        # The config changed since the row was written (another head): whoever is to be
        # reminded now takes over, from now, each once.
        pending = {
            str(r.payload.get("to"))
            for r in await ctx.store.timers.pending_for(TIMER_ACK, issue.number)
        }
        for chat in recipients:
            if chat not in pending:
                await ctx.store.timers.add(TIMER_ACK, issue.number, tm.due_at, {"to": chat})
        return None
    if in_quiet_hours(ctx.config, ctx.now, issue.urgent):
        later = after_quiet(ctx.config, ctx.now, issue.urgent)
        await ctx.store.timers.add(TIMER_ACK, issue.number, later, {"to": to})
        return None
    await rearm_reminder(ctx, issue, to, tm.due_at)
    return issue


async def send_reminder(timer: Timer, ctx: Context) -> list[Outgoing]:
    """A reminder to one recipient is due: it goes now, with every other reminder and
    notice of the same person that is due, or joins the notice waiting for them (batch
    window, quiet hours) as a notice of its own."""
    to = str(timer.payload["to"])
    issue = await _due_reminder(ctx, timer, await ctx.store.issues.get(timer.ref))
    if issue is None:
        return []
    pending = await ctx.store.timers.pending_to(BATCHED, to, limit=LOOK_AHEAD)
    due = timer.due_at
    if not issue.urgent:
        due = await batched_due(ctx, to, due, first_nudge_due(pending))
    due = after_quiet(ctx.config, due, issue.urgent)
    if due != timer.due_at:
        # Held back (batch window, quiet hours): a notice due then, which goes out in its
        # turn among the others due then, also when that is already past (a late tick).
        since = timer.due_at.timestamp()
        payload = {"to": to, "what": "remind", "since": since}
        payload["order"] = queued_order(ctx, timer)
        await ctx.store.timers.add(TIMER_NOTICE, issue.number, due, payload)
        return []
    batch = await _take(ctx, timer, to, NUDGE, pending)
    return await _send(ctx, to, NUDGE, batch, due, {timer.id: issue})


async def send_notices(timer: Timer, ctx: Context) -> list[Outgoing]:
    to = timer.payload.get("to")
    if not isinstance(to, str):
        return []
    if ctx.store.timers.shared and await ctx.store.timers.others_due(BATCHED, ctx.now):
        # Reminders and escalations still due in this tick (another worker's) may add to
        # the batch: go after them (the scheduler's next round), so that a batch is the
        # same whatever order the timers fire in. One process needs no look: the
        # scheduler fires these kinds only once nothing else is due.
        await ctx.store.timers.add(TIMER_NOTICE, timer.ref, timer.due_at, timer.payload)
        return []
    family = _family(timer.payload.get("what"))
    kinds = BATCHED if family == NUDGE else (TIMER_NOTICE,)
    pending = await ctx.store.timers.pending_to(kinds, to, limit=LOOK_AHEAD)
    batch = await _take(ctx, timer, to, family, pending)
    return await _send(ctx, to, family, batch, timer.due_at, {})


async def _send(
    ctx: Context,
    to: str,
    family: str,
    batch: list[Timer],
    due: datetime,
    known: dict[int, Issue],
) -> list[Outgoing]:
    """The message of a recipient's batch, which was due at ``due`` (``known``: issues of
    reminders already checked)."""
    items: list[_Item] = []
    seen: set[tuple[int, str, str]] = set()
    for tm in sorted(batch, key=lambda x: x.ref):
        what = _what(tm)
        if tm.id in known:
            issue: Issue | None = known[tm.id]
        elif tm.kind == TIMER_ACK:
            issue = await _due_reminder(ctx, tm, await ctx.store.issues.get(tm.ref))
        else:
            issue = await ctx.store.issues.get(tm.ref)
        key = (tm.ref, what, str(tm.payload.get("outcome", "")))
        if issue is None or key in seen:
            continue
        if what != OUTCOME and issue.status is not IssueStatus.NEW:
            continue  # acknowledged (or closed) since: no reminder, no 督办
        seen.add(key)
        # A reminder that joins the batch was due when the batch was, as a notice would be.
        items.append(
            _Item(issue, what, tm, max(tm.due_at, due) if tm.kind == TIMER_ACK else tm.due_at)
        )
    if not items:
        return []
    if all(not i.issue.urgent for i in items) and in_quiet_hours(ctx.config, ctx.now, False):
        # Fired late (after a restart) in quiet hours: the whole batch waits for the morning.
        later = after_quiet(ctx.config, ctx.now, False)
        for item in items:
            payload = item.timer.payload
            if item.timer.kind == TIMER_ACK:
                payload = {"to": to, "what": "remind", "since": item.timer.due_at.timestamp()}
            await ctx.store.timers.add(TIMER_NOTICE, item.issue.number, later, payload)
        return []
    if family == OUTCOME:
        return [_outcome_message(ctx, to, items)]
    await record_nudge_sent(ctx, to)
    if any(i.timer.payload.get("group") for i in items):
        return [_group_message(ctx, to, items)]
    return [_nudge_message(ctx, to, items)]


def _label(ctx: Context, issue: Issue) -> str:
    return ctx.config.taxonomy.label(issue.category)


_NO_SINCE = object()


def _waited(ctx: Context, item: _Item) -> t.Waited:
    """How long the issue had waited when the notice was due (waiting for the batch and a
    late tick are the bot's delay, not the head's)."""
    issue = item.issue
    since = item.timer.payload.get("since", _NO_SINCE)
    until = ctx.now
    if since is _NO_SINCE:
        # A reminder: it was due when its row was (the same instant as converting the row's
        # stored time back and forth).
        due: datetime | None = item.timer.due_at
    elif isinstance(since, (int, float)):
        due = datetime.fromtimestamp(since, UTC)
    else:
        due = None
    if due is not None:
        # Fired late (after a restart): as long as it really waited, less the batch's wait.
        until = max(until - max(item.due - due, timedelta(0)), due)
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
