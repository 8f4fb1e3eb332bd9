"""Help between neighbours (握手行动): offers, consent, contact sharing, privacy, forgetting,
and the wiring of the ``help`` feature. Requests and matching live in ``help_requests`` and
``help_matching``.

An offer said in the group ("我会缝纫，可以帮大家补衣服") is never registered on its own: the
person is asked once, privately, and only their yes registers it.
"""

from __future__ import annotations

import unicodedata
from datetime import date, datetime, timedelta
from types import MappingProxyType

from bot.commands import AliasForm, CommandCall, parse_number
from bot.feature import Command, Context, Feature
from bot.model import Incoming, Kind, Outgoing
from bot.permissions import EVERYONE, Permission, Where, Who
from bot.privacy import has_contact_number, has_link, redact
from bot.understand import Intent, Understanding
from handlers import checkins
from handlers import help_matching as matching
from handlers import help_requests as requests
from handlers import help_texts as t
from handlers.help_skills import (
    availability_in,
    parse_offer_args,
    skills_in,
)
from storage.help_records import OPEN_REQUEST, PendingOffer, RequestStatus

# A consent question not answered within this long is dropped.
QUESTION_VALID = timedelta(days=7)
# After a "no", do not ask the same person again for this long.
DONT_ASK_AGAIN = timedelta(days=30)
MAX_OFFER_DAYS = 365
YES = frozenset(
    {
        "好",
        "好的",
        "好啊",
        "好呀",
        "是",
        "是的",
        "可以",
        "行",
        "嗯",
        "登记",
        "登记吧",
        "要",
        "yes",
        "ok",
    }
)
NO = frozenset({"不用", "不用了", "不要", "不了", "算了", "不", "否", "no", "不登记"})
# "What do you mean?" in answer to the consent question: explain it instead of a greeting.
PUZZLED = frozenset(
    {
        "啥意思",
        "什么意思",
        "啥",
        "什么",
        "啥事",
        "什么事",
        "怎么了",
        "没懂",
        "不懂",
        "看不懂",
        "没看懂",
        "这是啥",
        "这是什么",
        "你是谁",
        "?",
        "？",
    }
)
REMOVE_WORDS = ("remove", "撤下", "删除", "取消")
RENEW_WORDS = ("renew", "续期")
ALL_WORDS = ("全部", "all", "所有")
CLEAR_WORDS = ("清除", "clear", "删除")
SHOW_WORDS = ("公开", "show", "on")

reply = requests.reply


def _answer(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip().strip("。.!！~～").lower()


async def on_text(msg: Incoming, ctx: Context, u: Understanding) -> list[Outgoing] | None:
    """Claims: a yes/no to a pending consent question (private chat), an offer or a help
    request said in a building group. Anything else is not ours (None)."""
    if not ctx.in_group:
        answer = _answer(msg.text)
        if answer in YES or answer in NO or answer.rstrip("?？") in PUZZLED:
            pending = await _fresh_pending(ctx, msg.sender)
            if pending is None:
                return None
            if answer in YES or answer in NO:
                return await _consent(msg, ctx, pending, answer in YES)
            text = t.consent_explained(pending.skills)
            return [Outgoing(msg.chat, Kind.COMMAND_REPLY, text)]
        return None
    if ctx.building is None:
        return None
    # The understanding (measured on the labelled corpus, bench/understand.py) alone decides
    # what is an offer or a request: a second guess here would post unmeasured false alarms.
    if u.intent is Intent.OFFER:
        skills = skills_in(u.text, matching.table_for(ctx), loose=True)
        return await _ask_consent(msg, ctx, skills) if skills else None
    if u.intent is Intent.HELP_REQUEST:
        return await requests.open_request(msg, ctx, u.text)
    return None


async def _fresh_pending(ctx: Context, user: str) -> PendingOffer | None:
    pending = await ctx.store.help.pending_offer(user)
    if pending is None or ctx.now - pending.asked_at > QUESTION_VALID:
        return None
    return pending


async def _ask_consent(msg: Incoming, ctx: Context, skills: tuple[str, ...]) -> list[Outgoing]:
    """Ask once, privately, whether to register what the person offered in the group. The
    message is claimed even when we stay silent, so no other feature files it."""
    if await _fresh_pending(ctx, msg.sender) is not None:
        return []
    profile = await ctx.store.help.profile(msg.sender)
    declined = profile.prompt_declined_at if profile else None
    if declined is not None and ctx.now - declined < DONT_ASK_AGAIN:
        return []
    table = matching.table_for(ctx)
    offered = {
        table.canonical(s)
        for o in await ctx.store.help.offers_of(msg.sender, ctx.now)
        for s in o.skills
    }
    if all(table.canonical(s) in offered for s in skills):
        return []
    await ctx.store.help.touch_profile(msg.sender, msg.sender_name, ctx.building)
    await ctx.store.help.set_pending_offer(
        PendingOffer(
            msg.sender, msg.sender_name, ctx.building, skills, availability_in(msg.text), ctx.now
        )
    )
    return [
        matching.private(
            ctx,
            msg.sender,
            msg.sender_name,
            ctx.building,
            Kind.COMMAND_REPLY,
            t.consent_question(msg.text, skills),
        )
    ]


async def _consent(msg: Incoming, ctx: Context, pending: PendingOffer, yes: bool) -> list[Outgoing]:
    await ctx.store.help.clear_pending_offer(msg.sender)
    if not yes:
        await ctx.store.help.set_prompt_declined(msg.sender, ctx.now)
        return [Outgoing(msg.chat, Kind.COMMAND_REPLY, t.CONSENT_NO)]
    text = await _register(
        ctx, msg.sender, pending.name, pending.building, pending.skills, pending.note, None
    )
    return [Outgoing(msg.chat, Kind.COMMAND_REPLY, text)]


async def _register(
    ctx: Context,
    user: str,
    name: str,
    building: str | None,
    skills: tuple[str, ...],
    note: str | None,
    days: int | None,
) -> str:
    expiry = timedelta(days=min(days, MAX_OFFER_DAYS)) if days else ctx.config.help.offer_expiry
    expires_at = ctx.now + expiry
    await ctx.store.help.touch_profile(user, name, building)
    offer = await ctx.store.help.add_offer(user, name, building, skills, note, ctx.now, expires_at)
    await matching.schedule_offer_reminder(ctx, offer.id, expires_at)
    return t.offer_registered(skills, note, _local_day(ctx, expires_at))


def _local_day(ctx: Context, at: datetime) -> date:
    return at.astimezone(ctx.config.timezone).date()


async def yes(msg: Incoming, ctx: Context, call: CommandCall) -> list[Outgoing]:
    pending = await _fresh_pending(ctx, msg.sender)
    if pending is None:
        return [reply(msg, ctx, t.NO_PENDING, None)]
    return await _consent(msg, ctx, pending, True)


async def no(msg: Incoming, ctx: Context, call: CommandCall) -> list[Outgoing]:
    pending = await _fresh_pending(ctx, msg.sender)
    if pending is None:
        return [reply(msg, ctx, t.NO_PENDING, None)]
    return await _consent(msg, ctx, pending, False)


async def offer(msg: Incoming, ctx: Context, call: CommandCall) -> list[Outgoing]:
    """``/offer SKILLS [NOTE] [30天]``, ``/offer remove N|SKILL|全部``, ``/offer renew N``."""
    argv = call.argv
    if argv and argv[0].lower() in REMOVE_WORDS:
        return await _remove(msg, ctx, argv[1:])
    if argv and argv[0].lower() in RENEW_WORDS:
        return await _renew(msg, ctx, argv[1] if len(argv) > 1 else None)
    if has_link(call.args):
        return [reply(msg, ctx, t.HAS_LINK, None, error=True)]
    if has_contact_number(call.args):
        # A number in the offer would be stored as a skill or note and shown to neighbours;
        # contact details are shared only through /contact, privately, on a match.
        return [reply(msg, ctx, t.OFFER_HAS_NUMBER, None, error=True)]
    parsed = parse_offer_args(call.args, matching.table_for(ctx))
    if not parsed.skills:
        return [reply(msg, ctx, t.OFFER_USAGE, None, error=True)]
    building = ctx.building or await matching.building_of(ctx, msg.sender)
    await ctx.store.help.clear_pending_offer(msg.sender)
    text = await _register(
        ctx, msg.sender, msg.sender_name, building, parsed.skills, parsed.note, parsed.days
    )
    return [reply(msg, ctx, text, None)]


async def _remove(msg: Incoming, ctx: Context, what: list[str]) -> list[Outgoing]:
    if not what:
        return [reply(msg, ctx, t.OFFER_REMOVE_USAGE, None, error=True)]
    mine = await ctx.store.help.offers_of(msg.sender, ctx.now)
    target = what[0]
    removed: list[str] = []
    if target.lower() in ALL_WORDS:
        for o in mine:
            await ctx.store.help.remove_offer(o.id)
            removed.extend(o.skills)
    elif target.isdigit():
        for o in mine:
            if o.id == int(target):
                await ctx.store.help.remove_offer(o.id)
                removed.extend(o.skills)
    else:
        table = matching.table_for(ctx)
        gone = {table.canonical(w) for w in what}
        for o in mine:
            keep = tuple(s for s in o.skills if table.canonical(s) not in gone)
            if keep == o.skills:
                continue
            removed.extend(s for s in o.skills if s not in keep)
            if keep:
                await ctx.store.help.set_offer_skills(o.id, keep)
            else:
                await ctx.store.help.remove_offer(o.id)
    if not removed:
        return [reply(msg, ctx, t.offer_not_found(" ".join(what)), None, error=True)]
    return [reply(msg, ctx, t.offers_removed(tuple(dict.fromkeys(removed))), None)]


async def _renew(msg: Incoming, ctx: Context, token: str | None) -> list[Outgoing]:
    offer_id = parse_number(token, "登记编号")
    found = await ctx.store.help.offer(offer_id)
    if found is None or found.user != msg.sender:
        return [reply(msg, ctx, t.OFFER_EXPIRED, None, error=True)]
    expires_at = max(found.expires_at, ctx.now) + ctx.config.help.offer_expiry
    await ctx.store.help.renew_offer(offer_id, expires_at)
    await matching.schedule_offer_reminder(ctx, offer_id, expires_at)
    return [reply(msg, ctx, t.offer_renewed(offer_id, _local_day(ctx, expires_at)), None)]


async def offers(msg: Incoming, ctx: Context, call: CommandCall) -> list[Outgoing]:
    mine = await ctx.store.help.offers_of(msg.sender, ctx.now)
    if not mine:
        return [reply(msg, ctx, t.OFFER_NOTHING, None)]
    lines = [t.offer_line(o.id, o.skills, o.note, _local_day(ctx, o.expires_at)) for o in mine]
    return [reply(msg, ctx, t.offers_list(lines), None)]


async def contact(msg: Incoming, ctx: Context, call: CommandCall) -> list[Outgoing]:
    """What the person agrees to share when connected; never set or shown in a group."""
    building = ctx.building or await matching.building_of(ctx, msg.sender)
    await ctx.store.help.touch_profile(msg.sender, msg.sender_name, building)
    args = " ".join(call.args.split())
    if not args:
        profile = await ctx.store.help.profile(msg.sender)
        return [reply(msg, ctx, t.contact_show(profile.contact if profile else None), None)]
    if args.lower() in CLEAR_WORDS:
        await ctx.store.help.set_contact(msg.sender, None)
        return [reply(msg, ctx, t.CONTACT_CLEARED, None)]
    await ctx.store.help.set_contact(msg.sender, args[:60])
    return [reply(msg, ctx, t.contact_set(args[:60]), None), *await _pass_on(ctx, msg, args[:60])]


async def _pass_on(ctx: Context, msg: Incoming, contact: str) -> list[Outgoing]:
    """A contact left after a match that had none: the neighbour on the other side of each
    connected request hears it (privately), so they can reach each other after all."""
    outs: list[Outgoing] = []
    for number in await ctx.store.help.requests_involving(msg.sender):
        req = await ctx.store.help.request(number)
        if req is None or req.status is not RequestStatus.CONNECTED or not req.helper:
            continue
        if req.requester == msg.sender:
            other, name, building = req.helper, req.helper_name or "", req.helper_building
        else:
            other, name, building = req.requester, req.requester_name, req.building
        text = t.contact_passed_on(number, msg.sender_name, contact)
        outs.append(
            matching.private(
                ctx, other, name, building, Kind.HELP_CONNECTED, text, number, holds_contact=True
            )
        )
    return outs


async def privacy(msg: Incoming, ctx: Context, call: CommandCall) -> list[Outgoing]:
    """``/privacy``: leave my name out of the monthly thank-you post; ``/privacy 公开``: back in."""
    building = ctx.building or await matching.building_of(ctx, msg.sender)
    await ctx.store.help.touch_profile(msg.sender, msg.sender_name, building)
    show = call.args.strip().lower() in SHOW_WORDS
    await ctx.store.help.set_hidden(msg.sender, not show)
    return [reply(msg, ctx, t.PRIVACY_SHOWN if show else t.PRIVACY_HIDDEN, None)]


async def forget(msg: Incoming, ctx: Context, call: CommandCall) -> list[Outgoing]:
    """Withdraw the person's open requests, then delete their offers, needs and contact data
    (completed help stays only as an anonymous count)."""
    outs: list[Outgoing] = []
    for req in await ctx.store.help.requests_of(msg.sender):
        if req.status in (*OPEN_REQUEST, RequestStatus.CONNECTED):
            outs.extend(await requests.withdraw(ctx, req, "一位邻居"))
    profile = await ctx.store.help.profile(msg.sender)
    contact = profile.contact if profile and profile.contact else None
    involved = await ctx.store.help.requests_involving(msg.sender)
    await ctx.store.help.forget(msg.sender)
    # Also what linli keeps elsewhere: the resident record, the person's messages in the
    # inbox, private messages to them and their contact in messages sent to neighbours.
    await ctx.store.residents.forget(msg.sender)
    await ctx.store.inbox.forget_sender(msg.sender)
    # A one-character name would blank that character everywhere: only longer ones.
    secrets = tuple(x for x in (contact, msg.sender_name) if x and len(x) >= 2)
    await ctx.store.outbox.forget_person(msg.sender, secrets)
    # Every contact they ever shared (not only the current one) in the messages that
    # connected them with neighbours; the personal numbers in what they reported (the issue
    # records stay, as the building's history) and in the messages quoting it; their name
    # in event sign-ups.
    reported = await ctx.store.issues.redact_reporter(msg.sender, redact)
    await ctx.store.outbox.rewrite(
        requests=involved,
        issues=reported,
        except_chat=msg.sender,
        scrub=lambda text: redact(t.without_contact(text)),
    )
    await ctx.store.events.forget(msg.sender)
    # Their votes still count, but no longer under their name.
    await ctx.store.polls.forget_person(msg.sender)
    await ctx.store.ratings.forget_person(msg.sender)
    await checkins.forget(ctx, msg.sender)
    await ctx.store.alerts.forget(msg.sender)
    return [reply(msg, ctx, t.FORGOTTEN, None), *outs]


R = "request"  # a reply to the bot's message about a request names that request

FEATURE = Feature(
    name="help",
    commands=(
        Command(
            "offer",
            offer,
            "登记我能帮忙的事",
            usage="/offer 技能 [说明]",
            aliases=("我能帮忙",),
            alias_needs_number=False,
            alias_form=AliasForm.TEXT,
        ),
        Command("offers", offers, "查看我登记的帮忙"),
        Command(
            "need",
            requests.need,
            "请邻居帮个忙",
            usage="/need 需要什么帮忙",
            aliases=("求助",),
            alias_needs_number=False,
            alias_form=AliasForm.TEXT,
        ),
        Command("needs", requests.needs, "查看我的求助"),
        Command(
            "accept",
            requests.accept,
            "接下求助",
            usage="/accept 编号",
            aliases=("接单",),
            refers_to=R,
        ),
        Command(
            "decline",
            requests.decline,
            "这次帮不了",
            usage="/decline 编号",
            aliases=("帮不了",),
            refers_to=R,
        ),
        Command(
            "done",
            requests.done,
            "求助已办好",
            usage="/done 编号",
            aliases=("已完成",),
            refers_to=R,
        ),
        Command(
            "cancel",
            requests.cancel,
            "撤回求助",
            usage="/cancel 编号",
            aliases=("撤回求助",),
            refers_to=R,
        ),
        Command(
            "post",
            requests.post,
            "把求助发到楼栋群",
            usage="/post 编号",
            aliases=("发到群",),
            refers_to=R,
        ),
        Command(
            "contact",
            contact,
            "设置对接时告诉邻居的联系方式（私聊）",
            usage="/contact 电话 号码",
            permission=Permission(Who.MEMBER, Where.PRIVATE, where_text=t.CONTACT_IN_GROUP),
        ),
        Command("privacy", privacy, "感谢帖里不写我的名字", usage="/privacy [公开]"),
        # Anyone may ask to be forgotten, wherever they are.
        Command("forget", forget, "删除我的互助登记、求助和联系方式", permission=EVERYONE),
        Command("yes", yes, "同意登记"),
        Command("no", no, "不登记"),
    ),
    on_text=on_text,
    timers=MappingProxyType(
        {
            matching.MATCH_TIMEOUT: matching.on_match_timeout,
            matching.OFFER_REMINDER: matching.on_offer_reminder,
            matching.MONTHLY_THANKS: matching.on_monthly_thanks,
        }
    ),
    on_start=matching.schedule_monthly_thanks,
)
