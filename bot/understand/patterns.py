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
only slow down).
"""

from __future__ import annotations

import re
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
    return op is sre.BRANCH and all(alt and alt[0][0] is sre.LITERAL for alt in av[1])


def rule(source: str) -> re.Pattern[str]:
    """Compile ``source`` with a first-character lookahead in front (see the module
    docstring): same matches, fewer positions tried."""
    parsed = sre_parse.parse(source)
    chars = _first_chars(parsed)
    # Global flags must open the expression: "(?i)…" keeps them in front of the lookahead.
    flags = _GLOBAL_FLAGS.match(source)
    if chars is None or _engine_skips(parsed):
        return re.compile(source)
    if parsed.state.flags & re.IGNORECASE and flags is None:  # "(?i)" not at the very start
        return re.compile(source)
    prefix = flags.group(0) if flags else ""
    guarded = f"{prefix}(?={chars})(?:{source[len(prefix) :]})"
    _ORIGINAL[guarded] = source
    return re.compile(guarded)


def original(pattern: re.Pattern[str]) -> str:
    """The source ``pattern`` was compiled from by :func:`rule` (without the lookahead)."""
    return _ORIGINAL.get(pattern.pattern, pattern.pattern)


# Guarded source -> the rule's own source: one entry per rule compiled (module constants).
_ORIGINAL: dict[str, str] = {}
