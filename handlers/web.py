"""``/web`` (后台): a staff member asks, privately, for a one-time link to the web console.

The link carries a random token; only its hash is stored (and the outbox's copy of the link
is scrubbed once the platform accepts it, :func:`storage.web_tokens.scrub_links`), it expires after
:data:`LINK_VALID` and is used once (``bot.web.auth``). In a group the command is refused
with a request to ask privately, so a link is never posted where others read it; a link
someone forwards to a group is voided on sight (:func:`void_posted_links`).
"""

from __future__ import annotations

import logging
import secrets
from datetime import timedelta
from urllib.parse import quote

from bot.commands import AliasForm, CommandCall
from bot.feature import Command, Context, Feature
from bot.model import Incoming, Kind, Outgoing
from bot.permissions import Permission, Where, Who
from handlers import web_texts as t
from storage.web_tokens import SIGN_IN_LINK, SIGN_IN_PATH

log = logging.getLogger(__name__)

LINK_VALID_MINUTES = 10
# 32 random bytes: not guessable within the link's ten minutes, whatever the rate.
TOKEN_BYTES = 32


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


async def web_link(msg: Incoming, ctx: Context, call: CommandCall) -> list[Outgoing]:
    token = new_token()
    expires = ctx.now + timedelta(minutes=LINK_VALID_MINUTES)
    await ctx.store.web_tokens.add(token, msg.sender, ctx.now, expires)
    url = f"{ctx.config.web.url}{SIGN_IN_PATH}?token={quote(token)}"
    return [Outgoing(msg.chat, Kind.COMMAND_REPLY, t.sign_in_link(url, LINK_VALID_MINUTES))]


async def void_posted_links(msg: Incoming, ctx: Context) -> list[Outgoing]:
    """A sign-in link written in a group (forwarded by its owner, or by anyone) is used up at
    once, before anyone there can open it, and its owner is told privately."""
    if not ctx.in_group or SIGN_IN_PATH not in msg.text:
        return []
    owners = []
    for token in dict.fromkeys(SIGN_IN_LINK.findall(msg.text)):
        owner = await ctx.store.web_tokens.use(token, ctx.now)
        if owner is not None:
            log.warning("sign-in link posted in a group voided owner=%s chat=%s", owner, msg.chat)
            owners.append(owner)
    return [
        Outgoing(owner, Kind.COMMAND_REPLY, t.LINK_POSTED_IN_GROUP)
        for owner in dict.fromkeys(owners)
    ]


FEATURE = Feature(
    name="web",
    observe=void_posted_links,
    commands=(
        Command(
            "web",
            web_link,
            "获取网页后台的一次性登录链接（工作人员，私聊）",
            usage="/web",
            aliases=("网页后台", "登录后台", "后台"),
            alias_form=AliasForm.ALONE,
            staff_only=True,
            permission=Permission(
                Who.STAFF, Where.PRIVATE, who_text=t.STAFF_ONLY, where_text=t.ASK_PRIVATELY
            ),
        ),
    ),
)
