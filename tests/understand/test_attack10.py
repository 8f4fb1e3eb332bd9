"""Tenth-session attack on urgency (texts in :mod:`attack10_texts`), written before any rule
change: dialect (central Chinese, Sichuan and Chongqing, northeastern, Cantonese-flavoured),
voice-input slips (梅气, 着伙, 捆, 电提, 水张), the flood season (water rising on people, water
in the switchgear, people swept or fallen into water, banks and walls giving way), heat, and
danger said in passing inside a longer message; 68 urgent messages and 42 look-alikes.

Before (main at 471ee42): urgent by the rules 26 / 68, by ``understand()`` 46 / 68;
look-alikes 0 / 42 by the rules and in all. After the tenth-session families
(:mod:`bot.understand.dialect`, :mod:`bot.understand.weather`): 67 / 68 by the rules and in
all, look-alikes 0 / 42. The one left is :data:`ELSEWHERE_BY_CONVENTION`. The ``*_AFTER``
lists were written after the rules, in other phrasings (20 urgent, 25 look-alikes: all right).
"""

from __future__ import annotations

import pytest

from bot.config.understanding import default_taxonomy
from bot.understand import understand
from bot.understand.dialect import plain
from tests.understand import attack10_texts as texts
from tests.understand.rules_only import rules_urgent

TAXONOMY = default_taxonomy()

# "工地" reads as somebody's workplace elsewhere (clauses.IMAGINED), as the training files
# label it; a worker fainting on a building site inside the estate is missed.
ELSEWHERE_BY_CONVENTION = ["工地上有个工人晒晕了，从架子上摔下来了"]


@pytest.mark.parametrize(
    "text", [t for t in texts.URGENT + texts.URGENT_AFTER if t not in ELSEWHERE_BY_CONVENTION]
)
def test_urgent_messages_are_urgent_by_the_rules(text: str) -> None:
    assert rules_urgent(text)
    assert understand(text, TAXONOMY).urgent


@pytest.mark.parametrize("text", texts.NOT_URGENT + texts.NOT_URGENT_AFTER)
def test_urgent_look_alikes_are_not_urgent(text: str) -> None:
    assert not rules_urgent(text)
    assert not understand(text, TAXONOMY).urgent


@pytest.mark.parametrize(
    ("said", "read"),
    [
        ("喊门冇得人应", "喊门没有人应"),
        ("佢喺入面，仲有人", "他在里面，还有人"),
        ("娃儿遭水冲走了", "娃儿被水冲走了"),
        ("还在车头莫得出来", "还在车里没有出来"),
        ("我儿子被捆在电梯里", "我儿子被困在电梯里"),
        ("阿婆晕咗", "阿婆晕倒"),
    ],
)
def test_dialect_words_are_read_as_mandarin(said: str, read: str) -> None:
    assert plain(said) == read


@pytest.mark.parametrize(
    "text", ["怎么得了", "车头灯坏了", "把纸箱捆好", "一捆青菜", "遭殃了", "进入面试", "遭罪"]
)
def test_look_alike_words_are_left_alone(text: str) -> None:
    assert plain(text) == text


def test_replacements_keep_every_position() -> None:
    for text in texts.URGENT + texts.NOT_URGENT:
        assert len(plain(text)) == len(text)
