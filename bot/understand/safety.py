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

from bot.understand import rules
from bot.understand.lexicon import Hit, Role

# Who can be in danger.
_PERSON = (
    r"(?:人|孩子|小孩|小囡|小朋友|男孩|女孩|儿子|女儿|闺女|孙子|孙女|外孙|宝宝|娃|老人|老太太|"
    r"老太|老头|老伴|老爷子|老大爷|大爷|大妈|阿姨|奶奶|爷爷|姥姥|姥爷|外婆|外公|婆婆|公公|我爸|"
    r"我妈|爸爸|妈妈|老公|老婆|媳妇|邻居|快递员|外卖员|小哥|师傅|学生|小伙子|姑娘|他|她|我)"
)

# --- someone trapped in a lift ---------------------------------------------------------------
_LIFT = r"(?:电梯|轿厢|客梯|货梯|梯)"
# "Someone is inside": a person named inside, or sounds of people, or the trapped words.
_INSIDE = (
    rf"(?:关人|困人|关到人|困着人|关着人|困了人|夹住|夹到|被关|被困|关在|困在|关里|困里|出不来|"
    rf"出不去|(?:困|关)(?:了|着|住)?[^，。!！?？]{{0,5}}?{_PERSON}"
    rf"|(?:里面|里头|里边|在里)[^，。!！?？]{{0,12}}?(?:{_PERSON}|哭|喊|叫|拍门|求救|按铃)"
    rf"|{_PERSON}[^，。!！?？]{{0,6}}?在(?:里面|里头|里边)|卡在里面|卡在里头)"
)
_LIFT_TRAPPED = re.compile(
    rf"{_LIFT}.{{0,40}}?{_INSIDE}|{_INSIDE}.{{0,20}}?{_LIFT}"
    rf"|{_PERSON}[^，。!！?？]{{0,6}}?(?:在|被关在|被困在|困在|关在){_LIFT}(?:里|内)"
    rf"|{_LIFT}(?:里|内)[^。!！?？]{{0,30}}?(?:卡住|卡在|停了|不动|门打不开|打不开|困|关)"
    rf"|{_LIFT}[^。!！?？]{{0,30}}?(?:门打不开|门开不开|开不了门|打不开门)"
)
_NOBODY_INSIDE = re.compile(
    r"没人困|没有人困|里面没人|里面没有人|没困人|没关人|人都出来了|人已经出来|没人在里面|没有人在里面"
)

# --- trapped elsewhere: only with danger around it -----------------------------------------
_TRAP_WORDS = frozenset({"困人", "被困", "困在", "困住", "出不来"})
_TRAP_DANGER = re.compile(
    r"电梯|轿厢|梯|火|烟|水里|井里|井下|楼顶|窗外|窗台外|救命|快来人|来人啊|救救|喊救"
)

# --- smoke that is cooking, cigarettes or fireworks ----------------------------------------
_SMOKE_WORDS = frozenset({"烟味", "有烟", "都是烟", "全是烟", "冒烟", "浓烟", "好大的烟"})
_HARMLESS_SMOKE_BEFORE = re.compile(r"(?:油|抽|香|吸|二手|炊|烧烤的?)$")
_HARMLESS_SMOKE_AFTER = re.compile(r"^(?:花|头|囱|酒|草|盒)")

# --- missing people --------------------------------------------------------------------------
_MISSING_WHO = (
    r"(?:孩子|小孩|小朋友|男孩|女孩|儿子|女儿|闺女|孙子|孙女|外孙|宝宝|娃|老人|老太太|老太|老头|"
    r"老伴|老爷子|老大爷|老奶奶|奶奶|爷爷|姥姥|姥爷|外婆|外公|婆婆|公公|我爸|我妈|\d+岁|"
    r"[一二三四五六七八九十两]岁半?)"
)
_MISSING = re.compile(
    rf"{_MISSING_WHO}[^。!！?？]{{0,24}}?"
    r"(?:不见了|找不到了|找不着了|找不见了|走丢|走失|没回来|没有回来|联系不上|不知道去哪|人就没了)"
    r"|(?:孩子|小孩|儿子|女儿|宝宝)丢了"
    r"|(?:找不到|找不着|不见了)(?:我家|我的)?(?:孩子|小孩|儿子|女儿|孙子|孙女|宝宝|老人|妈妈|爸爸|家长)"
    rf"|(?:谁看见|谁看到|有没有看到|有没有人看到)[^。!！?？]{{0,12}}?{_MISSING_WHO}"
    r"|(?:阿尔茨海默|老年痴呆|糊涂)[^。!！?？]{0,20}?(?:出去|走出去|走了|没回来|不见)"
)

# --- falls, collapse, injury ---------------------------------------------------------------
_FALL = re.compile(
    r"(?:摔倒|摔了一跤|摔了|跌倒|跌了一跤|滑倒|栽倒|倒在地上|倒在路边|倒地|躺在地上|躺地上|"
    r"摔下来|摔下去|滚下来|滚下去|掉下去|被.{0,4}(?:撞了|撞倒|蹭倒|轧)|摔[^，。]{0,4}?上了)"
    r"[^。!！?？]{0,20}?(?:起不来|流血|出血|血|动不了|不能动|没动|不动了|骨折|昏|晕|没反应|叫不醒|"
    r"不答应|不省人事|爬不起来|站不起来|磕破|抽搐|不会动|一动不动|在哭)"
    r"|抽搐|没有意识|没意识了|没反应了|叫他不答应|叫她不答应|心肺复苏|心脏骤停|休克|"
    r"头磕破|头破了|一直在流血|流了好多血|满脸是血|都是血|血喷|喷血|血流不止|见血了|"
    r"(?:躺|倒)[^。!！?？]{0,8}?一动不动|心脏病犯|犯病了|中风了|脑梗|晕过去|"
    r"掉进(?:了)?(?:水池|池子|水里|井|河|湖|坑|化粪池)"
)

# --- objects from a height, now ------------------------------------------------------------
_THROWN = re.compile(
    r"(?:往下|向下|往楼下|从楼上|从窗户|从阳台|从上面|楼上)(?:又|在|一直|还在|正在)?"
    r"(?:扔|丢|抛|砸|泼|飞|掉)"
    r"|(?:扔|丢|抛|砸|飞)下来(?:了|一个|一只|个|瓶|块)?"
    r"|高空抛物|高空坠物|又在扔|(?:正在|一直|还在|又在)往下掉"
    r"|(?:马上|快要|随时|眼看)[^，。]{0,3}?掉(?:下|了)|挂在半空"
)
# A complaint about a habit or about the past, not something happening now.
_HABIT = re.compile(
    r"老有人|老是|天天|每天|经常|总是|总有|反映|多少次|查出来|查一下|查查|摄像头|监控|罚|属于|"
    r"算不算|这是高空|缺德|没砸到|得查|要查|第二次|第几次|最近"
)
_NOW = re.compile(
    r"刚才|刚刚|正在|现在|又在|还在|差点砸|砸到人|砸到了|砸在.{0,4}(?:人|脚|头)|快来|快叫|"
    r"下面是|楼下快|拉警戒"
)
# Urgent words of the taxonomy about throwing: a habit complained of is not urgent.
_THROWN_WORDS = frozenset({"高空抛物", "往下扔", "从楼上扔", "楼上扔东西", "砸下来"})

# --- violence, crime, animals attacking, now ---------------------------------------------
_VIOLENCE_NOW = re.compile(
    r"打起来了|打人了|在打人|打人|被打了|打倒|动刀|拿刀|持刀|持械|砍人|捅人|拿着(?:刀|棍|铁锹|砖)|"
    r"抄家伙|正在打架|在打架|追着人|在追人|追着.{0,4}打|在撬|喊救命|救命啊|救命|砸人|见血|"
    r"拿着[^，。]{0,2}?(?:刀|棍|铁锹|砖|酒瓶)|又动手了|动手打|"
    r"咬(?:了|伤|到|住)(?:个|一个)?[^，。]{0,3}?(?:人|孩|娃|朋友|男孩|女孩|老人)|咬娃|咬人了|扑倒咬"
)
_JOKE = re.compile(r"哈哈|笑死|😂|🤣|开玩笑|游戏|电视剧|电影|小说|作业|老板")

# --- gas, live wires, burst pipes, fire now ------------------------------------------------
_HAZARD_NOW = re.compile(
    r"(?:煤气|燃气|天然气|液化气)[^，。!！?？]{0,8}?(?:味|漏|泄|报警)"
    r"|臭鸡蛋味|报警器一直在?(?:叫|响)|燃气灶没关"
    r"|闻到[^，。]{0,8}?(?:煤气|燃气|天然气)|(?:煤气|燃气)漏了"
    r"|带电|被电|电得发麻|一摸就麻|漏电"
    r"|(?:水管|水管子|主水管|暖气管|暖气水管|水箱|管道|管子)[^，。!！?？]{0,3}?(?:爆|崩|炸)了"
    r"|(?:水管|水管子|主水管|暖气管|暖气水管|管道|管子)[^，。!！?？]{0,3}?(?:裂|破)[^。!！?？]{0,16}?"
    r"(?:喷|涌|冒|呲|往下倒|哗哗|烫|满屋)"
    r"|往外喷|水在喷|滚烫的水"
    r"|着起来|烧着了|充着了|火一下|火起来|火烧(?!云)|烧起来了|在烧(?!烤|水|饭|菜|香|纸)|火很大|火好大|打火了|在打火"
    r"|(?:烧|糊|焦)[^，。]{0,6}?味[^。]{0,8}?(?:越来越|很浓|好浓|特别浓|呛)"
    r"|(?:电池|电瓶|充电器|插座|电线|电箱|电表)[^，。]{0,8}?(?:冒烟|冒白烟|冒火|起火|着了|嗞嗞)"
    r"|楼顶边上|翻到窗户外|窗户外面坐着|要跳楼|要跳下去|想跳楼|"
    r"(?:站在|坐在|翻到|爬到)[^，。]{0,8}?(?:阳台外|窗外|窗户外|楼顶边|天台边|栏杆外)"
)

# The danger in the message is over, or was a false alarm.
_OVER = re.compile(
    r"虚惊一场|没事了|误会一场|误报|已经(?:扑)?灭了|扑灭了|救出来了|已经找到|找到了|找回来了|"
    r"人都出来了|已经出来了|不是真的|不是着火|缓过来了|自己爬起来|自己换好了|搞清楚了|"
    r"还好没(?:骨折|受伤|伤着|砸到)|没味了|没人困住|没人被困"
)
# Imagined, past, hearsay, dreamt or rehearsed: said in the clause before the word.
_IMAGINED = re.compile(
    r"万一|如果|要是|会不会|以防|防止|小心|怕|差点|避免|以前|上次|去年|上个月|上周|前天|"
    r"昨天|昨晚|前几天|前阵子|那会儿|那次|那个|新闻|报道|网上|听说|看到.{0,3}说|隔壁小区|外地|"
    r"梦到|做梦|演练|的话|应该先|容易|那种|这种|能不能|担心|知识|科普|这几天|一整晚|好几天"
)
# Right after the word: "电梯困人的话", "关人这种事".
_HYPOTHETICAL_AFTER = re.compile(r"^.{0,3}(?:的话|这种|之类|怎么办|该怎么|应该)")
# A simile right before the word ("你的爱就像火苗") or right after it ("冒火似的").
_SIMILE_BEFORE = re.compile(r"(?:就像|如同|仿佛|好似|像一团|像一把|跟)$")
_SIMILE_AFTER = re.compile(r"^.{0,2}(?:似的|一样|一般)")
# Figurative trouble: "被工作压得喘不过气来".
_FIGURATIVE_BEFORE = re.compile(r"(?:压得|累得|忙得|逼得|气得|笑得)$")
_BREAK = re.compile(r"[,，。!！?？;；\s]")

_SENSITIVE_FAMILY = (
    r"(?:老公|老婆|丈夫|男人|媳妇|对象|男朋友|前夫|他爸|孩子他爸|我爸|后妈|继父|继母|那家男的)"
)
_SENSITIVE = re.compile(
    r"家暴|家庭暴力|打老婆|打媳妇|打老公"
    rf"|{_SENSITIVE_FAMILY}.{{0,10}}?(?:打我|打孩子|对我动手|掐我|踢我|拿刀)"
    rf"|被{_SENSITIVE_FAMILY}.{{0,6}}?打"
    r"|挨打|被打得|打得.{0,8}?(?:哭|叫|惨|求饶|青一块|紫)|掐着脖子|掐脖子"
    r"|打孩子|虐待|虐童|打小孩|(?:孩子|小孩|小囡|娃).{0,10}?(?:被打|挨打|惨叫|哭喊|求饶|身上.{0,4}伤|青一块)"
    r"|大人在打|在打伊|打得啪啪响"
    r"|自杀|轻生|割腕|寻死|不想活|活不下去|活着没意思|活着没什么意思|结束自己|想死|去死了算了|"
    r"安眠药|跳下去|想不开|楼顶边上|翻到窗户外|遗书"
)
# Violence at home happening now is urgent as well as sensitive.
_ABUSE_NOW = re.compile(
    r"正在|现在|一直在|还在|又在|好久|半个小时|半个钟头|惨叫|求饶|尖叫|哭喊|救命|追"
)
# Jokes ("笑死", "热死了") and the news are not a cry for help.
_NOT_SENSITIVE = re.compile(r"哈哈|笑死|新闻|电视剧|电影|小说|热搜|游戏")


# What the model's urgency needs to see at least one of: a person, or a hazard.
_DANGER_CUE = re.compile(
    rf"{_PERSON}|火|烟|味|气|电|血|水|梯|狗|刀|棍|打|摔|跌|倒|掉|砸|扔|困|关|救|喊|哭|晕|烫|塌|喷"
)


def model_may_add(text: str) -> bool:
    """The model may add urgency only to a message naming a person or a hazard: its
    probabilities on text unlike anything it learnt ("坏了坏了坏了…") mean nothing."""
    return _DANGER_CUE.search(text) is not None


def urgent(text: str, hits: list[Hit]) -> bool:
    """Danger to people now, by the rules of the module docstring."""
    if _OVER.search(text):
        return False
    if any(real_urgent_word(text, hit) for hit in hits):
        return True
    for match in _LIFT_TRAPPED.finditer(text):
        if _real(text, match) and not _NOBODY_INSIDE.search(text):
            return True
    for pattern in (_MISSING, _FALL, _HAZARD_NOW):
        if any(_real(text, m) for m in pattern.finditer(text)):
            return True
    if not _JOKE.search(text) and any(_real(text, m) for m in _VIOLENCE_NOW.finditer(text)):
        return True
    if sensitive(text) and _ABUSE_NOW.search(text):
        return True
    return any(_real(text, m) for m in _THROWN.finditer(text)) and (
        _NOW.search(text) is not None or _HABIT.search(text) is None
    )


def real_urgent_word(text: str, hit: Hit) -> bool:
    """An urgent word of the taxonomy, meant: not imagined, denied, past, hearsay or a
    simile ("万一着火", "没有烟", "新闻说…着火", "你的爱就像火苗"), and, for words that
    also have harmless senses, said with danger around ("困在" a lift, not in a maths
    problem; "烟味" of a fire, not of cooking)."""
    if not hit.has(Role.URGENT) or not rules.real_urgent(text, hit):
        return False
    if not _real_at(text, hit.pos, hit.word):
        return False
    if hit.word in _TRAP_WORDS and not _TRAP_DANGER.search(text):
        return False
    if hit.word in _THROWN_WORDS and _HABIT.search(text) and not _NOW.search(text):
        return False
    if hit.word in _SMOKE_WORDS:
        before, after = text[max(0, hit.pos - 3) : hit.pos], text[hit.pos + len(hit.word) :]
        if _HARMLESS_SMOKE_BEFORE.search(before) or _HARMLESS_SMOKE_AFTER.match(after):
            return False
    return True


def _real(text: str, match: re.Match[str]) -> bool:
    return _real_at(text, match.start(), match.group(0))


def _real_at(text: str, start: int, word: str) -> bool:
    """Not imagined, past, hearsay, figurative or a simile: the clause before ``start``
    (and the word itself) says nothing of the kind."""
    before = text[max(0, start - 16) : start]
    breaks = [m.end() for m in _BREAK.finditer(before)]
    clause = before[breaks[-1] :] if breaks else before
    after = text[start + len(word) : start + len(word) + 6]
    return not (
        _IMAGINED.search(clause + word)
        or _HYPOTHETICAL_AFTER.match(after)
        or _SIMILE_BEFORE.search(clause)
        or _SIMILE_AFTER.match(after)
        or _FIGURATIVE_BEFORE.search(clause)
    )


def sensitive(text: str) -> bool:
    """Domestic violence, a child being hurt, self-harm: must not be posted publicly."""
    match = _SENSITIVE.search(text)
    return match is not None and _NOT_SENSITIVE.search(text) is None
