"""Rules of the issue lifecycle shared by the commands and the timers: who may act on an
issue, how deadlines are computed (quiet hours, paused clock), how a change is applied and
who is told about it."""

from __future__ import annotations

import functools
from datetime import UTC, datetime, timedelta, tzinfo
from typing import Any

from bot.config import Config, Person
from bot.config.issues import Escalation, GroupNotice, QuietHours
from bot.feature import Context
from bot.model import Incoming, Kind, Mention, Outgoing, Role
from handlers import issue_texts as t
from storage.issues import Issue, IssueStatus
from storage.timers import Timer

# Timer kinds (ref = issue number; the digest uses ref 0).
# The next acknowledgement reminder of an issue to one recipient (payload "to"); it sends
# itself (with whatever else is due for the same person) and re-arms. Rows written before
# reminders were per recipient have an empty payload and stand for all the issue's
# recipients (handlers/issue_timers.py turns them into per-recipient rows when they fire).
TIMER_ACK = "issue_ack_reminder"
TIMER_GRID = "issue_escalate_grid"
TIMER_OFFICE = "issue_escalate_office"
TIMER_CONFIRM = "issue_confirm"
TIMER_AUTO_CLOSE = "issue_auto_close"
TIMER_DIGEST = "issue_digest"
# A reminder, escalation or outcome waiting to be sent to one person or chat (payload "to");
# the first to fire takes every pending one for the same recipient into one message.
TIMER_NOTICE = "issue_notice"
# Outcomes go a minute later, so that "收到 3" and "办结 3" said together arrive as one message
# (and a notice is never due at the very moment of the message that caused it).
OUTCOME_DELAY = timedelta(minutes=1)
ACK_TIMERS = (TIMER_ACK, TIMER_GRID, TIMER_OFFICE)
FOLLOW_UP_TIMERS = (TIMER_CONFIRM, TIMER_AUTO_CLOSE)
STAFF_ROLES = (Role.HEAD, Role.GRID_WORKER, Role.ADMIN)


class Refused(Exception):
    """An action is not allowed or not possible; ``reply`` says so politely, nothing changed."""

    def __init__(self, reply: Outgoing) -> None:
        super().__init__(reply.text)
        self.reply = reply


def escalation_for(config: Config, issue: Issue) -> Escalation:
    return config.issues.urgent if issue.urgent else config.issues.normal


def after_quiet(config: Config, when: datetime, urgent: bool) -> datetime:
    """``when``, or the end of quiet hours if ``when`` falls inside them (urgent never waits)."""
    quiet = config.issues.quiet_hours
    if urgent or quiet is None:
        return when
    return _after_quiet(quiet, config.timezone, when)


def _after_quiet(quiet: QuietHours, tz: tzinfo, when: datetime) -> datetime:
    local = when.astimezone(tz)
    if not quiet.contains(local.time()):
        return when
    end = local.replace(hour=quiet.end.hour, minute=quiet.end.minute, second=0, microsecond=0)
    if end <= local:
        end += timedelta(days=1)
    return end


def waking_add(config: Config, start: datetime, duration: timedelta, urgent: bool) -> datetime:
    """``start + duration`` counting only time outside quiet hours (urgent: plain addition).

    Escalation is measured on this clock, so a report at 23:30 reaches the grid worker two
    waking hours after 07:00 instead of together with the head's first reminder at 07:00.
    """
    quiet = config.issues.quiet_hours
    if urgent or quiet is None or quiet.start == quiet.end:
        return start + duration
    return _waking_add(quiet, config.timezone, start, start.tzinfo, duration)


# Each re-armed reminder asks when its issue reaches the office: the same question for an
# issue every time (about 6 µs of time-zone arithmetic; 10,700 re-arms in the 20,000-message
# replay). The answer depends on nothing else, so it is kept. ``start`` is in the key with
# its time zone: equal instants in other zones are other keys (the answer may be ``start``).
@functools.lru_cache(maxsize=4096)
def _waking_add(
    quiet: QuietHours, tz: tzinfo, start: datetime, start_tz: tzinfo | None, duration: timedelta
) -> datetime:
    at = _after_quiet(quiet, tz, start)
    remaining = duration
    for _ in range(1000):  # each round crosses one quiet period
        local = at.astimezone(tz)
        quiet_start = local.replace(
            hour=quiet.start.hour, minute=quiet.start.minute, second=0, microsecond=0
        )
        if quiet_start <= local:
            quiet_start += timedelta(days=1)
        awake = quiet_start - local
        if remaining <= awake:
            return at + remaining
        remaining -= awake
        at = _after_quiet(quiet, tz, quiet_start)
    return at + remaining


def waking_between(config: Config, start: datetime, end: datetime) -> timedelta:
    """The time from ``start`` to ``end`` outside quiet hours (all of it without them)."""
    quiet = config.issues.quiet_hours
    if quiet is None or quiet.start == quiet.end:
        return max(end - start, timedelta(0))
    total = timedelta(0)
    at = after_quiet(config, start, False)
    for _ in range(1000):  # each round crosses one quiet period
        if at >= end:
            break
        local = at.astimezone(config.timezone)
        quiet_start = local.replace(
            hour=quiet.start.hour, minute=quiet.start.minute, second=0, microsecond=0
        )
        if quiet_start <= local:
            quiet_start += timedelta(days=1)
        if end <= quiet_start:
            total += end - at
            break
        total += quiet_start - at
        at = after_quiet(config, quiet_start, False)
    return total


def in_quiet_hours(config: Config, now: datetime, urgent: bool) -> bool:
    return after_quiet(config, now, urgent) != now


def next_digest(config: Config, now: datetime) -> datetime:
    """The first digest time (local ``digest_at``) strictly after ``now``."""
    local = now.astimezone(config.timezone)
    at = config.issues.digest_at
    due = local.replace(hour=at.hour, minute=at.minute, second=0, microsecond=0)
    if due <= local:
        due += timedelta(days=1)
    return due


def resolution_due(config: Config, issue: Issue, now: datetime) -> datetime:
    """When the issue should be resolved: report time plus the category's target, shifted by
    the time spent waiting (the clock stands still while waiting on a third party)."""
    paused = timedelta(seconds=issue.paused_seconds)
    if issue.status is IssueStatus.WAITING and issue.paused_at is not None:
        paused += now - issue.paused_at
    return issue.created_at + config.issues.target_for(issue.category) + paused


def is_overdue(config: Config, issue: Issue, now: datetime) -> bool:
    if not issue.is_open or issue.status is IssueStatus.WAITING:
        return False
    return now > resolution_due(config, issue, now)


def may_manage(config: Config, issue: Issue, user: str) -> bool:
    """Heads and grid workers of the issue's building, and admins."""
    return config.role_of(user, issue.building) in STAFF_ROLES


def buildings_of(config: Config, user: str) -> tuple[str, ...]:
    """The buildings ``user`` looks after (every building for an admin)."""
    person = config.person_by_id.get(user)
    if person is None:
        return ()
    if person.role is Role.ADMIN:
        return tuple(b.name for b in config.buildings)
    return person.buildings


def group_chat(config: Config, building: str) -> str | None:
    chats = config.group_chats(building)
    return chats[0] if chats else None


def private_to(person: Person, text: str, kind: Kind, issue: Issue) -> Outgoing:
    """A private message about ``issue``; the building group is the fallback."""
    return Outgoing(
        person.id,
        kind,
        text,
        issue=issue.number,
        mentions=(Mention(person.id, person.name),),
        fallback_chat=issue.chat,
    )


async def audience(ctx: Context, issue: Issue) -> tuple[Mention, ...]:
    """The reporter and every follower, each once, reporter first."""
    seen = {issue.reporter}
    people = [Mention(issue.reporter, issue.reporter_name)]
    for user, name in await ctx.store.issues.followers(issue.number):
        if user not in seen:
            seen.add(user)
            people.append(Mention(user, name))
    return tuple(people)


async def announce(ctx: Context, issue: Issue, text: str) -> Outgoing:
    """An ``issue_status`` in the issue's group, mentioning the reporter and followers."""
    return Outgoing(
        issue.chat, Kind.ISSUE_STATUS, text, issue=issue.number, mentions=await audience(ctx, issue)
    )


async def load(ctx: Context, msg: Incoming, number: int) -> Issue:
    issue = await ctx.store.issues.get(number)
    if issue is None:
        raise Refused(Outgoing(msg.chat, Kind.ERROR, t.not_found(number), issue=number))
    return issue


async def load_managed(ctx: Context, msg: Incoming, number: int) -> Issue:
    """The issue, if ``msg``'s sender may manage it; otherwise :class:`Refused`."""
    issue = await load(ctx, msg, number)
    if not may_manage(ctx.config, issue, msg.sender):
        # Staff of another building are told why; residents are told who may do it.
        text = t.not_yours(number) if msg.sender in ctx.config.person_by_id else t.STAFF_ONLY
        raise Refused(Outgoing(msg.chat, Kind.ERROR, text, issue=number))
    return issue


def refuse(msg: Incoming, issue: Issue, text: str) -> Refused:
    return Refused(Outgoing(msg.chat, Kind.ERROR, text, issue=issue.number))


async def schedule_ack_timers(ctx: Context, issue: Issue, since: datetime | None = None) -> None:
    """Acknowledgement reminder and both escalation steps, measured from the report (or from
    ``since``: when a merged report made the issue urgent)."""
    esc = escalation_for(ctx.config, issue)
    start = since or issue.created_at
    first_reminder = after_quiet(ctx.config, start + esc.ack_due, issue.urgent)
    for chat in reminder_recipients(ctx.config, issue):
        await ctx.store.timers.add(TIMER_ACK, issue.number, first_reminder, {"to": chat})
    for kind, after in ((TIMER_GRID, esc.to_grid_after), (TIMER_OFFICE, esc.to_office_after)):
        due = waking_add(ctx.config, start, after, issue.urgent)
        await ctx.store.timers.add(kind, issue.number, due)


def reminder_recipients(config: Config, issue: Issue) -> list[str]:
    """Who is reminded to acknowledge: the building's heads privately (the grid workers,
    else the office, when it has none)."""
    heads = [p.id for p in config.heads_of(issue.building)]
    return heads or escalation_recipients(config, issue, 1)[1]


async def rearm_reminder(ctx: Context, issue: Issue, to: str, due_at: datetime) -> None:
    """The reminder to ``to`` that was due at ``due_at`` went out (or joined a batch): the
    next one every ``reminder_every`` from it (after a restart, from now), until the matter
    reaches the office (from then on the office owns it)."""
    esc = escalation_for(ctx.config, issue)
    following = due_at + esc.reminder_every
    if following <= ctx.now:
        following = ctx.now + esc.reminder_every
    if following <= waking_add(ctx.config, issue.created_at, esc.to_office_after, issue.urgent):
        due = after_quiet(ctx.config, following, issue.urgent)
        await ctx.store.timers.add(TIMER_ACK, issue.number, due, {"to": to})


def urgent_alerts(ctx: Context, issue: Issue, text: str) -> list[Outgoing]:
    """``text`` privately to the building's heads and grid workers, except the reporter."""
    staff = [
        *ctx.config.heads_of(issue.building),
        *ctx.config.grid_workers_of(issue.building),
    ]
    return [private_to(p, text, Kind.ISSUE_ALERT, issue) for p in staff if p.id != issue.reporter]


async def upgrade_to_urgent(ctx: Context, issue: Issue, msg: Incoming, text: str) -> list[Outgoing]:
    """An urgent report merged into an ordinary issue: the issue becomes urgent, the staff
    are alerted at once and, while nobody has acknowledged it, its reminders and escalation
    follow the urgent schedule from now on."""
    await ctx.store.issues.update(issue.number, ctx.now, urgent=True)
    await ctx.store.issues.log(issue.number, ctx.now, msg.sender, "urgent", text[:200])
    upgraded = await ctx.store.issues.get(issue.number)
    assert upgraded is not None
    if upgraded.status is IssueStatus.NEW:
        await cancel_timers(ctx, issue.number, ACK_TIMERS)
        await schedule_ack_timers(ctx, upgraded, since=ctx.now)
    label = ctx.config.taxonomy.label(upgraded.category)
    alert = t.urgent_upgrade_alert(upgraded, label, text, msg.sender_name)
    return urgent_alerts(ctx, upgraded, alert)


async def queue_notice(
    ctx: Context,
    issue: Issue,
    to: str,
    what: str,
    since: datetime | None = None,
    source: Timer | None = None,
    **extra: Any,
) -> None:
    """Queue a notice about ``issue`` for chat ``to`` (``what``: remind, escalate, outcome).

    Reminders and escalations are batched on the leading edge: one for a recipient who got
    none in the last ``batch_window`` and has none pending is due when it is due (``since``);
    otherwise it joins the pending one, or waits until ``batch_window`` after the last one
    sent, and the first to fire takes all of them. Urgent ones go at the next tick, outcomes
    a minute later. Nothing but urgent matters is sent in quiet hours. The decision reads only
    stored state and the clock, so a crash in the middle of a tick changes nothing."""
    due = since or ctx.now
    payload = {"to": to, "what": what, "since": due.timestamp(), **extra}
    payload["order"] = queued_order(ctx, source)
    if what == "outcome":
        due += OUTCOME_DELAY
    elif not issue.urgent:
        first = await ctx.store.timers.first_due_to(TIMER_NOTICE, to, "outcome")
        due = await batched_due(ctx, to, due, first)
    due = after_quiet(ctx.config, due, issue.urgent)
    await ctx.store.timers.add(TIMER_NOTICE, issue.number, due, payload)


def queued_order(ctx: Context, by: Timer | None) -> list[float]:
    """A notice's place among those due at the same time (bot/scheduler.py: ``_place``):
    queued now, by the timer ``by`` (or by a message)."""
    if by is None:
        return [ctx.now.timestamp(), ctx.now.timestamp(), 0]
    return [ctx.now.timestamp(), by.due_at.timestamp(), by.id]


def _last_nudge_key(to: str) -> str:
    return f"issues.last_nudge:{to}"


async def record_nudge_sent(ctx: Context, to: str) -> None:
    """Remember that a reminder or escalation message to ``to`` was built now (inside the
    firing transaction), for :func:`queue_notice`'s batching."""
    await ctx.store.kv.set(_last_nudge_key(to), repr(ctx.now.timestamp()))


def first_nudge_due(pending: list[Timer]) -> datetime | None:
    """When the first of ``pending`` (a recipient's timers, oldest due first) that is a
    reminder or escalation notice is due."""
    for tm in pending:
        if tm.kind == TIMER_NOTICE and tm.payload.get("what") != "outcome":
            return tm.due_at
    return None


async def batched_due(ctx: Context, to: str, due: datetime, first: datetime | None) -> datetime:
    """When a normal reminder or escalation due at ``due`` for ``to`` goes out, given when
    the first reminder or escalation notice pending for ``to`` is due (None: none is)."""
    if first is not None:
        return max(due, first)  # joins it: the first to fire takes the others
    last = await ctx.store.kv.get(_last_nudge_key(to))
    if last is None:
        return due
    window = ctx.config.issues.batch_window
    return max(due, datetime.fromtimestamp(float(last), UTC) + window)


def escalation_recipients(config: Config, issue: Issue, level: int) -> tuple[int, list[str]]:
    """Who is asked to 督办 at ``level`` (1: the grid workers, 2: the office), never the
    reporter: a level with nobody left goes on to the next. Returns the level reached and
    the chats (a person's id for a private chat)."""
    if level <= 1:
        workers = [p.id for p in config.grid_workers_of(issue.building) if p.id != issue.reporter]
        if workers:
            return 1, workers
    if config.office_chat:
        return 2, [config.office_chat]
    return 2, [p.id for p in config.admins() if p.id != issue.reporter]


def escalated_to(config: Config, issue: Issue) -> list[str]:
    """Every chat the issue has been escalated to so far, each once."""
    chats: list[str] = []
    for level in range(1, issue.escalation + 1):
        for chat in escalation_recipients(config, issue, level)[1]:
            if chat not in chats:
                chats.append(chat)
    return chats


def group_notice_on(config: Config) -> bool:
    return config.issues.group_notice is GroupNotice.NEUTRAL


async def _tell_outcome(
    ctx: Context, issue: Issue, actor: str, outcome: str, note: str | None
) -> None:
    """Close the loop: whoever the issue was escalated to hears what became of it (not the
    one who did it, and not someone whose escalation notice is still waiting to go out)."""
    pending = {
        tm.payload.get("to")
        for tm in await ctx.store.timers.pending_for(TIMER_NOTICE, issue.number)
        if tm.payload.get("what") == "escalate"
    }
    person = ctx.config.person_by_id.get(actor)
    by = person.name if person else actor
    for chat in escalated_to(ctx.config, issue):
        if chat != actor and chat not in pending:
            await queue_notice(ctx, issue, chat, "outcome", outcome=outcome, by=by, note=note)


async def cancel_timers(ctx: Context, number: int, kinds: tuple[str, ...]) -> None:
    for kind in kinds:
        await ctx.store.timers.cancel(kind, number)


async def change(
    ctx: Context,
    issue: Issue,
    actor: str,
    action: str,
    status: IssueStatus,
    note: str | None = None,
    **extra: Any,
) -> Issue:
    """Move ``issue`` to ``status`` and log it. Any handling by staff counts as the
    acknowledgement (its reminders stop); leaving ``waiting`` restarts the clock."""
    now = ctx.now
    fields: dict[str, Any] = {"status": status, **extra}
    if note is not None:
        fields["note"] = note
    outcome = action if action in ("resolve", "reject") else None
    if status is not IssueStatus.NEW and issue.acked_at is None:
        fields["acked_at"] = now
        await cancel_timers(ctx, issue.number, ACK_TIMERS)
        if outcome is None and action != "escalate":
            outcome = "ack"
    if outcome is not None and issue.escalation > 0:
        await _tell_outcome(ctx, issue, actor, outcome, note)
    if issue.status is IssueStatus.WAITING and status is not IssueStatus.WAITING:
        waited = (now - issue.paused_at).total_seconds() if issue.paused_at else 0.0
        fields["paused_seconds"] = issue.paused_seconds + max(waited, 0.0)
        fields["paused_at"] = None
    if status is IssueStatus.WAITING and issue.status is not IssueStatus.WAITING:
        fields["paused_at"] = now
    if status in (IssueStatus.CLOSED, IssueStatus.REJECTED):
        fields.setdefault("closed_at", now)
    await ctx.store.issues.update(issue.number, now, **fields)
    await ctx.store.issues.log(issue.number, now, actor, action, note)
    updated = await ctx.store.issues.get(issue.number)
    assert updated is not None
    return updated


def message_to(config: Config, chat: str, text: str, kind: Kind, issue: Issue) -> Outgoing:
    """``text`` to ``chat``: privately (mentioning, with the building group as fallback) when
    it is a person, as is when it is a chat such as the office's."""
    person = config.person_by_id.get(chat)
    if person is not None:
        return private_to(person, text, kind, issue)
    return Outgoing(chat, kind, text, issue=issue.number)
