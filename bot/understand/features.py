"""What the learned model sees of a message: jieba words, characters, and lexicon tags.

The model input is one line of space-separated tokens:

- the jieba words of the (normalised) text, numbers folded to ``<n>`` (3号楼 and 5号楼 are
  the same kind of thing);
- every Chinese character on its own, so a word jieba cut differently, or never saw, still
  counts (fastText's word bigrams then give character bigrams too);
- one tag per lexicon word found (``@problem``, ``@help``, ``@kw_water``, ``@topic_lighting``…)
  and per sentence rule that fired (``@question``, ``@fixed``…), so the model learns from the
  corpus how far to trust each of the readable rules instead of being overruled by them.

Training and prediction build the line with the same function, so they cannot drift apart.
"""

from __future__ import annotations

import os
import re
from typing import cast

from bot.understand import clauses, rules, safety
from bot.understand.lexicon import Hit, Role, Tag
from bot.understand.tokenizer import lcut

_NUMBER = re.compile(r"^[0-9０-９.]+$")
_HAN = re.compile(r"[\u4e00-\u9fff]")
EMPTY = "<empty>"
#: Tags for what the clause around a problem word says (denied, past, hypothetical) and for a
#: message about somewhere else. In 5-fold cross-validation on the training split (three
#: draws of the folds) they cut chat filed as reports from 4.5% to 4.0% at equal macro-F1.
CONTEXT_TAGS = True
#: A tag for a message written as a notice to everyone (:func:`rules.announcement`). In 5-fold
#: CV on the training split (16,168 lines): chat filed as reports 4.03% -> 3.82%, macro-F1
#: 0.932 -> 0.934, report recall 0.950 -> 0.952; by file (``--by-file``) 4.62% -> 4.69%,
#: macro-F1 0.915 -> 0.916, report recall 0.933 -> 0.935, category +0.002 in both.
ANNOUNCEMENT_TAG = True
#: A tag for a message told as a story of the past or of somewhere else (:func:`clauses.story`,
#: the rule that clears such a message of urgency).
STORY_TAG = os.environ.get("LINLI_STORY_TAG", "1") == "1"
#: A tag for a message told of someone else's place (:func:`clauses.told_elsewhere`). In 5-fold
#: CV on the training split (88,019 lines; lead, twentieth session): chat filed as reports
#: 3.19% -> 3.09% at equal macro-F1 (0.944) and urgent recall (0.978); a first form, the
#: place alone, 2.98% -> 2.95% on 85,921 lines.
TOLD_ELSEWHERE_TAG = os.environ.get("LINLI_TOLD_ELSEWHERE_TAG", "1") == "1"
#: jieba tokens that end a clause, for the second view (:func:`model_lines`).
_CLAUSE_END = frozenset("，。!！?？;；,\n~…")
#: Spoken discourse markers ("let me tell you", "you know"): they say how someone talks, not
#: what about, and voice input writes them down. The model does not see them (the rules do),
#: a clause break in their place: a broken lift said as "那个电梯啊又坏了嘛我跟你说我今天拎着菜
#: 爬了十五层" is the lift, then the climb, not a chatty story (docs/understanding.md, tenth
#: session).
_FILLER = re.compile(
    r"我(?:跟|和|给)你(?:说|讲)|我告诉你|你知道(?:吗|不|伐)|你晓得(?:吗|不|伐|吧)|怎么说呢"
)
_SKIP = frozenset(" \t，。！？、,.!?;；:：~…-—()（）\"'“”‘’【】[]")


def model_line(text: str, tokens: list[str], hits: list[Hit]) -> str:
    """The model's input for ``text`` (already normalised), its jieba ``tokens`` and the
    lexicon ``hits`` found in it."""
    return model_lines(text, tokens, hits)[0]


#: What the second view needs of a message, kept until it is asked for (most messages never
#: need it, see :func:`bot.understand.classify._view_may_decide`): the jieba tokens, each
#: token's model word ("" for none), and the tags.
ViewParts = tuple[list[str], list[str], list[str]]


def model_lines(text: str, tokens: list[str], hits: list[Hit]) -> tuple[str, str]:
    """The main model's input (:func:`model_line`) and the second view's
    (:func:`view_line`)."""
    line, parts = model_line_parts(text, tokens, hits)
    return line, view_line(parts)


def model_line_parts(text: str, tokens: list[str], hits: list[Hit]) -> tuple[str, ViewParts]:
    """The main model's input (:func:`model_line`) and what the second view's is made of."""
    seen = text
    if _FILLER.search(text):
        seen = _FILLER.sub("，", text)
        tokens = lcut(seen)
    # Each token's word in one pass of C (the clauses, which only the second view needs,
    # are found when it is asked for: lead, twenty-first session).
    known = list(map(_TOKEN_FEATURES.get, tokens))
    words = (
        cast(list[str], known)
        if None not in known
        else [
            _token_feature(token) if word is None else word
            for token, word in zip(tokens, known, strict=True)
        ]
    )
    found = tags(text, hits)
    out = " ".join((*filter(None, words), *_HAN.findall(seen), *found))
    # A message of punctuation alone ("。。。") still gets one token: fastText averages the
    # tokens of a line, and an empty line makes training diverge ("Encountered NaN").
    return out or EMPTY, (tokens, words, found)


def _clauses(tokens: list[str], features: list[str]) -> tuple[list[str], int, int, int, int]:
    """The model's words of ``tokens`` (given each one's ``features``), and the spans, in
    those words, of the first and of the last clause."""
    words: list[str] = []
    first = last = (0, 0)
    start = 0
    for token, feature in zip(tokens, features, strict=True):
        if feature:
            words.append(feature)
        elif token in _CLAUSE_END:  # (every clause end has no feature of its own)
            if len(words) > start:
                last = (start, len(words))
                if not first[1]:
                    first = last
            start = len(words)
    if len(words) > start:
        last = (start, len(words))
        if not first[1]:
            first = last
    return words, *first, *last


def view_line(parts: ViewParts) -> str:
    """The second view's input: the words of the first and of the last clause, marked as
    such (``F_电梯``, ``L_吗``), and the same tags as the main model's.

    The second view is a small binary model (report or not) over a different reading of the
    message: where a message starts and how it ends ("…你们那边也这样吗", "…谢谢配合") without
    the words in between or the characters. Its errors differ from the main model's, so the
    two together file fewer chat lines as reports at equal reports taken (tenth session,
    docs/understanding.md)."""
    tokens, features, found = parts
    words, a, b, c, d = _clauses(tokens, features)
    view = [f"F_{w}" for w in words[a:b]]
    if (c, d) != (a, b):
        view.extend(f"L_{w}" for w in words[c:d])
    view.extend(found)
    return " ".join(view) if view else EMPTY


def _token_feature(token: str) -> str:
    """The model's token for a jieba token ("" for none), remembered for the next time."""
    token_ = token.strip()
    if not token_ or token_ in _SKIP:
        feature = ""
    else:
        feature = "<n>" if _NUMBER.match(token_) else token_.lower()
    if len(_TOKEN_FEATURES) >= _MAX_TOKEN_FEATURES:
        _TOKEN_FEATURES.clear()
    _TOKEN_FEATURES[token] = feature
    return feature


# jieba token -> model token: tokens are mostly dictionary words, and the cap keeps numbers
# and odd strings from growing it without end.
_TOKEN_FEATURES: dict[str, str] = {}
_MAX_TOKEN_FEATURES = 50_000


def _sorted_tags(tags: frozenset[Tag]) -> tuple[tuple[Role, str, str], ...]:
    """``sorted(tags)``, each with its plain tag (``@keyword_water``, ``@problem``);
    remembered, one entry per lexicon word's set of tags."""
    found = _SORTED_TAGS.get(tags)
    if found is None:
        found = _SORTED_TAGS[tags] = tuple(
            (role, code, f"@{role}_{code}" if code else f"@{role}") for role, code in sorted(tags)
        )
    return found


_SORTED_TAGS: dict[frozenset[Tag], tuple[tuple[Role, str, str], ...]] = {}


def tags(text: str, hits: list[Hit]) -> list[str]:
    """Lexicon and rule tags, in a fixed order (no duplicates)."""
    found: list[str] = []
    questions = rules.question_spans(text)
    for hit in hits:
        asked = bool(questions) and any(a <= hit.pos < b for a, b in questions)
        for role, _code, plain in _sorted_tags(hit.tags):
            if role is Role.URGENT and not safety.real_urgent_word(text, hit):
                tag = "@urgent_imagined"
            elif role is Role.OFFER and not rules.offered_by_speaker(text, hit):
                tag = "@offer_elsewhere"
            elif role is Role.HELP and not rules.help_cue(text, hit):
                tag = "@help_management"
            else:
                tag = plain
            if asked and role in (Role.PROBLEM, Role.KEYWORD):
                tag += "_asked"
            if tag not in found:
                found.append(tag)
        if CONTEXT_TAGS and (hit.has(Role.PROBLEM) or hit.has(Role.KEYWORD)):
            for context in rules.clause_context(text, hit.pos):
                tag = f"@problem_{context}"
                if tag not in found:
                    found.append(tag)
    if CONTEXT_TAGS and rules.elsewhere(text):
        found.append("@elsewhere")
    if TOLD_ELSEWHERE_TAG and clauses.told_elsewhere(text):
        found.append("@told_elsewhere")
    if STORY_TAG and clauses.story(text):
        found.append("@story")
    if rules.all_clear(text):
        found.append("@all_clear")
    if rules.fixed(text, hits):
        found.append("@fixed")
    if rules.notice(text):
        found.append("@notice")
    if ANNOUNCEMENT_TAG and rules.announcement(text):
        found.append("@announce")
    if rules.me_too(text):
        found.append("@me_too")
    if rules.addressed_to_management(text):
        found.append("@management")
    if "?" in text or "？" in text or "吗" in text:
        found.append("@q")
    return found
