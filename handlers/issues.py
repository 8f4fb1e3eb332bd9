"""Issues from messages: a report in a building chat becomes a numbered issue, unless it is
the same matter as an open issue reported recently (then the reporter follows that one).

The lifecycle commands live in :mod:`handlers.issue_commands`, the timers in
:mod:`handlers.issue_timers`; this module wires them into one :class:`Feature`.
"""

from __future__ import annotations

from datetime import timedelta
from types import MappingProxyType

from bot.commands import AliasForm, CommandCall
from bot.feature import Command, CommandHandler, Context, Feature
from bot.model import Incoming, Kind, Mention, Outgoing
from bot.permissions import RESIDENTS, STAFF, Permission, Where, Who
from bot.understand import Intent, Understanding, understand_as_report
from handlers import alert_texts
from handlers import issue_commands as c
from handlers import issue_corrections as corrections
from handlers import issue_texts as t
from handlers import issue_timers as timers
from handlers.issue_flow import (
    TIMER_ACK,
    TIMER_AUTO_CLOSE,
    TIMER_CONFIRM,
    TIMER_DIGEST,
    TIMER_GRID,
    TIMER_NOTICE,
    TIMER_OFFICE,
    buildings_of,
    group_chat,
    schedule_ack_timers,
    upgrade_to_urgent,
    urgent_alerts,
)
from handlers.issue_notices import send_notices
from storage.issues import Issue, NewIssue

# Two reports share "enough" keywords when this many overlap, or half of the shorter list.
MIN_SHARED_KEYWORDS = 2


def similar(issue: Issue, location: str | None, keywords: tuple[str, ...]) -> bool:
    """Same place, or (when a place is missing on either side) clearly overlapping words.
    Two different named places (3单元 / 1单元) are never the same matter."""
    if issue.location and location:
        return issue.location == location
    shared = set(issue.keywords) & set(keywords)
    shorter = min(len(issue.keywords), len(keywords))
    return len(shared) >= MIN_SHARED_KEYWORDS or (shorter > 0 and 2 * len(shared) >= shorter)


async def find_duplicate(ctx: Context, building: str, u: Understanding) -> Issue | None:
    since = ctx.now - ctx.config.issues.duplicate_window
    category = u.category or "other"
    for issue in await ctx.store.issues.recent_open(building, category, since):
        if similar(issue, u.location, u.keywords):
            return issue
    return None


#: How long before the replied-to message an issue filed from it may have been created (the
#: issue is created as the message is handled; a little slack for clocks).
REPLY_SLACK = timedelta(minutes=5)
# How much of a merged message its issue's history keeps.
MERGE_NOTE_CHARS = 200


async def issue_replied_to(
    ctx: Context, msg: Incoming, building: str, u: Understanding
) -> Issue | None:
    """The open issue of ``building`` that ``msg`` replies to (a Telegram reply, a WeChat
    quote) when it is of the same category as ``u``: the bot's own message about issue N, the
    resident's message that was filed as issue N, or one that was merged into it. A reply about that issue ("又漏了，
    比昨天还大") belongs in its history, not in a new issue, however differently it is worded."""
    if msg.reply_to is None:
        return None
    category = u.category or "other"
    refs = await ctx.store.outbox.refs_of(msg.chat, msg.reply_to)
    number = refs.get("issue")
    if isinstance(number, int):
        issue = await ctx.store.issues.get(number)
        if issue and issue.is_open and issue.building == building and issue.category == category:
            return issue
        return None
    replied = await ctx.store.inbox.find(msg.chat, msg.reply_to)
    if replied is None:
        return None
    text = replied.text.strip()
    for issue in await ctx.store.issues.recent_open(building, category, replied.at - REPLY_SLACK):
        if issue.reporter == replied.sender and issue.text == text:
            return issue
    # A message that was itself merged into issue N (a second report of the same fault).
    same = [i for i in await ctx.store.issues.open_in([building]) if i.category == category]
    number = await ctx.store.issues.merged_into(
        [i.number for i in same], replied.sender, text[:MERGE_NOTE_CHARS]
    )
    return next((i for i in same if i.number == number), None)


async def find_recently_fixed(ctx: Context, building: str, u: Understanding) -> Issue | None:
    """A resolved issue about the same matter, not yet confirmed and resolved within the
    duplicate window: a new report of it means it is not really fixed. (Once the reporter
    confirmed the fix, or it closed, the same problem again is a new issue.)"""
    since = ctx.now - ctx.config.issues.duplicate_window
    for issue in await ctx.store.issues.recently_resolved(building, u.category or "other", since):
        if similar(issue, u.location, u.keywords):
            return issue
    return None


async def file_report(
    msg: Incoming, ctx: Context, u: Understanding, building: str, chat: str, text: str
) -> list[Outgoing]:
    """File ``u`` as an issue of ``building`` (its group ``chat``), or merge it into an open
    issue about the same matter. The answer goes to the chat the message came from."""
    reporter = (Mention(msg.sender, msg.sender_name),)
    original = await issue_replied_to(ctx, msg, building, u) or await find_duplicate(
        ctx, building, u
    )
    if original is not None:
        await ctx.store.issues.follow(original.number, msg.sender, msg.sender_name)
        await ctx.store.issues.log(
            original.number, ctx.now, msg.sender, "merge", text[:MERGE_NOTE_CHARS]
        )
        label = ctx.config.taxonomy.label(original.category)
        alerts: list[Outgoing] = []
        upgraded = u.urgent and not original.urgent
        if upgraded:
            # "有人被困！" merged into an ordinary report about the same lift: now urgent.
            alerts = await upgrade_to_urgent(ctx, original, msg, text)
            original = await ctx.store.issues.get(original.number) or original
        merged = t.merged_urgent if upgraded else t.merged
        reply = Outgoing(
            msg.chat,
            Kind.ISSUE_MERGED,
            merged(original, label),
            issue=original.number,
            mentions=reporter,
        )
        return [reply, *alerts]
    fixed = await find_recently_fixed(ctx, building, u)
    if fixed is not None and not u.urgent:
        # "电梯还是坏的" a day after it was resolved: reopen it rather than start over.
        await ctx.store.issues.follow(fixed.number, msg.sender, msg.sender_name)
        return await c.reopen_issue(ctx, msg, fixed, text[:100])
    issue = await ctx.store.issues.create(
        NewIssue(
            building=building,
            chat=chat,
            reporter=msg.sender,
            reporter_name=msg.sender_name,
            text=text,
            category=u.category or "other",
            urgent=u.urgent,
            location=u.location,
            keywords=u.keywords,
        ),
        ctx.now,
    )
    await schedule_ack_timers(ctx, issue)
    label = ctx.config.taxonomy.label(issue.category)
    outs = [
        Outgoing(
            msg.chat,
            Kind.ISSUE_CREATED,
            t.created(issue, label),
            issue=issue.number,
            mentions=reporter,
        )
    ]
    if issue.urgent:
        # Danger to people: the heads and grid workers hear of it privately at once, day or
        # night, instead of only from the group or the first reminder.
        alert = t.urgent_alert(issue, label)
        if alert_texts.is_missing_person(issue.text):
            alert += alert_texts.raise_offer(issue.number)
        outs += urgent_alerts(ctx, issue, alert)
    return outs


async def on_text(msg: Incoming, ctx: Context, u: Understanding) -> list[Outgoing] | None:
    if u.sensitive:
        # Never posted as a public issue: the sender and the staff hear of it privately.
        return corrections.sensitive(msg, ctx)
    if u.intent is not Intent.REPORT or not ctx.in_group or ctx.building is None:
        return None
    if ctx.is_staff:
        # Heads, grid workers and admins handle issues; their remarks in the group
        # ("昨晚的噪音我上午去楼上敲门说一下") are not reports. They file with /report.
        return None
    return await file_report(msg, ctx, u, ctx.building, msg.chat, msg.text.strip())


async def report(msg: Incoming, ctx: Context, call: CommandCall) -> list[Outgoing]:
    """``/report TEXT``: file a report the bot did not recognise on its own. Staff replying
    with a bare ``/report`` to a resident's message file that message for the resident."""
    text = call.args.strip()
    if not text:
        try:
            replied = await corrections.reported_reply(msg, ctx)
        except corrections.ReplyProblem as problem:
            return [problem.reply]
        if replied is not None and ctx.building is not None:
            resident, u = replied
            if u.sensitive:
                return corrections.sensitive(resident, ctx)
            return await file_report(
                resident, ctx, u, ctx.building, msg.chat, t.tidy(resident.text)
            )
        return [Outgoing(msg.chat, Kind.ERROR, t.REPORT_EMPTY)]
    building = ctx.building
    named = next((b.name for b in ctx.config.buildings if text.startswith(b.name)), None)
    if not ctx.in_group and ctx.is_staff:
        # Staff may report for any building they serve (admins: any); a grid worker over
        # several buildings must say which, rather than have the first one guessed.
        mine = buildings_of(ctx.config, msg.sender)
        if named is not None and named in mine:
            building, text = named, text[len(named) :].lstrip(" ，,:：") or text
        elif len(mine) > 1:
            return [Outgoing(msg.chat, Kind.ERROR, t.report_which_building(mine))]
        elif mine:
            building = mine[0]
    chat = msg.chat if ctx.in_group else (group_chat(ctx.config, building) if building else None)
    if building is None or chat is None:
        return [Outgoing(msg.chat, Kind.ERROR, t.NO_BUILDING)]
    # The sender said it is a report: filed as one, in the category it would have as one.
    u = understand_as_report(text, ctx.config.taxonomy)
    if u.sensitive:
        return corrections.sensitive(msg, ctx)
    return await file_report(msg, ctx, u, building, chat, t.tidy(text))


def _cmd(
    name: str,
    handler: CommandHandler,
    help_: str,
    usage: str,
    aliases: tuple[str, ...] = (),
    *,
    staff: bool = False,
    needs_number: bool = True,
    permission: Permission | None = None,
    form: AliasForm | None = None,
) -> Command:
    return Command(
        name,
        handler,
        help_,
        usage=usage,
        aliases=aliases,
        alias_needs_number=needs_number,
        staff_only=staff,
        permission=permission or (STAFF if staff else RESIDENTS),
        alias_form=form or (AliasForm.NUMBERS if needs_number else None),
        refers_to="issue" if needs_number else None,
    )


FEATURE = Feature(
    name="issues",
    commands=(
        _cmd("ack", c.ack, "受理问题", "/ack 编号", ("收到", "受理", "已受理"), staff=True),
        _cmd("assign", c.assign, "指派负责人", "/assign 编号 负责人", ("指派",), staff=True),
        _cmd("progress", c.progress, "更新进展", "/progress 编号 进展", ("进展",), staff=True),
        _cmd("wait", c.wait, "等待第三方（暂停计时）", "/wait 编号 原因", ("等待",), staff=True),
        _cmd("resolve", c.resolve, "办结问题", "/resolve 编号 [说明]", ("办结",), staff=True),
        _cmd("reject", c.reject, "驳回（需写原因）", "/reject 编号 原因", ("驳回",), staff=True),
        _cmd("escalate", c.escalate, "上报网格员或社区", "/escalate 编号", ("上报",), staff=True),
        _cmd(
            "list",
            c.list_open,
            "未办结的问题",
            "/list",
            ("问题清单", "待办问题"),
            staff=True,
            needs_number=False,
            form=AliasForm.ALONE,
        ),
        _cmd("show", c.show, "查看问题详情", "/show 编号", ("查看问题",)),
        _cmd(
            "report",
            report,
            "报告问题",
            "/report 问题描述",
            ("报告问题",),
            needs_number=False,
            form=AliasForm.TEXT,
        ),
        _cmd(
            "notissue",
            corrections.notissue,
            "不是问题，撤销",
            "/notissue 编号",
            ("不是问题",),
            staff=True,
        ),
        _cmd("recat", corrections.recat, "改问题类别", "/recat 编号 类别", ("改类别",), staff=True),
        _cmd(
            "my",
            c.my,
            "我报告或关注的问题",
            "/my",
            ("我的问题",),
            needs_number=False,
            # Only the sender's own issues: anyone may ask.
            permission=Permission(Who.ANYONE, Where.BOUND),
            form=AliasForm.ALONE,
        ),
        _cmd("confirm", c.confirm, "确认已修好并关闭", "/confirm 编号", ("确认", "已修好")),
        _cmd(
            "reopen",
            c.reopen,
            "还没修好，重新打开",
            "/reopen 编号 [说明]",
            ("还没修好", "还没解决", "重开"),
        ),
        _cmd("follow", c.follow, "我也遇到了，关注问题", "/follow 编号", ("我也是", "关注")),
    ),
    on_text=on_text,
    timers=MappingProxyType(
        {
            TIMER_ACK: timers.ack_reminder,
            TIMER_GRID: timers.escalate_to_grid,
            TIMER_OFFICE: timers.escalate_to_office,
            TIMER_CONFIRM: timers.ask_confirm,
            TIMER_AUTO_CLOSE: timers.auto_close,
            TIMER_DIGEST: timers.digest,
            TIMER_NOTICE: send_notices,
        }
    ),
    timers_last=frozenset({TIMER_NOTICE, TIMER_ACK}),
    on_start=timers.schedule_digest,
)
