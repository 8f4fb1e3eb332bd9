"""The word lexicon: every word the rules look for, found in one pass over the text.

All words of a :class:`Taxonomy` (urgent, problem, chat, help, offer, category keywords and
topics) compile into one trie-shaped regular expression. :meth:`Lexicon.scan` returns, for
every position, the longest word starting there with its roles, so overlapping words are all
seen ("电梯困人" yields 电梯 and 困人). A word inherits the roles of lexicon words it starts
with (their categories only if it has none of its own), so the longer match never hides a
shorter one's meaning.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

from bot.config.understanding import Taxonomy
from bot.records import quick_init
from bot.understand import tokenizer
from bot.understand.patterns import first_chars


class Role(enum.StrEnum):
    URGENT = "urgent"
    PROBLEM = "problem"
    CHAT = "chat"
    HELP = "help"
    OFFER = "offer"
    KEYWORD = "keyword"  # with a category code: names a problem of that category
    TOPIC = "topic"  # with a category code: names that category's things


Tag = tuple[Role, str]  # (role, category code or "")


@quick_init
@dataclass(frozen=True, slots=True)
class Hit:
    word: str
    pos: int
    tags: frozenset[Tag]

    def has(self, role: Role) -> bool:
        roles = _ROLES.get(self.tags)
        if roles is None:
            roles = _ROLES[self.tags] = frozenset(r for r, _ in self.tags)
        return role in roles

    def has_any(self, roles: frozenset[Role]) -> bool:
        """One of ``roles`` at least (one look-up, not one per role)."""
        own = _ROLES.get(self.tags)
        if own is None:
            own = _ROLES[self.tags] = frozenset(r for r, _ in self.tags)
        return not roles.isdisjoint(own)


# The roles of each set of tags: one entry per lexicon word's tags (a frozenset keeps its
# hash), so asking a hit for a role is a look-up rather than a walk over its tags.
_ROLES: dict[frozenset[Tag], frozenset[Role]] = {}


def trie_pattern(words: list[str]) -> str:
    """A regex source matching any of ``words``, longest first, shaped as a trie so that
    matching costs about one character comparison per position instead of one per word."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:
        ends = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in node.items() if ch != ""]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            # Greedy optional group: the longer word wins, the shorter one still matches.
            return "(?:" + body + ")?" if len(branches) > 1 or len(body) > 1 else body + "?"
        return body

    return build(trie)


class Lexicon:
    """Compiled word lists of one taxonomy; build with :func:`lexicon_for`."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        tags: dict[str, set[Tag]] = {}

        def add(words: tuple[str, ...], tag: Tag) -> None:
            for word in words:
                if word:
                    tags.setdefault(word, set()).add(tag)

        add(taxonomy.urgent_keywords, (Role.URGENT, ""))
        add(taxonomy.problem_keywords, (Role.PROBLEM, ""))
        add(taxonomy.chat_keywords, (Role.CHAT, ""))
        add(taxonomy.help_keywords, (Role.HELP, ""))
        add(taxonomy.offer_keywords, (Role.OFFER, ""))
        for cat in taxonomy.categories:
            add(cat.keywords, (Role.KEYWORD, cat.code))
            add(cat.topics, (Role.TOPIC, cat.code))
        words = sorted(tags)
        # Inherit the roles of every lexicon word that is a prefix of a longer one.
        known = set(words)
        self.tags: dict[str, frozenset[Tag]] = {}
        for word in words:
            merged = set(tags[word])
            own_category = any(code for _, code in merged)
            for end in range(1, len(word)):
                if word[:end] in known:
                    # A word with its own category keeps it: 保安值班 is security even
                    # though 保安 alone names the management.
                    merged |= {tag for tag in tags[word[:end]] if not (own_category and tag[1])}
            self.tags[word] = frozenset(merged)
        self.words = frozenset(words)
        #: The taxonomy's category codes (``Taxonomy.codes`` builds them anew at each call).
        self.codes = frozenset(cat.code for cat in taxonomy.categories)
        self._pattern: re.Pattern[str] | None = None
        if words:
            trie = trie_pattern(words)
            # Only where a word can start is the trie tried (see bot.understand.patterns).
            start = first_chars(trie)
            guard = f"(?={start})" if start else ""
            self._pattern = re.compile(guard + "(?=(" + trie + "))")

    def scan(self, text: str) -> list[Hit]:
        """Every lexicon word in ``text``: the longest starting at each position, in order."""
        if self._pattern is None:
            return []
        tags = self.tags
        return [
            Hit(word, m.start(), tags[word])
            for m in self._pattern.finditer(text)
            if (word := m.group(1))
        ]


def lexicon_for(taxonomy: Taxonomy) -> Lexicon:
    """The compiled lexicon of ``taxonomy``, built once per taxonomy object.

    Keyed by identity, not by value: hashing a taxonomy walks every word, which would cost
    more than understanding a short message. Also teaches the tokenizer every word of the
    taxonomy, so that words an admin added in the config come out whole in the keywords.
    """
    entry = _LEXICONS.get(id(taxonomy))
    if entry is not None and entry[0] is taxonomy:
        return entry[1]
    lexicon = Lexicon(taxonomy)
    tokenizer.add_words(lexicon.words)
    if len(_LEXICONS) >= 8:  # a process sees one or two taxonomies; tests see a few more
        _LEXICONS.clear()
    # The entry keeps the taxonomy alive, so its id cannot be reused by another object.
    _LEXICONS[id(taxonomy)] = (taxonomy, lexicon)
    return lexicon


_LEXICONS: dict[int, tuple[Taxonomy, Lexicon]] = {}
