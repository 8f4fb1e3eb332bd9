"""Twenty-fifth-session attacks, in the lead's own phrasings (not the training files' lines): the
rules read knives in a fight, a stabbing, climbing in from outside, a child shut in a car, water
spraying a corridor, bare wires touched, gas asked about with the smell felt, someone in a well,
pinned or knocked down, an ambulance asked for, "said it was nothing, but cannot stand", a cold
store, a dog still biting, scalds, a frame hanging by a corner over a kindergarten; the model may
not make a thing stuck in a lift urgent, nor flag harm of long ago by someone gone; a problem
told of a place far from the estate is chat; and the look-alikes each change must leave alone."""

from __future__ import annotations

import pytest

from bot.config.understanding import default_taxonomy
from bot.understand import safety, sensitivity, understand
from tests.understand.rules_only import urgency_tests

_TAXONOMY = default_taxonomy()

# Not urgent by the rules at the session's start (each fails on 578a7a9).
URGENT_BY_THE_NEW_RULES = [
    "有人翻阳台进了302",
    "水管子喷得满楼道都是水",
    "是不是漏煤气了？整个楼道都是味",
    "围墙塌了，压住了一个老人",
    "谁赶紧叫个救护车 南门这儿",
    "大爷摔了一跤，说没事，可是站不起来",
    "12楼的窗框只剩一个角挂着，下面是幼儿园",
]
# The same families in other words, which the base's rules already read (written first, as
# attacks on the new rules; kept so that they stay read).
URGENT_ALREADY = [
    "楼下俩人打起来了 有刀",
    "东门口有人被捅了一刀，倒在地上了",
    "孩子锁在车里了，太阳底下",
    "电线的铜丝露着，几个小孩在摸",
    "有个小孩掉进窨井里了",
    "一辆车倒车撞倒了个老太太",
    "冷库门打不开了，我师傅还在里面",
    "狗把孩子扑倒了还在咬",
    "孩子被开水烫伤了，整条胳膊起泡",
]

# Urgent by neither the rules nor the whole of understand().
CALM = [
    "昨天新闻里那个孩子被锁车里了，大家夏天注意",
    "锅烧干了冒烟，幸好没起火",
    "谢谢帮忙打120的邻居，我妈已经好了",
    "我钥匙掉进下水井里了，谁有长夹子",
    "那棵树倒了，压住了一辆电动车",
    "看了个电影，一家人被困在冷库里，吓死我了",
    "赶紧打120是对的，中风不能拖",
    "老人摔了一跤住了几天院，已经出院了",
]


test_the_rules_find_these_now, test_look_alikes_stay_calm_by_the_rules = urgency_tests(
    URGENT_BY_THE_NEW_RULES + URGENT_ALREADY, CALM
)


@pytest.mark.parametrize("text", CALM)
def test_look_alikes_stay_calm_in_understanding(text: str) -> None:
    assert not understand(text, _TAXONOMY).urgent


@pytest.mark.parametrize("text", ["钥匙卡在电梯缝里了", "手机掉进电梯缝里了，谁会拿出来"])
def test_the_model_may_not_make_a_thing_stuck_in_a_lift_urgent(text: str) -> None:
    assert not safety.model_may_add(text, sure=True)
    assert not understand(text, _TAXONOMY).urgent


@pytest.mark.parametrize(
    "text", ["孩子的脚卡在电梯缝里了，拔不出来", "鞋子卡在扶梯里了 人在喊救命"]
)
def test_a_person_caught_with_the_thing_still_lets_the_model_add(text: str) -> None:
    assert safety.model_may_add(text)


def test_harm_of_long_ago_by_someone_gone_is_not_flagged_by_the_model() -> None:
    text = "以前楼下那家男的老打孩子，后来搬走了，现在清净了"
    assert not sensitivity.model_may_flag(text)
    assert not understand(text, _TAXONOMY).sensitive


@pytest.mark.parametrize(
    "text", ["开发区那边的化工厂冒烟了，味道好大", "大学城那边的商场着火了，新闻都报了"]
)
def test_trouble_far_from_the_estate_is_chat(text: str) -> None:
    u = understand(text, _TAXONOMY)
    assert u.intent.value == "chat"
    assert not u.urgent


def test_an_emergency_far_away_that_turns_here_stays_a_report() -> None:
    u = understand("开发区那边的厂房冒黑烟，风往这边吹，我们3号楼楼道里全是烟", _TAXONOMY)
    assert u.intent.value == "report"


@pytest.mark.parametrize(
    "text",
    [
        "我老公单位停车场刚才着火了，他说烧了好几辆车",
        "表姐在宁波，她说她们楼下的店面着火了，人都跑出来了",
        "去病房看我爸，隔壁床的老人突然晕倒了，护士都跑过来了",
    ],
)
def test_trouble_at_a_relative_s_work_a_ward_or_a_far_city_is_not_urgent(text: str) -> None:
    assert not understand(text, _TAXONOMY).urgent


@pytest.mark.parametrize(
    "text",
    [
        "我女儿在新加坡跟我打视频，说看见我身后冒烟，我回头一看厨房着火了",
        "我家老太太走丢了，讲一口福建话，穿灰色外套，大家帮忙看看",
    ],
)
def test_a_call_from_far_away_or_a_far_place_s_speech_stays_here(text: str) -> None:
    assert understand(text, _TAXONOMY).urgent
