"""Seventh-session attack on the sensitive flag, written before any rule change (with look-alikes).

Before (main at a458092): the rules flagged 17 of the 39 sensitive messages and
`understand()` (rules + the model) 25; 2 of the 30 look-alikes by the rules and 4 in all. After the
families added to `bot/understand/sensitivity.py`: rules 29, in all 37; look-alikes 0 by the
rules, 2 in all (the model, at p 0.55 and 0.60: a child crying at a vaccination, a child made to
stand in class). The two sensitive messages still missed are listed in ``KNOWN_MISSES``.
"""

from __future__ import annotations

import pytest

from bot.config.understanding import default_taxonomy
from bot.understand import understand

TAXONOMY = default_taxonomy()

SENSITIVE = [
    "我闺女脸上又有伤了，问她她说是撞门上的，女婿那人喝了酒就不对劲",
    "楼上那家男的天天半夜摔东西骂人，女的哭着说别打了别打了",
    "对门的阿姨跟我说她儿子管她要钱，不给就推她，她胳膊上都是手印",
    "我前夫又在楼下堵我，说不复婚就弄死我全家，我不敢下楼",
    "我家那口子把我手机砸了，不让我出门，我现在是借邻居手机发的",
    "隔壁小孩大冬天光着脚站在楼道里，说他妈妈不让他进屋",
    "邻居家保姆趁家里没人就拿拖把打老太太，我在阳台上看见的",
    "我婆婆被她女婿关在小房间里，饭都是从门缝塞进去的",
    "我爸一喝酒就拿皮带抽我，我今年初二，不知道该找谁",
    "我真的撑不住了，这段时间一直在想怎么结束，对不起爸妈",
    "最后一次在群里说话了，谢谢这些年大家照顾",
    "我把这几年攒的安眠药都放在床头了，今晚不想再醒来",
    "楼顶天台上有个姑娘在哭，站在护栏外面，我上去她叫我别过来",
    "家里的刀都被我藏起来了，我怕我控制不住自己",
    "我不想再拖累孩子们了，这病治不好，活着就是受罪",
    "伊讲伊勿想活了，刚刚还在阳台上吹风，我有点吓",
    "我老公掐着我脖子说要我死，孩子在旁边吓傻了，现在他出去了我该怎么办",
    "楼下那家老是传来小孩的惨叫，还有大人骂“打死你个小兔崽子”，已经半个小时了",
    "我女儿说补课老师摸她，她不敢告诉她爸",
    "帮我朋友问一下，她老公长期打她，她想离婚但怕报复，社区能帮忙吗",
    "隔壁每天晚上都有打孩子的声音，孩子哭得撕心裂肺的",
    "我舅舅把我外婆的退休金卡拿走了，外婆现在连买菜的钱都没有",
    "我妈被我爸打得住院了，我现在在医院，家里还有个弟弟没人管",
    "我老公又动手了，这次把我推下楼梯，腿摔青了",
    "他说再报警就把孩子带走让我再也见不到",
    "室友最近一直说活着没意义，今天把自己锁在卫生间不出来",
    "儿子的继父不让他吃晚饭，罚他跪在门口",
    "楼道里听到一个女人在喊救命，是7楼那家，男的在里面吼",
    "I think my neighbour's husband is beating her, I hear screaming every night",
    "wo lao gong you da wo le",
    "我不想活了",
    "我手上那些疤是自己弄的，最近又想划了",
    "老公把我锁在门外，我穿着睡衣在楼道里冻了一个小时",
    "那个孩子身上好多烟头烫的印子，我在游泳池看见的",
    "她说每次她爸喝醉了就进她房间，她才十二岁",
    "我已经写好了给孩子的信，放在抽屉里",
    "隔壁奶奶说她孙子打她，不给钱就把她推到墙上",
]

# Not flagged, and why (kept so that a change that catches them shows up here).
KNOWN_MISSES = {
    "八楼那个独居的小伙子好几天没出门了，外卖堆在门口，敲门也没反应": "urgent welfare check, not a disclosure",
    "五楼那个小男孩一个礼拜没上学了，他家大人好像不在，晚上灯都不开": 'left: "大人不在" also describes children merely playing alone',
}

LOOK_ALIKES = [
    "今天加班到十一点，累得想死",
    "笑死我了，这个视频里的狗想逃跑",
    "我家孩子不写作业，气得我想打他屁股，还是忍住了",
    "电视剧里那个婆婆太坏了，天天虐待儿媳妇",
    "两个小孩在楼下玩打仗游戏，一个拿水枪追着另一个",
    "楼下两口子吵架吵了一晚上，声音好大，能不能小点声",
    "刚才看新闻，说有个男的家暴被判了，大快人心",
    "这破手机又卡死了，气死我了",
    "狗狗做错事被我骂了一顿，现在躲在沙发底下",
    "我家老头子又跟我抢遥控器，我要打死他哈哈",
    "考试又没考好，不想活了😭（开玩笑",
    "楼下有两个男的因为停车打起来了，保安去拉了",
    "家里的菜刀钝了，有没有磨刀的师傅",
    "我妈让我减肥，说不减就不给我饭吃，太狠了哈哈",
    "这天热得人想死，空调又坏了",
    "宝宝半夜哭，哄了好久才睡",
    "小区里那只流浪猫被人打了，腿瘸了，谁干的这么缺德",
    "老公出差了，一个人带两个娃累到崩溃",
    "楼上小孩天天跑跳，烦死了",
    "今天在医院抽血，针扎了三次，疼死了",
    "看了部电影叫《消失的她》，太吓人了",
    "奶奶走了三年了，今天是她生日，好想她",
    "昨天楼下有人喝醉了在喊，后来他家人把他扶回去了",
    "孩子们在游乐区摔了一跤，膝盖破了点皮，没事",
    "我闺女今天第一次自己做饭，差点把锅烧了",
    "楼上那家装修，天天砸墙，吵死人",
    "我老婆管钱管得紧，我想买个鱼竿都不让哈哈",
    "今天心情不好，想一个人待会儿",
]

# Flagged by the model alone (p 0.55 / 0.60 at the 0.3 threshold chosen by CV): the cost of
# learning the flag, stated here rather than hidden.
MODEL_FALSE_ALARMS = [
    "我儿子又被老师罚站了，说他上课说话",
    "孩子打疫苗哭得好惨，我心疼死了",
]


@pytest.mark.parametrize("text", SENSITIVE)
def test_sensitive_messages_are_flagged(text: str) -> None:
    assert understand(text, TAXONOMY).sensitive


@pytest.mark.parametrize("text", LOOK_ALIKES)
def test_look_alikes_are_not_flagged(text: str) -> None:
    assert not understand(text, TAXONOMY).sensitive
