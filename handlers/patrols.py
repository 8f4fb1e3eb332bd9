"""Patrols (定期巡): the head answers a round's checklist in chat.

``巡查 N 好 好 坏:3楼应急灯不亮 好`` answers every item in order; ``巡查 N 第3项 坏:…`` or
``巡查 N 好`` (the next unanswered item) one at a time. ``好`` (正常, 合格, ok, √) passes an
item; ``坏`` (不好, 异常, 有问题, 不合格, ×) fails it, with what is wrong after a colon (words
after it, up to the next answer, belong to it too). When every item is answered the round is
done and every failed item is filed as an issue of the building, like a ``/report`` by the
head. ``/patrol`` lists the rounds still to do. Scheduling and reminders:
:mod:`handlers.patrol_schedule`.
"""

from __future__ import annotations

import re
from types import MappingProxyType

from bot.commands import AliasForm, BadArguments, CommandCall, parse_number
from bot.feature import Command, Context, Feature
from bot.model import Incoming, Kind, Outgoing, Role
from bot.permissions import Permission, Who
from bot.understand import understand_as_report
from handlers import patrol_schedule as sched
from handlers import patrol_texts as t
from handlers.issue_flow import buildings_of, group_chat
from handlers.issues import file_report
from handlers.polls import by_alias, number_token
from storage.patrols import Answer, PatrolRound

STAFF_ROLES = (Role.HEAD, Role.GRID_WORKER, Role.ADMIN)
MAX_NOTE = 200
_PASS = re.compile(r"^(?:好|正常|合格|没问题|畅通|ok|√|✓|✔)$", re.IGNORECASE)
_FAIL = re.compile(r"^(?:坏|不好|异常|有问题|不合格|×|✗|✘|x)(?::(.*))?$", re.IGNORECASE)
_ITEM = re.compile(r"^第(\S+?)项$|^(\d+)项?$")


def _item_number(token: str) -> int | None:
    m = _ITEM.match(token)
    if not m:
        return None
    return number_token(m.group(1) or m.group(2))


def parse_answers(r: PatrolRound, text: str) -> dict[int, Answer]:
    """The answers in ``text`` by item number (1-based); raises :class:`BadArguments`."""
    tokens = text.replace("：", ":").split()
    verdicts = sum(1 for tok in tokens if _PASS.match(tok) or _FAIL.match(tok))
    has_items = any(_item_number(tok) is not None for tok in tokens)
    full = verdicts == len(r.checklist) and not has_items
    answered = {i for i, a in enumerate(r.answers, 1) if a is not None}
    found: dict[int, Answer] = {}
    chosen: int | None = None
    last: int | None = None  # the item whose note later words continue
    sequence = iter(range(1, len(r.checklist) + 1))

    def next_item() -> int:
        for i in sequence:
            if full or (i not in answered and i not in found):
                return i
        raise BadArguments(t.too_many(r))

    for token in tokens:
        if (number := _item_number(token)) is not None and chosen is None:
            if not 1 <= number <= len(r.checklist):
                raise BadArguments(t.bad_item(r))
            chosen = number
            continue
        fail = _FAIL.match(token)
        if _PASS.match(token) or fail:
            item = chosen if chosen is not None else next_item()
            chosen = None
            note = (fail.group(1) or "").strip() or None if fail else None
            found[item] = Answer(ok=fail is None, note=note)
            last = item if fail else None
            continue
        if last is not None and chosen is None:
            previous = found[last]
            note = f"{previous.note} {token}" if previous.note else token
            found[last] = Answer(ok=False, note=note[:MAX_NOTE])
            continue
        raise BadArguments(t.bad_answer(r, token))
    if not found:
        raise BadArguments(t.USAGE)
    return found


async def _file_failures(
    msg: Incoming, ctx: Context, r: PatrolRound, answers: tuple[Answer | None, ...]
) -> tuple[list[Outgoing], list[tuple[str, Answer]], list[int]]:
    """File every failed item as an issue of the round's building."""
    outs: list[Outgoing] = []
    failed: list[tuple[str, Answer]] = []
    numbers: list[int] = []
    chat = group_chat(ctx.config, r.building)
    for item, answer in zip(r.checklist, answers, strict=True):
        if answer is None or answer.ok:
            continue
        failed.append((item, answer))
        if chat is None:
            continue
        text = t.issue_text(item, answer)
        # A failed item is a report whatever the model reads of its words.
        u = understand_as_report(f"{item} {answer.note or ''}", ctx.config.taxonomy)
        filed = await file_report(msg, ctx, u, r.building, chat, text)
        outs += filed
        first = next((o.issue for o in filed if o.issue is not None), None)
        if first is not None and first not in numbers:
            numbers.append(first)
    return outs, failed, numbers


async def answer(msg: Incoming, ctx: Context, number: int, rest: str) -> list[Outgoing]:
    r = await ctx.store.patrols.get(number)
    if r is None:
        return [Outgoing(msg.chat, Kind.ERROR, t.not_found(number))]
    if ctx.config.role_of(msg.sender, r.building) not in STAFF_ROLES:
        return [Outgoing(msg.chat, Kind.ERROR, t.not_yours(r))]
    if not r.is_open:
        return [Outgoing(msg.chat, Kind.COMMAND_REPLY, t.already_done(r))]
    found = parse_answers(r, rest)
    answers = tuple(found.get(i, a) for i, a in enumerate(r.answers, 1))
    done = await ctx.store.patrols.save_answers(r.number, answers, msg.sender, ctx.now)
    updated = await ctx.store.patrols.get(r.number)
    assert updated is not None
    if not done:
        return [Outgoing(msg.chat, Kind.COMMAND_REPLY, t.progress(updated))]
    for kind in sched.ROUND_TIMERS:
        await ctx.store.timers.cancel(kind, r.number)
    outs, failed, numbers = await _file_failures(msg, ctx, updated, answers)
    return [Outgoing(msg.chat, Kind.COMMAND_REPLY, t.finished(updated, failed, numbers)), *outs]


async def listing(msg: Incoming, ctx: Context) -> list[Outgoing]:
    mine = buildings_of(ctx.config, msg.sender)
    rounds = await ctx.store.patrols.open_in(mine) if mine else []
    if not rounds:
        return [Outgoing(msg.chat, Kind.COMMAND_REPLY, t.NO_OPEN)]
    tz = ctx.config.timezone
    dues = [r.due_at.astimezone(tz) for r in rounds]
    return [Outgoing(msg.chat, Kind.COMMAND_REPLY, t.listing(rounds, dues, ctx.local_now()))]


async def patrol_command(msg: Incoming, ctx: Context, call: CommandCall) -> list[Outgoing]:
    args = call.args.strip()
    if not args:
        return [] if by_alias(call) else await listing(msg, ctx)
    first, _, rest = args.partition(" ")
    number = number_token(first)
    if number is None:
        if by_alias(call):
            return []  # "巡查 什么时候开始": conversation
        number = parse_number(first, "巡查编号")
    return await answer(msg, ctx, number, rest)


FEATURE = Feature(
    name="patrols",
    commands=(
        Command(
            "patrol",
            patrol_command,
            "定期巡查：查看待办，逐项回复检查结果",
            usage="巡查 编号 好 好 坏:情况 好",
            aliases=("巡查",),
            # The round number and item numbers may be equal ("巡查 1 第1项 好").
            alias_form=AliasForm.TEXT,
            staff_only=True,
            permission=Permission(Who.STAFF, who_text=t.NOT_STAFF),
        ),
    ),
    timers=MappingProxyType(
        {
            sched.ROUND_TIMER: sched.on_round,
            sched.DUE_TIMER: sched.on_due,
            sched.ESCALATE_TIMER: sched.on_escalate,
        }
    ),
    on_start=sched.on_start,
)
