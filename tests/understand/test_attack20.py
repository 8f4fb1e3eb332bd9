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
    "刚学会颠锅，火苗一下窜起来，帅呆了",
    "锅里冒烟是我在炝锅，别紧张",
    "那个美食博主炒菜老是火光冲天",
    "这个月加班加到头顶冒烟",
    "大家卷出火星子了，我躺平",
    "领导说这个项目着火了，今晚通宵",
    "清仓大甩卖，老板说亏到吐血",
    "一句话引火烧身，活全归我了",
    "小孙女玩过家家，拿着玩具电话喊着火了快来救我",
]


STAYS_URGENT = [
    "小区门口全是火，快打119",
    "楼道里着火了，整个人都吓懵了，快来人",
    "师傅还没来，插座漏电了在冒火花",
    "颠勺的时候油锅起火了，快拿锅盖",
    "一进单元门就是煤气味，越往上越重",
    "不是在拍视频！3号楼有个小孩爬到窗外空调架上了",
]


@pytest.mark.parametrize("text", ["我老公成日打机，唔理我", "这次考试又砸了，不想活了（开玩笑的"])
def test_a_game_or_a_joke_owned_is_not_made_private_by_the_model(text: str) -> None:
    assert not understand(text, _TAXONOMY).sensitive, text


def test_a_lift_broken_again_and_the_stairs_climbed_is_a_report() -> None:
    u = understand("电梯又坏了，我抱着孩子爬了十二层，腿都软了", _TAXONOMY)
    assert (u.intent.value, u.category) == ("report", "elevator")


# Trouble told of someone else's place or watched from a workplace, in the present tense
# (clauses.told_elsewhere): not urgent by the rules; beside it, the same told of here.
TOLD_ELSEWHERE = [
    "我表姐刚说她们楼里一股煤气味，正在等燃气公司",
    "我妈那个小区的电梯这会儿困着人呢，物业还没到",
    "在公司加班，楼下两个人在打架，保安在拉",
    "正在看的直播里，主播家楼下着火了，烟好大",
    "朋友住的那个小区垃圾站着火了，黑烟一直往她家窗户里钻",
    "我弟在杭州，说他们厂房那边冒黑烟，全部人都撤出来了",
    "同学在悉尼，那边山火烧过来了，天都是红的",
]
HERE_AFTER_ALL = [
    "我表姐刚说她们楼里有煤气味，结果我们楼道里也闻到了，好冲",
    "在公司上班呢，邻居打电话说我家门缝在冒烟，3号楼502，谁在附近",
    "我妈那边也停电了，我们楼道里有人晕倒了，快来人",
    "儿子在深圳上班回不来，他奶奶在家摔倒了起不来，1203，谁去看看",
    "我在外地，我爸一个人在家，刚才电话里说头晕想吐，煤炉子还烧着",
]


def test_nobody_inside_said_in_cantonese_stops_the_model() -> None:
    assert not understand("佢话地库水好深，不过冇人喺入面", _TAXONOMY).urgent


# A sentence that opens in a time gone by says nothing of now (clauses.told_past).
TOLD_PAST = [
    "前几年车棚着火那回，浓烟一直冒到顶楼，吓死人了",
    "那年过年有人放鞭炮，把三楼的遮阳棚点着了，大家端着盆冲下去灭的",
    "我刚搬来那年地库有辆车自燃，后来物业装了喷淋",
]
PAST_BROUGHT_TO_NOW = [
    "上个月修的那根线今天又在冒火花了，5号楼楼道",
    "去年换的电梯今天又困人了，里面有个老人",
]


@pytest.mark.parametrize("text", NOT_URGENT + TOLD_ELSEWHERE + TOLD_PAST)
def test_look_alikes_are_not_urgent_by_the_rules(text: str) -> None:
    assert not rules_urgent(text), text


@pytest.mark.parametrize("text", STAYS_URGENT + HERE_AFTER_ALL + PAST_BROUGHT_TO_NOW)
def test_emergencies_beside_them_stay_urgent_by_the_rules(text: str) -> None:
    assert rules_urgent(text), text
