"""The command grammar shared by every feature: slash commands (``/ack 3``, ``/ack@linli_bot
3``) and Chinese aliases the way building heads type and speak them.

- several numbers: ``收到 7 8 9``, ``收到7、8、9``, ``办结 1-3``; Chinese numerals and 号/第
  forms from voice input: ``收到三号``, ``收到十五``, ``第十五号收到``, ``15号问题收到了``;
- full-width digits and Traditional script (through the understanding normaliser):
  ``辦結 8``, ``收到１５``;
- ``@bot`` before or after (``@邻里助手 收到 15``, ``收到 15 @邻里助手``);
- a free note after the numbers, posted with the status change (``收到12 已经打了119``);
- a reply to the bot's own message about an issue, event or request: ``收到`` alone then means
  that one (the dispatcher fills the number in);
- an event title instead of a number where a command takes one (``报名 包饺子``).

A number is a quantity, and the message ordinary chat, when a measure word or a unit follows it
(``收到3个快递``, ``确认2点开会``, ``受理2天了``, ``收到 1e9``; see :mod:`bot.grammar`). A message
that clearly addresses a command (``@bot``, a private chat, ``#``/``第`` before a number, a
slash) but cannot be parsed gives a :class:`CommandHint`, answered with a short hint.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from bot.grammar import Scan, is_quantity_start, scan_numbers
from bot.records import quick_init
from bot.understand.normalise import normalise

if TYPE_CHECKING:
    from bot.feature import Feature

_SLASH = re.compile(r"^/([A-Za-z_]{1,32})(?:@([A-Za-z0-9_]{1,64}))?(?:\s+|$)(.*)$", re.DOTALL)
MAX_COMMAND_TEXT = 2000
#: Names people use to @ the bot in a group, besides its platform username.
BOT_NAMES = ("邻里助手",)
# What may separate an alias from the note after it.
_NOTE_LEAD = " ,，。.!！:：、;；~"
# After a command word standing alone (as a reply): "收到", "收到了", "收到！", "收到，马上去".
_ALONE = re.compile(r"(?:了|啦|啊|哈|哦)?(?:$|[\s,，。.!！~]+)")
_LEAD = re.compile(r"[\s:：]*")
# "收到3号问题", "受理 第三号问题": the word after the number says what it numbers.
_MARKER = re.compile(r"^\s*(?:问题|活动|求助)(?:了|啦)?")
_POSTFIX_WORD = re.compile(r"\s*(问题|活动|求助)?\s*(?:已经|已)?\s*")


class AliasForm(enum.StrEnum):
    """What may follow a command's Chinese alias."""

    NUMBER = "number"  # 接单 1 / 投票 1 2: one number, then the rest; alone only as a reply
    NUMBERS = "numbers"  # 收到 3 / 收到 7 8 9 / 第三号收到: several numbers at once
    TITLE = "title"  # like NUMBERS, or an event title: 报名 包饺子
    ALONE = "alone"  # 帮助, 我的问题: nothing, or one of the command's listed words
    TEXT = "text"  # 求助 明天谁能…: text required, after a space
    OPTIONAL_TEXT = "optional_text"  # 活动 / 活动 列表


_NUMBER_FORMS = (AliasForm.NUMBER, AliasForm.NUMBERS, AliasForm.TITLE)
_NUMBER_INITIALS = frozenset("#第0123456789零〇一二两三四五六七八九十百")


@quick_init
@dataclass(frozen=True, slots=True)
class CommandCall:
    """A parsed command: canonical ``name``, the argument text after it, and what the grammar
    read from it: ``numbers`` (in order, without repeats), an event ``title``, the free
    ``note`` after them. ``from_reply``: no number was given; the message replied to supplies
    it. ``word`` is the command word as written (``收到``, ``/ack``), for hints."""

    name: str
    args: str
    numbers: tuple[int, ...] = ()
    title: str = ""
    note: str = ""
    from_reply: bool = False
    word: str = ""

    @property
    def argv(self) -> list[str]:
        return self.args.split()

    def with_numbers(self, numbers: tuple[int, ...]) -> CommandCall:
        """The same call acting on ``numbers`` (from the message replied to)."""
        return replace(self, numbers=numbers, args=_args(numbers, self.note))


@dataclass(frozen=True, slots=True)
class CommandHint:
    """A message meant as ``command`` that could not be parsed; ``problem`` says why when
    known (number 0, too many numbers), else a generic hint with an example is shown."""

    command: str
    word: str
    problem: str = ""


@dataclass(frozen=True, slots=True)
class Alias:
    """A natural-language form of a command (``form`` says what may follow it)."""

    text: str
    command: str
    form: AliasForm = AliasForm.NUMBER
    words: tuple[str, ...] = field(default=())  # for ALONE: the only words allowed after it


class BadArguments(ValueError):
    """A command's arguments are malformed; the message is shown to the person as is."""


def normalise_command_text(text: str) -> str:
    """Full-width to half-width (NFKC) and trimmed; ``／ａｃｋ　３`` -> ``/ack 3``."""
    return unicodedata.normalize("NFKC", text[:MAX_COMMAND_TEXT]).strip()


def _args(numbers: tuple[int, ...], note: str) -> str:
    return " ".join([*(str(n) for n in numbers), *([note] if note else [])])


class CommandParser:
    """Recognises the registered command names and aliases in a message text."""

    def __init__(
        self,
        names: Iterable[str],
        aliases: Iterable[Alias],
        forms: Mapping[str, AliasForm] | None = None,
        bot_names: Iterable[str] = BOT_NAMES,
    ) -> None:
        self.names = frozenset(names)
        # Longest alias first so that "取消报名" wins over "报名".
        self.aliases = sorted(aliases, key=lambda a: len(a.text), reverse=True)
        self.forms = dict(forms or {})
        for alias in self.aliases:
            self.forms.setdefault(alias.command, alias.form)
        self.bot_names = tuple(n for n in bot_names if n)
        # Most messages are conversation: a command starts with a command word (in either
        # script), a number (voice input: "第十五号收到") or a slash, maybe after "@bot". A
        # look at the first character rules the rest out before the text is normalised.
        self._words = _word_pattern(a.text for a in self.aliases)
        titled = [a.text for a in self.aliases if a.form is AliasForm.TITLE]
        self._titled = _word_pattern(titled) if titled else None
        self._postfix_words = (
            "已",
            *(a.text for a in self.aliases if a.form in _NUMBER_FORMS),
        )
        self._titled_slash = frozenset(n for n, f in self.forms.items() if f is AliasForm.TITLE)

    @classmethod
    def for_features(
        cls, features: Iterable[Feature], bot_names: Iterable[str] = BOT_NAMES
    ) -> CommandParser:
        names: list[str] = []
        aliases: list[Alias] = []
        forms: dict[str, AliasForm] = {}
        for feature in features:
            for cmd in feature.commands:
                names.append(cmd.name)
                forms[cmd.name] = cmd.form
                aliases.extend(Alias(a, cmd.name, cmd.form, cmd.alias_words) for a in cmd.aliases)
        return cls(names, aliases, forms, bot_names)

    def may_name_a_title(self, text: str, bot_username: str | None = None) -> bool:
        """Whether ``text`` may refer to an event by its title (then the caller passes the
        current titles to :meth:`parse`)."""
        head = self._head(text, bot_username)
        if head is None:
            return False
        if self._titled is not None and self._titled.match(head):
            return True
        norm = normalise_command_text(head[:64]).lower()
        return any(norm.startswith(f"/{name}") for name in self._titled_slash)

    def parse(
        self,
        text: str,
        bot_username: str | None = None,
        *,
        replied: bool = False,
        private: bool = False,
        titles: Collection[str] = (),
    ) -> CommandCall | CommandHint | None:
        """The command in ``text``; a :class:`CommandHint` when it clearly addresses a
        command but cannot be parsed; None when it is conversation (or ``/cmd@otherbot``).

        ``replied``: the message replies to the bot's own message about an issue, event or
        request (then a command word alone counts). ``private``: a private chat with the
        bot. ``titles``: titles of the events that may be named instead of a number.
        """
        if not self.may_be_command(text, bot_username):
            return None
        norm = normalise(text[:MAX_COMMAND_TEXT])
        norm, addressed = self._strip_bot(norm, bot_username)
        if norm.startswith("/"):
            return self._slash(norm, bot_username, titles)
        addressed = addressed or private
        return self._prefix(norm, replied, addressed, titles) or self._postfix(norm)

    def _head(self, text: str, bot_username: str | None) -> str | None:
        """``text`` without leading space and a leading "@bot"; None when it starts by
        addressing someone else ("@张阿姨 收到 3" speaks to a neighbour)."""
        head = text.lstrip()
        if head.startswith(("@", "＠")):
            lowered = head[1:].lower()
            names = (*self.bot_names, *([bot_username] if bot_username else []))
            name = next((n for n in names if lowered.startswith(n.lower())), None)
            if name is None:
                return None
            head = head[1 + len(name) :].lstrip()
        return head

    def may_be_command(self, text: str, bot_username: str | None = None) -> bool:
        """False when :meth:`parse` certainly finds no command in ``text`` (whatever else it
        is given): conversation, most messages, ruled out at the first words."""
        head = self._head(text, bot_username)
        if not head:
            return False
        first = unicodedata.normalize("NFKC", head[0])[:1]
        if first == "/" or self._words.match(head):
            return True
        # The number first ("第十五号收到", "15号问题收到了"): the command word comes soon.
        return first in _NUMBER_INITIALS and self._words.search(head, 0, 24) is not None

    def _strip_bot(self, text: str, bot_username: str | None) -> tuple[str, bool]:
        names = [*self.bot_names, *([bot_username] if bot_username else [])]
        pattern = "|".join(re.escape(n) for n in names)
        stripped = re.sub(rf"@(?:{pattern})(?![A-Za-z0-9_])\s*", " ", text, flags=re.IGNORECASE)
        return stripped.strip(), stripped != text

    def _slash(
        self, norm: str, bot_username: str | None, titles: Collection[str]
    ) -> CommandCall | CommandHint | None:
        match = _SLASH.match(norm)
        if not match:
            return None
        name, addressee, rest = match.group(1).lower(), match.group(2), match.group(3).strip()
        if addressee and bot_username and addressee.lower() != bot_username.lower():
            return None
        word = f"/{name}"
        form = self.forms.get(name)
        if form in _NUMBER_FORMS:
            scan = scan_numbers(rest, 0, several=form is not AliasForm.NUMBER)
            if scan.status is Scan.NUMBERS:
                note = rest[scan.end :].lstrip(_NOTE_LEAD).strip()
                return CommandCall(
                    name, _args(scan.numbers, note), scan.numbers, "", note, False, word
                )
            if scan.status is Scan.INVALID:
                return CommandHint(name, word, scan.problem)
            if form is AliasForm.TITLE and (found := _title(rest, titles)):
                return CommandCall(name, rest, (), found[0], found[1], False, word)
        return CommandCall(name, rest, note=rest, word=word)

    def _prefix(
        self, norm: str, replied: bool, addressed: bool, titles: Collection[str]
    ) -> CommandCall | CommandHint | None:
        hint: CommandHint | None = None
        for alias in self.aliases:
            if not norm.startswith(alias.text):
                continue
            result = self._after_alias(alias, norm[len(alias.text) :], replied, addressed, titles)
            if isinstance(result, CommandCall):
                return result
            hint = hint or result
        return hint

    def _after_alias(
        self, alias: Alias, rest: str, replied: bool, addressed: bool, titles: Collection[str]
    ) -> CommandCall | CommandHint | None:
        name, word, form = alias.command, alias.text, alias.form
        if form is AliasForm.ALONE:
            words = rest.strip()
            if not words or words.lower() in alias.words:
                return CommandCall(name, words, note=words, word=word)
            return None
        if form in (AliasForm.TEXT, AliasForm.OPTIONAL_TEXT):
            if not rest:
                return CommandCall(name, "", word=word) if form is AliasForm.OPTIONAL_TEXT else None
            if not rest[0].isspace():
                return None
            return CommandCall(name, rest.strip(), note=rest.strip(), word=word)
        unclear = CommandHint(name, word) if addressed else None
        lead = _LEAD.match(rest).end()  # type: ignore[union-attr]
        scan = scan_numbers(rest, lead, several=form is not AliasForm.NUMBER)
        if scan.status is Scan.NUMBERS:
            tail = rest[scan.end :]
            if tail[:1].isspace() and is_quantity_start(tail.lstrip()):
                return unclear  # "收到3 个快递"
            note = _MARKER.sub("", tail).lstrip(_NOTE_LEAD + "-～").strip()
            return CommandCall(name, _args(scan.numbers, note), scan.numbers, "", note, False, word)
        if scan.status is Scan.INVALID:
            return CommandHint(name, word, scan.problem)
        if scan.status is Scan.QUANTITY:
            return unclear
        if form is AliasForm.TITLE and (found := _title(rest, titles)):
            return CommandCall(name, _args((), found[1]), (), found[0], found[1], False, word)
        if replied and (alone := _ALONE.match(rest)):
            note = rest[alone.end() :].strip()
            return CommandCall(name, note, note=note, from_reply=True, word=word)
        if form is AliasForm.TITLE and rest[:1].isspace() and (named := rest.split()[0]):
            # "报名 端午活动" names an event, but none is called that.
            return CommandHint(name, word, f"没有找到叫“{named[:20]}”的近期活动。")
        return unclear

    def _postfix(self, norm: str) -> CommandCall | None:
        """The number first, as voice input writes it: ``第十五号收到``, ``15号问题收到了``,
        ``3号办结``. Without 第 or 问题 only the bare ``N号`` + command word counts
        ("3号收到了" may be a parcel that came on the 3rd)."""
        scan = scan_numbers(norm, 0, self._postfix_words)
        if scan.status is not Scan.NUMBERS or not scan.marked:
            return None
        lead = _POSTFIX_WORD.match(norm, scan.end)
        assert lead is not None
        rest = norm[lead.end() :]
        strong = norm.startswith("第") or lead.group(1) is not None
        for alias in self.aliases:
            if alias.form not in _NUMBER_FORMS:
                continue
            if alias.form is AliasForm.NUMBER and len(scan.numbers) > 1:
                continue
            if not rest.startswith(alias.text):
                continue
            after = rest[len(alias.text) :]
            note = ""
            if strong and (tail := _ALONE.match(after)):
                note = after[tail.end() :].strip()
            elif not (scan.all_hao and not after):
                continue
            numbers = scan.numbers
            return CommandCall(
                alias.command, _args(numbers, note), numbers, "", note, False, alias.text
            )
        return None


def _title(rest: str, titles: Collection[str]) -> tuple[str, str] | None:
    """``(title, note)`` when ``rest`` starts with one of ``titles`` as a whole word."""
    text = rest.lstrip(" :：")
    text = text.removeprefix("参加").lstrip()
    for title in sorted((normalise(t) for t in titles), key=len, reverse=True):
        if title and text.startswith(title):
            after = text[len(title) :]
            if not after or after[0] in _NOTE_LEAD or after[0].isspace():
                return title, after.lstrip(_NOTE_LEAD).strip()
    return None


def _word_pattern(words: Iterable[str]) -> re.Pattern[str]:
    """A pattern finding any of ``words`` written in Simplified or Traditional characters."""
    variants = _traditional_variants()
    parts = []
    for word in sorted(set(words), key=len, reverse=True):
        chars = []
        for ch in word:
            alts = variants.get(ch, "")
            chars.append(f"[{re.escape(ch + alts)}]" if alts else re.escape(ch))
        parts.append("".join(chars))
    return re.compile("|".join(parts) or r"(?!)")


@cache
def _traditional_variants() -> dict[str, str]:
    """Simplified character -> the Traditional characters OpenCC turns into it."""
    import opencc

    path = Path(opencc.__file__).resolve().parent / "dictionary" / "TSCharacters.txt"
    out: dict[str, str] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            trad, _, targets = line.rstrip("\n").partition("\t")
            if len(trad) != 1:
                continue
            for simp in targets.split(" "):
                if len(simp) == 1 and simp != trad:
                    out[simp] = out.get(simp, "") + trad
    return out


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


def require_numbers(call: CommandCall, what: str = "编号") -> tuple[int, ...]:
    """The numbers of ``call``, or :class:`BadArguments` asking for one."""
    if call.numbers:
        return call.numbers
    if call.args.strip():
        return (parse_number(call.argv[0], what),)  # or says what is wrong with it
    raise BadArguments(f"请写上{what}，例如 3。")
