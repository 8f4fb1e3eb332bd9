"""Compiling a readable rule into a regular expression that skips hopeless positions fast.

Python's regex engine tries a pattern at every position of the text. For a rule written as a
long alternation ("家暴|家庭暴力|打老婆|{family}.{0,10}?(?:打我|…)|…") that means walking
every alternative at every character, although at most positions no alternative can even
start. :func:`rule` works out, from the parsed pattern, the set of characters a match can
start with and puts a one-character lookahead for that set in front:
``(?=[家打老被…])(?:original)``. At a position whose character is not in the set the
engine stops after one set look-up.

The lookahead only rejects positions where the original cannot match (the set is a superset
of the possible first characters), and it neither consumes nor captures, so ``search``,
``match``, ``finditer``, spans and groups are exactly those of the original pattern
(tests/understand/test_patterns.py checks this on the corpus and on random text). A pattern
whose first character cannot be bounded (it starts with ``.``, a negated class, or can match
the empty string) is compiled unchanged, and so is one that the engine already scans fast
(it starts with a literal, a character class, or alternatives that each start with a
literal: ``re`` then looks for that first character in a tight loop, which a lookahead would
only slow down) or tries once (it is anchored at the start: ``^…``).
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]
import re
from collections import Counter
from re import _compiler as sre_compile  # type: ignore[attr-defined]
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

_CATEGORY_CLASS = {
    sre.CATEGORY_DIGIT: r"\d",
    sre.CATEGORY_NOT_DIGIT: r"\D",
    sre.CATEGORY_SPACE: r"\s",
    sre.CATEGORY_NOT_SPACE: r"\S",
    sre.CATEGORY_WORD: r"\w",
    sre.CATEGORY_NOT_WORD: r"\W",
}
_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)


_GLOBAL_FLAGS = re.compile(r"\(\?[aiu]+\)")


class _Unbounded(Exception):
    """The first character of a match cannot be bounded by a character class."""


def _char(code: int) -> str:
    return re.escape(chr(code)) if chr(code) in "\\]^-[" else chr(code)


def _seq(items: Any, out: set[str]) -> bool:
    """Add to ``out`` the class items a match of the sequence ``items`` can start with;
    return whether the sequence can match the empty string."""
    for op, av in items:
        if not _item(op, av, out):
            return False
    return True


def _item(op: Any, av: Any, out: set[str]) -> bool:
    """As :func:`_seq`, for one parsed item; True when it can match the empty string."""
    if op is sre.LITERAL:
        out.add(_char(av))
        return False
    if op is sre.IN:
        for kind, value in av:
            if kind is sre.LITERAL:
                out.add(_char(value))
            elif kind is sre.RANGE:
                out.add(f"{_char(value[0])}-{_char(value[1])}")
            elif kind is sre.CATEGORY and value in _CATEGORY_CLASS:
                out.add(_CATEGORY_CLASS[value])
            else:  # a negated class, or a category we do not translate
                raise _Unbounded
        return False
    if op is sre.BRANCH:
        empty = False
        for alternative in av[1]:
            empty = _seq(alternative, out) or empty
        return empty
    if op is sre.SUBPATTERN:
        _group, add_flags, del_flags, items = av
        if add_flags or del_flags:
            raise _Unbounded
        return _seq(items, out)
    if op is sre.ATOMIC_GROUP:
        return _seq(av, out)
    if op in _REPEATS:
        low, _high, items = av
        return _seq(items, out) or low == 0
    if op in _ZERO_WIDTH:
        return True  # consumes nothing: the next item gives the first character
    raise _Unbounded  # ANY, NOT_LITERAL, group references…


def first_chars(source: str) -> str | None:
    """A character class (``[…]``) holding every character a match of ``source`` can start
    with, or None when that cannot be bounded."""
    return _first_chars(sre_parse.parse(source))


def _first_chars(parsed: Any) -> str | None:
    # Under IGNORECASE the class is compiled with the same flag, so it matches the same case
    # variants as the pattern's own letters.
    if parsed.state.flags & ~(re.UNICODE | re.ASCII | re.IGNORECASE):
        return None
    out: set[str] = set()
    try:
        if _seq(parsed, out):
            return None  # can match the empty string, anywhere
    except _Unbounded:
        return None
    return "[" + "".join(sorted(out)) + "]"


def _engine_skips(items: Any) -> bool:
    """``re`` finds the candidate positions of this pattern itself (its charset prefix;
    not for letters under IGNORECASE)."""
    if items.state.flags & re.IGNORECASE:
        return False
    while items and items[0][0] is sre.SUBPATTERN and not (items[0][1][1] or items[0][1][2]):
        items = items[0][1][3]
    if not items:
        return False
    op, av = items[0]
    if op is sre.LITERAL or op is sre.IN:
        return True
    if op is sre.AT and av in (sre.AT_BEGINNING, sre.AT_BEGINNING_STRING):
        return True  # anchored at the start: a lookahead would be tested at every position
    return op is sre.BRANCH and all(alt and alt[0][0] is sre.LITERAL for alt in av[1])


def rule(source: str) -> re.Pattern[str]:
    """Compile ``source`` with a first-character lookahead in front (see the module
    docstring): same matches, fewer positions tried."""
    parsed = sre_parse.parse(source)
    chars = _first_chars(parsed)
    # Global flags must open the expression: "(?i)…" keeps them in front of the lookahead.
    flags = _GLOBAL_FLAGS.match(source)
    if chars is None or _engine_skips(parsed):
        return _compiled(source, parsed)
    if parsed.state.flags & re.IGNORECASE and flags is None:  # "(?i)" not at the very start
        return _compiled(source, parsed)
    prefix = flags.group(0) if flags else ""
    guarded = f"{prefix}(?={chars})(?:{source[len(prefix) :]})"
    _ORIGINAL[guarded] = source
    # The parse of ``guarded``: the lookahead, then the items of ``source`` (a group without
    # flags or a name is spliced into its sequence, as ``re``'s parser does).
    lookahead = sre_parse.SubPattern(parsed.state, sre_parse.parse(chars).data)
    parsed.data[:0] = [(sre.ASSERT, (1, lookahead))]
    return _compiled(guarded, parsed)


def _compiled(source: str, parsed: Any) -> re.Pattern[str]:
    """``re.compile(source)``, given ``parsed``, the parse of ``source``: what
    ``re._compiler.compile`` does after its own parse, so that a long rule is parsed once
    (the parse is about half the cost of compiling it). tests/understand/test_patterns.py
    checks that each rule equals ``re.compile`` of its source (same code and groups)."""
    state = parsed.state
    code = sre_compile._code(parsed, 0)
    names: list[str | None] = [None] * state.groups
    for name, index in state.groupdict.items():
        names[index] = name
    return _sre.compile(source, state.flags, code, state.groups - 1, state.groupdict, tuple(names))


def original(pattern: re.Pattern[str]) -> str:
    """The source ``pattern`` was compiled from by :func:`rule` (without the lookahead)."""
    return _ORIGINAL.get(pattern.pattern, pattern.pattern)


# Guarded source -> the rule's own source: one entry per rule compiled (module constants).
_ORIGINAL: dict[str, str] = {}

#: How a gate's characters are weighed when the smallest set of a sequence is chosen (see
#: :func:`required_chars`): a range counts as many characters, and a character found in most
#: messages (在 了 人 …) as many rare ones, since it lets most texts through.
_RANGE_SIZE = 10
_COMMON = (
    # The 220 characters found in most training messages, most frequent first.
    "了的我一有家人不楼在下上个里天电是来小好没大门子到都区业物水要道谁那车老梯去说开还能点可就以看"
    "今着孩这帮会出请得修地面们停多用被晚居打周问口吗几快管时邻号也已两费公经过年外把单次太关给想气"
    "三放知灯动么发手全火路直户坏每找行位自十收进元边哪栋事通住起明又谢花机新头装心半报味台间现往主"
    "走带理刚箱和他保儿月空别回学午长忙早工生狗安东话很本拿后送防从中只前窗社需借换线做接器掉题意房"
    "对西二清烟你垃圾消雨整才冒漏场排近叫服钱高成跟班末菜园真五啊烧声"
)
# Weighed by rank, as word frequencies fall (the first 200, the 220th 8; a rare character 1):
# 在 is in far more messages than 梯, though both are common.
_COMMON_WEIGHT = {c: 2000 // (rank + 10) for rank, c in enumerate(_COMMON)}


def required_chars(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """A character class such that every text a match of ``pattern`` can occur in holds at
    least one of its characters (a necessary condition, never a sufficient one), or None
    when the pattern guarantees no such character.

    Where a rule must find, say, a lift (梯) or a fall (摔 跌 滑…) in every match, a text
    without any of those characters cannot match, and one scan of a small class rejects it
    faster than the rule itself. For a sequence the smallest set among its items is kept;
    alternatives and groups take the union of their branches; optional items, lookarounds,
    negated classes and categories guarantee nothing.
    """
    parsed = sre_parse.parse(original(pattern))
    if parsed.state.flags & ~(re.UNICODE | re.ASCII | re.IGNORECASE):
        return None
    found = _required_seq(parsed)
    if not found:
        return None
    return re.compile("[" + "".join(sorted(found)) + "]", parsed.state.flags & re.IGNORECASE)


def required_set(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """The characters of :func:`required_chars` as a set, when they are plain characters
    (no ranges, no IGNORECASE): every text a match can occur in holds one of them."""
    parsed = sre_parse.parse(original(pattern))
    if parsed.state.flags & ~(re.UNICODE | re.ASCII):
        return None
    found = _required_seq(parsed)
    if not found or any(len(c) > 1 for c in found):
        return None
    return frozenset(found)


def _size(chars: set[str]) -> int:
    return sum(map(_weight, chars))


def _weight(item: str) -> int:
    """The weight of one item of a character class (a character or a range)."""
    return _RANGE_SIZE if "-" in item[1:] else _COMMON_WEIGHT.get(item, 1)


def _required_seq(items: Any) -> set[str] | None:
    return min(_required_options(items), key=_size, default=None)


def _required_options(items: Any) -> list[set[str]]:
    """Every set of characters a match of the sequence ``items`` must hold one of: one per
    item that guarantees a character."""
    return [found for op, av in items if (found := _required_item(op, av)) is not None]


def _smallest_union(options: list[list[set[str]]]) -> set[str]:
    """One set from each alternative's ``options``, chosen so that their union is small: a
    character that several alternatives need is taken for all of them ("电梯|客梯|梯" gives
    {梯}, not {电, 客, 梯})."""
    picks = [min(opts, key=_size) for opts in options]
    # How many picks hold each character: the others' union, without building it per pick.
    held = Counter(c for pick in picks for c in pick)
    for _ in range(2):
        changed = False
        for i, opts in enumerate(options):
            held.subtract(picks[i])
            pick = min(opts, key=lambda o: (_size({c for c in o if not held[c]}), _size(o)))
            changed = changed or pick is not picks[i]
            picks[i] = pick
            held.update(pick)
        if not changed:  # the next round would choose the same
            break
    return set().union(*picks)


def _usable(chars: set[str]) -> frozenset[str] | None:
    """``chars`` as plain characters a set look-up can test (no ranges)."""
    return None if any(len(c) > 1 for c in chars) else frozenset(chars)


def required_branches(pattern: re.Pattern[str]) -> tuple[tuple[frozenset[str], ...], ...] | None:
    """For each top-level alternative of ``pattern``, every set of characters a match of it
    must hold one of (one set per item that guarantees a character), rarest first; None when
    an alternative guarantees no plain character (or under flags).

    A text matches only if, for some alternative, it holds a character of each of its sets:
    a rule written as who + where + what is then skipped by any text that lacks the where,
    however common its who ("人", "我") is.
    """
    parsed = sre_parse.parse(original(pattern))
    if parsed.state.flags & ~(re.UNICODE | re.ASCII):
        return None
    out = []
    for alternative in _alternatives(parsed):
        usable = [u for found in _required_options(alternative) if (u := _usable(found))]
        if not usable:
            return None
        out.append(tuple(sorted(set(usable), key=lambda u: (_size(set(u)), sorted(u)))))
    return tuple(out)


def _alternatives(items: Any) -> list[Any]:
    """The top-level alternatives of parsed ``items``; an alternative that is itself one
    group of alternatives (``(?P<go>我先走了|先走一步)``) gives each of those: a gate then
    looks each up by its own rare characters rather than all by their common union (lead,
    twenty-first session: a family of farewells, one group a sign, was tried on most texts)."""
    while len(items) == 1 and items[0][0] is sre.SUBPATTERN and not any(items[0][1][1:3]):
        items = items[0][1][3]
    if len(items) == 1 and items[0][0] is sre.BRANCH:
        return [alt for branch in items[0][1][1] for alt in _alternatives(branch)]
    return [items]


class Gate:
    """Which of some rules a text can match at all, from the characters it holds (see
    :func:`required_branches`): each alternative of each rule is looked up by its rarest
    set of characters, and the rest of its sets are tested only for the texts holding one
    of those. A text's characters are taken once (:func:`chars_of`) for every gate."""

    __slots__ = ("_anchors", "_index", "_ungated")

    def __init__(self, patterns: list[re.Pattern[str]]) -> None:
        index: dict[str, list[tuple[int, tuple[frozenset[str], ...]]]] = {}
        ungated = []
        for i, pattern in enumerate(patterns):
            branches = required_branches(pattern)
            if branches is None:
                ungated.append(i)
                continue
            for anchor, *rest in branches:
                for ch in anchor:
                    index.setdefault(ch, []).append((i, tuple(rest)))
        self._index = {ch: tuple(entries) for ch, entries in index.items()}
        self._anchors = frozenset(self._index)
        self._ungated = frozenset(ungated)

    def admitted(self, text: str) -> set[int]:
        """The indices of the rules ``text`` may match."""
        found = set(self._ungated)
        chars = chars_of(text)
        for ch in self._anchors.intersection(chars):
            for i, rest in self._index[ch]:
                if i in found:
                    continue
                for needed in rest:
                    if needed.isdisjoint(chars):
                        break
                else:  # a character of every part
                    found.add(i)
        return found

    def admits(self, text: str) -> bool:
        """``text`` may match one of the rules."""
        if self._ungated:
            return True
        chars = chars_of(text)
        for ch in self._anchors.intersection(chars):
            for _i, rest in self._index[ch]:
                for needed in rest:
                    if needed.isdisjoint(chars):
                        break
                else:
                    return True
        return False


def chars_of(text: str) -> frozenset[str]:
    """The characters of ``text``. Every gate asks for those of the message it reads: the
    last text's are kept (by identity: a text rewritten for one rule is another object)."""
    global _last_chars
    last_text, chars = _last_chars
    if last_text is not text:
        chars = frozenset(text)
        _last_chars = (text, chars)
    return chars


_last_chars: tuple[str, frozenset[str]] = ("", frozenset())


def _required_item(op: Any, av: Any) -> set[str] | None:
    if op is sre.LITERAL:
        return {_char(av)}
    if op is sre.IN:
        out: set[str] = set()
        for kind, value in av:
            if kind is sre.LITERAL:
                out.add(_char(value))
            elif kind is sre.RANGE:
                out.add(f"{_char(value[0])}-{_char(value[1])}")
            else:  # negated, or a category
                return None
        return out
    if op is sre.BRANCH:
        options = [_required_options(alternative) for alternative in av[1]]
        if not all(options):
            return None
        return _smallest_union(options)
    if op is sre.SUBPATTERN:
        _group, add_flags, del_flags, items = av
        return None if add_flags or del_flags else _required_seq(items)
    if op is sre.ATOMIC_GROUP:
        return _required_seq(av)
    if op in _REPEATS:
        low, _high, items = av
        return _required_seq(items) if low >= 1 else None
    return None  # zero-width, ANY, NOT_LITERAL, group references…
