"""Urgent situations written as who + where + what is happening now (fifth round).

Each pattern names a family of phrasings, not the lines it was found from: a person (any way
of naming one) in a place of danger, with what is happening to them. :func:`safety.urgent`
puts every match through the same clause tests as its other patterns (imagined, past,
hearsay, a drill, a simile: not urgent), and the whole-message tests (over, elsewhere, a
notice) come first.

Found by attacking the rules with messages of our own in new phrasings (voice slips, dialect,
Traditional script, English, pinyin, long messages with the alarm at the end) and from the
misses of new training files measured before they were read (docs/understanding.md).
"""

from __future__ import annotations

from bot.understand.patterns import rule

# Anybody: kin, neighbours, workers, "someone". Wider than safety's _PERSON, for the
# patterns below where the place and the event already say that it is danger.
PERSON = (
    r"(?:人|孩子|小孩|小囡|囡囡|小朋友|男孩|女孩|小姑娘|小伙子?|儿子|女儿|闺女|孙子|孙女|外孙女?|"
    r"宝宝|婴儿|娃|细路|老人|老太太|老太|老头|老伴|老爷子|老大爷|老奶奶|大爷|大妈|大娘|大叔|"
    r"大哥|大姐|阿姨|叔叔|奶奶|爷爷|姥姥|姥爷|外婆|外公|婆婆|公公|我爸|我妈|俺爹|俺娘|俺爸|俺妈|"
    r"我爹|我娘|老爹|老娘|爸爸|妈妈|老公|老婆|媳妇|孕妇|病人|邻居|业主|住户|租客|快递员|外卖员|"
    r"小哥|师傅|保安|保洁|学生|同学|男的|女的|他|她|我|俺)"
)
# Elderly people and children, who go missing.
_VULNERABLE = (
    r"(?:孩子|小孩|小囡|囡囡|小朋友|男孩|女孩|小姑娘|儿子|女儿|闺女|孙子|孙女|外孙女?|宝宝|娃|"
    r"老人|老太太|老太|老头|老伴|老爷子|老大爷|老奶奶|大爷|奶奶|爷爷|姥姥|姥爷|外婆|外公|婆婆|"
    r"公公|我爸|我妈|俺爹|俺娘|俺爸|俺妈|我爹|我娘|老爹|老娘|\d+岁|[一二三四五六七八九十两]岁半?)"
)
_LIFT = r"(?:电梯|轿厢|客梯|货梯|𨋢|(?<![楼滑爬阶云扶])梯)"

# Someone locked, stuck or still inside a lift that stopped: "我爸被锁在电梯里了",
# "电梯停电了 有个孕妇还在里面", "有个外卖小哥被困电梯半个多小时了".
LIFT_PERSON = rule(
    rf"{PERSON}[^，。!！?？]{{0,4}}?(?:被(?:锁|困|关|卡)(?:在|住)?|(?:锁|困|关|卡)(?:在|住)){_LIFT}"
    rf"|{_LIFT}[^。!！?？]{{0,12}}?(?:停电|断电|停了|卡住|卡死|不动|掉|坠|往下)[^。!！?？]{{0,16}}?"
    rf"(?:有|还有)?(?:个|一个)?{PERSON}[^，。!！?？]{{0,4}}?(?:还|都)?在(?:里面|里头|里边|里)"
    # Someone in it, heard banging or calling: "电梯里还有人！刚才听见在拍门".
    rf"|{_LIFT}(?:里|里面|里头|内)(?:还|好像|可能|应该)?有(?:个|一个)?{PERSON}[^。]{{0,20}}?"
    r"(?:拍门|敲门|砸门|喊|求救|出不来|打不开|开不了|哭)"
)

# Someone shut in behind a door that will not open, wherever it is (a thread may not name
# the lift): "我闺女就在里面！刚打电话说门打不开", "门打不开，孩子还在里头".
SHUT_IN = rule(
    rf"{PERSON}(?:就|还|都|一个人)?在(?:里面|里头|里边)[^。]{{0,16}}?"
    r"(?:门打不开|门开不了|门开不开|打不开|开不了门|出不来|出不去)"
    rf"|(?:门打不开|门开不了|门开不开|开不了门)[^。]{{0,12}}?{PERSON}(?:就|还|都|一个人)?在(?:里面|里头|里边)"
)

# Someone alone behind a door who does not answer, or is heard groaning: "独居老太太，
# 喊了半天没人应，门里头好像有人在哼".
NO_ANSWER = rule(
    r"(?:独居|一个人住|一个人在家)[^。]{0,24}?(?:喊了半天|敲了半天|敲门|叫门|打电话)[^。]{0,6}?"
    r"(?:没人应|不应|没反应|不开|没人开|不接)"
    r"|门里(?:头|面|边)?[^。]{0,6}?(?:在哼|哼哼|呻吟|喊疼|喊救命|求救)"
)

# A person fallen, or about to fall, from a height: "一个小孩从二楼阳台掉下去了".
FALL_FROM_HEIGHT = rule(
    rf"{PERSON}(?:不小心|突然|刚才|刚刚|一下子|就|竟然|居然)?从[^，。!！?？]{{0,10}}?"
    r"(?:阳台|窗户|窗台|窗口|楼上|楼顶|天台|屋顶|\d+楼|[一二三四五六七八九十]+楼)"
    r"(?:上|口|边)?(?:掉|摔|跌|坠|翻)(?:了)?(?:下去|下来|下楼)"
    r"(?![^，。!！?？]{0,3}(?:一个|个|一只|只|一件|件|一条|条|东西))"
)

# Pinned or crushed: "卷帘门把一个小孩压住了", "老人被倒下的柜子压在下面".
PINNED = rule(
    rf"(?:门|柜|架|车|墙|砖|板|树|石|杆|桌|床|梁|杂物|东西)[^，。!！?？]{{0,4}}?(?:把|将)(?:一个|个)?{PERSON}[^，。!！?？]{{0,4}}?(?:压住|压在|砸中|砸倒|夹住|卡住)"
    rf"|{PERSON}被[^，。!！?？]{{0,8}}?(?:压住|压在|砸中|砸倒|埋住|埋在)"
)

# A slip or a trip and the person cannot get up: "我妈在卫生间滑了一下 起不来了".
FALL_HURT = rule(
    r"(?:滑了一下|滑了一跤|滑倒了|跌了一下|绊了一下|绊倒|摔了一下|磕倒|崴倒|坐到地上|摔地上|瘫在地上)"
    r"[^。!！?？]{0,16}?(?<!差点)(?:起不来|爬不起来|站不起来|动不了|不能动|抬不动|扶不起来|疼得[^，。]{0,4}?动|"
    r"流血|出血|昏|晕|没反应|叫不醒)"
)

# An elderly person or a child gone much longer than usual, or unreachable: "奶奶出去买菜
# 三个多钟头了 手机也没带 平时半小时就回来", "俺爹有点老年痴呆 早上出门 到现在还没回".
OVERDUE = rule(
    rf"{_VULNERABLE}[^。!！?？]{{0,16}}?(?:出门|出去|下楼|出了门)[^。!！?？]{{0,24}}?"
    r"(?:到现在|小时|钟头|一整天|一天|一夜|天黑|半天)[^。!！?？]{0,20}?"
    r"(?:还没回|还没有回|都没回|没见回|没回来|联系不上|打不通|不接电话|关机|手机(?:也)?没带|没带手机|"
    r"平时[^，。]{0,8}?就回)"
    r"|(?:阿尔茨海默|老年痴呆|痴呆|糊涂|失智)[^。!！?？]{0,40}?(?:还没回|没回来|没回家|找不到|不见)"
)

# Water rising where someone still is: "车库积水还在往上涨，好几辆车里还有人". A flood with
# nobody at risk ("地下车库进水了，已经没过脚踝了") is a drainage report, as the corpus labels it.
WATER_RISING = rule(
    r"水[^。!！?？]{0,12}?(?:没过|淹到|漫到|到了)(?:了)?(?:脚脖子|脚面|脚背|脚踝|小腿|膝盖|大腿|腰)"
    r"|(?:水|积水)(?![费价电表])[^。!！?？]{0,12}?(?:还在|一直在|不停地?)往上(?:涨|漫|冒)"
    r"|水位[^。!！?？]{0,6}?(?:还在|一直在)涨"
)
PEOPLE_IN_WATER = rule(
    rf"(?:还有|有)(?:个|一个|好几个|几个)?{PERSON}[^，。!！?？]{{0,6}}?在(?:里面|里头|下面|车里|屋里)"
    rf"|(?:车|屋|房间|地下室|家)里(?:还|都)?有(?:个|一个)?[^，。]{{0,4}}?{PERSON}|{PERSON}(?:还|都)在(?:里面|里头|下面|车里|屋里)|被困"
)

# Water that rises whenever it rains is a drainage complaint, not a flood now.
WATER_HABIT = rule(r"下雨天|一下雨|下大雨就|每次|每逢|每到|经常|老是|总是|一到雨季")

# Someone hiding from violence at home, now: "我躲在厕所里不敢出来" (sensitive as well).
HIDING = rule(r"躲在[^，。!！?？]{0,6}?(?:不敢出|不敢开门|不敢出声|锁着门)|躲起来了")

# Written in English: "my son is inside", "smells of gas", "not breathing".
ENGLISH = rule(
    r"(?i)\bstuck in\b|\btrapped\b|\bsmoke\b|\bsparks?\b|\bon fire\b|\bfire!|\bfire (?:in|on|at)\b|"
    r"gas (?:leak|smell)|\bsmell(?:s|ing)?\b.{0,16}\bgas\b|call 11[09]|call 120|\bbleeding\b|"
    r"\bunconscious\b|\bfell down\b|\bcollapsed\b|\bnot breathing\b|\bcan'?t breathe\b|"
    r"\b(?:lift|elevator)\b.{0,40}\b(?:stuck|stopped|dropped|fell)\b.{0,40}"
    r"(?<!nobody )(?<!no one )\b(?:inside|in it|in there)\b|"
    r"\bbetween floors\b|"
    r"\b(?:son|daughter|child|kid|boy|girl|baby|mum|mom|mother|dad|father|grandma|grandpa|"
    r"grandmother|grandfather|granny)\b.{0,16}\b(?:is|are|went|has gone|got)\s+(?:missing|lost)\b"
    r"(?!\s+(?:his|her|my|the|a|out|class|school))|"
    r"\bcan'?t find (?:my |our )?(?:son|daughter|child|kid|boy|girl|baby|mum|mom|mother|dad|father|"
    r"grandma|grandpa)\b"
)

# Typed in pinyin without a Chinese keyboard: "dianti kazhu le limian you ren", "jiuming".
PINYIN = rule(
    r"(?i)\bjiu ?ming\b.{0,12}\b(?:kuai ?lai|lai ?ren|bao ?jing)\b|\bzhao ?huo ?(?:le|la)\b|\bqi ?huo ?(?:le|la)\b|\bmei ?qi ?wei\b|"
    r"\bran ?qi ?wei\b|\bdian ?ti\b.{0,40}\b(?:you ?ren|li ?mian|kun ?zhu|guan ?zhu|chu ?bu ?lai)\b"
)

#: The families that the clause tests of :func:`safety.urgent` apply to, by name.
FAMILIES = (
    ("lift_person", LIFT_PERSON),
    ("fall_from_height", FALL_FROM_HEIGHT),
    ("shut_in", SHUT_IN),
    ("no_answer", NO_ANSWER),
    ("pinned", PINNED),
    ("fall_hurt", FALL_HURT),
    ("overdue", OVERDUE),
    ("water_rising", WATER_RISING),
)
#: Families that stand on their own, whatever the clause before them says.
PLAIN = (("english", ENGLISH), ("pinyin", PINYIN))
