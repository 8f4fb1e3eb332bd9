"""Safety rules: urgency and sensitivity, decided by patterns a reviewer can read.

The learned model never removes what these rules find; missing an urgent message is the
worst error the bot can make, so they lean towards recall.

Urgent (danger to people now):

- an urgent word of the taxonomy (fire, smoke, gas, someone trapped, a burst pipe, a missing
  child, objects from height, someone collapsed…) that is not imagined or denied in its
  clause ("万一着火", "没有烟") — see :func:`bot.understand.rules.real_urgent`;
- a person inside a lift that is stuck, dropped or stopped, however it is phrased
  ("电梯又卡住了，里面好像有人", "点替掉了一层 孩子在里面");
- a child or an elderly person missing ("五岁的儿子找不着了");
- a person fallen and hurt ("老太太摔了一跤，头上在流血");
- objects being thrown from a height ("楼上又在往下扔酒瓶");
- violence happening now ("楼下有人打起来了，还拿着棍子").

…unless the message says the danger is over ("虚惊一场", "已经救出来了").

Sensitive (never posted in the group; the sender is answered privately): domestic violence,
a child being hurt, self-harm or suicidal intent.
"""

from __future__ import annotations

import re

from bot.understand import rules
from bot.understand.lexicon import Hit, Role

# Who can be in danger.
_PERSON = (
    r"(?:人|孩子|小孩|小朋友|儿子|女儿|闺女|孙子|孙女|外孙|宝宝|娃|老人|老太太|老太|老头|"
    r"老爷子|老大爷|大爷|大妈|阿姨|奶奶|爷爷|姥姥|姥爷|外婆|外公|我爸|我妈|爸爸|妈妈|老公|"
    r"老婆|媳妇|邻居|快递员|外卖员|小哥|师傅|学生|他|她|我)"
)
_LIFT = r"(?:电梯|轿厢|梯子里|电梯间)"
_LIFT_FAULT = (
    r"(?:卡住|卡在|卡了|停在|停住|停了|不动|掉了|掉下|往下掉|下坠|坠|滑下|溜下|冲顶|蹲底|困|关在|"
    r"关住|关里|出不来|打不开|门开不了|开不了门)"
)
# A person said to be inside (not "里面没人").
_INSIDE = rf"(?:(?:困|关)(?:了|着|住)?(?:个|一个|两个|几个)?{_PERSON}|(?:里面|里头|里边|内)(?:好像|可能|还|应该)?(?:有|关着|困着)?{_PERSON}|{_PERSON}(?:还)?(?:在|困在|关在)(?:里面|里头|里边|电梯|轿厢)|出不来|被困|困人|困住|关着{_PERSON}|{_PERSON}出不来)"
_LIFT_TRAPPED = re.compile(
    rf"{_LIFT}.{{0,40}}?(?:{_LIFT_FAULT}.{{0,40}}?{_INSIDE}|{_INSIDE}.{{0,40}}?{_LIFT_FAULT})"
    rf"|{_INSIDE}.{{0,30}}?{_LIFT}.{{0,30}}?{_LIFT_FAULT}"
    rf"|{_LIFT_FAULT}.{{0,15}}?{_LIFT}.{{0,30}}?{_INSIDE}"
)
_NOBODY_INSIDE = re.compile(
    r"(?:里面|里头|里边)?(?:没人|没有人|没困人|没关人|人都出来了|人已经出来)"
)

_MISSING = re.compile(
    r"(?:孩子|小孩|儿子|女儿|闺女|孙子|孙女|外孙|宝宝|娃|\d+岁|[一二三四五六七八九十]岁|老人|"
    r"老太太|老爷子|老大爷|奶奶|爷爷|姥姥|姥爷|外婆|外公|我爸|我妈)"
    r".{0,12}?(?:不见了|找不到了|找不着了|找不见了|走丢|丢了|没回来|联系不上|不知道去哪)"
    r"|(?:找不到|找不着|不见了)(?:我家|我的)?(?:孩子|小孩|儿子|女儿|孙子|孙女|宝宝|老人)"
)
_FALL = re.compile(
    rf"{_PERSON}.{{0,10}}?(?:摔倒|摔了一跤|摔了|跌倒|跌了一跤|滑倒|栽倒|倒在地上|倒地|躺在地上|"
    rf"摔下来|滚下来|掉下去|掉下来)"
    r".{0,20}?(?:起不来|流血|出血|血|动不了|不能动|不动了|骨折|昏|晕|没反应|叫不醒|不省人事|爬不起来|站不起来)"
)
_THROWN = re.compile(
    r"(?:往下|向下|往楼下|从楼上|从窗户|从阳台|从上面|楼上)(?:又|在|一直|还在|正在)?"
    r"(?:扔|丢|抛|砸|泼|倒)(?!垃圾分类)"
    r"|(?:扔|丢|抛|砸|掉)下来(?:了|一个|一只|个|瓶|块)"
    r"|高空抛物|高空坠物"
)
_VIOLENCE_NOW = re.compile(
    r"打起来了|打人了|在打人|动刀|拿刀|持刀|砍人|捅人|拿着棍子|抄家伙|正在打架|在打架"
)
# The danger in the message is over, or was a false alarm.
_OVER = re.compile(
    r"虚惊一场|没事了|误会一场|误报|已经(?:扑)?灭了|扑灭了|救出来了|已经找到|找到了|人都出来了|已经出来了"
)
# Imagined or past: "万一", "差点", "以前", "上次".
_IMAGINED = re.compile(
    r"万一|如果|要是|会不会|以防|防止|小心|怕|差点|避免|以前|上次|去年|上个月|新闻"
)

_FAMILY = r"(?:老公|老婆|丈夫|男人|媳妇|对象|男朋友|前夫|他爸|孩子他爸|我爸|后妈|继父|继母)"
_SENSITIVE = re.compile(
    r"家暴|家庭暴力|打老婆|打媳妇|打老公"
    rf"|{_FAMILY}.{{0,10}}?(?:打我|打孩子|对我动手|掐我|踢我|拿刀)"
    rf"|被{_FAMILY}.{{0,6}}?打"
    r"|挨打|被打得|打得.{0,8}?(?:哭|叫|惨|求饶|青一块|紫)|掐着脖子|掐脖子"
    r"|打孩子|虐待|虐童|打小孩|孩子.{0,10}?(?:被打|挨打|惨叫|哭喊|求饶|身上.{0,4}伤|青一块)"
    r"|自杀|轻生|割腕|寻死|不想活|活不下去|活着没意思|活着没什么意思|结束自己|想死|去死了算了|安眠药|跳下去|想不开"
)
# Jokes ("笑死", "热死了") and the news are not a cry for help.
_NOT_SENSITIVE = re.compile(r"哈哈|笑死|新闻|电视剧|电影|小说|热搜|游戏")


def urgent(text: str, hits: list[Hit]) -> bool:
    """Danger to people now, by the rules of the module docstring."""
    if _OVER.search(text):
        return False
    if any(real_urgent_word(text, hit) for hit in hits):
        return True
    for pattern in (_LIFT_TRAPPED, _MISSING, _FALL, _THROWN, _VIOLENCE_NOW):
        for match in pattern.finditer(text):
            if _real(text, match) and not (
                pattern is _LIFT_TRAPPED and _NOBODY_INSIDE.search(text)
            ):
                return True
    return False


def real_urgent_word(text: str, hit: Hit) -> bool:
    """An urgent word of the taxonomy, meant: not imagined, denied, past, hearsay or a
    simile ("万一着火", "没有烟", "新闻说…着火", "你的爱就像火苗")."""
    return hit.has(Role.URGENT) and rules.real_urgent(text, hit) and _real_at(text, hit.pos)


def _real(text: str, match: re.Match[str]) -> bool:
    return _real_at(text, match.start(), match.group(0)[:2])


def _real_at(text: str, start: int, head: str = "") -> bool:
    """Not imagined, past or hearsay: the clause before ``start`` says nothing of the kind
    ("万一", "差点", "上次", "新闻说")."""
    before = text[max(0, start - 16) : start]
    breaks = [m.end() for m in _BREAK.finditer(before)]
    clause = before[breaks[-1] :] if breaks else before
    return _IMAGINED.search(clause + head) is None and _SIMILE.search(clause) is None


# A simile right before the word: "你的爱就像火苗".
_SIMILE = re.compile(r"(?:就像|如同|仿佛|好似|像一团|像一把)$")
_BREAK = re.compile(r"[,，。!！?？;；\s]")


def sensitive(text: str) -> bool:
    """Domestic violence, a child being hurt, self-harm: must not be posted publicly."""
    match = _SENSITIVE.search(text)
    return match is not None and _NOT_SENSITIVE.search(text) is None
