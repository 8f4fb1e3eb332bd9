"""Urgent situations said as a question or a plea (urgent9).

Families of :data:`bot.understand.situations.FAMILIES`, put through the same clause tests by
:func:`bot.understand.safety.urgent`. Found by an attack in forms earlier attacks had not
tried (tests/understand/attack11_texts.py): a child asked after with what they wear or how
old they are, an old person nobody has answered for days, a fallen wire in water.
"""

from __future__ import annotations

from bot.understand.patterns import rule

_CHILD = r"(?:孩子|小孩|小朋友|男孩|女孩|小姑娘|小女孩|小男孩|男娃|女娃|娃娃|宝宝|小家伙)"
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
    r"(?:腿|脚|半个身子|身子|往下看|往外|晃|在外面|没(?:有)?(?:防护网|护栏|大人)|下面(?:就)?是|\d+楼|"
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
    rf"|(?:{_CHILD}|她|他)[^。]{{0,12}}?(?:站在|坐在|趴在|蹲在|爬到|爬上)[^，。]{{0,6}}?(?:空调外机|外机)"
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

#: The families of this module, by name (appended to :data:`situations.FAMILIES`).
FAMILIES = (
    ("asked_after", ASKED_AFTER),
    ("unanswered_days", UNANSWERED_DAYS),
    ("wire_in_water", WIRE_IN_WATER),
    ("child_on_edge", CHILD_ON_EDGE),
    ("dog_going_for", DOG_GOING_FOR),
    ("hazard_signs", HAZARD_SIGNS),
)
