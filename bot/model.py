"""Neutral message model shared by adapters, dispatch and handlers.

Adapters translate platform updates into :class:`Incoming` and send :class:`Outgoing`;
handlers never see a platform object. Ids are strings prefixed by platform
(``telegram:-100123``, ``wechat:wxid_abc``, ``local:head-1``); a private chat with a
person uses that person's id as the chat id.
"""

from __future__ import annotations

import enum
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime

from bot.records import quick_init

# Limits on what an incoming message may carry (longer is cut, not refused). A WeChat rant
# can run to thousands of characters with the problem at its end; understanding reads all of
# it at bounded cost (bot/understand/classify.py).
MAX_TEXT_CHARS = 10_000
MAX_NAME_CHARS = 64
MAX_ID_CHARS = 200
# Characters that cannot be stored as UTF-8 (lone surrogates), are not text (control,
# private-use, unassigned) or rewrite how text around them is shown (format characters such as
# right-to-left overrides, which can make a name read as someone else's).
_DROP_IN_TEXT = frozenset({"Cc", "Cs", "Co", "Cn"})
_DROP_IN_NAME = _DROP_IN_TEXT | {"Cf", "Zl", "Zp"}
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def clean_text(text: str) -> str:
    """A message text that can be stored and shown: at most :data:`MAX_TEXT_CHARS`, without
    NUL, control characters (newlines and tabs stay), lone surrogates or bidi overrides."""
    text = text[:MAX_TEXT_CHARS]
    if text.isprintable():
        return text
    return "".join(
        ch
        for ch in text
        if ch in "\n\t"
        or (unicodedata.category(ch) not in _DROP_IN_TEXT and ch not in _BIDI_CONTROLS)
    )


def clean_label(value: str, limit: int) -> str:
    """A name or an id: one line of printable characters (spaces collapsed), at most
    ``limit`` long."""
    if (
        len(value) <= limit
        and value.isprintable()
        and "  " not in value
        and value[:1] != " "
        and value[-1:] != " "
    ):
        # The usual id or name (four a message): printable, so its only whitespace is the
        # space, and no space to collapse: nothing to clean.
        return value
    value = value[: limit * 4]
    if not value.isprintable():
        value = "".join(
            " " if ch.isspace() else ch
            for ch in value
            if ch.isspace() or unicodedata.category(ch) not in _DROP_IN_NAME
        )
    return " ".join(value.split())[:limit]


class Kind(enum.StrEnum):
    """What an outgoing message is about (contract: replay tests rely on these values)."""

    ISSUE_CREATED = "issue_created"
    ISSUE_MERGED = "issue_merged"
    ISSUE_STATUS = "issue_status"
    ACK_REMINDER = "ack_reminder"
    ESCALATION = "escalation"
    HELP_MATCH = "help_match"
    HELP_CONNECTED = "help_connected"
    EVENT_ANNOUNCEMENT = "event_announcement"
    EVENT_REMINDER = "event_reminder"
    DIGEST = "digest"
    COMMAND_REPLY = "command_reply"
    ERROR = "error"
    # Added by linli (not in the original contract list): an urgent report's immediate private
    # alert to the building's heads and grid workers.
    ISSUE_ALERT = "issue_alert"
    # A message that may reveal domestic violence, a child being hurt or self-harm: answered
    # privately to the sender and told privately to the building's staff, never in the group.
    SENSITIVE_ALERT = "sensitive_alert"
    # Second wave (contract): building polls (议事), ratings (评事), monthly reports (晒事) and
    # patrols (定期巡).
    POLL = "poll"
    POLL_RESULT = "poll_result"
    RATING_REQUEST = "rating_request"
    MONTHLY_REPORT = "monthly_report"
    PATROL_REMINDER = "patrol_reminder"
    # Daily safety check-ins (平安打卡): the private question, and the notice that it went
    # unanswered (or a device reported no sign of life) to the head, family and grid worker.
    CHECKIN_REQUEST = "checkin_request"
    CHECKIN_MISSED = "checkin_missed"
    # The community-wide alert (全域联动), raised and closed; sent before everything else.
    COMMUNITY_ALERT = "community_alert"


class Role(enum.StrEnum):
    """What a sender may do in a given chat, strongest last."""

    UNKNOWN = "unknown"
    RESIDENT = "resident"
    HEAD = "head"
    GRID_WORKER = "grid_worker"
    ADMIN = "admin"


def platform_of(chat_or_user_id: str) -> str:
    """``"telegram:-100"`` -> ``"telegram"``; ids without a prefix belong to ``local``."""
    prefix, sep, _ = chat_or_user_id.partition(":")
    return prefix if sep else "local"


@quick_init
@dataclass(frozen=True, slots=True)
class Mention:
    """A person to mention in a message; adapters render it natively (@name, text mention)."""

    user: str
    name: str


@quick_init
@dataclass(frozen=True, slots=True)
class Incoming:
    """One message received from a chat.

    ``message_id`` is unique within the chat on its platform; together with ``chat`` it keys
    the inbox so that a redelivered message is handled once. ``private`` is true when the chat
    is a one-to-one chat with the bot (then ``chat == sender``). ``reply_to`` is the platform
    id of the message this one replies to or quotes (Telegram reply, WeChat quote), if any.
    ``member_left`` marks not a message but the platform's notice that ``sender`` left or was
    removed from the group ``chat`` (``text`` is empty); it goes through the inbox like a
    message, so that it is recorded once even if the platform delivers it again.
    """

    chat: str
    sender: str
    sender_name: str
    text: str
    at: datetime
    message_id: str
    private: bool = False
    #: The platform message id of the message this one replies to (Telegram reply, WeChat
    #: quote) in the same chat, if any.
    reply_to: str | None = None
    #: Not a message: ``sender`` left (or was removed from) the group ``chat``.
    member_left: bool = False
    #: The platform account it came through, when the platform has several (bot/workers.py);
    #: not stored: a private message routes the person's later messages to that account.
    via: str | None = None

    def __post_init__(self) -> None:
        # Cleaned here, when the message is made, so that nothing downstream (the inbox, a
        # handler, a reply that quotes the name) ever sees a field it cannot store or show.
        for name, value in (
            ("chat", clean_label(self.chat, MAX_ID_CHARS)),
            ("sender", clean_label(self.sender, MAX_ID_CHARS)),
            ("message_id", clean_label(self.message_id, MAX_ID_CHARS)),
            ("text", clean_text(self.text)),
        ):
            if value != getattr(self, name):
                object.__setattr__(self, name, value)
        name = clean_label(self.sender_name, MAX_NAME_CHARS) or self.sender[:MAX_NAME_CHARS]
        if name != self.sender_name:
            object.__setattr__(self, "sender_name", name)
        if self.reply_to is not None:
            reply_to = clean_label(self.reply_to, MAX_ID_CHARS) or None
            if reply_to != self.reply_to:
                object.__setattr__(self, "reply_to", reply_to)

    @property
    def platform(self) -> str:
        return platform_of(self.chat)


@quick_init
@dataclass(frozen=True, slots=True)
class Outgoing:
    """One message the bot wants to send.

    ``kind`` is a :class:`Kind`; ``issue``/``request``/``event``/``alert`` carry the number of
    the thing the message is about (contract); one about several issues (a batched reminder) lists
    them all in ``issues`` and the first in ``issue``. ``mentions`` are rendered by the
    adapter. ``fallback_chat`` is where to post instead when the platform cannot reach
    ``chat`` (a head who never opened a private chat with the bot is asked, in the building
    group, to do so).
    """

    chat: str
    kind: Kind
    text: str
    issue: int | None = None
    request: int | None = None
    event: int | None = None
    issues: tuple[int, ...] = ()
    alert: int | None = None
    mentions: tuple[Mention, ...] = field(default=())
    fallback_chat: str | None = None
    # A message about a poll carries its number; one about several (the list of open polls)
    # lists them all in ``polls`` and the first in ``poll``.
    poll: int | None = None
    polls: tuple[int, ...] = ()

    @property
    def platform(self) -> str:
        return platform_of(self.chat)

    def refs(self) -> dict[str, int | list[int]]:
        """The numbers this message is about, by key (only those that are set)."""
        out: dict[str, int | list[int]] = {}
        if self.issue is not None:
            out["issue"] = self.issue
        if self.issues:
            out["issues"] = list(self.issues)
        if self.request is not None:
            out["request"] = self.request
        if self.event is not None:
            out["event"] = self.event
        if self.poll is not None:
            out["poll"] = self.poll
        if self.polls:
            out["polls"] = list(self.polls)
        if self.alert is not None:
            out["alert"] = self.alert
        return out
