"""Urgent situations of the flood season and of heat, written as who + where + what now.

Families of :data:`bot.understand.situations.FAMILIES`, put through the same clause tests by
:func:`bot.understand.safety.urgent` (imagined, past, hearsay, a drill, a film: not urgent;
over or elsewhere: judged on the whole message first). They read the text after
:func:`bot.understand.dialect.plain`, so "冇得人应" is "没有人应" here.

Found by the tenth attack (tests/understand/attack10_texts.py): a riverside estate in flood
season, written in dialect and by voice input. Water, a bank or heat alone is not urgent (a
flooded garage with nobody in it is a drainage report; a wall that fell with nobody under it
is a facilities report; a heat warning is a notice): each family names the person at risk.
"""

from __future__ import annotations

from bot.understand.hazards import PERSON
from bot.understand.patterns import rule

# Anyone, as residents name them in a flood: the driver, a rider, a worker, a household.
_WHO = rf"(?:{PERSON}|住户|司机|老汉|阿爷|阿嬷|骑(?:电动)?车的|娃)"
# Someone other than the speaker (the speaker saying "热晕了" is a figure of speech).
_SOMEONE = (
    r"(?:孩子|小孩|小朋友|儿子|女儿|闺女|孙子|孙女|宝宝|娃|老人|老太太|老太|老头|老伴|老爷子|"
    r"老大爷|大爷|大妈|大娘|大叔|阿姨|奶奶|爷爷|姥姥|姥爷|外婆|外公|婆婆|公公|我爸|我妈|俺爹|"
    r"俺娘|老爹|老娘|老汉|阿爷|阿婆|阿公|阿嬷|老公|老婆|保安|保洁|工人|师傅|小哥|外卖员|快递员|"
    r"邻居|病人|孕妇)"
)

# Carried off or knocked down by water now: "有个伢被水冲走了", "娃儿遭水冲起走了", "一个骑
# 电动车的被水冲倒了", "水流好急，把他往下水道口那边冲".
SWEPT = rule(
    rf"{_WHO}[^，。的]{{0,12}}?(?:被|让)(?:洪水|大水|积水|水流|急流|水)?冲(?:走|倒|跑|起|下|进|到)"
    rf"|(?:水|水流|急流|洪水)[^。]{{0,8}}?把[^，。]{{0,6}}?{_WHO}[^，。]{{0,10}}?冲"
)

# Fallen into a channel or a river, said verb first: "佢跌落水渠度" (Cantonese), "他掉进江里".
INTO_CHANNEL = rule(
    rf"{_WHO}(?:不小心|一脚|脚一滑|刚才|刚刚)?(?:跌|掉|摔|滑|栽)(?:落|进|入|下)(?:了)?"
    r"[^，。]{0,4}?(?:水渠|水沟|河|江|湖|池|塘|井|沟|渠|洪水|积水)"
)

# Water in the switchgear with live signs, or still rising on it: "配电房进水了，水快淹到
# 电柜了，还在滋滋响", "积水漫进配电室了，电箱下面全是水，还在往里灌". Water at a switch room's
# door with nothing else said is a report ("水快到门槛了，里面都是电柜", as a training file says).
_SWITCHGEAR = r"(?:配电|变电|电房|电箱|电柜|电表箱|电闸)"
_LIVE_OR_RISING = (
    r"(?:滋滋|嗞嗞|吱吱|噼啪|噼里啪啦|火花|冒烟|打火|麻手|发麻|漏电|"
    r"还在往里(?:灌|流|涌)|一直往里(?:灌|流)|还在涨|一直在涨|越来越深)"
)
SWITCHGEAR_FLOODED = rule(
    rf"{_SWITCHGEAR}[^。]{{0,12}}?(?:进水|入水|泡水|淹|浸|冒水|水)[^。]{{0,16}}?{_LIVE_OR_RISING}"
    rf"|水[^。]{{0,12}}?{_SWITCHGEAR}[^。]{{0,16}}?{_LIVE_OR_RISING}"
)

# A bank, a retaining wall or a slope giving way with people there: "江边那个堤好像垮了一个
# 口子，水往小区里灌，一楼的婆婆还没走", "围墙倒了，压到一个人", "后山滑坡了…里面有住户". A wall
# that fell with nobody under it is a facilities report (the training files say so).
_GIVING_WAY = (
    r"(?:(?:堤|坝|护坡|堡坎|挡土墙|围墙|院墙|墙体|边坡|山体|后山|山坡|土坡)[^，。]{0,8}?"
    r"(?:垮|塌|溃|决口|倒了|往外倒|开了?(?:个|一个|道)?口子)|滑坡|泥石流|决堤|溃堤|管涌)"
)
_STILL_THERE = (
    rf"(?:还有[^，。]{{0,4}}?{_WHO}|{_WHO}[^，。]{{0,3}}?(?:还|都)(?:在|没走|没撤|没出来|没有走)|"
    rf"{_WHO}还没(?:有)?(?:走|撤|出来)|里面(?:还)?有[^，。]{{0,3}}?{_WHO}|(?:下面|底下)(?:还)?有人|"
    r"(?:压|埋|砸)(?:到|住|着|倒|中)了?(?:一个|个|好几个|几个|两个)?人|被(?:压|埋|砸))"
)
GIVING_WAY = rule(rf"{_GIVING_WAY}[^。]{{0,40}}?{_STILL_THERE}")

# Taken ill by the heat, with the signs of it: "老头子中暑晕倒了，喊他没有反应", "我妈热得说
# 胡话了，浑身滚烫，不出汗", "工人晒晕了，从架子上摔下来了". "热晕了" said of oneself is a
# figure of speech; said of someone else, it is a faint ("我阿爷在屋企热到晕了").
_HEAT_SIGN = (
    r"(?:(?:叫|喊)[^，。]{0,3}?(?:不醒|不答应|不应)|没(?:有)?反应(?!过来)|抽筋|抽搐|说胡话|"
    r"胡言乱语|神志不清|(?:浑身|身上)[^，。]{0,2}?(?:滚烫|好烫|很烫|发烫)|不出汗|喘不上|心慌|"
    r"嘴唇发(?:白|紫)|脸色发白|倒在|倒地|倒道边|摔(?:下来|倒|了)|吐了|呕吐|站不起来|起不来|"
    r"晕倒|昏倒|晕过去|昏过去|一动不动)"
)
HEAT_STROKE = rule(
    rf"(?:中暑|热昏|热晕|晒晕|晒昏|热到晕|热射病|{_SOMEONE}[^。说]{{0,8}}?(?:热|晒)(?:得|到))"
    rf"[^。]{{0,24}}?{_HEAT_SIGN}"
    rf"|{_SOMEONE}[^。说]{{0,8}}?(?:热|晒)(?:到|得)?(?:晕|昏)(?:倒|过去|了)"
)

# An old or bedridden person alone in the heat without power, in distress or unreachable:
# "38度停电一整天了，隔壁独居的李奶奶在家喘不上气", "停电了，楼上的瘫痪老人一个人在家，40度，
# 电话打不通". A notice that the hall is cool for those who live alone names no distress.
_ALONE = r"(?:独居|一个人在家|一个人住|瘫痪|卧床|孤寡)"
_HOT = r"(?:停电|没电|没有电|空调坏|没风扇|[3-4]\d度|[三四]十[一二三四五六七八九几]?度|高温|热得)"
_DISTRESS = (
    r"(?:喘不上|心慌|胸闷|打不通|联系不上|没(?:有)?人应|没人接|不接电话|没(?:有)?反应|不答应|"
    r"说不出话|晕|吐了)"
)
ALONE_IN_HEAT = rule(
    rf"{_HOT}[^。]{{0,30}}?{_ALONE}[^。]{{0,24}}?{_DISTRESS}"
    rf"|{_ALONE}[^。]{{0,24}}?{_HOT}[^。]{{0,24}}?{_DISTRESS}"
    rf"|{_ALONE}[^。]{{0,24}}?{_DISTRESS}[^。]{{0,24}}?{_HOT}"
)

# Fainted and not coming round, however it is said: "阿婆晕咗喺楼梯度，冇反应".
UNRESPONSIVE = rule(
    rf"{PERSON}[^。]{{0,8}}?(?:晕|昏)(?:倒|过去|了|在)[^。]{{0,16}}?"
    r"(?:没(?:有)?反应(?!过来)|叫不醒|喊不醒|(?:叫|喊)[^，。]{0,3}?不(?:醒|应|答应)|一动不动)"
)

#: The families of this module, by name (appended to :data:`situations.FAMILIES`).
FAMILIES = (
    ("swept", SWEPT),
    ("into_channel", INTO_CHANNEL),
    ("switchgear_flooded", SWITCHGEAR_FLOODED),
    ("giving_way", GIVING_WAY),
    ("heat_stroke", HEAT_STROKE),
    ("alone_in_heat", ALONE_IN_HEAT),
    ("unresponsive", UNRESPONSIVE),
)
#: Their names: a sentence that opens in the past ("去年发大水，我们村有人被水冲走了") tells a
#: story, whatever its clause says.
NAMES = frozenset(name for name, _ in FAMILIES)
