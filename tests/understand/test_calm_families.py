"""Families of the calm file's misses (corpus7/train-calm.tsv: emergencies said calmly and
alarming-sounding non-emergencies, read after its clean figures), tested in phrasings of our
own, with look-alikes each family must not take.
"""

from __future__ import annotations

import pytest

from bot.config.understanding import default_taxonomy
from tests.understand.rules_only import rules_urgent

TAXONOMY = default_taxonomy()


URGENT = [
    # an old person unseen, with the phone off or the door unanswered
    "502的王奶奶一天没开门了，手机也关机，有她儿子电话吗",
    "楼下李伯这两天没人见过，门口的牛奶放了三天没人拿，打电话没人接",
    "对门老太太家灯一直亮着，三天了没人出来，敲门也没人应",
    "隔壁一个人住的周爷爷，平时天天在楼下下棋，这两天都没见着，他儿子说两天联系不上了",
    "我敲门敲了好半天，里面一点回应都没有，老人一个人住，电视好像还开着",
    # smoke and gas said calmly
    "不是大事，就是楼道的电表箱在冒点烟，有股焦味",
    "车库里那股烟越来越浓了，有人知道是哪里吗",
    "谁家在煎东西吗？走廊全是烟，烟雾报警器一直在响",
    "煤气阀关了，可是厨房还是有好重的气味，物业说没事，我觉得不放心",
    # a child at a height, a dog attacking, someone lying and not answering
    "对面楼那个小孩怎么坐在窗台上，窗户大开着，大人不在",
    "有个小男孩趴在防盗网上，五楼，家里好像没人",
    "那只大狗把一个小女孩扑倒了，还在咬她胳膊",
    "有个大爷躺在单元门口的台阶上，我叫了他两声没反应",
    "我妈脸色发白，说胸闷，坐在楼梯上起不来",
    # followed, a child missing told calmly, water onto sockets, a lift door prised
    "孩子同学的妈妈到处找孩子，说放学后就没见人",
    "我外甥说去图书馆，可图书馆说他根本没去，电话一直关机",
    "天花板在往下漏水，水已经淹到墙上插座了",
    "厨房顶上的水直往下淌，下面就是插排和电饭煲",
    "保安说电梯门撬不开，里面的孩子还没出来，在等消防",
]

NOT_URGENT = [
    # unseen for days with nothing wrong, a parcel, a notice
    "快递放了两天没人拿，打电话也不接，谁的？",
    "物业两天联系不上，报修没人管",
    "我奶奶这两天去我姑家住了，门口的牛奶帮忙收一下",
    # smoke and gas that is not danger now
    "楼下烧纸烧完了，现在就剩一堆灰",
    "刚才燃气味是楼下装修的油漆，我看了，不是燃气",
    "烟雾报警器没电了一直滴滴响，怎么换电池",
    # a child at a window indoors, a dog, a figure of speech
    "孩子趴在窗台上写作业，光线挺好",
    "我家狗把拖鞋咬坏了，气死了",
    "火锅吃多了，胃里着火了",
    "我老婆生气的时候比火灾还可怕",
    "孩子哭到喘不上气，哄了半天才好",
    # lifts that came right, a misheard fear
    "刚才电梯困了我两分钟，自己又好了，人没事",
    "电梯门卡住了一会儿，后来门自己开了",
    # a friend who follows, water near a socket with nothing happening
    "我家小狗一直跟着我，走哪跟哪",
    "插座那个位置有点潮，是不是要做防水",
]


@pytest.mark.parametrize("text", URGENT)
def test_calm_families_are_urgent(text: str) -> None:
    assert rules_urgent(text)


@pytest.mark.parametrize("text", NOT_URGENT)
def test_calm_look_alikes_are_not_urgent(text: str) -> None:
    assert not rules_urgent(text)
