"""Normalising a resident's message before it is analysed.

:func:`normalise` turns whatever a chat delivers into plain Simplified Chinese text:
full-width forms become half-width (NFKC), Traditional becomes Simplified, emoji, zero-width,
control and private-use characters go (a few emoji that carry meaning become words), runs of
whitespace and of punctuation shrink to one, and absurdly long input is cut.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from pathlib import Path
from typing import Any

import opencc

from bot.understand import pinyin

#: Longest text kept in :attr:`Understanding.text` (the dispatcher caps at the same length).
#: Long enough for a pasted rant: the problem may come at its end.
MAX_TEXT = 10_000

# Emoji that residents use instead of a word; everything else in the "symbol, other"
# category is dropped.
_EMOJI_WORDS = {
    "💡": "灯",
    # With a space before it: an emoji is a word of its own, not the end of the word before
    # ("火锅走起🔥" is not "走起火" but "走起 火"; "3楼🔥了" reads "3楼 火了").
    "🔥": " 火",
    "💧": "水",
    "🚰": "水",
    "🐶": "狗",
    "🐕": "狗",
    "🐱": "猫",
    "🐈": "猫",
    "🚗": "车",
    "🗑": "垃圾",
    "⚡": "电",
}
# Unicode categories removed outright: control, format (zero-width, bidi marks), surrogates
# left by undecodable bytes, private use, unassigned, and emoji-like symbols and modifiers.
_DROP = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "So", "Sk"})
_KEEP_SYMBOLS = frozenset("°℃")
_SPACE = re.compile(r"\s+")
# A run of punctuation keeps its first mark: "！！！" -> "!", "？？？" -> "?", "。。。" -> "。".
_PUNCT_RUN = re.compile(r"([!?,.;:~。，、！？；：…~\-—])[!?,.;:~。，、！？；：…~\-—]+")
# Chinese sentence punctuation survives NFKC (residents' text is shown back to them): it is
# swapped for private-use placeholders around the normalisation.
_CJK_PUNCT = "，！？：；（）"
_HIDE_PAIRS = tuple((ch, chr(0xE000 + i)) for i, ch in enumerate(_CJK_PUNCT))
_SHOW_PAIRS = tuple((hidden, ch) for ch, hidden in _HIDE_PAIRS)
# A word spelled out with a space or a mark between its characters ("煤 气 味", "着.火.了",
# "燃-气-泄-漏"): a run of three or more single characters so separated is written together.
# Two words with a space between ("好的 谢谢") are not single characters and stay apart.
_HAN = "\u4e00-\u9fff"
_SPELLED_OUT = re.compile(rf"[{_HAN}](?:[ .\-·*_/~]+[{_HAN}](?![{_HAN}])){{2,}}")
_SPELLING_MARK = re.compile(r"[ .\-·*_/~]+")
_SPELLING_MARKS = frozenset(" .-·*_/~")
# A word of danger broken by one space or mark ("有人晕 倒了", "冒 烟"). Only pairs that glued
# together make no other word ("一起 火锅" would make 起火, "看着 火车" 着火).
_SPLIT_WORD = re.compile(
    r"(?:晕|摔)[ .\-·*_/~]+倒|冒[ .\-·*_/~]+烟|[煤燃漏][ .\-·*_/~]+气|救[ .\-·*_/~]+命|被[ .\-·*_/~]+困"
)
# `著` is valid Simplified (著名) so OpenCC keeps it, but in 著火 it is the Traditional 着.
# So is 著 after a verb of posture or holding ("站著", "拿著刀").
_ZHUO = re.compile(r"著(?=火|了|凉)|(?<=[站坐趴蹲躺跪骑挂拿握抱扶提举])著")


def normalise(text: str) -> str:
    """Return ``text`` cleaned for analysis, at most :data:`MAX_TEXT` characters.

    Never raises on odd input (lone surrogates, NULs, 100k characters of anything).
    """
    if not isinstance(text, str):
        raise TypeError(f"expected str, got {type(text).__name__}")
    # Cut before the expensive steps so their cost is bounded; a little slack because
    # dropping emoji and spaces shortens the text.
    text = text[: MAX_TEXT * 2]
    text = _nfkc(text)
    text = _clean_chars(text)
    if _has_traditional(text):
        text = _converter().convert(text)
    if "著" in text:  # a substring test spares the pattern on nearly every message
        text = _ZHUO.sub("着", text)
    text = _fix_typos(text)
    text = _SPACE.sub(" ", text)
    text = _PUNCT_RUN.sub(_first_mark, text)
    return text.strip()[:MAX_TEXT]


def _first_mark(match: re.Match[str]) -> str:
    """What ``_PUNCT_RUN.sub(r"\\1", text)`` puts for a run: its first mark. A function
    costs only where a run is found; a template (``"\\1"``) goes through ``re``'s Python
    code on every call, about 1.7 µs a message."""
    return match.group(1)


def normalise_words(text: str, *, read_pinyin: bool = True) -> str:
    """What understanding reads: :func:`normalise`, words spelled out with spaces or marks
    written whole ("煤 气 味 好 重" -> "煤气味好重", "有人晕 倒了" -> "有人晕倒了"), then, with
    ``read_pinyin``, a message typed in pinyin written in characters
    (:func:`bot.understand.pinyin.read`: "dianti kazhu le" -> "电梯卡住了"; the same string
    back when there is none).

    Commands read :func:`normalise` alone: "巡查 1 好 好 坏:…" answers one item a word.
    """
    text = normalise(text)
    if not _SPELLING_MARKS.isdisjoint(text):
        text = _SPELLED_OUT.sub(_spelled_together, text)
        text = _SPLIT_WORD.sub(_spelled_together, text)
    return pinyin.read(text) if read_pinyin else text


def _spelled_together(match: re.Match[str]) -> str:
    """A word spelled out ("着 火 了") written together ("着火了")."""
    return _SPELLING_MARK.sub("", match.group(0))


def _nfkc(text: str) -> str:
    """NFKC, except that Chinese sentence punctuation stays full-width.

    The same as ``normalize("NFKC", text.translate(_HIDE)).translate(_SHOW)``: the swaps are
    done only for the marks present (``str.translate`` costs more than the rest on a short
    message), and the normalisation only when the text is not already in NFKC (its quick
    check is far cheaper than normalising)."""
    for mark, placeholder in _HIDE_PAIRS:
        if mark in text:
            text = text.replace(mark, placeholder)
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    for placeholder, mark in _SHOW_PAIRS:
        if placeholder in text:
            text = text.replace(placeholder, mark)
    return text


@cache
def _typos() -> tuple[re.Pattern[str], dict[str, str]]:
    path = Path(__file__).resolve().parent / "data" / "typos.txt"
    table: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            wrong, _, right = line.partition("\t")
            table[wrong.strip()] = right.strip()
    words = sorted(table, key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in words)), table


def _fix_typos(text: str) -> str:
    """Fix the homophone slips listed in ``data/typos.txt`` ("停点了" -> "停电了")."""
    pattern, table = _typos()
    if pattern.search(text) is None:  # as on nearly every message: no substitution to set up
        return text
    return pattern.sub(lambda m: table[m.group(0)], text)


# Characters that need no look-up: printable ASCII, CJK ideographs, CJK and full-width
# punctuation. Only the others go through :func:`_clean_char`.
_ODD = re.compile(r"[^\x20-\x7e\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def _clean_chars(text: str) -> str:
    return _ODD.sub(_clean_char, text)


def _clean_char(match: re.Match[str]) -> str:
    ch = match.group(0)
    if ch.isascii():
        return " "  # control characters
    word = _EMOJI_WORDS.get(ch)
    if word is not None:
        return word
    if ch in _KEEP_SYMBOLS:
        return ch
    category = unicodedata.category(ch)
    if category in _DROP:
        # A dropped symbol between words must not glue them together.
        return " " if category == "So" else ""
    if "\ufe00" <= ch <= "\ufe0f":  # variation selectors (emoji presentation)
        return ""
    return ch


def _has_traditional(text: str) -> bool:
    return not traditional_chars().isdisjoint(text)


@cache
def traditional_chars() -> frozenset[str]:
    """Characters that OpenCC's Traditional-to-Simplified table changes (read once)."""
    path = Path(opencc.__file__).resolve().parent / "dictionary" / "TSCharacters.txt"
    chars: set[str] = set()
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            key, _, targets = line.rstrip("\n").partition("\t")
            if len(key) == 1 and key not in targets.split(" "):
                chars.add(key)
    return frozenset(chars)


@cache
def _converter() -> Any:
    # Built only when a Traditional message arrives: OpenCC's pure-Python set-up is not free.
    return opencc.OpenCC("t2s")
