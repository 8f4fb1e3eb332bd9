"""Twenty-second-session attacks on the safety rules, in the lead's own phrasings (not the
training files' lines): emergencies told plainly that the rules alone did not see, and the
look-alikes each new rule must leave alone."""

from __future__ import annotations

import pytest

from bot.config.understanding import default_taxonomy
from bot.understand import understand
from tests.understand.rules_only import rules_urgent

_TAXONOMY = default_taxonomy()

# Not urgent by the rules at the session's start (each fails on 6c59b2c).
URGENT_BY_THE_NEW_RULES = [
    "3号楼电梯里卡了个老爷子，按铃也没人来",
    "楼道口那堆纸壳子着了，火往楼里窜",
    "地下室电井里噼里啪啦响还在闪",
    "有人一直在拧我家门把手，我一个人在家",
    "阳台上那个小孩又在爬护栏",
    "对面3楼有个孩子把腿伸到窗户外面了",
    "他站在天台上说谁过来就跳",
    "8栋一个5岁男孩中午出去玩至今未归",
    "对门的刘奶奶好几天没露面了，门口有股味",
    # In Cantonese, Wu, Minnan and Hakka words.
    "楼下有个阿姐跌低咗，撞到后脑",
    "阿婆喺花园发羊吊，抽紧筋",
    "5座楼下一班人围住打，有人拎住玻璃樽",
    "走失长者！伯伯七十几岁，着灰色衫",
    "个BB仔喺窗边爬，窗又冇防盗网",
    "楼下那家店烟冲出来了，好呛",
    "楼上有人往下撂酒瓶子",
    "对面两公婆咧相拍，查某人一直喝救人",
    "有个贼爬上落水管，快到二楼窗口了",
    # Toys thrown down are no play cue.
    "谁家孩子在往下扔积木，楼下全是人",
    # A new play cue (密室逃脱) does not hide a sentence that comes home, nor a turn.
    "去玩了密室逃脱，吓死我了。回家看到电梯口躺着个大爷，头上全是血，叫不醒",
    "刚做了个红烧肉。不聊了，楼下有人拿着酒瓶在打架，满脸是血",
    # An alert says what not to do too: the bare advice of this session must not hide it when
    # a place of ours follows (the lead's attack on that rule; both fail on 8dcf58e).
    "燃气漏了！别开灯，5栋2单元都闻到了",
    "着火了，别跑电梯，走楼梯！7栋",
]

# Other phrasings of the kinds the new rules cover, urgent before them and kept so.
URGENT_KEPT = [
    "客梯困了三名学生，在12楼和13楼中间",
    "我女儿被关在7栋电梯里了",
    "困梯了！2单元，里面一个老人",
    "厨房油烟机冒烟还冒火了，1502快来人",
    "门岗刚收到：6栋有住户报火警",
    "楼下有个醉汉掏出刀了",
    "有个工人从脚手架上摔下来了",
    "有个老太太倒在单元门口",
    "车棚那个大爷晕过去了，叫也不醒",
    "有人从18楼往下扔花盆",
    "孩子磕在茶几角上，额头裂了个口子，血止不住",
    "我爸有点糊涂，刚才自己从东门出去的，到现在找不到",
    "一氧化碳报警器一直在响，开了窗也不停",
    "楼下那家用炭盆取暖，一家人都头晕了",
]

# What each new rule must leave alone.
NOT_URGENT = [
    "电梯门卡了个快递箱，关不上",
    "电梯昨天卡了一个多小时，今天修好了",
    "电梯卡了一个多小时我才坐上",
    "我家孩子今天从床上摔下来了，哭了一会就没事了",
    "带娃去公园，有个小朋友从滑梯上摔下来，抱起来就好了",
    "建议小区搞个走失老人登记，照片留在保安室",
    "昨晚有人在拧我家门把手，我一喊就跑了",
    "孩子小，怕他爬栏杆，阳台想装个防护网",
    "家里娃开始爬窗台了，大家装的哪家的防护窗",
    "一楼马桶像喷泉一样往外冒，下水道又堵了",
    "我爸说那些外地人开的店东西挺便宜",
    "赶紧打120是对的，中风不能拖",
    "昨暝电梯关着阮翁半点钟，今仔日修好了",
    "一期电梯加了应急对讲，困梯时按红色按钮",
    "为防范电动车火灾，下周入户排查",
    "原来闻到煤气味不能打电话，涨知识了",
    # A drama's fire, in Mandarin and Cantonese (urgent by the rules on 6c59b2c).
    "昨晚那部连续剧，整个村子都烧起来了",
    "嗰套剧最后嗰场火灾拍得好假",
    # Advice, play and figures (each urgent by the rules on 6c59b2c).
    "身上着火了别跑，就地打滚",
    "分享个小技巧：油锅着火直接盖锅盖",
    "医生说的，老人摔倒了先别扶",
    "密室逃脱里被关在着火的房间，吓死",
    "台风天花盆收一收，高空坠物是真的会要命",
    "儿子用积木搭了个楼，说楼着火了",
]


@pytest.mark.parametrize("text", URGENT_BY_THE_NEW_RULES + URGENT_KEPT)
def test_an_emergency_told_plainly_is_urgent_by_the_rules(text: str) -> None:
    assert rules_urgent(text), text
    assert understand(text, _TAXONOMY).urgent, text


@pytest.mark.parametrize("text", NOT_URGENT)
def test_the_look_alikes_of_the_new_rules_are_not_urgent_by_the_rules(text: str) -> None:
    assert not rules_urgent(text), text


def test_a_threat_to_jump_now_is_private_and_a_denial_is_not() -> None:
    from tests.understand.rules_only import rules_sensitive

    assert rules_sensitive("天台上那个小伙子说谁靠近就跳")  # fails on 6c59b2c
    assert rules_sensitive("她站在窗台外面，说要从这跳下去")
    assert not rules_sensitive("楼顶那人是在拍照，不是要跳楼，别传了")
    assert not rules_sensitive("跳楼价甩卖，老板真的要跳楼吗")


def test_a_thing_fallen_from_a_balcony_is_not_a_person_fallen() -> None:
    # The rule of a person fallen from a height must start at the person, not at "我" of
    # "我手机…" (found by tests/understand/test_safety_situations.py).
    assert not rules_urgent("我手机从阳台掉下去了 摔坏了")
    assert not rules_urgent("他钥匙从5楼掉下去了")
    assert rules_urgent("有个工人刚才从5楼阳台掉下去了")


def test_a_lost_pet_is_not_made_urgent_by_the_model() -> None:
    # After this session's retraining the model read it as urgent (tests/understand/
    # test_attack9.py); a missing child named beside the pet still is.
    assert not understand("我家猫两天没回来了，橘色的，谁看见告诉我一声", _TAXONOMY).urgent
    assert not understand("狗狗跑丢了，谁见到一只白色泰迪", _TAXONOMY).urgent
    assert understand("孩子出去找狗，到现在都没回来，7岁，穿蓝衣服", _TAXONOMY).urgent
