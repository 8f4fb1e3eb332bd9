"""Eighteenth-session rules, in the lead's own phrasings (not the training files' lines):
choking, a dog that bites a child and holds on, live metal people touch, a gas hob that will
not shut off, a ceiling cracking now, a child fallen from play equipment who does not get up,
emergencies typed in English; a call to the group (快叫, 大家快, 谁在家) that makes a story of
elsewhere ours. Each has a look-alike the rules now leave alone: a question asked ahead to
learn or to teach the family, someone who came round, memories of the old work unit, kin and
workplaces far away, a weak gas flame, a repair nobody came for."""

from __future__ import annotations

import pytest

from bot.config.understanding import default_taxonomy
from bot.understand import rules, understand
from bot.understand.normalise import normalise_words
from tests.understand.rules_only import rules_sensitive, urgency_tests

URGENT = [
    # Choking, with its signs or a call.
    "元宵节聚餐，一个大爷被汤圆噎住了，脸都憋紫了",
    "孩子吃葡萄哽住了，拍背拍不出来，快来人",
    "活动室有个阿姨吃年糕噎到了，说不出话",
    # A dog on a child now.
    "那条黑狗咬住一个小男孩的胳膊不放，主人不在",
    "狗咬到一个小姑娘了，在东门那边，快来",
    # Live metal, a hob that will not shut off, a ceiling cracking.
    "单元门的铁把手有电，我碰了一下手都麻了",
    "小区路灯杆有电，刚才一个孩子摸了被弹开",
    "煤气灶的开关坏了关不掉，一直在嘶嘶出气",
    "卫生间天花板在裂，咔咔直响",
    # Falls from play equipment that hurt.
    "有个小朋友从攀爬架上摔下来，躺着一动不动",
    "我女儿从秋千上摔下来了，胳膊弯成那样，疼得直哭",
    # English.
    "my son is choking on a candy, please anyone who knows first aid",
    "a dog just bit a little girl near the playground, she's bleeding",
    "the ceiling in our bathroom is coming down, water everywhere",
    # A story's opening, then a call to the group: ours.
    "刚下班回来，楼道里全是烟，大家快下楼",
    "我在外地出差，我妈一个人住，两天打不通电话，谁在家帮忙敲下门",
    "我闺女在外地上学，我一个人在家，突然胸口疼得厉害，喘不上气",
    "我有个同学在医院上班，我刚到家就闻到家里好大的煤气味",
    # The lead's attack after the held-out run: a job or a school, then home reached or the
    # neighbours upstairs; an all-clear that the danger outlasts.
    "我是护士，刚下夜班回来，楼道里有个老人倒地抽搐",
    "我是开出租的，刚停好车，地库里有辆车在冒烟",
    "我在饭店上班的，楼上邻居吵架动刀了",
    "电梯已经好了，刚才困了人现在又卡住了，里面有人",
    # A job named by someone met here is no story of the writer's job.
    "在电梯里碰到护士，她说3楼有人晕倒了",
    # A past time brought to now in the same clause; a workplace story that turns home.
    "两年前装的燃气管现在漏气了，味很大",
    "前年换的电线今天冒烟了",
    "今天有个乘客落了手机，我刚到小区就闻到很浓的煤气味",
    "年轻时候当过兵，现在3楼楼道全是烟，快下楼",
]

NOT_URGENT_BY_RULES = [
    # Asked ahead, to learn or to teach the family.
    "要是家里老人突然晕倒，第一步该做什么？想提前学一下",
    "电梯被困的话是先按警铃还是先打电话？想教一下孩子",
    # Come round.
    "刚才晕倒的那位阿姨，喝了点糖水就醒了，家属已经接回去了",
    # Memories and the old work unit.
    "有一年冬天宿舍楼着火，我们都穿着秋衣跑下来",
    "我年轻时候在锅炉房，到现在一闻到煤烟味就想起那些年",
    # Kin, workplaces and trips far away.
    "我儿子在部队，说他们营房昨晚有人触电，送医院了",
    "我们医院今天来了个从楼上摔下来的小孩，看得心疼",
    "去年暑假带孩子去海边，有个小孩溺水被救生员救上来了",
    "今天去银行办事，有个大爷排队时晕倒了，工作人员叫了救护车",
    "我孙女说她们学校有个同学被困在电梯里半小时",
    # A weak gas flame, a repair asked for and nobody come, a prevention leaflet.
    "这几天燃气灶火苗小小的，做个饭要半天",
    "独居的王奶奶打电话报修一个礼拜了都没人来，物业太不像话",
    "【安全提醒】冬天洗澡别太久，防中风，防摔倒",
    "真烧起来我们这种老楼跑都来不及",
    # Look-alikes of the new emergencies.
    "吃饭噎着了，喝口水就下去了",
    "孩子从滑梯上摔下来，哭了两声又跑去玩了",
    "铁门有电了，刷卡能开了",
    "等天花板塌下来砸到人才管吗",
    "No smoking from the balconies, please",
    "孩子湿疹，全身起红点，呼吸正常",
    "嘴唇肿了，说话有点大舌头，是不是上火",
    "癫痫犯了，吃过药了，已经好了",
    "开出租这么多年，今天头一回碰上乘客在后座晕倒，直接拉去医院了",
    "我在医院做保洁，一天能看见好几个摔倒送进来的老人",
    "三年前那场火灾的官司终于判了",
    "I got a shock when I saw this month's water bill",
]

SENSITIVE = [
    "她老公又拿着刀在屋里转，她躲在厕所里发消息让我报警",
    "楼下有个男的揪着女的头发打，女的一直在求饶",
    "对门阿姨说她儿子把她推下楼梯了，腿肿得老高",
    "邻居大哥发朋友圈说要做傻事，电话打不通",
]

NOT_SENSITIVE = [
    "他又拿起刀在院子里剁排骨，剁得咚咚响",
    "这周工作太多了，真想做个傻事辞职去旅游，哈哈",
]


test_urgent, test_not_urgent_by_the_rules = urgency_tests(URGENT, NOT_URGENT_BY_RULES)


@pytest.mark.parametrize("text", SENSITIVE)
def test_sensitive(text: str) -> None:
    assert rules_sensitive(text), text


@pytest.mark.parametrize("text", NOT_SENSITIVE)
def test_not_sensitive(text: str) -> None:
    assert not rules_sensitive(text), text


# A report however the model reads it: the speaker's own things stolen lately, a fault nobody
# has come to fix (the training files of trouble elsewhere taught the model "昨晚…被偷了" as a
# story). Not a theft long ago or recovered, an account taken over, nor a fault elsewhere or
# fixed since.
REPORTED_AS_SAID = [
    ("昨晚我停在车棚的自行车被偷了", "security"),
    ("物业可真行，走廊灯坏了十来天都没人管", "lighting"),
]
NOT_REPORTED = [
    "我的电瓶被偷了，后来在废品站找回来了",
    "我的微信号被盗了，大家别信借钱的消息",
    "之前水管漏了好几天都没人修，现在换了物业好多了",
    "我表姐那个小区，电梯坏了半个月都没人修，她们那边真惨",
]


@pytest.mark.parametrize(("text", "category"), REPORTED_AS_SAID)
def test_reported_as_said(text: str, category: str) -> None:
    got = understand(text, default_taxonomy())
    assert got.intent.value == "report" and got.category == category, got


@pytest.mark.parametrize("text", NOT_REPORTED)
def test_not_reported_as_said(text: str) -> None:
    # The rule does not make these reports (the model may still read one as a report).
    assert not rules.report_said(normalise_words(text)), text
