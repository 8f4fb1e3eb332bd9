"""The lead's thirteenth-session attack (texts in :mod:`attack_minnan13_texts`, written after
reading the misses of a southern training file, so NOT a clean measure).

The southern training file (Minnan, Teochew, Hakka; measured clean before it was read): the
rules alone found 55 of its 100 emergencies. After :mod:`bot.understand.dialect` read more
Minnan words (咧 + a verb, 予, 无 + an answer, 工 for days, 转来, 犹, 这马, 规, 拢, 紧, 落去…),
water rising with someone to be carried out or told upstairs, a fall with the person who
cannot be roused, things still coming down, a neighbour silent since yesterday, and a
nervous laugh beside a plea for someone to be called: 83 of 100; on all training files the
rules' urgent found 4,236 -> 4,275 and false alarms 270 -> 268. Then the twelfth session's two
leftovers: a drill that has ended is blanked out before the rest is read
(``clauses.without_attended``: "演练完回家发现8楼走廊全是烟"), and advice right after a bare word
with no place of ours named ("油锅着火千万别泼水", ``clauses.ADVICE_AFTER``); training unchanged.
"""

from __future__ import annotations

import pytest

from bot.config.understanding import default_taxonomy
from bot.understand import dialect, safety, understand
from tests.understand import attack_minnan13_texts as texts
from tests.understand.rules_only import rules_urgent

TAXONOMY = default_taxonomy()


@pytest.mark.parametrize("text", texts.URGENT)
def test_southern_and_flood_emergencies_are_urgent_by_the_rules(text: str) -> None:
    assert rules_urgent(text)
    assert understand(text, TAXONOMY).urgent


@pytest.mark.parametrize("text", texts.NOT_URGENT)
def test_their_look_alikes_are_not_urgent(text: str) -> None:
    assert not rules_urgent(text)
    assert not understand(text, TAXONOMY).urgent


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("电动车咧烧", "电动车在烧"),
        ("予风吹倒", "被风吹倒"),
        ("两工无开门", "两天没开门"),
        ("给予表扬", "给予表扬"),
        ("赶紧来", "赶紧来"),
        ("乌烟瘴气", "乌烟瘴气"),
        ("冒电火花", "冒电火花"),
        ("割手了", "割手了"),
    ],
)
def test_minnan_words_are_read_only_where_they_mean_it(written: str, read: str) -> None:
    assert dialect.plain(written) == read


@pytest.mark.parametrize(
    "text",
    [
        "阮个孥囝走去无了！八岁，在北门边买雪糕",
        "有个后生仔企喺天台边，叫佢又唔应",
        "囡囡弗见哉！刚刚还在花坛边",
    ],
)
def test_a_person_named_in_dialect_lets_the_model_add_urgency(text: str) -> None:
    assert safety.model_may_add(text)
