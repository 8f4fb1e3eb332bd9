"""Twenty-first-session attacks on understanding, in the lead's own phrasings (not the
training files' lines): trouble told of places no estate holds or of a relative's home, and
what brings such talk back here."""

from __future__ import annotations

import pytest

from bot.config.understanding import default_taxonomy
from bot.understand import understand
from tests.understand.rules_only import rules_urgent

_TAXONOMY = default_taxonomy()

ELSEWHERE = [
    "儿子的幼儿园今天有个小朋友从滑梯上摔下来，流了好多血",
    "机场那边有人晕倒了，好多人围着",
    "我婆婆家燃气泄漏了，我正往那边赶",
    "对面那个小区有栋楼着火了，消防车都到了",
    # Seen from one's own window: the window is here, the fire is not.
    "隔壁小区着火了，从我家窗户能看到火光",
    "开发区那边的厂房冒黑烟，好大一股",
]

HERE = [
    # A relative's home named, then put in one of our buildings, with a call on the group.
    "我婆婆家就在8栋，她刚才在厨房摔倒了起不来，谁在附近",
    "从商场回来，发现5号楼楼道里在冒烟",
    # A playground is inside many estates; a call to look out for the child.
    "孩子在游乐场玩着就不见了，穿黄衣服，有没有人看到",
    "楼顶上有人往下扔酒瓶子，底下好多小孩在玩",
    # A video meeting is not a video.
    "正开视频会呢，听到楼道里有人喊着火了，烟已经进屋了",
    # Back to business after a joke; a new sentence that comes home after a show.
    "哈哈哈笑死我了。不闹了，2单元楼梯口躺着个大爷叫他不吱声",
    "做了个搞笑视频。回到家发现楼道里全是烟，3楼那家门缝在冒黑烟",
    "有个男的拿着铁丝在捅302的锁眼，我从猫眼看着呢",
    "4栋卫生间天花板往下冲水，跟下雨似的",
    "小区花园里有个老爷爷坐在地上起不来了",
    "有个小孩坐在阳台护栏上，两条腿在外面晃",
]

# Advice, rules and look-alikes with danger words: nothing to deal with now.
NOT_NOW = [
    "记住了啊，电动车起火先拉闸断电，别用水浇",
    "高空抛物违法，抓到要罚款",
    "我老姨被电信骗子骗了两万",
    "停车场的树枝压在车顶上，风一吹哗哗响",
]


@pytest.mark.parametrize("text", ELSEWHERE)
def test_trouble_told_of_somewhere_else_is_not_urgent(text: str) -> None:
    u = understand(text, _TAXONOMY)
    assert not u.urgent, text
    assert u.intent.value == "chat", text


@pytest.mark.parametrize("text", HERE)
def test_an_emergency_here_beside_another_place_is_urgent(text: str) -> None:
    u = understand(text, _TAXONOMY)
    assert u.urgent, text
    assert u.intent.value == "report", text


@pytest.mark.parametrize("text", NOT_NOW)
def test_advice_rules_and_look_alikes_are_not_urgent(text: str) -> None:
    assert not understand(text, _TAXONOMY).urgent, text


DIALECT_NOW = [
    "阿拉老公困辣电梯里了，快点来人",
    "楼下阿伯跌低咗，起唔到身，边个落嚟帮下手",
    "对面楼有个小孩坐窗台上，窗户大开着",
]


@pytest.mark.parametrize("text", DIALECT_NOW)
def test_an_emergency_in_dialect_is_urgent_by_the_rules(text: str) -> None:
    assert rules_urgent(text), text
    assert understand(text, _TAXONOMY).urgent, text


def test_a_dialect_word_is_not_read_inside_a_mandarin_one() -> None:
    from bot.understand import dialect

    assert dialect.plain("电焊的电火花溅到地上了") == "电焊的电火花溅到地上了"
    assert dialect.plain("他戴着冒眼镜的帽子") == "他戴着冒眼镜的帽子"


def test_a_room_number_is_here_and_a_number_called_is_not() -> None:
    from bot.understand import clauses

    assert clauses.HERE_MARK.search("1201门口有烟")  # a room of the 12th floor
    assert clauses.HERE_MARK.search("1102着火了")
    assert not clauses.HERE_MARK.search("我打了120")
    assert not clauses.HERE_MARK.search("赶紧打119")
