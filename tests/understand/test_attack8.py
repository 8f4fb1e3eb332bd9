"""Eighth-session attack on the sensitive flag and on urgency, written before any rule change
(texts in :mod:`attack8_texts`).

Sensitive: 66 messages on ground the earlier attacks did not cover (told by the victim, a child,
a neighbour through the wall, a relative, the building head; a grown child dragging, robbing or
starving an old parent, a carer tying down or neglecting one, a child left for days, locked out
in the cold, burnt; a knife held on a partner; coercion and confinement; stalking by an
ex-partner; self-harm hinted at by pills saved up, not eating, a farewell, affairs put in order;
voice slips, Traditional, dialect, English, pinyin) and 62 look-alikes. Urgent: 43 messages
(carbon monoxide and coal stoves, heating and ice, a child at an open window, a baby in a locked
car, a pool, a dog attacking now, a lift door open on an empty shaft...) and 32 look-alikes.

Before (main at f8fbbfa): sensitive rules 18 / 66, ``understand()`` 29 / 66; look-alikes
flagged 2 / 62 by the rules, 3 in all. Urgent rules 32 / 43, in all 41 / 43; look-alikes 0 / 32
by the rules, 1 in all. After the eighth-session families: sensitive 66 / 66 by the rules,
look-alikes 0 by the rules (1 by the model); urgent 43 / 43 by the rules, look-alikes 0 by the
rules (1 by the model). The ``*_AFTER`` lists were written after the rules, in other phrasings.
"""

from __future__ import annotations

import pytest

from bot.config.understanding import default_taxonomy
from bot.understand import understand
from tests.understand import attack8_texts as texts
from tests.understand.rules_only import rules_sensitive, rules_urgent

TAXONOMY = default_taxonomy()

# Flagged or made urgent by the model alone (the rules do not): the model's cost, stated.
MODEL_FALSE_SENSITIVE = ["电影里那个女孩从楼上跳下去了，我哭了"]
MODEL_FALSE_URGENT = ["救生员培训：如何救起溺水的人，报名从速", "电梯门打开了，里面全是广告"]


@pytest.mark.parametrize("text", texts.SENSITIVE + texts.SENSITIVE_AFTER)
def test_sensitive_messages_are_flagged_by_the_rules(text: str) -> None:
    assert rules_sensitive(text)
    assert understand(text, TAXONOMY).sensitive


@pytest.mark.parametrize("text", texts.NOT_SENSITIVE + texts.NOT_SENSITIVE_AFTER)
def test_look_alikes_are_not_sensitive(text: str) -> None:
    assert not rules_sensitive(text)
    if text not in MODEL_FALSE_SENSITIVE:
        assert not understand(text, TAXONOMY).sensitive


@pytest.mark.parametrize("text", texts.URGENT + texts.URGENT_AFTER)
def test_urgent_messages_are_urgent_by_the_rules(text: str) -> None:
    assert rules_urgent(text)
    assert understand(text, TAXONOMY).urgent


@pytest.mark.parametrize("text", texts.NOT_URGENT + texts.NOT_URGENT_AFTER)
def test_urgent_look_alikes_are_not_urgent(text: str) -> None:
    assert not rules_urgent(text)
    if text not in MODEL_FALSE_URGENT:
        assert not understand(text, TAXONOMY).urgent


def test_a_stranger_with_a_knife_is_not_a_family_matter() -> None:
    # Security, urgent, but posted so that everyone keeps away: not hidden as sensitive.
    text = "有人在西门拿刀比划，嘴里念叨要砍人，保安都不敢靠近"
    assert not rules_sensitive(text)


def test_damage_with_a_cigarette_is_not_a_child_burnt() -> None:
    assert not rules_sensitive("11栋电梯的楼层按键被人用烟头烫坏了，请物业更换面板并查监控")
