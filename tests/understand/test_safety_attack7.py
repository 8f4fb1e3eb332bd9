"""Seventh-session attack on urgency, written before any rule change, with look-alikes.

Ground the earlier attacks did not cover: carbon monoxide and coal stoves, a baby in a hot car,
drowning, a dog attacking now, a lift door open on an empty shaft, icicles and ice, someone
struck by something that fell or fallen into a manhole, someone who fainted somewhere.
Before (main at f8fbbfa): the rules found 28 of the 40 urgent messages and `understand()` 36;
1 of the 30 look-alikes was urgent by the rules and 2 in all. After the families added
(`situations.SHAFT_OPEN`, `STRUCK`, `FELL_IN`, `FAINTED`; advice "注意一氧化碳中毒" read as
advice; a burnt meal is a harmless source of smoke): rules 34, in all 40; look-alikes 0.
"""

from __future__ import annotations

import pytest

from bot.config.understanding import default_taxonomy
from bot.understand import understand

TAXONOMY = default_taxonomy()

URGENT = [
    "我家煤炉子生着火睡觉，我婆婆现在头晕想吐，站都站不稳",
    "楼下老两口烧炭取暖，早上叫门没人应，屋里一股炭味",
    "燃气热水器洗澡洗着洗着我老公晕在卫生间了，脸发红",
    "一氧化碳报警器一直在叫，我家孩子说头疼",
    "车库里一辆车里关着个小婴儿，车窗关着，太阳晒着，大人不知道去哪了",
    "游泳池里有个小孩沉下去了，救生员不在！",
    "小区水池里有个孩子掉进去了 在扑腾",
    "一条大黑狗在咬一个小孩，孩子倒地上了，在中心花园，快来人",
    "楼梯间有个大爷躺在地上一动不动，叫他没反应",
    "4单元电梯门开了里面没有轿厢，黑洞洞的，有个小孩在门口探头",
    "2栋电梯门自己打开了 下面是空的 差点有人踩进去",
    "冰溜子掉下来砸到人了，头上出血，在3号楼门口",
    "房檐上的大冰溜子在往下掉，下面有小孩在玩雪",
    "楼道里水管冻爆了，水喷得到处都是，已经漫到电表箱了",
    "有个小孩在六楼开着的窗户边爬，窗户没有防护栏",
    "我家老人在结冰的台阶上摔了，起不来，腿好像断了",
    "小区人工湖冰面裂了，有个孩子掉进去了",
    "暖气管爆了，开水喷到我奶奶身上了，烫伤了",
    "地下室有人晕倒了，好像是煤气，味道很大",
    "快递柜旁边一个外卖小哥突然倒地抽搐",
    "有人从楼上往下扔花盆，刚砸在我前面，还在扔",
    "三楼阳台着火了，火苗往上窜，四楼还有人",
    "电动车在楼道里炸了，整个楼道全是黑烟，出不去",
    "有个男的拿着刀在小区里追人，在北门这边",
    "我爸突然说不出话，半边身子动不了，在家里，120还没到",
    "孩子吞了一颗纽扣电池，现在在哭",
    "小孩把头卡在阳台栏杆中间了，拔不出来，在哭",
    "老太太被困在楼顶了，天台门被风吹上了，她穿得很少在喊人",
    "电梯掉了两层，我和女儿在里面，现在卡着不动",
    "楼下变压器冒火花，一个收废品的大爷好像被电到了，倒在旁边",
    "充电桩那边有人触电了，倒地上了",
    "我家孩子被门卡住手指了，血流不止",
    "井盖没了，一个骑电动车的人掉下去了",
    "外墙的瓷砖掉下来砸到一个路过的阿姨，她坐在地上",
    "有人在楼道里烧东西，烟很大，往楼上冒",
    "地库进水了，水已经到膝盖，还有车里坐着人",
    "我妈出去倒垃圾一个小时没回来，她有老年痴呆，电话不接",
    "孩子在小区里走丢了，穿红衣服，五岁，半个小时前还在滑梯那",
    "一个醉汉在砸车窗，还在砸，在地面停车场",
    "隔壁屋里传出呼救声，门锁着，敲不开",
]

LOOK_ALIKES = [
    "冬天用煤炉取暖一定要开窗通风，注意一氧化碳中毒",
    "一氧化碳报警器在哪里买？推荐一个",
    "新闻说隔壁小区有人烧炭中毒了，大家注意",
    "游泳池什么时候开放？孩子想去游泳",
    "昨天那条咬人的狗已经被主人拴起来了",
    "电梯门开了好久关不上，有点慢，能不能修一下",
    "冰溜子太长了，物业能不能找人打掉，怕掉下来砸人",
    "台阶结冰了，大家走路小心，物业撒点盐吧",
    "水管冻住了没水用，怎么办",
    "我家暖气漏水了，滴在地板上",
    "窗户没装防护栏，家里有小孩的装一下吧",
    "上周有个老人在台阶上摔了，后来送医院没事了",
    "楼道里有人抽烟，烟味很大",
    "消防演练：明天上午十点3号楼模拟起火，请大家配合",
    "电动车不要在楼道充电，容易着火",
    "看电视剧里有个小孩掉进冰窟窿，吓死我了",
    "孩子玩水把衣服弄湿了",
    "我家狗今天跟别的狗打了一架，没受伤",
    "变压器那边嗡嗡响，晚上有点吵",
    "充电桩坏了，扫码充不上电",
    "井盖松了，一踩就响，麻烦修一下",
    "外墙瓷砖有几块鼓起来了，会不会掉",
    "地库积水了，车开进去溅一身",
    "我妈去跳广场舞了，一会儿回来",
    "昨天走丢的那个孩子找到了，谢谢大家",
    "烟花放完了，满地纸屑",
    "刚才闻到一股焦味，原来是我家饭烧糊了",
    "电梯刚才卡了一下又好了，里面没人",
    "天台门老是被风吹上，能不能装个挡门的",
    "醉汉昨晚在楼下唱歌，吵死了",
]


@pytest.mark.parametrize("text", URGENT)
def test_urgent_messages_are_urgent(text: str) -> None:
    u = understand(text, TAXONOMY)
    assert u.urgent and u.intent.value == "report"


@pytest.mark.parametrize("text", LOOK_ALIKES)
def test_look_alikes_are_not_urgent(text: str) -> None:
    assert not understand(text, TAXONOMY).urgent
