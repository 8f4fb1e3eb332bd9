"""Parsing commands: slash form (``/ack 3``, ``/ack@linli_bot 3``) and Chinese aliases
(``收到 3``), full-width or half-width.

An alias is only a command when it stands at the start of the message and, if the command
needs a number, is followed by one: ``收到 3`` acknowledges issue 3, while a plain ``收到``
("got it") stays chit-chat.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

_SLASH = re.compile(r"^/([A-Za-z_]{1,32})(?:@([A-Za-z0-9_]{1,64}))?(?:\s+|$)(.*)$", re.DOTALL)
# An alias's number: "收到 3", "收到3", "收到 #3", "收到第3号"; but not "确认3号楼..." or
# "收到3单元..." (a place, not an issue number) — after the number only a space, the end, a
# punctuation mark or a lone 号 may follow.
_NUMBER_START = re.compile(
    r"^\s*(?:第|#|No\.?\s*)?\d+(?:\s*号(?![楼院门栋室])|(?![\d号楼单元栋层室户区期座幢]))"
)
MAX_COMMAND_TEXT = 2000


@dataclass(frozen=True, slots=True)
class CommandCall:
    """A parsed command: canonical ``name`` and the argument text after it."""

    name: str
    args: str

    @property
    def argv(self) -> list[str]:
        return self.args.split()


@dataclass(frozen=True, slots=True)
class Alias:
    """A natural-language form of a command; ``needs_number`` guards against chit-chat."""

    text: str
    command: str
    needs_number: bool


class BadArguments(ValueError):
    """A command's arguments are malformed; the message is shown to the person as is."""


def normalise_command_text(text: str) -> str:
    """Full-width to half-width (NFKC) and trimmed; ``／ａｃｋ　３`` -> ``/ack 3``."""
    return unicodedata.normalize("NFKC", text[:MAX_COMMAND_TEXT]).strip()


class CommandParser:
    """Recognises the registered command names and aliases in a message text."""

    def __init__(self, names: Iterable[str], aliases: Iterable[Alias]) -> None:
        self.names = frozenset(names)
        # Longest alias first so that "取消报名" wins over "报名".
        self.aliases = sorted(aliases, key=lambda a: len(a.text), reverse=True)
        # Most messages are conversation: a look at the first character rules them out
        # before the whole text is normalised.
        self._initials = frozenset({"/", *(a.text[:1] for a in self.aliases if a.text)})

    def parse(self, text: str, bot_username: str | None = None) -> CommandCall | None:
        """The command in ``text``, or None when it is not a command for this bot.

        ``/cmd@otherbot`` is ignored (it is addressed to another bot in the group); an unknown
        slash command returns a call with an empty-string-free name so the caller can answer.
        """
        head = text.lstrip()[:1]
        if not head or unicodedata.normalize("NFKC", head) not in self._initials:
            return None
        norm = normalise_command_text(text)
        if norm.startswith("/"):
            match = _SLASH.match(norm)
            if not match:
                return None
            name, addressee, rest = match.group(1).lower(), match.group(2), match.group(3)
            if addressee and bot_username and addressee.lower() != bot_username.lower():
                return None
            return CommandCall(name, rest.strip())
        for alias in self.aliases:
            if not norm.startswith(alias.text):
                continue
            rest = norm[len(alias.text) :]
            if alias.needs_number:
                if not _NUMBER_START.match(rest):
                    continue
                rest = re.sub(r"^(?:第|#|No\.?\s*)", "", rest.lstrip())
                rest = re.sub(r"^(\d+)\s*号?[\s,.!:;]*", r"\1 ", rest)
            elif rest and not rest[0].isspace():
                continue
            return CommandCall(alias.command, rest.strip())
        return None


def parse_number(token: str | None, what: str = "编号") -> int:
    """A positive issue/request/event number from ``token``, or :class:`BadArguments`."""
    if token is None or not token.strip():
        raise BadArguments(f"请写上{what}，例如 3。")
    cleaned = token.strip().lstrip("#").removeprefix("第").removesuffix("号")
    if not cleaned.isdigit() or not cleaned.isascii():
        raise BadArguments(f"“{token[:20]}”不是有效的{what}，请写数字，例如 3。")
    if len(cleaned) > 9:
        raise BadArguments(f"{what}太大了，请检查后再试。")
    value = int(cleaned)
    if value <= 0:
        raise BadArguments(f"{what}从 1 开始，请检查后再试。")
    return value
