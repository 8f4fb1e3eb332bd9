"""Families found from the misses and false alarms of ``train-suddenly.tsv`` (emergencies as
they happen, by a new writer; measured with ``bench/safety_file.py`` before it was read), in
our own phrasings, with look-alikes of each: the past, a drill, the news, a game, a dream,
a habit complained of, an animal, a thing not a person, over.

Rules alone on that file: urgent 0.755 (188/249) at precision 0.883 (25 false) before, 0.984
(245/249) at 0.996 (1 false) after (docs/understanding.md). On main at 964c155 the rules found
10 of the 45 urgent texts below and made 8 of the 40 look-alikes urgent.
"""

from __future__ import annotations

import pytest

from tests.understand.rules_only import rules_urgent

URGENT = [
    # fuel near a flame; the building shaking now
    "地库里一股很冲的汽油味，那边还有人在点烟",
    "有个男的往保安亭上泼了汽油，手里拿着打火机",
    "楼在晃！好像地震了，大家快下楼",
    "地震了，快跑，柜子上的东西都在掉",
    # a child at a height, on ice, alone by the road; someone out on an air-conditioner
    "有个小孩翻到阳台栏杆外面去了，在8楼",
    "两个娃在变压器上面爬，快喊他们下来",
    "有几个孩子在湖的冰面上滑，冰都裂开缝了",
    "三岁左右的小朋友一个人在路口站着，没大人，谁家的",
    "对面楼空调外机上蹲着一个人，在12楼",
    "有个老人坐在马路中间不动，车都开不过去",
    # a break-in, a snatch, being followed, now
    "有个人在翻3楼的阳台，好像要钻进去",
    "两个陌生人正在撬5楼的门",
    "刚才有人在抢包，快拦住",
    "我下班一直被一个陌生男的跟着，现在还在我后面",
    # a dog going for people now
    "一条大狗冲进单元门就咬人，快来",
    "流浪狗正在追那个孩子，都咬到裤腿了",
    "那条狗挣脱了，还在小区里乱窜，见人就扑",
    # locked in; water bursting out
    "救命，我被锁在楼顶天台了，出不去",
    "老人反锁在卫生间里，喊了半天不答应",
    "厨房的角阀突然爆了，水一直往外喷",
    "水从楼上门缝里往外涌，已经流到楼道了，还在流",
    # fire seen, smoke pouring in, gas signs
    "对面6楼厨房里有火，火苗老高",
    "烟一直往我家窗户里灌，孩子呛得直哭",
    "楼梯间好多烟，看不清路",
    "燃气灶一直点不着，厨房里有股味",
    "插排冒火了，拔不掉",
    "烧炭取暖的那家，老人说头好晕",
    # taken ill, hurt, struck
    "老人坐在地上捂着胸口说胸口疼，脸发白",
    "我爸突然吐了好多血，快叫120",
    "楼上有人朝楼下扔酒瓶，就在我旁边碎了",
    "一块瓷砖从楼上掉下来，砸在我旁边",
    "我头上被楼上掉下来的衣架砸了一下",
    "又有东西不停往下掉，刚掉下一个花盆",
    "小孩的手伸进自动门缝里夹住了，哭得好厉害",
    "孩子从单杠上摔下来了，手臂弯的样子不对",
    # lifts
    "我卡电梯里了，快帮我叫人",
    "电梯停了，里面好闷，我怀孕七个月",
    # water on wires
    "电线垂在积水里，旁边有小孩在玩",
    # written after a second reading of the file's misses
    "一楼客厅进水了，水都没过插座了，老人还在家",
    "天台上有个人一直扶着栏杆探出身子往下看，在楼边晃",
    "卷帘门砸下来了，压着她的脚，拉不出来",
    "电梯门开着就往下走了，我闺女还在里面",
    "我老公说闻着没事，我心里还是不踏实，厨房一股煤气味",
    "电动车电池冒火了，我把电闸拉了，还在冒烟",
    "楼上在切割钢管，火星子溅到下面晾的被子上了，冒烟了",
]

NOT_URGENT = [
    "装修师傅把汽油桶放在楼道里了，麻烦搬走",
    "加油站说汽油又涨价了",
    "日本那边地震了，新闻一直在播",
    "刚才地震了？我怎么没感觉",
    "社区下周搞地震逃生演练",
    "小区湖面结冰了，请家长看好孩子不要上冰",
    "孩子小时候爬过阳台栏杆，想想都后怕",
    "空调外机上蹲着一只猫，叫了一晚上",
    "马路中间躺着一只死猫，车都绕着走",
    "开锁师傅来撬门了，钥匙锁屋里了",
    "抢红包手慢了",
    "有人撬锁没撬开",
    "狗在追猫，跑得好快",
    "这条狗经常咬人，物业管管",
    "我被反锁在门外了，谁有开锁电话",
    "水龙头坏了一直滴水",
    "楼梯间好多烟头，保洁来扫一下",
    "燃气灶点不着火，是不是电池没电了",
    "这道题把我气得吐血",
    "钥匙掉在我旁边的草丛里了，谁帮我找找",
    "树叶不停往下掉，保洁扫不过来",
    "一插电吹风就冒火花，插座该换了",
    "一只狗被困在下水道里出不来",
    "谁说三楼着火了？我刚上去看了，好好的",
    "那个阿姨被120接走了，家属也去了",
    "刚才那个冒烟是在烧落叶，已经被制止了",
    "我梦见楼里着火了，吓醒了",
    "住了二十年，一次煤气泄漏都没有过",
    "鞭炮的火星溅到车棚上了，还好没着",
    "电梯困人自救三招，大家收藏一下",
    "玩游戏的时候，游戏里的大楼着火了，关卡太难",
    "遇到楼道有烟，先关门，别乱跑",
    "修好了，水管爆的那段已经换了",
    "插座旁边的墙角渗水，麻烦物业看看",
    "天台边上的栏杆松了，摸着晃，麻烦修一下",
    "卷帘门压着的那个纸箱谁的，拿走一下",
    "电梯门开着的时候别让孩子扒门",
    "燃气公司说没事，检测过了，大家放心",
    "楼上在焊防盗窗，火星子溅到我家窗台上了，下次能不能提前说一声",
    "3号楼电梯门开着就往上走，太吓人了，赶紧报修",
]


@pytest.mark.parametrize("text", URGENT)
def test_urgent_in_our_own_phrasings(text: str) -> None:
    assert rules_urgent(text)


@pytest.mark.parametrize("text", NOT_URGENT)
def test_look_alikes_are_not_urgent_by_the_rules(text: str) -> None:
    assert not rules_urgent(text)
