"""Twelfth session: families of false urgent alarms the rules raised on the training files'
chat (271 -> 247 non-urgent lines urgent by the rules, urgent found unchanged). Each family
is tested here in other phrasings written after the change, with the urgent messages it must
not clear: of the 16 look-alikes, 11 were urgent by the rules and in all before (main
614aa13), none after; the 5 urgent stay urgent."""

from __future__ import annotations

import pytest

from bot.config.understanding import default_taxonomy
from bot.understand import understand
from tests.understand.rules_only import rules_urgent

TAXONOMY = default_taxonomy()

NOT_URGENT = [
    # A lesson in first aid, a lesson learnt.
    "下周六社区请了医生来教心肺复苏，报名找楼长",
    "今天跟着视频学心肺复苏，按压要五到六厘米深",
    "讲座里说锅里着火了要盖锅盖，学到了",
    # A temper, a sore throat.
    "我妈一看我玩手机就冒火",
    "连着讲了三节课，嗓子冒烟了",
    # Over: put out, repaired, taken to hospital, nobody hurt, a false alarm owned.
    "车库那辆冒烟的车消防已经扑灭，没人受伤",
    "水管抢修完成，已经恢复供水了",
    "昨晚晕倒的大爷送医院了，家属在陪着",
    "刚才是我家烤肉把烟感弄响了，给大家道个歉",
    "孩子走丢那事是我误会了，他在同学家写作业",
    # Prevention, why, somewhere else seen on the way or on social media.
    "学校发了防溺水安全责任书，家长记得签字",
    "孩子问为什么会触电，我跟他讲了半天",
    "上班路上看到有辆车着火了，消防车已经到了",
    "朋友圈里有人说他们那儿电梯困人了，好吓人",
    # Advice for when it happens, a notice that it cannot hurt now.
    "被困时按住电梯里的警铃，不要扒门",
    "楼下新装了软垫，小孩摔倒也不怕了",
]

URGENT = [
    # What the families must not clear.
    "下班路上看到咱们楼冒黑烟，谁在家快去看看",
    "有人晕倒了！谁会心肺复苏快来3栋大堂",
    "锅里着火了，盖了锅盖还在冒火，快来人",
    "5楼着火了，火越来越大，赶紧下楼",
    "电梯困人了，里面有个孕妇，物业快来",
]


@pytest.mark.parametrize("text", NOT_URGENT)
def test_look_alikes_of_the_training_files_false_alarms_are_not_urgent(text: str) -> None:
    assert not rules_urgent(text)
    assert not understand(text, TAXONOMY).urgent


@pytest.mark.parametrize("text", URGENT)
def test_what_those_families_must_not_clear_stays_urgent(text: str) -> None:
    assert rules_urgent(text)
    assert understand(text, TAXONOMY).urgent
