"""Safety rules: urgency and sensitivity, decided by patterns a reviewer can read.

The learned model never removes what these rules find; missing an urgent message is the
worst error the bot can make, so they lean towards recall.

Urgent (danger to people now), each a named pattern below:

- an urgent word of the taxonomy (fire, smoke, gas, a burst pipe, someone collapsed…);
- a person inside a lift that is stuck, dropped or stopped, however it is phrased
  ("电梯又卡住了，里面好像有人", "点替掉了一层 孩子在里面", "电梯关人了");
- someone trapped elsewhere with danger around (fire, smoke, water);
- a child or an elderly person missing ("五岁的儿子找不着了", "老人出门到现在没回来");
- a person fallen and hurt, collapsed or unresponsive ("老太太摔了一跤，头上在流血");
- objects being thrown or falling from a height now ("楼上又在往下扔酒瓶");
- violence or a break-in happening now, a dog attacking a person;
- gas smell or alarm, exposed live wires, someone threatening to jump.

…unless the word or pattern is imagined, denied, past, hearsay, a dream, a drill or a simile
in its clause ("万一着火", "没有烟", "昨天那个摔倒的大爷", "新闻说…", "嗓子跟冒火似的"), or the
message says the danger is over ("虚惊一场", "已经救出来了").

Sensitive (never posted in the group; the sender is answered privately): domestic violence,
a child being hurt, self-harm or suicidal intent.
"""

from __future__ import annotations

import re

from bot.understand import rules, sensitivity, situations
from bot.understand.lexicon import Hit, Role
from bot.understand.patterns import rule
from bot.understand.sensitivity import sensitive

# Who can be in danger.
_PERSON = (
    r"(?:人|孩子|小孩|小囡|小朋友|男孩|女孩|儿子|女儿|闺女|孙子|孙女|外孙|宝宝|娃|老人|老太太|"
    r"老太|老头|老伴|老爷子|老大爷|大爷|大妈|阿姨|奶奶|爷爷|姥姥|姥爷|外婆|外公|婆婆|公公|我爸|"
    r"我妈|爸爸|妈妈|老公|老婆|媳妇|邻居|快递员|外卖员|小哥|师傅|学生|小伙子|姑娘|他|她|我)"
)

# --- someone trapped in a lift ---------------------------------------------------------------
# A bare 梯 (voice input: "梯子卡在半空了") but not stairs, a slide, a ladder or an escalator.
_LIFT = r"(?:电梯|轿厢|客梯|货梯|𨋢|䢂|(?<![楼滑爬阶云扶])梯)"
# "Someone is inside": a person named inside, or sounds of people, or the trapped words.
_INSIDE = (
    rf"(?:(?<!开)关人|困人|有人[^，。]{{0,3}}?困(?!难)|夹人|卡人|卡着人|卡了人|(?<!开)关到人|困着人|(?<!开)关着人|困了人|夹住|夹到|"
    rf"被关|被困|(?<!开)关在|困在|(?<!开)关里|困里|出不来|"
    rf"出不去|出唔到|(?:困|(?<!开)关(?!于|心|注|系))(?:了|着|住)?[^，。!！?？]{{0,5}}?{_PERSON}"
    rf"|(?:里面|里头|里边|在里|入面)[^，。!！?？]{{0,12}}?(?:{_PERSON}|哭|喊|叫|拍门|求救|按铃)"
    rf"|{_PERSON}[^，。!！?？]{{0,6}}?在(?:里面|里头|里边)|卡在里面|卡在里头)"
)
_LIFT_TRAPPED = rule(
    rf"{_LIFT}.{{0,40}}?{_INSIDE}|{_INSIDE}.{{0,20}}?{_LIFT}"
    rf"|{_PERSON}[^，。!！?？]{{0,6}}?(?:被关在|被困在|困在|关在|卡在){_LIFT}(?:里|内)"
    rf"|{_LIFT}(?:里|内)[^。!！?？]{{0,30}}?(?:卡住|卡在|停了|不动|门打不开|打不开|困(?!难)|关(?:住|着|在))"
    rf"|{_LIFT}[^。!！?？]{{0,30}}?(?:门打不开|门开不开|开不了门|打不开门|门不开|门开不了)"
    # Stuck between floors, or the alarm bell rung from inside: someone is in there.
    rf"|{_LIFT}[^。!！?？]{{0,20}}?(?:卡在半空|停在半空|悬在半空|(?:停|卡)在(?:两层|楼层|两个楼层)中间|"
    rf"按(?:了)?(?:警铃|报警铃|紧急按钮)|警铃没)"
    # The speaker (or someone named) just got in and the lift stopped: "我刚进电梯它就一抖停了".
    rf"|(?:刚|我|{_PERSON}[^，。]{{0,3}}?)(?:上|进|坐)(?:了)?{_LIFT}[^。!！?？]{{0,24}}?"
    rf"(?:停了|停住|卡住|卡了|不动|不走|没反应|灯灭|急停)"
    rf"|在{_LIFT}里[^。!！?？]{{0,8}}?(?:{_LIFT})?(?:不走|不动|停了|卡住|卡了|急停)"
    # Someone taken ill inside: "电梯里有人！里面的大爷说心脏不舒服".
    rf"|{_LIFT}里[^。]{{0,16}}?(?:心脏|喘不上|晕|昏|不舒服|难受)"
)
# A person in a lift is trapped only if the lift is stuck, stopped, falling or shut.
_LIFT_STUCK = rule(
    r"卡|停|坏|困|关|夹|掉|坠|溜|滑|不动|不走|打不开|开不开|门不开|不开门|故障|冲顶|蹲底|出不来|出不去|出唔到|"
    r"拍门|敲门|砸门|求救|"
    r"救命|警铃|半空|中间|心脏|晕|昏|不舒服|难受"
)
# A door that pinches is trapped-like only when it holds someone now ("门夹住一个老人的腿了"),
# not as a complaint about the door ("电梯门夹人，感应器不灵", "差点被夹到").
_PINCH_NOW = rule(r"夹(?:住|着)|夹人了|在哭|快来|救命|拔不出|出不来|打不开")
_TRAPPED_CUE = rule(r"关|困|卡|出不|打不开|开不|心脏|晕|昏|不舒服|难受|停|不动|不走|警铃|半空")
# A lift that traps people from time to time, or did once, is a complaint, not an emergency,
# unless someone is in it now.
_LIFT_HABIT = rule(
    r"常常|经常|老是|总是|每次|动不动|(?:困|关|卡|坏|停|出事)(?:了|过)?(?:好|十)?[两三四五六七八九十几多]+次|"
    r"好几天|好多天|(?:困|关|卡)住?过|(?:困|关|卡)人(?:了|过)?(?:好|十)?[两三四五六七八九十几多]+次|这个月|"
    r"那天|上次|上周|上礼拜|上个月|去年|以前|年轻时|夏天|冬天|每次进去|一进去就"
)
_LIFT_NOW = rule(
    r"刚才|刚刚|正在|现在|还在|快来|快点|赶紧|救命|(?<![关困锁卡])在里面|里面有|里头有|在哭|在喊|拍门|按铃|警铃|这次|"
    r"出不去|出不来"
)
_NOBODY_INSIDE = rule(
    r"卡了(?:个|一个|一张|张)|卡住了(?:个|一个|一张|张)|踹门|乱按|所有楼层|都按了|"
    r"超载|没人困|没有人困|里面没人|里面没有人|没困人|没关人|人都出来了|人已经出来|没人在里面|没有人在里面"
)

# --- trapped elsewhere: only with danger around it -----------------------------------------
_TRAP_WORDS = frozenset({"困人", "被困", "困在", "困住", "出不来"})
_TRAP_DANGER = rule(
    r"电梯|轿厢|梯|火|烟|水里|井里|井下|楼顶|窗外|窗台外|救命|快来人|来人啊|救救|喊救"
)

# --- smoke that is cooking, cigarettes or fireworks ----------------------------------------
_SMOKE_WORDS = frozenset({"烟味", "有烟", "都是烟", "全是烟", "冒烟", "浓烟", "好大的烟"})
_HARMLESS_SMOKE_BEFORE = rule(r"(?:油|抽|香|吸|二手|炊|烧烤的?)$")
_HARMLESS_SMOKE_AFTER = rule(r"^(?:花|头|囱|酒|草|盒|灰)")
# Smoke or a burnt smell whose source the message names as harmless, with no fire named.
_HARMLESS_SOURCE = rule(
    r"(?<!不是)(?:抽烟|吸烟|烟头)|二手烟|烟雾缭绕|香烟|烟囱|蜂窝煤|烟花|鞭炮|爆竹|油烟|烧香|熏腊肉|"
    r"烤糊|煮糊|锅底全糊|做蛋糕|面包机|棋牌|痕迹"
)
_FIRE_NAMED = rule(r"着火|起火|火光|明火|火苗|烧起来|冒火|烤着|点着|烧着|已经着了|着了一点")
_BURNT_WORDS = frozenset({*_SMOKE_WORDS, "焦味", "焦糊味", "烧焦"})
# "窗台外" is a person on a window ledge, not a flowerpot.
_LEDGE_THING = rule(r"(?:花盆|花|东西|衣服|杂物|空调|架子)[^，。]{0,4}$")
_PET = rule(r"猫|狗|宠物|鹦鹉|兔|金毛|泰迪|柯基|哈士奇|比熊|博美|萨摩|鸟")
# "在亭子里睡觉，叫都叫不醒": asleep, not unconscious.
_WORK_SPARKS = rule(r"切割|焊|砂轮|打磨|烧纸|纸钱|拜神")
_ASLEEP = rule(r"睡觉|睡着|在睡|打呼|睡得|打盹|睡懒觉|起床")

# --- missing people --------------------------------------------------------------------------
_MISSING_WHO = (
    r"(?:孩子|小孩|小朋友|男孩|女孩|儿子|女儿|闺女|孙子|孙女|外孙|宝宝|娃|老人|老太太|老太|老头|"
    r"老伴|老爷子|老大爷|老奶奶|奶奶|爷爷|姥姥|姥爷|外婆|外公|婆婆|公公|我爸|我妈|小姑娘|小伙子|\d+岁|"
    r"弟弟|妹妹|阿公|阿婆|阿嬷|个仔|个女|老母|老豆|"
    r"[一二三四五六七八九十两]岁半?)"
)
_MISSING = rule(
    rf"{_MISSING_WHO}[^。!！?？]{{0,24}}?"
    r"(?:不见了|找不到了|找不着了|找不见了|(?<!防)走丢(?!过)|跑丢|(?<!防)走失(?!过)|没回来|没有回来|没回家|到现在没回|"
    r"联系不上|不知道去哪|人就没了|就没了|人不在|没到家|还没上来|没上来|没消息|走散|跟丢了|唔见咗|唔见了|迷路)"
    r"|(?:孩子|小孩|儿子|女儿|宝宝)(?:跑)?丢了|急寻|寻人|记不住家|不认得家|找不到家|(?:家属|家里人|家人)在找"
    r"|(?:找不到|找不着|不见了)(?:我家|我的|我)?(?:孩子|小孩|儿子|女儿|孙子|孙女|宝宝|老人|妈妈|爸爸|家长)"
    rf"|(?:谁看见|谁看到|有没有看到|有没有人看到|有没有人看见|有人看见|谁见过)[^。!！?？]{{0,12}}?{_MISSING_WHO}"
    r"|(?<!一个)(?<!找人)(?:都|到处)找不到(?=$|[了人他她，。!！?？\s])"
    r"|(?:阿尔茨海默|老年痴呆|糊涂|失智)[^。!！?？]{0,20}?(?:出去了|走出去|走了|没回来|不见)"
    r"|(?:没回来|没回家|走丢|不见了|走散|关机|不接)[^。!！?？]{0,24}?(?:失智|老年痴呆|阿尔茨海默|糊涂|记性不好|不认路)"
    # A small child running off towards the road, nobody with them.
    rf"|{_MISSING_WHO}[^。!！?？]{{0,20}}?(?:跑|走|冲)(?:出|到|上)(?:了)?[^。!！?？]{{0,8}}?"
    r"(?:大马路|马路|路中间|河边|湖边)|家长在哪|大人在哪"
)

# "…家里那个找不到了": a thing is missing, not the person named before it.
_THING_MISSING = rule(
    r"那个|这个|那台|那把|的台|网络|路由器|宽带|电视|网断|的找不|的不见|看(?:见|到)(?:一只|一条|只|条)"
    r"|(?:手表|手机|书包|钥匙|课本|玩具|水杯|体温计|作业|滑板车)[^，。的]{0,4}?(?:找不|不见|丢)"
)
# Away on purpose for days, not missing: "我妈出去旅游一个星期了还没回来".
_AWAY_ON_PURPOSE = rule(
    r"旅游|旅行|出差|回老家|走亲戚|探亲|度假|出国|住院|打工|上大学|上班|上学|住校"
)

# --- falls, collapse, injury ---------------------------------------------------------------
_FALL = rule(
    r"(?:摔倒|摔了一跤|摔了|跌倒|跌了一跤|跌跤|摔跤|摔在|倒在|滑倒|栽倒|倒在地上|倒在路边|倒地|躺在地上|躺地上|那倒了|"
    r"摔下来|摔下去|摔到|滚下来|滚下去|掉下去|掉下来|被.{0,8}?(?:撞了|撞倒|蹭倒|轧)|摔[^，。]{0,4}?上了)"
    r"[^。!！?？]{0,20}?(?:起不来|流血|出血|血|动不了|不能动|没动|不动了|骨折|昏|晕|没反应|叫不醒|"
    r"不答应|不省人事|爬不起来|站不起来|磕破|抽搐|不会动|一动不动|在哭|发紫|扭成|变形|断了|伤得不轻|"
    r"伤得很重|受伤|不动|喊不应|叫不应|一直在吐|吐了|口吐白沫|不说话|着地)"
    rf"|{_PERSON}[^，。!！?？]{{0,4}}?(?:倒地|倒在地上|摔倒在地)"
    r"|抽搐|没有意识|没意识了|没反应了|叫他不答应|叫她不答应|心肺复苏|心脏骤停|休克|"
    r"头磕破|头破了|一直在流血|流了好多血|满脸是血|都是血|血喷|喷血|血流不止|血止不住|见血了|"
    r"晕倒|昏倒|昏过去|突然倒地|叫(?:他|她)?没反应|身上冰凉|没有呼吸|没呼吸了|"
    # An old person living alone, not seen for days: may be lying inside.
    r"(?:独居|一个人住)[^。!！?？]{0,16}?(?:几天|两天|三天|好几天)[^。!！?？]{0,4}?没(?:开门|出门|出来|见)|"
    # Taken ill: the heart, poisoning signs.
    r"心脏(?:好|很|特别)?(?:难受|不舒服|疼)|胸口(?:好|很)?(?:疼|闷)得|口吐白沫|"
    r"(?:躺|倒)[^。!！?？]{0,8}?一动不动|心脏病犯|犯病了|中风了|脑梗|晕过去|"
    r"(?<!机)(?<!西)掉进(?:了)?[^，。!！?？]{0,4}?(?:池塘|水池|池子|水里|窨井|井|河|湖|坑|化粪池)"
    r"|(?:倒|塌|压)[^。!！?？]{0,12}?(?:底下|下面)(?:好像)?(?:压着|有)(?:个)?人"
    # Pinned by something heavy: "被门砸了，腿压住了出不来".
    r"|(?:腿|脚|手|胳膊|身子)[^，。!！?？]{0,2}?(?:压住|压着|卡住)了?[^，。!！?？]{0,3}?"
    r"(?:出不来|动不了|拔不出)"
)

# A neighbour not seen for days, with signs that something is wrong at the door (a smell,
# flies, the phone off): someone may be lying inside. Its words are those of a duration
# ("好几天"), so it is not put through the clause test of the other patterns.
_UNSEEN = rule(
    r"(?:几天|两天|三天|四天|好几天|一周|一个星期|这几天)[^。!！?？]{0,8}?"
    r"(?:没(?:开门|出门|出来|见|动静|下楼|人应)|都没见)[^。]{0,30}?"
    r"(?:味|臭|苍蝇|不接|关机|没人应|没人开|敲门没|没反应)"
)

# --- objects from a height, now ------------------------------------------------------------
_THROWN = rule(
    r"(?:往下|向下|往楼下|从楼上|从窗户|从阳台|从上面|楼上(?:有人|谁家|哪家)?)(?:又|在|一直|还在|正在)?"
    r"(?:扔|丢|抛|砸|泼|飞)"
    r"|(?:扔|丢|抛|砸|飞)下来(?:了|一个|一只|个|瓶|块)?"
    r"|高空抛物|高空坠物|又在扔|还在扔|(?:正在|一直|还在|又在)往下掉"
)
# Something loose up high, about to fall: urgent only with people below it.
_LOOSE = rule(
    r"(?:马上|快要|快|随时|眼看)[^，。]{0,3}?(?:掉|塌)(?:下|了)|挂在半空|摇摇欲坠|脱落|往外倾|要塌了|快塌了"
)
_PEOPLE_BELOW = rule(
    r"下面(?:就|都|还)?(?:是|有)(?:人|行人|孩子|小孩|人行道|出入口|单元门|门口|停车场和人行道)|"
    r"下面都是人|人来人往|路过的人|楼下快|拉警戒|上面(?:还)?(?:站着|有)人|(?:楼下|下面)(?:还)?有人|"
    r"下面(?:就|都)?是停车"
)
# A complaint about a habit or about the past, not something happening now.
# A rotten-egg smell from the drains is sewage, not gas.
_DRAIN_SMELL = rule(r"下水|自来水|水箱|地漏|反味|马桶|化粪池")
_HABIT = rule(
    r"老有人|老是|天天|每天|经常|总是|总有|反映|多少次|查出来|查一下|查查|摄像头|监控|罚|属于|"
    r"算不算|这是高空|缺德|没砸到|得查|要查|第二次|第几次|最近|昨天|前两天|的事|不是一天两天|长期|"
    r"全是|发现|肯定是|招苍蝇|今天早上|一地碎"
)
_NOW = rule(
    r"刚才|刚刚|正在|现在(?:还|正|又)|又在|还在|(?<!没)砸到人|(?<!没)砸到了|砸在.{0,4}(?:人|脚|头)|快来|快叫|"
    r"下面是|楼下快|拉警戒|就现在|脚边|(?:楼下|下面)(?:全|都)是|已经砸了"
)
# Urgent words of the taxonomy about throwing: a habit complained of is not urgent.
_THROWN_WORDS = frozenset({"高空抛物", "往下扔", "从楼上扔", "楼上扔东西", "砸下来"})

# --- violence, crime, animals attacking, now ---------------------------------------------
_VIOLENCE_NOW = rule(
    r"打起来了|打人了|在打人|打人|被打了|打倒|动刀|拿刀|持刀|持械|砍人|捅人|拿着(?:刀|棍|铁锹|砖)|"
    r"抄家伙|正在打架|在打架|打群架|群殴|追着人|在追人|追着.{0,4}打|在撬|(?<!像在)喊救命|(?<![会能要怕来])砸人|见血|(?:有人|谁)(?:在)?砸我家(?:的)?门|"
    # "救命" alone is often an exclamation ("救命，这道题我不会"): with a call for help only.
    r"救命啊?[^。]{0,6}?(?:快来|来人|报警|打110|打120)|(?:快来人|来人啊)[^。]{0,6}?救命|"
    r"(?:拿着|掏出|抄起)[^，。]{0,2}?(?:刀|棍|铁锹|砖|酒瓶|斧头|钢管|扳手|铁棍|球棒)|又动手了|动手打|乱砍|砍门|在砍|"
    r"拿[^，。]{0,2}?刀|掐[^，。]{0,4}?脖子|砸(?:我家|我)?门[^。]{0,12}?(?:弄死|杀了|砍死)|要进来弄死我|"
    r"(?:突然|发疯)[^。!！?？]{0,8}?咬|咬[^。!！?？]{0,12}?拉不住|"
    r"追着[^，。]{0,4}?咬|"
    r"咬(?:伤|住)(?:个|一个)?[^，。]{0,3}?(?:人|孩|娃|朋友|男孩|女孩|老人)|咬娃|咬人了|扑倒咬"
)
_JOKE = rule(r"哈哈|笑死|😂|🤣|开玩笑|游戏|电视剧|电影|小说|作业|老板|热死|空调")
# Animals fighting each other ("两只流浪猫在打架") is no violence.
_ANIMALS = rule(r"(?:猫|狗|鸡|鸟)[^，。!！?？]{0,8}$")
_FIGHT = rule(r"打起来|正在打架|在打架|打群架")

# --- gas, live wires, burst pipes, fire now ------------------------------------------------
_HAZARD_NOW = rule(
    r"(?:煤气|燃气|天然气|液化气)[^，。!！?？]{0,8}?(?:味|漏|泄|报警(?!器))"
    r"|臭鸡蛋(?:的)?味|(?<!车)报警器一直在?(?:叫|响)|燃气灶没关|瓦斯味|瓦斯外泄|漏(?:煤气|燃气|天然气)"
    r"|(?:气味|味道|煤气|燃气)[^。]{0,16}?(?:晕晕乎乎|晕乎乎|头晕|头疼得|恶心想吐)"
    r"|(?:燃气|煤气|天然气)(?:管|管道|表|阀)[^，。]{0,6}?(?:嘶嘶|呲呲)"
    r"|闻到[^，。]{0,8}?(?:煤气|燃气|天然气)|(?:煤气|燃气)漏了"
    r"|带电(?![瓶池车动])|被电(?![动瓶车梯脑视话费钻锯刨])|电得发麻|一摸就麻|漏电(?!保护|开关|断路)|"
    r"(?<!停)放电(?![动瓶车])|蓝光|(?:电线|线)[^，。]{0,4}?裸|水里有电|铜丝露|线头露"
    r"|(?:电线|插座|灯|开关|电箱|电表)[^，。]{0,4}?(?:也)?(?:在滴|滴水|泡水|往下流|冒泡|进水|湿了)"
    r"|(?:插线板|插排|电线|插座)[^，。]{0,4}?(?:泡|通着电)|泡着[^，。]{0,6}?(?:插线板|插排|电线|插座|电缆)"
    r"|(?:电缆|电线)[^，。]{0,4}?泡(?:着|在)|(?:踩|碰|摸)[^，。]{0,6}?麻了一下"
    r"|(?:电线|电箱|电表|插座)[^。]{0,16}?(?:小孩|孩子|小朋友)[^，。]{0,6}?(?:够得着|碰得到|摸得到|一伸手)"
    r"|(?:电线|线头|铜丝)[^。]{0,8}?(?:露|裸)[^。]{0,16}?(?:小孩|孩子|小朋友)[^，。]{0,6}?(?:伸手|摸到|够到|碰到)"
    r"|水[^。]{0,8}?(?:流|灌|渗)(?:进|到)[^。]{0,4}?(?:插座|电箱|电表|开关|配电)"
    r"|(?:电线|线)[^，。]{0,4}?泡在水里|插座[^，。]{0,4}?(?:炸|噼啪|啪啪)|墙里[^，。]{0,6}?(?:噼啪|啪啪)响"
    r"|(?:水管|水管子|主水管|主管|立管|总管|暖气管|暖气水管|暖气片|暖气|水表|热水器|水箱|管道|管子)"
    r"[^，。!！?？]{0,8}?(?:爆|崩|炸)(?:裂|开)?了|像喷泉"
    r"|(?:水|污水)[^，。]{0,4}?涌进|水位?(?:已经)?(?:到|没过|淹到|漫到)了?(?:小腿|膝盖|腰|脚踝|大腿)"
    r"|(?:水管|管子|管道)[^，。!！?？]{0,3}?喷水|流进电梯井"
    r"|(?:水管|水管子|主水管|暖气管|暖气水管|管道|管子|水箱|消防管)[^，。!！?？]{0,6}?"
    r"(?:爆|破|裂|断|被挖断|被切断|切断|挖断)[^。!！?？]{0,16}?"
    r"(?:往下冲|淹到|淹了|灌(?:下来|进)|瀑布(?:一样|似的|一般)?|喷得|哗哗往下)"
    r"|(?:水管|水管子|主水管|暖气管|暖气水管|管道|管子)[^，。!！?？]{0,3}?(?:裂|破)[^。!！?？]{0,16}?"
    r"(?:喷|涌|冒|呲|往下倒|哗哗|烫|满屋)"
    r"|往外喷|水在喷|滚烫的水"
    r"|(?:别|不要)在(?:底下|下面|楼下)(?:走|站|停)"
    r"|着起来|烧着了|火光|充着了|火一下|火起来|燃起来|(?:全|都)是火(?!锅|腿|车|气)|一片火|(?:全|都)是(?:黑|灰)烟|冒黑烟|烧化|黑烟滚滚|带黑烟|一股黑烟|烟(?:浓|大)得|浓得看不见|油锅(?:着|起火|烧起来)|火烧(?!云)|烧起来了|在烧(?!烤|水|饭|菜|香|纸)|火很大|火好大|打火了|在打火"
    r"|(?:烧|糊|焦)[^，。]{0,6}?味[^。]{0,8}?(?:越来越|很浓|好浓|特别浓|呛)"
    r"|(?:电池|电瓶|充电器|插座|电线|电箱|电表)[^，。]{0,8}?(?:冒烟|冒白烟|冒火|起火|(?<!不)着了|嗞嗞)"
    r"|烧(?:塑料|电线|橡胶|胶皮)[^，。]{0,3}?味|电线(?:烧|的焦|的糊)"
    r"|楼顶边上|翻到窗户外|窗户外面坐着|要跳楼(?!价)|要跳下去|想跳楼|"
    r"(?:站在|坐在|翻到|爬到)[^，。]{0,8}?(?:阳台外|窗外|窗户外|楼顶边|天台边|栏杆外)"
    # A child out on an air-conditioner bracket or outside a window sill.
    r"|(?:孩子|小孩|小朋友|宝宝|娃)(?:正|还|就|现在)?(?:在|爬到|爬上|站在|坐在|跑到)[^，。!！?？]{0,8}?"
    r"(?:空调架|空调外机|窗台外|窗户外面的(?:空调|台|沿))(?!旁|边|下|底下|附近|那边|的草|的花)"
    # A gas pipe or meter that smells: "天然气管道锈得厉害，闻着有点点味".
    r"|(?:煤气|燃气|天然气|液化气)(?:管|管道|表|阀)[^。!！?？]{0,16}?闻(?:着|到)[^，。!！?？]{0,6}?味"
)

# The danger in the message is over, or was a false alarm.
_OVER = rule(
    r"虚惊一场|没事了|误会一场|(?<!不是)误报|已经(?:扑)?灭了|扑灭了|救出来了|已经找到|找到了|找回来了|"
    r"人都出来了|已经出来了|(?<!是)不是真的|(?<!是)不是着火(?![^，。]{0,2}就是)|缓过来了|自己爬起来|自己换好了|搞清楚了|"
    r"还好没(?:骨折|受伤|伤着|砸到)|没味了|没人困住|没人被困|没受伤|没伤着|原来是|其实是|我说的是|"
    r"(?<!是)不是(?:漏气|煤气|真)|别误会|解决了|已救出|已经救出|暂无危险|已断开|已经断开|(?:小伙子|孩子|老人|人)(?:都|已经|也)?出来了|"
    r"(?:人|都)[^，。]{0,6}?就出来了|(?<![人好])没事(?=$|[，。!！~])|谣言|别紧张|不用紧张|大家放心|找回了|"
    r"(?:关了|关上了)(?:总)?阀(?:门)?(?![^，。]{0,4}?(?:还是|还|仍然|依然))|关阀了|扫干净了|处理好了|浇灭|踩灭|弄灭|盖灭|(?<!是)不是(?:咱们|我们)楼|没有着火|没着火|以为真|"
    r"说没问题|好多了|出院了|原来去了|"
    # Asking after someone, or what followed: "那个被困电梯的小朋友还好吗", "出来后…".
    r"还好吗|怎么样了|已经送走|别乱传|扶起来了|已经扶起|能站起来|站起来了|没大碍|找妈妈的(?:那个)?是我家的|已经送(?:医院|医)|送到医院了|幸好没事|还好没事|刚出来|用脚踩|我踩了|"
    r"现在(?:已经)?(?:不|没)(?:闪|冒|响|漏|烧|着)了|说正常|是正常的|出来后|出来以后|出来之后|来接(?:她|他)了|虽然没电|不带电|没通电"
)
# The whole message is about somewhere else, a drill, a lesson or a notice.
_NOT_HERE_NOW = rule(
    r"(?<!不是)(?:新闻|报道|(?<![打在])视频(?!的时候|通话|电话)|刷到|抖音|隔壁市|别的小区|其他小区|有个小区|演练|演习|培训|测试|常识|"
    r"温馨提醒|注意安全|请勿轻信|【[^】]{0,6}通知】|教急救|学了|隔壁小区|入刑|刑事|"
    r"纪录片|宣传|海报|处理流程|应急预案|开玩笑|哈哈|笑死|栓q|记住[:：，,]|"
    # Lessons and advice, films, memories, a rehearsal, an apology for a false alarm.
    r"科普|冷知识|讲座|排练|话剧|大家记住|一定要记住|都记住|正确做法|正确的做法|切记|逃生要|不要急着扶|医生讲|"
    r"不要扒门|等待救援|背靠轿厢|电影里|这电影|那电影|这部电影|那部电影|那个电影|现实中|千万别学|"
    r"吓到大家|真不怕出事|不怕出事|要求追责|追责|拒不赔偿|能不能索赔|可以索赔|怎么索赔|索赔吗)"
)
# Imagined, past, hearsay, dreamt or rehearsed: said in the clause before the word.
_IMAGINED = rule(
    r"真有火灾|真发生|前几年|前些年|那几年|小时候|年轻的时候|万一|"
    # The event is somewhere else ("老家那边…着火了", "公司电梯困人了"), or in a film.
    r"老家|公司|单位|工地|矿上|煤矿|酒店|出差|高架|菜场|捷运|地铁上|地铁里|公交车上|主角|剧里|"
    r"如果|要是|假如|假设|记得|真要|真(?:起|着|失)火(?!了)|上回|之前|隐患|是不是|有人问|会不会|以防|防止|(?<!不)小心|怕|差点|避免|以前|上次|去年|上个月|上周|前天|"
    r"昨天|昨晚|前几天|前两天|前阵子|那会儿|那次|新闻|报道|网上|听说|看到.{0,3}说|隔壁小区|外地|"
    r"梦到|做梦|演练|的话|应该先|容易|那种(?!是)|这种|能不能|担心|知识|科普|这几天|一整晚|好几天|"
    r"一旦|极易|那天|那时候|年轻时|说的那个|游戏|电视里|片里|别以为|以为是"
)
# A habit complained of, in the clause before an urgent word: "经常故障困人", "经常爆管停水".
_HABIT_BEFORE = rule(r"经常|常常|总是|老是|动不动|每次|每到")
# Right after the word: "电梯困人的话", "关人这种事".
_HYPOTHETICAL_AFTER = rule(
    r"^.{0,3}(?:的话|这种|之类|怎么办|该怎么|应该|咋整|咋办|隐患|风险|根本)"
    # Once, in the past ("被困过一次").
    r"|^过(?![来去])|^.{0,2}(?:没法|无法)求救|^.{0,2}都没人|^.{0,2}(?:个|一个)?小(?:口|缝|洞)|^.{0,2}(?:就能|就会|都能|一点就)(?:着|烧|炸|引)|^.{0,2}[两三四五六七八九十几多好]+次|^.{0,3}(?:跑都跑不|跑不出|逃不出|逃都逃不|怎么跑|往哪跑)"
)
# Right after the word, a reference to an event rather than a report of it: "水管爆的那户",
# "困人的那部电梯", "着火的时候", "爆管的事" (unless someone is still in danger).
_REFERENCE_AFTER = rule(
    r"^(?:了|的)?(?:那户|那个|那次|那天|那会儿|那部|那家|的那|的事|事故|的时候|时候|之后|以后|的说法|的处理"
    r"|后(?![面边头]))"
)
_STILL_DANGER = rule(r"还有人|快来|救命|赶紧|正在|还在烧|还在冒")
# A simile right before the word ("你的爱就像火苗") or right after it ("冒火似的").
_SIMILE_BEFORE = rule(
    r"(?:就像|如同|仿佛|好似|像一团|像一把|跟|(?<!好)像在|(?<!好)像是在|一团|一把"
    r"|像一(?:场|团|把|片|座)[^，。]{0,6})$"
)
_SIMILE_AFTER = rule(r"^.{0,2}(?:似的|一样|一般)")
# Figurative trouble: "被工作压得喘不过气来".
_FIGURATIVE_BEFORE = rule(
    r"(?:(?:压|累|忙|逼|气|笑|辣|热|看|急|搬|走|跑|饿|闷)得.{0,4}|心里.{0,2}|脑子.{0,2}|肚子.{0,2}|"
    r"快累|累得快|脚底板?要?|(?:工作|感情|生活|人生|思路|学习|婚姻|事业)(?:也)?被?|火气.{0,6}|(?:气|急|热|累)到.{0,2})$"
)
_BREAK = rule(r"[,，。!！?？;；…\s]")

# What the model's urgency needs to see at least one of: a person, or a hazard.
_DANGER_CUE = rule(
    rf"{_PERSON}|火|烟|味|气|电|血|水|梯|狗|刀|棍|打|摔|跌|倒|掉|砸|扔|困|关|救|喊|哭|晕|烫|塌|喷"
)


def model_may_add(text: str) -> bool:
    """The model may add urgency only to a message naming a person or a hazard: its
    probabilities on text unlike anything it learnt ("坏了坏了坏了…") mean nothing."""
    return _DANGER_CUE.search(text) is not None


def urgent(text: str, hits: list[Hit], is_sensitive: bool | None = None) -> bool:
    """Danger to people now, by the rules of the module docstring. ``is_sensitive``: the
    verdict of :func:`sensitive` on ``text`` when the caller already has it."""
    if _called_off(text) or _NOT_HERE_NOW.search(text):
        # In a long message the all-clear or the film may be another sentence's: each
        # sentence is then judged on its own.
        return len(text) > LONG_MESSAGE and _a_sentence_urgent(text, hits)
    if any(real_urgent_word(text, hit) for hit in hits):
        return True
    # Every lift pattern names the lift (梯, 轿厢, Cantonese 𨋢): a cheap test first. Lost and
    # found ("水壶忘在电梯里了，快来认领") traps nobody. The conditions of _lift_trapped on the
    # whole message (the lift is stuck, nobody said to be inside) are tested before the
    # costly pattern runs.
    if (
        ("梯" in text or "轿厢" in text or "䢂" in text or "𨋢" in text)
        and not rules.lost_and_found(text)
        and _LIFT_STUCK.search(text)
        and not _NOBODY_INSIDE.search(text)
    ):
        for match in _LIFT_TRAPPED.finditer(text):
            if _lift_trapped(text, match):
                return True
    if _UNSEEN.search(text) or any(
        (gate is None or gate.search(text)) and p.search(text)
        for _, p, gate in situations.PLAIN_GATED
    ):
        return True
    if situations.NO_ANSWER_AT_DOOR.search(text) and situations.SIGN_INSIDE.search(text):
        return True
    if _situation_now(text):
        return True
    for pattern in (_MISSING, _FALL, _HAZARD_NOW):
        for m in pattern.finditer(text):
            if not _real(text, m) or (m.group(0) == "臭鸡蛋味" and _DRAIN_SMELL.search(text)):
                continue
            if pattern is _HAZARD_NOW and _rain_with_nobody_in_it(text, m.group(0)):
                continue
            if pattern is _MISSING and (
                _THING_MISSING.search(m.group(0)) or _AWAY_ON_PURPOSE.search(m.group(0))
            ):
                continue
            return True
    if is_sensitive is None:
        is_sensitive = sensitive(text)
    abuse_past = is_sensitive and sensitivity.told_as_past(text)
    if (
        not _JOKE.search(text)
        and not abuse_past
        and any(
            _real(text, m)
            and not (
                _FIGHT.match(m.group(0))
                and _ANIMALS.search(text[max(0, m.start() - 8) : m.start()])
            )
            for m in _VIOLENCE_NOW.finditer(text)
        )
    ):
        return True
    if (
        is_sensitive
        and not abuse_past
        and (sensitivity.happening_now(text) or situations.HIDING.search(text))
    ):
        return True
    if any(_real(text, m) for m in _LOOSE.finditer(text)) and _PEOPLE_BELOW.search(text):
        return True
    return any(_real(text, m) for m in _THROWN.finditer(text)) and (
        _NOW.search(text) is not None or _HABIT.search(text) is None
    )


#: A message longer than this is judged sentence by sentence when the whole of it says the
#: danger is over or elsewhere ("…视频…" in one sentence, "电梯里困了人" in another).
LONG_MESSAGE = 300
_SENTENCE = rule(r"[^。!！?？;；\n]+[。!！?？;；\n]*")


def _a_sentence_urgent(text: str, hits: list[Hit]) -> bool:
    """One sentence of ``text`` (given its lexicon ``hits``) is urgent on its own."""
    for m in _SENTENCE.finditer(text):
        start, end = m.span()
        if end - start >= len(text):
            return False  # a single sentence: nothing to split
        inside = [
            Hit(h.word, h.pos - start, h.tags)
            for h in hits
            if start <= h.pos < end - len(h.word) + 1
        ]
        if urgent(m.group(0), inside):
            return True
    return False


# "我用脚踩灭了 但他还要接着煮": the danger goes on after the all-clear.
_BUT_AFTER = rule(r"^.{0,8}?(?:还在|还要|又开始|接着|继续|越来越)")


def _called_off(text: str) -> bool:
    """The message says the danger is over, and does not go on to say it is back."""
    return any(not _BUT_AFTER.match(text[m.end() : m.end() + 8]) for m in _OVER.finditer(text))


def _situation_now(text: str) -> bool:
    """A family of :mod:`bot.understand.situations` matches, and its clause says nothing of
    an imagined, past or figurative event; a lift that traps people as a habit is a
    complaint unless someone is in it now."""
    for name, pattern in situations.candidates(text):
        for m in pattern.finditer(text):
            # An overdue return or someone down since last night is long to say ("…出去三个
            # 小时了，我好怕…", "从昨晚就躺在地上"): only the clause before it is read; the
            # other families are read with what they say.
            said = "" if name in ("overdue", "down") else m.group(0)
            if not _family_real(text, m.start(), m.end(), said):
                continue
            if name == "overdue" and _AWAY_ON_PURPOSE.search(m.group(0)):
                continue
            if name == "water_rising" and (
                situations.WATER_HABIT.search(text) or not situations.PEOPLE_IN_WATER.search(text)
            ):
                continue
            after = text[m.end() : m.end() + 6]
            if _REFERENCE_AFTER.match(after) and not _STILL_DANGER.search(after):
                continue
            if name == "gas_signs" and _DRAIN_SMELL.search(text):
                continue
            if name == "lift_fear" and situations.STAIRS.search(text):
                continue
            if name in ("lift_person", "lift_fear") and (
                rules.lost_and_found(text)
                or _NOBODY_INSIDE.search(text)
                or (_LIFT_HABIT.search(text) and not _LIFT_NOW.search(text))
            ):
                continue
            return True
    return False


_WATER_DEPTH = rule(r"水[^。]*(?:小腿|膝盖|腰|脚踝|大腿)")
_RAIN = rule(r"雨(?!伞|衣|鞋)")


def _rain_with_nobody_in_it(text: str, found: str) -> bool:
    """Water knee-deep after rain, with nobody caught in it: a drainage report."""
    return (
        _WATER_DEPTH.search(found) is not None
        and _RAIN.search(text) is not None
        and situations.PEOPLE_IN_WATER.search(text) is None
    )


# After a family's match, "的话" makes it a supposition; "怎么办" after a concrete event
# ("孩子把洗衣液喝了 怎么办") is a plea, unlike after a bare word ("着火怎么办").
_FAMILY_HYPOTHETICAL_AFTER = rule(r"^.{0,3}(?:的话|这种|之类|隐患|风险)")


def _family_real(text: str, start: int, end: int, said: str) -> bool:
    """The clause before a family's match (and what it ``said``) is not imagined, past,
    figurative or a simile, and what follows does not make it a supposition."""
    clause = _clause_before(text, start)
    after = text[end : end + 6]
    return not (
        _IMAGINED.search(clause + said)
        or _FAMILY_HYPOTHETICAL_AFTER.match(after)
        or _SIMILE_BEFORE.search(clause)
        or _SIMILE_AFTER.match(after)
        or _FIGURATIVE_BEFORE.search(clause)
    )


def _lift_trapped(text: str, match: re.Match[str]) -> bool:
    """A person is in a stuck, stopped or falling lift now (see :data:`_LIFT_TRAPPED`)."""
    if (
        not _real_at(text, match.start(), match.group(0), references=False)
        or not _LIFT_STUCK.search(text)
        or _NOBODY_INSIDE.search(text)
    ):
        return False
    found = match.group(0)
    if "夹" in found and not _TRAPPED_CUE.search(found.replace("夹", "")):
        if not _PINCH_NOW.search(text):
            return False
    return not (_LIFT_HABIT.search(text) and not _LIFT_NOW.search(text))


def real_urgent_word(text: str, hit: Hit) -> bool:
    """An urgent word of the taxonomy, meant: not imagined, denied, past, hearsay or a
    simile ("万一着火", "没有烟", "新闻说…着火", "你的爱就像火苗"), and, for words that
    also have harmless senses, said with danger around ("困在" a lift, not in a maths
    problem; "烟味" of a fire, not of cooking)."""
    if not hit.has(Role.URGENT) or not rules.real_urgent(text, hit):
        return False
    if not _real_at(text, hit.pos, hit.word):
        return False
    if _HABIT_BEFORE.search(_clause_before(text, hit.pos)):
        return False
    if hit.word in _TRAP_WORDS and not _TRAP_DANGER.search(text):
        return False
    if hit.word == "叫不醒" and _ASLEEP.search(text):
        return False
    if hit.word == "跳楼" and text.startswith(("价", "大甩卖", "甩卖"), hit.pos + 2):
        return False
    if hit.word in ("火花", "火星", "火星子") and _WORK_SPARKS.search(text):
        if not _FIRE_NAMED.search(text):
            return False
    if hit.word in ("掉水里", "掉进水里", "掉河里") and "把" in _clause_before(text, hit.pos):
        return False
    if hit.word in _THROWN_WORDS and _HABIT.search(text) and not _NOW.search(text):
        return False
    if hit.word in _SMOKE_WORDS:
        before, after = text[max(0, hit.pos - 3) : hit.pos], text[hit.pos + len(hit.word) :]
        if _HARMLESS_SMOKE_BEFORE.search(before) or _HARMLESS_SMOKE_AFTER.match(after):
            return False
    if hit.word in _BURNT_WORDS and _HARMLESS_SOURCE.search(text) and not _FIRE_NAMED.search(text):
        return False
    if hit.word == "窗台外" and _LEDGE_THING.search(text[max(0, hit.pos - 8) : hit.pos]):
        return False
    if hit.word in ("走丢", "走失") and _PET.search(text[hit.pos + len(hit.word) : hit.pos + 6]):
        return False
    return not (hit.word in ("走丢", "走失") and _pet_lost(text, hit.pos))


def _pet_lost(text: str, pos: int) -> bool:
    """The one lost, named last before ``pos``, is an animal ("家里猫跑出去了…走丢的")."""
    before = text[:pos]
    pets = [m.end() for m in _PET.finditer(before)]
    people = [m.end() for m in re.finditer(_MISSING_WHO, before)]
    return bool(pets) and (not people or pets[-1] > people[-1])


def _clause_before(text: str, start: int) -> str:
    before = text[max(0, start - 16) : start]
    breaks = [m.end() for m in _BREAK.finditer(before)]
    return before[breaks[-1] :] if breaks else before


def _real(text: str, match: re.Match[str]) -> bool:
    return _real_at(text, match.start(), match.group(0))


def _real_at(text: str, start: int, word: str, *, references: bool = True) -> bool:
    """Not imagined, past, hearsay, figurative or a simile: the clause before ``start``
    (and the word itself) says nothing of the kind; with ``references``, nor does what
    follows make it a reference to an event ("水管爆的那户")."""
    clause = _clause_before(text, start)
    after = text[start + len(word) : start + len(word) + 6]
    return not (
        _IMAGINED.search(clause + word)
        or _HYPOTHETICAL_AFTER.match(after)
        or (references and _REFERENCE_AFTER.match(after) and not _STILL_DANGER.search(after))
        or _SIMILE_BEFORE.search(clause)
        or _SIMILE_AFTER.match(after)
        or _FIGURATIVE_BEFORE.search(clause)
    )
