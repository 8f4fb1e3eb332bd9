"""Seventeenth-session rules, in the lead's own phrasings (not the training files' lines): a
lift falling with the speaker in it, someone about to jump or at a roof's edge, a drunk on an
awning, bars being cut or a lock picked now, a battery exploding, flames shooting out, a gas
flame out with the gas on, a worker hanging still, a neighbour unseen for a whole week in
Cantonese. Each has a look-alike the rules now leave alone: a burnt pot, a paper plane, a
small flame on the stove, a projector, a car that started, the old debate on helping a
fallen stranger, a clarification that it was us."""

from __future__ import annotations

import pytest

from bot.config.understanding import default_taxonomy
from bot.understand import understand
from tests.understand.rules_only import assert_urgent, rules_sensitive, rules_urgent

URGENT = [
    "电梯正在往下坠，我按了所有楼层都没用，卡在15楼和16楼之间了",
    "5号楼天台上有个人要跳，快报警",
    "顶楼有个人一直往边上走，已经走到最边缘了",
    "一个喝醉的人爬上了一楼的雨棚，站都站不稳",
    "有两个人在剪2楼的防盗网，不像是住这的",
    "门口有人一直在拨锁芯，我一个人在家",
    "有个人踩着空调外机在往4楼窗户爬",
    "楼道里充电的电池炸了，大家快下楼",
    "厨房灶台上窜出火来了，我压不住",
    "隔壁燃气灶的火灭了，气还开着，走廊都是味",
    "擦玻璃的工人挂在半空不动了，喊他也没反应",
    "楼上阿伯成个礼拜冇见佢落楼，门口啲报纸堆晒",
    "我在电梯里闻到好浓的煤气味，不知道是不是正常的",
    # Second batch (quiet signs, hard negatives in dialect).
    "电梯卡在两层中间，里面有人在敲，我问话里面没人回答",
    "3楼那户的门锁有人在撬，那家人出差了",
    "一楼那家的防盗窗被锯开了，屋里有手电的光在晃",
    "车库里汽油味越来越重，不知道哪辆车漏了",
    "走廊里一股电线烧焦的味道",
    "同事刚发来“救救我”，然后再打就关机了，她住7栋",
    "我妈的手环发了摔倒报警，打她电话一直没人接",
    "楼上漏水，我家电闸那边都湿了",
    "对面楼有人坐在窗台上，腿都悬在外面",
    "楼下那辆电单车着咗火，烟好大",
    "有人在撬对门那家的门，快叫保安",
    "有个人顺着雨棚往二楼窗户爬",
    "我爸昨晚视频还好好的，今天他的手环发了跌倒警报，电话没人接",
    # Third batch (emergencies not named).
    "快打120！",
    "救命！！",
    "后厨火呼呼的，烟囱都烧红了",
    "电梯里有人！快来",
    "抓小偷！他进了我家",
    "防盗窗被人剪开了一半，人还在那弄",
    "扶梯把孩子的鞋卷进去了，脚还在里面",
    "外墙一直往下掉瓷砖，下面是人行道",
    "我不想活了，窗户打开了",
    "有个陌生人翻进了院墙，在推各家的窗户",
    "我婆婆摔了一跤，头上出学了，快来人",
    # Trouble elsewhere that turns out to be ours.
    "我在外地上班，刚才邻居说我家在冒烟，10栋502，谁帮忙看一下",
]

NOT_URGENT_BY_RULES = [
    "做饭又烧糊了，满屋子焦味，熏死我了",
    "刚才我儿子从窗户往下扔了个纸飞机，已经说过他了",
    "天冷燃气压力小，灶上火苗只有一点点",
    "周六晚上我带投影仪在草坪上给孩子们放电影",
    "充电宝自带电线，很方便",
    "谢谢帮我搭电的邻居，车总算打着火了",
    "老人摔倒了该不该扶？这事吵了好多年",
    "这个手表摔倒了会自动报警，挺适合独居老人",
    "滑梯下面是水泥地，孩子摔下来就是头破血流，希望铺个垫子",
    "刚才群里说的燃气味那事是我家，已经关了阀门了",
    "楼上总往下扔烟头，我家雨棚烫了好几个洞",
    "那个寻人启事不是咱们这的，大家别转了",
    "自行车棚最近老有人撬锁，我家的车又丢了",
    "两家为了鞋柜吵了一上午，都快打起来了，谁来劝劝",
    "每到周末就有孩子往下扔水球，砸到人怎么办，家长管管",
    "我们那个年代厂里着火，大家都拎着水桶上",
    "被老板当众批评，脸都烧起来了",
    "追剧到三点，眼睛都冒火星了",
    "电工师傅说插座冒过火花的最好换掉",
    "老底子阿拉屋里烧煤球炉，烟老大",
    "火锅冒烟了，快来吃",
    "那部电视剧女主跳楼那段看哭了",
    "孩子又找不到了，原来躲在床底下睡着了",
    "楼顶边上坐着的是修防水的师傅，系着安全绳的",
    # Trouble elsewhere: a station, a relative's workplace, a broadcast, a book, a night shift.
    "刚从外地回来，火车站门口有个老人晕倒了，好多人在帮忙",
    "我姐在医院当护士，说最近煤气中毒的特别多",
    "在出租车上听广播，城西一个仓库着火了",
    "我在读一本讲老北京的书，里面写胡同着火全靠邻居拎水",
    "我们车间今天有根管道漏气，嘶嘶响，停工了",
    # The lead's attack on the session's new patterns.
    "炉子火呼呼的，屋里暖和多了",
    "饺子锅烧红了也没关系",
    "楼顶有个人在晒被子，走到最边上收衣服",
    "有个大爷坐在栏杆上，腿悬在外面钓鱼",
    "汽油味越来越大，是隔壁修车铺在喷漆",
    "上次我妈晕倒，邻居喊快叫救护车",
    "我外婆在养老院，说她们那层有个老人走丢了，后来找到了",
]


def test_an_errand_asked_for_someone_who_stays_in_is_no_emergency() -> None:
    # The sixteenth session's false alarm left: a span of silence with an errand asked for.
    for text in (
        "奶奶三天没下楼了，腿疼，谁能帮忙买点菜送上去",
        "我妈腰扭了两天没下楼，谁方便帮她带点菜送上去",
    ):
        got = understand(text, default_taxonomy())
        assert not got.urgent, text
        assert not rules_urgent(text), text


NOT_SENSITIVE = [
    "打孩子解决不了问题，还是要多沟通",
    "孩子们玩捉迷藏，我家老二躲在柜子里半天没出声",
    "热水器漏电，我碰了一下被打得胳膊发麻",
]


# The lead's attack on the seventeenth session's story forms: the writer away or at work, the
# emergency at home or in the estate (each was read as a story of elsewhere until OUR_ESTATE
# learnt the writer's own home reached or called about).
AWAY_BUT_OURS = [
    "坐高铁回来，刚进小区门就闻到很重的煤气味",
    "从外地回来，一开门家里全是烟",
    "我在超市上班，我妈打电话说家里漏水漏到电箱了",
    "小时候的玩伴今天来找我，结果在电梯里被困了",
    "开车路过北门，看到有个老人倒在地上不动",
    # An errand asked as the way to check on someone unreachable is no reason for the silence.
    "我爸三天没接电话了，谁能帮我买点药送上去看看他",
    "我妈一个人住，两天联系不上了，谁能帮忙买点菜送上去敲敲门",
    # All-clears of the session said with the danger still there (the lead's attack).
    "那股味是我家的煤气灶漏的，现在越来越大了，怎么办",
    "工人系着安全绳挂在半空不动了，喊他也不回应",
    "我上去看过了，里面全是烟，门打不开",
    "孩子原来躲在柜子里，现在叫不醒了",
    "隔壁女主人在家里摔倒了起不来",
    # "打着火" (a car started) is read before the word only, never from the end of the text.
    "着火了快来人，我在楼下打",
]


@pytest.mark.parametrize("text", URGENT + AWAY_BUT_OURS)
def test_urgent(text: str) -> None:
    assert_urgent(text)


@pytest.mark.parametrize("text", NOT_URGENT_BY_RULES)
def test_not_urgent_by_the_rules(text: str) -> None:
    assert not rules_urgent(text), text


@pytest.mark.parametrize("text", NOT_SENSITIVE)
def test_not_sensitive(text: str) -> None:
    assert not rules_sensitive(text), text


def test_the_harmless_throw_needs_nothing_smouldering() -> None:
    # A cigarette end thrown down that set something alight is still urgent.
    assert rules_urgent("有人往下扔烟头，掉在我家阳台的纸箱上，现在还在冒烟")
    # Water balloons hurt: not harmless like water.
    assert rules_urgent("有小孩正在楼上往下扔水球，刚才差点砸到人")
