"""Classifying one message: intent, category, urgency, sensitivity, location, keywords.

The decision, in order:

1. The whole message is read: the lexicon and the safety rules scan all of it (linear
   cost); a long one is split into sentences, and those that name a problem (an urgent,
   problem or category word) are analysed by jieba and the model, up to
   :data:`MAX_ANALYSED` characters, so a leak at the end of a long rant is found.
2. Safety rules (:mod:`bot.understand.safety`) decide urgency and sensitivity over the whole
   message. An urgent message is a report, whatever the model thinks.
3. A few conversational rules stay explicit: joining someone's report ("我也是"), a bare
   "still not fixed" (which answers the bot about an earlier issue) and lost and found
   ("…落在电梯口了 来拿一下") are chat; a problem put to the management ("物业能不能帮忙处理一下
   漏水") is a report, not a help request.
4. Words an admin added in the config's ``[understanding]`` section apply on top of the model:
   such a category keyword makes a report of that category.
5. Otherwise the learned model (:mod:`bot.understand.model`) decides the intent and the
   category, from the jieba words, the characters and the lexicon tags of the message.
"""

from __future__ import annotations

import enum
import os
import re
from dataclasses import dataclass

from bot.config.understanding import Taxonomy
from bot.records import quick_init
from bot.understand import clauses, model, pinyin, rules, safety, sensitivity
from bot.understand.features import ViewParts, model_line_parts, view_line
from bot.understand.lexicon import Hit, Lexicon, Role, lexicon_for
from bot.understand.location import extract_location
from bot.understand.normalise import normalise_words
from bot.understand.tokenizer import lcut

#: At most this many characters go through jieba and the model; longer messages keep the
#: sentences that name a problem (:func:`focus`).
MAX_ANALYSED = 500
#: A "sentence" longer than this (a paste without punctuation) is cut into pieces this long.
MAX_SENTENCE = 160
MAX_KEYWORDS = 8
#: The model's probability of "urgent" above which it adds urgency (chosen by by-file
#: cross-validation on the training split, ``bench/tune_model.py --by-file --decide``; see
#: URGENT_CHAT_VETO).
#: Twenty-first session, by-file CV on 91,103 lines (``--decide``): 0.1 with the veto at 0.5
#: gave urgent recall 0.975 at 0.889, chat filed 3.40%; 0.07 at 0.6, 0.977 at 0.883, 3.43%;
#: 0.05 at 0.5, 0.977 at 0.878 (urgent recall first, at the least precision).
URGENT_THRESHOLD = float(os.environ.get("LINLI_URGENT_THRESHOLD", "0.07"))
#: The model adds urgency only while its own chat probability stays below this (above 1: never
#: vetoed). Chosen with the threshold by by-file CV (fourteenth session, 52,424 lines): threshold
#: 0.2 without a veto gave urgent recall 0.981 at 0.895 and chat filed 3.18%; 0.1 with a veto at
#: 0.5 gives 0.983 at 0.890 and 2.94% (the model's additions to what it reads as chat were a
#: quarter of the chat filed: "我手机刚刚掉进马桶了").
URGENT_CHAT_VETO = 0.6
#: The model's probability of "urgent" at or above which it is sure enough that the signs
#: which only make a danger less likely (a film or the news named, a person hard of hearing,
#: "已经出来了") no longer hold it back (:func:`bot.understand.safety.model_may_add`; above 1:
#: they always do). Chosen by by-file CV (twenty-fourth session, docs/understanding.md).
MODEL_SURE = float(os.environ.get("LINLI_MODEL_SURE", "0.8"))
#: The model's labels less likely than this are not read (they count as 0): of its 21
#: labels, 1.9 on average are above it (training lines), and turning every label into a
#: Python string and float cost 4 µs of the 11 of a prediction (seventeenth session). The
#: intent, urgency and sensitivity compare probabilities far above it, and every label is
#: read when the intents are close (``model._close``); the category is read in full whenever
#: the floor could change it (:func:`_complete`).
PREDICT_FLOOR = 1e-4
#: A problem told of a place far from the estate, with nothing that brings it here
#: (:func:`bot.understand.clauses.told_elsewhere`: "开发区那边的厂房冒黑烟，好大一股"), is chat
#: however the model reads it; an emergency stays a report (lead, twenty-fifth session, chosen
#: by by-file CV, docs/understanding.md).
ELSEWHERE_IS_CHAT = True
SENSITIVE_THRESHOLD = float(os.environ.get("LINLI_SENSITIVE_THRESHOLD", "0.5"))
SENSITIVE_RULES = os.environ.get("LINLI_SENSITIVE_RULES", "1") == "1"
#: Each intent's model probability is multiplied by its weight before the most likely one is
#: taken (all 1.0: plain argmax). Chosen by cross-validation on the training split
#: (``bench/tune_model.py --decide``).
INTENT_WEIGHTS: dict[str, float] = {"report": 1.0, "help_request": 1.0, "offer": 1.0, "chat": 1.0}
#: With a second view of the message (:func:`bot.understand.features.model_lines`; a model
#: file next to the main one), the report probability is the main model's p1 and the second
#: view's p2 blended geometrically, ``p1 ** (1 - VIEW_BLEND) * p2 ** VIEW_BLEND * VIEW_SCALE``,
#: before the most likely intent is taken. Chosen by by-file CV on the training split (tenth
#: session, docs/understanding.md): chat filed as reports 3.79% -> 3.49% (seed 1), 3.85% ->
#: 3.56% (seed 2) at equal reports taken (0.955), category -0.0015. Without the file: the
#: main model alone, as before.
VIEW_BLEND = 0.25
VIEW_SCALE = 1.0
#: "物业 says whom, not what": when the model's best category is ``property`` and the second
#: best is a category whose words the message names (a fault: "楼道灯坏了，物业管不管"), the
#: fault's category wins if its probability is at least this share of property's (chosen by
#: cross-validation on the training split; 0 would always prefer the fault, above 1 never).
PROPERTY_YIELD = 0.5
#: ...unless the message speaks of what FORMAT.md puts under property itself: fees, money, the
#: repairs fund, accounts, a price rise, attitude ("物业收了电梯维修费，电梯却一直坏着" is
#: about the money). In by-file CV (39,886 lines) the yield was right for 20 of the 43
#: reports it changed, never yielding for 22, yielding only without these words for 27.
PROPERTY_MATTER = re.compile(r"费|钱|基金|[账帐]|收了|收费|态度|公开|涨")

_SENTENCE = re.compile(r"[^。!！?？;；\n]+[。!！?？;；\n]*|[。!！?？;；\n]+")


class Intent(enum.StrEnum):
    REPORT = "report"
    HELP_REQUEST = "help_request"
    OFFER = "offer"
    CHAT = "chat"


@quick_init
@dataclass(frozen=True, slots=True)
class Understanding:
    text: str
    intent: Intent
    category: str | None
    urgent: bool
    location: str | None
    keywords: tuple[str, ...]
    sensitive: bool = False


@quick_init
@dataclass(frozen=True, slots=True)
class Reading:
    """What the rules and the model look at: the analysed part of the normalised text, its
    lexicon hits and jieba tokens, and the model's input line (and the second view's)."""

    text: str
    hits: list[Hit]
    tokens: list[str]
    line: str
    view_parts: ViewParts = ([], [], [])

    @property
    def view(self) -> str:
        """The second view's input (:func:`bot.understand.features.view_line`)."""
        return view_line(self.view_parts)


def read(norm: str, lexicon: Lexicon, hits: list[Hit] | None = None) -> Reading:
    """The analysed part of a normalised message (see :func:`focus`) and its features.
    ``hits``: the lexicon hits of the whole of ``norm``, when already known."""
    if len(norm) <= MAX_ANALYSED:
        analysed = norm
        hits = lexicon.scan(norm) if hits is None else hits
    else:
        analysed = focus(norm, lexicon.scan(norm) if hits is None else hits)
        hits = lexicon.scan(analysed)
    tokens = lcut(analysed)
    line, parts = model_line_parts(analysed, tokens, hits)
    return Reading(analysed, hits, tokens, line, parts)


def focus(norm: str, hits: list[Hit]) -> str:
    """At most :data:`MAX_ANALYSED` characters of ``norm``, given its lexicon ``hits``: all
    of it when short; otherwise, in text order, the sentences that name a problem (urgent
    ones first) while they fit, or the first sentence when none does. Linear in the length
    of ``norm``."""
    if len(norm) <= MAX_ANALYSED:
        return norm
    spans: list[tuple[int, int]] = []
    for match in _SENTENCE.finditer(norm):
        for start in range(match.start(), match.end(), MAX_SENTENCE):
            spans.append((start, min(start + MAX_SENTENCE, match.end())))
    rank: dict[int, int] = {}
    index = 0
    for hit in hits:  # hits and spans are both in text order
        while index < len(spans) and spans[index][1] <= hit.pos:
            index += 1
        if index == len(spans):
            break
        if hit.has(Role.URGENT):
            rank[index] = 0
        elif hit.has(Role.PROBLEM) or hit.has(Role.KEYWORD):
            rank.setdefault(index, 1)
    if not rank:
        return norm[spans[0][0] : spans[0][1]]
    chosen: set[int] = set()
    budget = MAX_ANALYSED
    for index in sorted(rank, key=lambda i: (rank[i], i)):
        size = spans[index][1] - spans[index][0]
        if size <= budget:
            chosen.add(index)
            budget -= size
    return "".join(norm[spans[i][0] : spans[i][1]] for i in sorted(chosen))[:MAX_ANALYSED]


def understand(text: str, taxonomy: Taxonomy, *, chat_keywords: bool = True) -> Understanding:
    """Understand one message; pure and deterministic for a given model (see the module
    docstring).

    ``chat_keywords=False`` leaves the keywords of chit-chat empty: nothing downstream of the
    dispatcher reads them (``linli classify`` keeps them, to explain itself).
    """
    typed = normalise_words(text, read_pinyin=False)
    norm = pinyin.read(typed)
    lexicon = lexicon_for(taxonomy)
    all_hits = lexicon.scan(norm)
    reading = read(norm, lexicon, all_hits)
    analysed, hits = reading.text, reading.hits
    # Safety reads the whole message, not only the analysed part.
    sensitive, urgent = safety.judged(typed, norm, all_hits, lexicon.scan)
    sensitive = SENSITIVE_RULES and sensitive
    ruled_urgent = urgent
    active = model.active()
    prediction = active.predict(reading.line, PREDICT_FLOOR)
    # The model may add urgency to what the rules found, never remove it.
    urgent = urgent or (
        prediction.urgent >= URGENT_THRESHOLD
        and prediction.intents["chat"] < URGENT_CHAT_VETO
        and safety.model_may_add(analysed, sure=prediction.urgent >= MODEL_SURE)
        and not _degenerate(analysed)
    )
    # And sensitivity, but not to an emergency the rules found (a child on a ledge is posted,
    # so that every neighbour can help) unless it speaks of ending a life.
    sensitive = sensitive or (
        (not ruled_urgent or sensitivity.SELF_HARM_SAID.search(norm) is not None)
        and prediction.sensitive >= SENSITIVE_THRESHOLD
        and sensitivity.model_may_flag(norm)
    )
    # The second view is asked only when its answer can change the intent.
    view = (
        active.report_view(reading.view)
        if active.has_view and not urgent and _view_may_decide(prediction)
        else None
    )
    intent = _intent(prediction, view)
    degenerate = _degenerate(analysed)
    if degenerate:
        # A run of the same few characters ("坏了坏了坏了…" pasted thousands of times) or one
        # phrase pasted over and over: the model's intent means nothing on text unlike anything
        # it learnt; a problem word makes it a report, else chat (lead, thirteenth session: the
        # model came to read it as a help request).
        stated = any(h.has(Role.PROBLEM) or h.has(Role.KEYWORD) for h in hits)
        intent = Intent.REPORT if stated else Intent.CHAT
    category: str | None = None
    admin = _admin_category(hits, taxonomy)
    if urgent:
        intent = Intent.REPORT
    elif rules.me_too(analysed) or _only_still_broken(hits):
        intent = Intent.CHAT
    elif rules.lost_and_found(analysed):
        intent = Intent.CHAT
    elif ELSEWHERE_IS_CHAT and intent is Intent.REPORT and clauses.told_elsewhere(analysed):
        intent = Intent.CHAT
    elif intent is Intent.HELP_REQUEST and _put_to_management(analysed, hits):
        intent = Intent.REPORT
    elif (
        intent is Intent.CHAT
        and rules.report_said(analysed)
        and not rules.elsewhere(analysed)
        and not clauses.story(analysed)
    ):
        intent = Intent.REPORT
    elif admin is not None:
        intent, category = Intent.REPORT, admin
    if intent is not Intent.REPORT:
        category = None
        location = None
    else:
        if category is None:  # not the admin's: the model's, read in full where it must be
            category = _category(_complete(prediction, reading.line), hits, analysed)
            if degenerate:
                # ...nor its category: the first fault named ("3单元楼道灯坏了，" then "物业到底
                # 管不管啊" pasted 12,500 times; lead, twentieth session: read as property;
                # twenty-second session, after a retraining: as noise).
                category = _first_fault(hits) or category
        category = category if category in lexicon.codes else "other"
        location = extract_location(analysed)
    if intent is Intent.CHAT and not chat_keywords:
        keywords: tuple[str, ...] = ()
    else:
        keywords = _keywords(reading.tokens, _why(intent, hits), lexicon.words, location)
    return Understanding(norm, intent, category, urgent, location, keywords, sensitive)


def _complete(prediction: model.Prediction, line: str) -> model.Prediction:
    """``prediction`` (read above :data:`PREDICT_FLOOR`) when its category is the one every
    label would give, else the model's reading of ``line`` with every label: when no category
    came above the floor, or when ``property`` may yield to categories below it
    (:func:`_category`)."""
    if prediction.category is None or (
        prediction.category == "property"
        and PROPERTY_YIELD * prediction.category_probability < PREDICT_FLOOR
    ):
        return model.active().predict(line)
    return prediction


def _degenerate(text: str) -> bool:
    """At least 40 characters, and no more than 8 different ones; or :func:`_repetitive`."""
    return (len(text) >= 40 and len(set(text)) <= 8) or _repetitive(text)


def _first_fault(hits: list[Hit]) -> str | None:
    """The category of the first lexicon word that names a fault (not ``property``)."""
    for hit in hits:
        for role, code in hit.tags:
            if role in (Role.KEYWORD, Role.TOPIC) and code != "property":
                return code
    return None


def _repetitive(text: str) -> bool:
    """At least 60 characters, fewer than three in ten of its character pairs different: a
    phrase pasted over and over ("我老家那边" then "，结果刚才我们楼楼上" twenty times), on which
    the model's urgency means nothing (lead, twentieth session). Real messages of that length
    in the corpus, pinyin and English included, have more than half their pairs different."""
    if len(text) < 60 or len(set(text)) >= 0.3 * (len(text) - 1):
        return False  # (every pair holds a different character: the cheap test first)
    return len({text[i : i + 2] for i in range(len(text) - 1)}) < 0.3 * (len(text) - 1)


def _intent(prediction: model.Prediction, view: float | None = None) -> Intent:
    """The most likely intent, each probability weighed by :data:`INTENT_WEIGHTS` (the first
    of equal ones, as ``max`` takes); with the second view's report probability ``view``,
    the report probability blended with it (:data:`VIEW_BLEND`)."""
    weights = INTENT_WEIGHTS
    best = ""
    best_score = 0.0
    for name, p in prediction.intents.items():
        if view is not None and name == "report":
            p = _blend(p, view)
        score = p * weights.get(name, 1.0)
        if not best or score > best_score:
            best, best_score = name, score
    return _INTENTS[best]


def _blend(p1: float, p2: float) -> float:
    return max(p1, 1e-9) ** (1 - VIEW_BLEND) * max(p2, 1e-9) ** VIEW_BLEND * VIEW_SCALE


#: The second view's probability lies between these (fastText adds 1e-5 to every
#: probability; the bounds are a little wider, to be safe).
_VIEW_RANGE = (1e-6, 1.001)


def _view_may_decide(prediction: model.Prediction) -> bool:
    """Whether the second view's probability, whatever it is, can change the intent: not
    when the report wins (or loses) with the lowest (highest) probability it can give, as
    for most messages, where the main model is sure. Saves its cost there; the decision is
    the same. (Called for every message: written out rather than with a generator.)"""
    weights = INTENT_WEIGHTS
    intents = prediction.intents
    rival = max(
        intents["help_request"] * weights.get("help_request", 1.0),
        intents["offer"] * weights.get("offer", 1.0),
        intents["chat"] * weights.get("chat", 1.0),
    )
    base = max(intents["report"], 1e-9) ** (1 - VIEW_BLEND) * VIEW_SCALE
    base *= weights.get("report", 1.0)
    low, high = _VIEW_RANGE
    return base * low**VIEW_BLEND < rival <= base * high**VIEW_BLEND


# An intent by its value without the Enum's call machinery (``Intent(value)``).
_INTENTS = {intent.value: intent for intent in Intent}


# FORMAT.md's convention: sparks at electrical equipment are `power`; with smoke or flames
# they are `fire_safety` ("配电箱在冒烟，里面还冒火花"). Not when the smoke is denied or feared
# ("没冒烟", "怕着火"). The model alone sometimes keeps `power` there.
_SMOKE_OR_FLAMES = re.compile(r"(?<![没不未怕])(?:冒烟|着火|火苗|烧起来|火光|起火|冒黑烟|冒白烟)")


def _category(prediction: model.Prediction, hits: list[Hit], text: str = "") -> str | None:
    """The model's category (``fire_safety`` for ``power`` with smoke or flames named,
    :data:`_SMOKE_OR_FLAMES`), unless it is ``property`` and the message (``text``) names a
    fault (a category word of the lexicon) nearly as likely (see :data:`PROPERTY_YIELD`) and
    no fee, money or conduct (:data:`PROPERTY_MATTER`): then the most likely such fault."""
    if prediction.category == "power" and _SMOKE_OR_FLAMES.search(text):
        return "fire_safety"
    if prediction.category != "property" or PROPERTY_MATTER.search(text):
        return prediction.category
    named = {code for h in hits for role, code in h.tags if role in (Role.KEYWORD, Role.TOPIC)} - {
        "property"
    }
    floor = PROPERTY_YIELD * prediction.category_probability
    best = max(
        ((p, code) for code, p in prediction.categories if code in named and p >= floor),
        default=None,
    )
    return best[1] if best else prediction.category


def report_category(text: str, taxonomy: Taxonomy) -> str:
    """The category ``text`` would have as a report, whatever its intent (for a message staff
    file that the bot did not take for a report)."""
    norm = normalise_words(text)
    lexicon = lexicon_for(taxonomy)
    reading = read(norm, lexicon)
    prediction = model.active().predict(reading.line)
    code = _admin_category(reading.hits, taxonomy) or _category(
        prediction, reading.hits, reading.text
    )
    return code if code in lexicon.codes else "other"


def understand_as_report(text: str, taxonomy: Taxonomy) -> Understanding:
    """:func:`understand` of ``text`` that someone has said is a report (staff's ``/report``,
    a patrol item answered 坏): its intent is a report whatever the model reads, its category
    the one it would have as a report (:func:`report_category`), its location looked for. The
    model's reading of such a text as chat must not file it as "other" without a place (lead,
    twenty-first session: "应急灯正常 3楼应急灯不亮", a patrol's failed item with its note, was
    read as chat after a retraining)."""
    seen = understand(text, taxonomy)
    if seen.intent is Intent.REPORT:
        return seen
    return Understanding(
        text=seen.text,
        intent=Intent.REPORT,
        category=report_category(text, taxonomy),
        urgent=seen.urgent,
        location=extract_location(seen.text),
        keywords=seen.keywords,
        sensitive=seen.sensitive,
    )


# "Still not fixed" refers to something said before: alone ("还没修好") it answers the bot's
# question about an issue and must not open a new one; with a thing named ("楼道灯还没修好")
# it is a report.
_STILL_BROKEN = frozenset({"还没修好", "没修好", "还没修"})


def _only_still_broken(hits: list[Hit]) -> bool:
    asserted = [h for h in hits if h.has(Role.PROBLEM) or h.has(Role.KEYWORD)]
    if not asserted or any(h.word not in _STILL_BROKEN for h in asserted):
        return False
    return not any(h.has(Role.TOPIC) for h in hits)


def _put_to_management(text: str, hits: list[Hit]) -> bool:
    """A problem stated and put to the management ("物业能不能帮忙处理一下，楼道一直漏水"):
    a report, not a favour asked of neighbours."""
    questions = rules.question_spans(text)
    asserted = any(
        (h.has(Role.PROBLEM) or h.has(Role.KEYWORD))
        and not any(a <= h.pos < b for a, b in questions)
        for h in hits
    )
    return asserted and rules.addressed_to_management(text)


def _admin_category(hits: list[Hit], taxonomy: Taxonomy) -> str | None:
    """The category of the first keyword an admin added in the config (not shipped)."""
    added = _admin_words(taxonomy)
    if not added:
        return None
    for hit in hits:
        code = added.get(hit.word)
        if code is not None:
            return code
    return None


def _admin_words(taxonomy: Taxonomy) -> dict[str, str]:
    cached = _ADMIN_WORDS.get(id(taxonomy))
    if cached is not None and cached[0] is taxonomy:
        return cached[1]
    from bot.config.understanding import default_taxonomy

    shipped = {(c.code, w) for c in default_taxonomy().categories for w in c.keywords}
    added = {
        word: cat.code
        for cat in taxonomy.categories
        for word in cat.keywords
        if (cat.code, word) not in shipped
    }
    if len(_ADMIN_WORDS) >= 8:
        _ADMIN_WORDS.clear()
    _ADMIN_WORDS[id(taxonomy)] = (taxonomy, added)
    return added


_ADMIN_WORDS: dict[int, tuple[Taxonomy, dict[str, str]]] = {}

_WHY_ROLES = {
    Intent.REPORT: frozenset({Role.URGENT, Role.PROBLEM, Role.KEYWORD, Role.TOPIC}),
    Intent.HELP_REQUEST: frozenset({Role.HELP}),
    Intent.OFFER: frozenset({Role.OFFER}),
    Intent.CHAT: frozenset({Role.CHAT}),
}


def _why(intent: Intent, hits: list[Hit]) -> set[str]:
    roles = _WHY_ROLES[intent]
    return {h.word for h in hits if h.has_any(roles)}


def _keywords(
    tokens: list[str], wanted: set[str], lexicon_words: frozenset[str], location: str | None
) -> tuple[str, ...]:
    """The jieba tokens that explain the decision (lexicon words), in text order, then the
    location as one keyword however jieba cut it."""
    out: list[str] = []
    if wanted:
        for token in tokens:
            if token not in out and (
                token in wanted or (len(token) > 1 and token in lexicon_words)
            ):
                out.append(token)
    if location and location not in out:
        out = [*out[: MAX_KEYWORDS - 1], location]
    return tuple(out[:MAX_KEYWORDS])
