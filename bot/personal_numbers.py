"""Patterns of personal numbers residents type: mobile and landline phone numbers, resident
ID card numbers and vehicle plates. Shared by :mod:`bot.privacy` (masking) and the location
finder (a phone number is never a room number). No imports from the rest of linli."""

from __future__ import annotations

import re

# Mainland mobile numbers, optionally +86 and separated by spaces or dashes.
PHONE = re.compile(r"(?<!\d)(?:\+?86[- ]?)?1[3-9]\d(?:[- ]?\d{4}){2}(?!\d)")
# Landlines such as 010-12345678 or 0571-8765432.
LANDLINE = re.compile(r"(?<!\d)0\d{2,3}-\d{7,8}(?!\d)")
# Resident ID card numbers: 17 digits and a digit or X.
ID_CARD = re.compile(r"(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])")
# Vehicle plates: province abbreviation, a letter, 5 or 6 letters/digits (new-energy plates).
PLATE = re.compile(
    r"[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-Z][·• ]?[A-Z0-9]{5,6}(?![A-Z0-9])"
)

ALL = (ID_CARD, PHONE, LANDLINE, PLATE)


def blank_out(text: str, fill: str = " ") -> str:
    """``text`` with every personal number replaced by ``fill`` characters of the same
    length, so that positions in it stay those of the original."""
    for pattern in ALL:
        text = pattern.sub(lambda m: fill * len(m.group()), text)
    return text
