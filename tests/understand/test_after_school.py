"""A child not home after school is urgent: "放学了" is no lesson learnt; a lesson, and a lift
that is only hot or stuffy, get no urgency from the model.

``clauses.NOT_HERE_NOW`` clears a whole message that tells of a lesson ("我今天在学校学了着火
了要打119"); its "学了" also matched "放学了" (school is out), the commonest way to say when a
child went missing, so "女儿放学了没到家，三个小时了找不到人" was not urgent (found by the lead,
eleventh session, while reading a near-tie test). Now "学了" after 放/上/开/逃/停/退 is not a lesson.
"""

from __future__ import annotations

import pytest

from bot.config.understanding import default_taxonomy
from bot.understand import understand
from tests.understand.rules_only import rules_urgent

MISSING_AFTER_SCHOOL = [
    "女儿放学了没到家，三个小时了找不到人",
    "上学了的孩子不见了，老师说今天根本没去学校",
    "孩子放学了一直没回来，找遍了小区都没有",
    "我儿子放学了到现在还没回家，电话也不接",
    "小宝放学了没回来 学校说四点就走了 谁看见一个穿蓝校服的男孩",
    "开学了第一天孙子就没回来，到处找不到人",
]

LESSONS = [
    "我今天在学校学了着火了要打119",
    "今天学了煤气泄漏了不能开灯",
    "孩子放学回来说老师教了，电梯困住了要按警铃",
]


@pytest.mark.parametrize("text", MISSING_AFTER_SCHOOL)
def test_a_child_missing_after_school_is_urgent_by_the_rules(text: str) -> None:
    assert rules_urgent(text)
    assert understand(text, default_taxonomy()).urgent


@pytest.mark.parametrize("text", LESSONS)
def test_a_lesson_learnt_is_not_urgent_by_the_rules(text: str) -> None:
    assert not rules_urgent(text)


@pytest.mark.parametrize("text", LESSONS)
def test_the_model_may_not_add_urgency_to_a_lesson(text: str) -> None:
    assert not understand(text, default_taxonomy()).urgent


LIFT_COMFORT = ["电梯里好热 空调也不开", "轿厢的风扇不转了，闷得慌", "电梯通风太差了，一股味"]
SHUT_IN_HOT = ["困在电梯里了，空调也没有，好热", "电梯停在两层中间，风扇不转，我快喘不过气了"]


@pytest.mark.parametrize("text", LIFT_COMFORT)
def test_a_lift_only_hot_or_stuffy_is_not_urgent(text: str) -> None:
    assert not understand(text, default_taxonomy()).urgent


@pytest.mark.parametrize("text", SHUT_IN_HOT)
def test_someone_shut_in_a_hot_lift_is_urgent(text: str) -> None:
    assert understand(text, default_taxonomy()).urgent
