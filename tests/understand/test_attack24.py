"""Twenty-fourth-session attacks, in the lead's own phrasings (not the training files' lines):
the model, when all but sure, is not held back by a film, a lesson, deafness or absence named
beside a danger (``classify.MODEL_SURE``); the rules read a glance up from a story, our
building at this moment, a lift's trapped counted, a fall from a frame or a gondola, no
response, someone buried, a fire climbing, fragments typed in a hurry; and the look-alikes each
change must leave alone."""

from __future__ import annotations

import pytest

from bot.config.understanding import default_taxonomy
from bot.understand import safety, sensitivity, understand
from tests.understand.rules_only import rules_urgent

_TAXONOMY = default_taxonomy()

# Not urgent by the rules at the session's start (each fails on f609ce9).
URGENT_BY_THE_NEW_RULES = [
    "刚看完电视剧，抬头一看对面6栋顶楼窗户往外冒黑烟了，火苗都出来了",
    "新闻里天天讲高空抛物，我们楼上刚又扔下来一个酒瓶子，碎在儿童滑梯旁边，孩子们还在玩",
    "11栋电梯困了一个刚下夜班的护士 她说心慌气短",
    "装修队的一个工人从吊篮上摔下来了，就在2号楼底下",
    "有个工人摔下来了，没有反应",
    "后坡的土墙垮了，把人埋了一半，快来人挖",
    "11楼阳台晾的衣服着了，好像是蚊香点着的，火往上烧",
    # Fragments typed in a hurry (hazards.FRAGMENT).
    "卡在电梯里半小时了",
    "煤气罐着了",
    "车库 充电的电瓶车着了",
    "🔥1栋🔥",
    "车棚 🔥🔥",
    "🔥🔥🔥救命",
    "大火 西区",
    "好臭的煤气 14楼",
    "有人躺车库 不动",
    "小孩掉水池里了 中心花园",
    "老爷子摔厕所了 起不来",
    "孕妇摔了 北门",
    "烟好大 4号楼",
]
# A sure model adds urgency beside a film, a lesson, deafness or absence (not urgent on the base).
URGENT_BY_A_SURE_MODEL = [
    "隔壁张奶奶耳朵背，门缝底下一直在往外淌水，屋里哗哗响，敲门也没人应",
    "上周听了急救讲座，现在5栋门口有个大爷倒地上了，叫他没反应",
]
# Never urgent: word from the person, a reason for the silence, the story itself, a drill.
CALM = [
    "我爸一个人住，这两天没回我消息，他说手机坏了",
    "打通了，我妈说她没事，就是在电梯里待了会儿",
    "新闻说外地有人高空抛物砸伤了人，我们楼上现在也装了摄像头",
    "看了那个着火的新闻，我们小区现在也在排查电动车",
    "电影里主角一抬头，楼上着火了，特效挺真",
    "新闻说有人困电梯两个小时，我们单元刚换了新电梯，放心了",
    "刚才演练喊着火了，一抬头看见好多人往下跑，挺像真的",
    "纪录片讲的火灾太惨了，回头一看我家孩子都哭了",
    "电梯困了好几个人的那次是去年，后来换了新的",
    "听说那个工人从架子上摔下来了，后来没事",
    "昨天装修工人从脚手架上摔下来过，今天已经出院了",
    # ...and the fragments' look-alikes.
    "🔥🔥🔥好看",
    "大火收汁 3楼飘香",
    "东区大火锅店开业了",
    "烟好大 谁在抽烟",
    "烟好大 3楼烧烤的",
    "钥匙卡在电梯缝里了",
    "被子晒着了",
    "屋里暖和着了",
    "躺平了 不动",
    "躺在床上不动了，太累",
    "我家狗掉河里了",
    "昨天我妈摔在卫生间了，现在好多了",
    "老板说项目着火了让我去救火，我一个人咋救啊",
    "谁有搭电线？车亏电打不着了，在车库",
]


@pytest.mark.parametrize("text", URGENT_BY_THE_NEW_RULES)
def test_the_rules_find_these_now(text: str) -> None:
    assert rules_urgent(text)
    assert understand(text, _TAXONOMY).urgent


@pytest.mark.parametrize("text", URGENT_BY_A_SURE_MODEL)
def test_a_sure_model_is_not_held_back_by_what_only_makes_danger_less_likely(text: str) -> None:
    assert not safety.model_may_add(text)
    assert safety.model_may_add(text, sure=True)
    assert understand(text, _TAXONOMY).urgent


@pytest.mark.parametrize(
    "text",
    ["我爸一个人住，这两天没回我消息，他说手机坏了", "打通了，我妈说她没事，就是在电梯里待了会儿"],
)
def test_word_from_the_person_holds_back_even_a_sure_model(text: str) -> None:
    assert not safety.model_may_add(text, sure=True)


# Not urgent by the rules; the model, which learnt fire emoji at a place from the fragments'
# training file, may read it as urgent (it does, at 0.99): ambiguous to a person too.
CALM_BY_THE_RULES = ["车棚 🔥🔥 这波太火了"]


@pytest.mark.parametrize("text", CALM_BY_THE_RULES)
def test_the_rules_leave_an_ambiguous_fragment_to_the_model(text: str) -> None:
    assert not rules_urgent(text)


@pytest.mark.parametrize("text", CALM)
def test_look_alikes_stay_calm(text: str) -> None:
    assert not rules_urgent(text)
    assert not understand(text, _TAXONOMY).urgent


@pytest.mark.parametrize(
    "text",
    [
        "A kid is sitting on the balcony railing of building 6!!",
        "gas smell on the 3rd floor, so strong",
    ],
)
def test_the_model_may_add_urgency_to_english_naming_a_person_or_a_hazard(text: str) -> None:
    assert safety.model_may_add(text)


@pytest.mark.parametrize("text", ["Thanks for the parcel, see you tomorrow", "ok sure"])
def test_english_naming_nothing_of_danger_gets_no_urgency_from_the_model(text: str) -> None:
    assert not safety.model_may_add(text)


# Self-harm said in other words, or done (bot.understand.sensitivity), in the lead's phrasings:
# private by the rules now (each not flagged on f609ce9).
SENSITIVE_BY_THE_NEW_RULES = [
    "邻居小妹刚在朋友圈说药都吃了，谁有她家钥匙",
    "我姐手腕一直在流血，她不让我碰",
    "奶奶留了句话，说先走一步，你们好好过",
    "楼上那个男生发了张药的照片，写着晚安，永远的那种",
    "地库那辆灰色面包车里有人烧炭，车窗贴着胶带",
    "他拿着充电线往横梁上挂，说活够了",
    "我邻居把刀片对着自己，在楼道里哭",
    "有个大叔刚喝了半瓶农药，在2号楼门口",
]
# Not private: an accident, warmth, haggling, leaving for good in the ordinary sense.
NOT_SENSITIVE = [
    "先走一步了，你们慢慢吃",
    "如果有来生我还要当你的邻居",
    "这是最后一次打扰大家，谁有梯子借我用下",
    "屋里烧炭盆取暖的注意开窗，别中毒",
    "孩子被纸箱划了手，贴了创可贴",
    "卖菜的说再便宜他就不活了，哈哈",
    "我们下个月搬走了，今天就走一部分行李，大家别找我喝酒了哈",
]


@pytest.mark.parametrize("text", SENSITIVE_BY_THE_NEW_RULES)
def test_self_harm_in_other_words_is_private(text: str) -> None:
    assert sensitivity.sensitive(text)
    assert understand(text, _TAXONOMY).sensitive


@pytest.mark.parametrize("text", NOT_SENSITIVE)
def test_goodbyes_and_accidents_are_not_private(text: str) -> None:
    assert not sensitivity.sensitive(text)


# Emergencies in English (hazards.EN_URGENT), and English that is past, a drill, a film or a
# question ahead (hazards.EN_CALM, hazards.EN_NOT_NOW).
ENGLISH_URGENT = [
    "Gas leak on the 3rd floor of block 5, smells really strong",
    "my grandma collapsed in the lobby and can't get up",
    "Someone is throwing bottles from upstairs at the kids below",
    "Lift stopped between floors, my son is inside crying",
    "A toddler is sitting on the windowsill of 1402, window wide open",
    # Words of the calm list inside an emergency (hazards.EN_NOT_NOW is narrow on purpose).
    "My kid is stuck in the lift, the alarm button is not fixed, HELP",
    "Fire!! in case anyone is home, get out",
]
ENGLISH_CALM = [
    # Urgent by the rules on f609ce9 (the lexicon's English words read no context).
    "The fire drill is at 10am, smoke machines will be used",
    "Gas leak last week was fixed, thanks everyone",
    "We watched a movie where the building was on fire",
    "if there is ever a gas leak, who do we call?",
    # Calm on the base too.
    "my son lost his game again lol",
]


@pytest.mark.parametrize("text", ENGLISH_URGENT)
def test_emergencies_in_english_are_urgent_by_the_rules(text: str) -> None:
    assert rules_urgent(text)


@pytest.mark.parametrize("text", ENGLISH_CALM)
def test_english_of_the_past_or_a_drill_is_not(text: str) -> None:
    assert not rules_urgent(text)
