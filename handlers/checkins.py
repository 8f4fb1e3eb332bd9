"""Daily safety check-ins (平安打卡) for people who live alone.

A head (or grid worker, admin) enrols someone with ``/checkin add ID 名字 [家属 ID] [时间
09:00]``; the person is asked privately and enrolled only after answering 好. Every day at
their time they get a private ``checkin_request``; any private reply counts. The timers and
the notices live in :mod:`handlers.checkin_schedule`; devices reach the same path through
:mod:`bot.hooks`.

Everything here happens in private chats: that an elderly person lives alone is not
something to post in a group of hundreds.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import timedelta
from types import MappingProxyType

from bot.commands import BadArguments, CommandCall
from bot.feature import Command, Context, Feature
from bot.model import Incoming, Kind, Outgoing, Role
from bot.permissions import Permission, Where, Who
from bot.understand import Understanding
from handlers import checkin_schedule as sched
from handlers import checkin_texts as t
from handlers.event_texts import duration
from storage.checkins import Checkin, CheckinStatus, NewCheckin

ADD_WORDS = ("add", "登记", "添加")
LIST_WORDS = ("", "list", "列表", "名单", "查看")
PAUSE_WORDS = ("pause", "暂停")
RESUME_WORDS = ("resume", "恢复")
REMOVE_WORDS = ("remove", "删除", "取消", "移除")
STOP_WORDS = ("stop", "停止", "退出")
FAMILY_WORDS = ("家属", "family")
TIME_WORDS = ("时间", "time")
MAX_PAUSE = timedelta(days=90)
_ID = re.compile(r"^(?:telegram|wechat|local):[^\s:][^\s]{0,80}$")
_CLOCK = re.compile(r"^([01]?\d|2[0-3])[:：]([0-5]\d)$")
_PAUSE = re.compile(r"^(\d{1,3}|[一二两三四五六七八九十]{1,2})\s*(天|日|d|周|星期|w|小时|h)$")
_CN_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8}
_CN_DIGITS |= {"九": 9, "十": 10}
_UNIT = {"天": 1, "日": 1, "d": 1, "周": 7, "星期": 7, "w": 7}

_PRIVACY = "为保护隐私，平安打卡请私聊我办理。"
_STAFF_PRIVATELY = Permission(
    Who.STAFF,
    Where.PRIVATE,
    who_text="抱歉，平安打卡由楼栋长、网格员或社区管理员登记。本人想停止请发送 /checkin stop。",
    where_text=_PRIVACY,
)
# The enrolled person may never have written in a building group: anyone may stop.
_ANYONE_PRIVATELY = Permission(Who.ANYONE, Where.PRIVATE, where_text=_PRIVACY)


def _answer(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip().strip("。.!！~～").lower()


def _cn_number(text: str) -> int:
    if text.isdigit():
        return int(text)
    if text == "十":
        return 10
    if text.startswith("十"):
        return 10 + _CN_DIGITS.get(text[1:], 0)
    return _CN_DIGITS.get(text, 0)


def parse_pause(token: str) -> timedelta:
    """``3天``, ``3d``, ``两周``, ``48小时`` -> timedelta; BadArguments otherwise."""
    match = _PAUSE.match(unicodedata.normalize("NFKC", token).strip().lower())
    if not match:
        raise BadArguments(t.PAUSE_USAGE)
    count, unit = _cn_number(match.group(1)), match.group(2)
    delta = timedelta(hours=count) if unit in ("小时", "h") else timedelta(days=count * _UNIT[unit])
    if delta <= timedelta(0) or delta > MAX_PAUSE:
        raise BadArguments(t.PAUSE_USAGE)
    return delta


def may_manage(ctx: Context, c: Checkin, user: str) -> bool:
    """Who enrolled them, staff of their building, and admins."""
    if c.head == user or ctx.config.role_of(user, None) is Role.ADMIN:
        return True
    return c.building is not None and ctx.config.role_of(user, c.building) in (
        Role.HEAD,
        Role.GRID_WORKER,
    )


async def _find(msg: Incoming, ctx: Context, token: str | None) -> Checkin:
    """The enrolment named by person id or name; BadArguments with a polite text otherwise."""
    if not token:
        raise BadArguments(t.USAGE)
    found = await ctx.store.checkins.by_person(token)
    if found is None:
        named = [c for c in await ctx.store.checkins.all() if c.name == token]
        mine = [c for c in named if may_manage(ctx, c, msg.sender)]
        found = mine[0] if len(mine) == 1 else None
    if found is None:
        raise BadArguments(t.not_found(token))
    if not may_manage(ctx, found, msg.sender):
        raise BadArguments(t.not_yours(found))
    return found


def _reply(msg: Incoming, text: str, kind: Kind = Kind.COMMAND_REPLY) -> list[Outgoing]:
    return [Outgoing(msg.chat, kind, text)]


async def add(msg: Incoming, ctx: Context, argv: list[str]) -> list[Outgoing]:
    if len(argv) < 2:
        raise BadArguments(t.ADD_USAGE)
    person, name, rest = argv[0], argv[1], argv[2:]
    if not _ID.match(person):
        raise BadArguments(t.BAD_ID.format(token=person[:30]))
    if person == msg.sender:
        raise BadArguments(t.SELF)
    if _ID.match(name) or len(name) > 20:
        raise BadArguments(t.NEED_NAME)
    family: str | None = None
    daily = ctx.config.checkin.default_time
    i = 0
    while i < len(rest):
        word = rest[i].lower()
        nxt = rest[i + 1] if i + 1 < len(rest) else ""
        if word in FAMILY_WORDS:
            if not _ID.match(nxt):
                raise BadArguments(t.BAD_ID.format(token=nxt[:30] or "（空）"))
            family, i = nxt, i + 2
        elif word in TIME_WORDS or _CLOCK.match(rest[i]):
            clock = _CLOCK.match(rest[i] if _CLOCK.match(rest[i]) else nxt)
            if clock is None:
                raise BadArguments(t.BAD_TIME)
            daily = daily.replace(hour=int(clock.group(1)), minute=int(clock.group(2)))
            i += 1 if _CLOCK.match(rest[i]) else 2
        else:
            raise BadArguments(t.ADD_USAGE)
    existing = await ctx.store.checkins.by_person(person)
    if existing is not None:
        return _reply(msg, t.already(existing))
    resident = await ctx.store.residents.get(person)
    building = resident.building if resident and resident.building else ctx.building
    head_name = (
        ctx.config.person_by_id[msg.sender].name
        if msg.sender in ctx.config.person_by_id
        else msg.sender_name
    )
    c = await ctx.store.checkins.ask(
        NewCheckin(person, name, building, msg.sender, head_name, family, f"{daily:%H:%M}"),
        ctx.now,
    )
    if c is None:  # enrolled meanwhile
        return _reply(msg, t.NOTHING)
    await ctx.store.timers.add(
        sched.CONSENT_TIMER, c.id, ctx.now + ctx.config.checkin.consent_valid
    )
    window = duration(ctx.config.checkin.window)
    question = t.consent_question(name, head_name, c.daily_at, window, family is not None)
    return [Outgoing(person, Kind.COMMAND_REPLY, question), *_reply(msg, t.asked(c))]


async def list_(msg: Incoming, ctx: Context) -> list[Outgoing]:
    items = []
    for c in await ctx.store.checkins.all():
        if not may_manage(ctx, c, msg.sender):
            continue
        local = c.paused_until.astimezone(ctx.config.timezone) if c.paused_until else None
        items.append((c, t.state_of(c, ctx.now, local)))
    return _reply(msg, t.listing(items) if items else t.NOTHING)


async def pause(msg: Incoming, ctx: Context, argv: list[str]) -> list[Outgoing]:
    c = await _find(msg, ctx, argv[0] if argv else None)
    if len(argv) < 2:
        raise BadArguments(t.PAUSE_USAGE)
    until = ctx.now + parse_pause("".join(argv[1:]))
    await ctx.store.checkins.pause(c.id, until)
    # Away on purpose: an open "no answer" notice is settled and not escalated.
    await ctx.store.checkins.handled(c.id, ctx.now)
    await ctx.store.timers.cancel(sched.ESCALATE_TIMER, c.id)
    return _reply(msg, t.paused(c, until.astimezone(ctx.config.timezone)))


async def resume(msg: Incoming, ctx: Context, argv: list[str]) -> list[Outgoing]:
    c = await _find(msg, ctx, argv[0] if argv else None)
    await ctx.store.checkins.pause(c.id, None)
    return _reply(msg, t.resumed(c))


async def remove(msg: Incoming, ctx: Context, argv: list[str]) -> list[Outgoing]:
    c = await _find(msg, ctx, argv[0] if argv else None)
    await ctx.store.checkins.delete(c.id)
    await sched.cancel_all(ctx, c.id)
    outs = _reply(msg, t.removed(c))
    if c.active:
        outs.append(Outgoing(c.person, Kind.COMMAND_REPLY, t.removed_person(c)))
    return outs


async def stop(msg: Incoming, ctx: Context) -> list[Outgoing]:
    c = await ctx.store.checkins.by_person(msg.sender)
    if c is None:
        return _reply(msg, t.STOP_NOTHING)
    await ctx.store.checkins.delete(c.id)
    await sched.cancel_all(ctx, c.id)
    outs = _reply(msg, t.STOPPED)
    if c.active:
        outs.append(Outgoing(c.head, Kind.COMMAND_REPLY, t.stopped_head(c)))
    else:
        outs.append(Outgoing(c.head, Kind.COMMAND_REPLY, t.declined_head(c)))
    return outs


async def checkin_command(msg: Incoming, ctx: Context, call: CommandCall) -> list[Outgoing]:
    try:
        return await _checkin_command(msg, ctx, call.argv)
    except BadArguments as exc:
        # Each problem text carries its own example; the generic usage line would confuse.
        return [Outgoing(msg.chat, Kind.ERROR, str(exc))]


async def _checkin_command(msg: Incoming, ctx: Context, argv: list[str]) -> list[Outgoing]:
    sub = argv[0].lower() if argv else ""
    rest = argv[1:]
    if sub in ADD_WORDS:
        return await add(msg, ctx, rest)
    if sub in LIST_WORDS:
        return await list_(msg, ctx)
    if sub in PAUSE_WORDS:
        return await pause(msg, ctx, rest)
    if sub in RESUME_WORDS:
        return await resume(msg, ctx, rest)
    if sub in REMOVE_WORDS:
        return await remove(msg, ctx, rest)
    if sub in STOP_WORDS:
        return await stop(msg, ctx)
    raise BadArguments(t.USAGE)


async def _consent(msg: Incoming, ctx: Context, c: Checkin, yes: bool) -> list[Outgoing]:
    await ctx.store.timers.cancel(sched.CONSENT_TIMER, c.id)
    if not yes:
        await ctx.store.checkins.delete(c.id)
        return [
            *_reply(msg, t.CONSENT_NO),
            Outgoing(c.head, Kind.COMMAND_REPLY, t.declined_head(c)),
        ]
    await ctx.store.checkins.activate(c.id, ctx.now)
    enrolled = await ctx.store.checkins.get(c.id)
    assert enrolled is not None
    await sched.schedule_daily(ctx, enrolled)
    return [
        *_reply(msg, t.enrolled_person(enrolled)),
        Outgoing(c.head, Kind.COMMAND_REPLY, t.enrolled_head(enrolled)),
    ]


async def on_text(msg: Incoming, ctx: Context, u: Understanding) -> list[Outgoing] | None:
    """Private replies only: the person's 好 to the enrolment question, the person's answer
    to the daily question (anything counts), or a head's 收到 to a "no answer" notice."""
    if ctx.in_group:
        return None
    c = await ctx.store.checkins.by_person(msg.sender)
    if c is not None and c.status is CheckinStatus.ASKED:
        answer = _answer(msg.text)
        if answer in t.YES or answer in t.NO:
            return await _consent(msg, ctx, c, answer in t.YES)
        return None
    if c is not None and (c.request_open or c.missed_open):
        was_missed = c.missed_open
        await ctx.store.checkins.answered(c.id, ctx.now)
        await ctx.store.timers.cancel(sched.ESCALATE_TIMER, c.id)
        outs = _reply(msg, t.ANSWER_THANKS)
        if was_missed:
            outs.append(Outgoing(c.head, Kind.CHECKIN_MISSED, t.answered_late(c)))
            if c.family and c.family != c.head:
                outs.append(Outgoing(c.family, Kind.CHECKIN_MISSED, t.answered_late(c)))
        return outs
    if _answer(msg.text) in t.HEAD_ANSWERS:
        waiting = await ctx.store.checkins.open_missed_for_head(msg.sender)
        if waiting:
            for item in waiting:
                await ctx.store.checkins.handled(item.id, ctx.now)
                await ctx.store.timers.cancel(sched.ESCALATE_TIMER, item.id)
            return _reply(msg, t.HEAD_ACK)
    return None


async def forget(ctx: Context, user: str) -> None:
    """``/forget``: the person's enrolment and its timers go; as a family contact they are
    dropped from others' enrolments (inside the caller's transaction)."""
    for c in await ctx.store.checkins.forget(user):
        await sched.cancel_all(ctx, c.id)


FEATURE = Feature(
    name="checkin",
    commands=(
        Command(
            "checkin",
            checkin_command,
            "平安打卡：为独居老人登记每日问候（私聊）",
            usage="/checkin add 编号 名字 [家属 编号] [时间 09:00]",
            aliases=("平安打卡",),
            alias_needs_number=False,
            staff_only=True,
            permission=_STAFF_PRIVATELY,
            sub_permissions=MappingProxyType({w: _ANYONE_PRIVATELY for w in STOP_WORDS}),
        ),
    ),
    on_text=on_text,
    timers=MappingProxyType(
        {
            sched.DAILY_TIMER: sched.on_daily,
            sched.MISSED_TIMER: sched.on_missed,
            sched.ESCALATE_TIMER: sched.on_escalate,
            sched.CONSENT_TIMER: sched.on_consent_expired,
        }
    ),
)
