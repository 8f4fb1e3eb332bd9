"""Urgent situations said quietly (urgent11).

Families of :data:`bot.understand.situations.FAMILIES`, put through the same clause tests by
:func:`bot.understand.safety.urgent`. Found by an attack on issue 13's weak families
(tests/understand/attack12_texts.py): someone down and not answering, said calmly, relayed or
in dialect (read as Mandarin by :mod:`bot.understand.dialect` first); an old person who
usually answers and now does not; someone silent in the shower; the fumes of a coal stove, a
charcoal brazier, a water heater or a running car, said by their signs before or after the
source; smoke that keeps thickening.
"""

from __future__ import annotations

from bot.understand.patterns import rule

_ELDER = (
    r"(?:老人|老太太|老太|老头|老头子|老爷子|老大爷|老奶奶|老爷爷|大爷|大妈|奶奶|爷爷|阿婆|阿公|"
    r"阿伯|阿叔|阿嬷|阿爷|伯伯|婆婆|姥姥|姥爷|外婆|外公|老伴|老伯伯|老伯)"
)
_PERSON = (
    r"(?:人|老人|老太太|老太|老头|老头子|老爷子|老大爷|老奶奶|老爷爷|大爷|大妈|奶奶|爷爷|阿婆|"
    r"阿公|阿伯|阿叔|阿嬷|阿爷|伯伯|婆婆|姥姥|姥爷|外婆|外公|老伴|我爸|我妈|老爸|老妈|老公|"
    r"老婆|孩子|小孩|小朋友|男的|女的|司机|他|她)"
)
# Not answering: called and silent, not waking, no reaction.
_SILENT = (
    r"(?:(?:叫|喊|招呼|敲门|敲)[^，。]{0,4}?(?:不应|没应|没人应|不答应|没答应|不出声|没声|没反应|不醒|没动静)"
    r"|没反应|不省人事|叫不醒|喊不醒)"
)
_LONG = r"(?:好耐|好久|很久|半天|老半天|好半天|几遍|好几遍|好几次|几次)"

# An old person who usually answers at once and now does not: "七楼个婆婆平时一敲就应门，今日
# 敲咗好耐都冇声", "平时雷打不动的，打她电话一直没人接"; knocked a long while and silent:
# "隔壁老伯伯敲门敲了老半天没人应", "奶奶怎么喊都不出来".
_ROUTINE = r"(?:应门|开门|就应|就开|下楼|出来|接电话|雷打不动|每天都|天天都|准时)"
NOT_ANSWERING_NOW = rule(
    rf"平时[^。]{{0,12}}?{_ROUTINE}[^。]{{0,24}}?(?:敲|叫|喊|打电话|打)"
    r"[^。]{0,8}?(?:没声|没人应|不应|没动静|没反应|不接|没人接|不开)"
    rf"|平时[^。]{{0,12}}?{_ROUTINE}[^。]{{0,30}}?(?:手机|电话)(?:也|一直)?(?:关机|没人接|打不通|不接)"
    # "奶奶怎么喊都不出来".
    rf"|{_ELDER}[^。]{{0,4}}?怎么(?:喊|叫|敲门?)都(?:不出来|不应|没反应|不开门|不答应)"
    rf"|{_ELDER}[^。]{{0,12}}?(?:敲|叫|喊)(?:门)?(?:敲|叫|喊)?了?{_LONG}[^。]{{0,4}}?"
    r"(?:都|也)?(?:没声|没有?人应|不应|没动静|没反应|不答应|不出声|没人开)"
)

# Someone down in a place, not on a bed: "楼下有个阿伯倒在路边", "王奶奶倒在单元门口"; down
# anywhere and not answering: "阿伯倒在巷口，喊他没应" (not "他把垃圾倒在路边", "倒在床上").
DOWN_SOMEWHERE = rule(
    rf"{_PERSON}(?:突然|就|一下子?|直接)?(?:倒|瘫|躺)在(?:了)?[^，。]{{0,4}}?"
    r"(?:路边|路上|马路|地面|地板|灶前|灶台|厨房|厕所|卫生间|浴室|楼道|楼梯|门口|花坛|草地|台阶|"
    r"巷口|巷子|街上|院子)"
    rf"|{_PERSON}(?:突然|就|一下子?|直接)?(?:倒|瘫)在(?!床|沙发)[^。]{{0,12}}?{_SILENT}"
)

# Lying there and not moving, said in passing: "花坛边上躺着个老人，一直没动"; sitting still for
# long and not answering: "老太太坐在台阶上半天没动了，我叫了两声她没理我"; lying on a
# bathroom or kitchen floor: "现在躺在浴室地上" (not the sitting room's: children play there).
LYING_STILL = rule(
    rf"(?:躺|趴|倒)着(?:一)?个{_PERSON}[^。]{{0,8}}?(?:一直|半天|好久|很久)?(?:没动|不动|一动不动|没反应)"
    rf"|{_PERSON}[^。]{{0,4}}?(?:坐|躺|趴|倒)在[^，。]{{0,8}}?(?:半天|好久|很久|一直)(?:都)?(?:没动|不动)"
    r"[^。]{0,12}?(?:叫|喊)[^。]{0,6}?(?:没理|不理|没反应|不应|没应|不答应)"
    r"|(?:躺|趴|晕倒)在(?:浴室|卫生间|厕所|厨房|楼道)(?:的)?地(?:上|板上)"
)

# Collapsed and silent: "老爷子在屋里突然倒了，招呼他也不吱声"; not waking when called:
# "叫极都唔醒" (asleep is :data:`hazards.ASLEEP`, read by safety).
COLLAPSED_SILENT = rule(
    rf"(?:突然|一下子?)(?:就)?倒(?:了|下|地)[^。]{{0,12}}?{_SILENT}"
    r"|(?:叫|喊)[^，。]{0,3}?都(?:不醒|没反应)"
)

# Someone silent in the shower or the bathroom for long: "我老公洗澡洗了快一个小时了，敲门不应",
# "我婆婆在卫生间待了快一个钟头了，敲门不应".
BATH_SILENT = rule(
    r"(?:洗澡|冲凉|泡澡|在(?:浴室|卫生间|厕所|洗手间))[^。]{0,24}?(?:敲门|叫|喊|敲了)[^，。]{0,6}?"
    r"(?:不应|没应|没人应|不答应|没答应|没反应|没声|没动静|不出声)"
)

# The fumes of burning fuel, by their signs: a coal stove, a charcoal brazier, a water heater,
# a car left running in a garage; the source said first ("用煤炉取暖，现在都头疼呕吐") or the
# signs first ("全家都头痛恶心，昨晚生了炉子没开窗", "孩子说头疼想吐…热水器是装在里面的那种").
# The annoyance sense of 头疼 ("修热水器的事真让人头疼") is not a sign.
_FUEL = (
    r"(?:煤炉|炉子|蜂窝煤|煤球|烧炭|炭炉|炭盆|炭火|木炭|火盆|烧炕|火炕|一氧化碳|热水器|热水炉|"
    r"没熄火)"
)
# Called and silent only: a heater "没反应" is a fault, not a sign.
_SIGNS = (
    r"(?:头(?:很|好|有点|特别|还是)?(?:晕|昏)|(?<!让人)(?<!真)(?<!好)头(?:疼|痛)(?=想吐|恶心|呕吐|得)"
    r"|晕得(?:很|厉害|不行)|想吐|呕吐|在吐|都吐|(?<=[疼痛晕])恶心|站不稳|站不住|腿软|脚软|"
    r"手脚发软|瘫在|(?:叫|喊|敲门|敲窗|拍窗)[^，。]{0,4}?(?:不应|没应|不答应|不醒|没反应)|叫不醒|喊不醒|"
    r"脸红红|嘴唇发紫|"
    # Fourteenth session (by-file CV misses): drowsy, slurred, a head that swells, the eyes
    # going dark ("叫她说话含含糊糊的，燃气热水器还开着", "人发困头胀，热水器是老款直排的那种").
    r"含含糊糊|说话含糊|迷迷糊糊|晕乎乎|发困|头胀|眼前发黑|头(?:疼|痛)(?=腿软|脚软|乏力|没劲))"
)
FUMES_FELT = rule(rf"{_FUEL}[^。]{{0,32}}?{_SIGNS}")
# The signs said first: only the clause before them is read (the source may be told in the
# past: "昨晚生了炉子没开窗").
SIGNS_THEN_FUEL = rule(
    rf"{_SIGNS}[^。]{{0,32}}?(?:生了炉子|生炉子|烧(?:的|着)?(?:蜂窝煤|煤|炭)|炭盆|炭炉|煤炉|热水器|热水炉|燃气的)"
)

# A smell at the door of someone not seen for days, said smell first: "隔壁独居老人家的门缝里
# 有股怪味，好几天没见他出来了" (the other order is ``hazards.UNSEEN``).
SMELL_THEN_DAYS = rule(
    r"(?:门缝|门口|屋里|家里|房间)[^。]{0,6}?(?:怪味|臭味|异味|一股味)[^。]{0,16}?"
    r"(?:几天|两天|三天|好几天|这几天)[^。]{0,4}?没(?:见|出门|出来|开门|动静|下楼)"
)

# Smoke that keeps thickening: "楼道里有点烟，闻着像塑料烧的，越来越浓了".
SMOKE_GROWING = rule(r"(?:有(?:点|些)?烟|冒烟|烟(?:雾)?)[^。]{0,16}?越来越(?:浓|大|多|呛)")

# An old person (or a parent) unreachable since yesterday or last night: "我舅舅一个人住6栋，从
# 昨天起打电话就不接", "我爸…从昨晚到现在电话一直没人接". Only since a night has passed: an
# old mother whose phone is off ("她电话打不通了，谁能帮俺去看看", "我爸这两天电话不接，哪位邻居
# 方便去敲个门") is a worry the training files label 0. The duration is the point: only the
# clause before it is read.
_KIN = (
    rf"(?:{_ELDER[3:-1]}|我爸|我妈|爸爸|妈妈|老爸|老妈|父亲|母亲|我爹|我娘|俺爹|俺娘|舅舅|姑姑|姨妈|"
    r"叔叔|阿姨|独居|一个人住)"
)
_SINCE = (
    r"(?:从(?:昨天|昨晚|前天|昨儿)|(?:昨天|前天)(?:早上|上午|中午|下午|晚上)?(?:起|开始|到现在)"
    r"|昨晚(?:起|开始|到现在))"
)
_UNREACHABLE = r"(?:打不通|没人接|不接|联系不上|关机|没回(?:消息|微信|电话))"
UNREACHABLE_SINCE = rule(
    rf"{_KIN}[^。]{{0,30}}?{_SINCE}[^。]{{0,16}}?{_UNREACHABLE}"
    rf"|{_KIN}[^。]{{0,16}}?{_UNREACHABLE}[^。]{{0,12}}?{_SINCE}"
)

# Not answering for a reason: on purpose ("我爸从昨天起就不接我电话，还在生我的气"), or the
# phone ("估计是手机又没电了").
NOT_ANSWERING_WHY = rule(
    r"生(?:我的|我|他的|她的)?气|赌气|吵架|闹别扭|拉黑|手机(?:又|也)?(?:没电|静音|坏了|丢了)|没充电"
)

# A small child crying alone for a long time, nobody coming: "隔壁小孩一个人在阳台上哭了很久，
# 大人好像不在家".
_CHILD = r"(?:孩子|小孩|小朋友|宝宝|婴儿|娃|小女孩|小男孩)"
CRYING_LONG = rule(
    rf"{_CHILD}[^。]{{0,12}}?哭(?:了)?(?:很久|好久|半天|一个多小时|[两三四五几]个(?:多)?(?:小时|钟头))"
    r"[^。]{0,16}?(?:大人(?:好像|可能)?不在|没(?:有)?大人|没人管|敲门没人|没人应|没人开)"
)

# An old person who cannot say where they live or who they are: "有个老爷爷在小区门口转了一上午，
# 问他住哪说不清楚", "问她叫什么也说不出来".
LOST_ELDER = rule(
    rf"{_ELDER}[^。]{{0,24}}?问(?:他|她)?(?:住哪|住在哪|家在哪|是哪(?:栋|家|里)|叫什么|名字|家里电话)[^。]{{0,6}}?"
    r"(?:说不清|不知道|说不出|答不上)"
)

# Signs of a stroke said plainly: the corner of the mouth drooping, one side weak, walking
# leaning to one side: "奶奶说话突然说不清楚了，一边嘴角往下耷拉".
STROKE_SIGNS = rule(
    r"嘴角(?:往下|向下)?(?:耷拉|下垂|歪)"
    r"|(?:一边|半边|左边|右边)(?:的)?(?:手脚|手|脚|胳膊|腿|身子)(?:突然)?(?:没(?:有)?力气|没劲|抬不起来|不能动|动不了|麻了)"
    r"|走路(?:往|向)一边(?:倒|歪)|说话(?:突然)?(?:含糊不清|含含糊糊|大舌头)[^。]{0,8}?(?:手|脚|腿|嘴|脸|站不稳)"
)

# A child climbing out of a window or over a balcony: "有个细路爬咗出窗口" (read 爬了出窗口).
CLIMBED_OUT = rule(rf"{_CHILD}[^。]{{0,6}}?爬(?:了)?出(?:了)?(?:窗口|窗外|窗户|阳台)")

# Down and not answering, said without a place: "婆婆在灶房头倒起了，喊不应" (not "倒了杯水").
DOWN_SILENT = rule(
    rf"{_PERSON}[^。]{{0,8}}?(?:倒起了|倒下了|倒地了|倒了)(?![一杯碗盆点些半])[^。]{{0,8}}?{_SILENT}"
)

# Someone inside silent since the morning or yesterday: "里面老人从早上就没动静了，电话也不接".
SILENT_SINCE = rule(
    rf"{_ELDER}[^。]{{0,8}}?(?:从(?:早上|上午|中午|昨天|昨晚|前天)|(?:昨天|昨晚|前天)(?:起|开始))[^。]{{0,6}}?"
    r"(?:就)?没(?:有)?(?:动静|声音|出来|开(?:过)?门)"
)

# An ill old person or parent unreachable: "我爸有心脏病，早上打电话没人接，到现在也没接".
ILL_UNREACHABLE = rule(
    r"(?:心脏病|高血压|糖尿病|老年痴呆|中风过|脑梗过|癫痫)[^。]{0,20}?(?:打不通|没人接|不接|联系不上|关机)"
)

# Bedridden and alone, not answering: "瘫在床上的老太太，保姆今天没来…喊了也没回应".
BEDRIDDEN_ALONE = rule(
    r"(?:瘫痪|瘫在床上|卧床|躺在床上动不了)[^。]{0,30}?(?:没人照顾|没人管|一个人)[^。]{0,12}?"
    r"(?:没回应|没反应|不应|没人应|没吃)"
)

# Someone heard calling behind a door: "三楼那家门口一直有水往外流，里面好像有人在喊".
CALLING_INSIDE = rule(
    r"(?:屋里|里面|门里)(?:好像|隐约|听到|听见)(?:有人)?(?:在)?(?:喊|呼救|喊救命|呻吟|喊疼)"
)

# Gas left on and nobody can get in: "家里的门打不开，煤气还开着".
GAS_LEFT_ON = rule(
    r"(?:门打不开|进不去|锁在(?:门)?外面|家里没人|没人在家)[^。]{0,16}?(?:煤气|燃气|天然气|液化气|煤气灶|燃气灶)"
    r"(?:还|一直)(?:开着|没关)"
    r"|(?:煤气|燃气|天然气|液化气|煤气灶|燃气灶)(?:还|一直)(?:开着|没关)[^。]{0,16}?"
    r"(?:门打不开|进不去|锁在(?:门)?外面|家里没人|没人在家)"
)

#: The families of this module, by name (appended to :data:`situations.FAMILIES`).
FAMILIES = (
    ("not_answering_now", NOT_ANSWERING_NOW),
    ("down_somewhere", DOWN_SOMEWHERE),
    ("lying_still", LYING_STILL),
    ("collapsed_silent", COLLAPSED_SILENT),
    ("bath_silent", BATH_SILENT),
    ("fumes_felt", FUMES_FELT),
    ("signs_then_fuel", SIGNS_THEN_FUEL),
    ("smell_then_days", SMELL_THEN_DAYS),
    ("smoke_growing", SMOKE_GROWING),
    ("unreachable_since", UNREACHABLE_SINCE),
    ("crying_long", CRYING_LONG),
    ("lost_elder", LOST_ELDER),
    ("stroke_signs", STROKE_SIGNS),
    ("climbed_out", CLIMBED_OUT),
    ("down_silent", DOWN_SILENT),
    ("silent_since", SILENT_SINCE),
    ("ill_unreachable", ILL_UNREACHABLE),
    ("bedridden_alone", BEDRIDDEN_ALONE),
    ("calling_inside", CALLING_INSIDE),
    ("gas_left_on", GAS_LEFT_ON),
)
