"""Urgent incidents as they happen, read by who + where + what now (urgent8, second part).

Families of :data:`bot.understand.situations.FAMILIES`, put through the same clause tests by
:func:`bot.understand.safety.urgent`. Found from the misses of a new writer's training file
on emergencies as they happen (``train-suddenly.tsv``), measured before it was read
(docs/understanding.md) and generalised by kind; the tests are in our own phrasings
(tests/understand/test_suddenly_families.py).
"""

from __future__ import annotations

from bot.understand.hazards import PERSON
from bot.understand.patterns import rule

_CHILD = r"(?:孩子|小孩|小朋友|娃|男孩|女孩|儿子|女儿|闺女|孙子|孙女|宝宝|小学生)"

# Petrol smelt strongly where a flame is near, or poured on purpose: "好浓的汽油味…旁边还有人
# 在抽烟", "往车上泼汽油，拿着打火机". Petrol cans stored in a stairwell where people smoke, or
# an oil stain under a car with a smoker beside it, are hazards to report (training lines).
FUEL = rule(
    r"(?:泼|浇|洒)(?:了)?(?:一桶|一瓶|一些)?汽油"
    r"|汽油味[^。]{0,30}?(?:抽烟|打火机|点火|点烟|烟头|火星)"
)

# The building shaking now: "地震了 楼在晃". An earthquake in the news or far away, or a
# question whether there was one, is chat (training lines say so).
QUAKE = rule(r"楼(?:在|一直|突然)(?:晃|摇)|地震了[^。?？]{0,12}?(?:往下跑|快跑|东西(?:在)?掉)")

# A child where a fall, a shock or the road is near, alone: "孩子爬到了楼顶护栏外面",
# "孩子在高压电箱上面爬", "小孩在冰面上玩，冰已经裂了", "两岁的娃一个人在马路边上走，没大人".
CHILD_AT_RISK = rule(
    rf"{_CHILD}[^。]{{0,6}}?(?:爬到|爬出|翻到|翻出|站在|坐在|爬上)(?:了)?[^，。]{{0,6}}?"
    r"(?:护栏|栏杆|围栏|窗户|阳台)(?:外面|外边|外)"
    rf"|{_CHILD}[^。]{{0,8}}?(?:高压|变压器|电箱|配电箱|电线杆)[^，。]{{0,4}}?(?:上面|上头|上)?(?:爬|玩|坐|站)"
    rf"|{_CHILD}[^。]{{0,16}}?冰(?:面)?上[^。]{{0,16}}?(?:裂|破|咔咔响)"
    rf"|{_CHILD}[^。]{{0,12}}?一个人[^。]{{0,8}}?(?:马路|路边|路口|河边|水边|电梯|大门口)"
    r"[^。]{0,30}?(?:没大人|没人管|没人跟|谁家的)"
    # Someone out on an air-conditioner bracket, named after the place.
    r"|(?:空调架|空调外机|外机|窗台外|阳台外|窗户外)[^，。]{0,6}?(?:蹲着|站着|坐着|趴着)(?:一)?个?"
    r"(?:小孩|孩子|小朋友|人)"
    # Lead, fourteenth session: out on the window grille ("有个小朋友爬出来了，坐在防盗网上").
    rf"|{_CHILD}[^。]{{0,12}}?(?:坐在|站在|爬到|蹲在|趴在|骑在)(?:了)?[^，。]{{0,6}}?防盗网(?:上|外)"
    r"|(?:窗户|窗台|阳台)外面?有(?:一)?个(?:小孩|孩子|小朋友|人)(?:爬|坐|站|蹲)"
    rf"|{PERSON}[^，。]{{0,4}}?(?:站在|蹲在|坐在|爬到)[^，。]{{0,8}}?(?:空调外机|空调架|外机)上"
    r"[^。]{0,20}?(?:要掉|快掉|晃|没系|没绑|安全绳)"
)

# Lying in the road: "一个男的喝醉了躺在马路中间，车都在绕".
IN_THE_ROAD = rule(r"(?:躺|坐|趴|倒)在(?:了)?(?:马路|路|车道)(?:中间|中央|上)[^。]{0,16}?(?:车|压)")

# A break-in, a snatch or someone followed, now: "有人在爬二楼的防盗网，好像要往人家里翻",
# "有两个人在楼道里撬门", "有人在抢包", "被一个陌生人跟着…现在还在附近转".
CRIME_NOW = rule(
    r"(?:爬|翻)[^，。]{0,6}?(?:防盗网|窗户|阳台|窗台)[^。]{0,12}?(?:往[^，。]{0,4}?(?:家|屋)里翻|翻进|钻进)"
    r"|(?:有人|陌生人|两个人|几个人|男的|小偷)[^，。]{0,8}?(?:在|正在)[^，。]{0,6}?撬(?:门|锁|窗)"
    r"|(?:在|正在)抢(?:包|手机|钱包)"
    r"|被(?:一个)?(?:陌生|不认识的)[^，。]{0,4}?跟(?:着|踪)[^。]{0,30}?(?:现在|还在|躲)"
)

# A dog going for people now: "狗冲进电梯咬人", "流浪狗在追一个小学生…狗在后面咬", "狼狗挣脱
# 链子了，在小区里乱跑，刚扑了一个骑车的". A dog that bites people as a habit, bit someone
# today, or chased a child who got away, is a complaint (training lines say so).
DOG_AT_PEOPLE = rule(
    r"狗[^。]{0,4}?(?:冲进|冲到|冲过来|扑过来|跑进)[^。]{0,8}?咬"
    r"|狗[^。]{0,4}?(?:在|正在)追(?:着)?[^。]{0,30}?咬"
    r"|狗[^。]{0,16}?(?:在|正在|还在)[^，。]{0,8}?(?:乱跑|乱窜)[^。]{0,16}?(?:扑|咬)"
    # Lead, fourteenth session (a hard-way training file): a child bitten, knocked over or
    # cornered by dogs ("刚咬了一个放学的孩子", "把小朋友脸给咬了", "把我家孩子围在车棚里了").
    r"|(?:狗|藏獒|金毛|狗群)[^。]{0,20}?(?<!已经)(?:咬了|扑倒了?|咬紧|咬住|咬伤)(?:一个|个)?[^，。]{0,4}?"
    r"(?:孩子|小孩|小朋友|细路|小女孩|小男孩)(?!的)"
    r"|(?:狗|藏獒|金毛)[^。]{0,16}?把[^，。]{0,10}?(?:脸|腿|手|胳膊)[^，。]{0,2}?(?:给)?咬(?:了|伤|出血)"
    r"|狗[^。]{0,6}?把[^，。]{0,6}?(?:孩子|小孩)围(?:在|住)"
)

# A child shut out on a balcony as a punishment, again and again, is for the sensitive rules
# (neglect), not an emergency now.
SHUT_AS_A_HABIT = rule(r"总是|常常|经常|天天|又被|罚站|一关")
# Shut in somewhere by someone or by a door that closed (lead, fourteenth session: "被同学反锁在
# 楼顶水箱间里了", "保洁阿姨被锁在天台上了", "被关在阳台上了，一直在敲玻璃").
SHUT_OUT_OF_REACH = rule(
    rf"{PERSON}[^，。]{{0,4}}?被[^，。]{{0,4}}?(?:反锁|锁|关|困)在(?:了)?[^，。]{{0,3}}?"
    r"(?:楼顶|天台|阳台|水箱间|地下室|储物间|储藏间|车里|车库|电梯井)"
    r"|(?:卷帘门|门)[^，。]{0,8}?把人关(?:在)?里面"
    r"|(?:宝宝|孩子|小孩)(?:还)?一个人在(?:屋里|家里)[^。]{0,12}?(?:开锁|锁)"
    r"|钥匙锁(?:在)?家里[^。]{0,10}?(?:宝宝|孩子|小孩)(?:还)?(?:一个人)?在(?:屋里|家里|里面|屋)"
)


# Locked in and calling for help: "救救我 我被反锁在地下室储藏间了", "奶奶把自己反锁在屋里了，
# 叫她半天不应".
LOCKED_IN = rule(
    r"被(?:反)?锁在[^。]{0,30}?(?:救救|救命|来开|开一下门|出不去|出不来|没信号)"
    r"|反锁[^。]{0,12}?(?:叫|喊|敲)[^，。]{0,6}?(?:不应|不答应|没反应|没人应)"
)

# Water bursting out now: "阀门突然崩了 水像喷泉一样往外冲", "水从门缝底下往外涌…还在涨".
BURST_NOW = rule(
    r"(?:阀门|阀|水龙头|角阀|水管|管子)[^，。]{0,4}?(?:崩|爆|炸|断)(?:开|裂)?了[^。]{0,16}?(?:往外冲|往外喷|喷|涌|哗哗)"
    r"|水[^。]{0,12}?(?:往外涌|往外冲)[^。]{0,16}?(?:还在涨|还在流|越来越多|到楼道)"
)

#: The families of this module, by name (appended to :data:`situations.FAMILIES`).
FAMILIES = (
    ("fuel", FUEL),
    ("quake", QUAKE),
    ("child_at_risk", CHILD_AT_RISK),
    ("in_the_road", IN_THE_ROAD),
    ("crime_now", CRIME_NOW),
    ("dog_at_people", DOG_AT_PEOPLE),
    ("locked_in", LOCKED_IN),
    ("shut_out_of_reach", SHUT_OUT_OF_REACH),
    ("burst_now", BURST_NOW),
)
