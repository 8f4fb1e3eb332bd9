"""Families of the walls file's misses (corpus6/train-walls.tsv: domestic violence, child
harm, self-harm and their look-alikes, read after its clean figures), tested in phrasings of
our own, not the file's lines: each family with messages it must flag and look-alikes it must
not (films, leaflets, jokes, games, strangers, the past, someone safe now).
"""

from __future__ import annotations

import pytest

from bot.config.understanding import default_taxonomy
from tests.understand.rules_only import rules_sensitive, rules_urgent

TAXONOMY = default_taxonomy()


SENSITIVE = [
    # a partner named in other words, or using something on her
    "我家里那位昨晚又动手了，我脸上还肿着",
    "她男人拿晾衣杆打她，我在楼下都听见了",
    "对面那家男的拿绳子勒他老婆脖子，快报警",
    # beaten for years, protection orders, injuries explained away
    "他打我打了十几年了，我现在才敢说",
    "这些年一直被他打，孩子也看在眼里",
    "请问人身安全保护令去哪里申请",
    "被打以后去医院验伤要挂什么科",
    "她胳膊又是伤，问她说是自己撞的，哪有这么巧",
    # threats heard through the wall
    "隔壁男的在吼再哭我就弄死你，孩子一直在哭",
    "楼上男的说你敢走我就打断你的腿",
    "隔壁女的一直喊放开我放开我",
    # an old parent hurt, robbed, shut out or neglected by kin
    "我外婆被我舅舅推倒了，手腕都肿了",
    "他孙子一来就打他要钱，老人不敢吭声",
    "她儿子回来就把老太太锁在房间里",
    "我二叔对我奶奶动手，还说是奶奶自己摔的",
    "老爷子瘫在床上，儿媳一天就给他一顿饭，背上都长褥疮了",
    "那个老太太又被赶出来了，坐在楼道里",
    # a child left alone, crying for hours, unfed, held under water, chased
    "隔壁的小孩一个人在家四天了，大人不知道去哪了",
    "对门的宝宝哭了两个多小时了，敲门没人应，大人电话也不接",
    "楼上大人都出去了，孩子在屋里一直哭",
    "他后妈不让他吃饱，孩子瘦得皮包骨",
    "我看见那个妈妈狠狠掐她女儿的胳膊",
    "孩子被他爸按在水盆里，呛得直咳",
    "那个男的追着打一个小男孩，孩子嘴角流血了",
    # heard next door
    "楼下又在打人了，这回是那个女的在哭",
    "隔壁那个男的喝醉了在砸东西，他老婆躲到我们家来了",
    # self-harm and farewells in other words
    "我在想从哪里跳下去比较不疼",
    "就想睡过去再也不醒了",
    "我已经吃了三十几片了，别管我",
    "她说要死给她老公看，现在在阳台上",
    "谢谢大家这些年的关照，我先走了",
    "活着太累了，今晚就解脱了",
    "我在天台上，别劝了，就想说声再见",
    "这世界没什么值得留恋的了",
]

NOT_SENSITIVE = [
    "那部剧里男主打老婆的情节太气人了",
    "社区今天发了反对家庭暴力的宣传单，大家可以领",
    "我是反家暴志愿者，有需要的可以私信我",
    "刷到一个视频，男的打老婆被抓了",
    "我儿子打游戏老喊杀了你杀了你，邻居别误会",
    "累死了，加了一天班，我想死",
    "刚才那句想死是发错群了，吐槽老板的",
    "楼上有人在练说唱，一直喊要杀了你，太吵了",
    "催债的在门上贴了字条，写着不还钱弄死你，物业撕一下",
    "有个男的在打一个女的，她一直喊我不认识你，保安快来",
    "我以为楼上在打孩子，其实是在拍被子",
    "有人拿棍子抽流浪狗，太残忍了",
    "股票又跌了，想跳楼（不会的）",
    "我外婆被舅舅接去住了，挺好的",
    "谢谢大家这些年的照顾，我们下周搬家了",
    "天台上有人在晒被子，谁家的",
    "孩子一个人在家写作业，我一会儿就回去",
]

# Told as the past, as a habit, or by someone safe now: sensitive, not urgent.
NOT_URGENT_NOW = [
    "以前他经常打我，后来我报警了，现在已经分居",
    "之前被我老公打过，现在住在我妈家，挺好的",
    "我奶奶说她儿子掐过她，她不敢报警",
    "有没有人能让我今晚住一晚，家里那个又动手了，我不想回去",
    "前段时间听说那个孩子被他妈烫了手，现在手上还缠着纱布",
]
# Violence or a fight told as past or habit, and sounds that were something else: not urgent.
NOT_URGENT = [
    "昨晚两个车主为了车位打起来了，物业到现在也没说法",
    "那条狗总是追着小孩咬，孩子们都不敢去玩",
    "孩子打针怕疼，抱着护士喊救命，大家都在笑",
    "楼上看电视声音太大，全是打打杀杀喊救命的",
    "窗户没关好，半夜以为有人在砸门",
    "有没有会心肺复苏的邻居教一下，我想学学",
]
# Farewells and violence now: urgent.
URGENT = [
    "谢谢大家这些年的关照，我先走了，药都准备好了",
    "我在天台上，别劝了，就想说声再见",
    "已经吃了二十几片了，不想被救",
    "对面的男的正在勒他老婆脖子，快报警",
    "他把我和孩子锁在家里了，孩子高烧他不让去医院",
    "孩子被关在门外了，光着脚，外面零下",
]


@pytest.mark.parametrize("text", SENSITIVE)
def test_walls_families_are_sensitive(text: str) -> None:
    assert rules_sensitive(text)


@pytest.mark.parametrize("text", NOT_SENSITIVE)
def test_walls_look_alikes_are_not_sensitive(text: str) -> None:
    assert not rules_sensitive(text)


@pytest.mark.parametrize("text", NOT_URGENT_NOW)
def test_abuse_told_as_past_or_from_safety_is_sensitive_not_urgent(text: str) -> None:
    assert rules_sensitive(text)
    assert not rules_urgent(text)


@pytest.mark.parametrize("text", NOT_URGENT)
def test_past_fights_and_misheard_sounds_are_not_urgent(text: str) -> None:
    assert not rules_urgent(text)


@pytest.mark.parametrize("text", URGENT)
def test_farewells_and_violence_now_are_urgent(text: str) -> None:
    assert rules_urgent(text)
