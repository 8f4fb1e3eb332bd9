"""Issues from messages: a report in a building chat becomes a numbered issue."""

from __future__ import annotations

from bot.commands import CommandCall, parse_number
from bot.feature import Command, Context, Feature
from bot.model import Incoming, Kind, Mention, Outgoing, Role
from bot.understand import Intent, Understanding
from handlers import issue_texts as t
from storage.issues import Issue, IssueStatus, NewIssue


async def on_text(msg: Incoming, ctx: Context, u: Understanding) -> list[Outgoing] | None:
    if u.intent is not Intent.REPORT or not ctx.in_group or ctx.building is None:
        return None
    issue = await ctx.store.issues.create(
        NewIssue(
            building=ctx.building,
            chat=msg.chat,
            reporter=msg.sender,
            reporter_name=msg.sender_name,
            text=u.text,
            category=u.category or "other",
            urgent=u.urgent,
            location=u.location,
            keywords=u.keywords,
        ),
        ctx.now,
    )
    label = ctx.config.taxonomy.label(issue.category)
    return [
        Outgoing(
            msg.chat,
            Kind.ISSUE_CREATED,
            t.created(issue, label),
            issue=issue.number,
            mentions=(Mention(msg.sender, msg.sender_name),),
        )
    ]


def may_manage(ctx: Context, issue: Issue, user: str) -> bool:
    role = ctx.config.role_of(user, issue.building)
    return role in (Role.HEAD, Role.GRID_WORKER, Role.ADMIN)


async def ack(msg: Incoming, ctx: Context, call: CommandCall) -> list[Outgoing]:
    number = parse_number(call.argv[0] if call.argv else None, "问题编号")
    issue = await ctx.store.issues.get(number)
    if issue is None:
        return [Outgoing(msg.chat, Kind.ERROR, t.not_found(number), issue=number)]
    if not may_manage(ctx, issue, msg.sender):
        return [Outgoing(msg.chat, Kind.ERROR, t.not_yours(number), issue=number)]
    await ctx.store.issues.update(
        number, ctx.now, status=IssueStatus.ACKNOWLEDGED, acked_at=ctx.now
    )
    await ctx.store.issues.log(number, ctx.now, msg.sender, "ack", None)
    return [
        Outgoing(
            issue.chat,
            Kind.ISSUE_STATUS,
            t.acknowledged(issue, msg.sender_name),
            issue=number,
            mentions=(Mention(issue.reporter, issue.reporter_name),),
        )
    ]


FEATURE = Feature(
    name="issues",
    commands=(
        Command(
            "ack", ack, "受理问题", usage="/ack 编号", aliases=("收到", "受理"), staff_only=True
        ),
    ),
    on_text=on_text,
)
