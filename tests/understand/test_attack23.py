"""Twenty-third-session attacks on the safety rules, in the lead's own phrasings (not the
training files' lines): break-ins, knives and beatings now, a fire still burning, a new sentence
that opens on here after a story, an all-clear of an earlier time, and the look-alikes each
change must leave alone."""

from __future__ import annotations

import pytest

from tests.understand.rules_only import rules_urgent

# Not urgent by the rules at the session's start (each fails on 63e8efc).
URGENT_BY_THE_NEW_RULES = [
    "有个陌生人正顺着防盗网往5楼窗户里钻，快报警",
    "对面楼有人正从隔壁阳台翻过来，那家没人",
    "1103的门有人在撬，声音很大，保安快来",
    "小偷还在屋里翻东西，我们在门口守着",
    "楼下两家吵起来了，这次动了刀，快来人",
    "五六个人围着一个保安踹，就在东门",
    "几个人堵在402门口踹门，里面有孩子在哭",
    "3栋有个男的把孩子关在厕所里打，哭得好惨",
    "楼下垃圾桶旁的纸箱被人点着了，还烧着呢，旁边停着电动车",
    "看了个火灾的纪录片，挺吓人。3号楼楼道里冒黑烟了，好多人往下跑",
    "台风的新闻看得人揪心。我们楼地下室进水了，配电箱在打火花，有人还在下面搬东西",
    "2号楼电梯卡在半空，里面有个孕妇在喊。上回卡住物业说修好了",
]
# Urgent before and after (the estate's own places keep it here; a knife or blood not denied).
URGENT_KEPT = [
    "有人动刀了！3栋楼下，快报警",
    "东门两个人打架见血了，还在打",
    # A plea after "sent to the wrong group" is still a plea.
    "我妈在楼梯上摔了起不来（发错群了，但附近谁能来帮一下）",
    "看到群里有人在问快递的事。中心花园那边有棵树烧起来了，火挺大",
]
# Urgent by the rules at the session's start, not now: figures of speech, asking ahead, a
# rescue that came, a device for the day it happens, a brand asked for, a denial.
NO_LONGER_URGENT = [
    # Someone else's estate is not ours for its "小区里" (urgent on the base).
    "我妈家小区里有人被困电梯了，她刚打电话说的",
    "想给我妈装个防摔倒报警器，求推荐个牌子",
    "两个小孩在楼下吵架，没动刀也没见血，就是嗓门大",
    "买了个灭火毯放厨房，着火了能用上",
    "给老人房间装了个紧急按钮，摔倒了一按就行",
    "电梯门刚才打不开，有个阿姨在里面拍门，后来自己开了",
    "5号楼电梯又坏了，停在8楼不动，里头没人，叫人来修吧",
    "刚才那股焦味是我家烤红薯烤过头了，没事体",
    "干粉的能灭电器着火吗？",
    "讲了一天课，嗓子都要冒烟了",
    "小孩误吞东西第一时间怎么处理？先了解一下，以防万一",
    "儿子说他同学的爷爷在电梯里被困了，后来消防员来救的",
]
NOT_URGENT = [
    # A sentence opening on a building after another estate or a far place was named: theirs.
    "新闻说杭州一个老小区着火了。12楼有个老人被困，消防员架梯子救下来的",
    "我表姐说她们小区昨晚着火了。3号楼烧了一整层，好在没人受伤",
    "上趟隔壁弄堂着火，消防车都开不进来",
    "灭火器记住口诀：提、拔、瞄、压",
    "孩子差点从床上摔下来，我一把抓住了",
    "我家猫从窗户钻出去了，找了一晚上",
    "锅里正烧着水呢，等会儿下面条",
    "新闻说外地一栋楼着火了。3号楼的王叔说他看了一晚上",
    "上个月楼上那个学生割腕的事，后来救回来了",
    "高速服务区停车场那边有辆货车着火了，我们堵在这动不了",
    "不好意思惊动大家了，刚才的糊味是我家煮粥烧干了",
    "刚才楼道里那股煤气味是燃气公司在换表，师傅说一会就散了",
]


@pytest.mark.parametrize("text", URGENT_BY_THE_NEW_RULES + URGENT_KEPT)
def test_an_emergency_now_is_urgent_by_the_rules(text: str) -> None:
    assert rules_urgent(text)


@pytest.mark.parametrize("text", NO_LONGER_URGENT + NOT_URGENT)
def test_the_look_alikes_are_not_urgent_by_the_rules(text: str) -> None:
    assert not rules_urgent(text)
