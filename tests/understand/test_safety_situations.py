"""Safety rules, fifth round: urgent messages of our own in new phrasings, written before
any rule was changed (voice slips, dialect, Traditional script, English, pinyin, no
punctuation, a long message with the alarm at the end), with look-alikes for each family of
:mod:`bot.understand.situations`.

Before the fifth-round rules the safety rules alone found 27 of the 42 urgent messages below
(33 with the model's added urgency); the sensitive ones were found but for one.
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
    # a person in a lift that stopped: voice slips, dialect, Traditional, pinyin, English
    "救命 俺在点梯里头 它不动弹了 门也不开",
    "電梯卡住了 我女兒一個人在裡面 一直哭",
    "dianti kazhu le limian you ren",
    "7栋的梯往下出溜了一截停住了 我孙子在里边",
    "the lift in building 3 stopped between floors and my son is inside",
    "电梯突然往下掉了两层 现在停在那不动 我和宝宝都在里面 腿都软了",
    "有个外卖小哥被困电梯半个多小时了 物业电话打不通",
    "电梯门开了一半又卡死了 里面一个老太太出不来",
    "谁能打一下维保电话 我爸被锁在电梯里了",
    "电梯停电了 有个孕妇还在里面",
    "有人困咗喺𨋢入面 快啲嚟人",
    "快来人啊三号楼电梯掉下去了里面有人在喊救命",
    # fire, smoke, gas
    "3楼楼道浓烟滚滚 什么都看不见了 快打119",
    "我家厨房有股很冲的煤气味儿 头有点晕",
    "閣樓那邊冒煙了 好像是電線燒了",
    "fire in the bike shed downstairs!! 车棚那边",
    "the hallway smells strongly of gas, someone please come",
    "电动车在楼道里充电 刚刚砰的一声炸了 都是烟",
    "隔壁家门缝里往外冒烟 敲门没人应",
    "着火啦 快啲走 八楼",
    # pinned
    "地下车库的卷帘门把一个小孩压住了",
    # missing, overdue
    "我家囡囡刚才还在楼下滑滑梯 一转眼人没了 谁看到一个穿红衣服的小姑娘",
    "俺爹有点老年痴呆 早上出门遛弯 到现在都晌午了还没回",
    "my daughter is missing, 5 years old, last seen at the playground",
    "奶奶出去买菜三个多钟头了 手机也没带 平时半小时就回来",
    # falls and collapse
    "楼梯上有个老大爷滚下来了 头上全是血 一动不动",
    "我妈在卫生间滑了一下 起不来了 我一个人抬不动",
    "一个小孩从二楼阳台掉下去了",
    "someone collapsed in the lobby, not breathing",
    # water now
    "地下室水漫进来了 已经没过脚脖子了 还在往上涨 我爸还在下面搬东西",
    "楼上水管爆了 水像瀑布一样往下冲",
    # from a height
    "有人从楼上往下扔砖头 差点砸到我孩子",
    "楼上谁家往下扔玻璃瓶 就刚才 碎了一地 下面全是放学的孩子",
    # sparks and wires
    "配电箱在冒火花 噼里啪啦的",
    "大风把电线刮断了 掉在小区路上 还在冒火星",
    # violence
    "楼下有个男的拿着菜刀追人",
    "门口两个人打起来了 已经见血了",
    "有人在撬我家门 我在屋里不敢出声",
    # a child outside a window; a long rant with the alarm at its end
    "6楼那个小孩爬到窗户外头去了 大人不在家",
    "物业费又涨了我真是服了，去年说好的绿化一直没弄，楼道灯坏了三个月也没人修，"
    "保安天天在门岗玩手机，快递乱堆，停车位也被外面的车占着，业主群里说了多少次都没用，"
    "物业经理电话从来不接，开业主大会也开不起来，我真想搬走。对了刚才电梯里好像关了个人在拍门",
    # violence at home, now (sensitive too)
    "隔壁又在打孩子了 孩子一直在哭喊 叫得好惨",
    "我老公喝醉了又动手 我躲在厕所里不敢出来",
]

# Written after the rules, in other phrasings of each new family.
URGENT_FAMILIES = [
    # someone locked or still inside a lift that stopped
    "我婆婆被关在2号楼电梯了，按铃没人应",
    "电梯断电停了，有个快递员还在里头",
    "电梯卡死不动了，我们三个人都在里面",
    # a person fallen from a height
    "有个大爷刚才从三楼窗户摔下来了",
    "孩子从阳台上翻下去了！！快叫120",
    # pinned
    "柜子倒了 把我奶奶压在底下了",
    "车库顶上的板掉下来，有个保安被砸中了",
    # a slip and cannot get up
    "我爸在楼道里绊倒了 站不起来 谁来搭把手",
    "外婆滑了一跤坐到地上 动不了 一直喊疼",
    # overdue
    "我家老爷子下楼遛弯四个多小时了，电话打不通",
    "我妈有点糊涂 中午出门的 到现在还没回 大家帮忙看看",
    # water rising
    "车库积水还在往上涨，好几辆车里还有人",
    "一楼进水了 水已经淹到膝盖了 屋里还有个瘫痪的老人",
    # English and pinyin
    "Please help, my grandma is missing since this morning",
    "elevator dropped two floors and stopped, my kid is in there",
    "zhaohuo le! 5 hao lou",
    "jiuming kuai lai ren",
]

NOT_URGENT = [
    # a lift: past, habit, nobody inside, hypothetical, a drill
    "我妈以前被关在电梯里过一次，到现在都不敢坐",
    "电梯经常把人关在里面，物业管管吧",
    "电梯停电了，还好里面没人",
    "万一电梯停电了有人在里面，该按哪个按钮？",
    "演练通知：电梯困人，一名业主被困在电梯里，请配合",
    # a fall from a height: things, the past, the news
    "我家花盆从阳台掉下去了，还好没砸到人",
    "我手机从阳台掉下去了 摔坏了",
    "去年有个孩子从三楼阳台摔下来，大家一定要装防护网",
    "新闻说有个小孩从十楼窗户掉下去了",
    # pinned: figurative, a hold for an injection
    "孩子被作业压得喘不过气",
    "打针的时候把孩子按住别让他乱动",
    # a slip with no harm, a near miss, the past
    "我刚才滑了一下，还好扶住了",
    "路上结冰了 我滑了一下 差点起不来",
    # out and back, or not long
    "我妈出去旅游一个星期了还没回来呢 想她",
    "孩子出去上补习班了 两个小时后回来",
    "我爸出门钓鱼去了 手机没带 有事找我",
    # a flood with nobody in it is a drainage report: written as urgent before the rules,
    # moved here after the training files' labels were read (see docs/understanding.md)
    "地下室水漫进来了 已经没过脚脖子了 还在往上涨",
    "今天下暴雨，车库入口积水都快到脚脖子了",
    # water: prices, elsewhere
    "水费还在往上涨，这日子没法过",
    "看新闻说河水一直在往上涨，注意安全",
    # English and pinyin look-alikes
    "fire drill at 3pm tomorrow, please join",
    "the lift stopped again, nobody inside this time",
    "my son is missing his dad, who works in another city",
    "jiuming zhe ti tai nan le",
]

NOT_SENSITIVE = [
    "药都准备好了 明天带我妈去复查",
    "这周加班撑不住了 周末必须睡一天",
    "医生开的药我都吃了，好多了",
    "躲在家里吹空调，外面太热了",
]


@pytest.mark.parametrize("text", URGENT + URGENT_FAMILIES)
def test_urgent_however_phrased(text: str) -> None:
    assert urgent(text)


@pytest.mark.parametrize("text", NOT_URGENT)
def test_look_alikes_are_not_urgent(text: str) -> None:
    assert not urgent(text)


@pytest.mark.parametrize(
    "text",
    [
        "隔壁又在打孩子了 孩子一直在哭喊 叫得好惨",
        "我实在撑不住了 药都准备好了 今晚就走",
        "我老公喝醉了又动手 我躲在厕所里不敢出来",
        "楼上那家的小孩身上老是青一块紫一块的",
    ],
)
def test_sensitive(text: str) -> None:
    assert safety.sensitive(normalise(text))


@pytest.mark.parametrize("text", NOT_SENSITIVE)
def test_not_sensitive(text: str) -> None:
    assert not safety.sensitive(normalise(text))


def test_self_harm_with_the_means_ready_is_urgent() -> None:
    assert urgent("我实在撑不住了 药都准备好了 今晚就走")


# From the misses of train-corpus4 "threads" (measured first, then read), in our own words.
URGENT_FROM_THREADS = [
    # self-harm: the pills already swallowed, in any order
    "我撑不下去了，刚把一瓶药全吃了",
    "活不下去了 已经吞了好多药",
    # someone heard inside a lift
    "电梯里好像有个小孩在哭，一直在拍门",
    "2号楼电梯里还有人，在喊救命",
    # shut in behind a door that will not open (the lift may not be named)
    "我儿子一个人在里面，门打不开，他一直在哭",
    "门开不了，我妈还在里头，谁有工具",
    # alone behind a door, no answer or groaning
    "楼下独居的张大爷，敲了半天门没人应，电话也不接",
    "我听见对门门里头有人在哼哼，喊也不应",
]

NOT_URGENT_FROM_THREADS = [
    # water that rises whenever it rains
    "下雨天我们楼门口的积水能没过脚面",
    "一下雨车库积水就到脚踝，年年如此",
    # a door that will not open, nobody inside
    "车钥匙锁在里面了，门打不开，谁会开锁",
    "电梯里有人在打电话，声音好大",
    # alone and away
    "独居老人敲门没人应，原来去了女儿家，虚惊",
]

SENSITIVE_FROM_THREADS = [
    "楼下那家女的又被她男的推到地上了",
    "他拎着棍子追着他媳妇满院子跑",
    "我已经把药都吃了，别管我了",
]


@pytest.mark.parametrize("text", URGENT_FROM_THREADS)
def test_urgent_families_from_threads(text: str) -> None:
    assert urgent(text)


@pytest.mark.parametrize("text", NOT_URGENT_FROM_THREADS)
def test_look_alikes_from_threads(text: str) -> None:
    assert not urgent(text)


@pytest.mark.parametrize("text", SENSITIVE_FROM_THREADS)
def test_sensitive_from_threads(text: str) -> None:
    assert safety.sensitive(normalise(text))


# From the misses of the "inside" file (measured first, then read), in our own words.
URGENT_FROM_INSIDE = [
    # in a stopped or falling lift, said tersely or in passing
    "妹妹 我在电梯里 它不走了 你快来",
    "困电梯了 按铃没人理",
    "梯困 5栋 快",
    "电梯刚才突然往下坠了一截，吓死我了",
    "电梯卡住了。好黑 我好怕",
    "电体卡住了 我和孩子都在里面",
    "ele stuck, my baby inside, hurry",
    "wo zai dian ti li chu bu lai",
    # terse alarms
    "有火！！地库！！",
    "燃气！！3楼",
    "有人倒了 快来",
    # fire seen
    "对面楼阳台着了，火不小",
    "厨房的锅着了 盖不住",
    "隔壁窗户在冒黑烟",
    "门把手好烫，外面走廊全是烟",
    "成个楼梯间都系烟",
    # gas by its signs
    "燃气表一直滋滋响，屋里一股味",
    "楼道里有股味道，像是煤气，越来越重",
    # taken ill
    "我媳妇羊水破了，救护车还没到，谁能开车",
    "爷爷吃饭噎住了 脸色发紫",
    "我爸突然说不出话 嘴歪了",
    "我老公胸口痛得厉害 一直出汗 左手发麻",
    "宝宝高烧抽搐 眼睛往上翻",
    "有个阿姨倒在花坛边，说话不清楚",
    # a child who swallowed something
    "孩子把洗衣液喝了 怎么办",
    "我家娃不小心把纽扣电池吞了",
    # near misses and hanging
    "一块砖从我头顶擦过去了，楼上谁在干活",
    "玻璃从上面掉下来，离我就半米",
    "有个人扒在8楼阳台外面",
    # a child alone or in danger
    "有个小男孩一个人站在北门路边哭，没大人",
    "一个小朋友哭着找妈妈，在健身区",
    "有个孩子钻到车底下了，那车要倒车了",
    "车里锁着个孩子，车主不在，孩子在哭，太热了",
    # stuck
    "孩子的脚卡在电梯缝里了 拔不出来",
    "小孩手伸进风扇里卡住了 一直在哭",
    # water onto electricity, a silent room
    "水从吊灯里往下滴，灯还亮着",
    "楼上漏水顺着墙流，插座就在下面",
    "我妈在卫生间半天没动静了，门锁着",
    # missing and overdue (more kin words, more endings)
    "我弟弟放学没到家，平时五点就回了",
    "阿婆出去散步 到现在没消息",
    "我妈在超市跟我走散了 她记性不好",
    # self-harm announced for tonight
    "我真的撑不下去了 今晚就结束吧",
]

NOT_URGENT_FROM_INSIDE = [
    # lessons, films, memories, a rehearsal, a false alarm owned up to
    "科普一下：燃气本来没味道，那个臭味是加进去的",
    "油锅着火千万别用水泼，大家记住",
    "电影里那个困在电梯里的人是怎么出来的？",
    "被困电梯要背靠轿厢，等待救援",
    "老人摔倒了不要急着扶，社区医生讲的",
    "我小时候家里着过火，现在还怕",
    "刚才喊着火的是我家孩子在玩，吓到大家了，对不起",
    "楼下在排练话剧，有人喊救命别当真",
    # a reference or a question after the event
    "那个被困电梯的大爷现在怎么样了？",
    "被困电梯的小哥出来后还把外卖送了",
    "上次困了我半小时，被困电梯能不能索赔？",
    "我被困过一次电梯，后来都走楼梯",
    # asleep, cooking, a jump-started car, dumping rubbish
    "保安在岗亭里睡觉，叫都叫不醒",
    "炒菜火太大了，糊了",
    "谢谢帮我搭电，车着了",
    "有人倒了一大桶剩菜在花坛里",
    "我妈家燃气灶打不着火，是不是没电池了",
    # rain, habit, dead wires
    "下雨后门口积水到小腿，老人都绕着走",
    "墙上的线头露着，物业说是废线不带电",
    # violence at home told as last night's or a habit (sensitive, not urgent)
    "对门昨晚又在打老婆，哭了半夜",
    # figurative
    "工作被困住，感情也被困住，人生好难",
]


@pytest.mark.parametrize("text", URGENT_FROM_INSIDE)
def test_urgent_families_from_inside(text: str) -> None:
    assert urgent(text)


@pytest.mark.parametrize("text", NOT_URGENT_FROM_INSIDE)
def test_look_alikes_from_inside(text: str) -> None:
    assert not urgent(text)


def test_violence_at_home_last_night_is_sensitive_not_urgent() -> None:
    text = "对门昨晚又在打老婆，哭了半夜"
    assert safety.sensitive(normalise(text))
    assert not urgent(text)


def test_a_drunk_father_with_a_knife_is_sensitive() -> None:
    assert safety.sensitive(normalise("我爸喝多了在砸东西 拿着刀 我跟妈妈躲在房间"))


# From the misses of the "oldcompound" and "sixteen" files, in our own words.
URGENT_FROM_OLDCOMPOUND_SIXTEEN = [
    "我儿子刚刚打电话说活不下去了，他在5栋，我赶不过去，谁去敲敲门",
    "楼下工地的沟里掉进去一个人，在喊救命",
    "我妈突然中风了倒在厨房，120还没到",
    "车棚塌了，底下压着一个大爷",
    "单元门倒下来压着一个小孩的脚，拉不出来",
    "地上积水里泡着一根电线，刚才有人踩到说麻了一下",
    "楼道电线外皮破了铜丝露着，小朋友伸手就能摸到",
    "卫生间天花板鼓了个大包还裂了，快掉下来了",
    "有人在院子里烧电线皮，熏得我们头晕想吐，也不是着火就是一直烧",
]

NOT_URGENT_FROM_OLDCOMPOUND_SIXTEEN = [
    "楼道里堆满了纸箱，着火了跑都跑不出去",
    "那棵枯树的树枝掉下来会砸人，赶紧修剪吧",
    "电梯里空调坏了，夏天进去闷得喘不过气",
    "我爸今天火气大得要着火了，就为了输了一盘棋",
    "刚才差点夹到孩子的手，幸好没事",
    "电梯被困了十分钟，刚出来，维保说是门机故障",
    "刚才电箱闪了一下火花，现在不闪了，找人看看吧",
    "那只走丢的小狗找到主人了，谢谢大家",
    "昨晚有人在楼顶喝酒往下扔瓶子，今天早上一地碎玻璃",
    "我在外地，我妈家的网络断了联系不上，谁帮忙看看路由器",
    "老人爬楼心脏病犯了，已经送医院了，电梯赶紧修吧",
    "楼道电表箱没关，小孩伸手就能碰到闸刀",
]

SENSITIVE_FROM_OLDCOMPOUND_SIXTEEN = [
    "听到隔壁男的把他老婆往地上摔，女的一直哭",
    "对门的小孩又被赶出门了，光着脚在楼道哭",
    "我看到那个初中生胳膊上好多划痕，有点担心",
    "老太太说护工掐她，身上青一块紫一块",
    "楼上有人一直在打他孩子，孩子哭得喘不上气",
    "半夜总听到对门打孩子的声音",
]


@pytest.mark.parametrize("text", URGENT_FROM_OLDCOMPOUND_SIXTEEN)
def test_urgent_families_from_oldcompound_and_sixteen(text: str) -> None:
    assert urgent(text)


@pytest.mark.parametrize("text", NOT_URGENT_FROM_OLDCOMPOUND_SIXTEEN)
def test_look_alikes_from_oldcompound_and_sixteen(text: str) -> None:
    assert not urgent(text)


@pytest.mark.parametrize("text", SENSITIVE_FROM_OLDCOMPOUND_SIXTEEN)
def test_sensitive_from_oldcompound_and_sixteen(text: str) -> None:
    assert safety.sensitive(normalise(text))


# From the misses of the "elsewhere", "holiday" and "moving" files, in our own words.
URGENT_FROM_HOLIDAY_MOVING = [
    "我现在在天台 不想再活下去了 谢谢你们",
    "楼下装修把天然气管道挖断了，一股味",
    "消防管裂了，水喷得跟瀑布一样往楼下灌",
    "天台水箱破了，水顺着楼梯往下冲",
    "两个小孩坐在楼顶边沿上玩，谁快上去",
    "对面有个孩子趴在窗户上，半个身子探出去了",
    "有个陌生男的拉着一个小女孩往小区外面领，孩子在哭",
    "一条大狗在追咬一个老人，快来人",
    "有个小孩在河边玩，刚刚掉下去了",
    "孩子一个人在家，水管爆了，他在里面哭不敢开门",
    "电动车棚里有几辆车在冒烟，一股塑料烧焦的味道",
    "装修工人把泡沫板点着了，火往上窜",
    "楼上管子没接好，水哗哗往下漏，我家客厅已经淹了",
    "有个工人在外墙作业，安全绳断了，人挂在半空",
    "我儿子跟同学在电梯里玩，电梯停了不动，我在单位赶不回去",
    "楼下有个老太太被送快递的三轮车撞倒了，起不来",
    "楼上往下丢花盆！已经砸了两个，楼下都是人",
    "有个两岁的小孩自己在马路边走，光着脚，马上走到路中间了",
    "隔壁男的在打女的，孩子哭着喊别打了，已经二十分钟了",
]

NOT_URGENT_FROM_ELSEWHERE_HOLIDAY_MOVING = [
    # elsewhere: a home town, a company, a hotel, the metro, a film
    "我老家那边昨天有户人家电动车充电着火了",
    "公司电梯困人了，同事关了半小时才出来",
    "出差住的酒店半夜火警响了，原来是有人抽烟",
    "在地铁上看到有人晕倒，大家帮忙叫了120",
    "电影里的主角被困在电梯里两天",
    # figurative, things, animals
    "气到冒烟，快递又送错了",
    "我爸钓鱼把鱼竿掉水里了",
    "有人看到一只走丢的泰迪吗？棕色的",
    "孩子的电话手表找不到了，谁捡到了",
    "有没有人看到一只橘猫，我家孩子天天喂它",
    # a lift: mischief, a thing stuck, a habit, a false alarm
    "电梯里有小孩把所有楼层都按了，停了十几次",
    "搬家的在电梯里卡了个沙发，电梯停了一小时",
    "这部电梯这个月困人三次了，必须彻底检修",
    # tools, ideation, habits, the mother is coming
    "装修的在楼道用切割机，火花四溅",
    "今天又是被电钻吵醒的一天",
    "有时候真想从楼上跳下去，压力太大了",
    "楼道里堆满纸箱，一个火星就能着",
    "楼下哭着找妈妈的那个是我家的，我马上到",
    "谁帮我去学校接孩子，我老婆要生了，我在医院走不开",
]

SENSITIVE_FROM_ELSEWHERE_HOLIDAY_MOVING = [
    "有时候真想一了百了",
    "她胳膊上有好多淤青，问她就说是摔的",
    "邻居家的小孩说她后爸不让她吃饭",
    "我发现女儿用小刀划自己的手臂",
    "同学说她爸爸喝醉了就打她",
    "对门女生说她男朋友经常打她",
    "楼上一直有打人的声音，女的在哭",
]

NOT_SENSITIVE_FROM_ELSEWHERE_HOLIDAY_MOVING = [
    "中介朋友说生意不好，快吃不上饭了",
    "有个小孩站在阳台外面的空调架上！谁家的快回家",
    "电梯里有孩子拿脚踹门，门都被踹坏了",
]


@pytest.mark.parametrize("text", URGENT_FROM_HOLIDAY_MOVING)
def test_urgent_families_from_holiday_and_moving(text: str) -> None:
    assert urgent(text)


@pytest.mark.parametrize("text", NOT_URGENT_FROM_ELSEWHERE_HOLIDAY_MOVING)
def test_look_alikes_from_elsewhere_holiday_and_moving(text: str) -> None:
    assert not urgent(text)


@pytest.mark.parametrize("text", SENSITIVE_FROM_ELSEWHERE_HOLIDAY_MOVING)
def test_sensitive_from_elsewhere_holiday_and_moving(text: str) -> None:
    assert safety.sensitive(normalise(text))


@pytest.mark.parametrize("text", NOT_SENSITIVE_FROM_ELSEWHERE_HOLIDAY_MOVING)
def test_not_sensitive_from_elsewhere_holiday_and_moving(text: str) -> None:
    assert not safety.sensitive(normalise(text))


# From the misses of the "alone", "night" and "shops" files, in our own words.
URGENT_FROM_ALONE_NIGHT_SHOPS = [
    # someone down at home, seen or heard
    "从窗户看进去，老太太趴在地上不动",
    "家里监控看到我妈从早上就倒在卫生间地上",
    "我爸的手环发了跌倒报警，电话也不接",
    "卫生间里咚的一声，然后叫他也不答应",
    "敲了半天门没人应，屋里有股糊味",
    "按门铃没人开，里面电视还开着，老人一个人住",
    # falls, illness
    "外婆在楼下跌跤了，头磕出血了",
    "我爸摔在浴缸里起不来",
    "我妈突然说不出话了，一边的嘴歪了",
    "奶奶低血糖，浑身冒冷汗手抖",
    "停电了，我爸的呼吸机停了，备用电池只剩二十分钟",
    "老人痰卡住了，喘不过来",
    "我爷爷腿摔断了，救护车还没来",
    "谁家有速效救心丸，隔壁阿姨胸口疼",
    # missing, wandering
    "有没有人看见我外公，吃完早饭出门到现在没回，他有点糊涂",
    "门口有个老爷爷迷路了，说不清住哪",
    "一个喝醉的男的在车流里晃，快拉他一下",
    # fire, gas, water onto electricity
    "我家燃气灶一直开着没点着火，一屋子味",
    "烧烤店的排烟管道着了，火往外冒",
    "隔壁把纸箱点着了，火顺着墙往上烧",
    "棋牌室里烟味不对，不是烟头那种，是烧电线的焦味",
    "楼上的水从吊灯口往下灌",
    "电线破了铜丝露着，地上全是积水",
    # pinned, a lift between floors, someone on a roof edge
    "千斤顶倒了，车压到了师傅的腿",
    "电梯停在8楼和9楼中间，里面有个老人",
    "楼顶上站着一个人，在边上走来走去",
    # violence now
    "有人在砸我家的门，一直在骂，我一个人在家",
    "楼下那男的在打老婆，孩子在哭",
    "刚才地下室着火了，我踩灭了一次，但他还在接着烧",
]

NOT_URGENT_FROM_ALONE_NIGHT_SHOPS = [
    "今天没人走丢没人摔倒，平安",
    "老人是低血糖，人已经送走了，大家别乱传",
    "摔了一下，能站起来，没大碍",
    "楼门口没人值班，老人走丢了都没人看见",
    "我爸家的水管爆了个小口，一直在渗",
    "整栋停电了，我家制氧机不能用，啥时候来电",
    "建议家里常备速效救心丸",
    "修车铺在门口焊东西，火星子乱溅",
    "饭店门口烧纸钱拜神，有时候还有火星",
    "全场清仓跳楼价，都喊了三个月了",
    "刚下完雨，商业街积水没过脚踝",
    "刚才的烟味是外面烧秸秆，不是咱们楼的，放心",
    "充电线泡在雨里还有人在充，真不怕出事",
    "刚才冒烟是烧烤店排烟，现在没事了，但是能不能管管",
    "楼顶门没锁，有小孩跑上去玩，太危险了",
    "我妈刚才视频的时候说腰疼，明天去医院看看",
]

SENSITIVE_FROM_ALONE_NIGHT_SHOPS = [
    "她儿子喝了酒就打她",
    "儿子拿着棍子在打他妈",
    "护工趁家里没人打老人，监控拍到了",
    "她儿子把她的退休金卡拿走了，她饿得去捡菜叶",
    "孙子说要掐死奶奶",
    "外婆说舅舅来要钱，不给就动手",
    "外婆说她不想拖累我们，把家里的药全吃了",
    "老师拿尺子打孩子手心，手都肿了",
    "她脸上经常带伤，问她她说是自己摔的",
]

NOT_SENSITIVE_FROM_ALONE_NIGHT_SHOPS = [
    "隔壁骂我们老不死的，就因为助行器放在楼道",
    "请大家记住：遇到老人说不想活了，先陪着",
    "我儿子在打电话给他爸",
]


@pytest.mark.parametrize("text", URGENT_FROM_ALONE_NIGHT_SHOPS)
def test_urgent_families_from_alone_night_and_shops(text: str) -> None:
    assert urgent(text)


@pytest.mark.parametrize("text", NOT_URGENT_FROM_ALONE_NIGHT_SHOPS)
def test_look_alikes_from_alone_night_and_shops(text: str) -> None:
    assert not urgent(text)


@pytest.mark.parametrize("text", SENSITIVE_FROM_ALONE_NIGHT_SHOPS)
def test_sensitive_from_alone_night_and_shops(text: str) -> None:
    assert safety.sensitive(normalise(text))


@pytest.mark.parametrize("text", NOT_SENSITIVE_FROM_ALONE_NIGHT_SHOPS)
def test_not_sensitive_from_alone_night_and_shops(text: str) -> None:
    assert not safety.sensitive(normalise(text))


_FILLER = "我跟大家说说这个小区这些年的情况，住了十年了，邻居们都很好，过年还一起包饺子。"


def test_a_long_message_is_judged_sentence_by_sentence_when_one_sentence_calls_it_off() -> None:
    # A film or a video named in one sentence does not silence an alarm in another.
    text = "昨天刷到一个视频，挺好笑的。" + _FILLER * 10 + "对了，刚才5号楼电梯里困了个小孩，在哭！"
    assert len(text) > safety.LONG_MESSAGE
    assert urgent(text)


def test_a_long_message_whose_alarm_is_called_off_in_its_own_sentence_is_not_urgent() -> None:
    text = _FILLER * 10 + "刚才楼道里冒烟，原来是楼下烧烤，虚惊一场。"
    assert not urgent(text)


def test_a_short_message_is_still_called_off_as_a_whole() -> None:
    assert not urgent("刚才电梯困人了。现在人都出来了，没事了。")


# Look-alikes from the "mailbox" (complaint titles) and "phone" (figurative) files.
NOT_URGENT_FROM_MAILBOX_PHONE = [
    "楼上经常往下扔东西，差点砸到老人",
    "电梯困人后物业两个小时才来，要求追责",
    "狗咬伤了孩子，主人拒不赔偿",
    "电梯里的呼叫按钮坏了，被困了没法求救",
    "楼上那家几乎每天打孩子，哭得好惨，我们很担心",
    "你就像我心里的一团火苗",
    "晚霞像一场燃烧的大火，把半边天都点着了",
]

URGENT_STILL = [
    "楼上有人扔花盆，差点砸到我",
    "楼上那家天天打孩子，今天又在打了，孩子一直在哭喊",
    # an all-clear that the next words take back
    "店门口一股煤气味，店里的人说没事，但味道越来越浓了",
]


@pytest.mark.parametrize("text", NOT_URGENT_FROM_MAILBOX_PHONE)
def test_look_alikes_from_mailbox_and_phone(text: str) -> None:
    assert not urgent(text)


@pytest.mark.parametrize("text", URGENT_STILL)
def test_habit_words_do_not_hide_what_happens_now(text: str) -> None:
    assert urgent(text)


# A second attack, written after every rule above and before changing anything: the rules
# alone found 21 of these 30, with the model 26 (docs/understanding.md).
ATTACK_AFTER_THE_RULES = [
    "二号楼那个升降梯停半道上了 里头有俩老人 喊半天了",
    "俺家娃被关电梯里头了 按啥都没用 急死了",
    "電梯停咗 入面有個BB喊緊",
    "lift broke down with my grandma in it, 5th floor, please send someone",
    "快点 三单元 楼梯间起火了 都是黑烟 下不去了",
    "厨房里噗的一声火就窜起来了 我拿湿毛巾盖住了还在烧",
    "楼下变电箱轰的一声炸了 还在冒火星子",
    "我闻到很冲的液化气味 是从隔壁飘过来的 敲门没人",
    "大爷在单元门口突然就瘫下去了 嘴唇发乌 叫不醒",
    "我老婆刚刚晕过去了 我怎么叫她都没反应 在5栋",
    "我家孩子被开水烫了一大片 皮都起泡了 哪里最近的医院",
    "小孩把硬币吞下去了卡在嗓子里 脸通红 咳不出来",
    "一个四五岁的小男孩自己跑到小区外面的马路上去了 车好多",
    "我女儿放学到现在还没到家 电话手表也打不通 都快八点了",
    "奶奶早上出去的 到现在人影都没有 她有阿兹海默",
    "阳台外面吊着个人 好像是擦玻璃的 绳子断了一根",
    "有人从十几楼往下扔啤酒瓶 刚在我脚边炸开",
    "楼上谁家的花盆被风吹下来了 砸到一个路过的阿姨头上了 在流血",
    "对门男的拿刀在砍门 说要砍死他老婆 快报警",
    "楼下有人打架 一个人被捅了 地上都是血",
    "有个男的在楼道里抱着一个不认识的小孩往外跑",
    "地下车库进水了 水已经到胸口了 里面还有人在推车",
    "楼上暖气管炸了 开水哗哗往下流 我家孩子被烫到了",
    "插座冒蓝火 还噼噼啪啪的 我不敢拔",
    "楼道里电瓶车着火了 整个楼道全是毒烟 我们被堵在家里出不去",
    "有个小姑娘坐在天台边上哭 说不想活了",
    "我真的坚持不下去了 刚刚把一板安眠药都吞了",
    "他又喝醉了在砸家里东西 还说要掐死我 我躲在阳台",
    "隔壁小孩被他妈用衣架打得满身是血 现在还在打",
    "my dad fell in the bathroom and he is not moving, building 7",
]

NOT_URGENT_AFTER_THE_SECOND_ATTACK = [
    "我跟我爸住，他喝醉了就打我，我今晚躲在同学家",
    "开水烫了一下手，没事了",
    "我奶奶有阿兹海默，平时都是保姆陪着",
    "外面挂着个人在擦玻璃，系着安全绳，看着挺稳",
    "地下车库上次进水到膝盖那回，物业说要装挡水板",
]


@pytest.mark.parametrize("text", ATTACK_AFTER_THE_RULES)
def test_a_second_attack_in_new_phrasings(text: str) -> None:
    assert urgent(text)


@pytest.mark.parametrize("text", NOT_URGENT_AFTER_THE_SECOND_ATTACK)
def test_look_alikes_of_the_second_attack(text: str) -> None:
    assert not urgent(text)
