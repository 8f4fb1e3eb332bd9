"""``[understanding]``: the report taxonomy (categories and their keywords) and extra words.

The shipped defaults live in ``bot/understand/data/taxonomy.toml``; the config may add words
to a default category or add a new category without touching code.
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


@dataclass(frozen=True, slots=True)
class Category:
    code: str
    label: str
    keywords: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Taxonomy:
    """Report categories in priority order, plus extra words for urgency and intents."""

    categories: tuple[Category, ...]
    urgent_keywords: tuple[str, ...] = field(default=())
    chat_keywords: tuple[str, ...] = field(default=())

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
        words = entry.str_list("keywords", ())
        entry.done()
        merged = tuple(dict.fromkeys((*(known.keywords if known else ()), *(words or ()))))
        cats[code] = Category(code, label, merged)
        if code not in order:
            order.append(code)
    table.done()
    urgent = t.str_list("urgent_keywords", ())
    chat = t.str_list("chat_keywords", ())
    t.done()
    return Taxonomy(
        categories=tuple(cats[c] for c in order),
        urgent_keywords=tuple(dict.fromkeys((*(base.urgent_keywords if base else ()), *urgent))),
        chat_keywords=tuple(dict.fromkeys((*(base.chat_keywords if base else ()), *chat))),
    )
