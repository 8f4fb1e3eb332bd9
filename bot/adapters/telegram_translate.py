"""Telegram <-> the neutral model, as pure functions: updates to :class:`Incoming` (or a
deliberate :class:`Ignored` / :class:`GroupUpgraded`), :class:`Outgoing` to HTML text.

Ids are ``telegram:<chat_id>`` for chats and ``telegram:<user_id>`` for people; a private chat
with a person has the person's id, so replies addressed to a person go to their private chat.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import datetime

from telegram import Update
from telegram.constants import ChatMemberStatus, ChatType, MessageLimit

from bot.model import Incoming, Mention, Outgoing

PREFIX = "telegram:"
# Telegram counts the text after entity parsing; stay a little under its 4096 limit.
MAX_CHUNK = MessageLimit.MAX_TEXT_LENGTH - 96


@dataclass(frozen=True, slots=True)
class Ignored:
    """An update linli deliberately does not handle; ``reason`` goes to the debug log."""

    reason: str


@dataclass(frozen=True, slots=True)
class GroupUpgraded:
    """A group became a supergroup: Telegram gave it a new id (``migrate_to_chat_id``)."""

    old: str
    new: str
    at: datetime


Translated = Incoming | Ignored | GroupUpgraded


def neutral_id(numeric: int) -> str:
    return f"{PREFIX}{numeric}"


def numeric_id(neutral: str) -> int | None:
    """``"telegram:-1001"`` -> -1001; None for another platform's id or a malformed one."""
    if not neutral.startswith(PREFIX):
        return None
    rest = neutral[len(PREFIX) :]
    try:
        return int(rest)
    except ValueError:
        return None


def translate_update(update: Update) -> Translated:
    """What ``update`` means to linli. Never raises on odd updates: unknown shapes are Ignored.

    Deliberate choices: an *edited* message is ignored (the original was already handled;
    handling the edit would file the same report twice); stickers, media without a caption and
    join/leave or other service messages carry nothing to understand; a photo's caption is
    handled as its text. Someone leaving or being removed from a group (the
    ``left_chat_member`` service message, or a ``chat_member`` update to "left"/"kicked") is
    an Incoming with ``member_left`` set and that person as its sender: they stop being a
    resident of the building.
    """
    if update.chat_member is not None:
        return _member_change(update)
    if update.edited_message is not None:
        return Ignored("edited message: the original was already handled")
    msg = update.message
    if msg is None:
        return Ignored(f"update without a new message (id {update.update_id})")
    if msg.migrate_to_chat_id:
        return GroupUpgraded(neutral_id(msg.chat.id), neutral_id(msg.migrate_to_chat_id), msg.date)
    if msg.migrate_from_chat_id:
        return GroupUpgraded(
            neutral_id(msg.migrate_from_chat_id), neutral_id(msg.chat.id), msg.date
        )
    if msg.left_chat_member is not None:
        gone = msg.left_chat_member
        return Incoming(
            chat=neutral_id(msg.chat.id),
            sender=neutral_id(gone.id),
            sender_name=gone.full_name or gone.username or str(gone.id),
            text="",
            at=msg.date,
            message_id=str(msg.message_id),
            member_left=True,
        )
    if msg.new_chat_members:
        return Ignored("join service message")
    if msg.sticker is not None:
        return Ignored("sticker")
    text = msg.text if msg.text is not None else msg.caption
    if not text:
        return Ignored("no text (media or service message)")
    user = msg.from_user
    if user is None:
        return Ignored("message without a sender (channel post)")
    return Incoming(
        chat=neutral_id(msg.chat.id),
        sender=neutral_id(user.id),
        sender_name=user.full_name or user.username or str(user.id),
        text=text,
        at=msg.date,
        message_id=str(msg.message_id),
        private=msg.chat.type == ChatType.PRIVATE,
        reply_to=str(msg.reply_to_message.message_id) if msg.reply_to_message else None,
    )


_GONE = frozenset({ChatMemberStatus.LEFT, ChatMemberStatus.BANNED})


def _member_change(update: Update) -> Translated:
    """A ``chat_member`` update: someone left or was removed (banned), or another change."""
    change = update.chat_member
    assert change is not None
    if change.new_chat_member.status not in _GONE:
        return Ignored(f"chat member now {change.new_chat_member.status}")
    if change.old_chat_member.status in _GONE:
        return Ignored("chat member was not in the group")
    gone = change.new_chat_member.user
    return Incoming(
        chat=neutral_id(change.chat.id),
        sender=neutral_id(gone.id),
        sender_name=gone.full_name or gone.username or str(gone.id),
        text="",
        at=change.date,
        # A chat_member update has no message id; its update id is unique and is the same
        # when Telegram delivers it again.
        message_id=f"member-update-{update.update_id}",
        member_left=True,
    )


def mention_html(mention: Mention) -> str:
    """A text mention by user id (works for people without a username); plain for others."""
    uid = numeric_id(mention.user)
    label = html.escape(f"@{mention.name}", quote=False)
    if uid is None or uid <= 0:
        return label
    return f'<a href="tg://user?id={uid}">{label}</a>'


def render_html(text: str, mentions: tuple[Mention, ...]) -> str:
    """``text`` escaped for ``parse_mode=HTML`` with ``mentions`` as text mentions.

    A mention whose ``@name`` already appears in the text is linked in place (the delivery
    layer's fallback notice writes it so); the others are put in front, as the local chat does.
    Everything else is escaped, so ``<b>`` or ``*`` typed by residents shows literally.
    """
    front: list[str] = []
    parts: list[str] = []
    rest = text
    for mention in mentions:
        token = f"@{mention.name}"
        before, found, after = rest.partition(token)
        if found:
            parts.append(html.escape(before, quote=False) + mention_html(mention))
            rest = after
        else:
            front.append(mention_html(mention))
    parts.append(html.escape(rest, quote=False))
    body = "".join(parts)
    return f"{' '.join(front)} {body}" if front else body


def split_text(text: str, limit: int = MAX_CHUNK) -> list[str]:
    """``text`` in pieces of at most ``limit`` characters, cut at line ends where possible."""
    if len(text) <= limit:
        return [text]
    chunks: list[str] = []
    rest = text
    while len(rest) > limit:
        cut = rest.rfind("\n", 0, limit)
        if cut <= 0:
            cut = limit
        chunks.append(rest[:cut])
        rest = rest[cut:].lstrip("\n")
    if rest:
        chunks.append(rest)
    return chunks


@dataclass(frozen=True, slots=True)
class Chunk:
    """One sendMessage worth of an Outgoing: HTML and the plain fallback of the same text."""

    html: str
    plain: str


def render(out: Outgoing) -> list[Chunk]:
    """``out`` as one or more messages; mentions go in the first only. In a private chat the
    recipient is not mentioned (the chat id is the person's id): "@小王" to 小王 is noise."""
    chunks = []
    first = tuple(m for m in out.mentions if m.user != out.chat)
    for i, piece in enumerate(split_text(out.text)):
        mentions = first if i == 0 else ()
        plain_front = " ".join(f"@{m.name}" for m in mentions if f"@{m.name}" not in piece)
        plain = f"{plain_front} {piece}" if plain_front else piece
        chunks.append(Chunk(render_html(piece, mentions), plain))
    return chunks
