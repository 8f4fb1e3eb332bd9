"""Families of the other eighth-round files' misses and false alarms (corpus7: southsummer,
boundaries, servicegroup, threads, voice, youth; read after their clean figures), tested in
phrasings of our own, with look-alikes.
"""

from __future__ import annotations

import pytest

from bot.config.understanding import default_taxonomy
from tests.understand.rules_only import rules_urgent

TAXONOMY = default_taxonomy()


URGENT = [
    "有人喺天台掟樽落嚟，差啲掟中人",
    "地下室那根主管裂开了，水一直往外喷",
    "液化气罐旁边一股很冲的味，还有人在那抽烟",
    "楼上漏水漏到我家插座，插头还插着，不敢拔",
    "刘奶奶家门敲不开，电话也打不通，她一个人住，屋里灯还亮着",
    "花园里那个老人还躺着，已经叫救护车了",
    "我妹放学到现在没回家，电话手表也打不通",
    "昨晚她说活着没意思，今天一直不回消息，敲门也不开",
    "电梯门把我妈的手夹住了，拔不出来",
    "阳台上的空调外机整块往下掉，下面正好有孩子在玩",
]

NOT_URGENT = [
    # a lift door that pinches, a lift too hot, a lift that came right
    "电梯门老是夹人，感应器不灵，昨天夹到我腿了",
    "电梯门开开关关的，刚才夹了我一下，赶紧修",
    "电梯关门太快，我腿脚慢，进去一半就被夹了",
    "电梯里的风扇坏了一个月了，里面闷得人发晕",
    "电梯又停了，我拎着两袋米爬了十二层，累得喘不上气",
    "今天电梯又困人了，还好五分钟就出来了",
    "被困电梯记得别扒门，按警铃等救援",
    # sparks then the power off, a fire put out, a proverb, a figure of speech
    "插座噼啪一声冒了火花，然后就没电了",
    "厨房插座打火了，我把空开拉了，现在不敢用",
    "灭了，是楼下电动车电瓶烧了，没人受伤",
    "查清楚了，是有人在烧纸，已经叫他们灭了",
    "老人说，火烧天，明天要下雨",
    "股票又跌了，钱包着火了",
    # things from above that are water, dust or rubbish, loose things with nobody below now
    "楼上把洗拖把的水往楼下泼，泼了我一身",
    "天花板裂了，灰一直往下掉",
    "又有人往楼下扔垃圾袋，昨晚砸在车上了",
    "外墙有块瓷砖松了在晃，下面是人行道，赶紧修",
    # cigarette ends thrown down; not wanting to live and sorry, no place or means: sensitive,
    # not urgent (a training line labels "我真的撑不下去了，不想活了，对不起大家" so)
    "楼上又有人从窗户扔烟头下来，烧了我家被子",
    "我不想活了，对不起大家",
    # animals fighting, a figure of speech
    "两只狗在草坪上追着打架，主人也不管",
    "主队输了，球迷都哭晕在厕所了",
    # someone sad for days, not now
    "楼上那个女孩这几天总在天台上坐着，说不想活了，我们想请社区关心一下",
]


@pytest.mark.parametrize("text", URGENT)
def test_round8_families_are_urgent(text: str) -> None:
    assert rules_urgent(text)


@pytest.mark.parametrize("text", NOT_URGENT)
def test_round8_look_alikes_are_not_urgent(text: str) -> None:
    assert not rules_urgent(text)
