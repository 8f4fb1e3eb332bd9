"""Help requests: /need (or a help request said in the group), /accept, /decline, /done,
/cancel, /post and /needs. Every message about a request carries its number as ``request``.
"""

from __future__ import annotations

from bot.commands import CommandCall, parse_number
from bot.feature import Context
from bot.model import Incoming, Kind, Mention, Outgoing
from bot.privacy import has_link
from handlers import help_texts as t
from handlers.help_matching import (
    MATCH_TIMEOUT,
    ask,
    building_of,
    group_of,
    mask_phones,
    may_help,
    private,
    refill,
    table_for,
)
from handlers.help_skills import skills_in
from storage.help_records import CandidateStatus, HelpRequest, RequestStatus

_STILL_ASKED = (CandidateStatus.NOTIFIED, CandidateStatus.EXPIRED)
NEEDS_SHOWN = 10


def reply(
    msg: Incoming, ctx: Context, text: str, request: int | None, *, error: bool = False
) -> Outgoing:
    """An answer in the chat the command came from (mentioning the sender in a group)."""
    kind = Kind.ERROR if error else Kind.COMMAND_REPLY
    mentions = (Mention(msg.sender, msg.sender_name),) if ctx.in_group else ()
    return Outgoing(msg.chat, kind, text, request=request, mentions=mentions)


async def open_request(msg: Incoming, ctx: Context, text: str) -> list[Outgoing]:
    """Open a request and ask the first candidates; the requester is answered where they
    asked (the group or the private chat)."""
    if has_link(text):
        # Passed on in the bot's name, a link would be a phishing link the bot vouches for.
        return [reply(msg, ctx, t.HAS_LINK, None, error=True)]
    building = ctx.building or await building_of(ctx, msg.sender)
    await ctx.store.help.touch_profile(msg.sender, msg.sender_name, building)
    skills = skills_in(text, table_for(ctx), loose=True)
    req = await ctx.store.help.create_request(
        msg.sender, msg.sender_name, building, msg.chat, text[:500], skills, ctx.now
    )
    asked = await ask(ctx, req, ctx.config.help.candidates_per_round)
    if not asked:
        await ctx.store.help.set_request_status(req.number, RequestStatus.WAITING, ctx.now)
        return [reply(msg, ctx, t.no_candidate(req.number), req.number)]
    return [reply(msg, ctx, t.request_opened(req.number, skills), req.number), *asked]


async def need(msg: Incoming, ctx: Context, call: CommandCall) -> list[Outgoing]:
    if not call.args.strip():
        return [reply(msg, ctx, t.NEED_USAGE, None, error=True)]
    return await open_request(msg, ctx, call.args.strip())


async def needs(msg: Incoming, ctx: Context, call: CommandCall) -> list[Outgoing]:
    mine = (await ctx.store.help.requests_of(msg.sender))[-NEEDS_SHOWN:]
    if not mine:
        return [reply(msg, ctx, t.NEEDS_NONE, None)]
    lines = [t.need_line(r.number, mask_phones(r.text), str(r.status)) for r in mine]
    return [reply(msg, ctx, t.needs_list(lines), None)]


async def _request(msg: Incoming, ctx: Context, call: CommandCall) -> HelpRequest | Outgoing:
    number = parse_number(call.argv[0] if call.argv else None, "求助编号")
    req = await ctx.store.help.request(number)
    if req is None or not req.requester:
        return reply(msg, ctx, t.request_not_found(number), number, error=True)
    return req


async def accept(msg: Incoming, ctx: Context, call: CommandCall) -> list[Outgoing]:
    """The first accept wins: :meth:`HelpRepo.claim` is a conditional UPDATE, so a second
    accept arriving at the same moment finds the request already connected."""
    req = await _request(msg, ctx, call)
    if isinstance(req, Outgoing):
        return [req]
    n = req.number
    if req.requester == msg.sender:
        return [reply(msg, ctx, t.own_request(n), n, error=True)]
    helper_building = ctx.building or await building_of(ctx, msg.sender)
    if not may_help(ctx, msg.sender, helper_building, req):
        # Nobody outside the building gets the requester's name or contact.
        return [reply(msg, ctx, t.other_building(n), n, error=True)]
    candidates = {c.user: c for c in await ctx.store.help.candidates(n)}
    asked = msg.sender in candidates
    if req.is_open and not asked and req.status is not RequestStatus.POSTED:
        return [reply(msg, ctx, t.not_asked(n), n, error=True)]
    if not await ctx.store.help.claim(n, msg.sender, msg.sender_name, helper_building, ctx.now):
        late = asked or req.status is RequestStatus.CONNECTED
        text = t.accept_too_late(n) if late else t.request_closed(n)
        return [reply(msg, ctx, text, n, error=not late)]
    await ctx.store.timers.cancel(MATCH_TIMEOUT, n)
    await ctx.store.help.touch_profile(msg.sender, msg.sender_name, helper_building)
    if not asked:
        await ctx.store.help.add_candidate(n, msg.sender, msg.sender_name, ctx.now)
    await ctx.store.help.set_candidate_status(n, msg.sender, CandidateStatus.ACCEPTED)
    outs: list[Outgoing] = []
    for c in candidates.values():
        if c.user != msg.sender and c.status in _STILL_ASKED:
            await ctx.store.help.set_candidate_status(n, c.user, CandidateStatus.TAKEN)
            building = await building_of(ctx, c.user)
            outs.append(private(ctx, c.user, c.name, building, Kind.COMMAND_REPLY, t.taken(n), n))
    requester = await ctx.store.help.profile(req.requester)
    helper = await ctx.store.help.profile(msg.sender)
    outs.append(
        private(
            ctx,
            req.requester,
            req.requester_name,
            req.building,
            Kind.HELP_CONNECTED,
            t.connected_requester(
                n,
                msg.sender_name,
                helper.contact if helper else None,
                requester.contact if requester else None,
            ),
            n,
            holds_contact=bool(helper and helper.contact),
        )
    )
    outs.append(
        private(
            ctx,
            msg.sender,
            msg.sender_name,
            helper_building,
            Kind.HELP_CONNECTED,
            t.connected_helper(
                n,
                req.requester_name,
                mask_phones(req.text),
                requester.contact if requester else None,
                helper.contact if helper else None,
            ),
            n,
            holds_contact=bool(requester and requester.contact),
        )
    )
    if ctx.in_group:
        outs.insert(0, reply(msg, ctx, t.accepted_in_group(n), n))
    return outs


async def decline(msg: Incoming, ctx: Context, call: CommandCall) -> list[Outgoing]:
    req = await _request(msg, ctx, call)
    if isinstance(req, Outgoing):
        return [req]
    n = req.number
    candidate = next((c for c in await ctx.store.help.candidates(n) if c.user == msg.sender), None)
    if candidate is None or candidate.status not in _STILL_ASKED:
        return [reply(msg, ctx, t.declined_ack(n), n)]
    await ctx.store.help.set_candidate_status(n, msg.sender, CandidateStatus.DECLINED)
    return [reply(msg, ctx, t.declined_ack(n), n), *await refill(ctx, req)]


async def _own(msg: Incoming, ctx: Context, call: CommandCall) -> HelpRequest | Outgoing:
    req = await _request(msg, ctx, call)
    if isinstance(req, Outgoing):
        return req
    if req.requester != msg.sender:
        return reply(msg, ctx, t.not_requester(req.number), req.number, error=True)
    if req.status in (RequestStatus.DONE, RequestStatus.CANCELLED):
        return reply(msg, ctx, t.request_closed(req.number), req.number, error=True)
    return req


async def done(msg: Incoming, ctx: Context, call: CommandCall) -> list[Outgoing]:
    """The requester closes a connected request; the helper is thanked."""
    req = await _own(msg, ctx, call)
    if isinstance(req, Outgoing):
        return [req]
    n = req.number
    if req.status is not RequestStatus.CONNECTED or not req.helper:
        return [reply(msg, ctx, t.not_connected(n), n, error=True)]
    await ctx.store.help.set_request_status(n, RequestStatus.DONE, ctx.now, closed=True)
    await ctx.store.help.touch_helped(req.helper, ctx.now)
    helper_name = req.helper_name or "热心邻居"
    return [
        reply(msg, ctx, t.done_requester(n, helper_name), n),
        private(
            ctx,
            req.helper,
            helper_name,
            req.helper_building,
            Kind.COMMAND_REPLY,
            t.done_helper(n, req.requester_name),
            n,
        ),
    ]


async def withdraw(ctx: Context, req: HelpRequest, requester_name: str) -> list[Outgoing]:
    """Cancel ``req``: stop its timers and tell whoever was asked or is helping."""
    n = req.number
    await ctx.store.help.set_request_status(n, RequestStatus.CANCELLED, ctx.now, closed=True)
    await ctx.store.timers.cancel(MATCH_TIMEOUT, n)
    outs: list[Outgoing] = []
    for c in await ctx.store.help.candidates(n):
        if c.status in _STILL_ASKED:
            await ctx.store.help.set_candidate_status(n, c.user, CandidateStatus.CLOSED)
            building = await building_of(ctx, c.user)
            outs.append(
                private(ctx, c.user, c.name, building, Kind.COMMAND_REPLY, t.withdrawn(n), n)
            )
    if req.status is RequestStatus.CONNECTED and req.helper:
        text = t.cancelled_helper(n, requester_name)
        outs.append(
            private(
                ctx,
                req.helper,
                req.helper_name or "",
                req.helper_building,
                Kind.COMMAND_REPLY,
                text,
                n,
            )
        )
    return outs


async def cancel(msg: Incoming, ctx: Context, call: CommandCall) -> list[Outgoing]:
    req = await _own(msg, ctx, call)
    if isinstance(req, Outgoing):
        return [req]
    outs = await withdraw(ctx, req, msg.sender_name)
    return [reply(msg, ctx, t.cancelled(req.number), req.number), *outs]


async def post(msg: Incoming, ctx: Context, call: CommandCall) -> list[Outgoing]:
    """Post a request nobody could take to the building group (phone numbers masked)."""
    req = await _own(msg, ctx, call)
    if isinstance(req, Outgoing):
        return [req]
    n = req.number
    group = group_of(ctx, req.building)
    if req.status not in (RequestStatus.SEARCHING, RequestStatus.WAITING) or group is None:
        return [reply(msg, ctx, t.cannot_post(n), n, error=True)]
    await ctx.store.help.set_request_status(n, RequestStatus.POSTED, ctx.now)
    chats = ctx.config.group_chats(req.building) if req.building else ()
    posts = [
        Outgoing(chat, Kind.HELP_MATCH, t.posted(n, mask_phones(req.text)), request=n)
        for chat in chats
    ]
    return [reply(msg, ctx, t.posted_ack(n), n), *posts]
