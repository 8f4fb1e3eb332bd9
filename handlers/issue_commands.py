"""Issue commands: building staff move issues through their states; residents confirm,
reopen, follow and list their own. Every refusal is a polite ``error`` and changes nothing."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from functools import wraps

from bot.commands import CommandCall, require_numbers
from bot.feature import CommandHandler, Context
from bot.model import Incoming, Kind, Mention, Outgoing, Role, platform_of
from bot.privacy import mask
from bot.texts import with_note
from handlers import issue_texts as t
from handlers.issue_flow import (
    ACK_TIMERS,
    FOLLOW_UP_TIMERS,
    TIMER_CONFIRM,
    Refused,
    after_quiet,
    announce,
    buildings_of,
    cancel_timers,
    change,
    escalation_recipients,
    is_overdue,
    load,
    load_managed,
    may_manage,
    message_to,
    private_to,
    refuse,
    resolution_due,
)
from handlers.ratings import request_ratings
from storage.issues import OPEN_STATUSES, Issue, IssueStatus

Handler = Callable[[Incoming, Context, CommandCall], Awaitable[list[Outgoing]]]


def guarded(fn: Handler) -> CommandHandler:
    """Run ``fn`` once per number of the call (``收到 7 8 9``), with that number alone, and
    answer in one message per chat: a :class:`Refused` becomes its polite line in it."""

    @wraps(fn)
    async def handler(msg: Incoming, ctx: Context, call: CommandCall) -> list[Outgoing]:
        numbers = require_numbers(call, "问题编号")
        outs: list[Outgoing] = []
        for number in numbers:
            one = call.with_numbers((number,))
            try:
                outs.extend(await fn(msg, ctx, one))
            except Refused as refusal:
                outs.append(refusal.reply)
        return merge_per_chat(outs) if len(numbers) > 1 else outs

    return handler


def merge_per_chat(outs: list[Outgoing]) -> list[Outgoing]:
    """One message per chat for a command about several issues: the texts in order, everyone
    mentioned once, ``issues`` all of them and ``issue`` the first. A status change anywhere
    makes it an ``issue_status``."""
    by_chat: dict[str, list[Outgoing]] = {}
    for out in outs:
        by_chat.setdefault(out.chat, []).append(out)
    merged = []
    for chat, group in by_chat.items():
        if len(group) == 1:
            merged.append(group[0])
            continue
        kinds = [o.kind for o in group]
        kind = next((k for k in kinds if k is not Kind.ERROR), Kind.ERROR)
        numbers = tuple(dict.fromkeys(o.issue for o in group if o.issue is not None))
        mentions: dict[str, Mention] = {}
        for out in group:
            for m in out.mentions:
                mentions.setdefault(m.user, m)
        merged.append(
            Outgoing(
                chat,
                kind,
                "\n".join(o.text for o in group),
                issue=numbers[0] if numbers else None,
                issues=numbers if len(numbers) > 1 else (),
                mentions=tuple(mentions.values()),
                fallback_chat=group[0].fallback_chat,
            )
        )
    return merged


def number_and_rest(call: CommandCall) -> tuple[int, str]:
    """The one number this handler acts on and the note written after the numbers."""
    return require_numbers(call, "问题编号")[0], call.note


def label(ctx: Context, issue: Issue) -> str:
    return ctx.config.taxonomy.label(issue.category)


async def status_reply(ctx: Context, msg: Incoming, issue: Issue, text: str) -> list[Outgoing]:
    """Tell the reporter and followers in the group; confirm to the actor if elsewhere."""
    outs = [await announce(ctx, issue, text)]
    if msg.chat != issue.chat:
        outs.append(
            Outgoing(
                msg.chat,
                Kind.COMMAND_REPLY,
                t.done_for_actor(issue, issue.status, elsewhere(issue.chat, msg.chat)),
                issue=issue.number,
            )
        )
    return outs


def elsewhere(group: str, actor_chat: str) -> str | None:
    """The group's platform when the actor writes from another one (so "in the group" would
    not tell them which group); None when it is the same platform."""
    platform = platform_of(group)
    return platform if platform != platform_of(actor_chat) else None


def require_text(msg: Incoming, issue: Issue, text: str, what: str, usage: str) -> str:
    if not text:
        raise refuse(msg, issue, t.needs_text(what, usage))
    return t.tidy(text[:500])


def require_open(msg: Incoming, issue: Issue, action: str) -> None:
    if not issue.is_open:
        raise refuse(msg, issue, t.wrong_state(issue, action))


# --- staff ---------------------------------------------------------------------------------


@guarded
async def ack(msg: Incoming, ctx: Context, call: CommandCall) -> list[Outgoing]:
    number, rest = number_and_rest(call)
    issue = await load_managed(ctx, msg, number)
    if issue.status is not IssueStatus.NEW:
        raise refuse(msg, issue, t.wrong_state(issue, "再受理"))
    # "收到12 已经打了119": the note is posted with the status change.
    note = t.tidy(rest[:500]) or None
    issue = await change(ctx, issue, msg.sender, "ack", IssueStatus.ACKNOWLEDGED, note)
    text = with_note(t.acknowledged(issue, msg.sender_name), msg.sender_name, note)
    return await status_reply(ctx, msg, issue, text)


@guarded
async def assign(msg: Incoming, ctx: Context, call: CommandCall) -> list[Outgoing]:
    number, rest = number_and_rest(call)
    issue = await load_managed(ctx, msg, number)
    require_open(msg, issue, "指派")
    who = require_text(msg, issue, rest.lstrip("@"), "负责人", f"/assign {number} 物业王师傅")[:40]
    status = IssueStatus.ACKNOWLEDGED if issue.status is IssueStatus.NEW else issue.status
    issue = await change(ctx, issue, msg.sender, "assign", status, who, assignee=who)
    return await status_reply(ctx, msg, issue, t.assigned(issue, msg.sender_name, who))


@guarded
async def progress(msg: Incoming, ctx: Context, call: CommandCall) -> list[Outgoing]:
    number, rest = number_and_rest(call)
    issue = await load_managed(ctx, msg, number)
    require_open(msg, issue, "更新进展")
    note = require_text(msg, issue, rest, "进展", f"/progress {number} 电工明天上午来")
    issue = await change(ctx, issue, msg.sender, "progress", IssueStatus.IN_PROGRESS, note)
    return await status_reply(ctx, msg, issue, t.progress(issue, msg.sender_name, note))


@guarded
async def wait(msg: Incoming, ctx: Context, call: CommandCall) -> list[Outgoing]:
    number, rest = number_and_rest(call)
    issue = await load_managed(ctx, msg, number)
    require_open(msg, issue, "设为等待")
    note = require_text(msg, issue, rest, "在等什么", f"/wait {number} 等物业采购配件")
    issue = await change(ctx, issue, msg.sender, "wait", IssueStatus.WAITING, note)
    return await status_reply(ctx, msg, issue, t.waiting(issue, msg.sender_name, note))


@guarded
async def resolve(msg: Incoming, ctx: Context, call: CommandCall) -> list[Outgoing]:
    number, rest = number_and_rest(call)
    issue = await load_managed(ctx, msg, number)
    require_open(msg, issue, "办结")
    note = t.tidy(rest[:500]) or None
    issue = await change(
        ctx, issue, msg.sender, "resolve", IssueStatus.RESOLVED, note, resolved_at=ctx.now
    )
    # Ask the reporter later whether it is really fixed (not in the middle of the night).
    ask_at = after_quiet(ctx.config, ctx.now + ctx.config.issues.confirm_after, False)
    await ctx.store.timers.add(TIMER_CONFIRM, issue.number, ask_at)
    return await status_reply(ctx, msg, issue, t.resolved(issue, msg.sender_name, note))


@guarded
async def reject(msg: Incoming, ctx: Context, call: CommandCall) -> list[Outgoing]:
    number, rest = number_and_rest(call)
    issue = await load_managed(ctx, msg, number)
    require_open(msg, issue, "驳回")
    reason = require_text(msg, issue, rest, "原因", f"/reject {number} 属于市政路灯，已告知12345")
    issue = await change(ctx, issue, msg.sender, "reject", IssueStatus.REJECTED, reason)
    await cancel_timers(ctx, issue.number, ACK_TIMERS + FOLLOW_UP_TIMERS)
    return await status_reply(ctx, msg, issue, t.rejected(issue, msg.sender_name, reason))


@guarded
async def escalate(msg: Incoming, ctx: Context, call: CommandCall) -> list[Outgoing]:
    number, rest = number_and_rest(call)
    issue = await load_managed(ctx, msg, number)
    require_open(msg, issue, "上报")
    role = ctx.config.role_of(msg.sender, issue.building)
    note = t.tidy(rest[:200]) or None
    text = t.escalation(issue, label(ctx, issue), ctx.now - issue.created_at, msg.sender_name, note)
    # A head asks the grid workers, anyone else the office; never the issue's own reporter
    # (past them to the next level).
    level, chats = escalation_recipients(ctx.config, issue, 1 if role is Role.HEAD else 2)
    outs = [message_to(ctx.config, chat, text, Kind.ESCALATION, issue) for chat in chats]
    to = t.LEVEL_NAMES[level]
    if not outs:
        raise refuse(msg, issue, t.NO_ESCALATION_TARGET)
    status = IssueStatus.ACKNOWLEDGED if issue.status is IssueStatus.NEW else issue.status
    issue = await change(
        ctx,
        issue,
        msg.sender,
        "escalate",
        status,
        rest[:500] or None,
        escalation=max(issue.escalation, level),
    )
    text = with_note(t.escalated(issue, msg.sender_name, to), msg.sender_name, note)
    return outs + await status_reply(ctx, msg, issue, text)


async def list_open(msg: Incoming, ctx: Context, call: CommandCall) -> list[Outgoing]:
    buildings = buildings_of(ctx.config, msg.sender)
    if not buildings:
        return [Outgoing(msg.chat, Kind.ERROR, t.STAFF_ONLY)]
    tz = ctx.config.timezone
    lines = [
        t.list_line(i, label(ctx, i), tz, is_overdue(ctx.config, i, ctx.now))
        for i in await ctx.store.issues.open_in(buildings)
    ]
    return [Outgoing(msg.chat, Kind.COMMAND_REPLY, t.open_list(lines))]


@guarded
async def show(msg: Incoming, ctx: Context, call: CommandCall) -> list[Outgoing]:
    number, _ = number_and_rest(call)
    issue = await load(ctx, msg, number)
    if not may_manage(ctx.config, issue, msg.sender) and ctx.building != issue.building:
        raise refuse(msg, issue, t.other_building(number))
    text = t.show(
        issue,
        label(ctx, issue),
        ctx.config.timezone,
        resolution_due(ctx.config, issue, ctx.now),
        is_overdue(ctx.config, issue, ctx.now),
        len(await ctx.store.issues.followers(number)),
        await ctx.store.issues.history(number),
    )
    if not may_manage(ctx.config, issue, msg.sender):
        # Phone, ID card and plate numbers are for the building's staff only, in any chat.
        text = mask(text)
    return [Outgoing(msg.chat, Kind.COMMAND_REPLY, text, issue=number)]


# --- residents -----------------------------------------------------------------------------


async def my(msg: Incoming, ctx: Context, call: CommandCall) -> list[Outgoing]:
    issues = await ctx.store.issues.by_follower(msg.sender)
    lines = [t.my_line(i, label(ctx, i)) for i in issues[-20:]]
    return [Outgoing(msg.chat, Kind.COMMAND_REPLY, t.my_list(lines))]


@guarded
async def confirm(msg: Incoming, ctx: Context, call: CommandCall) -> list[Outgoing]:
    number, _ = number_and_rest(call)
    issue = await load(ctx, msg, number)
    if msg.sender != issue.reporter and not may_manage(ctx.config, issue, msg.sender):
        raise refuse(msg, issue, t.only_reporter(number))
    if issue.status is not IssueStatus.RESOLVED and not issue.is_open:
        raise refuse(msg, issue, t.wrong_state(issue, "确认"))
    issue = await change(ctx, issue, msg.sender, "confirm", IssueStatus.CLOSED)
    await cancel_timers(ctx, issue.number, ACK_TIMERS + FOLLOW_UP_TIMERS)
    outs = await status_reply(ctx, msg, issue, t.confirmed(issue))
    return outs + await request_ratings(ctx, issue)


@guarded
async def reopen(msg: Incoming, ctx: Context, call: CommandCall) -> list[Outgoing]:
    number, rest = number_and_rest(call)
    issue = await load(ctx, msg, number)
    followers = {user for user, _ in await ctx.store.issues.followers(number)}
    if msg.sender not in followers and not may_manage(ctx.config, issue, msg.sender):
        raise refuse(msg, issue, t.only_reporter(number))
    if issue.status not in (IssueStatus.RESOLVED, IssueStatus.CLOSED):
        raise refuse(msg, issue, t.wrong_state(issue, "重开"))
    return await reopen_issue(ctx, msg, issue, t.tidy(rest[:500]) or None)


async def reopen_issue(
    ctx: Context, msg: Incoming, issue: Issue, note: str | None
) -> list[Outgoing]:
    """Back to acknowledged: the group is told, the heads privately; the follow-up stops."""
    issue = await change(
        ctx,
        issue,
        msg.sender,
        "reopen",
        IssueStatus.ACKNOWLEDGED,
        note,
        resolved_at=None,
        closed_at=None,
    )
    await cancel_timers(ctx, issue.number, FOLLOW_UP_TIMERS)
    staff_text = t.reopened_for_staff(issue, label(ctx, issue), note)
    heads = [
        private_to(p, staff_text, Kind.ISSUE_STATUS, issue)
        for p in ctx.config.heads_of(issue.building)
    ]
    return await status_reply(ctx, msg, issue, t.reopened(issue, msg.sender_name, note)) + heads


@guarded
async def follow(msg: Incoming, ctx: Context, call: CommandCall) -> list[Outgoing]:
    number, _ = number_and_rest(call)
    issue = await load(ctx, msg, number)
    if ctx.building != issue.building and not may_manage(ctx.config, issue, msg.sender):
        raise refuse(msg, issue, t.other_building(number))
    if issue.status not in (*OPEN_STATUSES, IssueStatus.RESOLVED):
        raise refuse(msg, issue, t.wrong_state(issue, "关注"))
    if not await ctx.store.issues.follow(number, msg.sender, msg.sender_name):
        return [Outgoing(msg.chat, Kind.COMMAND_REPLY, t.already_following(issue), issue=number)]
    await ctx.store.issues.log(number, ctx.now, msg.sender, "follow", None)
    return [Outgoing(msg.chat, Kind.COMMAND_REPLY, t.followed(issue), issue=number)]
