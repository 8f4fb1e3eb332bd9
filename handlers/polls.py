"""Building polls (议事): ``/poll 问题 | 选项 | 选项 [截止 …] [匿名]``, ``/vote N K``, ``/poll N``.

Heads start polls for their building, grid workers and admins for any; the poll is posted in
every group chat of the building (kind ``poll``). Each known resident of the building (and its
heads) has one vote, changeable until the deadline. The deadline is a stored timer
(``poll_close``), so a restart neither loses nor repeats the result (``poll_result``): counts,
turnout among the building's known residents and, with ``[polls] quorum``, whether it carried.
An anonymous poll never says who voted what: votes are confirmed without the choice in a
group, and the tally shows counts only.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from types import MappingProxyType

from bot.commands import AliasForm, BadArguments, CommandCall, parse_number
from bot.feature import Command, Context, Feature
from bot.grammar import chinese_numeral
from bot.model import Incoming, Kind, Mention, Outgoing, Role
from bot.permissions import RESIDENTS, Permission, Who
from handlers import event_texts
from handlers import poll_texts as t
from handlers.event_time import WhenError, parse_when
from storage.polls import NewPoll, Poll
from storage.timers import Timer

CLOSE_TIMER = "poll_close"
MAX_OPTIONS = 10
MAX_QUESTION = 200
MAX_OPTION = 50
MAX_DAYS = 60
STAFF_ROLES = (Role.HEAD, Role.GRID_WORKER, Role.ADMIN)
_POLL_CREATORS = Permission(
    Who.STAFF, who_text="抱歉，只有楼栋长、网格员和社区管理员可以发起投票。"
)
_ANONYMOUS = re.compile(r"(?:^|\s)匿名(?:投票)?(?=\s|$)")
_DEADLINE = re.compile(r"(?:^|\s)截[止至][:：]?\s*(.+)$")
_DEADLINE_TAIL = re.compile(r"^(?:前|之前|为止|止)?$")
_NUMBER_TOKEN = re.compile(r"^(?:第|#)?(\d{1,9}|[零〇一二两三四五六七八九十百]{1,5})号?$")


def number_token(token: str) -> int | None:
    """``3``, ``3号``, ``第三``, ``#3`` -> 3; None when the token is no number."""
    m = _NUMBER_TOKEN.match(token)
    if not m:
        return None
    raw = m.group(1)
    return int(raw) if raw.isdigit() else chinese_numeral(raw)


def by_alias(call: CommandCall) -> bool:
    """Written as a Chinese word (投票 …), not as a slash command."""
    return not call.word.startswith("/")


def poll_permission(args: str) -> Permission:
    """Listing and tallies for residents; anything else starts a poll (staff)."""
    first = args.split(None, 1)[0] if args.strip() else ""
    if not first or (first.lstrip("#第").removesuffix("号").isdigit() and "|" not in args):
        return RESIDENTS
    return _POLL_CREATORS


def _flags(part: str) -> tuple[str, str | None, bool]:
    """(text, deadline text or None, anonymous) of one ``|``-separated part."""
    anonymous = False
    if _ANONYMOUS.search(part):
        anonymous = True
        part = _ANONYMOUS.sub(" ", part)
    deadline = None
    if m := _DEADLINE.search(part):
        deadline = m.group(1).strip()
        part = part[: m.start()]
    return part.strip(), deadline, anonymous


def _full_width(text: str) -> str:
    """Command text arrives half-width (NFKC); a Chinese question reads better with ？ and ！."""
    return text.replace("?", "？").replace("!", "！")


def parse_poll(args: str) -> tuple[str, tuple[str, ...], str | None, bool]:
    """``问题 | 选项 | 选项 [截止 …] [匿名]`` -> (question, options, deadline text, anonymous);
    raises :class:`BadArguments`."""
    parts = [_full_width(p.strip()) for p in args.split("|")]
    question = parts[0]
    if not question:
        raise BadArguments(t.NO_QUESTION)
    options: list[str] = []
    deadline: str | None = None
    anonymous = False
    for part in parts[1:]:
        text, when, anon = _flags(part)
        anonymous = anonymous or anon
        deadline = when or deadline
        if text:
            options.append(text)
        elif when is None and not anon:
            raise BadArguments(t.EMPTY_OPTION)
    if len(options) < 2:
        raise BadArguments(t.NEED_OPTIONS)
    if len(options) > MAX_OPTIONS:
        raise BadArguments(t.too_many_options(MAX_OPTIONS))
    if len(question) > MAX_QUESTION or any(len(o) > MAX_OPTION for o in options):
        raise BadArguments(
            t.too_long(MAX_OPTION if len(question) <= MAX_QUESTION else MAX_QUESTION)
        )
    if len(set(options)) != len(options):
        raise BadArguments(t.DUPLICATE_OPTION)
    return question, tuple(options), deadline, anonymous


def parse_deadline(text: str, now_local: datetime) -> datetime:
    """The poll's closing time from ``截止 …`` text; raises :class:`BadArguments`."""
    try:
        when = parse_when(text, now_local)
    except WhenError as exc:
        problem = str(exc)
        if problem == event_texts.WHEN_NO_DATE:
            raise BadArguments(t.DEADLINE_NO_DATE) from None
        raise BadArguments(t.deadline_problem(problem)) from None
    if not _DEADLINE_TAIL.match(when.rest.strip()):
        raise BadArguments(t.DEADLINE_NO_DATE)
    if when.start - now_local > timedelta(days=MAX_DAYS):
        raise BadArguments(t.deadline_too_far(MAX_DAYS))
    return when.start


def _building_for(msg: Incoming, ctx: Context, question: str) -> tuple[str, str]:
    """(building, question without a leading building name) the poll is for; raises
    :class:`BadArguments` when it cannot be told or the sender may not start one there."""
    cfg = ctx.config
    person = cfg.person_by_id.get(msg.sender)
    known = [b.name for b in cfg.buildings]
    first, _, rest = question.partition(" ")
    named = first if first in known and rest.strip() else None
    if named is not None:
        question = rest.strip()
    elif first.endswith(("号楼", "栋", "幢")) and rest.strip() and first not in known:
        raise BadArguments(t.unknown_building(first, known))
    if named is None and ctx.in_group and ctx.building is not None:
        building = ctx.building
    elif named is not None:
        building = named
    else:
        mine = (
            known
            if person is not None and person.role is Role.ADMIN
            else list(person.buildings if person else ())
        )
        if len(mine) != 1:
            raise BadArguments(t.WHICH_BUILDING)
        building = mine[0]
    if cfg.role_of(msg.sender, building) not in STAFF_ROLES:
        raise BadArguments(t.not_yours(building))
    return building, question


async def start_poll(msg: Incoming, ctx: Context, args: str) -> list[Outgoing]:
    question, options, deadline_text, anonymous = parse_poll(args)
    building, question = _building_for(msg, ctx, question)
    if not question:
        raise BadArguments(t.NO_QUESTION)
    if deadline_text is not None:
        closes_at = parse_deadline(deadline_text, ctx.local_now())
    else:
        closes_at = ctx.now + ctx.config.polls.duration
    poll = await ctx.store.polls.create(
        NewPoll(
            building=building,
            chat=msg.chat,
            question=question,
            options=options,
            anonymous=anonymous,
            creator=msg.sender,
            creator_name=msg.sender_name,
            closes_at=closes_at,
        ),
        ctx.now,
    )
    await ctx.store.timers.add(CLOSE_TIMER, poll.number, closes_at)
    text = t.announcement(poll, closes_at.astimezone(ctx.config.timezone), ctx.local_now())
    groups = ctx.config.group_chats(building)
    outs = [Outgoing(chat, Kind.POLL, text, poll=poll.number) for chat in groups]
    if msg.chat not in groups:
        outs.append(
            Outgoing(msg.chat, Kind.COMMAND_REPLY, t.started_elsewhere(poll), poll=poll.number)
        )
    return outs


async def electorate(ctx: Context, building: str) -> set[str]:
    """The building's known residents and its heads: who may vote, and turnout's base."""
    people = {r.user for r in await ctx.store.residents.in_building(building)}
    people.update(p.id for p in ctx.config.heads_of(building))
    return people


async def may_vote(ctx: Context, user: str, building: str) -> bool:
    role = ctx.config.role_of(user, building)
    if role is Role.HEAD:
        return True
    if role is not Role.RESIDENT:
        return False
    resident = await ctx.store.residents.get(user)
    return resident is not None and resident.building == building


async def may_see(ctx: Context, user: str, poll: Poll) -> bool:
    return ctx.config.role_of(user, poll.building) in STAFF_ROLES or await may_vote(
        ctx, user, poll.building
    )


async def tally(ctx: Context, poll: Poll, *, with_names: bool = False) -> t.Tally:
    votes = await ctx.store.polls.votes(poll.number)
    counts = [0] * len(poll.options)
    names: list[list[str]] = [[] for _ in poll.options]
    for vote in votes:
        if 1 <= vote.choice <= len(counts):
            counts[vote.choice - 1] += 1
            names[vote.choice - 1].append(vote.name or t.FORGOTTEN_NAME)
    base = await electorate(ctx, poll.building) | {v.user for v in votes}
    shown = tuple(tuple(n) for n in names) if with_names and not poll.anonymous else ()
    return t.Tally(tuple(counts), len(votes), len(base), shown)


async def _load(msg: Incoming, ctx: Context, token: str | None) -> Poll | Outgoing:
    number = parse_number(token, "投票编号")
    poll = await ctx.store.polls.get(number)
    if poll is None:
        return Outgoing(msg.chat, Kind.ERROR, t.not_found(number), poll=number)
    return poll


async def show(msg: Incoming, ctx: Context, token: str) -> list[Outgoing]:
    found = await _load(msg, ctx, token)
    if isinstance(found, Outgoing):
        return [found]
    poll = found
    if not await may_see(ctx, msg.sender, poll):
        return [Outgoing(msg.chat, Kind.ERROR, t.not_your_building(poll), poll=poll.number)]
    counted = await tally(ctx, poll)
    closes = poll.closes_at.astimezone(ctx.config.timezone)
    text = t.tally_so_far(poll, counted, closes, ctx.local_now())
    return [Outgoing(msg.chat, Kind.COMMAND_REPLY, text, poll=poll.number)]


async def list_open(msg: Incoming, ctx: Context) -> list[Outgoing]:
    person = ctx.config.person_by_id.get(msg.sender)
    if person is not None and person.role is Role.ADMIN:
        polls = await ctx.store.polls.open_in(None)
    elif person is not None and person.role is Role.GRID_WORKER and not ctx.building:
        polls = [p for p in await ctx.store.polls.open_in(None) if p.building in person.buildings]
    else:
        polls = await ctx.store.polls.open_in(ctx.building) if ctx.building else []
    if not polls:
        return [Outgoing(msg.chat, Kind.COMMAND_REPLY, t.NO_OPEN_POLLS)]
    tz = ctx.config.timezone
    text = t.listing([(p, p.closes_at.astimezone(tz)) for p in polls], ctx.local_now())
    numbers = tuple(p.number for p in polls)
    return [Outgoing(msg.chat, Kind.COMMAND_REPLY, text, poll=numbers[0], polls=numbers)]


async def poll_command(msg: Incoming, ctx: Context, call: CommandCall) -> list[Outgoing]:
    args = call.args.strip()
    if not args:
        return await list_open(msg, ctx)
    if poll_permission(args) is RESIDENTS:
        return await show(msg, ctx, args.split()[0])
    return await start_poll(msg, ctx, args)


async def vote(msg: Incoming, ctx: Context, call: CommandCall) -> list[Outgoing]:
    argv = call.argv
    first = number_token(argv[0]) if argv else None
    if first is None and by_alias(call):
        return []  # "投票 大家都去了吗": conversation, not a vote
    found = await _load(msg, ctx, str(first) if first is not None else (argv[0] if argv else None))
    if isinstance(found, Outgoing):
        return [found]
    poll = found
    me = (Mention(msg.sender, msg.sender_name),) if ctx.in_group else ()

    def reply(kind: Kind, text: str) -> list[Outgoing]:
        return [Outgoing(msg.chat, kind, text, poll=poll.number, mentions=me)]

    if len(argv) < 2:
        return reply(Kind.ERROR, t.bad_choice(poll))
    choice = number_token(argv[1])
    if choice is None or not 1 <= choice <= len(poll.options):
        return reply(Kind.ERROR, t.bad_choice(poll))
    if not poll.is_open or ctx.now >= poll.closes_at:
        return reply(Kind.ERROR, t.closed(poll))
    if not await may_vote(ctx, msg.sender, poll.building):
        return reply(Kind.ERROR, t.not_your_building(poll))
    previous = await ctx.store.polls.vote(poll.number, msg.sender, msg.sender_name, choice, ctx.now)
    if poll.anonymous and ctx.in_group:
        return reply(Kind.COMMAND_REPLY, t.ANONYMOUS_IN_GROUP)
    return reply(Kind.COMMAND_REPLY, t.voted(poll, choice, previous))


async def on_close(timer: Timer, ctx: Context) -> list[Outgoing]:
    poll = await ctx.store.polls.get(timer.ref)
    if poll is None or not await ctx.store.polls.close(poll.number, ctx.now):
        return []
    counted = await tally(ctx, poll, with_names=True)
    polls_cfg = ctx.config.polls
    text = t.result(poll, counted, polls_cfg.quorum, polls_cfg.majority)
    chats = list(ctx.config.group_chats(poll.building))
    if poll.chat not in chats:
        chats.append(poll.chat)
    return [Outgoing(chat, Kind.POLL_RESULT, text, poll=poll.number) for chat in chats]


FEATURE = Feature(
    name="polls",
    commands=(
        Command(
            "poll",
            poll_command,
            "楼栋议事：发起投票、查看票数",
            usage="/poll 问题 | 选项一 | 选项二 [截止 6月30日20点] [匿名]",
            aliases=("发起投票",),
            alias_needs_number=False,
            args_permission=poll_permission,
        ),
        Command(
            "vote",
            vote,
            "参加楼栋投票",
            usage="/vote 编号 选项",
            aliases=("投票", "投"),
            # Two numbers (poll, option) that may be equal: the grammar's number lists would
            # merge "投票 1 1" into one; the handler reads the text and ignores chat.
            alias_form=AliasForm.TEXT,
        ),
    ),
    timers=MappingProxyType({CLOSE_TIMER: on_close}),
)
