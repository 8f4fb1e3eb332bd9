"""Twelfth attack on urgency (texts in :mod:`attack12_texts`, urgent11), written before any
rule was read or changed, on issue 13's weak families: dialect wording (Cantonese, Hakka,
Minnan, Teochew, Wu, Sichuanese, north-eastern), an emergency said calmly, relayed or in
passing, an old person not answering, falls, and fumes of a coal stove, a brazier, a water
heater or a running car; 93 urgent messages and 62 look-alikes with the same words (over,
elsewhere, on television, advice, the person fine after all, dialect chat).

Before (main at d93eb55): urgent by the rules 49 / 93, by ``understand()`` 65 / 93;
look-alikes 4 / 62 by the rules, 6 / 62 in all. After the urgent11 changes (more dialect words
read as Mandarin in :mod:`bot.understand.dialect`; the families of :mod:`bot.understand.quiet`;
falls, things thrown and doors unanswered widened in :mod:`bot.understand.hazards` and
:mod:`bot.understand.situations`; a consequence, a play or a relative's place far away read
as not here in :mod:`bot.understand.clauses`; the model may not add urgency to a message
saying the person is out or found): 93 / 93 by the rules and in all, look-alikes 0 / 62.

The ``*_AFTER`` lists were written after the rules, in five rounds of other phrasings, each
measured before the families were widened (never single sentences): 19 urgent (first run 18 by
the rules, 19 in all), 30 of every urgent kind in dialect (19 / 23), 25 calm or in passing
(17 / 23), 12 an old person not answering (3 / 6), 14 hedged (11 / 13); now 100 / 100. Of their
39 look-alikes none is urgent by the rules; the model adds urgency to one, and the model of
main at d399e09 (trained on the two new files) to two more (``MODEL_ADDS``).
"""

from __future__ import annotations

import pytest

from bot.config.understanding import default_taxonomy
from bot.understand import dialect, understand
from tests.understand import attack12_texts as texts
from tests.understand.rules_only import rules_urgent

TAXONOMY = default_taxonomy()

# Not urgent by the rules, but the model (which never reads the rules' verdict as a veto) adds
# urgency: lying on the floor at play, and, with the model trained on the eleventh-round files
# (seed 10), dialect chat about car sickness and a neighbour away on a trip; left as they are,
# see docs/understanding.md.
MODEL_ADDS = [
    "我女儿洗完澡躺在客厅地上玩手机",
    "伊晕车晕到吐，坐车爱食药仔",
    "老王头的报纸在门口放了三天了，他去旅游了手机关机",
]


@pytest.mark.parametrize("text", texts.URGENT + texts.URGENT_AFTER)
def test_urgent_messages_are_urgent_by_the_rules(text: str) -> None:
    assert rules_urgent(text)
    assert understand(text, TAXONOMY).urgent


@pytest.mark.parametrize(
    "text", [t for t in texts.NOT_URGENT + texts.NOT_URGENT_AFTER if t not in MODEL_ADDS]
)
def test_urgent_look_alikes_are_not_urgent(text: str) -> None:
    assert not rules_urgent(text)
    assert not understand(text, TAXONOMY).urgent


@pytest.mark.parametrize("text", MODEL_ADDS)
def test_look_alikes_the_model_alone_calls_urgent(text: str) -> None:
    assert not rules_urgent(text)


@pytest.mark.parametrize(
    ("said", "read"),
    [
        ("阿婆喺厕所跌咗，起唔到身", "阿婆在厕所摔倒，起不来身"),
        ("阿公晕忒哩，喊佢唔应", "阿公晕倒了，喊他不应"),
        ("阿嬷伫浴间跋倒，爬袂起来", "阿嬷在浴间摔倒，爬不起来"),
        ("小囡寻勿着了", "小孩找不着了"),
        ("厝内有瓦斯味", "屋里有燃气味"),
        ("搵唔到阿仔", "找不到儿子"),
        # Mandarin words holding the same characters stay as they are.
        ("木乃伊", "木乃伊"),
        ("伊朗新闻", "伊朗新闻"),
        ("请勿吸烟", "请勿吸烟"),
        ("哔哩哔哩", "哔哩哔哩"),
        ("寻死觅活", "寻死觅活"),
        ("足球场", "足球场"),
        ("唔，好吧", "唔，好吧"),
        ("阮经理", "阮经理"),
        ("然而家里没人", "然而家里没人"),
        ("头晕低烧两天了", "头晕低烧两天了"),
        ("老豆腐", "老豆腐"),
    ],
)
def test_dialect_words_are_read_as_mandarin(said: str, read: str) -> None:
    assert dialect.plain(said) == read


def test_every_dialect_word_passes_the_cheap_test() -> None:
    # plain() skips a text holding none of _MARKS: each word must hold one.
    assert all(not dialect._MARKS.isdisjoint(word) for word in dialect._WORDS)
