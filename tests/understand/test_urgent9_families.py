"""Families urgent9 added from the rules-alone misses of the training files (read with
``bench/safety_file.py --errors``), tested in our own phrasings: a child on a ledge, a sill,
a canopy or a roof edge; a lift stopped or dropped with someone in it, said in more ways
(who is inside counted, not named; a stop and then who is in it; a jolt); someone caught in
a lift door as it moves; Traditional 著 after a verb of posture. Look-alikes: a child playing
on a balcony, a toy or a cat on a sill, a workman on an air-conditioner, a lift bell ringing
with nobody said to be inside, a lift that stopped once; a dog going for a person now, and look-alikes (a cat chased, a
habit, a slipper bitten)."""

from __future__ import annotations

import pytest

from bot.config.understanding import default_taxonomy
from bot.understand import understand
from bot.understand.normalise import normalise
from tests.understand.rules_only import rules_urgent

TAXONOMY = default_taxonomy()

URGENT = [
    # a child on an edge, the place said first or the child
    "楼顶边上站着个小男孩，脚都踩到外面了",
    "对面五楼窗台上坐着一个小孩，两条腿在外面晃",
    "车棚的雨棚上趴着个孩子，下面就是水泥地",
    "有个小女孩站在空调外机上，往下看，家里好像没人",
    "天台的女儿墙上有个小孩在走，十几层楼高",
    "那个孩子在往窗外爬，大人呢",
    "她一个人蹲在外机上面，不知道谁家的孩子",
    "陽台欄杆上坐著一個小孩，好危險",
    # a lift stopped or dropped with someone in it
    "3号楼电梯卡住了，里面有个老太太，一直在喊",
    "电梯停在11楼和12楼中间，里面是个送快递的",
    "货梯卡住了，里面三个工人，说手机快没电了",
    "电梯刚才哐当一下冲到负一楼，里面有个小姐姐，门打不开",
    "电梯突然跌了好几层，我老公在里面",
    "灯一黑就停了，我女儿还在电梯里",
    "电梯夹在两层中间，快递小哥在里面敲门",
    "2单元电梯现在卡着两个学生，物业快来",
    "电梯停住了，门缝里能听见有人在哭",
    "5栋电梯里有人，警铃一直在响",
    # caught in a lift door as it moves
    "电梯门夹住了一个小孩的手，拉不出来",
    "有个大爷被夹在电梯门缝里，电梯还在往上走",
    "电梯门夹着一个阿姨的胳膊，梯还在动",
    # a dog going for a person now
    "有条大黑狗正在追一个小学生，孩子吓得直哭",
    "两条狗围着一个老人，一只咬住了她的裤腿",
    "那只金毛正扑着一个小女孩，就在滑梯旁边",
    "狗把一个外卖员咬了，腿上一直在流血",
]

NOT_URGENT = [
    "孩子在阳台上玩积木，好乖",
    "空调外机上蹲着一只猫，叫了一晚上",
    "师傅站在外机上装空调，下面拉了警戒线",
    "西区那部电梯报警铃一直响，是不是坏了",
    "侬好，阿拉屋里厢个电梯一直响，叮叮叮",
    "电梯上个月停在两层中间过一次，里面有个老太太，后来救出来了",
    "电梯门老是夹到人，感应器不灵，请物业修一下",
    "小时候我家孩子总爱坐在窗台上往下看",
    "万一孩子爬到外机上怎么办，大家装好防护网",
    "电梯里面有个箱子，谁家的快递",
    "狗在追猫，跑得好快",
    "这狗见了小孩就扑，主人也不管",
    "小区里狗太多了，经常追着人跑",
    "我家狗咬了我的拖鞋",
    # knocked over and up again: a complaint, as two training lines label it
    "那只大狗昨天扑倒了一个老人，物业管管吧",
]


# The rules leave it; the model retrained at d2d3460 adds urgency to it (the model may add
# urgency, never remove it: its call, not the rules').
MODEL_ADDS = ["窗台上坐着个小孩的玩偶，往下看着挺可爱"]


@pytest.mark.parametrize("text", MODEL_ADDS)
def test_look_alikes_the_rules_leave(text: str) -> None:
    assert not rules_urgent(text)


@pytest.mark.parametrize("text", URGENT)
def test_urgent_by_the_rules(text: str) -> None:
    assert rules_urgent(text)
    assert understand(text, TAXONOMY).urgent


@pytest.mark.parametrize("text", NOT_URGENT)
def test_look_alikes_are_not_urgent(text: str) -> None:
    assert not rules_urgent(text)
    assert not understand(text, TAXONOMY).urgent


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("站著一個小孩", "站着一个小孩"),
        ("拿著刀", "拿着刀"),
        ("著火了", "着火了"),
        ("著名", "著名"),
    ],
)
def test_traditional_zhuo_after_a_verb_of_posture(typed: str, read: str) -> None:
    assert normalise(typed) == read
