"""The lead's twelfth-session attack in Cantonese and Minnan/Hokkien (texts in
:mod:`attack_yue12_texts`, written before the rule change; the lead knows the rules, so it is
not a clean measure).

Before (main 3b80c82): urgent by the rules 26 / 30, by ``understand()`` 28 / 30; look-alikes
2 / 17 urgent ("琴日个𨋢困咗人…冇事啦", "电视讲台南有厝火烧"). After (:mod:`bot.understand.dialect`
reads 升降机 and 较 as a lift, 琴日 and 寻日 as yesterday, 突然瞓低 as collapsed, 浸水 as
flooding, 冇人听 and 无应电话 as not answering; "没事啦" is an all-clear, "电视讲" the
television; a person falling down (倒下); water flowing fast with someone in it): 30 / 30 and
0 / 17. The ``*_AFTER`` lists were written after the rules (5 urgent, 4 look-alikes: all
right). On the training files the rules' false alarms fell 274 -> 271 (three Cantonese and
television lines), urgent found unchanged.
"""

from __future__ import annotations

import pytest

from bot.config.understanding import default_taxonomy
from bot.understand import understand
from tests.understand import attack_yue12_texts as texts
from tests.understand.rules_only import rules_urgent

TAXONOMY = default_taxonomy()


@pytest.mark.parametrize("text", texts.URGENT + texts.URGENT_AFTER)
def test_cantonese_and_minnan_emergencies_are_urgent_by_the_rules(text: str) -> None:
    assert rules_urgent(text)
    assert understand(text, TAXONOMY).urgent


@pytest.mark.parametrize("text", texts.NOT_URGENT + texts.NOT_URGENT_AFTER)
def test_cantonese_and_minnan_look_alikes_are_not_urgent(text: str) -> None:
    assert not rules_urgent(text)
    assert not understand(text, TAXONOMY).urgent
