"""Numbers the way building heads write and say them, for the command grammar.

:func:`scan_numbers` reads a list of issue/event/request numbers at the start of a text:
digits (``7 8 9``, ``7、8、9``, ``7和8``, ``1-3``), Chinese numerals from voice input (``三``,
``十五``, ``一百零五``), with ``第``/``#`` before and ``号`` after. A number only counts when it
is followed by the end, a space, punctuation, ``号`` or a note; a measure word or a unit makes
it a quantity (``3个``, ``2点``, ``2天``, ``5块钱``, ``1e9``, ``2.5``), and then the message is
ordinary chat, not a command.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

#: More numbers than this in one command is a mistake (``办结 1-500``), not a batch.
MAX_NUMBERS = 20
MAX_DIGITS = 9

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5}
_CN_DIGITS |= {"六": 6, "七": 7, "八": 8, "九": 9}
_CN_CHARS = "零〇一二两三四五六七八九十百"

# What may follow a number that is a quantity, not an issue number. A number followed by one
# of these makes the whole message chat ("收到3个快递", "确认2点开会", "受理2天了").
MEASURE_CHARS = frozenset(
    "个位只件条张块元毛角分点天日楼层栋幢座室户人口次遍下回趟份包箱袋瓶罐斤两克吨米里平度岁"
    "年月周倍成折辆台部本盒桶杯碗双对套把根支棵间排期区门届批项页行组班级段场集首篇封万千百"
    "亿多来余几半秒时单样般起直定切共些声路阵会批届%℃°"
)
MEASURE_WORDS = ("小时", "公斤", "公里", "千克", "毫升", "平米", "星期", "礼拜", "小区")
# Words after a bare number that begin a note, although their first character is a measure
# word ("收到3下午处理").
NOTE_WORDS = ("下午", "上午", "中午", "晚上", "明天", "马上")
# After "3号": a place or a date, not an issue ("3号楼", "3号的快递", "3号开会").
_AFTER_HAO_OK = re.compile(
    rf"$|[\s,，。.!！?？;；:：、~）)]|问题|活动|求助|了|啦|(?:\d+|[{_CN_CHARS}]+)号"
)
_EMPTY = re.compile("")
_PUNCT = ",，。.!！?？;；:：~）)"
_RANGE = re.compile(r"\s*(?:-|~|～|到|至)\s*")
_LIST = re.compile(r"\s*(?:、|,|，|和|与|跟)\s*|\s+")
_ITEM = re.compile(
    rf"(?P<di>第\s*)?(?:#\s*|No\.?\s*)?(?P<num>\d+|[{_CN_CHARS}]+)(?P<hao>\s*号)?",
    re.IGNORECASE,
)


class Scan(enum.Enum):
    """How the text after a command word reads."""

    NUMBERS = "numbers"  # a list of numbers (maybe followed by a note)
    NONE = "none"  # no number at all
    QUANTITY = "quantity"  # a number with a measure word or unit: chat
    INVALID = "invalid"  # clearly meant as a number, but not a valid one


@dataclass(frozen=True, slots=True)
class NumberScan:
    status: Scan
    numbers: tuple[int, ...] = ()
    end: int = 0  # where the list ends in the text
    marked: bool = False  # 第 before or 号 after a number
    all_hao: bool = False  # every number carries 号
    problem: str = ""  # for INVALID: what is wrong, in Chinese


def chinese_numeral(text: str) -> int | None:
    """``"十五"`` -> 15, ``"一百零五"`` -> 105, ``"三"`` -> 3; None unless a whole, plain
    numeral below 1000 ("三四", "五一", "十十" are not numbers)."""
    m = re.fullmatch(
        r"(?:(?P<h>[一二两三四五六七八九])百(?:零(?=[一二三四五六七八九]$))?)?"
        r"(?:(?P<t>[一二两三四五六七八九])?(?P<ten>十))?"
        r"(?P<u>[一二两三四五六七八九])?",
        text,
    )
    if not m or not text or text in ("零", "〇"):
        return None
    if m.group("h") and m.group("ten") and not m.group("t"):
        return None  # "一百十" is not how anyone says 110
    value = 100 * _CN_DIGITS[m.group("h")] if m.group("h") else 0
    if m.group("ten"):
        value += 10 * (_CN_DIGITS[m.group("t")] if m.group("t") else 1)
    if m.group("u"):
        value += _CN_DIGITS[m.group("u")]
    return value or None


def is_quantity_start(text: str) -> bool:
    """Whether ``text`` (what follows a number) starts with a measure word or a unit."""
    if not text or text.startswith(NOTE_WORDS):
        return False
    return text[0] in MEASURE_CHARS or text.startswith(MEASURE_WORDS)


def _follow_is_quantity(rest: str, chinese: bool) -> bool:
    """Whether what directly follows a number (no 号) makes it a quantity or a non-number:
    a measure word, a unit, letters (``1e9``, ``10w``), a decimal or a time (``2.5``,
    ``3:30``, ``6/20``); after a Chinese numeral anything but a separator."""
    if not rest:
        return False
    ch = rest[0]
    if ch.isspace() or ch in "、和与跟-～":
        return False
    if ch in ".:/：" and len(rest) > 1 and rest[1].isdigit():
        return True
    if ch in _PUNCT:
        return False
    if ch.isascii() and ch.isalnum():
        return True
    if chinese:
        return not rest.startswith(("问题", "活动", "求助"))
    return is_quantity_start(rest)


def scan_numbers(
    text: str, pos: int = 0, words_after: tuple[str, ...] = (), *, several: bool = True
) -> NumberScan:
    """Read a list of numbers at ``text[pos:]`` (see the module docstring). ``words_after``
    may also follow a ``号`` (the command words of ``3号收到``). ``several=False`` reads one
    number only (``投票 1 2``: poll 1, option 2)."""
    numbers: list[int] = []
    marked = False
    all_hao = True
    i = pos
    while True:
        m = _ITEM.match(text, i)
        if not m:
            break
        raw = m.group("num")
        chinese = not raw.isdigit()
        after = m.end()
        if m.group("hao"):
            if not _AFTER_HAO_OK.match(text, after) and not text.startswith(words_after, after):
                return NumberScan(Scan.QUANTITY)
        elif _follow_is_quantity(text[after:], chinese):
            return NumberScan(Scan.QUANTITY)
        if chinese:
            value = chinese_numeral(raw)
            if value is None:
                return NumberScan(Scan.QUANTITY)  # "三四个", "五一", "第一批"
        else:
            if len(raw.lstrip("0")) > MAX_DIGITS:
                return NumberScan(Scan.INVALID, problem="编号太大了，请检查后再试。")
            value = int(raw)
            if value <= 0:
                return NumberScan(Scan.INVALID, problem="编号从 1 开始，请检查后再试。")
        marked = marked or bool(m.group("di") or m.group("hao"))
        all_hao = all_hao and bool(m.group("hao"))
        numbers.append(value)
        i = after
        if not several:
            break
        r = _RANGE.match(text, i)
        if r and (m2 := _ITEM.match(text, r.end())) and not m2.group("di"):
            end_raw = m2.group("num")
            end_value = int(end_raw) if end_raw.isdigit() else chinese_numeral(end_raw)
            if m2.group("hao"):
                if not _AFTER_HAO_OK.match(text, m2.end()):
                    return NumberScan(Scan.QUANTITY)
            elif _follow_is_quantity(text[m2.end() :], not end_raw.isdigit()):
                return NumberScan(Scan.QUANTITY)
            if end_value is None or end_value < value:
                return NumberScan(Scan.INVALID, problem="编号范围写得不对，例如“1-3”。")
            if end_value - value >= MAX_NUMBERS:
                return NumberScan(Scan.INVALID, problem=f"一次最多处理 {MAX_NUMBERS} 个编号。")
            numbers.extend(range(value + 1, end_value + 1))
            all_hao = all_hao and bool(m2.group("hao"))
            i = m2.end()
        sep = _LIST.match(text, i)
        if not sep and m.group("hao") and _ITEM.match(text, i):
            sep = _EMPTY.match(text, i)  # "7号8号": one 号 after another
        if not sep:
            break
        nxt = _ITEM.match(text, sep.end())
        if not nxt:
            break
        joined_by_space = not sep.group(0).strip()
        if joined_by_space or sep.group(0).strip() in ",，":
            # "收到 3 4楼的也看看", "收到3，5分钟后到": the rest is a note, not a number.
            probe = _probe(text, nxt, words_after)
            if probe is not Scan.NUMBERS:
                break
        i = sep.end()
    if not numbers:
        if _ITEM.match(text, pos) is None and re.match(r"\s*(?:#|第\s*\S{0,3}号)", text[pos:]):
            return NumberScan(Scan.INVALID, problem="请写数字编号，例如 3。")
        return NumberScan(Scan.NONE)
    unique = tuple(dict.fromkeys(numbers))
    if len(unique) > MAX_NUMBERS:
        return NumberScan(Scan.INVALID, problem=f"一次最多处理 {MAX_NUMBERS} 个编号。")
    return NumberScan(Scan.NUMBERS, unique, i, marked, all_hao)


def _probe(text: str, item: re.Match[str], words_after: tuple[str, ...]) -> Scan:
    """Whether the item starting a later part of the text is a number of the list."""
    raw = item.group("num")
    chinese = not raw.isdigit()
    if chinese and chinese_numeral(raw) is None:
        return Scan.QUANTITY
    if item.group("hao"):
        end = item.end()
        ok = _AFTER_HAO_OK.match(text, end) or text.startswith(words_after, end)
        return Scan.NUMBERS if ok else Scan.QUANTITY
    if _follow_is_quantity(text[item.end() :], chinese):
        return Scan.QUANTITY
    return Scan.NUMBERS
