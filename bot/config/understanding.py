"""``[understanding]``: the report taxonomy and the words that steer text understanding.

The shipped defaults live in ``bot/understand/data/taxonomy.toml``. A config adds words to a
default category (``[understanding.categories.parking] keywords = ["僵尸车"]``), adds a new
category (it then needs a ``label``), or adds words to the global lists; it never removes a
shipped word. ``linli check-config`` reports malformed codes, empty or overlong words and
unknown keys with their key path.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from bot.config.reader import Problems, Table

DEFAULT_TAXONOMY = Path(__file__).resolve().parent.parent / "understand" / "data" / "taxonomy.toml"
_CODE = re.compile(r"^[a-z][a-z0-9_]{0,31}$")
#: A word longer than this is a sentence, not a keyword.
MAX_WORD = 16
_WORD_LISTS = (
    "urgent_keywords",
    "problem_keywords",
    "chat_keywords",
    "help_keywords",
    "offer_keywords",
)


@dataclass(frozen=True, slots=True)
class Category:
    """A report category. ``keywords`` alone make a message a report of this category;
    ``topics`` only choose the category once a general problem word made it a report."""

    code: str
    label: str
    keywords: tuple[str, ...]
    topics: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Taxonomy:
    """Report categories in priority order, plus the word lists for urgency and intents."""

    categories: tuple[Category, ...]
    urgent_keywords: tuple[str, ...] = field(default=())
    chat_keywords: tuple[str, ...] = field(default=())
    problem_keywords: tuple[str, ...] = field(default=())
    help_keywords: tuple[str, ...] = field(default=())
    offer_keywords: tuple[str, ...] = field(default=())

    def label(self, code: str | None) -> str:
        for cat in self.categories:
            if cat.code == code:
                return cat.label
        return "其他"

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(c.code for c in self.categories)


@cache
def default_taxonomy() -> Taxonomy:
    with DEFAULT_TAXONOMY.open("rb") as fh:
        data = tomllib.load(fh)
    problems = Problems()
    taxonomy = _read(Table(data, "", problems), base=None)
    if problems.items:  # the shipped file is ours: a problem here is a bug
        raise RuntimeError(f"{DEFAULT_TAXONOMY}: {problems.items}")
    return taxonomy


def parse_understanding(t: Table) -> Taxonomy:
    return _read(t, base=default_taxonomy())


def _words(t: Table, name: str) -> tuple[str, ...]:
    raw = t.str_list(name, ())
    good: list[str] = []
    for i, word in enumerate(raw or ()):
        stripped = word.strip()
        if not stripped:
            t.problems.add(f"{t.key(name)}[{i}]", "expected a non-empty word")
        elif len(stripped) > MAX_WORD:
            t.problems.add(
                f"{t.key(name)}[{i}]", f"expected a word of at most {MAX_WORD} characters"
            )
        else:
            good.append(stripped)
    return tuple(good)


def _merge(old: tuple[str, ...], new: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys((*old, *new)))


def _read(t: Table, base: Taxonomy | None) -> Taxonomy:
    cats: dict[str, Category] = {c.code: c for c in base.categories} if base else {}
    order = list(cats)
    table = t.table("categories")
    for code in table.data:
        entry = table.table(code)
        if not _CODE.match(code):
            t.problems.add(entry.path, "expected a category code of lowercase letters, digits, _")
        known = cats.get(code)
        label = entry.str("label", known.label if known else None)
        if label is None:
            t.problems.add(
                entry.key("label"), "missing; expected a Chinese label for a new category"
            )
            label = code
        words = _words(entry, "keywords")
        topics = _words(entry, "topics")
        entry.done()
        if known is None and not words and not topics and code != "other":
            t.problems.add(entry.path, "a new category needs at least one keyword or topic")
        cats[code] = Category(
            code,
            label,
            _merge(known.keywords if known else (), words),
            _merge(known.topics if known else (), topics),
        )
        if code not in order:
            order.append(code)
    table.done()
    lists = {name: _words(t, name) for name in _WORD_LISTS}
    t.done()
    if "other" not in cats:
        t.problems.add(t.key("categories.other"), "missing; the fallback category is required")
    return Taxonomy(
        categories=tuple(cats[c] for c in order),
        **{name: _merge(getattr(base, name) if base else (), lists[name]) for name in lists},
    )
