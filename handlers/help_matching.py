"""Matching help requests with offers: choosing candidates, asking them privately, refilling
when someone declines or does not answer in time, and the timers of the help feature.

Candidates come from the same building first, then the rest of the community, never the
requester; within that, better skill match first, then whoever helped least recently, so the
same kind neighbour is not asked every time.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from bot.feature import Context
from bot.model import Kind, Mention, Outgoing
from bot.permissions import STAFF_ROLES
from handlers import help_texts as t
from handlers.help_skills import SkillTable, match_score, may_match, skill_table
from storage.help_records import CandidateStatus, HelpRequest, Offer, RequestStatus
from storage.timers import Timer

log = logging.getLogger(__name__)

MATCH_TIMEOUT = "help_match_timeout"
OFFER_REMINDER = "help_offer_reminder"
MONTHLY_THANKS = "help_monthly_thanks"
THANKS_AT = time(10, 0)  # local time on the 1st of each month
# Mainland mobile numbers and landlines; masked wherever request text is shown to others.
PHONE = re.compile(
    r"(?<!\d)(1[3-9]\d)[\s-]?(\d{4})[\s-]?(\d{4})(?!\d)|(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)"
)


def mask_phones(text: str) -> str:
    return PHONE.sub("***", text)


def has_phone(text: str) -> bool:
    return PHONE.search(text) is not None


def table_for(ctx: Context) -> SkillTable:
    return skill_table(ctx.config.help.synonyms)


def group_of(ctx: Context, building: str | None) -> str | None:
    chats = ctx.config.group_chats(building) if building else ()
    return chats[0] if chats else None


def private(
    ctx: Context,
    user: str,
    name: str,
    building: str | None,
    kind: Kind,
    text: str,
    request: int | None = None,
    *,
    holds_contact: bool = False,
) -> Outgoing:
    """A private message with the building group as fallback — except when the text holds a
    phone number or a shared contact (``holds_contact``: a WeChat id or an address is no phone
    number): the delivery fallback repeats the text, masked, in the group, and contact details
    are never posted in a group. The recipient is the first mention, as the fallback notice
    addresses them by it."""
    fallback = None if holds_contact or has_phone(text) else group_of(ctx, building)
    mentions = (Mention(user, name),) if fallback else ()
    return Outgoing(user, kind, text, request=request, mentions=mentions, fallback_chat=fallback)


async def building_of(ctx: Context, user: str) -> str | None:
    profile = await ctx.store.help.profile(user)
    if profile is not None and profile.building:
        return profile.building
    resident = await ctx.store.residents.get(user)
    if resident is not None and resident.building:
        return resident.building
    person = ctx.config.person_by_id.get(user)
    return person.buildings[0] if person is not None and person.buildings else None


def may_help(ctx: Context, user: str, user_building: str | None, req: HelpRequest) -> bool:
    """Whether ``user`` may be asked about and take ``req``: a resident or the staff of the
    requester's building, or anyone the dispatcher let in when ``[help] scope`` is
    "community" (or the requester has no building)."""
    if ctx.config.help.community_wide or req.building is None:
        return True
    if user_building == req.building:
        return True
    return user in ctx.config.person_by_id and (
        ctx.config.role_of(user, req.building) in STAFF_ROLES
    )


@dataclass(frozen=True, slots=True)
class Choice:
    offer: Offer
    score: int
    matched: tuple[str, ...]


async def choose(ctx: Context, req: HelpRequest, limit: int) -> list[Choice]:
    """Up to ``limit`` neighbours not yet asked about ``req``, best first.

    Reads only offers that can answer: first those of the requester's building (its
    residents and staff), which is all of them in the default scope; when the scope is
    the community (or the requester has no building) and the building has fewer than
    ``limit`` candidates, the offers holding a matching skill word (``help_offer_words``).
    """
    if limit <= 0 or not req.skills:
        return []
    table = table_for(ctx)
    asked = {c.user for c in await ctx.store.help.candidates(req.number)}
    wide = ctx.config.help.community_wide or req.building is None
    if req.building is not None:
        near = await ctx.store.help.offers_near(req.building, staff_of(ctx, req.building), ctx.now)
        ranked = await _ranked(ctx, req, near, asked, table)
        if not wide or sum(1 for same, _ in ranked if same) >= limit:
            return [c for _, c in ranked[:limit]]
    words = [w for w in await ctx.store.help.offer_words() if may_match(req.skills, w, table)]
    offers = await ctx.store.help.offers_with_words(words, ctx.now)
    return [c for _, c in (await _ranked(ctx, req, offers, asked, table))[:limit]]


def staff_of(ctx: Context, building: str) -> list[str]:
    """Who holds a staff role (STAFF_ROLES) for ``building``."""
    people = (
        *ctx.config.heads_of(building),
        *ctx.config.grid_workers_of(building),
        *ctx.config.admins(),
    )
    return list(dict.fromkeys(p.id for p in people))


async def _ranked(
    ctx: Context, req: HelpRequest, offers: list[Offer], asked: set[str], table: SkillTable
) -> list[tuple[bool, Choice]]:
    """The candidates among ``offers``, best first, each with whether they live in the
    requester's building: the same building first, then better skill match, then whoever
    helped least recently."""
    best: dict[str, Choice] = {}
    for offer in offers:
        if offer.user in (req.requester, "") or offer.user in asked:
            continue
        score, matched = match_score(req.skills, offer.skills, table)
        if score <= 0:
            continue
        current = best.get(offer.user)
        if current is None or score > current.score:
            best[offer.user] = Choice(offer, score, matched)
    profiles = await ctx.store.help.profiles(list(best))
    out: list[tuple[tuple[int, int, float, str], bool, Choice]] = []
    for user, choice in best.items():
        profile = profiles.get(user)
        building = (profile.building if profile else None) or choice.offer.building
        if not may_help(ctx, user, building, req):
            continue  # another building's resident never sees the request
        same = bool(req.building) and building == req.building
        last = profile.last_helped_at if profile else None
        key = (
            0 if same else 1,
            -choice.score,
            last.timestamp() if last else float("-inf"),
            user,
        )
        out.append((key, same, choice))
    out.sort(key=lambda x: x[0])
    return [(same, choice) for _, same, choice in out]


async def ask(ctx: Context, req: HelpRequest, limit: int) -> list[Outgoing]:
    """Ask up to ``limit`` new candidates privately (``help_match``), each with a timeout."""
    outs = []
    for c in await choose(ctx, req, limit):
        await ctx.store.help.add_candidate(req.number, c.offer.user, c.offer.name, ctx.now)
        await ctx.store.timers.add(
            MATCH_TIMEOUT,
            req.number,
            ctx.now + ctx.config.help.match_timeout,
            {"user": c.offer.user},
        )
        where = "本楼" if c.offer.building == req.building else (req.building or "社区里")
        text = t.match(req.number, where, mask_phones(req.text), c.matched)
        outs.append(
            private(
                ctx, c.offer.user, c.offer.name, c.offer.building, Kind.HELP_MATCH, text, req.number
            )
        )
    return outs


async def refill(ctx: Context, req: HelpRequest) -> list[Outgoing]:
    """Keep ``candidates_per_round`` neighbours asked; when nobody is left to ask, tell the
    requester kindly (once) and offer to post the request to the building group."""
    if req.status is not RequestStatus.SEARCHING:
        return []
    waiting = [
        c
        for c in await ctx.store.help.candidates(req.number)
        if c.status is CandidateStatus.NOTIFIED
    ]
    outs = await ask(ctx, req, ctx.config.help.candidates_per_round - len(waiting))
    if outs or waiting:
        return outs
    await ctx.store.help.set_request_status(req.number, RequestStatus.WAITING, ctx.now)
    return [
        private(
            ctx,
            req.requester,
            req.requester_name,
            req.building,
            Kind.COMMAND_REPLY,
            t.no_candidate(req.number),
            req.number,
        )
    ]


async def on_match_timeout(timer: Timer, ctx: Context) -> list[Outgoing]:
    """A candidate did not answer in time: ask the next one."""
    req = await ctx.store.help.request(timer.ref)
    user = str(timer.payload.get("user", ""))
    if req is None or req.status is not RequestStatus.SEARCHING:
        return []
    candidate = next(
        (c for c in await ctx.store.help.candidates(req.number) if c.user == user), None
    )
    if candidate is None or candidate.status is not CandidateStatus.NOTIFIED:
        return []
    await ctx.store.help.set_candidate_status(req.number, user, CandidateStatus.EXPIRED)
    # Tell them it moved on, so that a late "接单" is not a surprise (it still works while
    # nobody else has taken it).
    building = await building_of(ctx, user)
    told = private(
        ctx,
        user,
        candidate.name,
        building,
        Kind.COMMAND_REPLY,
        t.match_moved_on(req.number),
        req.number,
    )
    return [told, *await refill(ctx, req)]


async def schedule_offer_reminder(ctx: Context, offer_id: int, expires_at: datetime) -> None:
    due = expires_at - ctx.config.help.offer_reminder_before
    if due > ctx.now:
        await ctx.store.timers.add(
            OFFER_REMINDER, offer_id, due, {"expires_at": expires_at.timestamp()}
        )


async def on_offer_reminder(timer: Timer, ctx: Context) -> list[Outgoing]:
    """Remind the person that an offer lapses soon (skipped if renewed or removed since)."""
    offer = await ctx.store.help.offer(timer.ref)
    if offer is None or offer.expires_at.timestamp() != timer.payload.get("expires_at"):
        return []
    until = offer.expires_at.astimezone(ctx.config.timezone).date()
    building = await building_of(ctx, offer.user)
    text = t.offer_expiring(offer.id, offer.skills, until)
    return [private(ctx, offer.user, offer.name, building, Kind.COMMAND_REPLY, text)]


def next_thanks_at(ctx: Context, after: datetime) -> datetime:
    """10:00 local time on the first day of the month after ``after``."""
    local = after.astimezone(ctx.config.timezone)
    year, month = (local.year + 1, 1) if local.month == 12 else (local.year, local.month + 1)
    return datetime(year, month, 1, THANKS_AT.hour, THANKS_AT.minute, tzinfo=ctx.config.timezone)


async def schedule_monthly_thanks(ctx: Context) -> None:
    """On start: make sure the next 邻家好人 post is scheduled (exactly one pending timer)."""
    if not await ctx.store.timers.pending_for(MONTHLY_THANKS, 0):
        await ctx.store.timers.add(MONTHLY_THANKS, 0, next_thanks_at(ctx, ctx.now))


async def on_monthly_thanks(timer: Timer, ctx: Context) -> list[Outgoing]:
    """The 邻家好人 post: in each building group, the residents who completed help last month
    (except those who opted out, who count anonymously). Nothing when nobody helped."""
    # Planned from now, not from when it was due: after a long downtime the missed months
    # are skipped (one post, for the month just ended), not caught up one tick round each.
    following = next_thanks_at(ctx, max(timer.due_at, ctx.now))
    await ctx.store.timers.add(MONTHLY_THANKS, 0, following)
    tz = ctx.config.timezone
    if ctx.now >= next_thanks_at(ctx, timer.due_at):
        log.warning(
            "monthly thanks skipped due_at=%s now=%s (missed while down)",
            timer.due_at.isoformat(),
            ctx.now.isoformat(),
        )
        return []
    this_month = timer.due_at.astimezone(tz).replace(day=1, hour=0, minute=0, second=0)
    last_month = (this_month - timedelta(days=1)).replace(day=1)
    counts = await ctx.store.help.completed_by_helper(last_month, this_month)
    outs: list[Outgoing] = []
    for building in ctx.config.buildings:
        mine = [c for c in counts if c.building == building.name]
        if not mine:
            continue
        names = [c.name for c in mine if not c.hidden and c.name]
        text = t.monthly_thanks(last_month.month, names, sum(c.count for c in mine))
        outs.extend(Outgoing(chat, Kind.DIGEST, text) for chat in building.chats)
    return outs
