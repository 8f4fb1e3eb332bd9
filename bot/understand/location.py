"""Finding the place inside the community that a message names.

Convention (the corpus is labelled this way): the first place named, as written. Adjacent
parts with Arabic numbers join into one place ("3号楼2单元", "5栋602"); a part with Chinese
numerals ("三单元") stands alone; named places come from ``data/places.txt``. "楼道灯" names a
thing, not a place.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from bot.personal_numbers import blank_out
from bot.understand.patterns import rule

PLACES_FILE = Path(__file__).resolve().parent / "data" / "places.txt"

# One numbered part: building, unit, floor, area, or a 3-4 digit room number.
_PART = (
    r"(?:\d{1,3}(?:号楼|号院|栋|幢|座|单元|楼|层)"
    r"|[A-Za-z](?:区|座|栋)"
    r"|(?<![\dA-Za-z.:])\d{3,4}(?:室|房|号)?(?![\d.:%元块分米斤个天次年月日度点岁公里克斤万千百瓶箱]))"
)
_NUMBERED = rule(rf"(?:{_PART})(?:-?(?:{_PART}))*")
_CHINESE = rule(r"[一二三四五六七八九十]{1,3}(?:号楼|栋|幢|单元)")
# Emergency and service numbers are not room numbers.
_NOT_ROOMS = frozenset({"110", "119", "120", "122", "12345", "12315"})


@cache
def _places() -> re.Pattern[str]:
    names = [
        line.strip()
        for line in PLACES_FILE.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    names.sort(key=len, reverse=True)  # longest first: 地下车库 before 车库
    alternation = "|".join(re.escape(n) for n in names)
    return re.compile(rf"(?:{alternation})(?!灯)")


def find_location(text: str) -> tuple[str, int] | None:
    """The first place named in ``text`` and its position, or None. Phone, ID card and plate
    numbers are never (part of) a place: "电梯坏了，电话138 1234 5678" names none."""
    text = blank_out(text)
    best: tuple[str, int] | None = None
    for match in _NUMBERED.finditer(text):
        if match.group(0) in _NOT_ROOMS:
            continue
        best = (match.group(0), match.start())
        break
    for pattern in (_CHINESE, _places()):
        # Only an earlier place can win: search up to the best so far.
        found = pattern.search(text, 0, best[1] if best else len(text))
        if found and (best is None or found.start() < best[1]):
            best = (found.group(0), found.start())
    return best


def extract_location(text: str) -> str | None:
    """The first place named in ``text`` (see the module docstring), or None."""
    found = find_location(text)
    return found[0] if found else None
