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

import re

from bot.understand import forms, incidents, quiet, routine, signs, understated, weather
from bot.understand.alarms import (
    ENGLISH,
    FIRE_SEEN,
    GAS_SIGNS,
    MEDICAL,
    PINYIN,
    TERSE,
    TERSE_APART,
)
from bot.understand.patterns import Gate, required_chars, rule

# Anybody: kin, neighbours, workers, "someone". Wider than safety's _PERSON, for the
# patterns below where the place and the event already say that it is danger.
PERSON = (
    r"(?:人|孩子|小孩|小囡|囡囡|小朋友|男孩|女孩|小姑娘|小伙子?|儿子|女儿|闺女|孙子|孙女|外孙女?|"
    r"宝宝|婴儿|娃|细路|老人|老太太|老太|老头|老伴|老爷子|老大爷|老奶奶|大爷|大妈|大娘|大叔|"
    r"大哥|大姐|阿姨|叔叔|奶奶|爷爷|姥姥|姥爷|外婆|外公|婆婆|公公|我爸|我妈|俺爹|俺娘|俺爸|俺妈|"
    r"我爹|我娘|老爹|老娘|爸爸|妈妈|老公|老婆|媳妇|孕妇|病人|邻居|业主|住户|租客|快递员|外卖员|"
    r"小哥|师傅|保安|保洁|学生|同学|男的|女的|阿婆|阿公|阿伯|伯伯|阿爸|阿妈|阿爷|阿嫲|阿婶|阿叔|"
    r"那口子|老头子|老汉|司机|他|她|我|俺)"
)
# Elderly people and children, who go missing.
_VULNERABLE = (
    r"(?:孩子|小孩|小囡|囡囡|小朋友|男孩|女孩|小姑娘|儿子|女儿|闺女|孙子|孙女|外孙女?|宝宝|娃|"
    r"老人|老太太|老太|老头|老伴|老爷子|老大爷|老奶奶|大爷|奶奶|爷爷|姥姥|姥爷|外婆|外公|婆婆|"
    r"公公|我爸|我妈|俺爹|俺娘|俺爸|俺妈|我爹|我娘|老爹|老娘|母亲|父亲|\d+岁|[一二三四五六七八九十两]岁半?|"
    r"小宝|[一二三四五六]年级)"
)
_LIFT = r"(?:电梯|轿厢|客梯|货梯|𨋢|䢂|(?<![楼滑爬阶云扶])梯)"
_CHILD = (
    r"(?:孩子|小孩|小囡|囡囡|小朋友|男孩|女孩|小姑娘|小女孩|小男孩|儿子|女儿|闺女|孙子|孙女|"
    r"外孙女?|宝宝|婴儿|娃|细路|个仔|弟弟|妹妹)"
)

# Someone locked, stuck or still inside a lift that stopped: "我爸被锁在电梯里了",
# "电梯停电了 有个孕妇还在里面", "有个外卖小哥被困电梯半个多小时了".
LIFT_PERSON = rule(
    rf"{PERSON}[^，。!！?？]{{0,4}}?(?:被(?:锁|困|关|卡)(?:在|住)?|(?:锁|困|关|卡)(?:在|住)){_LIFT}"
    rf"|{_LIFT}[^。!！?？]{{0,12}}?(?:停电|断电|停了|卡住|卡死|不动|掉|坠|往下)[^。!！?？]{{0,16}}?"
    rf"(?:有|还有)?(?:个|一个)?{PERSON}[^，。!！?？]{{0,4}}?(?:还|都)?在(?:里面|里头|里边|里)"
    # The speaker or someone named is in it and it stopped: "哥 我在电梯 它不动了".
    rf"|{PERSON}(?:还|就|现在|一个人)?在{_LIFT}(?:里|里面|里头|上)?[^。]{{0,20}}?"
    r"(?:不动了?|停了|停住|卡住|卡了|急停|打不开|出不去|出不来|不走了?|往下掉|掉下|困住|关住|被困|灯(?:都)?黑了|按钮(?:都)?不亮)"
    # Terse: "困电梯了", "卡电梯了", "梯困 速来", "卡住了 电梯".
    rf"|(?:^|[\s，。!！]|{PERSON})(?:被)?(?:困|卡|关)(?:在)?{_LIFT}(?:里)?了"
    rf"|{_LIFT}困(?=[\s，。!！速快]|$)|卡住了[\s，。!！]*{_LIFT}"
    rf"|^{_LIFT}里(?:面)?有人[！!。\s]*(?:快|救命|来人)"
    # A lift falling now: someone is in it to say so ("電梯突然往下掉 停在不知道幾樓").
    rf"|{_LIFT}[^。]{{0,4}}?(?:停|卡)在[^，。]{{0,10}}?(?:中间|之间)"
    rf"|{_LIFT}(?:突然|刚才|刚刚|又|一下子?|在|正在|还在){{0,3}}(?:往下掉|往下坠|掉下去|坠落|下坠|往下滑|往下溜|往下出溜)"
    # Someone in it, heard banging or calling: "电梯里还有人！刚才听见在拍门".
    # Urgent8: a lift moving off with its doors open and someone in it ("电梯门一直开着就往上走
    # 了…我在里面不敢出去"); without anyone inside it is a fault to report (training lines).
    rf"|{_LIFT}门[^。]{{0,6}}?开着[^。]{{0,4}}?(?:就)?(?:往上|往下)(?:走|跑|升|降|冲)[^。]{{0,30}}?"
    rf"{PERSON}(?:还|就|现在)?在(?:里面|里头|里边)"
    rf"|{_LIFT}(?:里|里面|里头|内)(?:还|好像|可能|应该)?有(?:个|一个)?{PERSON}[^。]{{0,20}}?"
    r"(?:拍门|敲门|砸门|喊|求救|出不来|打不开|开不了|哭)"
)

# Someone shut in behind a door that will not open, wherever it is (a thread may not name
# the lift): "我闺女就在里面！刚打电话说门打不开", "门打不开，孩子还在里头".
SHUT_IN = rule(
    rf"{PERSON}(?:就|还|都|一个人)?在(?:里面|里头|里边)[^。]{{0,16}}?"
    r"(?:门打不开|门开不了|门开不开|打不开|开不了门|出不来|出不去|不敢开门)"
    rf"|(?:门打不开|门开不了|门开不开|开不了门)[^。]{{0,12}}?{PERSON}(?:就|还|都|一个人)?在(?:里面|里头|里边)"
)

# Someone alone behind a door who does not answer, or is heard groaning: "独居老太太，
# 喊了半天没人应，门里头好像有人在哼".
NO_ANSWER = rule(
    r"(?:独居|一个人住|一个人在家)[^。]{0,24}?(?:喊了半天|敲了半天|敲门|叫门|喊门|打电话)[^。]{0,6}?"
    r"(?:没(?:有)?人应|不应|没反应|不开|没(?:有)?人开|不接)"
    r"|门里(?:头|面|边)?[^。]{0,6}?(?:在哼|哼哼|呻吟|喊疼|喊救命|求救)"
)

# A person fallen, or about to fall, from a height: "一个小孩从二楼阳台掉下去了".
FALL_FROM_HEIGHT = rule(
    rf"{PERSON}(?:不小心|突然|刚才|刚刚|一下子|就|竟然|居然)?从[^，。!！?？]{{0,10}}?"
    r"(?:阳台|窗户|窗台|窗口|楼上|楼顶|天台|屋顶|楼梯|台阶|脚手架|\d+楼|[一二三四五六七八九十]+楼)"
    r"(?:上|口|边)?(?:掉|摔|跌|坠|翻|滚)(?:了)?(?:下去|下来|下楼)"
    r"(?![^，。!！?？]{0,3}(?:一个|个|一只|只|一件|件|一条|条|东西))"
    # Lead, fourteenth session: "有个东西从楼上掉下去了，看着像个人".
    r"|(?:掉|摔|坠)下去了[^。]{0,8}?像(?:是)?(?:个|一个)人"
)

# Pinned or crushed: "卷帘门把一个小孩压住了", "老人被倒下的柜子压在下面".
PINNED = rule(
    rf"(?:门|柜|架|车|墙|砖|板|树|石|杆|桌|床|梁|杂物|东西)[^，。!！?？]{{0,4}}?(?:把|将)(?:一个|个)?{PERSON}[^，。!！?？]{{0,4}}?(?:压住|压在|砸中|砸倒|夹住|卡住)"
    rf"|{PERSON}被[^，。!！?？]{{0,8}}?(?:压住|压在|砸中|砸倒|埋住|埋在|埋倒|埋了|压倒了)"
    # "围墙倒了，压到一个人，在底下喊".
    r"|(?:压|砸|埋)(?:到|住|着|倒)了?(?:一个|个|好几个|几个|两个)人(?![家的])"
    # "脚手架塌了，下面压着一个工人", "铁门倒了，压着一个小孩的腿".
    rf"|(?:底下|下面)(?:好像|还)?(?:压着|埋着|困着)(?:一个|个|好几个|几个)?[^，。]{{0,3}}?{PERSON}"
    rf"|压着(?:一个|个)?[^，。]{{0,2}}?{PERSON}的?(?:腿|脚|手|身子|胳膊)"
    r"|压(?:到|住|着)了?[^，。]{0,6}?的(?:腿|脚|手|胳膊|身子)"
    # Urgent8: "卷帘门压着腿，喊不出来".
    r"|(?:门|柜|车|墙|板|架)[^，。]{0,3}?压着(?:他|她|我)?的?(?:腿|脚|手|胳膊|身子)"
    # Fallen into a pit: "坑里掉进去一个老人".
    r"|(?:坑|井|池塘?|河|湖|沟|化粪池)里掉进去(?:了)?(?:一个|个)"
)

# A slip or a trip and the person cannot get up: "我妈在卫生间滑了一下 起不来了".
FALL_HURT = rule(
    r"(?:滑了一下|滑了一跤|滑倒了|跌了一下|绊了一下|绊倒|摔了一下|磕倒|崴倒|坐到地上|摔地上|瘫在地上|"
    r"(?<!孩子)(?<!小孩)坐在地上|坐地上"
    # Lead, eighteenth session: a fall from play equipment ("孩子从滑梯上摔下来就是不起来",
    # "小朋友在蹦床上摔下来，胳膊弯成那样").
    r"|(?:滑梯|攀爬架|单杠|双杠|蹦床|秋千|攀岩墙|上下铺)上?[^，。]{0,3}?(?:摔|掉|跌)(?:了)?下来)"
    r"[^。!！?？]{0,16}?(?<!差点)(?:起不来|爬不起来|站不起来|动不了|不能动|抬不动|扶不起来|疼得[^，。]{0,4}?动|"
    r"流血|出血|昏|晕|没反应|叫不醒|使不上劲|用不上力|(?<![就拉])不起来|弯成|骨折|一动不动|不动了)"
)

# An elderly person or a child gone much longer than usual, or unreachable: "奶奶出去买菜
# 三个多钟头了 手机也没带 平时半小时就回来", "俺爹有点老年痴呆 早上出门 到现在还没回".
OVERDUE = rule(
    rf"{_VULNERABLE}[^。!！?？]{{0,16}}?(?:出门|出去|下楼|出了门|放学|说去|去买|去拿|去小卖部|去超市)"
    r"[^。!！?？]{0,24}?(?:到现在|小时|钟头|一整天|一天|一夜|天黑|半天)[^。!！?？]{0,20}?"
    r"(?:还没回|还没有回|都没回|没见回|没回来|还没到家|没到家|联系不上|打不通|不接电话|关机|手机(?:也)?没带|没带手机|"
    r"平时[^，。]{0,8}?就回)"
    rf"|{_VULNERABLE}[^。!！?？]{{0,16}}?(?:出门|出去|下楼)[^。!！?？]{{0,30}}?"
    r"(?:还没回|没回来|联系不上|打不通|不接电话|关机)[^。!！?？]{0,12}?(?:到现在|小时|钟头|天黑)"
    # Out of school and not home: "二年级的朵朵？放学到现在一个多小时了还没到家".
    r"|放学[^。!！]{0,12}?(?:到现在|小时|钟头)[^。!！?？]{0,16}?(?:还没到家|还没回|没回来|没到家|联系不上|打不通)"
    # A child gone from sight in a moment: "六岁，刚才还在楼下玩，一转眼人就不在了".
    rf"|{_VULNERABLE}[^。]{{0,30}}?(?:一转眼|一眨眼|一回头|一扭头|转个身)[^，。]{{0,4}}?(?:就)?"
    r"(?:不在了|不见了|没影了|没了)"
    # "我儿子说去小卖部…小卖部说没见他来过": not where they said they went.
    r"|说去[^。]{0,30}?(?:没见(?:他|她|孩子)?来过|说(?:他|她)(?:根本|压根)?没(?:来|去)(?:过)?)"
    r"|(?:阿尔茨海默|阿兹海默|老年痴呆|痴呆|糊涂|失智|认知障碍|记性不(?:太)?好|不认路|认不得路)[^。!！?？]{0,40}?"
    r"(?:还没回|没回来|没回家|找不到|不见|找遍了?(?:小区|附近|整个))"
    r"|(?:阿尔茨海默|阿兹海默|老年痴呆|痴呆|失智|认知障碍|记性不(?:太)?好|不认路)[^。!！?？]{0,24}?(?:出门|出去|走了|走丢)"
    r"[^。!！?？]{0,16}?(?:没找到|没找着|找不着)"
    rf"|{_VULNERABLE}[^。!！?？]{{0,16}}?(?:出门|出去)[^。!！?？]{{0,16}}?(?:人影(?:都)?没有|不见人影|没见人影)"
    # Not home and the neighbours asked to search: "…可孩子没回家…八岁，大家帮忙找找".
    rf"|{_VULNERABLE}[^。!！?？]{{0,40}}?(?:没回家|没回来|不见了|找不到)[^。!！?？]{{0,40}}?(?:帮忙找|帮着找|一起找|帮我找)"
)

# Water rising where someone still is: "车库积水还在往上涨，好几辆车里还有人". A flood with
# nobody at risk ("地下车库进水了，已经没过脚踝了") is a drainage report, as the corpus labels it.
WATER_RISING = rule(
    r"水[^。!！?？]{0,12}?(?:没过|淹到|漫到|到了|到|浸到|淹过|漫过)(?:了)?(?:脚脖子|脚面|脚背|脚踝|小腿|膝盖|大腿|腰|胸口|胸|脖子)"
    # Tenth attack: the depth said by the car or by the body ("水漫到车窗了", "浸到半个车咁高",
    # "水已经齐腰深了"), or just deep and deeper ("水贼老深了", "水越来越深").
    r"|水[^。!！?？]{0,12}?(?:没过|淹到|漫到|到了|到|浸到|淹过|漫过)(?:了)?(?:车窗|车顶|车门|半个车|轮胎|引擎盖)"
    r"|水[^，。!！?？]{0,6}?齐(?:腰|膝|胸|脖子)|水[^，。!！?？]{0,4}?(?:越来越深|贼老?深|好深|老深)"
    r"|水(?:已经|都)(?:进屋|进家|漫进屋|灌进屋|进到屋里)"
    r"|(?:水|积水)(?![费价电表])[^。!！?？]{0,12}?(?:还在|一直在|一直|还|不停地?)往上(?:涨|漫|冒)"
    # Lead, thirteenth session: water already in the rooms, still rising, still pouring in
    # ("水已经进到房间", "溪水涨起来了…水还在涨", "水一直从大门口灌进来").
    r"|水(?:已经|都)进到[^，。!！?？]{0,4}?(?:屋里|房间|家里|客厅|卧室)"
    r"|(?<![费价])水(?![费价电表])[^，。!！?？]{0,4}?(?:还在|一直在|不停地?)涨(?!价|钱|费)"
    r"|水[^。!！?？]{0,6}?(?:还在|一直在|一直|不停地?)[^，。!！?？]{0,8}?(?:灌进来|涌进来|流进来)"
    r"|水[^，。!！?？]{0,2}?(?:一直|还在|不停地?)(?:往上)?(?:涌|冒)(?:起来|上来)"
    r"|水位[^。!！?？]{0,6}?(?:还在|一直在)涨"
    # Lead, fourteenth session (south-coast and understated files): a river coming up, the
    # ground floors taking water, a car park filling fast ("河水漫上来了，成个屋苑低层都入水",
    # "地下车库进水好快").
    r"|(?:河|江|海|溪)水(?:已经)?(?:漫|涨|冲)上来了|(?:都|已经)入水|进水(?:好|很|特别|非常)快"
    r"|(?<![费价])水[^。!！?？]{0,10}?不停地?涨(?!价|钱|费)"
    r"|(?:进水|水)[^。!！?？]{0,10}?(?:还在|一直在|一直|不停地?)(?:往里灌|往里流|往里涌|往屋里|往下灌)"
    r"|水[^。!！?？]{0,6}?涨得(?:好|很|特别|太)?快"
    # Lead, twelfth session: fast-flowing ("地库浸水，水好急，有架车入面仲有人").
    r"|水(?:流)?[^，。!！?？]{0,2}?(?:好|很|特别|太|非常)急"
)
PEOPLE_IN_WATER = rule(
    rf"(?:还有|有)(?:个|一个|好几个|几个)?{PERSON}[^，。!！?？]{{0,6}}?在(?:里面|里头|下面|车里|车内|屋里)"
    # Lead, thirteenth session: someone to be carried out, told to go upstairs, or slow on
    # their feet ("需要人帮忙抱他出来", "一楼的阿公阿嬷要赶快上楼", "我阿公行动不方便").
    r"|(?:抱|扛|背|救|搬)[^，。!！?？]{0,4}?(?:出来|上楼|出去)|(?:赶快|赶紧|快)(?:上楼|撤离|转移)"
    r"|行动(?:不|无)方便"
    r"|(?:里面|里头|下面)(?:还)?有(?:个|一个)?人"
    rf"|{PERSON}[^，。]{{0,4}}?(?:走不了|出不去|出不来|走不动)"
    rf"|(?:车|屋|房间|地下室|家)里(?:还|都)?有(?:个|一个)?[^，。]{{0,4}}?{PERSON}|{PERSON}(?:还|都)在(?:里面|里头|下面|车里|屋里)|被困"
    r"|还有(?:人|车)在(?:下面|里面|往里)(?:挪车|开车|取车|停车|开)"
    rf"|{PERSON}[^，。]{{0,2}}?困在"
    # Tenth attack: still there, or cannot get out ("B2还有好几个人在抢车", "我爸腿脚不好还在
    # 床上走不了", "人在水里爬不起来", "老汉儿还在车里没有出来").
    r"|还有[^，。]{0,6}?人(?:还)?在(?!群|问|说|讨论)"
    rf"|{PERSON}[^。]{{0,10}}?(?:走不了|走不动|下不了床|爬不起来|站不起来|没(?:有)?出来|不敢出来)"
)

# Water that rises whenever it rains is a drainage complaint, not a flood now.
WATER_HABIT = rule(r"下雨天|一下雨|下大雨就|每次|每逢|每到|经常|老是|总是|一到雨季")

# Someone hiding from violence at home, now: "我躲在厕所里不敢出来" (sensitive as well).
HIDING = rule(
    r"躲在[^，。!！?？]{0,6}?(?:不敢出|不敢开门|不敢出声|锁着门)|躲起来了|(?:我|她|他|孩子)(?:现在)?躲在(?:阳台|厕所|卫生间|洗手间|房间|屋里|卧室|柜子|床底)"
)

# The lift stopped and the one inside is frightened or unwell: "点替卡住了。黑的 我好怕",
# "电梯急停 我怀孕了 很难受" (not "电梯停了 爬楼好难受": see :data:`STAIRS`).
LIFT_FEAR = rule(
    rf"{_LIFT}[^!！?？]{{0,6}}?(?:急停|卡住|卡了|停了|不动了)[^!！?？]{{0,16}}?"
    r"(?:我好怕|好怕|害怕|好黑|黑的|难受|喘不上|头晕|救救|求救|手在抖|好热|好闷|怀着孕|怀孕)"
)
STAIRS = rule(r"爬楼|爬不了楼|爬上去|走楼梯|楼梯|爬了[^，。]{0,3}?[层楼]")

# A child who swallowed medicine or something dangerous: "小孩把药吃了不知道吃了多少".
SWALLOWED = rule(
    rf"{_CHILD}[^，。]{{0,6}}?(?:把|偷|偷偷|自己|不小心)[^，。]{{0,6}}?"
    r"(?:药|洗衣液|洗洁精|消毒水|84|农药|老鼠药|电池|干燥剂|硬币|磁铁|珠子)[^，。]{0,4}?"
    r"(?:吃了|喝了|吞了|吃下去|吞下去)"
    rf"|{_CHILD}[^，。]{{0,8}}?(?:吞了|吞下去|误食|误服|误喝)|误食|误服|误吞|误喝(?:了)?[^，。]{{0,4}}?(?:消毒|农药|药|洗洁精|清洁剂|84|洗衣液)"
)

# Something fell and nearly hit someone, now: "花盆！！从我头顶飞过去了！！差半米！！".
NEAR_MISS = rule(
    r"头顶(?:上)?(?:飞|掉|擦)(?:过|下来)"
    r"|(?:掉|砸|飞|扔|落)[^。]{0,20}?(?:离我|离他|离她|离孩子|离人|差)[^，。!！?？]{0,3}?"
    r"(?:就|只有|不到)?[一半两]米"
    # Urgent8: struck the ground beside the speaker, from above ("天上掉下来一块砖头，就砸在我
    # 前面半米"), not a thing dropped ("钥匙掉在我旁边的草丛里").
    r"|(?:砸|摔)(?:在|到)(?:了)?我(?:前面|旁边|身边|脚边|后面|跟前)"
    r"|(?:楼上|上面|天上|头顶)[^。]{0,10}?掉[^。]{0,10}?(?:在|到)(?:了)?我(?:前面|旁边|身边|脚边|跟前)"
)

# A piece of a wall or a roof fell and more of it is loose now: "外墙保温板在脱落，掉了一大块
# 砸在自行车上，上面还有一大片在晃".
FALLING_MORE = rule(
    r"(?:脱落|掉了|掉下来|砸下来)[^。]{0,24}?(?:还有|上面)[^。]{0,8}?(?:在晃|摇摇欲坠|要掉|快掉|松动了)"
    # A ceiling sagging with water, about to come down: "天花板…鼓起来了，快掉了".
    r"|天花板[^。]{0,16}?(?:鼓|裂)[^。]{0,12}?(?:快掉|要掉|要塌|快塌)"
    # The outside of the building coming down where people walk: "外墙瓷砖一块块往下掉 楼下就是
    # 幼儿园门口", "外墙又在掉砖 现在还有碎渣往下落", "…刮下来一块 上面还有一块在晃".
    # Falling now ("在往下掉", "一块块往下掉") over people, or fallen with more loose above.
    r"|(?:瓷砖|磁砖|外墙|墙砖|砖|保温板|玻璃|广告牌|招牌|窗扇|石块|水泥块|冰溜子|冰块|冰锥|冰凌)[^。]{0,8}?"
    r"(?:在|正在|正|一直|还在|又在|一块块|不停地?)(?:往下)?(?:掉|落)[^。]{0,30}?"
    r"(?:(?:下面|楼下|底下)[^，。]{0,4}?(?:就是|都是|是|有|还有)[^，。]{0,6}?"
    r"(?:人|孩|小朋友|门口|人行道|幼儿园|学校|出入口|路)|往下落|拉警戒|脚边|人行道|绕着走|绕开走)"
    r"|(?:瓷砖|磁砖|外墙|墙砖|砖|保温板|玻璃|广告牌|招牌|窗扇|窗框|窗户框|石块|水泥块|水泥|空调外机|外机|天花板)[^。]{0,8}?"
    r"(?:掉|刮|砸)(?:下来|了)(?=[^。]{0,30}?(?:差(?:一)?点砸|险些砸|(?:上面|墙上)?还有[^，。]{0,10}?(?:在晃|晃着|晃|松|要掉|快掉|裂)))"
)

# A person hanging outside a balcony or a window: "一个人挂在阳台外面".
HANGING = rule(
    rf"{PERSON}[^，。!！?？]{{0,4}}?(?:挂在|吊在|趴在|悬在|扒在)[^，。!！?？]{{0,6}}?"
    r"(?:阳台|窗户?|空调外机|空调架|楼|栏杆)(?:外面|外边|外|边上|架上)"
    r"|人挂在(?:外面|半空|外边)|安全绳[^，。]{0,4}?(?:松|断)"
    r"|(?:挂|吊|悬)着(?:一)?个人[^。]{0,16}?(?:绳子?断|绳子?松|在晃|要掉|快掉|救命)"
    # A child on the edge of a roof or half out of a window.
    rf"|{_CHILD}[^。]{{0,10}}?(?:坐在|站在|趴在|在)[^。]{{0,6}}?(?:边沿|边缘|楼顶边|天台边|屋顶边)"
    r"|半个身子(?:都)?(?:在|探)?(?:外面|出去|窗外)"
    # A child climbed up somewhere high and cannot get down: "孩子爬到雨搭上…下不来了".
    rf"|(?:{_CHILD}|小伙伴)[^。]{{0,6}}?爬(?:到|上)[^。]{{0,16}}?下不来"
    # A child leaning out of an open window, or climbed onto the air-conditioner outside.
    rf"|{_CHILD}[^。]{{0,6}}?(?:趴在|站在|坐在|爬到|爬上)[^，。]{{0,4}}?(?:窗台|窗户)[^。]{{0,8}}?(?:往外探|探出|探身)"
    rf"|{_CHILD}[^。]{{0,4}}?(?:爬到|爬上|爬出)[^，。]{{0,6}}?(?:窗外|窗户外面|空调外机)"
    r"|(?:楼顶|天台|屋顶)[^。]{0,12}?(?:站着|坐着|站在|坐在|蹲在)[^。]{0,8}?(?:边上|边缘|边沿)|(?:楼顶|天台)[^。]{0,10}?边上走来走去"
    # Urgent8: someone on a roof feeling along its edge ("在天台上来回走，还在摸楼的边").
    r"|(?:楼顶|天台|屋顶)[^。]{0,14}?(?:摸|扶着|探出)[^，。]{0,4}?边"
    r"|(?:楼顶|天台|屋顶)[^。]{0,16}?(?:探出(?:半个)?身子|翻(?:过|出)栏杆|在楼边)"
)

# Calm file: a child on a railing, a sill or window bars, said with how high it is or that
# the window is open ("那个小孩怎么在阳台栏杆上站着？对面7楼的", "小孩好像要从窗户上爬出来了，四楼").
CHILD_AT_HEIGHT = rule(
    rf"(?:{_CHILD}|小伙伴)[^。]{{0,12}}?(?:站在|坐在|趴在|骑在|蹲在|爬上|爬到|要从|在)[^，。]{{0,6}}?"
    r"(?:栏杆|护栏|窗台|窗户|防盗网|窗沿)(?:上|外面|外)?(?:站着|坐着|趴着|蹲着|爬出来)?"
    r"[^。]{0,20}?(?:\d+楼|[二三四五六七八九十]+楼|窗户(?:大)?开着|大开着|一只脚|在外面|爬出来|没大人|大人(?:好像)?不在|家里(?:好像)?没人)"
)

# A stranger leading a child away: "不认识的男的…跟小孩搭话，还给糖，一直往小区外面领".
LURED = rule(
    r"(?:男的|女的|人)[^。]{0,10}?(?:抱着|拉着|拽着)[^。]{0,8}?(?:小孩|孩子|小女孩|小男孩|小朋友)[^。]{0,6}?"
    r"(?:往外跑|往外走|往外拉|跑了|抱走)"
    r"|(?:陌生|不认识)[^。]{0,8}?(?:男的|女的|人)[^。]{0,16}?(?:小孩|孩子|小朋友|小女孩|小男孩)"
    r"[^。]{0,16}?(?:往外领|领走|抱走|带走|拉走|往[^，。]{0,6}外面?领|拽着)"
)

# A dog going for a person now: "有条狗在追咬一个小男孩".
DOG_ATTACK = rule(
    r"(?:追咬|扑咬|撕咬|追着咬|扑上去咬)"
    rf"|狗[^。]{{0,8}}?(?:正在|在)咬(?:一个|个)?{PERSON}|狗[^。]{{0,4}}?扑倒了?[^，。]{{0,6}}?在咬"
    # "一条没拴绳的狗把一个小男孩扑倒了，还在咬他的腿".
    r"|狗[^。]{0,12}?(?:扑倒|扑上去|扑到)[^。]{0,12}?(?:还在咬|在咬|咬住|咬着)"
)

# Someone fell into water: "一个小孩在楼下水池边上，脚一滑掉进去了"; not their keys or phone
# ("我钥匙掉进下水井里了"; lead, twenty-fifth session).
INTO_WATER = rule(
    rf"{PERSON}[^。]{{0,16}}?(?:池|河|湖|井|坑|水)[^。]{{0,10}}?(?:掉进去了|掉下去了|掉水里了|落水)"
    # "一个孩子掉进了小区的喷泉池里", sinking in a pool, floating still.
    rf"|{PERSON}[^，。]{{0,4}}?(?<![匙机西包卡鞋伞镜指球具])掉进了?[^，。]{{0,8}}?(?:池|河|湖|井|水|冰窟窿)"
    rf"|{PERSON}[^，。]{{0,4}}?沉(?:下去|到水底|到底)|{PERSON}[^。]{{0,8}}?漂在水(?:面|里)上?"
)

# Water already in a home and still coming: "水哗哗往下漏，我家客厅已经淹了".
FLOODED_HOME = rule(r"(?:客厅|屋里|家里|卧室)(?:已经|都)淹了")

# A small child alone and lost, or in the way of a car: "有个小孩一个人坐在小区门口哭",
# "有个小女孩在找妈妈", "说不知道自己家在哪", "小孩蹲在车底下…车主要开走了", a child
# locked in a car.
CHILD_ALONE = rule(
    rf"{_CHILD}[^。]{{0,16}}?(?:一个人|自己)[^。]{{0,10}}?(?:坐在|站在|蹲在|在)[^。]{{0,8}}?"
    r"(?:门口|路边|楼下|马路|大门|南门|北门|东门|西门|小区|广场|公园|路口)[^。]{0,8}?哭"
    rf"|{_CHILD}[^。]{{0,12}}?(?:在找妈妈|在找爸爸|找不到妈妈|找不到爸爸|找不到家|哭着找)"
    r"|(?:问他|问她|问)家在哪[^。]{0,4}?说不清|不知道(?:自己)?(?:的)?家在哪"
    rf"|{_CHILD}[^，。!！?？]{{0,6}}?(?:在|蹲在|躲在|钻到|爬到|趴在)车(?:底下|下面|后面|轮)"
    r"[^。]{0,16}?(?:开走|倒车|要开|发动|启动)"
    rf"|{_CHILD}[^，。!！?？]{{0,6}}?(?:锁|关|困)在车(?:里|内|上)"
    rf"|车(?:里|内)(?:还)?(?:锁|关|困)着(?:个|一个)?{_CHILD}"
    rf"|车[^。]{{0,4}}?锁着[^。]{{0,6}}?(?:里面|车里)(?:还)?有(?:个|一个)?{_CHILD}"
)

# Burning plastic or cables, the fumes making people ill: "烧塑料提炼铜线，一股怪味，熏得头疼".
TOXIC_FUMES = rule(
    r"烧(?:塑料|电线|电缆|橡胶|轮胎|垃圾|铜线)[^。]{0,16}?(?:头疼|头晕|头痛|呛得|恶心|喘不上)"
)

# A head, a hand or a leg caught and it will not come out: "小孩把头卡在栏杆里了 拔不出来".
BODY_STUCK = rule(
    r"(?:头|脑袋|手|脚|腿|胳膊|手指|脚趾|手臂)[^，。!！?？]{0,3}?(?:卡在|夹在|卡进|卡住|伸进|夹住)"
    r"[^。!！?？]{0,12}?(?:拔不出|出不来|取不出|弄不出|抽不出|在哭|一直哭|哭得|快来)"
)

# Water running onto lights and sockets: "灯里都是水", "水从我家灯座里哗哗流下来",
# "天花板裂了哗哗往下淌 插座就在下面".
WATER_ON_WIRES = rule(
    r"(?:灯|灯座|灯罩|插座|开关|电箱|电表|电线)[^，。!！?？]{0,3}?里[^，。!！?？]{0,4}?"
    r"(?:都是水|全是水|流|滴|进水|往下)"
    r"|水[^。!！?？]{0,20}?(?:插座|电线|灯座|电箱|开关|配电箱)(?:就)?在(?:下面|旁边|底下)"
    r"|水[^。!！?？]{0,10}?从[^，。!！?？]{0,6}?(?:灯|灯座|灯口|插座|开关)(?:里|那里)?[^，。]{0,4}?"
    r"(?:流|滴|淌|浇|灌)"
    r"|(?:电线|铜线|线头)[^。]{0,10}?露[^。]{0,16}?(?:全是水|积水|水里|下过雨)"
    r"|(?:电线|线|电缆)[^，。]{0,3}?(?:泡|掉|落|搭|垂|耷拉)在[^，。]{0,3}?水(?:里|中)"
    r"|(?:灯座|灯口|插座|开关)[^，。]{0,4}?(?:往下|在)?(?:淌|滴|流)水"
    r"|断头[^，。]{0,2}?(?:搭|泡|掉|落)在[^，。]{0,3}?水"
    # Lead, thirteenth session: water running down a wire, on a switch, out of a socket that
    # sizzles ("水顺着灯线往下淌，开关面板上也是水", "插座在往外冒水，还滋滋响").
    r"|水顺着[^，。]{0,3}?(?:电线|灯线|线)|(?:开关|插座)(?:面板)?上(?:也|都)是水"
    r"|插座[^。]{0,8}?(?:冒水|出水|有水|滴水)[^。]{0,8}?(?:滋滋|噼啪|冒火|火花|冒烟)"
    # Ninth attack: water reaching sockets and switchgear ("已经流到插座里了", "水一直滴在
    # 配电箱上", "漫到配电柜下面了", "滴在电饭煲的插头那里").
    r"|水[^。!！?？]{0,30}?(?:流|灌|渗|滴|漏|淌|漫|淹)(?:进|到|在)(?:了)?[^，。]{0,5}?"
    r"(?:插座|插头|插线板|插排|电箱|电表箱|开关|配电(?!室|房|间)|电闸|电饭煲|电器)"
    r"(?![^，。]{0,3}?(?:旁边|附近|边上|门口|下面|底下))"
    r"|(?:插座|插头|插线板|插排|电箱|电表箱|配电箱|配电柜|开关)(?:上|里)?(?:都|全)是水"
    # Urgent8: "水已经没过插座了".
    r"|水[^。!！?？]{0,12}?(?:没过|淹过|漫过|淹没)(?:了)?(?:插座|插排|插线板|电箱|配电箱|开关)"
    # "排风扇都往外冒水了，插头还插着不敢碰".
    r"|水[^。]{0,16}?(?:插头|插座|插排)[^，。]{0,2}?(?:还)?(?:插着|通着电|带着电)"
    # "水直接往下浇，下面就是电饭煲和插排".
    r"|水[^。]{0,16}?(?:下面|底下|旁边)(?:就)?是[^，。]{0,6}?(?:插座|插排|插线板|电饭煲|电器|配电箱|电箱)"
)

# Live wires bared where children go: "插座被人撬开了，里面的线都露出来了，小孩老在那玩",
# "電箱門沒鎖，裡面的電線都露出來了，小朋友經過很危險".
BARE_WIRES = rule(
    r"(?:电线|线)[^。]{0,12}?(?:剥了皮|破了皮|皮破了|没有皮|外皮破)[^。]{0,20}?"
    r"(?:小孩|孩子|小朋友)[^。]{0,8}?(?:玩|(?:摸|碰|够)(?![不没][着到]))|"
    r"(?:电线|线头|铜线|铜丝|线)[^。]{0,6}?(?:都|全)?(?:露出来|露在外面|裸露|露着)[^。]{0,20}?"
    r"(?:小孩|孩子|小朋友)[^。]{0,8}?(?:玩|经过|路过|跑|(?:摸|碰|够)(?![不没][着到])|危险)"
)

# Someone lying on the floor, seen through a window, on a camera or by a neighbour:
# "从门缝里看到人躺在客厅地上", "摄像头看到我爸倒在厨房地上", "跌倒报警".
DOWN = rule(
    rf"{PERSON}[^。]{{0,6}}?(?:躺|趴|倒)在[^，。!！?？]{{0,6}}?(?:地上|雪地里?|雪堆里?)(?![^，。]{{0,4}}(?:打滚|撒泼|耍赖|玩))"
    r"|(?:雪地|雪堆|地上)[^，。]{0,3}?一动不动"
    # Lead, thirteenth session: "楼梯口躺着个大爷，叫他不太应".
    rf"|躺着(?:个|一个){PERSON}[^。]{{0,8}}?(?:叫|喊|招呼)(?:他|她)?(?:都|也)?(?:不太应|不应|没反应|不醒|不答应|不出声|不吱声)"
    rf"|躺着(?:个|一个){PERSON}[^。]{{0,12}}?(?:起不来|流血|流了不少血|磕破)"
    # "老爷子躺在门口台阶上，叫了两声他没答应".
    r"|(?:躺|倒|趴)在?[^，。]{0,8}?(?:上|边|口|里)[^。]{0,12}?"
    r"(?:叫(?:了)?[^，。]{0,4}?(?:没答应|不答应|没反应|不应|不吱声|不出声)|没反应|叫不醒|喊不醒)"
    # An old person sitting on the ground who cannot get up ("老奶奶坐地上起不来，拐棍扔一边";
    # lead, twenty-first session).
    r"|(?:老人|老太太|老大爷|大爷|奶奶|爷爷|老奶奶|老爷子|老爷爷|老头|老太|阿婆|阿伯)[^，。]{0,6}?"
    r"(?:坐|瘫|跪)(?:在)?地上[^，。]{0,4}?(?:起不来|站不起来|爬不起来)"
    # Tenth attack: "楼梯间看到个老爷子躺着不动，叫他也不应".
    r"|(?:躺|倒|趴)着(?:一动)?不动[^。]{0,12}?(?:叫|喊)[^，。]{0,3}?(?:不应|不答应|没答应|没反应|不醒)"
    r"|(?:跌倒|摔倒)(?:报警|警报|提醒)|咚的一声[^。]{0,12}?(?:没动静|没声音|不答应|没反应"
    # urgent11: "刚才咚的一声，然后一直有人在哼哼".
    r"|有人在哼|哼哼|呻吟|喊疼)"
)

# Nobody answers the door and something is wrong inside: "敲门没人应，里面电视还开着",
# "门虚掩着 喊了半天没人答应 屋里有股怪味", "家里有很大的糊味 敲门也不开".
NO_ANSWER_AT_DOOR = rule(
    r"(?:敲门|叫门|敲了半天|喊了半天|叫了半天|叫了一上午|叫他|叫她|喊他|喊她|按门铃|敲了(?:很久|好久|好几次|好半天|半天)|"
    r"喊了(?:很久|好久)|按了半天门铃)[^。]{0,24}?"
    r"(?:没人应|没人答应|不答应|没人开|不开|没开|没反应|没有(?:任何)?回应|没回应|(?:一点)?回应都没有)"
    r"|门敲不开|敲门敲不开"
)
SIGN_INSIDE = rule(
    r"怪味|糊味|焦味|煤气味|咳嗽|一氧化碳|电视还开着|灯还亮着|咚的一声|没动静|从昨天|一整天|不接电话|躺|倒在|趴在|独居|一个人住|"
    r"电视(?:好像|一直)?还?开着|电视开了一整(?:夜|天|晚)|反锁|有味道|没人接|炭味|煤烟味|烟(?:好|很|特别)?大|冒烟|有烟|煤炉|炉子"
)

# Taken ill suddenly: slurred speech, sight gone, a machine that keeps someone alive.
SUDDEN_ILLNESS = rule(
    r"嘴(?:也|都)?歪了|突然[^。]{0,4}?(?:看不见|说不出话|说话不清|站不稳|不会说话)"
    r"|说话不清[^。]{0,8}?(?:嘴|手|脸)|话都说不利索|(?:谁|哪位)[^，。]{0,3}?有速效救心丸"
    r"|(?:低血糖|降糖药)[^。]{0,20}?(?:冒冷汗|手抖|说不清|晕)"
    r"|(?:呼吸机|制氧机)[^。]{0,20}?(?:只剩|快没电|撑不了|快用完|机器停了)"
    rf"|{PERSON}[^，。]{{0,4}}?缺氧|痰卡住|被痰卡|卡住了?喉咙"
    r"|(?:救护车|120)[^。]{0,12}?胸口(?:疼|痛|闷)"
    # Bedridden and left alone: "瘫痪的老爷爷…老人一个人躺了一天没吃东西".
    r"|(?:瘫痪|卧床)[^。]{0,20}?(?:一个人|没人管|没人照顾)[^。]{0,12}?(?:躺了|没吃|在喊)"
)

# An elderly person wandering where they can be hurt: "老太太在车流里走来走去",
# "光着脚，穿着睡衣，一直往水边走".
WANDERING = rule(
    # Not a warning to keep away ("让阿姨别往河边去").
    rf"{PERSON}[^。]{{0,20}}?(?:车流里|(?<!别)(?<!不要)往(?:马路中间|水边|河边)|马路中间晃|路中间晃"
    r"|水边走|河边走)"
)

# Hurt and the ambulance is coming or too slow: "他腿摔了，救护车到了但是担架进不了电梯".
AMBULANCE = rule(
    r"还躺着[^。]{0,10}?(?:120|救护车)|"
    r"(?:摔|倒|血|疼|晕|病)[^。]{0,16}?(?:救护车|120)(?:到了|来了|在路上|太慢|还没)"
    r"|(?:救护车|120)(?:到了|来了|在路上|太慢|还没来)[^。]{0,16}?(?:摔|倒地|流血|疼|晕)"
)

# Fumes of a coal stove, a charcoal fire or a gas water-heater and people taken ill by them:
# "煤炉子没灭，屋里的人都晕了", "烧炭取暖 敲门不应".
CARBON_MONOXIDE = rule(
    r"(?:煤炉|炉子|蜂窝煤|烧炭|木炭|炭味|炭火|炭盆|烧炕|火炕|一氧化碳|热水器)[^。]{0,28}?"
    r"(?:晕了|晕倒|昏过去|昏迷|叫不醒|喊不醒|叫不太醒|叫不大醒|想吐|恶心|倒在|没反应|不省人事|没人应|没人答应|没人开门"
    # Urgent8: the first signs, said by the one breathing it ("头还是晕", "头疼得厉害，想睡觉").
    r"|头(?:还是|很|好|有点|特别)?晕|头(?:疼|痛)得|就头(?:疼|痛)|吐了[两几三]次|想睡觉|手脚无力|呛"
    # Lead, twenty-first session: several people at once ("一氧化碳报警器一直滴滴叫，俺们这层好几家
    # 都说脑袋疼").
    r"|(?:好几家|好几个人|几家|都)[^，。]{0,4}?(?:头疼|头痛|脑袋疼|脑壳疼|头晕|恶心))"
    # Lead, fifteenth session: coal burnt for warmth indoors, then vomiting and dizziness.
    r"|烧煤取暖[^。]{0,20}?(?:吐了|头晕|晕了|叫不醒)"
)

# A gas stove left on unlit: "燃气灶一直开着没点火，整个楼道都是气味".
GAS_ON = rule(r"(?:燃气灶|煤气灶)[^，。]{0,6}?(?:一直)?开着[^，。]{0,4}?没(?:点|打)?(?:着)?火")

# Someone inside who has gone silent: "我老公在浴室里没声音了 门反锁着".
SILENT_INSIDE = rule(
    rf"{PERSON}在(?:浴室|卫生间|厕所|洗手间|屋里|房间|里面)[^。]{{0,12}}?"
    r"(?:没声音|没动静|不答应|没反应|叫不应|喊不应)"
)

# Ninth attack: someone living alone gone silent since yesterday ("楼上独居的张阿姨从昨天起就没
# 动静了，往常早上都听得到她开收音机"). The duration is the point: only the clause before it
# is read (as for ``overdue``). Not seen for days, with no other sign, is a worry the corpus
# does not call urgent ("对门王大爷一个人过，这两天没见他出门").
ALONE_SILENT = rule(
    r"(?:独居|一个人住|一个人过|孤寡|空巢)[^。]{0,40}?(?:从昨天|从前天|从早上|一整天|一天|两天|三天|几天|好几天|一上午"
    r"|昨(?:个|儿)?(?:晚上|晚|夜里|天))"
    r"[^。]{0,24}?(?:没动静|没声音|没人应|没人接|没反应|联系不上|没联系上|不接|打不通|不出声|(?:喊|叫)(?:也|都)不应)"
)

# Seventh-session attack (written before these rules): a lift door open on an empty shaft,
# someone struck by something that fell, a person fallen into a manhole or a pit, someone
# who fainted somewhere ("晕在卫生间了").
SHAFT_OPEN = rule(
    r"(?:电梯|梯)门[^。]{0,8}?(?:开|打开)[^。]{0,10}?"
    r"(?:没有轿厢|没轿厢|没有电梯|下面是空的|里面是空的|黑洞洞|井道)"
)
STRUCK = rule(
    r"(?<![没不别])砸(?:到|中|伤)(?:了(?:一个|个)?|一个|个)[^，。]{0,6}?"
    r"(?:人|阿姨|大爷|老人|小孩|孩子|路人|大妈|奶奶|爷爷|老太太|学生|姑娘|小伙|大姐|大哥|大叔)"
    # "冰溜子掉下来了，砸到人了" (not "砸到人就麻烦了").
    r"|(?<![没不别])砸(?:到|中|伤)(?:人|路人|行人)了"
    r"|(?:头上|头|身上|肩膀|背上)被[^，。]{0,10}?砸(?:了|中|到)"
)
FELL_IN = rule(
    r"(?:人|孩子|小孩|老人|大爷|阿姨|骑车的|骑电动车的)[^，。的]{0,4}?(?:掉|摔|跌)(?:进|下)"
    r"(?:去|井里?|坑里?|沟里?|下水道里?|窨井里?|化粪池里?)(?:了|一半)"
    r"|(?:人|孩子|小孩|老人)掉(?:进)?(?:窨井|井|下水道|化粪池)里了"
)
# Lead, thirteenth session: a burning smell where nobody answers ("702屋里有糊味，敲门没人",
# "高压锅一直在呲屋里好像没人都有糊味了"); someone heard calling who cannot get up
# ("隔壁老太太在屋里喊人 说起不来了"); people named inside a stuck lift ("梯子卡住了 里面是
# 送药的小伙和王婶").
BURNING_NOBODY = rule(
    r"跑(?:大)?水了[^。]{0,30}?(?:家里没人|没人在家|旅游|出去了|不在家|没人)|"
    r"(?:糊味|焦味|烧焦味|糊了)[^。]{0,12}?(?:敲门没人|没人应|没人开|家里没人|屋里没人|好像没人)"
    # Smoke from a vent of a home whose people are away ("抽油烟机出风口一直往外冒烟，可他们家
    # 今天出门旅游了").
    r"|(?:油烟机|出风口|排风口|排气扇)[^，。]{0,6}?冒(?:黑|白)?烟[^。]{0,16}?(?:没人|出门|旅游|不在家|出去了)"
    r"|(?:敲门没人|没人应|没人开|家里没人|屋里好像没人|屋里没人|好像没人)[^。]{0,12}?(?:糊味|焦味|烧焦)"
)
CALLING_UNABLE = rule(
    rf"{PERSON}[^。]{{0,8}}?(?:喊人|喊救命|叫人|呼救)[^。]{{0,8}}?(?:起不来|动不了|站不起来)"
)
LIFT_NAMED_INSIDE = rule(
    rf"{_LIFT}[^。]{{0,12}}?(?:卡住|停了|不动)[^。]{{0,8}}?里面(?:是|有|还有)(?:个|一个)?[^，。]{{0,8}}?{PERSON}"
)
FAINTED = rule(
    r"(?<!哭)晕(?:在|倒在)(?:了)?(?:卫生间|厕所|浴室|地上|楼道|屋里|家里|门口|电梯|楼梯)"
    # Lead, thirteenth session: fainted in the bath ("洗澡洗晕了").
    r"|洗澡洗晕(?!过)|洗澡(?:时|的时候)?晕(?:倒|过去)(?!过)"
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
    ("lift_fear", LIFT_FEAR),
    ("terse", TERSE),
    ("terse_apart", TERSE_APART),
    ("fire_seen", FIRE_SEEN),
    ("gas_signs", GAS_SIGNS),
    ("medical", MEDICAL),
    ("swallowed", SWALLOWED),
    ("near_miss", NEAR_MISS),
    ("falling_more", FALLING_MORE),
    ("hanging", HANGING),
    ("child_alone", CHILD_ALONE),
    ("body_stuck", BODY_STUCK),
    ("down", DOWN),
    ("sudden_illness", SUDDEN_ILLNESS),
    ("wandering", WANDERING),
    ("gas_on", GAS_ON),
    ("carbon_monoxide", CARBON_MONOXIDE),
    ("ambulance", AMBULANCE),
    ("lured", LURED),
    ("dog_attack", DOG_ATTACK),
    ("into_water", INTO_WATER),
    ("flooded_home", FLOODED_HOME),
    ("toxic_fumes", TOXIC_FUMES),
    ("water_on_wires", WATER_ON_WIRES),
    ("silent_inside", SILENT_INSIDE),
    ("alone_silent", ALONE_SILENT),
    ("child_at_height", CHILD_AT_HEIGHT),
    ("bare_wires", BARE_WIRES),
    ("shaft_open", SHAFT_OPEN),
    ("struck", STRUCK),
    ("fell_in", FELL_IN),
    ("fainted", FAINTED),
    ("burning_nobody", BURNING_NOBODY),
    ("calling_unable", CALLING_UNABLE),
    ("lift_named_inside", LIFT_NAMED_INSIDE),
    *weather.FAMILIES,
    *incidents.FAMILIES,
    *forms.FAMILIES,
    *quiet.FAMILIES,
    *understated.FAMILIES,
    *routine.FAMILIES,
    *signs.FAMILIES,
)
#: Families that stand on their own, whatever the clause before them says.
PLAIN = (("english", ENGLISH), ("pinyin", PINYIN))

#: Families that a text can match at all, found from the characters it holds: a family is
#: tried only when, for one of its alternatives, the text holds a character of every part
#: that the alternative requires (who and where and what: :class:`patterns.Gate`).
_GATE = Gate([pattern for _, pattern in FAMILIES])


def candidates(text: str) -> list[tuple[str, re.Pattern[str]]]:
    """The families that may match ``text``, in the order of :data:`FAMILIES`."""
    return [FAMILIES[i] for i in sorted(_GATE.admitted(text))]


PLAIN_GATED = tuple((name, pattern, required_chars(pattern)) for name, pattern in PLAIN)
