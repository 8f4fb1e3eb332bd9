"""Someone who may be down inside, told by a routine that broke (lead, sixteenth session).

The convention added to FORMAT.md this session: an old or ill person living alone, or a
parent a relative far away cannot reach, is urgent when they have not been seen or heard for
a day or more, or their routine has broken with signs piling up, or with any other sign of
trouble (a smell, a thud, a groan, a known illness and no answer); not when they turn out to
be away or safe. These are families of :data:`bot.understand.situations.FAMILIES`, put
through the same clause tests by :func:`bot.understand.safety.urgent`, and cleared like the
other families of silence when a reason for the silence is given (away on purpose, the phone
flat, a quarrel).

Found from the misses of the rules on a writer's training file of emergencies told by their
signs (``train-signs3.tsv``), measured before it was read (docs/understanding.md); the
tests are in the lead's own phrasings (tests/understand/test_attack16.py).
"""

from __future__ import annotations

from bot.understand.patterns import rule

_WHO = (
    r"(?:老人|老太太|老太|老头|老爷子|老大爷|老奶奶|老爷爷|大爷|大妈|奶奶|爷爷|阿婆|阿公|阿伯|阿叔|"
    r"伯伯|婆婆|姥姥|姥爷|外婆|外公|老姐妹|老伙计|老哥|老师|独居|一个人住|一个人过|一个人在家|"
    r"我爸|我妈|我爹|我娘|俺爹|俺娘|老爸|老妈|阿爸|阿妈|父亲|母亲|舅舅|姑姑|二姨|姨妈|大姨|小姨|"
    r"岳父|岳母|老丈人|丈母娘|公公|大叔|大哥|大姐|阿姨|叔叔|邻居|对门|隔壁|楼上|楼下)"
)

# A routine said, then today's absence of it: "平时每天早上六点都在楼下打太极，这两天都没见到",
# "每天下午都弹琴的，这三天一点琴声都没有", "平时早上嘎嘎早就起来浇花，今天窗帘都没拉开".
_HABIT = r"(?:平时|平常|每天|天天|日日|每晚|每天早上|每天晚上|每天下午|雷打不动|准时|从来不|一向)"
_TODAY = (
    r"(?:今天|今早|今儿|今儿个|今朝|今日|今晚|今天一天|这两天|这几天|这三天|这一周|[两三几]天|一整天|"
    r"到现在|一上午|一下午)"
)
_ABSENT = (
    r"(?:没(?:有)?(?:见|看到|看见|出来|出门|下楼|开门|开过|拉开|拉|收|拿|取|打|动|声音?|动静|亮过|关)|"
    r"(?:一点|什么)[^，。]{0,4}?(?:都|也)没有|不见(?:人|了)|冇(?:出|见|声|开))"
)
# What makes the absence a worry and not a change of plan: someone alone, a door or a call
# unanswered, a sign piling up, the writer's fear.
_WORRY = (
    r"(?:独居|一个人住|一个人过|一个人在家|(?:敲|拍|叫|喊)(?:门)?[^，。]{0,4}?(?:没人|没声|没动静|不开|不应|冇人|没反应|不答应)|"
    r"叫(?:也|都)不应|(?:电话|手机|视频)[^，。]{0,4}?(?:没人接|不接|打不通|关机|不通)|"
    r"不太?正常|不对劲|犯嘀咕|担心|怕(?:是)?出(?:啥|什么|么)?事|出事了?吧|吓丝丝|发毛|心慌|慌得|"
    r"(?:谁|有人|有没有人|哪位)[^，。]{0,4}?有(?:他|她)?(?:家|儿子|女儿|闺女|家人|家属|家里人|子女|亲戚)|"
    r"要不要报警|报警吧)"
)
BROKEN_ROUTINE = rule(
    rf"{_HABIT}[^。]{{0,30}}?{_TODAY}[^。]{{0,16}}?{_ABSENT}[^。]{{0,40}}?{_WORRY}"
    rf"|{_WORRY}[^。]{{0,30}}?{_HABIT}[^。]{{0,30}}?{_TODAY}[^。]{{0,16}}?{_ABSENT}"
    rf"|{_TODAY}[^。]{{0,4}}?{_ABSENT}[^。]{{0,16}}?{_HABIT}[^。]{{0,20}}?{_WORRY}"
)

# Not seen for days, the door not opened, with a worry said: "对门那个阿婆已经两天没开过门了，
# 放在门口的菜还在那，要不要报警啊", "楼上那个老太太…两天没见了…有人有她儿子电话不".
DAYS_UNSEEN = rule(
    rf"{_WHO}[^。]{{0,30}}?(?:已经)?(?:[两三四五几]|好几|一整)天(?:都)?(?:没|冇)(?:见|开过门|开门|出过门|出门|下过楼|下楼|露面|动静|声音)"
    rf"[^。]{{0,40}}?{_WORRY}"
)

# Signs piling up at the door of someone alone or not seen: milk, papers, medicine or food
# left for days, lights on day and night, washing left out in the rain ("1203的老太太已经三天
# 没取奶了，牛奶在门口放着都坏了", "家的灯三天没关了，白天晚上都亮着", "昨天送的药他没拿").
_ITEM = r"(?:牛奶|奶|报纸|外卖|菜|药|饭|快递|信)"
PILING_UP = rule(
    rf"{_WHO}[^。]{{0,24}}?(?:[两三四五几]|好几)天(?:都|也)?没(?:取|拿|收){_ITEM}"
    rf"|{_WHO}[^。]{{0,24}}?{_ITEM}[^。]{{0,10}}?(?:放了|摆了|堆了|挂了)(?:[两三四五几]|好几)天"
    rf"|{_WHO}[^。]{{0,30}}?(?:昨天|前天)送的{_ITEM}[^。]{{0,6}}?没(?:拿|取|收)[^。]{{0,20}}?{_WORRY}"
    r"|灯[^。]{0,4}?(?:[两三四五几]|好几)天(?:都)?没关|(?:白天晚上|白天黑夜|日夜)(?:都|一直)?(?:亮着|开着)"
    rf"[^。]{{0,20}}?(?:没拿|没取|没收|没见|{_WORRY})"
    rf"|{_WHO}[^。]{{0,16}}?衣服[^。]{{0,10}}?淋了一天(?:也|都)?没收"
    rf"|{_WHO}[^。]{{0,24}}?{_ITEM}[^。]{{0,10}}?(?:从周[一二三四五六日天]|从昨天|从前天|这几天|好几天)[^。]{{0,6}}?(?:都|也)?没(?:拿|取|收)"
)

# A pet crying on and on where its owner lives alone, or a smell where an old person has not
# been seen: "狗一直叫了一整夜，平时不这样，主人是个独居老太太", "鹦鹉一直叫'奶奶奶奶'，到现在都
# 没停，奶奶一个人住的", "门口有股很难闻的味，好几天了，那家住的是个独居老人，也好久没见了".
PET_OR_SMELL = rule(
    r"(?:狗|猫|鹦鹉|鸟)[^。]{0,16}?(?:叫了一(?:整)?夜|叫了一天一夜|叫了一整天|一直叫|挠门)"
    r"[^。]{0,30}?(?:独居|一个人住|一个人过|没见|没回来|不这样)"
    r"|(?:鸽子|鸟)[^。]{0,6}?(?:[两三几]|好几)天没放"
    r"|(?:味|臭)[^。]{0,30}?(?:独居|一个人住|老人|老头|老太)[^。]{0,16}?(?:好久|好几天|几天|多久)没(?:见|看到)"
)

# A relative, or a neighbour, who cannot reach someone with a health worry or a broken
# habit, and asks for someone to go and knock: "我外公每天晚上八点都会给我打视频，今晚没打，我打
# 过去也不接…能麻烦哪位叔叔阿姨去看看吗", "老姐妹早上说胸口闷…刚才打她电话没人接了", "座机一直
# 占线，手机也不通，平时不这样的，我心里慌得很", "电话都没人接，佢有高血压".
_UNREACHED = r"(?:打不通|没人接|没接|不接|联系不上|关机|占线|不通|不回(?:消息|微信)|没回(?:消息|微信|电话)|没人听|冇人听|冇覆|没覆)"
_HEALTH = (
    r"(?:胸口|心口|喘|头晕|头疼得|心脏|高血压|血压高|身体不舒服|不舒服|摔过|记性不好|痴呆|糊涂|癫痫|"
    r"糖尿病|中风|脑梗|刚做完手术|刚出院|腿脚不好|腿脚不方便)"
)
_GO_SEE = (
    r"(?:去看看|去看一眼|去看下|去瞧瞧|去敲|帮忙看|帮我看|帮手睇|帮我去|上去看|过去看|敲敲门|敲下门|"
    r"慌得|心慌|担心|平时不这样|平时实覆|平时都接)"
)
KIN_UNREACHED = rule(
    rf"{_WHO}[^。]{{0,40}}?{_HEALTH}[^。]{{0,40}}?{_UNREACHED}"
    rf"|{_WHO}[^。]{{0,30}}?{_UNREACHED}[^。]{{0,30}}?{_HEALTH}"
    rf"|{_WHO}[^。]{{0,24}}?(?:每天|平时|平常|天天)[^。]{{0,30}}?(?:今晚|今天|今早|今朝|今日)[^。]{{0,16}}?"
    rf"{_UNREACHED}[^。]{{0,40}}?{_GO_SEE}"
    rf"|{_WHO}[^。]{{0,30}}?(?:一直|都)?{_UNREACHED}[^。]{{0,12}}?(?:平时不这样|平时实覆|平时都接|平时都回)"
    # Two signs of someone alone: not out this morning, and the phone unanswered.
    rf"|(?:独居|一个人住|一个人在家)[^。]{{0,40}}?没(?:出来|出门|下楼|见)[^。]{{0,20}}?{_UNREACHED}"
)

# A sound, then nothing: a knock on the wall, a thud or a scream and silence after it, with
# someone alone or unwell behind the wall ("敲了一下她的墙，然后就没声了，今天一天没出门",
# "又响了一声之后就再没动静了，住一楼的是个瘫痪老人", "尖叫了一声就没声了").
SOUND_THEN_SILENCE = rule(
    r"(?:敲了一下|咚|扑通|咣当|砰|哐|尖叫|惨叫|喊了)[^。]{0,12}?(?:一声|一下)?[^。]{0,4}?"
    r"(?:然后|之后|接着)?(?:就)?(?:再)?(?:也)?没(?:了)?(?:声|动静)"
    rf"[^。]{{0,40}}?(?:{_WORRY}|瘫痪|卧床|一天没|没出门|害怕|出事)"
    # The sound last night, the silence today (the sound's own clause is past).
    r"|没(?:了)?(?:声|动静)[^。]{0,10}?(?:今天|今早|今儿)(?:一天|一整天)?(?:都)?没(?:出门|开门|动静|声音|出来)"
    # A thud and a groan, a thud and a frantic calling of a name, a thud in the bathroom,
    # "哎哟" and the door not opened.
    r"|(?:咚|扑通|砰|闷响)[^。]{0,20}?(?:哼哼|呻吟|哎哟|哎呦)[^。]{0,12}?(?:没声|没动静|不应)"
    r"|(?:咚|扑通)[^。]{0,20}?(?:叫得很急|喊得很急|一直叫[^。]{0,8}?名字)"
    r"|(?:厕所|卫生间|浴室)(?:里)?[^。]{0,4}?[“\"「]?(?:咚|扑通)[”\"」]?(?:的)?一声"
    r"|(?:哎哟|哎呦|啊)[”\"」]?(?:的)?一声[^。]{0,12}?(?:敲门|叫|喊)[^。]{0,4}?(?:不开|不应|没人应|没反应)"
    r"|(?:卫生间|厕所|浴室)[^。]{0,10}?(?:分钟|小时|半天)(?:了)?(?:还|都)?没出来[^。]{0,10}?(?:叫|喊|敲)[^。]{0,6}?(?:不应|没反应|没人应|不答应)"
)

# The general form (from the misses of a second training file of people living alone,
# measured before it was read): a span of time and a sign of silence close together ("两天联络
# 不上", "报纸已经堆了一周", "连续两天未领取社区送餐", "灯三天三夜没关过", "从昨个儿早上就打不
# 通电话"), in a message that says the person is alone, old or ill, or that the writer is far
# away (:data:`ALONE_OR_FAR`, tested by safety on the whole message). A service not given
# ("每天电话问候…一个多星期没接到了") is no silence of the person's.
_SPAN = (
    r"(?:[一两二三四五六七八九十几]+(?:天|日|周|个星期|个礼拜)|好几天|好些天|这几天|这两天|半个月|一个多星期|"
    r"\d+(?:个)?小时|一天一夜|[三两]天[三两]夜|一整天|一整夜|从(?:前天|昨天|昨晚|前晚|昨个儿?|周[一二三四五六日天]|"
    r"礼拜[一二三四五六日天]|上周)|昨天(?:也|就|到今天|到现在|一天)|第[二三四五六七]天|连(?:续|着)[两三几]?(?:天|日|顿)|"
    r"快两天|两三天|三四天|整个(?:星期|礼拜))"
)
_SIGN = (
    r"(?:联系不上|联络不上|聯絡不上|失联|失聯|打不通|没人接|沒人接|没得人接|无人接听|無人接|不接(?!到)|勿接|"
    r"冇人?聽|没回(?:我们|我)?(?:的)?(?:消息|微信|电话)|没有?(?:任何)?回应|无应答|无人应答|没人应|沒人應|勿应|"
    r"没人开|没开(?:过)?门|沒開門|敲不开|不开门|没人理|没人吱声|没动静|没声音|没见(?:着|到|过)?(?:人|他|她)?|"
    r"沒見|没看到|没看见|没出门|沒出門|没下(?:楼|来)|没出现|未见|未领取|没(?:去|来)(?:领|取|拿|吃|下棋|晨练)|"
    r"没(?:取|拿|收|扔|倒|关过?|动过?|开灯|开過燈|撕|拉开|反应)|沒開燈|堆(?:着|了|满|在|到)|积压|一直(?:亮着|开着|响|叫)|"
    r"没亮过|(?:亮|开|响|叫|放|堆)到(?:今天|现在)|叫了|没在[^，。]{0,5}?出现)"
)
SPAN_OF_SILENCE = rule(rf"{_SPAN}[^。]{{0,14}}?{_SIGN}|{_SIGN}[^。]{{0,14}}?{_SPAN}")
ALONE_OR_FAR = rule(
    r"独居|獨居|一个人住|一個人住|一个人过|一个人在家|一個人在家|一家头|孤寡|自己住|一个人租|"
    r"就剩(?:老爷子|老太太|老头|老太|他|她)一个|老伴(?:儿)?(?:去年|前年|前几年)?走了|"
    r"老人|老太太|老太|老头|老爷子|老大爷|老奶奶|老爷爷|大爷|大娘|阿婆|阿伯|老伯|伯伯|婆婆|奶奶|爷爷|外婆|外公|"
    r"姥姥|姥爷|老教授|老.头|退休|八十|七十|九十|瘫痪|残疾|高血压|糖尿病|心脏|哮喘|癌症|"
    r"在外地|在国外|在外省|回不来|回不去|(?:我|人)在(?:美国|国外|外地|老家|北京|上海|广州|深圳|香港|台中|郑州|成都|新疆)"
)
# A pet or a worker the silence is about, not a person at home (safety, for the families of
# silence): "这两天没见着快递员", "我奶奶家的猫三天没出门了" (:data:`PET_SILENT`).
_WORKER = r"(?:快递员|快递小哥|外卖员|外卖小哥|保洁|保安|物业|师傅|收垃圾的)"
NOT_A_RESIDENT_BEFORE = rule(rf"{_WORKER}[^，。人]{{0,4}}$")
NOT_A_RESIDENT_AFTER = rule(rf"(?:着|到)?(?:{_WORKER}|猫|狗|鸟|鹦鹉|鸽子)")
PET_SILENT = rule(
    r"(?:猫|狗|鸟|鹦鹉|鸽子)(?![粮盆窝笼])[^，。]{0,3}?(?:[一两三四五六七八九十几]+天|好几天|一整天|这几天|这两天)"
)
SERVICE_NOT_GIVEN = rule(
    r"没接到|问候电话|回访电话没|助餐点|还没开(?:门|业)?[，。]|没通知|没公示"
    r"|(?:物业|客服|热线|维修|师傅|12345)[^，。]{0,8}?(?:没人接|打不通|不接)"
    r"|垃圾[^，。]{0,6}?堆|定期清理|从外面锁|上门维修|要预约"
    # A device or a notice about such cases, not a case: "24小时不开门就自动报警", "以后遇到独居
    # 老人联系不上的情况可以直接打".
    r"|就(?:会)?(?:给|自动|通知|报警|发消息)|遇到[^，。]{0,16}?(?:的)?情况|的情况[，,]?请"
    # Lead, eighteenth session: a repair asked for and nobody come ("打电话报修半个月没人来").
    r"|(?:报修|投诉|反映|维修)[^，。]{0,10}?没人(?:来|管|修|理)"
)

# Someone said to live alone, with one sign of someone down (a groan, a cry of pain, a fall,
# a smell of decay or of a pot burnt dry) or two signs of silence (no answer at the door or on
# the phone, a light or a television on, things not taken in, a span of days): "老太太一个人在
# 家，喊了好几声没人应…一股糊味", "一个人住的…刚才我听着她在上面喊疼，完了就没动静了", "门从里面
# 反锁了，怎么叫都不开，她一个人在里面". Tested on the whole message by safety
# (:func:`alone_in_trouble`).
LIVES_ALONE = rule(
    r"独居|獨居|一个人住|一個人住|一个人过|一个人在家|一個人在家|一个人在里面|一家头|孤寡|一个人租|"
    r"就(?:剩|是)(?:老爷子|老太太|老头|老太|他|她|一个老人|一个老爷子|一个老太太)(?:一个)?(?:人)?住|"
    r"就剩(?:老爷子|老太太|老头|老太|他|她)一个|(?:一个|个)老(?:人|爷子|太太|头)住|老伴(?:儿)?(?:去年|前年)?走了"
)
_DOWN_SIGN = rule(
    r"喊疼|叫疼|喊痛|哼哼|在哼|呻吟|哎哟|哎呦|喊饿|帮帮我|救救我|爬不起来|倒在(?:地|客厅|卫生间|厕所|浴室)|"
    r"倒下了|滑下去|腐臭|臭味|烧干|糊味|喘气声|“救命”|写着救命"
)
_SILENT_SIGN = rule(
    r"没人应|(?<!答)不应|勿应|冇人应|没反应|没人开|叫不开|打不开|推不开|门锁着|反锁|没动静|没(?:有)?声音?|"
    r"打不通|没人接|没接(?!到)|关机|不出来|一直(?:在)?(?:叫|响|开着|亮着)|没拿|没取|没收|没关|堆着|"
    r"没见|没看到|没出门|没下楼|没开(?:过)?门|[一两三几](?:天|日)|一整天|一整夜|一天一夜|从(?:前天|昨天|前晚)|昨天也|"
    r"亮着|开着|还在响|没拉开|敲门没人|未接|无应答|未见|今天又|还是没|没倒|没撕|没捡|没动"
)


def alone_in_trouble(text: str) -> bool:
    """One sign of someone down, or two different signs of silence, in ``text``."""
    if _DOWN_SIGN.search(text):
        return True
    return len({m.group(0) for m in _SILENT_SIGN.finditer(text)}) >= 2


# A thud last night and no answer today ("昨晚听见楼上哐的一声，今天敲门一直没人开"): the match
# is today's silence, so that last night's clause does not make it past; safety asks for the
# sound before it (:data:`A_THUD`).
NO_ANSWER_TODAY = rule(
    r"(?:今天|今早|今儿)[^。]{0,8}?(?:敲门|叫|喊)[^。]{0,6}?(?:没人开|没人应|不开|不应)"
)
A_THUD = rule(r"扑通|咚|哐|砰|闷响|很重的一声")

FAMILIES = (
    ("lives_alone", LIVES_ALONE),
    ("no_answer_today", NO_ANSWER_TODAY),
    ("span_of_silence", SPAN_OF_SILENCE),
    ("broken_routine", BROKEN_ROUTINE),
    ("piling_up", PILING_UP),
    ("days_unseen", DAYS_UNSEEN),
    ("pet_or_smell", PET_OR_SMELL),
    ("kin_unreached", KIN_UNREACHED),
    ("sound_then_silence", SOUND_THEN_SILENCE),
)

# The silence explained or the person found well ("我们打电话问了，她感冒了在家休息", "叫她也不
# 应，耳背", "刚在菜市场碰到他了"): clears these families, and the model may not add urgency
# to such a message either (:func:`bot.understand.safety.model_may_add`).
# An errand asked for the person who has not come down ("奶奶三天没下楼了，腿疼，谁能帮忙买点菜
# 送上去"): the writer knows why, and the person is at home to take it (lead, seventeenth
# session; every training line that asks it is a help request or chat, none urgent).
ERRAND_FOR = rule(r"(?:买|带|拿|捎)[^，。]{0,8}?(?:送上去|送上楼|送到(?:她|他)?家|送过去|送上来)")
# Of these, word from the person ("打通了", "回我消息了", "他说没事", "碰到他了") is an
# all-clear however sure the model is; deafness or being away only explains a door not
# answered, and may stand beside a danger ("501门口一直在往外流水…老太太耳朵背，敲门没反应",
# "有人在撬对门的门，对门出去旅游了"): a sure model is not held back by it
# (:func:`bot.understand.safety.model_may_add`; lead, twenty-fourth session).
_HEARD_FROM = (
    r"(?<![没不])(?:打|问|联系)(?:通|上|到)了|(?:问|打电话问)了[^。]{0,8}?(?:说|她|他)"
    r"|(?<![没不])回(?:我)?(?:电话|消息|微信)了"
    r"|(?:她|他|人)(?:说)?(?:没事|挺好|好着呢|好好的)|感冒了[^。]{0,4}?(?:在家|休息|躺着)|在家休息"
    r"|(?<![没不])(?:碰到|见到|看到)(?:他|她)了"
)
HEARD_FROM = rule(_HEARD_FROM)
FOUND_WELL = rule(
    r"耳背|耳朵背|听不见|住院了|去医院了|去女儿家|去儿子家|回老家了|出去旅游|" + _HEARD_FROM
)

# Families whose whole match is one long run of signs: only the clause before is read, as
# for the other families of silence, and a reason for the silence clears them.
SILENCES = (*(name for name, _ in FAMILIES), "wandering", "cut_off")
