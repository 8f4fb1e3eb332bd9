"""Community events: ``/event add|list|who|cancel``, ``/join`` and ``/leave``.

Building heads (for their own buildings), grid workers and admins create events; an event is
announced at once in every group chat of its buildings, each chat once. Residents sign up
with ``/join N`` (报名 N); past the capacity they wait in join order and the first waiting
person moves up, and is told so, when someone with a place leaves. Recurring events from the
config and all reminders live in :mod:`handlers.event_schedule`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta
from types import MappingProxyType

from bot.commands import AliasForm, BadArguments, CommandCall, parse_number, require_numbers
from bot.config import Config
from bot.feature import Command, Context, Feature
from bot.model import Incoming, Kind, Mention, Outgoing, Role
from bot.permissions import Permission, Who
from bot.understand.normalise import normalise
from handlers import event_schedule as sched
from handlers import event_texts as t
from handlers.event_time import WhenError, parse_when
from storage.events import Event, NewEvent, Signup

_LIMIT_WORDS = {"limit", "限额", "名额", "人数"}
_TARGET_WORDS = {"to", "发给", "面向"}
_ALL_WORDS = {"all", "全体", "全社区", "所有楼栋", "全部"}
_ADD_WORDS = ("add", "new", "发布", "添加", "新建")
_LIST_WORDS = ("", "list", "列表", "近期")
_WHO_WORDS = ("who", "名单", "报名情况")
_CANCEL_WORDS = ("cancel", "取消")
_ORGANISERS = Permission(Who.STAFF, who_text=t.NOT_STAFF)
_ROSTER_READERS = Permission(Who.STAFF, who_text=t.ROSTER_STAFF_ONLY)
_CN_LIMIT = re.compile(r"^(?:限|限额|名额|限报|最多)(\d+)(?:人|位|名)?$")
# "在小区广场", "地点：一楼活动室": the place, in Chinese, instead of "@小区广场".
_CN_PLACE = re.compile(r"^(?:在|地点[:：]?)(.+)$")
_PLACE_WORDS = {"地点", "地点：", "地点:", "在"}
#: Two events for the same building starting closer than this overlap (events carry no end).
OVERLAP = timedelta(hours=2)
_BUILDING_SPLIT = re.compile(r"[,，、]+")


class Refused(Exception):
    """The sender may not do this; the message (Chinese) is shown as is, without usage."""


@dataclass(frozen=True, slots=True)
class AddRequest:
    title: str
    place: str | None
    limit: int | None
    targets: tuple[str, ...] | None  # None: not given; (): the whole community


def parse_add_rest(rest: str) -> AddRequest:
    """``TITLE [@PLACE] [limit N] [to all|B1,B2]`` after the time; raises BadArguments."""
    title: list[str] = []
    place: list[str] = []
    targets: list[str] | None = None
    limit: int | None = None
    mode = "title"
    tokens = rest.split()
    i = 0
    while i < len(tokens):
        token = tokens[i]
        lowered = token.lower()
        if lowered in _LIMIT_WORDS:
            nxt = tokens[i + 1].removesuffix("人") if i + 1 < len(tokens) else ""
            if not nxt.isdigit() or not nxt.isascii() or int(nxt) < 1 or len(nxt) > 6:
                raise BadArguments(t.BAD_LIMIT)
            limit, mode, i = int(nxt), "after", i + 2
            continue
        if m := _CN_LIMIT.match(token):
            limit, mode, i = int(m.group(1)), "after", i + 1
            if limit < 1:
                raise BadArguments(t.BAD_LIMIT)
            continue
        if lowered in _TARGET_WORDS:
            targets, mode, i = [], "targets", i + 1
            continue
        if token.startswith("@") and mode in ("title", "after") and not place:
            place.append(token[1:])
            mode = "place"
        elif title and mode in ("title", "after") and not place and token in _PLACE_WORDS:
            mode = "place"
        elif title and mode in ("title", "after") and not place and (m := _CN_PLACE.match(token)):
            place.append(m.group(1))
            mode = "place"
        elif mode == "targets":
            assert targets is not None
            targets.extend(p for p in _BUILDING_SPLIT.split(token) if p)
        elif mode == "place":
            place.append(token)
        elif mode == "title":
            title.append(token)
        else:
            title.append(token)
        i += 1
    if not title:
        raise BadArguments(t.NO_TITLE)
    resolved: tuple[str, ...] | None = None
    if targets is not None:
        if not targets:
            raise BadArguments(t.no_target())
        resolved = () if any(x.lower() in _ALL_WORDS for x in targets) else tuple(targets)
    return AddRequest(
        title=" ".join(title)[:100],
        place=" ".join(place)[:100] or None,
        limit=limit,
        targets=resolved,
    )


def resolve_targets(
    config: Config, msg: Incoming, ctx: Context, requested: tuple[str, ...] | None
) -> tuple[str, ...]:
    """The buildings a new event is for (() = whole community); :class:`Refused` when the
    sender may not create events or not for those buildings."""
    person = config.person_by_id.get(msg.sender)
    if person is None or person.role not in (Role.HEAD, Role.GRID_WORKER, Role.ADMIN):
        raise Refused(t.NOT_STAFF)
    known = [b.name for b in config.buildings]
    for name in requested or ():
        if name not in known:
            raise Refused(t.unknown_building(name, known))
    if person.role is Role.HEAD:
        own = person.buildings
        if requested is None:
            chosen = (ctx.building,) if ctx.in_group and ctx.building in own else own
        else:
            chosen = tuple(requested) or tuple(known)
        if not set(chosen) <= set(own):
            raise Refused(t.head_only_own(own))
    elif requested is None:
        chosen = (ctx.building,) if ctx.in_group and ctx.building else ()
    else:
        chosen = requested
    unique = tuple(dict.fromkeys(chosen))
    return () if set(unique) == set(known) else unique


def may_manage(config: Config, event: Event, user: str) -> bool:
    """The organiser, an admin, or a head/grid worker covering all of the event's buildings."""
    if event.creator == user:
        return True
    person = config.person_by_id.get(user)
    if person is None:
        return False
    if person.role is Role.ADMIN:
        return True
    return set(sched.target_buildings(config, event)) <= set(person.buildings)


async def add(msg: Incoming, ctx: Context, args: str) -> list[Outgoing]:
    person = ctx.config.person_by_id.get(msg.sender)
    if person is None:
        return [Outgoing(msg.chat, Kind.ERROR, t.NOT_STAFF)]
    try:
        when = parse_when(args, ctx.local_now())
    except WhenError as exc:
        return [Outgoing(msg.chat, Kind.ERROR, str(exc))]
    request = parse_add_rest(when.rest)
    try:
        buildings = resolve_targets(ctx.config, msg, ctx, request.targets)
    except Refused as exc:
        return [Outgoing(msg.chat, Kind.ERROR, str(exc))]
    event = await ctx.store.events.create(
        NewEvent(
            title=request.title,
            place=request.place,
            starts_at=when.start,
            buildings=buildings,
            capacity=request.limit,
            creator=msg.sender,
            creator_name=msg.sender_name,
            chat=msg.chat,
        ),
        ctx.now,
    )
    await sched.schedule_reminders(ctx, event)
    outs = sched.announcements(ctx, event)
    if msg.chat not in sched.group_chats(ctx.config, event):
        groups = sched.target_buildings(ctx.config, event)
        outs.append(
            Outgoing(msg.chat, Kind.COMMAND_REPLY, t.created(event, groups), event=event.number)
        )
    clashes = await overlapping(ctx, event)
    if clashes:
        tz = ctx.config.timezone
        text = t.overlap(event, [(e, e.starts_at.astimezone(tz)) for e in clashes], ctx.local_now())
        outs.append(Outgoing(msg.chat, Kind.COMMAND_REPLY, text, event=event.number))
    return outs


async def overlapping(ctx: Context, event: Event) -> list[Event]:
    """Other upcoming events for some of the same buildings that start within
    :data:`OVERLAP` of ``event`` (a talk on top of 邻居节 splits the audience)."""
    mine = set(event.buildings)
    return [
        other
        for other in await ctx.store.events.upcoming(ctx.now)
        if other.number != event.number
        and abs(other.starts_at - event.starts_at) < OVERLAP
        and (not mine or not other.buildings or mine & set(other.buildings))
    ]


async def _event(msg: Incoming, ctx: Context, token: str | None) -> Event | Outgoing:
    number = parse_number(token, "活动编号")
    event = await ctx.store.events.get(number)
    if event is None:
        return Outgoing(msg.chat, Kind.ERROR, t.not_found(number), event=number)
    return event


async def list_(msg: Incoming, ctx: Context) -> list[Outgoing]:
    items = []
    for event in await ctx.store.events.upcoming(ctx.now):
        if ctx.building is not None and not ctx.is_staff and not event.for_building(ctx.building):
            continue
        roster = await ctx.store.events.roster(event)
        items.append(
            (event, event.starts_at.astimezone(ctx.config.timezone), len(roster.confirmed))
        )
    return [Outgoing(msg.chat, Kind.COMMAND_REPLY, t.listing(items, ctx.local_now()))]


async def who(msg: Incoming, ctx: Context, token: str | None) -> list[Outgoing]:
    found = await _event(msg, ctx, token)
    if isinstance(found, Outgoing):
        return [found]
    if not may_manage(ctx.config, found, msg.sender):
        return [Outgoing(msg.chat, Kind.ERROR, t.not_organiser(found), event=found.number)]
    roster = await ctx.store.events.roster(found)
    return [Outgoing(msg.chat, Kind.COMMAND_REPLY, t.who(found, roster), event=found.number)]


async def cancel(msg: Incoming, ctx: Context, token: str | None) -> list[Outgoing]:
    found = await _event(msg, ctx, token)
    if isinstance(found, Outgoing):
        return [found]
    event = found
    if not may_manage(ctx.config, event, msg.sender):
        return [Outgoing(msg.chat, Kind.ERROR, t.not_organiser(event), event=event.number)]
    if not await ctx.store.events.cancel(event.number, ctx.now):
        return [Outgoing(msg.chat, Kind.ERROR, t.is_cancelled(event), event=event.number)]
    await ctx.store.timers.cancel(sched.REMINDER_TIMER, event.number)
    roster = await ctx.store.events.roster(event)
    start = event.starts_at.astimezone(ctx.config.timezone)
    text = t.cancelled(event, start, ctx.local_now())
    groups = sched.group_chats(ctx.config, event)
    outs = [
        Outgoing(
            chat,
            Kind.EVENT_ANNOUNCEMENT,
            text,
            event=event.number,
            mentions=tuple(Mention(s.user, s.name) for s in roster.everyone if s.chat == chat),
        )
        for chat in groups
    ]
    # People who signed up elsewhere (privately, in the office chat) are told privately.
    outs.extend(
        Outgoing(
            s.user,
            Kind.EVENT_ANNOUNCEMENT,
            text,
            event=event.number,
            fallback_chat=s.chat if s.chat != s.user else None,
        )
        for s in roster.everyone
        if s.chat not in groups
    )
    if msg.chat not in groups:
        outs.append(
            Outgoing(
                msg.chat,
                Kind.COMMAND_REPLY,
                t.cancel_done(event, len(roster.everyone)),
                event=event.number,
            )
        )
    return outs


async def event_command(msg: Incoming, ctx: Context, call: CommandCall) -> list[Outgoing]:
    sub, _, rest = call.args.strip().partition(" ")
    sub = sub.lower()
    token = rest.split()[0] if rest.split() else None
    if sub in _ADD_WORDS:
        return await add(msg, ctx, rest)
    if sub in _LIST_WORDS:
        return await list_(msg, ctx)
    if sub in _WHO_WORDS:
        return await who(msg, ctx, token)
    if sub in _CANCEL_WORDS:
        return await cancel(msg, ctx, token)
    return [Outgoing(msg.chat, Kind.ERROR, t.USAGE)]


def _private_notice(signup: Signup, text: str, event: Event) -> Outgoing:
    return Outgoing(
        signup.user,
        Kind.COMMAND_REPLY,
        text,
        event=event.number,
        fallback_chat=signup.chat if signup.chat != signup.user else None,
    )


async def targets(msg: Incoming, ctx: Context, call: CommandCall) -> list[Event | Outgoing]:
    """The events ``call`` names: by numbers (each one), or by title when exactly one
    upcoming event visible here has it; an ``error`` reply in place of one that is not found
    or a title several events share."""
    if call.title:
        me = (Mention(msg.sender, msg.sender_name),) if ctx.in_group else ()
        named = [
            e
            for e in await ctx.store.events.upcoming(ctx.now)
            if normalise(e.title) == call.title and (ctx.is_staff or e.for_building(ctx.building))
        ]
        if len(named) == 1:
            return [named[0]]
        tz = ctx.config.timezone
        text = (
            t.which_event(call.title, [(e, e.starts_at.astimezone(tz)) for e in named])
            if named
            else t.no_such_title(call.title)
        )
        return [Outgoing(msg.chat, Kind.ERROR, text, mentions=me)]
    found: list[Event | Outgoing] = []
    for number in require_numbers(call, "活动编号"):
        found.append(await _event(msg, ctx, str(number)))
    return found


async def join(msg: Incoming, ctx: Context, call: CommandCall) -> list[Outgoing]:
    outs: list[Outgoing] = []
    for found in await targets(msg, ctx, call):
        outs.extend([found] if isinstance(found, Outgoing) else await join_one(msg, ctx, found))
    return outs


async def join_one(msg: Incoming, ctx: Context, event: Event) -> list[Outgoing]:
    me = (Mention(msg.sender, msg.sender_name),) if ctx.in_group else ()

    def reply(kind: Kind, text: str) -> list[Outgoing]:
        return [Outgoing(msg.chat, kind, text, event=event.number, mentions=me)]

    if event.cancelled:
        return reply(Kind.ERROR, t.is_cancelled(event))
    if event.starts_at <= ctx.now:
        return reply(Kind.ERROR, t.has_started(event))
    if not event.for_building(ctx.building) and not ctx.is_staff:
        return reply(Kind.ERROR, t.not_for_you(event))
    signup = Signup(msg.sender, msg.sender_name, msg.chat, ctx.building)
    added = await ctx.store.events.join(event.number, signup, ctx.now)
    position = (await ctx.store.events.roster(event)).position(msg.sender)
    assert position is not None
    confirmed, place = position
    if not added:
        return reply(Kind.COMMAND_REPLY, t.already(event, confirmed, place))
    text = t.joined(event, place) if confirmed else t.waiting(event, place)
    return reply(Kind.COMMAND_REPLY, text)


async def leave(msg: Incoming, ctx: Context, call: CommandCall) -> list[Outgoing]:
    outs: list[Outgoing] = []
    for found in await targets(msg, ctx, call):
        outs.extend([found] if isinstance(found, Outgoing) else await leave_one(msg, ctx, found))
    return outs


async def leave_one(msg: Incoming, ctx: Context, event: Event) -> list[Outgoing]:
    me = (Mention(msg.sender, msg.sender_name),) if ctx.in_group else ()
    before = await ctx.store.events.roster(event)
    if not await ctx.store.events.leave(event.number, msg.sender):
        return [
            Outgoing(msg.chat, Kind.ERROR, t.not_joined(event), event=event.number, mentions=me)
        ]
    outs = [Outgoing(msg.chat, Kind.COMMAND_REPLY, t.left(event), event=event.number, mentions=me)]
    after = await ctx.store.events.roster(event)
    had = {s.user for s in before.confirmed}
    start = event.starts_at.astimezone(ctx.config.timezone)
    if not event.cancelled and event.starts_at > ctx.now:
        for promoted in after.confirmed:
            if promoted.user not in had:
                text = t.promoted(event, start, ctx.local_now())
                outs.append(_private_notice(promoted, text, event))
    return outs


FEATURE = Feature(
    name="events",
    commands=(
        Command(
            "event",
            event_command,
            "社区活动：发布、列表、名单、取消",
            usage="/event add 时间 名称 @地点",
            aliases=("活动",),
            alias_needs_number=False,
            # Listing is for residents (the default); the rest for staff.
            sub_permissions=MappingProxyType(
                {
                    **{w: _ORGANISERS for w in (*_ADD_WORDS, *_CANCEL_WORDS)},
                    **{w: _ROSTER_READERS for w in _WHO_WORDS},
                }
            ),
        ),
        Command(
            "join",
            join,
            "报名参加活动",
            usage="/join 编号或活动名称",
            aliases=("报名", "我报名", "我也报名", "我要报名"),
            alias_form=AliasForm.TITLE,
            refers_to="event",
        ),
        Command(
            "leave",
            leave,
            "取消活动报名",
            usage="/leave 编号",
            aliases=("取消报名",),
            alias_form=AliasForm.TITLE,
            refers_to="event",
        ),
    ),
    timers=MappingProxyType(
        {sched.SERIES_TIMER: sched.on_series, sched.REMINDER_TIMER: sched.on_reminder}
    ),
    on_start=sched.on_start,
)
