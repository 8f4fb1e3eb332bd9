"""Skills by meaning: the shipped synonym table (``help_skills.toml``) plus the config's
``[help.synonyms]``, skill words pulled out of free text, and parsing of ``/offer`` arguments.

补衣服, 缝纫 and 针线活 are one skill ("缝纫"): matching compares canonical names, so an
offer of 针线活 answers a request to 补衣服. Words outside the table stay as they are and match
only themselves.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from bot.commands import BadArguments
from bot.understand.tokenizer import lcut
from handlers.help_texts import OFFER_BAD_DAYS

_AVAILABILITY = (
    "周末",
    "工作日",
    "晚上",
    "白天",
    "上午",
    "下午",
    "中午",
    "早上",
    "随时",
    "平时",
    "节假日",
    "每天",
    "有空",
    "下班后",
    "周一",
    "周二",
    "周三",
    "周四",
    "周五",
    "周六",
    "周日",
    "星期",
)
_EXPIRY = re.compile(r"^(?:有效期)?(\d{1,3})(天|日|周|个月|月)$")
# Anything else that looks like a number or a duration ("-5天", "0天", "1.5月", "99999") is a
# mistyped expiry, never a skill.
_NUMBER_LIKE = re.compile(r"^[-+−]?[\d.]+(?:天|日|周|个月|月|年|小时)?$")
_MEMO_MAX = 20_000
_SPLIT = re.compile(r"[\s,，、;；/]+")
# Words that say nothing about the skill itself (used when the table finds nothing).
_STOPWORDS = frozenset(
    "谁 谁会 谁能 谁家 哪位 有没有 有人 没有 可以 能不能 帮忙 帮帮 一下 明天 今天 后天 周末 我们 你们"
    " 他们 大家 邻居 需要 麻烦 谢谢 请问 我家 家里 一个 这个 那个 什么 时候 现在 如果 就是 一起"
    " 求助 帮助 有空 会不会 的话 一点 还是 或者".split()
)


@dataclass(frozen=True, slots=True)
class SkillTable:
    """Canonical skill name for each known word; ``words`` is longest first."""

    canonical_of: dict[str, str]
    words: tuple[str, ...]
    # canonical() of words seen so far: the search through ``words`` costs about 30 µs for
    # a word outside the table, and matching meets the same offered words again and again.
    _memo: dict[str, str] = field(default_factory=dict, compare=False, hash=False, repr=False)

    def canonical(self, word: str) -> str:
        """The skill a word stands for: a known word, a word containing one, or itself."""
        found = self._memo.get(word)
        if found is None:
            if len(self._memo) >= _MEMO_MAX:
                self._memo.clear()
            found = self._memo[word] = self._canonical(word)
        return found

    def _canonical(self, word: str) -> str:
        w = _norm(word)
        if w in self.canonical_of:
            return self.canonical_of[w]
        for known in self.words:
            if len(known) >= 2 and known in w:
                return self.canonical_of[known]
        return w

    def find(self, text: str) -> tuple[str, ...]:
        """Canonical skills mentioned in ``text``, in the order they appear (longest words
        first, so 修自行车 is not also read as a separate 自行车)."""
        norm = _norm(text)
        taken = [False] * len(norm)
        found: list[tuple[int, str]] = []
        for word in self.words:
            start = norm.find(word)
            while start >= 0:
                end = start + len(word)
                if not any(taken[start:end]):
                    for i in range(start, end):
                        taken[i] = True
                    found.append((start, self.canonical_of[word]))
                start = norm.find(word, end)
        found.sort()
        return tuple(dict.fromkeys(name for _, name in found))


@cache
def _shipped() -> tuple[tuple[str, tuple[str, ...]], ...]:
    data = tomllib.loads(
        resources.files("handlers").joinpath("help_skills.toml").read_text(encoding="utf-8")
    )
    return tuple((name, tuple(words)) for name, words in data["groups"].items())


@cache
def skill_table(extra: tuple[tuple[str, ...], ...] = ()) -> SkillTable:
    """The shipped table merged with ``extra`` groups (``(name, *words)`` from the config);
    a config group with a shipped name adds words to it."""
    canonical_of: dict[str, str] = {}
    for name, words in (*_shipped(), *((g[0], g[1:]) for g in extra if g)):
        cname = _norm(name)
        canonical_of.setdefault(cname, canonical_of.get(cname, cname))
        target = canonical_of[cname]
        for w in words:
            canonical_of.setdefault(_norm(w), target)
    words = tuple(sorted((w for w in canonical_of if w), key=lambda w: (-len(w), w)))
    return SkillTable(canonical_of, words)


def content_words(text: str) -> tuple[str, ...]:
    """Words of two or more characters that might name a skill (jieba segmentation)."""
    out = []
    for w in lcut(_norm(text)):
        w = w.strip()
        if len(w) >= 2 and w not in _STOPWORDS and not w.isdigit() and _is_cjk_or_alpha(w):
            out.append(w)
    return tuple(dict.fromkeys(out))[:5]


def skills_in(text: str, table: SkillTable, *, loose: bool) -> tuple[str, ...]:
    """Skills in free text; with ``loose``, fall back to content words if the table finds
    none (the understanding already said this is about help)."""
    found = table.find(text)
    if found or not loose:
        return found
    return tuple(dict.fromkeys(table.canonical(w) for w in content_words(text)))


@dataclass(frozen=True, slots=True)
class OfferArgs:
    skills: tuple[str, ...]
    note: str | None
    days: int | None


# "周末有空", "晚上和周末都可以": when someone is free, said within a longer sentence.
_AVAILABLE_WHEN = re.compile(
    "(?:(?:" + "|".join(a for a in _AVAILABILITY if a != "有空") + ")[和、或及跟]?)+"
    "(?:都|也)?(?:有空|有时间|都行|可以|方便)?"
)


def availability_in(text: str) -> str | None:
    """When the person says they are free ("周末有空"), to keep with an offer said in a
    sentence; None when they did not say."""
    found = _AVAILABLE_WHEN.search(_norm(text))
    return found.group(0).rstrip("和、或及跟") if found else None


def parse_offer_args(args: str, table: SkillTable) -> OfferArgs:
    """``缝纫 修电脑 周末有空 30天`` -> skills (缝纫, 修电脑), note 周末有空, 30 days.

    Availability words (周末, 晚上…) start the note; a long phrase contributes the known
    skills it contains and goes to the note too.
    """
    skills: list[str] = []
    note: list[str] = []
    days: int | None = None
    for token in _SPLIT.split(_norm(args)):
        if not token:
            continue
        expiry = _EXPIRY.match(token)
        if expiry:
            n, unit = int(expiry.group(1)), expiry.group(2)
            days = n * {"天": 1, "日": 1, "周": 7, "个月": 30, "月": 30}[unit]
            if days < 1:
                raise BadArguments(OFFER_BAD_DAYS)
            continue
        if _NUMBER_LIKE.match(token):
            raise BadArguments(OFFER_BAD_DAYS)
        if not any(ch.isalpha() for ch in token):
            continue  # punctuation or symbols alone are no skill
        if note or any(a in token for a in _AVAILABILITY):
            note.append(token)
            continue
        if len(token) > 8 and token not in table.canonical_of:
            found = table.find(token)
            if found:
                skills.extend(found)
                note.append(token)
                continue
        skills.append(token[:20])
    return OfferArgs(tuple(dict.fromkeys(skills)), " ".join(note)[:100] or None, days)


def match_score(
    wanted: tuple[str, ...], offered: tuple[str, ...], table: SkillTable
) -> tuple[int, tuple[str, ...]]:
    """How well an offer answers a request: 2 per wanted skill offered under the same
    canonical name, 1 per loose overlap of words; also the offered words that matched."""
    score = 0
    matched: list[str] = []
    offered_canon = {table.canonical(o): o for o in offered}
    for want in wanted:
        canon = table.canonical(want)
        if canon in offered_canon:
            score += 2
            matched.append(offered_canon[canon])
            continue
        for o in offered:
            if len(want) >= 2 and len(o) >= 2 and (want in o or o in want):
                score += 1
                matched.append(o)
                break
    return score, tuple(dict.fromkeys(matched))


def may_match(wanted: tuple[str, ...], word: str, table: SkillTable) -> bool:
    """Whether an offer holding ``word`` can score for ``wanted`` (:func:`match_score` is
    above 0 exactly for offers holding at least one such word)."""
    canon = table.canonical(word)
    return any(
        table.canonical(want) == canon
        or (len(want) >= 2 and len(word) >= 2 and (want in word or word in want))
        for want in wanted
    )


def _norm(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip().lower()


def _is_cjk_or_alpha(word: str) -> bool:
    return all(ch.isalpha() for ch in word)
