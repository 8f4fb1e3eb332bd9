"""Patterns of personal numbers residents type: mobile and landline phone numbers, resident
ID card numbers and vehicle plates. Shared by :mod:`bot.privacy` (masking) and the location
finder (a phone number is never a room number). No imports from the rest of linli."""

from __future__ import annotations

import re

# ``\d`` matches full-width digits too (a Chinese keyboard in full-width mode types
# １３８１２３４５６７８); letters, dashes and spaces are given in both widths.
_SEP = r"[-－ 　.．]"  # between the groups of a number: dash, space, dot (both widths)
_UPPER = "A-ZＡ-Ｚ"
# Mainland mobile numbers, optionally +86 and separated by spaces, dashes or dots.
_CN = "〇零一幺二两三四五六七八九"  # digits as voice input writes them
PHONE = re.compile(
    rf"(?<!\d)(?:[+＋]?[8８][6６]{_SEP}?)?[1１][3-9３-９]\d(?:{_SEP}?\d{{4}}){{2}}(?!\d)"
    rf"|(?<![{_CN}])[一幺][三四五六七八九][{_CN}](?:{_SEP}?[{_CN}]{{4}}){{2}}(?![{_CN}])"
)
# Landlines such as 010-12345678, 0571 8765432, (010)12345678 or 01012345678: the area code
# (``area``, brackets kept) and the local number.
LANDLINE = re.compile(
    rf"(?<!\d)(?P<area>[(（][0０]\d{{2,3}}[)）]|[0０]\d{{2,3}})(?P<sep>{_SEP}?)\d{{7,8}}(?!\d)"
)
# Resident ID card numbers: 17 digits and a digit or X, also written in groups
# (110101 19900101 1234, 110101-1990-0101-1234).
ID_CARD = re.compile(
    rf"(?<![\dA-Za-zＡ-Ｚａ-ｚ])\d{{6}}{_SEP}?\d{{4}}{_SEP}?\d{{4}}{_SEP}?\d{{3}}[\dXxＸｘ]"
    r"(?![\dA-Za-zＡ-Ｚａ-ｚ])"
)
# Vehicle plates: province abbreviation, a letter, 5 or 6 letters/digits (new-energy plates).
PLATE = re.compile(
    r"[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼]"
    rf"[{_UPPER}][·• ]?[{_UPPER}0-9０-９]{{5,6}}(?![{_UPPER}0-9０-９])"
)

ALL = (ID_CARD, PHONE, LANDLINE, PLATE)


def blank_out(text: str, fill: str = " ") -> str:
    """``text`` with every personal number replaced by ``fill`` characters of the same
    length, so that positions in it stay those of the original."""
    for pattern in ALL:
        if pattern.search(text):  # a substitution costs more to set up than a search
            text = pattern.sub(lambda m: fill * len(m.group()), text)
    return text
