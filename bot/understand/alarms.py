"""Urgent situations read by their signs rather than by who is where: English and pinyin,
a terse alarm, fire seen, gas by its signs, someone taken ill.

Families of :data:`bot.understand.situations.FAMILIES` (and its ``PLAIN`` ones for English
and pinyin), put through the same clause tests by :func:`bot.understand.safety.urgent`.
"""

from __future__ import annotations

from bot.understand.patterns import rule

# Written in English: "my son is inside", "smells of gas", "not breathing".
ENGLISH = rule(
    r"(?i)\bstuck in\b|\btrapped\b|\bsmoke\b|\bsparks?\b|\bon fire\b|\bfire!|\bfire (?:in|on|at)\b|"
    r"gas (?:leak|smell)|\bsmell(?:s|ing)?\b.{0,16}\bgas\b|call 11[09]|call 120|\bbleeding\b|"
    r"\bunconscious\b|\bfell down\b|\bcollapsed\b|\bnot breathing\b|\bcan'?t breathe\b|"
    # urgent9: an English word in a Chinese message ("有人 faint 了", "burning smell 很重").
    r"\bfaint(?:ed|ing)?\b(?! (?:smell|sound|light|hope|idea|memory))|"
    r"\bburn(?:ing|t) smell\b|\bsmell(?:s|ing)? (?:of )?burn(?:ing|t)\b|"
    r"\bfell\b.{0,40}\b(?:not moving|can'?t get up|won'?t wake)\b|"
    r"\b(?:lift|elevator)\b.{0,40}\b(?:stuck|stopped|dropped|fell|broke down)\b.{0,60}"
    r"(?<!nobody )(?<!no one )\b(?:inside|in it|in there)\b|"
    r"\bbetween floors\b|\bstuck between \d+\w* and \d+|"
    # Hurt and bleeding, something thrown down now, a weapon: "fell … there's blood",
    # "throwing bottles from the roof", "a man with a knife".
    r"\b(?:fell|fallen|hit (?:his|her|my|their) head|cut)\b.{0,60}\bblood\b|\bthere'?s blood\b|"
    r"\bthrow(?:ing|s)?\b.{0,30}\b(?:from|off|out of)\b.{0,12}\b(?:roof|window|balcony|above)\b|"
    r"\b(?:man|guy|woman|someone|person|he|she)\b.{0,12}\b(?:with|holding|waving) an? "
    r"(?:knife|machete|gun|axe|cleaver)\b|"
    # A lift stuck, typed in a hurry: "ele stuck. 2 kids inside. pls", "eletor stuck wiht my kid".
    r"\b(?:ele\w*|lift)\b[^.!?]{0,6}\bstuck\b.{0,40}(?:\bins\w*de\b|\bkids?\b|\bbaby\b|\bson\b|"
    r"\bdaughter\b|\bpls\b|\bplease\b|\bhelp\b|\bhurry\b|\bme\b)|"
    r"\b(?:son|daughter|child|kid|boy|girl|baby|mum|mom|mother|dad|father|grandma|grandpa|"
    r"grandmother|grandfather|granny)\b.{0,16}\b(?:is|are|went|has gone|got)\s+(?:missing|lost)\b"
    r"(?!\s+(?:his|her|my|the|a|out|class|school))|"
    r"\bcan'?t find (?:my |our )?(?:son|daughter|child|kid|boy|girl|baby|mum|mom|mother|dad|father|"
    r"grandma|grandpa)\b|"
    # Lead, fourteenth session: a child shut in a car, a dog on a child, a water main, a break-in.
    r"\b(?:kid|child|baby|boy|girl)\b.{0,12}\blocked in (?:a|the|my) car\b|"
    r"\bdog\b.{0,12}\battack(?:ing|ed|s)\b.{0,12}\b(?:kid|child|boy|girl|someone)\b|"
    r"\bwater main burst\b|\bbreaking into\b.{0,40}\bright now\b|"
    r"\bthrowing\b.{0,30}\bfrom the upper floors\b|"
    # Lead, eighteenth session (a writer's training file of emergencies said in unusual ways):
    # choking, a dog biting a child, a child fallen into water, a ceiling coming down, a shock,
    # smoke from a window, a hob hissing, someone on a floor seen through a window.
    r"\bchok(?:ing|ed)\b|\b(?:dog|doggo)\b.{0,30}\b(?:bit|biting|bites)\b.{0,20}"
    r"\b(?:kid|child|toddler|boy|girl|baby)\b|\bfell (?:into|in) the (?:pond|lake|river|pool|water)\b|"
    r"\bceiling\b.{0,30}\b(?:coming down|collapsed|collapsing|caving)\b|\b(?:got|get|getting) a shock from\b|"
    r"(?<!no )\bsmoking from\b|\bhob\b.{0,20}\bhiss|\blying on (?:his|her|the) (?:\w+ )?floor\b|"
    r"\bfell off\b.{0,60}\b(?:not moving|can'?t get up|won'?t wake)\b|\bheat ?stroke\b"
)

# Typed in pinyin without a Chinese keyboard: "dianti kazhu le limian you ren", "jiuming".
PINYIN = rule(
    r"(?i)\bjiu ?ming\b.{0,12}\b(?:kuai ?lai|lai ?ren|bao ?jing)\b|\bzhao ?huo ?(?:le|la)\b|\bqi ?huo ?(?:le|la)\b|\bmei ?qi ?wei\b|"
    r"\b(?:shuai|die) ?(?:dao|le)\b.{0,24}\b(?:qi ?bu ?lai|liu ?xue|bu ?dong|hun)|"
    # urgent9: a pinyin word in a Chinese message ("楼道 meiqi 味好重", "冒yan了").
    r"(?<![a-z])(?:mei|ran) ?qi(?![a-z]) ?(?:味|漏|泄)|冒 ?yan(?![a-z])|(?:着|起) ?huo(?![a-z])|"
    r"\bran ?qi ?wei\b|\b(?:haizi|xiaohai|baobao|wo jia haizi)\b ?bu ?jian ?le\b|\bdian ?ti\b.{0,40}\b(?:you ?ren|li ?mian|kun ?zhu|guan ?zhu|ka ?zhu|chu ?bu ?(?:lai|qu))\b"
)


# Words typed apart in a hurry ("刀 打架 花园 快", "人 倒了 楼道 三楼"): lead, eighteenth
# session. Apart from TERSE, whose gate its common characters (人, 了) would open.
TERSE_APART = rule(r"(?:^|\s)(?:刀\s+打架|打架\s+刀|人\s+倒了)(?=\s|$)")

# A terse alarm: "火！！11楼！！", "有火！！车棚那！！", "煤气！", "人倒了 快", "help".
TERSE = rule(
    r"(?:^|[\s，。!！])(?:有|着|起)?火(?:了|啦|呀)?[!！]"
    r"|(?<![发动])(?<!发了)好大的火(?!气)|(?<![肝心虚上])火(?:不小|很大|好大)|火势"
    r"|(?:^|[\s，。!！])(?:煤气|燃气|天然气|瓦斯)(?:味)?[!！]"
    r"|(?<!不)(?<!就)是(?:瓦斯|煤气|燃气|天然气)(?:味|漏了)?(?=[\s，。!！]|$)"
    r"|人倒了(?=[\s，。!！快]|$)|^\W*[Hh][Ee][Ll][Pp]\W*$"
)

# Fire seen: "阳台着了", "锅着了灭不掉", "门缝在冒白烟", "窗外有黑烟", "门好烫", Cantonese
# "烧紧", "都系烟".
FIRE_SEEN = rule(
    r"(?:阳台|锅|厨房|屋|房子|楼|窗户|屋顶|车棚|电动车|电瓶车|柜子|被子|窗帘|沙发|垃圾桶|破烂儿?|杂物|柴火|草地|草坪|"
    r"垃圾堆|草|管道|烟道|排烟管)(?:里)?(?:也)?着了|火从[^，。]{0,6}?往外冒|往外冒火"
    # urgent11: Wu "楼下火着了" (read 楼下着火了: the lexicon has not seen it).
    r"|(?:楼下|楼上|隔壁|对面|楼道)着火了"
    r"|把(?![^，。]{0,4}(?:烟|蜡烛|炉子|灶|火|香|煤|天|心))[^，。]{0,8}?点着了|火顺着[^，。]{0,6}?往上烧"
    r"|(?:门缝|窗户|窗口|窗外|屋里|家里|阳台|楼道|走廊|楼上|楼下|对面|隔壁)[^，。!！?？]{0,6}?(?:在)?"
    r"冒(?:白|黑|青)?烟"
    r"|(?:垃圾桶|垃圾箱|桶|纸箱|纸堆)里?(?:已经|在|正在)?冒(?:白|黑|青)?烟"
    r"|(?:楼道|走廊|楼梯间)里?[^，。]{0,4}?烧东西[^。]{0,12}?烟"
    r"|(?:有|冒|一股|好多|很多|都是|全是|滚滚)黑烟|(?:黑|浓)烟直(?:冒|往外冒|往上冒)|(?:外面|窗外|走廊|楼道)(?:全|都)?是烟"
    r"|(?:插座|电线|电箱|电表|开关|插头)[^，。]{0,4}?冒(?:蓝|红)?(?:火|光)"
    r"|橘(?:黄|红)色的光|烧紧|(?<!小心)火烛(?!小心)|都系烟|(?:楼道|走廊|楼梯间|屋里|家里)(?:里)?有(?:很|好|特别)浓的烟|门[^，。!！?？]{0,3}?(?:好烫|很烫|烫手|发烫)"
    # Vehicles, batteries and wires smoking; something set alight; flames climbing.
    r"|(?:电动车|电瓶车|车棚|车|电池|电线|插座|电箱|电表箱|电表|配电箱)[^，。!！?？]{0,4}?(?:在)?冒"
    r"(?:一点点?|点|了点|一股|一些|些|了一阵)?(?:白|黑|青)?烟"
    # Calm file: smoke growing, or the smoke alarm going off with smoke about.
    r"|烟越来越(?:大|浓|多)|烟[^。]{0,8}?烟雾报警器[^，。]{0,3}?(?:响|叫)|烟雾报警器[^，。]{0,3}?(?:响|叫)[^。]{0,8}?烟"
    r"|把[^，。]{0,6}?(?:泡沫|纸箱|被子|窗帘|沙发|垃圾|衣服|保温层|外墙|床垫)[^，。]{0,2}?点着了"
    r"|火(?:往上|一直|直往上)窜|火苗(?:往上)?窜|(?:塑料|电线|橡胶)烧焦"
    r"|自燃|火(?:已经|都)?(?:窜|烧|蔓延|烧到)到?[^，。]{0,3}?(?:楼|层|屋|家|阳台|窗)"
    r"|烟从门缝|门缝[^，。]{0,4}?(?:进|钻|冒|灌)(?:进来)?烟|(?<![油抽吸香])烟[^，。]{0,6}?(?:往里钻|钻进来|灌进来)"
    # Urgent8: fire in a window named, smoke pouring into a home or filling a stairwell.
    r"|(?:窗户|阳台|屋|房间|厨房|楼道|车棚|车库)(?:里|上)?有火(?![锅车气腿柴机种])"
    # urgent9: smoke said by its amount ("楼道好大烟"), bedding caught by a heater ("小太阳把
    # 被子烤着了").
    r"|(?:楼道|走廊|楼梯间?|屋里|家里|厨房|房间|外面|楼上|楼下)里?(?:好大|很大|好浓|很浓|全是|都是)的?烟(?![头蒂盒花酒味瘾])"
    r"|(?:被子|棉被|床单|床垫|窗帘|沙发|衣服|毯子)[^，。]{0,2}?(?:烤|烧|引|燎)着了"
    r"|(?<![油抽吸香])烟[^，。]{0,4}?往[^，。]{0,6}?(?:灌|钻|涌)|往里(?:钻|灌|冒)烟"
    r"|(?:楼道|走廊|楼梯间?)里?(?:好多|很多)烟(?![头蒂盒])|烟[^，。]{0,4}?看不清"
)

# Gas by its signs: a hiss with a smell, a smell "like gas" or "like rotten eggs".
GAS_SIGNS = rule(
    r"(?:嘶嘶|滋滋|呲呲|嗞嗞|丝丝)[^。]{0,12}?(?:味|臭)|(?:味|臭)[^。]{0,12}?(?:嘶嘶|滋滋|呲呲|嗞嗞)"
    r"|(?:燃气|煤气|天然气)(?:管|管道|表|阀)[^，。]{0,6}?(?:滋滋|嗞嗞|丝丝)"
    r"|像(?:是)?(?:煤气|燃气|天然气|液化气|瓦斯|臭鸡蛋)(?![灶表费公司管卡报])"
    # A gas pipe cut or broken: "装修把燃气管锯断了一截，现在一股味儿".
    r"|(?:燃气|煤气|天然气)(?:管|管道|表)[^。]{0,8}?(?<!老化)(?<!老化开)(?:断了|锯断|挖断|破了|裂了|弄断|打穿|切断)"
    # "燃气灶关了，但是厨房还是有很重的气味".
    r"|(?:燃气|煤气|天然气)[^。]{0,20}?(?:很重|很浓|好重|好浓|特别重|特别浓|很冲|好冲)的?(?:气)?味"
    # Urgent8: a water-heater that will not light and smells; gas left on, smelt at the door.
    r"|点不着[^。]{0,8}?(?:有味|一股味|味儿|气味|有股味)|(?:煤气|燃气|天然气)[^。]{0,10}?没关[^。]{0,12}?闻到"
    # Lead, thirteenth session: the gas alarm going off or sending its alert now.
    r"|(?:燃气|煤气|天然气)(?:表|报警器|报警)[^。]{0,10}?(?:哔哔|嘀嘀|滴滴|哔)[^。]{0,10}?(?:臭|味)"
    r"|(?:燃气|煤气|天然气|可燃气体|一氧化碳)报警器[^，。]{0,10}?"
    r"(?:(?<![不没])响了(?!一下|要|就)|在响|一直响|报警了|在叫|推送|发来|(?:叫|响)个不停|(?:一直|不停)(?:在)?(?:叫|响))"
)
DRAIN = rule(r"下水|自来水|水箱|地漏|反味|马桶|化粪池|鸡蛋坏")

# Taken ill, by the signs: labour, choking, blue lips, a stroke, a heart attack, a fit.
MEDICAL = rule(
    r"羊水破了|要生了[^。]{0,12}?(?:救护车|120|开车)"
    # Scalded: "被开水烫了一大片 皮都起泡了".
    r"|(?:开水|热水|热油|滚油)[^。]{0,6}?烫[^。]{0,10}?(?:起泡|脱皮|一大片|掉皮)|(?<!墙)皮都起泡"
    r"|噎(?:住|着)(?!过)[^。]{0,12}?(?:紫|憋|喘不上|说不出|海姆立克|咳不出|不会弄|怎么办|没声)|(?<!学)海姆立克"
    # Lead, eighteenth session: choking in more words and signs ("汤团哽牢了，面孔发紫了", "吃果冻
    # 噎住了，他妈在拍背没用", "團年飯有個伯伯哽親，講唔到嘢").
    # ...and (elsewhere urgentways4) something breathed in, a throat or lips swelling, heat
    # stroke, a fit now, a scald or burn that is bad, poison drunk.
    r"|(?:吸|呛|卡)(?:进|到|在)?气管[^。]{0,12}?(?:憋|通红|紫|咳|喘|说不出)"
    r"|(?:嘴唇|嘴巴|喉咙|嗓子|脸)(?:都|也)?肿(?:了|起来)[^。]{0,12}?(?:呼吸(?:困难|好急|很急|不上来)|喘不|说不出|一直咳|咳个不停)"
    r"|(?:呼吸|喘气)(?:好|很)?(?:急|困难|不上来)[^。]{0,12}?(?:红点|红疙瘩|肿)"
    r"|(?:红点|红疙瘩|起疹子)[^。]{0,12}?(?:呼吸|喘气)(?:好|很)?(?:急|困难|不上来)"
    r"|(?:蛰|蜇)[^。]{0,10}?(?:全身|嘴唇|喉咙)[^。]{0,6}?(?:肿|红疙瘩)"
    r"|(?<![要快])中暑[^。]{0,10}?(?:晕|软|说不清|没力气|不省人事|倒)|(?:晕|倒)[^。]{0,6}?中暑"
    r"|癫痫[^，。]{0,8}?(?:发作|犯了)(?![^，。]{0,3}?(?:时|的时候|怎么办|要注意))"
    r"|(?:烫伤|烧伤)(?:了)?[^。]{0,10}?(?:一大片|(?<![没不])起泡|脱皮|很严重|严重|在哭|在地上|救护车)"
    r"|(?:泼|洒)在[^，。]{0,4}?(?:腿|手|身|脸)上[^。]{0,10}?(?:起泡|红了|脱皮)"
    r"|(?:误喝|误服|误吞|喝了)[^，。]{0,8}?(?:除草剂|农药|百草枯|洗衣液|消毒液|消毒水|敌敌畏|老鼠药)"
    r"|(?:噎|哽)(?:住|着|到|牢|亲|親)(?!过)[^。]{0,12}?(?:紫|说不出|讲唔到|講唔到|拍(?:胸口|背)|发白|發白|快(?:[来叫打救]|$|[!！\s，。])|急救|医生|醫生|没用)"
    # Urgent8: sitting on the floor with chest pain, vomiting blood (not "气得吐血").
    r"|(?:坐|躺|倒)在地上[^。]{0,8}?胸口(?:疼|痛|闷)|(?<![气累要])吐(?:了)?(?:好多|一口|一地)?血(?!本)"
    r"|(?:脸|嘴唇|嘴)(?:都|已经|色|有点|有些)?(?:发)?紫了?"
    r"|嘴歪|口角歪|半边(?:身子|脸)(?:不能动|麻|动不了)"
    # Lead, fourteenth session: a stroke's first signs ("说话突然含糊了，嘴有点歪").
    # Lead, twenty-second session: bleeding that will not stop ("额头开了个口子 血流不停").
    r"|发羊吊|羊癫疯(?:发作|犯了)|抽紧筋|在抽筋(?!了吗|吗)"
    r"|血流不止|血流不停|血止不住|止不住(?:的)?血|(?:开了|裂了|划了)(?:个|一个|一道|道)?(?:大)?口子[^。]{0,8}?血"
    r"|嘴(?:有点|有些|都|也)歪|(?:说话|讲话)突然(?:含糊|不清|说不清|大舌头)|突然(?:说话|讲话)(?:含糊|不清|说不清)"
    # The short form first: a longer match from the same place could reach into another
    # clause ("…我在外地赶不回去，120") and be read as elsewhere.
    r"|(?:胸口|心口)(?:好|很|特别|有点)?(?:疼|痛|闷|难受)[^。]{0,8}?(?:脸(?:都|色)?(?:白|发白|煞白|紫|发青)|出汗|冒汗|冷汗)"
    r"|胸口(?:疼|痛|闷)[^。]{0,16}?(?:汗|手麻|左手|喘不上|救护车|120)"
    r"|(?:心口|胸口)(?:疼|痛|闷)[^。]{0,4}?(?:就)?倒(?:了|下)[^。]{0,12}?(?:不应|没反应|叫不醒|发青|发紫)"
    r"|高烧[^。]{0,4}?抽|抽筋[^。]{0,8}?(?:眼睛往上翻|翻白眼|口吐)|惊厥|眼睛往上翻"
    r"|(?:突然)?中风(?:了|倒|晕|在)|心梗|心脏病(?:发|犯)"
    r"|冒冷汗[^。]{0,12}?(?:站不起来|动不了|晕)|(?:站不起来|动不了)[^。]{0,8}?冒冷汗"
    r"|倒(?:在|下)[^。]{0,12}?(?:说话不清|脸色(?:很|好|特别)?(?:差|白|难看)|脸发紫|没反应|叫不醒)"
    # "现在脸色发白说胸闷".
    r"|(?:脸色|脸)(?:很|好|特别|有点)?(?:发白|煞白|苍白|发青|白)[^。]{0,8}?(?:胸闷|(?:胸口|心口)(?:疼|痛|闷|难受)|喘不上|心慌)"
    r"|胸闷[^。]{0,8}?(?:脸色|脸)(?:发白|煞白|苍白|发青)"
    # Lead, thirteenth session: low blood sugar ("血糖低 现在浑身冒汗 哆嗦 说话都说不清了").
    r"|(?:冒汗|哆嗦|血糖低|低血糖)[^。]{0,12}?(?:说话|讲话)[^，。]{0,3}?(?:说不清|讲不清|不清楚)"
)
