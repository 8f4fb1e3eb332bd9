"""The lead's fourteenth-session attack (texts in :mod:`attack14_texts`), written after reading
the by-file CV misses of the training split: quieter signs of fumes beside a heater or stove,
a stroke's first signs and chest discomfort with a pale face, a missed step, twins and a child
gone in a moment, someone in a lift for minutes feeling stuffy, a child out on the window
grille; and their look-alikes (past falls, a stuffy lift as a complaint, 头疼 as annoyance).
On all training files the rules' urgent found 4,791 -> 4,802, false alarms 279 -> 279.
"""

from __future__ import annotations

import pytest

from bot.config.understanding import default_taxonomy
from bot.understand import rules, understand
from tests.understand import attack14_texts
from tests.understand.rules_only import rules_urgent

TAXONOMY = default_taxonomy()


@pytest.mark.parametrize("text", attack14_texts.URGENT)
def test_emergencies_are_urgent_by_the_rules(text: str) -> None:
    assert rules_urgent(text)
    assert understand(text, TAXONOMY).urgent


@pytest.mark.parametrize("text", attack14_texts.NOT_URGENT)
def test_their_look_alikes_are_not_urgent(text: str) -> None:
    assert not rules_urgent(text)
    assert not understand(text, TAXONOMY).urgent


@pytest.mark.parametrize(
    ("text", "away"),
    [
        ("我大姨那栋楼楼道里全是电动车", True),
        ("我姑家楼上漏水漏到她家了", True),
        ("我妈那个小区昨晚停电了", True),
        ("我妈家漏水了，7栋302", False),
        ("我家楼上漏水", False),
    ],
)
def test_kins_homes_told_about_are_elsewhere(text: str, away: bool) -> None:
    assert rules.elsewhere(text) is away


@pytest.mark.parametrize(
    "text",
    [
        "快递又被人拿错了，我真的会谢，想死",
        "科目三又挂了，我不想活了，哦不，下个月再考",
        "体检说血脂高，不想活了，以后不能吃肥肉了",
        "我家八哥天天学楼下吵架喊打死你",
    ],
)
def test_a_trifle_blown_up_is_not_sensitive(text: str) -> None:
    assert not understand(text, TAXONOMY).sensitive


@pytest.mark.parametrize(
    "text",
    [
        "股票全亏光了，我不想活了，药都准备好了",
        "快递站的活丢了，欠了一身债，真的不想活了，今晚就结束吧",
    ],
)
def test_despair_beside_money_or_work_stays_sensitive(text: str) -> None:
    assert understand(text, TAXONOMY).sensitive
