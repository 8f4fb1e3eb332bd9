"""Rules of the issue lifecycle shared by the commands and the timers: who may act on an
issue, how deadlines are computed (quiet hours, paused clock), how a change is applied and
who is told about it."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from bot.config import Config, Person
from bot.config.issues import Escalation
from bot.feature import Context
from bot.model import Incoming, Kind, Mention, Outgoing, Role
from handlers import issue_texts as t
from storage.issues import Issue, IssueStatus

# Timer kinds (ref = issue number; the digest uses ref 0).
TIMER_ACK = "issue_ack_reminder"
TIMER_GRID = "issue_escalate_grid"
TIMER_OFFICE = "issue_escalate_office"
TIMER_CONFIRM = "issue_confirm"
TIMER_AUTO_CLOSE = "issue_auto_close"
TIMER_DIGEST = "issue_digest"
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
    local = when.astimezone(config.timezone)
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
    at = after_quiet(config, start, False)
    remaining = duration
    for _ in range(1000):  # each round crosses one quiet period
        local = at.astimezone(config.timezone)
        quiet_start = local.replace(
            hour=quiet.start.hour, minute=quiet.start.minute, second=0, microsecond=0
        )
        if quiet_start <= local:
            quiet_start += timedelta(days=1)
        awake = quiet_start - local
        if remaining <= awake:
            return at + remaining
        remaining -= awake
        at = after_quiet(config, quiet_start, False)
    return at + remaining


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


async def schedule_ack_timers(ctx: Context, issue: Issue) -> None:
    """Acknowledgement reminder and both escalation steps, measured from the report."""
    esc = escalation_for(ctx.config, issue)
    first_reminder = after_quiet(ctx.config, issue.created_at + esc.ack_due, issue.urgent)
    await ctx.store.timers.add(TIMER_ACK, issue.number, first_reminder)
    for kind, after in ((TIMER_GRID, esc.to_grid_after), (TIMER_OFFICE, esc.to_office_after)):
        due = waking_add(ctx.config, issue.created_at, after, issue.urgent)
        await ctx.store.timers.add(kind, issue.number, due)


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
    if status is not IssueStatus.NEW and issue.acked_at is None:
        fields["acked_at"] = now
        await cancel_timers(ctx, issue.number, ACK_TIMERS)
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


def office_messages(ctx: Context, issue: Issue, text: str) -> list[Outgoing]:
    """The office chat, or every admin privately when no office chat is configured."""
    office = ctx.config.office_chat
    if office:
        return [Outgoing(office, Kind.ESCALATION, text, issue=issue.number)]
    return [private_to(p, text, Kind.ESCALATION, issue) for p in ctx.config.admins()]


def grid_messages(ctx: Context, issue: Issue, text: str) -> list[Outgoing]:
    """Every grid worker of the building privately, or the office when there is none."""
    workers = ctx.config.grid_workers_of(issue.building)
    if not workers:
        return office_messages(ctx, issue, text)
    return [private_to(p, text, Kind.ESCALATION, issue) for p in workers]
