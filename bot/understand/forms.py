"""Urgent situations said as a question or a plea (urgent9).

Families of :data:`bot.understand.situations.FAMILIES`, put through the same clause tests by
:func:`bot.understand.safety.urgent`. Found by an attack in forms earlier attacks had not
tried (tests/understand/attack11_texts.py): a child asked after with what they wear or how
old they are, an old person nobody has answered for days, a fallen wire in water.
"""

from __future__ import annotations

from bot.understand.patterns import rule

_CHILD = r"(?:孩子|小孩|小朋友|男孩|女孩|小姑娘|小女孩|小男孩|男娃|女娃|娃娃|宝宝|小家伙|小丫头|小小子|小妹妹|小弟弟|小娃|BB仔|bb仔)"
_ELDER = (
    r"(?:老人|老太太|老太|老头|老爷子|老大爷|老奶奶|老爷爷|大爷|奶奶|爷爷|阿婆|阿公|婆婆|"
    r"姥姥|姥爷|外婆|外公)"
)
_ASKED_SEEN = r"(?:有人|有没有人|谁|大家|哪位|各位)[^，。?？]{0,3}?(?:看到|看见|见到|见过)(?:过)?"
_DESCRIBED = r"(?:\d+岁|[一两三四五六七八九十]+岁|穿|刚刚还在|刚才还在|找不到|不见了|走丢|没回)"

# A child (or a confused old person) asked after, with what they wear, their age, or where
# they were a moment ago: "有人看到一个穿蓝衣服的小男孩吗？四岁，刚刚还在滑梯那". A child
# asked after for something they did ("有人看到一个小孩把我家车划了吗") is not described so.
ASKED_AFTER = rule(
    rf"{_ASKED_SEEN}[^。?？]{{0,4}}?(?:一个|个)?(?:穿|\d+岁|[一两三四五六七八九十]+岁)"
    rf"[^。?？]{{0,12}}?{_CHILD}[^。?？]{{0,2}}?(?:吗|嘛|没有|没|[?？])"
    rf"|{_ASKED_SEEN}[^。?？]{{0,12}}?{_CHILD}[^。?？]{{0,2}}?(?:吗|嘛|没有|没|[?？])"
    rf"[^。]{{0,16}}?{_DESCRIBED}"
    rf"|{_ASKED_SEEN}[^。?？]{{0,12}}?{_ELDER}[^。?？]{{0,2}}?(?:吗|嘛|没有|没|[?？])"
    r"[^。]{0,24}?(?:没回|不见了|走丢|找不到|糊涂|痴呆|打不通|没人接|联系不上)"
)

_DAYS = r"(?:[一两三四五六七八九十几]+天|好几天|一整天)"
_KNOCKED = r"(?:敲门|叫门|喊门|按门铃|打电话|打他电话|打她电话|电话)"
# An old person whom nobody has answered for days, the door knocked or the phone rung:
# "能不能帮忙看看5楼那个老人，敲门两天没应". The duration is the point: only the clause before
# it is read (as for ``overdue``); a reason of absence given ("估计去女儿家了") clears it.
UNANSWERED_DAYS = rule(
    rf"{_ELDER}[^。]{{0,16}}?(?:{_KNOCKED}[^。]{{0,6}}?{_DAYS}|{_DAYS}[^。]{{0,6}}?{_KNOCKED})"
    r"[^。]{0,4}?(?:没(?:人)?应|不应|没人开|不开|没反应|不答应|没(?:人)?接|不接|打不通)"
)

# A wire fallen into water or onto wet ground and still live: "电线杆的线断了掉在水坑里
# 滋滋响".
WIRE_IN_WATER = rule(
    r"(?:电线|线|电缆)[^。]{0,6}?(?:断了|掉了|掉下来|垂下来)[^。]{0,8}?(?:水坑|水里|水塘|积水|湿)"
    r"[^。]{0,10}?(?:滋滋|嗞嗞|噼啪|噼里啪啦|冒火|打火|火花|冒烟)"
)

# A reason of absence given: "估计去女儿家了", "她去女儿家住了", "过完年才回来" (see also safety._PROBABLY_OUT).
AWAY_GIVEN = rule(
    r"(?:估计|可能|应该|大概|也许|八成)(?:是)?(?:去|回|住到?)[^，。]{0,4}?(?:家|那边|那儿|老家|医院|了)"
    r"|去[^，。]{0,4}?(?:家|那边|那儿|老家|医院)(?:了|住)|才回来"
)

_EDGE = r"(?:窗台|窗户|窗沿|窗口|飘窗|阳台|天台|楼顶|屋顶|雨棚|空调外机|外机|护栏|栏杆|围墙|女儿墙|花架子?)"
_POSED = r"(?:坐着|站着|趴着|蹲着|骑着|挂着|爬着|有)"
# Said after: the danger of the height ("腿在外面晃", "往下看", "没有防护网", "八层楼高").
_AT_RISK = (
    r"(?:腿|脚|半个身子|身子|往下看|往外|晃|在外面|没(?:有)?(?:防护网|防盗网|护栏|大人|人)|下面(?:就)?是|\d+楼|"
    r"[二三四五六七八九十]+楼|几楼|层楼|楼高|好危险|很危险|太危险|吓人|快)"
)
# A child on a ledge, a sill, a canopy or a roof edge, the place said first ("天台边上坐着一个
# 小孩，腿耷拉在外面", "二楼的雨棚上趴着个小孩") or the child ("小孩站在空调外机上往下看"),
# with the danger of the height said; a child leaning or climbing out ("半个身子探出来了").
# (Child first at a window or a rail: ``situations.CHILD_AT_HEIGHT``.) A child playing on a
# balcony, nothing of the height said, is not urgent. Only the clause where the child is
# placed is read by the clause tests (what follows describes the height: "就是那种铁架子").
CHILD_ON_EDGE = rule(
    rf"{_EDGE}(?:边|边上|上|外面|外)?[^，。]{{0,6}}?{_POSED}(?:一个|个)?{_CHILD}(?!的)"
    rf"[^。]{{0,24}}?{_AT_RISK}"
    rf"|{_CHILD}[^。]{{0,8}}?(?:站在|坐在|趴在|骑在|蹲在|爬上|爬到|在)[^，。]{{0,8}}?"
    r"(?:空调外机|外机|雨棚|飘窗|天台边|楼顶边|围墙上|女儿墙|花架)"
    rf"[^。]{{0,24}}?{_AT_RISK}"
    rf"|{_CHILD}[^。]{{0,8}}?(?:在)?往(?:窗)?外(?:爬|探)|(?:半个)?身子探出(?:来|去)?了?"
    # Anyone but a workman on an outdoor air-conditioner ("她一个人站在阳台的空调外机上").
    rf"|(?:{_CHILD}|她|他)[^。]{{0,12}}?(?:站在|坐在|趴在|蹲在|爬到|爬上)[^，。]{{0,6}}?(?:空调外机|外机|冷气机|空调架)"
    # Lead, twenty-first session: astride a balcony railing, outside a window ("有个小孩骑在阳台栏杆
    # 上 晃荡着腿", "小妹妹在窗户外面爬", "有个小孩在窗户外面 就挂在那儿").
    rf"|{_CHILD}[^。]{{0,8}}?(?:骑在|坐在|站在|挂在|吊在|趴在|爬上|爬到)(?:了)?(?:阳台|窗户?|窗台)的?(?:栏杆|护栏)(?:上|外)?(?![旁边下])"
    rf"|{_CHILD}[^。]{{0,6}}?在窗(?:边|口|台)(?:上)?(?:爬|站|坐)[^。]{{0,16}}?(?:没(?:有)?(?:防盗网|防护网|护栏)|开着|大开)"
    rf"|{_CHILD}[^。]{{0,6}}?在窗(?:户|台)?外(?:面|边|头)|{_CHILD}[^。]{{0,4}}?在(?:外面|外边)的?窗台上(?:站|坐|蹲|趴)"
    # Lead, twenty-second session: climbing a balcony's railing, climbing out of a window
    # ("阳台上的小宝宝在爬护栏", "小孩爬窗了！").
    rf"|(?:阳台|窗台|窗户|飘窗)[^。]{{0,8}}?{_CHILD}[^。]{{0,4}}?(?:在|正在|又在|又)(?:爬|翻)(?:上|到|过)?(?:了)?(?:栏杆|护栏)"
    rf"|{_CHILD}[^。]{{0,4}}?(?<!开始)(?<!会)(?<!爱)(?<!喜欢)(?<!总)(?<!老是)爬(?:上)?(?:了)?窗(?:户)?(?:了|啦|[！!])"
    # ...on a sill or at a window, the danger said after ("小孩站窗台上拍玻璃呢，纱窗都掉了，窗户开着
    # 一半", "那孩子又坐窗台上了，大人出去买菜了").
    rf"|{_CHILD}[^。]{{0,8}}?(?:站|坐|趴|蹲|骑|爬)(?:在|到)?(?:了)?(?:窗台|窗户台|窗沿|窗边|窗口)"
    rf"[^。]{{0,24}}?(?:{_AT_RISK}|开着|大开|敞着|大敞|没关|大人(?:出去|不在|没在)|探)"
)

_BITTEN = (
    r"(?:孩子|小孩|小朋友|男孩|女孩|小姑娘|小女孩|小男孩|小学生|学生|娃|老人|老太太|大爷|奶奶|"
    r"人|送快递的|快递员|外卖员)"
)
# A dog going for a person now: "藏獒跑出来了，现在正在追一个小孩", "两只狗…一只已经咬住他的裤腿
# 了", "大狗扑到一个小朋友身上了"; bitten and bleeding: "狗把一个送快递的咬了，那人腿上全是血".
# Not a dog chasing a cat, nor one that jumps at people as a habit ("见了小孩就扑", "经常追着
# 人跑": safety reads ``hazards.HABIT`` for this family, as for things thrown).
DOG_GOING_FOR = rule(
    r"(?:狗|犬|藏獒|金毛|哈士奇)[^。]{0,10}?(?:(?:现在|正在|还在)(?:在)?追(?:着)?|扑(?:着|到)|咬(?:住|着)|围着)"
    rf"[^，。]{{0,4}}?(?:一个|个)?{_BITTEN}"
    r"|(?:狗|犬|藏獒|金毛|哈士奇)[^。]{0,4}?(?:一只|只)?(?:已经)?咬住[^，。]{0,4}?(?:他|她)的?"
    r"|(?:狗|犬|藏獒|金毛|哈士奇)[^。]{0,10}?咬(?:了|伤了?)[^。]{0,16}?(?:血|伤口)"
    # Lead, eighteenth session: bitten and held, or bitten now ("狗咬了一个小女孩的腿，还追着不放",
    # "那個狗咬到小朋友的手，一直咬著不放", "狗咬小孩了，在滑梯那边，快").
    rf"|(?:狗|犬|藏獒|金毛|哈士奇)[^。]{{0,10}}?咬(?:了|到|伤)?[^，。]{{0,4}}?(?:一个|个)?{_BITTEN}"
    r"[^。]{0,12}?(?:不放|不松|追着|快(?:[来叫打救]|$|[!！\s，。])|尖叫|在叫)"
)

# Dangers by their signs that are not the usual words (lead, eighteenth session, from the
# writers' training files of emergencies said in unusual ways): metal people touch that is
# live ("单元门的门把手有电，麻了我一下", "花园那个灯柱有电"); a gas hob that will not shut off
# ("燃气灶旋钮掉了，关不上，一直出气"); a ceiling cracking now ("天花板在裂，咔咔响"); a facade
# worker or a cleaning cradle in trouble ("蜘蛛人的座板翻了，人就挂在安全绳上晃", "吊篮被风吹得
# 一直撞墙"); a child in a car in the sun or shut in; a tree about to fall; a tree on a car
# with someone in it; a gas cylinder's hose spraying. A family (gated on its own), not a part
# of hazards.HAZARD_NOW, whose gate its common characters (有, 电, 车, 里) would open wider.
HAZARD_SIGNS = rule(
    r"(?:门把手|把手|铁门|单元门|防盗门|灯柱|灯杆|路灯杆|栏杆|扶手|信箱|晾衣架|洗衣机|水龙头)[^，。]{0,4}?"
    r"有电(?![吗没了])|麻了我一下|手一麻"
    r"|(?:燃气灶|煤气灶|灶台|炉灶)[^。]{0,10}?(?:关不上|关不掉|一直(?:在)?(?:出气|呼呼|嘶嘶)|往外(?:出|冒)气)"
    r"|(?:天花板|吊顶)[^，。]{0,4}?(?:在裂|裂开了|咔咔|要塌|快塌|塌下来)(?![^，。]{0,6}?(?:再|才|吗|呢))"
    r"|(?:蜘蛛人|擦玻璃|清洗外墙|抹窗|吊篮|座板)[^。]{0,20}?(?:挂在|吊在|吊咗|挂墙|撞墙|翻了|缠上|卡住|下不来|不动了|没力气)"
    r"|车里[^，。]{0,4}?(?:有|还有|锁着|关着)?(?:个|一个)?(?:孩子|小孩|婴儿|宝宝|娃)[^。]{0,16}?"
    r"(?:窗户|太阳|晒|热|闷|关着|打不通|谁的车|没人|不在|哭)"
    r"|(?:车里|车)[^，。\s]{0,2}\s*(?:小孩|孩子|婴儿|宝宝)\s*(?:窗户关着|没人)"
    r"|里(?:有|还有)(?:个|一个)(?:婴儿|宝宝|小孩|孩子)[^。]{0,16}?(?:太阳|晒|闷|车主)"
    r"|树[^。]{0,8}?(?:要倒了|快倒了|马上要倒|在倒)|(?:压|砸)在[^，。]{0,6}?车上[^。]{0,8}?车里(?:好像)?(?:还)?有人"
    r"|(?:液化气|煤气|燃气)(?:瓶|罐)[^。]{0,12}?(?:喷着?气|嘶嘶)"
)

# Lead, nineteenth session, from the misses of the writers' training files of emergencies
# said in everyday ways (urgentways5, urgentways6, elsewhere9: measured before they were read).
_STRUCK_WHO = (
    r"(?:人|孩子|小孩|小朋友|男孩|女孩|小女孩|小男孩|老人|老太太|大爷|大妈|阿姨|妈妈|小伙子?|"
    r"骑车的|行人|清洁工|保洁|外卖员|快递员|司机|老大爷|老奶奶|孕妇)"
)
_VEHICLE = r"(?:车|三轮|货车|面包车|轿车|摩托|电驴)"
_HIT = r"(?:撞了|撞倒了?|撞到了|撞飞了?|刮倒了?|碾了|轧了|压了)"
# A person hit by a vehicle now or pinned under it, or shut in a crashed car: "小孩骑滑板车冲
# 出来被车撞了", "垃圾车倒车没看后面 把清洁工阿姨撞了", "3栋前面有辆搬家货车撞倒了一个骑车的
# 小伙子", "人压在车底下，快来几个人抬", "一个司机卡在车里出不来". Not a car hit ("我家车被撞了").
VEHICLE_HIT = rule(
    rf"{_VEHICLE}[^。]{{0,10}}?{_HIT}(?:一个|个|两个|好几个)?[^，。]{{0,6}}?{_STRUCK_WHO}(?![^，。]{{0,2}}?就跑)"
    rf"|{_VEHICLE}[^。]{{0,16}}?把(?:一个|个|两个)?[^，。]{{0,8}}?{_STRUCK_WHO}{_HIT}"
    rf"|{_STRUCK_WHO}[^，。]{{0,8}}?被(?:车|三轮|货车|电动车|汽车|摩托|面包车)(?:子)?{_HIT}"
    rf"|(?:压|卡)在(?:车|三轮车?|轮子|车子)(?:底下|下面|底|边上)|{_STRUCK_WHO}[^，。]{{0,3}}?在车(?:底下|下面)"
    r"|卡在车里(?:出不来|动不了|没动静)|车里(?:的)?人(?:没动静|不动了|昏迷)"
)
# Someone breaking in now: "有个戴帽子的人在撬我家锁，还在弄", "小偷正在爬…防盗窗", "有人在一家家
# 拧门把手", "从阳台翻进来了", "顺着阳台往上爬，已经爬到三楼了".
BREAKING_IN = rule(
    r"(?:在|正在)撬[^，。车]{0,6}?(?:家|户|门)(?![^，。]{0,6}?车)|撬(?:锁|门)的声音"
    r"|(?:在|正在)(?:爬|翻)[^，。]{0,10}?(?:防盗窗|防盗网|窗户|阳台)(?![^，。]{0,3}?玩)"
    r"|从(?:阳台|窗户|窗子)(?:翻|爬)进(?:来|去)了|(?:一家家|挨家挨户)(?:拉|拧)(?:门|窗)"
    r"|(?:人|男的|小偷|贼)[^。]{0,8}?顺着(?:阳台|水管|管道|防盗窗|空调架)(?:往上)?爬|爬到[二三四五六七八九十\d]+楼了"
)
# A farewell said now, with where the person is or the phone unanswered: "发朋友圈说要跟这个
# 世界告别，打电话也不接，他一个人住", "说今晚要从楼上跳下去 刚看到她在阳台上", "配了一句'再见
# 了'，现在打电话不接".
FAREWELL = rule(
    r"(?:说|发|配了)[^。]{0,12}?(?:告别|不想活|要跳|跳下去|轻生|再见了|遗书|活够了|不想拖累)[^。]{0,24}?"
    r"(?:阳台|楼顶|天台|边上|窗|电话(?:也)?(?:不接|打不通|没人接)|不接电话|门(?:也)?(?:不开|敲不开)|锁(?:在|了门)|关在"
    r"|叫(?:他|她)?(?:也)?不应|安眠药)"
    # Signs of it: a cut wrist bleeding, charcoal bought with tape.
    r"|手腕[^。]{0,8}?(?:全是血|在流血|流了好多血)|木炭[^。]{0,8}?胶带|胶带[^。]{0,8}?木炭"
)
# A small child outside a window or on what is outside it: "一个小孩，站在11楼窗外的空调架
# 上", "一个两三岁的娃趴在窗边 半个身子都出来了", "宝宝趴在窗台上，窗子没有护栏", "小孩站在防盗窗
# 上面", "几个小孩跑上去在边上追着玩 就是没有护栏的那边".
CHILD_OUTSIDE = rule(
    rf"(?:{_CHILD}|娃)[^。]{{0,12}}?(?:站在|坐在|趴在|蹲在|爬上|爬到|在)[^，。]{{0,8}}?"
    r"(?:窗外|空调架子?|防盗窗上面|防盗网上面|栏杆外面?|护栏外面?|顶楼栏杆|楼顶边)"
    rf"|(?:{_CHILD}|娃)[^。]{{0,12}}?(?:趴在|站在|坐在|在)[^，。]{{0,8}}?(?:窗台|窗边|窗口|窗户边)"
    r"[^。]{0,16}?(?:没有?(?:护栏|防护栏|防护网|防盗网)|半个身子|身子(?:都)?(?:探|伸)出)"
    rf"|(?:{_CHILD}|娃)[^。]{{0,12}}?从窗户?(?:里)?(?:伸出|探出|爬出)"
    rf"|(?:{_CHILD}|娃)[^。]{{0,16}}?(?:楼顶|天台|顶楼)[^。]{{0,12}}?(?:边上|栏杆上)[^。]{{0,12}}?(?:玩|走|跑|没有护栏)"
)
# Things thrown down now onto people below: "9栋有人往楼下泼水还扔衣架 楼下全是人", "快躲开
# 上面在扔砖头", "楼上在往下泼水扔东西…楼下好多小孩在玩".
THROWING_NOW = rule(
    r"(?:上面|楼上|有人)(?:在|又在|还在|正在)(?:往下)?扔(?:砖|石|瓶|酒瓶|东西|花盆|刀|衣架|椅子)"
    r"|(?:上面|楼上)(?:又)?(?:扔|丢|砸)下来(?:一个|个|一只|一把|一根)"
    r"|(?:往下|往楼下)(?:泼水|倒水)?[^，。]{0,3}?扔[^。]{0,16}?(?:楼下|下面|底下)(?:全|都)?是(?:人|小孩|孩子)"
    r"|(?:往下|往楼下)[^，。]{0,4}?扔[^。]{0,16}?(?:楼下|下面)(?:好多|很多|有)(?:人|小孩|孩子)"
)

_ANIMAL = r"(?:狗|犬|藏獒|比特|哈士奇|狼狗|金毛|罗威纳|杜宾|猫|马蜂|野蜂|蜂群)"
# An animal attacking now: "流浪狗疯了一样，见人就扑，刚咬了一个保洁阿姨", "被比特犬咬住小腿不放",
# "两条狗打架，一个大爷去拉，手被咬得全是血，狗还在咬", "哈士奇刚把…孩子扑倒了，脸上被抓出血",
# "有只猫发疯了 抓伤了好几个人", "一群马蜂追着小孩蜇". A dog that bites as a habit, said without
# its madness or now, is a complaint ("那条狗见人就咬，能不能管管").
ANIMAL_ATTACK = rule(
    rf"{_ANIMAL}[^。]{{0,16}}?(?:疯了|发疯)[^。]{{0,12}}?(?:咬|扑|抓)"
    rf"|{_ANIMAL}[^。]{{0,12}}?(?:见人就(?:咬|扑)|咬)[^。]{{0,16}}?(?:还在(?:咬|那|追|扑)|不放|拉不开|快拿|快来|保安)"
    rf"|{_ANIMAL}[^。]{{0,16}}?(?:扑倒|咬|抓)[^。]{{0,16}}?(?:全是血|出血|满脸|流血|磕在)"
    rf"|(?:被|让)[^，。]{{0,8}}?{_ANIMAL}[^，。]{{0,4}}?咬住[^，。]{{0,6}}?不放"
    r"|(?:马蜂|野蜂|蜂)[^。]{0,8}?(?:追着|围着)[^。]{0,6}?(?:蜇|蛰)|狗咬人(?:啦|了)[^。]{0,4}?快"
    rf"|{_ANIMAL}[^。]{{0,16}}?(?:扑倒|咬)[^。]{{0,16}}?(?:咬在|咬住|拼命拉|拉不开|不松口)"
    rf"|{_ANIMAL}[^。]{{0,6}}?扑到(?:婴儿车|推车|小孩|孩子)"
)
_PEOPLE_BELOW = (
    r"(?:(?:下面|底下|楼下|里面|里头)(?:还|正)?(?:有人|全是人|全是躲雨|都是人|站着人|人在)"
    r"|压到人|砸到人了|压着人|(?:人|保安|工人)[^，。]{0,4}?还在里面|好几个工人掉下来)"
)
# Something collapsing or hanging loose now over people: "楼下那个雨棚连着墙一起塌了 底下全是躲雨
# 的人", "广告牌被风吹掉了一边，正挂着晃，底下就是公交站", "门卫室的屋顶塌了 保安大叔还在里面",
# "大树倒了！！砸在车棚上 下面有人在取车", "脚手架塌了 好几个工人掉下来了". (Falling pieces:
# ``situations.FALLING_MORE``.)
COLLAPSE_OVER = rule(
    rf"(?:塌了|塌下来|倒了|倒下来|砸穿了?)[^。]{{0,24}}?{_PEOPLE_BELOW}"
    r"|(?:挂着晃|吊在那晃|吊着晃)[^。]{0,16}?(?:(?:下面|底下)(?:就是|是)(?:公交站|人行道|路|出入口|门口)|有人|进出)"
)
# Fumes hurting people now: a stove or charcoal burning indoors with its signs ("烧蜂窝煤…看见两
# 人躺着，屋里一股煤烟味", "我老公说他头疼，我也头疼…今天把煤炉子搬进卧室取暖了"); an engine's
# fumes or a spray that fells people ("发电机 废气排不出去 下面干活的两个人都晕了", "往楼道里喷了
# 什么药水…好几个人眼睛睁不开"); a carbon-monoxide alarm with headaches.
FUMES_HURTING = rule(
    r"(?:煤炉|炉子|蜂窝煤|炭盆|炭火|煤烟|烧炭)[^。]{0,30}?(?:晕|躺着|叫不醒|头疼|头痛|恶心|吐|不动)"
    r"|(?:头疼|头痛|头晕|恶心)[^。]{0,40}?(?:煤炉|炉子|蜂窝煤|炭盆|炭火)(?:子)?(?:搬进|放在|在)(?:卧室|屋里|房间)"
    r"|(?:发电机|废气|药水|尾气)[^。]{0,30}?(?:都晕了|晕倒|晕过去|躺着|叫不醒|睁不开|咳吐)"
    r"|(?:报警器)[^。]{0,16}?(?:尖叫|在叫|还在叫|一直响|还在响)[^。]{0,16}?(?:头疼|头晕|恶心|吐)"
    r"|(?:发动着|没熄火)[^。]{0,12}?(?:叫不醒|睡着了|没反应|不动)"
    r"|(?:头疼|头晕|恶心)[^。]{0,30}?(?:燃气|煤气|天然气)[^。]{0,12}?(?:松了|漏|没关|开着)"
    r"|(?:燃气|煤气|天然气)味[^。]{0,24}?(?:迷迷糊糊|迷糊|叫不醒|晕过去|晕倒)"
)
# A burst pipe pouring out now: "15楼消防管爆了，水顺着楼梯往下流，好几层都在淹", "外面主管道破了
# 水一个劲往里灌", "水管爆了水在往外喷，已经淹到小腿了".
PIPE_POURING = rule(
    r"(?:水管|管子|管道|消防管|主管道|暖气管|总管)[^，。]{0,4}?(?:爆了|裂了|破了|冻裂了|爆开了|崩了)"
    r"[^。]{0,24}?(?:往外喷|在喷|往楼下泼|哗哗|哗啦|一个劲|在淹|淹到|成河|往里灌|往下灌|快关(?:阀|总阀|水闸))"
    r"|水(?:已经|正在|还在)[^。]{0,8}?往(?:单元门|大堂|屋|家|楼道|门)里灌"
    r"|(?:车库|地下室|地库)[^。]{0,10}?(?:进水|淹到|淹了|水漫)[^。]{0,16}?(?:还有人|有人在下面|人在下面|人还在)"
)

#: The families of this module, by name (appended to :data:`situations.FAMILIES`).
FAMILIES = (
    ("asked_after", ASKED_AFTER),
    ("unanswered_days", UNANSWERED_DAYS),
    ("wire_in_water", WIRE_IN_WATER),
    ("child_on_edge", CHILD_ON_EDGE),
    ("dog_going_for", DOG_GOING_FOR),
    ("hazard_signs", HAZARD_SIGNS),
    ("vehicle_hit", VEHICLE_HIT),
    ("breaking_in", BREAKING_IN),
    ("farewell", FAREWELL),
    ("child_outside", CHILD_OUTSIDE),
    ("throwing_now", THROWING_NOW),
    ("animal_attack", ANIMAL_ATTACK),
    ("collapse_over", COLLAPSE_OVER),
    ("fumes_hurting", FUMES_HURTING),
    ("pipe_pouring", PIPE_POURING),
)
