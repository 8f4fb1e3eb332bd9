"""Classifying one message: intent, category, urgency, location, keywords.

The decision, in order (each step explained by the words in ``keywords``):

1. Urgent words (fire, gas, someone trapped, a burst pipe, a missing child, objects thrown
   from height, someone collapsed) that are not hypothetical make an urgent report — even in
   question form, because missing one is the worst error.
2. A message saying all is clear, that something was fixed, announcing a planned outage, or
   only joining someone else's report ("我也是") is chat.
3. An offer or a help request, by the earliest offer/help word — unless the message puts an
   asserted problem to the management ("物业能不能帮忙处理一下漏水").
4. A problem word or a category keyword outside a status question makes a report.
5. Anything else is chat.

The category is the one named by a keyword, else by a topic; among equals the first named.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from bot.config.understanding import Taxonomy
from bot.understand import rules
from bot.understand.lexicon import Hit, Role, lexicon_for
from bot.understand.location import extract_location
from bot.understand.normalise import normalise
from bot.understand.tokenizer import lcut

#: Only the start of a long message is analysed: rants put the problem first, and the cost
#: of understanding must not grow with the length of a paste.
MAX_ANALYSED = 500
MAX_KEYWORDS = 8


class Intent(enum.StrEnum):
    REPORT = "report"
    HELP_REQUEST = "help_request"
    OFFER = "offer"
    CHAT = "chat"


@dataclass(frozen=True, slots=True)
class Understanding:
    text: str
    intent: Intent
    category: str | None
    urgent: bool
    location: str | None
    keywords: tuple[str, ...]


def understand(text: str, taxonomy: Taxonomy, *, chat_keywords: bool = True) -> Understanding:
    """Understand one message; pure and deterministic (see the module docstring).

    ``chat_keywords=False`` leaves the keywords of chit-chat empty: nothing downstream of the
    dispatcher reads them, and segmenting most of the group's messages for nothing would be
    the costliest step of handling them (``linli classify`` keeps them, to explain itself).
    """
    norm = normalise(text)
    analysed = norm[:MAX_ANALYSED]
    lexicon = lexicon_for(taxonomy)
    hits = lexicon.scan(analysed)
    intent, urgent, why = _intent(analysed, hits)
    category = location = None
    if intent is Intent.REPORT:
        category = _category(analysed, hits)
        location = extract_location(analysed)
    if intent is Intent.CHAT and not chat_keywords:
        keywords: tuple[str, ...] = ()
    else:
        keywords = _keywords(analysed, why, lexicon.words, location)
    return Understanding(norm, intent, category, urgent, location, keywords)


def _intent(text: str, hits: list[Hit]) -> tuple[Intent, bool, list[Hit]]:
    """The intent, urgency, and the hits that decided them."""
    urgent_hits = [h for h in hits if h.has(Role.URGENT) and rules.real_urgent(text, h)]
    if urgent_hits and not rules.all_clear(text):
        return Intent.REPORT, True, hits
    if rules.all_clear(text) or rules.fixed(text, hits) or rules.notice(text):
        return Intent.CHAT, False, [h for h in hits if h.has(Role.CHAT)]
    if rules.me_too(text):
        return Intent.CHAT, False, []
    questions = rules.question_spans(text)
    asserted = [
        h
        for h in hits
        if (h.has(Role.PROBLEM) or h.has(Role.KEYWORD))
        and not any(a <= h.pos < b for a, b in questions)
    ]
    for hit in hits:
        offer = hit.has(Role.OFFER) and rules.offered_by_speaker(text, hit)
        if offer or (hit.has(Role.HELP) and rules.help_cue(text, hit)):
            if asserted and rules.addressed_to_management(text):
                break
            intent = Intent.OFFER if offer else Intent.HELP_REQUEST
            return intent, False, [hit]
    if asserted and not _only_still_broken(asserted, hits):
        return Intent.REPORT, False, hits
    return Intent.CHAT, False, [h for h in hits if h.has(Role.CHAT)]


# "Still not fixed" refers to something said before: alone ("还没修好") it answers the bot's
# question about an issue and must not open a new one; with a thing named ("楼道灯还没修好")
# it is a report.
_STILL_BROKEN = frozenset({"还没修好", "没修好", "还没修"})


def _only_still_broken(asserted: list[Hit], hits: list[Hit]) -> bool:
    if any(h.word not in _STILL_BROKEN for h in asserted):
        return False
    return not any(h.has(Role.TOPIC) for h in hits)


def _category(text: str, hits: list[Hit]) -> str:
    best: tuple[int, int, str] | None = None
    for hit in hits:
        # A hypothetical danger ("万一着火") names a topic, not the problem.
        imagined = hit.has(Role.URGENT) and not rules.real_urgent(text, hit)
        for role, code in hit.tags:
            if role is Role.KEYWORD or role is Role.TOPIC:
                if role is Role.KEYWORD and not imagined:
                    tier = 0
                else:
                    # Naming the management (物业) says whom to ask, not what is wrong.
                    tier = 2 if rules.management_word(hit.word) else 1
                key = (tier, hit.pos, code)
                if best is None or key < best:
                    best = key
    return best[2] if best else "other"


def _keywords(
    text: str, why: list[Hit], lexicon_words: frozenset[str], location: str | None
) -> tuple[str, ...]:
    """The jieba tokens that explain the decision (lexicon words, when some hit decided it),
    in text order, then the location as one keyword however jieba cut it."""
    wanted = {h.word for h in why}
    out: list[str] = []
    if wanted:
        for token in lcut(text):
            if token not in out and (
                token in wanted or (len(token) > 1 and token in lexicon_words)
            ):
                out.append(token)
    if location and location not in out:
        out = [*out[: MAX_KEYWORDS - 1], location]
    return tuple(out[:MAX_KEYWORDS])
