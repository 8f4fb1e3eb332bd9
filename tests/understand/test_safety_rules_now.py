"""Safety rules, third round: is it happening now, to a person? Each situation with
look-alikes that are not it.

Written from the training split's cross-validation misses after the third round of training
files (``train-now.tsv`` and others; ``bench/tune_model.py --errors``) and our own variations
of them; the held-out split was not read.
"""

from __future__ import annotations

import pytest

from bot.config.understanding import default_taxonomy
from bot.understand import safety
from bot.understand.lexicon import lexicon_for
from bot.understand.normalise import normalise


def urgent(text: str) -> bool:
    norm = normalise(text)
    scan = lexicon_for(default_taxonomy()).scan
    return safety.urgent(norm, scan(norm), scan=scan)


URGENT = [
    # someone in a lift that stopped, however said
    "电梯卡人啦 卡人啦 有没有管事的",
    "5号楼那部老电梯又卡人了，这次是个小学生，刚才听到他喊",
    "各位，我刚进电梯它就一抖停了，按开门键没反应，楼层显示是乱码，我该打哪个电话？",
    "刚刚上电梯，电梯嘎吱一声停了，灯灭了，现在只有应急灯，按钮没用",
    "我奶奶说她在电梯里，电梯不走，她不会用手机发语音，让我帮发",
    "4-1电梯里有人！！里面的大爷说心脏不舒服，赶紧的",
    "电梯里的报警器坏了，我按了十几次，一点声音都没有，我出不去",
    "有人在电梯里吗？我是被关的那个，已经按了好多次警铃",
    "电梯经常坏，今天又把我妈关在里面了，快来人",
    # a door that holds someone now
    "电梯门夹住了一个小孩的手，门关不上也开不了，孩子在哭",
    # missing, ill, not seen for days
    "刚才一个小男孩追着球跑出西门了，外面是大马路，家长在哪？",
    "俺家老头在楼下棋摊那倒了，喊不应，谁能帮着打个120",
    "车库里一个保安倒地上了，口吐白沫，谁会急救",
    "游乐区滑梯上一个小孩摔下来了，一直在吐，家长都吓傻了",
    "我是楼上1202的，我心脏好难受，家里就我一个，门我开着了，谁能上来一下",
    "对门大爷三天没开门了，门口一股味，电话也不接，我好怕出事，要不要报警",
    "802那家好几天没动静了，今天门缝里味道好重，苍蝇都有了",
    "我邻居刚给我发消息说她吃了一整瓶药，我敲她门没人开",
    # gas, smoke, fire, water and electricity
    "谁家漏煤气了？我们这一层全是味",
    "有股臭鸡蛋的味 是不是漏没气了 好吓人",
    "好大一股气味，我婆婆在家晕晕乎乎的，我先把她扶到楼道了",
    "一股子糊味儿还带黑烟 打哪儿来的 赶紧看看",
    "现在楼道里的烟浓得看不见安全出口的绿灯了",
    "我屋头灶台的油锅着了 盖子盖不住 咋整",
    "谁家烧糊了？不是烧饭那种，是烧电线的味，很刺鼻",
    "楼上的水从我家天花板灯那里往下流，灯还亮着，我不敢关开关",
    "楼上装修的把水管打穿了，水顺着墙往我家插座里流，插座在冒泡",
    "地下室进水很快，水已经到膝盖了，里面还有个老人在收拾东西",
    # from a height, now or about to fall on people
    "楼上有人扔花盆，就掉在我脚边，碎了一地，就现在",
    "风太大了，7楼那家的窗框整个松了在晃，随时要掉下来，楼下还有人在走",
    "大风把顶楼的广告牌吹得哐哐响，一半已经脱落了，下面是停车场和人行道",
    "阳台的玻璃护栏裂开了，往外倾，上面还站着人在晾衣服",
    # violence and dogs
    "停车场两帮人在打群架，有人拿着钢管，吓死人了",
    "楼下停车的两拨人吵着吵着掏出棍子来了",
    "快点报警，有人拿着扳手在砸我家门，说要进来弄死我",
    "狗咬人了！！咬到一个小孩！！",
    "有条狗在追着孩子咬，孩子摔地上了，谁家的狗快出来",
    "救命啊 快来人 有人晕倒了",
    # terse, English, Cantonese
    "4-1 电梯 有人 困",
    "6-3-1502 老人 倒地 快",
    "Help! I am stuck in 电梯 with my baby, 7号楼, door not open",
    "Smoke!! 楼道里有 smoke，很多，please call 119",
    "部𨋢停咗喺半路，我个孙仔喺入面喊紧，点算呀",
    "我在电梯里面，刚才它突然急停，把我甩到墙上了，门开不了，呼叫按钮没人接",
    "保安大哥请注意，一个戴眼镜的老爷子可能往河边走了，他记不住家，家属在找",
    "健身区有个大叔从单杠上摔下来了，后脑勺着地，现在不说话了",
    "地下室积水了，水里泡着一个插线板还通着电",
    "楼上的水从我家吊顶灌下来了，墙上插座都湿了，好怕漏电",
    "我家那个电表箱的门掉了电线都露在外面小孩子够得着",
    "有人闻到塑料烧化的味道没有？我们家窗户外面全是灰烟",
    "我真的撑不下去了 今晚就想从窗户跳下去 对不起大家",
    "楼下那家大人出门打工把两个小娃儿锁在屋头好几天了，娃儿趴窗子喊饿",
]

NOT_URGENT = [
    # stairs, switches and slides are no lift; a door complained of; a lift that trapped before
    "楼道灯开关在楼梯最里面，进门摸不着，能不能换成感应的",
    "4单元的楼梯灯开关被人拆了，灯也不亮",
    "2号楼电梯的消防迫降开关盖子被人撬开了，按钮露在外面",
    "关于我楼电梯加装工程停工半年的投诉，井道都挖好了，现在成了积水坑",
    "电梯门关得特别慢，还老是夹人",
    "投诉点替门夹人，感应器不灵，今天早上差点把我家小孩夹了",
    "电梯这个月困了三次人了，每次都是维保来了重启一下就完事，能不能彻底修一修",
    "電梯最近常常停，上禮拜還困過人，管理處要不要好好修一下",
    "我爸那天在电梯里被关了二十分钟，出来以后还跟人家维保师傅聊了半天，心真大",
    "请质监局检查一下盛世嘉园的电梯，经常故障困人",
    "上礼拜困人的那部电梯，修好之后又坏了两次",
    # things, not people, missing; a speaker going out
    "谁家有体温计借一下，孩子好像有点发烧，家里那个找不到了",
    "停车难啊！！下班回来转三圈都找不到位置",
    "1号楼的疏散指示灯全不亮，停电了都找不到出口",
    "家里有失智老人的可以去社区领防走失手环，免费的",
    "我奶奶有老年痴呆，我想下午出去办事两小时，有没有阿姨能帮我看着她",
    "求助：家里猫跑出去了，橘色的，在7栋附近走丢的，大家看到了告诉我一声",
    "第一次在群里发言，想说谢谢物业帮我找回了走丢的猫",
    # "对门王大爷一个人过，这两天没见他出门，谁有他家里人电话" moved to the urgent side by the
    # sixteenth-session convention (FORMAT.md: someone living alone unseen for days): test_attack16.
    "手機掉進水裡，放在米裡救了一晚上，居然活過來了",
    # smoke with a harmless source, cooking, a flowerpot on a ledge
    "楼下邻居天天在阳台抽烟，烟味全飘到我家，恳请物业劝导",
    "今天第一次做蛋糕，烤糊了，厨房一股焦味😅",
    "西区的一户人家在家里烧蜂窝煤取暖，烟囱从窗户伸出来，整栋楼都是烟味",
    "楼上那家把花盆摆在窗台外面，我说危险，她说我管得宽",
    # over, elsewhere, a reference to an event, a lesson, the law
    "那个水管爆的已经关阀了，水也扫干净了",
    "刚才水管爆的那户，物业已经关了阀门，水也扫干净了",
    "水管爆的事情早上处理好了，但我家地板泡坏了，这个谁赔",
    "早上电梯困人那个，维保说是停电导致的，人十分钟就出来了，没事",
    "刚才那个煤气味是楼下饭店的，我下去问过了，没事",
    "刚才那个着火是隔壁小区，我们这边没事",
    "刚才那个着火的说法是谣言，我下楼看了，是有人在烧烤",
    "楼下那个浓烟是婚车在放烟雾弹拍照，别紧张",
    "我们公司楼下那家奶茶店着火了，好在没人受伤",
    "我查了一下，高空抛物现在是入刑的，大家都注意点",
    "那个……我能问一下着火的时候湿毛巾到底要多湿吗",
    "尊敬的社区领导：楼梯间私拉电线充电，存在重大火灾隐患，恳请督促整改。",
    "三单元一楼的消防应急灯被人拆走了，发生火灾根本没法疏散",
    "刚才游戏里家着火了，我的小人全跑出来站着",
    # loose things with nobody below; rubbish thrown as a habit
    "四栋的阳台雨棚被风吹掉一半，挂在半空",
    "外墙的空调架锈得快掉了，是公共部分的架子，请物业排查",
    "有人往楼下扔烟头已经不是一天两天了，我家阳台的遮阳棚都烫出洞了",
    # "救命" as an exclamation, animals fighting, devices
    "救命，这道奥数题我真的不会，小学三年级的题啊",
    "我家那个扫地机器人又卡在沙发底下了，嘀嘀嘀叫个不停，像在喊救命",
    "刚才在路上看到两只流浪猫在打架，毛飞一地",
    "家里的猫和狗打起来了，猫赢了",
    "电动车充电棚今天开放了，以后大家别往家里带电瓶了",
    "关于楼道内违规停放电动车的第N次投诉",
    "每次下雨家里的漏电保护器就跳，整个单元都这样",
    "半夜汽车报警器一直响，也没人管",
    "有没有电瓶搭火线？车打不着了",
    "I think the fire drill is next Monday, the notice is on the door",
    "楼梯扶手松了，老人上下楼不方便",
    "这个月电费好贵，家里插座太多了",
    # jokes, figures of speech, lessons, a recovery
    "这个月业绩要是再完不成，老板要把我点火烧了哈哈",
    "玩游戏基地着火了，队友还在挂机，我真的栓Q",
    "小区门口那家饭店开业放鞭炮，别以为是着火了",
    "搬家搬得我快累晕倒了",
    "今天跟闺蜜逛街，走了三万步，脚底板要冒火了",
    "闻到煤气味记住：不开灯、不打电话、不点火，先开窗出门再打燃气公司",
    "那天我爸晕倒，多亏楼下的护士姐姐做了心肺复苏，今天出院了，特地来群里谢谢她",
]


SENSITIVE = [
    "我兒子成日打我，拎咗我啲錢，我唔敢同人講",
    "隔籬個細路成日俾佢阿爸打，今朝又見佢塊面腫咗",
    "那个那个二楼的老太太跟我讲她儿媳妇不给她饭吃还推她她身上都是伤",
    "听说楼上那个妹妹被她后妈关在阳台上一晚上没饭吃 大冬天的",
    "3楼那家男的又喝多了在打人，女的跑到楼道里了，脸上全是血",
    "楼下那个男的喝醉了拿着酒瓶追着他老婆打 孩子在旁边哭 快来人",
    "我老公喝醉了在家里砸东西，我和孩子躲在卫生间不敢出来",
    "說真的，我覺得自己是家裡的累贅，消失了大家都會輕鬆點",
]

NOT_SENSITIVE = [
    "我儿子成天打游戏，作业一个字没写",
    "我女儿推我去跳广场舞，说我老待在家里",
    "两个小孩在楼下打闹，声音有点大",
    "我老婆躲在房间里追剧，叫她吃饭都不出来",
    "今天追的那部剧终于大结局了，编剧出来挨打！",
    "最近股票跌得我都想从楼上跳下去了（开玩笑的",
]


def sensitive(text: str) -> bool:
    return safety.sensitive(normalise(text))


@pytest.mark.parametrize("text", SENSITIVE)
def test_sensitive(text: str) -> None:
    assert sensitive(text)


@pytest.mark.parametrize("text", NOT_SENSITIVE)
def test_not_sensitive_look_alikes(text: str) -> None:
    assert not sensitive(text)


@pytest.mark.parametrize("text", URGENT)
def test_urgent_now(text: str) -> None:
    assert urgent(text)


@pytest.mark.parametrize("text", NOT_URGENT)
def test_not_urgent_look_alikes(text: str) -> None:
    assert not urgent(text)


# Fourth round (CV misses after train-biggroup/giving/notices): pinned under something, a
# child out on an air-conditioner bracket, a gas pipe that smells.
URGENT_FOURTH = [
    "楼下单车那里有个送快递的大哥被门砸了，腿压住了出不来",
    "快来人，老人的脚卡住了拔不出，在楼梯扶手那",
    "11栋东边单元三楼！孩子在窗户外面的空调架上！",
    "我家孩子现在爬到空调架上了，不敢喊他",
    "天然气管道在外墙那一截锈得厉害，闻着有点点味，不算很重",
    "燃气表那里闻到一股味，刺鼻",
]
NOT_URGENT_FOURTH = [
    "车被压住了出不来，得叫拖车",
    "他的腿压住了出不来的那次，我们都吓坏了",
    "孩子在空调外机旁边的草地上玩",
    "孩子的风筝挂在空调外机上了",
    "空调架上有个鸟窝，孩子天天看",
    "燃气管道改造完，再也闻不到味了",
    "万一燃气管道闻到味怎么办",
    "燃气管道昨天闻到味，燃气公司来修好了，现在没味了",
]


@pytest.mark.parametrize("text", URGENT_FOURTH)
def test_urgent_fourth_round(text: str) -> None:
    assert urgent(text)


@pytest.mark.parametrize("text", NOT_URGENT_FOURTH)
def test_not_urgent_fourth_round_look_alikes(text: str) -> None:
    assert not urgent(text)
