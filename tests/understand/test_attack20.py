"""Twentieth-session attacks on understanding, in the lead's own phrasings (not the training
files' lines)."""

from __future__ import annotations

import pytest

from bot.config.understanding import default_taxonomy
from bot.understand import understand
from tests.understand.rules_only import rules_urgent

_TAXONOMY = default_taxonomy()

# One phrase pasted over and over after an opening: the model's urgency (and intent) mean
# nothing on it. The rules still read it.
REPEATED_JUNK = [
    "我老家那边" + "，结果刚才我们楼楼上" * 20,
    "哈哈哈今天" + "楼下那个谁谁谁又来了" * 15,
    "话说" + "，然后我们这边也是" * 30,
]


@pytest.mark.parametrize("text", REPEATED_JUNK)
def test_a_phrase_pasted_over_and_over_is_not_urgent(text: str) -> None:
    u = understand(text, _TAXONOMY)
    assert not u.urgent, text
    assert u.intent.value == "chat", text


def test_a_pasted_emergency_is_still_read_by_the_rules() -> None:
    u = understand("救命电梯里困人了" * 20, _TAXONOMY)
    assert u.urgent and u.category == "elevator"


def test_a_long_real_message_is_not_taken_for_repetition() -> None:
    text = (
        "我跟大家说一下哈，前两天我去我闺女家帮她带孩子，回来发现我们3单元楼道里的灯又不亮了，"
        "晚上上楼黑乎乎的，我这腿脚不好，差点在二楼拐角那摔一跤，麻烦楼长跟物业说一声来修修"
    )
    u = understand(text, _TAXONOMY)
    assert u.intent.value == "report" and u.category == "lighting"


# Look-alikes the rules took for emergencies on the session's base (the lead's own phrasings
# of the shapes found in this session's training files): a proverb, a metaphor, feelings, a
# screen, a season's prevention, what one would do first, a fault already taken away, help
# that came, a forward for the old.
NOT_URGENT = [
    "老话讲得好，火烛小心，冬天更要注意",
    "我家那口子说真着火了他第一件事就是抱电视",
    "楼道那个漏电的插座师傅已经拆了，明天换新的",
    "转给爸妈看：冬天防一氧化碳中毒，烧炭一定要开窗",
    "我这个月的信用卡账单就是一场火灾",
    "被领导骂完，我内心已经着火了",
    "打了一晚上排位，整个人在冒烟",
    "今天去片场当群演，演火灾现场逃跑的人，跑了十几遍",
    "孩子在商场走丢了十分钟，找到的时候在看娃娃机，虚惊",
    "热得我感觉人都要自燃了",
]


@pytest.mark.parametrize("text", NOT_URGENT)
def test_look_alikes_are_not_urgent_by_the_rules(text: str) -> None:
    assert not rules_urgent(text), text


@pytest.mark.parametrize(
    "text",
    [
        "小区门口全是火，快打119",
        "楼道里着火了，整个人都吓懵了，快来人",
        "师傅还没来，插座漏电了在冒火花",
    ],
)
def test_emergencies_beside_them_stay_urgent(text: str) -> None:
    assert rules_urgent(text), text


@pytest.mark.parametrize("text", ["我老公成日打机，唔理我", "这次考试又砸了，不想活了（开玩笑的"])
def test_a_game_or_a_joke_owned_is_not_made_private_by_the_model(text: str) -> None:
    assert not understand(text, _TAXONOMY).sensitive, text


def test_a_lift_broken_again_and_the_stairs_climbed_is_a_report() -> None:
    u = understand("电梯又坏了，我抱着孩子爬了十二层，腿都软了", _TAXONOMY)
    assert (u.intent.value, u.category) == ("report", "elevator")
