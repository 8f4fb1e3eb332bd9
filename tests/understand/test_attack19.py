"""Nineteenth-session rules, in the lead's own phrasings (not the training files' lines): a
person hit by a vehicle or pinned under it, someone breaking in, a child outside a window,
things thrown down onto people, an animal attacking, a collapse over people, fumes with their
symptoms, a burst pipe pouring, violence by its weapons and sounds, a child gone in a moment,
a lift ridden and stuck; a story, the news or a joke that turns to something here (结果, 话说回来,
不对); a place of ours or a call for help that makes a story of a workplace ours. Each has a
look-alike the rules leave alone: the past, a prediction, a habit complained of, a warning, a
dream, the news, kin and workplaces far away."""

from __future__ import annotations

import pytest

from bot.config.understanding import default_taxonomy
from bot.understand import understand
from tests.understand.rules_only import rules_urgent, urgency_tests

URGENT = [
    "快来人 5号楼门口一辆电动车把一个老太太撞倒了 起不来",
    "有人正在撬302的门，我在楼上看到了",
    "车库里一辆车倒车把一个小朋友撞了，在哭",
    "7栋一个小孩趴在窗台上，窗户没有护栏，家里好像没人",
    "有人从楼上往下扔酒瓶子 楼下全是小孩",
    "电动车撞了个老人 就在东门 人躺着不动",
    "今天在医院陪床，我老公打电话说家里燃气报警器一直响，他在公司回不去",
    "跑了一天车，回到小区门口看见3号楼冒黑烟",
    "学校里打电话说孩子没去上课，到现在联系不上，家里也没人",
    "我在医院上班，刚接到电话说我妈在家摔倒了起不来，谁在附近",
    "开车在外面，孩子给我打电话说家里着火了，我们住5栋1201",
    "夜班回来的路上闻到楼道里一股煤气味，特别冲",
    "今天学校放学，我家孩子到现在还没回来，电话也打不通",
    "我教的学生住咱们楼，刚才说他奶奶晕倒在家里了",
    "开车经过东门，看到一个老人倒在地上不动了",
    "5号楼门口一条大狗疯了一样见人就咬，已经咬了两个人了",
    "快来人，一条狗咬住一个小孩的胳膊不放",
    "车棚的棚顶塌了，底下有人在取车，被压住了",
    "我家楼上水管爆了，水哗哗往我家灌，快关总阀",
    "爸妈在屋里烧炭取暖，现在两个人都叫不醒",
    "车库里一辆车一直发动着，里面的人睡着了叫不醒",
    "楼道里一群马蜂围着一个小孩蜇，快拿东西",
    "我家小宝不见了，刚才还在楼下玩，我急得到处找",
    "西门有个醉汉拿着酒瓶子在砸车，还追着人打",
    "看了个电梯事故的新闻正心慌呢，结果刚才我们单元的电梯真停了，我妈在里面",
    "本来想跟大家聊聊团购的事，话说回来，3号楼楼道现在一股很重的煤气味",
    "我老家那边发大水，结果现在咱们地下车库也进水了，还有人在下面挪车",
    "我孙子困电梯里了，按铃没人应",
    "刚坐2号楼电梯下来，卡在半中间了，我和孩子都在里面",
    "电梯门夹住一个老人的胳膊，门一直开开合合一直夹",
    "有个男的拿着钢管在2单元门口追着人打",
    "楼下有个小孩哭着喊别打了，好像是用皮带抽",
    "带孙子在花园玩，一回头就不见了，四岁，穿蓝色外套",
    "我爸术后有点糊涂，刚才回来床上没人了",
    "有个人顺着水管往上爬，已经爬到四楼了",
    "刚收到邻居消息说不想活了，打电话也不接，谁能去敲敲门",
]

NOT_URGENT_BY_RULES = [
    "昨天小区门口一个小孩被车撞了，现在还在医院",
    "小区里车开这么快，迟早把小孩撞了",
    "我家车被撞了，后视镜掉了，谁看到了",
    "新闻说一个小孩被车撞了，大家看好孩子",
    "开车小心点，别把小孩撞了",
    "我梦见有人从阳台翻进来了，吓醒了",
    "上次那个小偷就是顺着水管爬上来的，大家关好窗",
    "电视剧里那个人说要跳下去，他老婆在阳台上拉着",
    "孩子在窗台上玩，装了防护网的，放心",
    "我老家那边有个老人被三轮车撞倒了，住院了",
    "这个路口经常有电动车撞倒老人，能不能装个减速带",
    "要是有人撬锁的话门会报警吗",
    "外卖小哥骑得飞快，差点把我撞倒了",
    "学校里今天消防演练，孩子回来说可好玩了",
    "送外卖的时候看到别的小区有人被困电梯，消防来了",
    "那条狗见人就咬，能不能管管，主人也不拴绳",
    "上个月我被楼下的狗咬了，打了五针狂犬疫苗",
    "小时候被狗追着咬过，现在看见狗就怕",
    "电视上说有个小区雨棚塌了，砸到人了",
    "这个雨棚锈成这样，哪天塌了压到人谁负责",
    "冬天烧炉子要注意通风，不然头疼恶心就是一氧化碳中毒了",
    "我家燃气报警器老是乱叫，也没味，是不是坏了",
    "去年那次水管爆了，水哗哗往下流，淹了三户",
    "水管爆了的话先关总阀再打物业电话",
    "楼上装修把水管打爆了，已经关阀了，现在没事了",
    "狗狗疯了一样在草地上跑，好开心",
    "暖气管漏水了，一直在滴，麻烦物业来看看",
    "我家猫不见了，急得我到处找，橘色的",
    "钥匙不见了，急得我在门口转圈",
    "我的快递没影了，快递员说放门口了",
    "昨天我儿子骑车出去，天都黑了还没回，后来才知道去同学家了",
    "小区门口那个卖菜的老头好几天没影了",
    "小李不见了一上午，原来是去开会了",
    "电视剧里那个男的拿着刀追着人砍，太吓人了",
    "以前有人拿砖头砸过我家车窗",
    "看了个电梯事故的新闻，结果那台电梯上个月才年检过，太吓人了",
    "我老家那边发大水，结果整个村都淹了，我妈说水退了",
    "听说有个小孩被困在电梯里，后来消防来了救出来了",
    "我家孩子小时候一回头就不见了，吓得我半死，后来在超市找到了",
    "有个小伙子唱歌说再见了，唱得挺好听",
    "搬家的时候不小心把邻居家的花盆碰倒了，已经赔了",
]


test_urgent, test_not_urgent_by_the_rules = urgency_tests(URGENT, NOT_URGENT_BY_RULES)


def test_a_farewell_ruled_urgent_stays_private() -> None:
    """Self-harm that the rules find urgent is still flagged sensitive when the model says so:
    the message speaks of ending a life (sensitivity.SELF_HARM_SAID)."""
    text = "刚收到楼下邻居的消息说不想活了，孩子拜托我照顾，打电话也不接，谁能先去敲敲门"
    u = understand(text, default_taxonomy())
    assert rules_urgent(text) and u.urgent and u.sensitive


@pytest.mark.parametrize(
    "text",
    [
        ("哈哈，对了隔壁" * 800)[:5000],
        ("看新闻说，结果刚才我们楼" * 400)[:5000],
        ("新闻说，不对，我们楼新闻说，结果隔壁" * 300)[:5000],
        "我老家那边" + ("，结果刚才我们楼着火" * 500)[:5000],
    ],
)
def test_thousands_of_turns_are_read_in_bounded_depth(text: str) -> None:
    """A message of thousands of turns once recursed until Python's limit (a RecursionError on
    the session's base) and, with the turn to here, took exponential time: each part is now
    judged at most two parts deep and on its first three turns."""
    u = understand(text, default_taxonomy())
    assert u.intent is not None
    if "着火" in text:
        assert u.urgent
