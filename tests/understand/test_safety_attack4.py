"""Safety rules, sixth round: an attack in ground the earlier ones did not cover, written
before any rule was changed: messages forwarded from someone else, a child or an elderly
person typing (voice input with slips), dialect (Sichuan, Cantonese, Shanghainese, northern),
Traditional script, English and pinyin, no punctuation, the alarm at the end of a long
message, a message that only says where and who; with look-alikes (drills, the past,
hypotheticals, films, jokes, all-clears, elsewhere, forwarded warnings).

After them: 67 of 67 by the rules, 7 of 7 and 22 of 22; no look-alike urgent by the rules (one
by the model: :data:`NOT_URGENT_BY_THE_RULES`). The lists after the first five were written
after the rules, in other phrasings of each family changed, with look-alikes of each.

Before the sixth-round rules (main at ``e0caf89``): the safety rules alone found 48 of the 67
urgent messages (``understand()`` 53), 5 of the 7 sensitive messages going on now were urgent,
14 of the 22 sensitive messages were flagged; 2 of the 46 look-alikes were urgent by the rules
(4 with the model), none of the 6 not-sensitive ones was flagged.
"""

from __future__ import annotations

import pytest

from bot.config.understanding import default_taxonomy
from bot.understand import safety, understand
from bot.understand.lexicon import lexicon_for
from bot.understand.normalise import normalise


def urgent_by_rules(text: str) -> bool:
    norm = normalise(text)
    scan = lexicon_for(default_taxonomy()).scan
    return safety.urgent(norm, scan(norm), scan=scan)


URGENT = [
    # forwarded from someone else
    "转发我妈的语音：电梯卡在7楼 她和小孙子在里面 灯也灭了",
    "帮邻居发一下：她家老头子早上出去买菜到现在没回来，有点老年痴呆，穿灰色夹克",
    "【转】5栋楼下有人晕倒了 保安快去看看",
    "我同事住咱们小区 她刚打电话说闻到好大一股煤气味 在12栋三楼 她不敢开灯",
    "转自8栋群：8栋地下室冒黑烟了 大家别下去",
    "我女儿发微信说她被关在4单元电梯里了 手机快没电了",
    # a child typing
    "叔叔阿姨 我妈妈倒在厨房了 叫她她不说话",
    "我是5楼的小明 我家着火了 我害怕",
    "电梯不动了 我一个人 好黑 我要妈妈",
    "我弟弟不见了 他才4岁 刚刚还在滑梯那",
    "有人在打我妈妈 快来 2栋301",
    # an elderly person, voice input with slips
    "我老头子摔倒在厕所地上起不来了 脑袋出血了 谁能来帮帮忙",
    "一楼那个煤气管子在呲呲响 味道好冲",
    "店梯坏在半当中 我在里头 出不去",
    "楼道里有烟 好呛 看不清楚 是几楼着了",
    "我老伴在卫生间跌倒了 爬不起来 我拉不动他",
    # dialect
    "我屋头老汉儿摔了一跤 脑壳在流血 爬不起来咯",
    "𨋢卡咗喺半路 入面有個阿婆",
    "有人跌咗落楼梯 唔郁喇",
    "俺家那口子在电梯里困住了 咋整啊 叫了半天没人来",
    "阿拉屋里厢着火了 快点来人",
    "樓下有人打交 仲拎住把刀",
    "個仔唔見咗 頭先仲喺樓下玩",
    # Traditional script
    "三樓走廊全是煙 有人被困在屋裡出不來",
    "電線掉在地上還在冒火花 小孩在旁邊玩",
    "我爸在浴室昏倒了 叫不醒 快叫救護車",
    "樓上一直往下丟東西 剛才差點砸到人",
    # English and pinyin
    "help!! my dad fell in the bathroom and hit his head, there's blood",
    "smoke coming out of 302 building 6, nobody answering",
    "the lift is stuck between 8 and 9 and there's an old lady inside",
    "someone is throwing bottles from the roof right now, kids below",
    "wo ma shuai dao le qi bu lai",
    "there's a man with a knife in the car park shouting at people",
    "water is pouring through the ceiling onto the sockets, sparks everywhere",
    "dianti diao xia qu le, wo he haizi zai limian",
    # no punctuation
    "快来人啊6栋楼道着火了烟好大我们下不去",
    "我家孩子放学到现在没到家电话手表也打不通都快八点了",
    "车库里水一直往上涨我车里还有人出不来",
    "有个老人躺在小区门口一动不动叫他也不应",
    # only where and who
    "3号楼电梯 有人 出不来",
    "7栋1单元电梯 里面一个老人一个孩子 快来人",
    # new phrasings by family
    "厨房一股臭鸡蛋味 打火机都不敢点",
    "燃气表那里在漏气 嘶嘶的响",
    "对面楼窗户里在冒火苗 好像没人在家",
    "垃圾房烧起来了 火苗蹿得老高",
    "楼下电瓶车自燃了 火已经窜到二楼了",
    "烟从门缝底下往里钻 我出不去了",
    "消防通道门锁死了 楼道里都是烟 我们下不去",
    "我外公有痴呆 趁我们不注意开门走了 一个多小时了找遍了小区",
    "孩子在小区里找不着了 穿蓝色校服 8岁 大家帮忙留意",
    "有个送外卖的从电动车上摔下来 躺在路中间不动了",
    "老太太在台阶上跌了 腿好像断了 站不起来",
    "楼上水管爆了 水从我家天花板灯那里往下浇",
    "地库进水了 水到腰了 还有人在里面挪车",
    "楼上正往下扔花盆 砸到一辆车了 底下还有小孩",
    "外墙瓷砖一块块往下掉 楼下就是幼儿园门口",
    "电线杆上的线断了垂下来 一直在噼啪冒火花",
    "楼道配电箱冒火星子 还有焦糊味",
    "楼下两伙人拿着棍子在打 有人头被打破了",
    "有个男的在砸车 还要打保安",
    "电梯停了 我婆婆在里面 她有心脏病 喘不上气",
    "停车场一辆车里锁着个小孩 哭得满脸通红 车主不在",
    "小区人工湖里有人落水了 在扑腾",
    "有个男的坐在天台边上 腿都伸出去了",
    "宝宝吃东西噎着了 脸都憋红了 不会弄",
    # the alarm at the end of a long message
    "跟大家说个事，最近物业费的账目我看了一下，有好几笔说不清楚，绿化养护一年花了八万多，"
    "可是小区的草坪一半都黄了，树也没人修剪，还有门口那个道闸，坏了修修了坏，每次都收维修费。"
    "我打算下周约几个业主一起去物业办公室问问，有兴趣的可以私聊我。另外停车场的灯也该换了，"
    "晚上黑乎乎的，老人孩子走路都不方便。还有快递柜那边堆满了纸箱，也没人收拾，下雨天泡烂了"
    "一地都是。我今天去物业那问了一下，前台说经理不在，让我明天再去，真是服了。"
    "说着说着闻到楼道里一股很重的煤气味，越来越浓了",
    "今天孩子的作业又是一大堆，数学卷子两张，语文还要背课文，英语要打卡，我下班回来陪到"
    "十点多还没写完，老师还在群里催交。周末还有兴趣班，钢琴和画画，一节课两百多，一个月下来"
    "光兴趣班就好几千。有没有家长知道附近哪里有便宜一点的托管班，下午能帮忙看作业的，最好"
    "就在小区里，走路能到。我们家老人身体不好，接送不方便，我和我老公都要上班。对了还有，"
    "小区门口那家文具店关门了，买个本子都要跑好远。哎呀不说了 楼下好像有个小孩掉进水池里了",
]

SENSITIVE = [
    "我爸又喝醉了 拿皮带抽我 我好怕",
    "我不想活了 这次是真的",
    "楼上那家天天打孩子 今天孩子哭着说不要打了",
    "老公掐着我脖子不放 我刚跑出来",
    "活着太累了 想从楼上跳下去算了",
    "隔壁那个小女孩被她后爸关在门外 一天没吃饭了",
    "我婆婆被她儿子推倒了 头撞到桌角",
    "他把我手机砸了 不让我出门 还说要打死我",
    "我老公又打我了 我不敢回家",
    "my husband hit me again, I am hiding in the bathroom",
    "转一个姐妹的话：她老公天天打她 身上都是伤 不敢报警",
    "有个小孩被绑在阳台上 哭了好久了",
    "我割了手腕 血止不住",
    "吃了一整瓶安眠药 跟大家说声再见",
    "我继父半夜进我房间 我好害怕",
    "楼下那家男的在打老婆 听见她在喊救命",
    "孩子身上都是烟头烫的疤 是他妈妈弄的",
    "wo bu xiang huo le",
    "俺男人又动手了 把俺打得鼻子流血",
    "我儿子又问我要钱 不给就打我 我七十多了",
    "隔壁保姆打老人 我在楼上看见了 拿拖鞋抽",
    "好想消失 已经写好遗书了",
]
# sensitive messages that are urgent too (violence or self-harm going on now)
SENSITIVE_URGENT = [
    "我爸又喝醉了 拿皮带抽我 我好怕",
    "老公掐着我脖子不放 我刚跑出来",
    "my husband hit me again, I am hiding in the bathroom",
    "我割了手腕 血止不住",
    "吃了一整瓶安眠药 跟大家说声再见",
    "楼下那家男的在打老婆 听见她在喊救命",
    "俺男人又动手了 把俺打得鼻子流血",
]

NOT_URGENT = [
    "转发：消防演练通知 明天下午3点 5栋模拟着火 请大家配合",
    "我妈说她小时候在老家被困在电梯里一次",
    "孩子说想玩消防员救火的游戏",
    "电梯坏了好几天了 爬楼累死 物业赶紧修",
    "电梯卡卡的 有点异响 里面没人 麻烦看看",
    "电梯里有人抽烟 烟味好大",
    "我家猫不见了 两天了 谁看到一只橘猫",
    "老人家出去晨练了 十点回来吃饭",
    "孩子去同学家玩了 晚点回来",
    "外卖小哥摔了一跤 没事 自己起来走了",
    "楼上漏水 滴到我家天花板 麻烦看看",
    "昨晚下雨车库进了点水 今天已经排掉了",
    "吵死了 楼上装修砸墙一上午",
    "经常有人往楼下扔垃圾 物业管管",
    "电线老化了 希望物业更换一下",
    "打火机别让孩子玩 容易着火",
    "今天学校教了火灾逃生 孩子回来演示给我看",
    "小区群里有人说煤气涨价了",
    "我们单元燃气报警器装好了 师傅说没问题",
    "孩子发烧了 39度 谁家有退烧药借一点",
    "電梯又壞了 物業什麼時候修",
    "the lift is out of order again, please fix it",
    "anyone seen my cat? grey tabby",
    "dianti huai le",
    "哈哈哈我家娃把自己卡在沙发缝里了 拔出来了",
    "看了个电影 主角被困在电梯里 吓死我了",
    "妈妈在电梯里 马上上来",
    "电梯里好热 空调也不开",
    "楼下火锅店好香 馋死了",
    "我老公今天做饭 厨房烟雾缭绕 哈哈",
    "昨天那个走丢的孩子已经找到了 谢谢大家",
    "刚才消防车来了 是误报 大家放心",
    "楼上阳台的花盆放得太靠外 怕掉下来 麻烦提醒一下",
    "我家孩子又打碎了一个碗 气死我了",
    "我儿子打篮球摔了一跤 膝盖擦破点皮",
    "奶奶腿脚不好 下楼梯要人扶",
    "水管有点渗水 不急 有空来看看",
    "地下车库有个窨井盖松了 小心别踩",
    "听说隔壁小区电梯掉下来了 吓人",
    "电动车别在楼道充电 万一着火就麻烦了",
    "转发：冬季防火安全常识 请大家注意用电",
    "转发朋友圈：某地一小孩被困电梯 家长注意",
    "带孩子打疫苗 哭得撕心裂肺",
    "晚上在阳台上看烟花 好漂亮",
    "我爸在电梯里等我 你们先走",
]
# Not urgent by the rules; the shipped model (``e0caf89``) still adds urgency to it, which only
# retraining can change.
NOT_URGENT_BY_THE_RULES = ["我爸刚才在电梯里给我打电话说他到楼下了"]
NOT_SENSITIVE = [
    "老公打呼噜吵得我睡不着",
    "我快被老板逼疯了",
    "带孩子打疫苗 哭得撕心裂肺",
    "这题做不出来 头都要炸了",
    "我家孩子又打碎了一个碗 气死我了",
    "奶奶腿脚不好 下楼梯要人扶",
]


@pytest.mark.parametrize("text", URGENT)
def test_urgent_by_the_rules_however_it_reaches_the_group(text: str) -> None:
    assert urgent_by_rules(text)


@pytest.mark.parametrize("text", SENSITIVE)
def test_sensitive_however_it_is_said(text: str) -> None:
    assert understand(text, default_taxonomy()).sensitive


@pytest.mark.parametrize("text", SENSITIVE_URGENT)
def test_violence_or_self_harm_going_on_now_is_urgent_too(text: str) -> None:
    assert urgent_by_rules(text)


@pytest.mark.parametrize("text", NOT_URGENT)
def test_look_alikes_are_not_urgent(text: str) -> None:
    assert not understand(text, default_taxonomy()).urgent


@pytest.mark.parametrize("text", NOT_URGENT_BY_THE_RULES)
def test_look_alikes_are_not_urgent_by_the_rules(text: str) -> None:
    assert not urgent_by_rules(text)


@pytest.mark.parametrize("text", NOT_SENSITIVE)
def test_look_alikes_are_not_sensitive(text: str) -> None:
    assert not understand(text, default_taxonomy()).sensitive


# Written after the rules: other phrasings of each family they changed or added.
URGENT_FAMILIES = [
    # bare wires where children go, wires lying in water
    "配电箱盖子没了 铜线裸露着 小朋友天天在旁边跑",
    "单元门口的电箱开着 电线都露在外面 好几个孩子在那摸",
    "地下室的电缆泡在积水中",
    # the facade coming down over people, or more of it loose
    "外墙砖一直往下掉 底下是人行道",
    "楼顶的广告牌在往下掉渣 下面都是人",
    "招牌被风刮下来了 差点砸到人",
    # fire spreading, smoke coming in
    "火已经烧到三楼了",
    "车棚里一辆电动车自燃了",
    "门缝里往里灌烟 我们出不去",
    # choking
    "孩子被果冻噎住了 说不出话",
    "老人吃汤圆噎着了 脸都紫了",
    # Cantonese: a fall, a lift
    "阿婆喺楼梯跌咗 起唔到身",
    "𨋢入面有个阿伯 卡咗好耐",
    "我老头子在电梯里困住了",
    # weapons, hitting someone's kin, smashing cars
    "门口有个醉汉挥着铁棍",
    "那个男的在打我爸 快报警",
    "有个人在砸车窗",
    "那人喝多了扬言要砍人",
    # water rising with people in it; a confused elderly person searched for
    "地库的水还往上涨 车里有人",
    "奶奶有老年痴呆 下午自己出去了 找遍了小区也没找着",
    # English and pinyin
    "grandpa fell off the ladder and there's blood everywhere",
    "a guy holding a knife at the north gate",
    "ye ye shuai dao le bu dong le",
]
SENSITIVE_FAMILIES = [
    "我女儿被她舅舅乱摸",
    "孩子被绑起来打",
    "她老公把她打得住院了",
    "my boyfriend beats me when he drinks",
    "我奶奶被她孙子推倒在地上",
]
NOT_URGENT_FAMILIES = [
    "电线露出来了 物业来包一下",
    "如果电线露出来 小孩碰到很危险",
    "外墙瓷砖掉了几块 已经围起来了",
    "秋天树叶一直往下掉 楼下都是落叶",
    "看新闻说有辆电动车自燃了 大家别把车推进家里",
    "吃饭噎着了 喝口水就好了",
    "我阿婆琴日跌咗 今日好返啲",
    "跟物业打交道真累",
    "赶紧打交警电话 车被堵了",
    "有人在打我电话 一直响",
    "孩子说要打他弟弟 被我说了一顿",
    "装修师傅在砸门框 吵死了",
    "我都老年痴呆了 钥匙找遍了也没找到",
    "楼上的油烟全灌进来了 烦死",
    "墙皮一直往下掉，粉末掉得满楼梯都是，返潮太严重",
    "cut the cake with a knife, party at 7 in the clubhouse",
    "blood test tomorrow morning, can anyone drive me?",
]
NOT_SENSITIVE_FAMILIES = [
    "电梯按钮被人用烟头烫坏了",
    "xiang si le, ni shen me shi hou hui lai",
    "孩子把爷爷的手机摸了个遍",
]


@pytest.mark.parametrize("text", URGENT_FAMILIES)
def test_urgent_in_other_phrasings_of_the_families(text: str) -> None:
    assert urgent_by_rules(text)


@pytest.mark.parametrize("text", SENSITIVE_FAMILIES)
def test_sensitive_in_other_phrasings(text: str) -> None:
    assert understand(text, default_taxonomy()).sensitive


@pytest.mark.parametrize("text", NOT_URGENT_FAMILIES)
def test_look_alikes_of_the_families_are_not_urgent_by_the_rules(text: str) -> None:
    assert not urgent_by_rules(text)


@pytest.mark.parametrize("text", NOT_SENSITIVE_FAMILIES)
def test_look_alikes_of_the_families_are_not_sensitive(text: str) -> None:
    assert not understand(text, default_taxonomy()).sensitive


# From the false alarms of the new writers' files (read after their figures were recorded):
# each narrowing with the urgent message it must keep.
NARROWED = [
    (
        "电梯今早又困人了，快递员在里面关了四十分钟，现在放出来了",
        "电梯困人了，快递员关在里面四十分钟了，还没放出来",
    ),
    ("有一点点焦味，转了一圈没找到，现在没有了", "有焦味，越来越浓了"),
    ("门铃冒火花，啪啪响，现在雨停了不响了，得修", "门铃一直在冒火花，啪啪响"),
    ("师傅说是热水器漏电，跟楼里没关系，大家别担心", "热水器漏电了，手碰到发麻"),
    ("燃气表那段软管都老化开裂了，谁负责换", "燃气管被挖断了，一股味儿"),
    ("充电桩的线被车压断了，还漏电吗不知道", "充电桩漏电，手碰到麻麻的"),
    ("灯坏了，晚上找钥匙孔都找不到", "我儿子到处找不到了"),
    ("围栏倒了一截，小孩能直接跑到马路上", "小孩一个人跑到马路中间了"),
    ("楼上在砸墙，我家天花板裂缝了", "楼上又在往下砸酒瓶"),
    ("拿螺丝刀拧一下，出水了就关", "楼下有人拿着刀追人"),
]


@pytest.mark.parametrize(("look_alike", "still_urgent"), NARROWED)
def test_a_narrowed_rule_keeps_the_urgent_message(look_alike: str, still_urgent: str) -> None:
    assert not urgent_by_rules(look_alike)
    assert urgent_by_rules(still_urgent)


# From the misses of the four later files, in other phrasings, with look-alikes.
URGENT_FROM_LATER_FILES = [
    "我妈说胸口疼 脸色煞白 一直冒冷汗",
    "雨太大了 水还在往屋里灌 我奶奶腿不好走不了",
    "地库水一直往里涌 里面还有人在推车",
    "两家人在楼下推搡起来了 保安快来",
    "我爷爷有老年痴呆 早上自己出门了 找了一上午没找到",
    "有个老人从台阶上滚下来了",
    "晾衣服的地方旁边有人烧东西 火星子乱飞 快烧到衣服了",
]
SENSITIVE_FROM_LATER_FILES = [
    "他又喝多了 说要捅死我",
    "我姐她丈夫刚才又动手了",
    "那男的拿着擀面杖追打他老婆",
    "我被他打了好多年了 不知道找谁",
]
URGENT_SELF_HARM_NOW = ["邻居说不想活了 在天台", "我朋友说活不下去了 现在跑到楼顶了"]
NOT_URGENT_FROM_LATER_FILES = [
    "消防来了，火灭了，就是烟味还很大，大家开窗",
    "医院说是心梗，放了支架，救回来了",
    "电梯困人维保二十分钟才到，这事必须追究",
    "是楼上小孩在往下扔东西，家长已经在批评了",
    "有一股塑料焦味，敲门没人，现在味道散了",
    "转一个寻人：别的街道一位老人走失（不是我们小区的，大家留意下）",
    "帮我问下：她找不到家里的猫了，白色的",
    "电梯一直往下掉的感觉 吓人",
    "防盗网全焊死了，着火了人怎么出来",
    "切割机搬到巷子里干活，火星乱飞，铁屑满地",
    "有人在天台上喝酒，还往下扔烟头，挂了好几天的垃圾也没人管",
    "跟对象吵架了 他说再也不动手帮我修东西了",
]


@pytest.mark.parametrize("text", URGENT_FROM_LATER_FILES + URGENT_SELF_HARM_NOW)
def test_urgent_from_the_later_files(text: str) -> None:
    assert urgent_by_rules(text)


@pytest.mark.parametrize("text", SENSITIVE_FROM_LATER_FILES + URGENT_SELF_HARM_NOW)
def test_sensitive_from_the_later_files(text: str) -> None:
    assert understand(text, default_taxonomy()).sensitive


@pytest.mark.parametrize("text", NOT_URGENT_FROM_LATER_FILES)
def test_look_alikes_from_the_later_files(text: str) -> None:
    assert not urgent_by_rules(text)


def test_thoughts_of_self_harm_for_days_are_sensitive_not_urgent() -> None:
    text = "楼下那个初中生这两天在天台上坐着哭，说不想活了"
    assert understand(text, default_taxonomy()).sensitive
    assert not urgent_by_rules(text)


# The rules-alone misses the model had covered, in other phrasings, with look-alikes.
URGENT_WITHOUT_THE_MODEL = [
    "我妈在家说心口疼 脸色发白 我在路上",
    "我邻居说她老公又喝多了打她 她躲在厕所里",
    "电梯停在三楼 里面的人说没事 就是门打不开 出不来",
    "垃圾桶里在冒烟 有人扔了烟头进去",
    "走廊里有人烧东西 烟越来越大",
    "他父亲下楼遛弯三个多小时没回来 电话也关机了",
    "我爷爷摔倒了 快来人",
    "有人在抢一个老太太的包 往东门跑了",
    "楼道里电线耷拉下来了 外皮都破了",
]
NOT_URGENT_WITHOUT_THE_MODEL = [
    "电梯停了一会儿 里面的人说没事 已经出来了",
    "手机摔了 屏幕裂了",
    "垃圾桶旁边有人抽烟",
    "超市抢购鸡蛋的人好多",
]
NOT_SENSITIVE_ADVICE = [
    "转：市妇联反家暴热线，有需要的可以打，会保密",
    "可以先带她去社区妇联，也可以直接报警，家暴不是家务事",
    "房东在老家，我帮你们打他儿子电话",
    "我老公神经衰弱要吃安眠药才能睡，楼上太吵了",
]


@pytest.mark.parametrize("text", URGENT_WITHOUT_THE_MODEL)
def test_urgent_without_the_model(text: str) -> None:
    assert urgent_by_rules(text)


@pytest.mark.parametrize("text", NOT_URGENT_WITHOUT_THE_MODEL)
def test_look_alikes_without_the_model(text: str) -> None:
    assert not urgent_by_rules(text)


@pytest.mark.parametrize("text", NOT_SENSITIVE_ADVICE)
def test_advice_and_a_phone_call_are_not_sensitive(text: str) -> None:
    assert not understand(text, default_taxonomy()).sensitive


def test_domestic_violence_said_plainly_is_still_sensitive() -> None:
    assert understand("隔壁家暴 男的一直在打她", default_taxonomy()).sensitive
    assert understand("他打他儿子打得好狠 一直在哭", default_taxonomy()).sensitive
    assert understand("她吃了一整瓶安眠药", default_taxonomy()).sensitive
