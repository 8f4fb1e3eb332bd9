"""Dialect words read as their Mandarin equivalents by the urgency rules.

Residents of a riverside estate write as they speak: central Chinese "冇得人应", "么得反应",
Sichuan "娃儿遭关在电梯头了", "莫得出来", Cantonese "佢喺入面", "仲有人", "晕咗". The safety
patterns are written in Mandarin; rather than spell every dialect form into every pattern,
:func:`plain` rewrites these words for the rules alone (the model and the resident see the
text as written; sensitivity keeps its own dialect forms).

Every replacement has the length of what it replaces, so that positions in the text (the
lexicon's hits) stay where they were. A slip of voice input that reads as another word in
the same breath ("被捆在电梯里" for 困) is read here too: only the rules read it, and only
where the trapped sense is the one that makes sense (捆在, 被捆, 捆住).
"""

from __future__ import annotations

import re

# Word -> Mandarin word of the same length. Ambiguous ones are guarded by what surrounds them
# (see _PATTERN): "么得" not in "怎么得了", "入面" not in "进入面试".
_WORDS = {
    # "not, no one": 冇 (central, Cantonese), 冇得/么得/莫得 (central, Sichuan)
    "冇得": "没有",
    "么得": "没有",
    "莫得": "没有",
    "冇": "没",
    # Cantonese: at, inside, still, a perfective, he/she, of
    "喺": "在",
    "入面": "里面",
    # Shanghainese: 里厢 (inside)
    "里厢": "里面",
    "仲有": "还有",
    "仲喺": "还在",
    "仲在": "还在",
    "咗": "了",
    "佢": "他",
    "啲": "的",
    "嘅": "的",
    # Sichuan and Chongqing: 屋头 (at home), 在车头 (in the car), 遭 + verb (passive)
    "屋头": "屋里",
    "车头": "车里",
    # central Chinese: 伢 (a child)
    "伢": "娃",
    # voice slips of 困 (trapped)
    "捆": "困",
}
# What must come before or after a word for it to have the sense above: "么得" not in
# "怎么得了", "入面" not in "进入面试", "车头" (in the car) only after 在 ("还在车头", not
# "车头灯"), 捆 only as trapped ("被捆", "捆在", "捆住"; not "捆绑", "一捆").
_GUARDED = {
    "么得": r"(?<![怎什这那多要])么得",
    "入面": r"(?<![进加输收投])入面",
    "车头": r"(?<=在)车头",
    "捆": r"(?:(?<=被)捆|捆(?=在|住))",
}
# 遭 before a verb of harm is the passive 被 ("遭水冲走", "遭埋倒了"), not 遭殃 or 遭罪.
_PASSIVE = "遭(?=关|困|锁|埋|压|砸|冲|水|撞|电|卡|夹|捆)"

_PATTERN = re.compile(
    "|".join(
        [_PASSIVE]
        + [_GUARDED.get(word, re.escape(word)) for word in sorted(_WORDS, key=len, reverse=True)]
    )
)
# Characters of which one must be in the text for any word above to be there: a cheap test
# that spares the substitution on most messages.
_FIRST = frozenset({"遭"} | {word[0] for word in _WORDS})


def plain(text: str) -> str:
    """``text`` with dialect words replaced by Mandarin words of the same length."""
    if _FIRST.isdisjoint(text):
        return text
    return _PATTERN.sub(_replace, text)


def _replace(match: re.Match[str]) -> str:
    word = match.group(0)
    return "被" if word == "遭" else _WORDS[word]
