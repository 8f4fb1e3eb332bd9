"""Ninth-session attack on urgency, written before any rule change (texts in
:mod:`attack9_texts`): emergencies said calmly, as a question, an afterthought or relayed by
a head, and look-alikes that sound alarming but are not an emergency now.

Ground the earlier attacks did not cover: a gas smell asked about ("是不是有点燃气的味道？"),
a schoolchild not home an hour late, a child gone "一转眼", an old person living alone gone
silent or not answering for days, water running onto sockets and switchgear, someone inside a
lift mentioned after a question, a thing up high rocking over people, someone sitting on the
ground unable to get up, "不是开玩笑".

Before (main at 691ab72): the rules found 38 of the 54 urgent messages and ``understand()``
46; 1 of the 43 look-alikes was urgent by the rules and 3 in all (two by the model: smoke of a
barbecue and of burning paper). After the ninth-session families: 54 / 54 by the rules,
look-alikes 0 / 43. The ``*_AFTER`` lists were written after the rules, in other phrasings
(15 urgent, 14 look-alikes: all right first time). Later withdrawn, to follow the corpus
labels: one urgent line (water under a distribution box, nobody there) and one look-alike
(smoke of burning paper, which two training lines label urgent); 53 and 42 remain.
"""

from __future__ import annotations

import pytest

from bot.config.understanding import default_taxonomy
from bot.understand import understand
from tests.understand import attack9_texts as texts
from tests.understand.rules_only import rules_urgent

TAXONOMY = default_taxonomy()


@pytest.mark.parametrize("text", texts.URGENT + texts.URGENT_AFTER)
def test_calm_emergencies_are_urgent_by_the_rules(text: str) -> None:
    assert rules_urgent(text)
    assert understand(text, TAXONOMY).urgent


@pytest.mark.parametrize("text", texts.NOT_URGENT + texts.NOT_URGENT_AFTER)
def test_alarming_look_alikes_are_not_urgent(text: str) -> None:
    assert not rules_urgent(text)
    assert not understand(text, TAXONOMY).urgent


def test_a_supposed_danger_stays_supposed_when_asked_about() -> None:
    # "是不是" is dropped only from the clause of a perceived danger; "万一" and "如果" stay.
    assert not rules_urgent("万一是不是煤气漏了都不知道，建议装个报警器")
    assert not rules_urgent("如果电梯坏了？孩子在里面怎么办")
