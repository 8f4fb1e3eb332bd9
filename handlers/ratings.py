"""Satisfaction ratings (评事).

When an issue is closed — the reporter confirmed the fix, or nobody answered the follow-up
question — the reporter and every follower get a private ``rating_request``. They answer
privately with ``满意`` / ``基本满意`` / ``不满意`` (words around them are the comment), or with
``/rate N 1-3 [意见]`` (``评价 N …``) anywhere. An unsatisfied rating is passed on privately to
the building's heads and grid workers as an ``escalation`` about the issue. Ratings feed the
monthly report (:mod:`handlers.monthly_report`).
"""

from __future__ import annotations

import re

from bot.commands import AliasForm, BadArguments, CommandCall, parse_number
from bot.feature import Command, Context, Feature
from bot.model import Incoming, Kind, Mention, Outgoing
from bot.understand import Understanding
from handlers import rating_texts as t
from handlers.issue_flow import audience
from handlers.polls import by_alias, number_token
from storage.issues import Issue
from storage.ratings import Rating, Score

MAX_COMMENT = 300
_ANSWER = re.compile(
    r"^(非常满意|很满意|满意|基本满意|还行|一般|不太满意|很不满意|非常不满意|不满意)"
    r"(?:$|[\s,，。.!！:：;；、-]+(.*)$)",
    re.DOTALL,
)
_WORD_SCORES = {
    "非常满意": Score.SATISFIED,
    "很满意": Score.SATISFIED,
    "满意": Score.SATISFIED,
    "基本满意": Score.FAIR,
    "还行": Score.FAIR,
    "一般": Score.FAIR,
    "不太满意": Score.UNSATISFIED,
    "很不满意": Score.UNSATISFIED,
    "非常不满意": Score.UNSATISFIED,
    "不满意": Score.UNSATISFIED,
}


def parse_answer(text: str) -> tuple[Score, str | None] | None:
    """``不满意，灯还是闪`` -> (UNSATISFIED, "灯还是闪"); None when it is no rating."""
    m = _ANSWER.match(text.strip())
    if not m:
        return None
    comment = (m.group(2) or "").strip()[:MAX_COMMENT] or None
    return _WORD_SCORES[m.group(1)], comment


def parse_score(token: str) -> Score:
    value = number_token(token)
    if value is not None and 1 <= value <= 3:
        return Score(value)
    answer = parse_answer(token)
    if answer is None:
        raise BadArguments(t.BAD_SCORE)
    return answer[0]


async def request_ratings(ctx: Context, issue: Issue) -> list[Outgoing]:
    """Ask the reporter and the followers of a just-closed issue, each privately."""
    label = ctx.config.taxonomy.label(issue.category)
    text = t.request(issue, label)
    outs = []
    for person in await audience(ctx, issue):
        if not person.user:  # a reporter who asked to be forgotten
            continue
        await ctx.store.ratings.request(
            issue.number, person.user, person.name, issue.building, ctx.now
        )
        outs.append(
            Outgoing(
                person.user,
                Kind.RATING_REQUEST,
                text,
                issue=issue.number,
                mentions=(person,),
                fallback_chat=issue.chat,
            )
        )
    return outs


async def _apply(
    msg: Incoming, ctx: Context, rating: Rating, score: Score, comment: str | None
) -> list[Outgoing]:
    issue = await ctx.store.issues.get(rating.issue)
    assert issue is not None
    changed = rating.score is not None
    await ctx.store.ratings.rate(rating.issue, msg.sender, score, comment, ctx.now)
    me = (Mention(msg.sender, msg.sender_name),) if msg.chat != msg.sender else ()
    text = t.thanks(issue, score, changed)
    waiting = [r.issue for r in await ctx.store.ratings.unrated_of(msg.sender)]
    if waiting:
        text += t.more_waiting(waiting)
    outs = [Outgoing(msg.chat, Kind.COMMAND_REPLY, text, issue=issue.number, mentions=me)]
    if score is Score.UNSATISFIED and rating.score is not Score.UNSATISFIED:
        outs += _unsatisfied(ctx, issue, msg.sender_name or rating.name, comment)
    return outs


def _unsatisfied(ctx: Context, issue: Issue, name: str, comment: str | None) -> list[Outgoing]:
    """The building's heads and grid workers, privately (the office chat if one cannot be
    reached; never the building group, where the complaint would be public)."""
    cfg = ctx.config
    label = cfg.taxonomy.label(issue.category)
    text = t.unsatisfied_notice(issue, label, name, comment)
    staff = [*cfg.heads_of(issue.building), *cfg.grid_workers_of(issue.building)]
    if not staff and cfg.office_chat:
        return [Outgoing(cfg.office_chat, Kind.ESCALATION, text, issue=issue.number)]
    return [
        Outgoing(
            p.id,
            Kind.ESCALATION,
            text,
            issue=issue.number,
            mentions=(Mention(p.id, p.name),),
            fallback_chat=cfg.office_chat,
        )
        for p in staff
    ]


async def rate(msg: Incoming, ctx: Context, call: CommandCall) -> list[Outgoing]:
    """``/rate N 1-3 [意见]``."""
    argv = call.args.split(None, 2)
    first = number_token(argv[0]) if argv else None
    if first is None and by_alias(call):
        return []  # "评价 一下这个物业": conversation
    number = first if first is not None else parse_number(argv[0] if argv else None, "问题编号")
    if len(argv) < 2:
        raise BadArguments(t.BAD_SCORE)
    score = parse_score(argv[1])
    comment = argv[2].strip()[:MAX_COMMENT] if len(argv) > 2 else None
    rating = await ctx.store.ratings.get(number, msg.sender)
    if rating is None:
        return [Outgoing(msg.chat, Kind.ERROR, t.not_asked(number), issue=number)]
    return await _apply(msg, ctx, rating, score, comment or None)


async def on_text(msg: Incoming, ctx: Context, u: Understanding) -> list[Outgoing] | None:
    """A private ``满意`` / ``基本满意`` / ``不满意`` answers the latest request."""
    if ctx.in_group:
        return None
    answer = parse_answer(msg.text)
    if answer is None:
        return None
    waiting = await ctx.store.ratings.unrated_of(msg.sender)
    if not waiting:
        return None
    return await _apply(msg, ctx, waiting[0], *answer)


FEATURE = Feature(
    name="ratings",
    commands=(
        Command(
            "rate",
            rate,
            "评价已关闭问题的处理：3 满意，2 基本满意，1 不满意",
            usage="/rate 编号 1-3 [意见]",
            aliases=("评价",),
            alias_form=AliasForm.TEXT,  # issue number and score may be equal: "评价 3 3"
        ),
    ),
    on_text=on_text,
)
