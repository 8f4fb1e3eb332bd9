"""Urgency: danger to people now. Missing one is the worst error; imagined dangers are not."""

from __future__ import annotations

import pytest

from bot.config.understanding import default_taxonomy
from bot.understand import Intent, understand


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("着火了！！3楼厨房冒烟了", "fire_safety"),
        ("樓下著火了，好大的煙", "fire_safety"),  # Traditional 著火
        ("著火了", "fire_safety"),
        ("楼道里一股很浓的煤气味", "fire_safety"),
        # Sparks at electrical equipment: power; with smoke or flames: fire_safety.
        ("配电箱在冒火花，噼里啪啦的", "power"),
        ("配电箱在冒烟，里面还冒火花", "fire_safety"),
        ("2号楼电梯卡在两层中间了，我爸在里面出不来", "elevator"),
        ("電梯困人！！有老人在裡面", "elevator"),
        ("1502水管爆了，水哗哗往外喷，家里都淹了", "water"),
        ("我家孩子不见了！穿红色外套，6岁", "other"),  # a missing person: no category of its own
        ("有人从6楼往下扔花盆，差点砸到人", "security"),
        ("楼道里有个老大爷摔倒了起不来", "other"),
        ("哪里着火了？好浓的烟味", "fire_safety"),  # a question, still urgent
        ("起活了快来人", "fire_safety"),  # voice-to-text slip
        ("没想到楼下着火了", "fire_safety"),
        ("楼下有人拿刀追着人跑", "security"),
        ("有个小孩在楼道摸电箱触电了", "power"),
        ("隔壁老人好像煤气中毒了，叫不醒", "fire_safety"),  # 没 does not deny what follows it later
        ("電梯壞了，困住人了", "elevator"),
        ("电梯把我爸困住了", "elevator"),
    ],
)
def test_urgent(text: str, code: str) -> None:
    u = understand(text, default_taxonomy())
    assert (u.intent, u.urgent, u.category) == (Intent.REPORT, True, code)


@pytest.mark.parametrize(
    "text",
    [
        "楼道里堆的纸箱太多了，万一着火跑都跑不掉",
        "小区门口的路坑坑洼洼的，好几次差点摔倒",
        "楼道里没有烟，是楼下在烧烤",
        "5栋楼道灯不亮，老人摔了好几次了",
        "灭火器都过期两年了",
    ],
)
def test_not_urgent(text: str) -> None:
    assert understand(text, default_taxonomy()).urgent is False


def test_all_clear_is_chat() -> None:
    u = understand("刚才的烟是有人在烧烤，虚惊一场，没事了", default_taxonomy())
    assert (u.intent, u.urgent) == (Intent.CHAT, False)


def test_trapped_by_a_maths_problem_is_not_urgent() -> None:
    u = understand("被这道数学题困住了", default_taxonomy())
    assert not u.urgent and u.intent is Intent.CHAT


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("3单元楼道灯还是坏的", "lighting"),
        ("楼道灯还没修好，都一个礼拜了", "lighting"),
        ("谁家孩子的自行车挡在消防通道上了", "fire_safety"),
    ],
)
def test_still_broken_and_blocked_exits_are_reports(text: str, code: str) -> None:
    u = understand(text, default_taxonomy())
    assert (u.intent, u.category) == (Intent.REPORT, code)


def test_bare_still_not_fixed_refers_back_and_is_chat() -> None:
    assert understand("还没修好", default_taxonomy()).intent is Intent.CHAT
    assert understand("电梯还没修好", default_taxonomy()).intent is Intent.REPORT
