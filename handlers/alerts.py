"""The community-wide alert (全域联动): ``/alert 描述``, ``/alert close N 已找到``, ``全域 N``.

Staff raise an alert; it is numbered (``alert``), posted to every building group of the
community (and the office chat) and sent privately to every head and grid worker on every
platform, with kind ``community_alert``. The outbox sends that kind before everything else
waiting (``storage.outbox.PRIORITY``), within each platform's rate limits. Closing it tells
the same people the same way. An urgent report of a missing person offers its heads
``全域 N`` to raise an alert from the report in one word.

Photos are not forwarded: the message model (``bot.model.Incoming``) carries text only, and
the adapters drop media without a caption. The alert says so nowhere; docs/care.md does.
"""

from __future__ import annotations

import re

from bot.commands import BadArguments, CommandCall, parse_number
from bot.config import Config, Person
from bot.feature import Command, Context, Feature
from bot.model import Incoming, Kind, Outgoing, Role
from bot.permissions import Permission, Who
from handlers import alert_texts as t
from handlers.issue_flow import may_manage
from storage.alerts import Alert, NewAlert

CLOSE_WORDS = ("close", "解除", "关闭", "结束")
MAX_TEXT = 500
_NUMBER_ONLY = re.compile(r"^(?:第|#)?\d{1,9}号?$")
# Command arguments arrive NFKC-folded ("，" -> ","); put Chinese punctuation back after
# Chinese characters so the alert reads as the person wrote it.
_FOLDED_PUNCT = re.compile(r"(?<=[\u3400-\u9fff）”])([,;:!?()])")
_FULL_WIDTH = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？", "(": "（", ")": "）"}


def chinese_punctuation(text: str) -> str:
    return _FOLDED_PUNCT.sub(lambda m: _FULL_WIDTH[m.group(1)], text)


_STAFF = Permission(
    Who.STAFF,
    who_text="抱歉，全域联动由楼栋长、网格员或社区管理员发起。紧急情况请先拨打 110 / 120，"
    "并告诉楼栋长。",
)


def group_chats(config: Config) -> list[str]:
    """Every building group of the community, then the office chat; each once."""
    chats: list[str] = []
    for building in config.buildings:
        for chat in building.chats:
            if chat not in chats:
                chats.append(chat)
    if config.office_chat and config.office_chat not in chats:
        chats.append(config.office_chat)
    return chats


def staff(config: Config) -> list[Person]:
    """Every building head and grid worker, each once, on whatever platform they are."""
    return [p for p in config.people if p.role in (Role.HEAD, Role.GRID_WORKER)]


def broadcast(config: Config, alert: Alert, text: str, sender: str) -> list[Outgoing]:
    """The alert to every group and privately to every head and grid worker but ``sender``."""
    outs = [
        Outgoing(chat, Kind.COMMUNITY_ALERT, text, alert=alert.number)
        for chat in group_chats(config)
    ]
    outs += [
        Outgoing(p.id, Kind.COMMUNITY_ALERT, text, alert=alert.number)
        for p in staff(config)
        if p.id != sender
    ]
    return outs


async def _raise(msg: Incoming, ctx: Context, text: str, issue: int | None) -> list[Outgoing]:
    person = ctx.config.person_by_id.get(msg.sender)
    alert = await ctx.store.alerts.create(
        NewAlert(
            text=text,
            creator=msg.sender,
            creator_name=person.name if person else msg.sender_name,
            building=ctx.building if ctx.role is Role.HEAD else None,
            chat=msg.chat,
            issue=issue,
        ),
        ctx.now,
    )
    outs = broadcast(ctx.config, alert, t.raised(alert), msg.sender)
    groups = len(group_chats(ctx.config))
    people = sum(1 for p in staff(ctx.config) if p.id != msg.sender)
    outs.append(
        Outgoing(msg.chat, Kind.COMMAND_REPLY, t.sent(alert, groups, people), alert=alert.number)
    )
    return outs


async def _from_issue(msg: Incoming, ctx: Context, token: str) -> list[Outgoing]:
    number = parse_number(token, "问题编号")
    issue = await ctx.store.issues.get(number)
    if issue is None:
        return [Outgoing(msg.chat, Kind.ERROR, t.issue_not_found(number), issue=number)]
    if not may_manage(ctx.config, issue, msg.sender):
        return [Outgoing(msg.chat, Kind.ERROR, t.issue_not_yours(number), issue=number)]
    existing = await ctx.store.alerts.of_issue(number)
    if existing is not None:
        return [
            Outgoing(
                msg.chat,
                Kind.COMMAND_REPLY,
                t.issue_already(existing, number),
                alert=existing.number,
            )
        ]
    return await _raise(msg, ctx, t.from_issue(issue), number)


async def _close(msg: Incoming, ctx: Context, argv: list[str]) -> list[Outgoing]:
    if not argv:
        raise BadArguments(t.CLOSE_USAGE)
    number = parse_number(argv[0], "全域联动编号")
    alert = await ctx.store.alerts.get(number)
    if alert is None:
        return [Outgoing(msg.chat, Kind.ERROR, t.not_found(number), alert=number)]
    note = " ".join(argv[1:])[:200] or t.DEFAULT_CLOSE_NOTE
    if not await ctx.store.alerts.close(number, note, msg.sender, ctx.now):
        return [Outgoing(msg.chat, Kind.ERROR, t.already_closed(alert), alert=number)]
    outs = broadcast(ctx.config, alert, t.closed(alert, note), msg.sender)
    outs.append(Outgoing(msg.chat, Kind.COMMAND_REPLY, t.close_sent(alert), alert=number))
    return outs


async def alert_command(msg: Incoming, ctx: Context, call: CommandCall) -> list[Outgoing]:
    try:
        return await _alert_command(msg, ctx, call)
    except BadArguments as exc:
        return [Outgoing(msg.chat, Kind.ERROR, str(exc))]


async def _alert_command(msg: Incoming, ctx: Context, call: CommandCall) -> list[Outgoing]:
    text = chinese_punctuation(" ".join(call.args.split()))
    argv = text.split()
    if not argv:
        alerts = await ctx.store.alerts.open_alerts()
        return [Outgoing(msg.chat, Kind.COMMAND_REPLY, t.open_list(alerts))]
    if argv[0].lower() in CLOSE_WORDS:
        return await _close(msg, ctx, argv[1:])
    if len(argv) == 1 and _NUMBER_ONLY.match(argv[0]):
        return await _from_issue(msg, ctx, argv[0])
    if len(text) > MAX_TEXT:
        raise BadArguments(t.TOO_LONG)
    return await _raise(msg, ctx, text, None)


async def global_command(msg: Incoming, ctx: Context, call: CommandCall) -> list[Outgoing]:
    """``全域 N``: raise an alert from urgent report N."""
    if not call.argv:
        raise BadArguments(t.USAGE)
    return await _from_issue(msg, ctx, call.argv[0])


FEATURE = Feature(
    name="alerts",
    commands=(
        Command(
            "alert",
            alert_command,
            "全域联动：紧急情况通知全社区（工作人员）",
            usage="/alert 描述",
            aliases=("紧急寻人", "全域联动"),
            alias_needs_number=False,
            staff_only=True,
            permission=_STAFF,
        ),
        Command(
            "global",
            global_command,
            "把紧急报告升级为全域联动",
            usage="全域 问题编号",
            aliases=("全域",),
            staff_only=True,
            permission=_STAFF,
        ),
    ),
)
