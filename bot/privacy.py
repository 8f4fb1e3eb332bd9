"""Privacy: what the bot posts in a group never shows phone, ID card or plate numbers.

Residents type such numbers freely ("车牌京A12345挡住消防通道", "有事打我13812345678");
echoing them to a group of hundreds is a leak. Private messages are left as they are: contact
details reach a person privately only as the help-matching flow allows.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from bot.config import Config
from bot.model import Mention, Outgoing
from bot.personal_numbers import ID_CARD, LANDLINE, PHONE, PLATE
from bot.reach import reach_everyone
from storage.memo import Memo

# Links: a scheme or www., or a host name with a common top-level domain (full-width forms
# are folded with NFKC first). A help request is passed on to neighbours in the bot's name, so
# a link in it would be a phishing link the bot vouches for.
_LINK = re.compile(
    r"(?i)(?:[a-z][a-z0-9+.-]{1,15}://|www\.)\S+"
    r"|(?<![a-z0-9@.-])[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?(?:\.[a-z0-9-]{1,63})*"
    r"\.(?:com|cn|net|org|io|me|top|xyz|cc|info|link|vip|shop|site|online|club|app|ly|co|tk"
    r"|icu|live|fun|ink|ren|wang|work|pub|biz|tv|ru|uk|us|hk|tw)(?![a-z0-9-])"
)


def has_link(text: str) -> bool:
    """Whether ``text`` holds something a chat client would open as a link."""
    return _LINK.search(unicodedata.normalize("NFKC", text)) is not None


def mask(text: str) -> str:
    """``13812345678`` -> ``138****5678``; ID numbers and plates keep only their ends."""
    text = ID_CARD.sub(lambda m: m.group()[:3] + "*" * 11 + m.group()[-4:], text)
    text = PHONE.sub(_mask_phone, text)
    text = LANDLINE.sub(lambda m: m.group("area") + m.group("sep") + "****", text)
    return PLATE.sub(lambda m: m.group()[:2] + "***" + m.group()[-2:], text)


REDACTED = "（已删除）"


def redact(text: str) -> str:
    """Remove phone, ID card and plate numbers entirely (for ``/forget``)."""
    for pattern in (ID_CARD, PHONE, LANDLINE, PLATE):
        text = pattern.sub(REDACTED, text)
    return text


def has_contact_number(text: str) -> bool:
    """Whether ``text`` holds a phone or ID card number (so it should not be stored as data
    that may be shown to others)."""
    return bool(PHONE.search(text) or LANDLINE.search(text) or ID_CARD.search(text))


def _mask_phone(m: re.Match[str]) -> str:
    digits = re.sub(r"\D", "", m.group())[-11:]
    return f"{digits[:3]}****{digits[-4:]}"


def is_group_chat(chat: str, config: Config) -> bool:
    """True for building and office chats and anything that looks like a group on its platform."""
    return (
        chat in config.building_of_chat
        or chat == config.office_chat
        or chat.startswith("telegram:-")
        or chat.endswith("@chatroom")
    )


# Names as masked: the same people are mentioned again and again (a reporter in each reply to
# them), and masking one runs four patterns. A name is text, masking it is pure.
_MASKED_NAMES: Memo[str, str] = Memo(mask)


def for_delivery(messages: list[Outgoing], config: Config) -> list[Outgoing]:
    """Mask what goes to groups; private messages pass unchanged. Then people a group message
    mentions on another platform get it where they can see it (:mod:`bot.reach`), masked as
    it was for the group."""
    out = []
    for m in messages:
        if is_group_chat(m.chat, config):
            masked = mask(m.text)
            if masked != m.text:
                m = replace(m, text=masked)
            # A display name can carry a phone number ("王姐13812345678"): the @mention shows it.
            if m.mentions:
                names = tuple(
                    x if (name := _MASKED_NAMES[x.name]) == x.name else Mention(x.user, name)
                    for x in m.mentions
                )
                if names != m.mentions:
                    m = replace(m, mentions=names)
        out.append(m)
    return reach_everyone(out, config, lambda chat: is_group_chat(chat, config))
