"""Safety rules: urgency and sensitivity, decided by patterns a reviewer can read.

The learned model never removes what these rules find; missing an urgent message is the
worst error the bot can make, so they lean towards recall.

Urgent (danger to people now), each a named pattern of :mod:`bot.understand.hazards` or a
family of :mod:`bot.understand.situations`; the clause tests are in
:mod:`bot.understand.clauses`:

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
import threading
from collections.abc import Callable

from bot.understand import (
    clauses,
    dialect,
    forms,
    hazards,
    incidents,
    pinyin,
    quiet,
    routine,
    rules,
    sensitivity,
    situations,
    understated,
    weather,
)
from bot.understand.lexicon import Hit, Role
from bot.understand.normalise import normalise_words
from bot.understand.patterns import Gate, rule
from bot.understand.sensitivity import sensitive

# Someone in the lift by choice, waiting or holding it ("我爸在电梯里等我 你们先走",
# "帮我按着电梯"): the model's urgency on "someone in the lift" means nothing there (eighth
# session: some seeds put it over the threshold).
_WAITING_IN_LIFT = rule(
    r"(?:电梯|梯)里(?:面)?等(?:我|你|他|她|一下|会)|在电梯(?:里|口)(?:面)?等(?!救|待救|消防|人来|维修)|按着电梯|帮[^，。]{0,3}?按(?:住|着)?电梯"
    # On the way in a moving lift: "妈妈在电梯里 马上上来".
    r"|(?:电梯|梯)里(?:面)?了?[ ，,]?(?:马上|这就|就|一会儿?)就?(?:上来|下来|上去|下去|到)"
    # Calling from the lift to say one has arrived: "他在电梯里给我打电话说他到楼下了".
    r"|(?:电梯|梯)里[^。]{0,12}?(?:说|讲)(?:他|她|我)?(?:已经)?(?:到|快到)(?:楼下|家|门口|了)"
)
# Nobody answers, and the writer gives an ordinary reason ("叫门没人应，可能出去买菜了"):
# the model may not add urgency; a reason of danger ("可能晕倒了") is not one of these.
_PROBABLY_OUT = rule(
    r"(?:可能|应该|估计|大概|也许|八成)(?:是|人)?(?:又|还)?(?:在)?(?:出去|出门|不在家|没在家|上班|买菜|遛弯|散步|"
    r"回老家|旅游|走亲戚|睡着|睡觉|在睡|打麻将|打牌|跳舞|下棋|午睡)"
    # Lead, thirteenth session: not answering out of a temper or busy with a screen ("还在生我的
    # 气", "躲在房间里追剧").
    r"|生[^，。]{0,3}?气|赌气|闹别扭|冷战|追剧|打游戏|玩游戏|玩手机"
    # Staying with family ("这两天去儿子家住了，手机也关机了").
    r"|(?:去|在|到)(?:儿子|女儿|闺女|亲戚|朋友)家(?:住|过)"
)
# A lift that is only uncomfortable: its air conditioning, fan or ventilation named ("电梯里好热
# 空调也不开", "轿厢风扇坏了 闷死了") and nobody said shut in: the model may not add urgency. A
# calm person in a stopped lift ("停在两层中间，我在里面，有点闷") names no such part; one who
# names it and is shut in ("困在电梯里了，空调也没有") is caught by _SHUT_IN.
_LIFT_COMFORT = rule(r"(?:电梯|梯|轿厢)[^。！？!?]{0,10}?(?:空调|冷气|风扇|排风|通风)")
_SHUT_IN = rule(
    r"困|关在|出不来|出不去|卡住|卡在|停在|停了|不动|打不开|开不开|门不开|救命|来人|晕|喘不"
)
# A lesson learnt ("我今天在学校学了着火了要打119", "老师教的，煤气泄漏不能开灯"): the rules
# clear it (clauses.NOT_HERE_NOW); the model may not add urgency either. None of the 88
# training lines with these words is urgent. "放学了" (school is out) is no lesson.
_LESSON = rule(r"(?<![放上开逃停退])学了|(?:学校|老师|课上)[^。，]{0,3}?教|科普|讲座|常识")
# Advice to remember ("大家记住，闻到煤气味不要开灯不要打电话") with nothing said of now or of
# a place: the rules clear it (clauses.NOT_HERE_NOW); the model may not add urgency either
# (lead, thirteenth session; no training line with these words is urgent). A warning that
# names what is happening ("大家记住别坐2号梯，刚才卡在8楼了，里面还有个阿姨") is the model's.
_ADVICE = rule(r"大家记住|一定要记住|都记住|切记|正确(?:的)?做法")
_NOW_OR_PLACE = rule(r"刚才|刚刚|现在|正在|还在|还有|\d+(?:楼|号|栋|单元)")

# A thing dropped (Cantonese 跌咗 + a measure word: "我跌咗部手机落地，屏幕爆咗"), nobody
# said hurt: the model may not add urgency (lead, twelfth session: the Cantonese training
# file taught it that 跌咗 is a fall, which of a person it is).
_DROPPED_THING = rule(
    r"(?:跌|丢|掉)(?:咗|了|左)(?:部|个|只|支|把|条|张|本|件|袋|串)(?!人|细路|小孩|老人)"
)
_HURT = rule(r"伤|血|痛|疼|晕|起唔到|起不来|郁唔到|动不了|救命|快来")

# The person is out or found, or it was nothing: the model may not add urgency (urgent11).
_OUT_OR_FOUND = rule(
    r"虚惊一场|误会一场|(?:已经|都|人都|刚)出来(?:了|啦)|(?:救|放)出来了"
    r"|(?:找|寻)(?:到|着|回来)了(?=$|[，。!！~\s])"
    # Lead, thirteenth session: the hazard denied in so many words ("…糊了，不是漏气"; not a
    # correction to another danger: "不是着火，是那个男的在打孩子").
    r"|(?<!是)不是(?:漏气|煤气|燃气|天然气|着火|火灾)(?![，,\s]*是)|不是(?:咱|咱们|我们)小区"
    r"|(?<![人好])没事(?:了|啦)?(?=$|[，。!！~])|(?:^|[\s，。])出来了|(?<!我)现在出来了"
)


# A thing left somewhere, its owner asked for ("电梯里面有个箱子，谁家的快递"; lead, sixteenth
# session): the model, which learnt many short signs in lifts, may not add urgency to it.
_WHOSE_THING = rule(
    r"(?:有个|有一个|有只|放着|有袋|有包)(?:大)?(?:箱子|纸箱|包裹|包|袋子|快递|东西|行李箱|推车|桶)"
    r"[^。]{0,10}?谁(?:家)?的"
    # Someone asked after for what their vehicle blocks ("谁看见那个穿黄马甲的大爷了？他的三轮车
    # 挡着道了"; lead, nineteenth session).
    r"|的(?:车|三轮车?|电动车|摩托车?)[^，。]{0,3}?(?:挡着|堵着|占着)"
)


# A thing stuck or dropped in a lift's gap, a drain or a grating, and no one hurt or shut in
# ("钥匙卡在电梯缝里了"; lead, twenty-fifth session, after training files of rare emergencies
# taught the model that things stuck in lifts are often people).
_THING_STUCK = rule(
    r"(?:钥匙|手机|东西|门卡|卡片|鞋子?|鞋跟|伞|箱子|快递|轮子|车轮|硬币|耳机|戒指|项链|玩具|拐杖)"
    r"[^，。]{0,3}?(?:卡|掉|夹)(?:在|进|到)"
)
_SOMEONE_IN_IT = rule(
    r"脚|手(?![机套表链环提电续])|腿|胳膊|头|伤|血|痛|疼|哭|喊|救命|人在里面|里面有人|困|出不来"
)


# Someone seen sitting or lying who said they are only resting ("楼梯间有个人坐着休息，说是爬楼
# 累了"): lead, seventeenth session, after the model trained on more emergencies of people
# seen down came to add urgency there.
_JUST_RESTING = rule(
    r"(?:说是|说(?:他|她)|只是|就是|原来是)[^，。]{0,4}?(?:累了|歇(?:一)?会|歇歇|休息|歇脚|喘口气)"
)


def judged(
    typed: str, norm: str, hits: list[Hit], scan: Callable[[str], list[Hit]]
) -> tuple[bool, bool]:
    """The rules' verdicts, sensitive and urgent, on a message read as ``norm`` (given its
    lexicon ``hits``); when ``norm`` is ``typed`` with its pinyin written in characters
    (:func:`bot.understand.pinyin.read`), urgent also as typed (the rules know some pinyin
    alarms, "jiu ming", that the reading may miss), and sensitive only as typed: the
    reading guesses between words the tones would tell apart, and a guess must not make a
    message private ("xiang si le" is 相思了 as often as 想死了; lead, twentieth session)."""
    is_sensitive = sensitive(typed) if norm is not typed else sensitive(norm)
    is_urgent = urgent(norm, hits, is_sensitive, scan) or (
        norm is not typed and urgent(typed, scan(typed), is_sensitive, scan)
    )
    return is_sensitive, is_urgent


def judged_text(text: str, scan: Callable[[str], list[Hit]]) -> tuple[bool, bool]:
    """:func:`judged` of a raw message (for the benches and tests of the rules alone)."""
    typed = normalise_words(text, read_pinyin=False)
    norm = pinyin.read(typed)
    return judged(typed, norm, scan(norm), scan)


# A car or bike started with a jump lead "着了" (started), not alight.
_GAS = rule(r"煤气|燃气|天然气|液化气")
_SMELT = rule(r"味|冲鼻|呛|捂(?:着)?鼻|熏")
_JUMP_START = rule(r"搭电|搭火|打火|发动|打不着")
# A harmless source of smoke explains smoke, not gas, a burn, a fall or someone who cannot get
# up ("然气管子咝咝响…旁边还有人抽烟呢", "烧烤摊的油锅翻了，一个小伙子…烫得起泡", "烧蜂窝煤…他有
# 点头晕"): a sure model is not held back by it then (lead, twenty-fourth session, by-file CV:
# 7 emergencies, 2 false alarms).
_NOT_THE_SMOKE = rule(
    r"煤气|燃气|天然气|然气|没气|液化气|头晕|头疼|头痛|想吐|恶心|起不来|烫(?:伤|得|到)|起泡|中毒|哼哼"
    r"|掉下来|砸|摔|倒在|流血"
)


def model_may_add(text: str, *, sure: bool = False) -> bool:
    """The model may add urgency only to a message naming a person or a hazard: its
    probabilities on text unlike anything it learnt ("坏了坏了坏了…") mean nothing; nor to
    one that says in so many words that nobody is in the lift ("电梯卡卡的…里面没人"); nor
    to smoke whose harmless source the message names, no fire named ("电梯里有人抽烟 烟味好大",
    "谁家在烧烤？烟都飘到我家阳台了"), which the rules have already judged; nor to a drill,
    the news or a film ("今天消防演练，会有人在楼道喊煤气泄漏"); nor to a lift that is only hot
    or stuffy, its air conditioning or fan named and nobody shut in (:data:`_LIFT_COMFORT`);
    nor to a lesson learnt (:data:`_LESSON`); nor to one that says in so many words that the
    person is out or found, read as Mandarin ("困咗喺部电梯十分钟，已经出嚟啦，冇事", "小囡寻着了";
    urgent11: the wider all-clear of the rules, "已经关了阀门", "别担心", would take from the model
    emergencies the training files label urgent).

    ``sure``: the model is all but certain (:data:`bot.understand.classify.MODEL_SURE`). Then
    the signs that only make a danger less likely do not hold it back: a film, the news or a
    drill named before a danger here ("刚看完外地高楼着火的新闻，一抬头咱们5栋顶上在冒黑烟"), a
    person hard of hearing or away ("老太太耳朵背，敲门没反应" with water under the door; a
    door being forced while its owners travel), a lesson heard before the danger now. The
    signs that there is nothing to fear (word from the person, a reason for the silence,
    "已经出来了", nobody inside, a danger word in play, advice, a harmless source of smoke
    unless gas or a person hurt is named, :data:`_NOT_THE_SMOKE`) still do (lead,
    twenty-fourth session, by-file CV)."""
    text = clauses.without_attended(text)
    # Dialect words read as Mandarin name the person too ("阮个孥囝走去无了", "后生仔企喺天台边";
    # lead, thirteenth session).
    plain = dialect.plain(text)
    return (
        (
            hazards.DANGER_CUE.search(text) is not None
            or hazards.DANGER_CUE.search(plain) is not None
        )
        and _OUT_OR_FOUND.search(plain) is None
        and (sure or clauses.REHEARSED.search(text) is None)
        and hazards.NOBODY_INSIDE.search(text) is None
        # ...read as Mandarin too ("不过冇人喺入面"; lead, twentieth session).
        and hazards.NOBODY_INSIDE.search(plain) is None
        and _WAITING_IN_LIFT.search(text) is None
        and _PROBABLY_OUT.search(text) is None
        and routine.HEARD_FROM.search(plain) is None
        and (sure or routine.FOUND_WELL.search(plain) is None)
        and routine.ERRAND_FOR.search(plain) is None
        and (_THING_STUCK.search(text) is None or _SOMEONE_IN_IT.search(text) is not None)
        and quiet.NOT_ANSWERING_WHY.search(plain) is None
        and not rules.lost_and_found(text)
        and _WHOSE_THING.search(text) is None
        and _JUST_RESTING.search(text) is None
        and (_LIFT_COMFORT.search(text) is None or _SHUT_IN.search(text) is not None)
        and (sure or _LESSON.search(text) is None)
        and (_ADVICE.search(text) is None or _NOW_OR_PLACE.search(text) is not None)
        and (_DROPPED_THING.search(text) is None or _HURT.search(text) is not None)
        and not _play_fight(text)
        and not _pet_missing(plain)
        and (
            not hazards.harmless_smoke(text)
            or hazards.FIRE_NAMED.search(text) is not None
            or (sure and _NOT_THE_SMOKE.search(text) is not None)
        )
    )


def _at_play(text: str, start: int) -> bool:
    """Pets or siblings named right before the fight at ``start`` (:data:`hazards.NOT_A_FIGHT`:
    "我家两个孩子为了抢一个平板又打起来了")."""
    return hazards.NOT_A_FIGHT.search(text[max(0, start - 16) : start]) is not None


def _play_fight(text: str) -> bool:
    """A fight of pets or siblings: the rules do not call it violence, and the model may not
    either (lead, fourteenth session: at a threshold of 0.1 it did)."""
    return any(_at_play(text, m.start()) for m in hazards.FIGHT.finditer(text))


#: Urgent words that a dialect reading makes of a near miss as often as of a fall.
_FALL_WORDS = frozenset({"摔倒"})


def urgent(
    text: str,
    hits: list[Hit],
    is_sensitive: bool | None = None,
    scan: Callable[[str], list[Hit]] | None = None,
) -> bool:
    """Danger to people now, by the rules of the module docstring. ``is_sensitive``: the
    verdict of :func:`sensitive` on ``text`` when the caller already has it; ``scan``: the
    lexicon's scan, to find the urgent words of the text read as Mandarin ("遇溺" is "溺水")."""
    # Dialect words are read as Mandarin ("冇得人应", "佢喺入面"), and what frames the message
    # (a drill that has ended, a video call) is blanked out; positions do not move.
    framed = text
    plain = dialect.plain(text)
    text = clauses.without_attended(plain)
    if text is not framed:
        # The words of the Mandarin reading too (lead, fifteenth session: "泳池有个细路好似遇溺"
        # held no urgent word as written), but for a fall: a fall told in dialect ("差啲跌亲",
        # "险险跋倒", "惊跋倒") is left to the fall patterns, which know a near miss.
        # Without a new scan, only the hits the reading and the framing left whole.
        fresh = scan(text) if scan is not None and plain is not framed else None
        hits = [
            h
            for h in (hits if fresh is None else fresh)
            if text[h.pos : h.pos + len(h.word)] == framed[h.pos : h.pos + len(h.word)]
            or (fresh is not None and h.word not in _FALL_WORDS)
        ]
    if hazards.english_not_now(text):
        return False
    if hazards.EN_URGENT.search(text) is not None and hazards.EN_CALM.search(text) is None:
        return True
    if clauses.story(text):
        return _urgent_turned_here(text, hits)
    cue = clauses.not_here_now(text)
    if (
        cue is not None
        and clauses.REMINDER.fullmatch(cue.group(0))
        and not clauses.called_off(text)
    ):
        # A reminder clears its own clause only (clauses.REMINDER).
        return _urgent_without(text, hits, *clauses.clause_span(text, *cue.span()), is_sensitive)
    if (
        cue is not None
        and clauses.LAUGH.fullmatch(cue.group(0))
        and clauses.PLEA.search(text)
        and not clauses.called_off(text)
    ):
        # A nervous laugh beside a plea for help is read as nothing (clauses.LAUGH).
        return _urgent_without(text, hits, *cue.span(), is_sensitive)
    if cue is not None:
        # After a warning to others ("大家记住别坐2号梯，刚才卡在8楼了…"), a clause that turns
        # to now is read on its own too (lead, sixteenth session).
        return (
            _urgent_past_the_cue(text, hits)
            or (
                _WARNED.fullmatch(cue.group(0)) is not None
                and _urgent_from_now_on(text, hits, _NOW_CLAUSE)
            )
            or _urgent_turned_here(text, hits, cue.end())
        )
    # The all-clear is looked for only in what would otherwise be urgent (its pattern is long,
    # and most messages are not: lead, fourteenth session, 5 µs a message saved).
    if not _urgent_as_said(text, hits, is_sensitive):
        return False
    # Told of someone else's place, however present its tense, unless it turns to here (asked
    # only of what would be urgent: lead, twentieth session).
    if clauses.told_elsewhere(text):
        return _urgent_turned_here(text, hits)
    return not clauses.called_off(text) or _urgent_past_the_cue(text, hits)


def _urgent_past_the_cue(text: str, hits: list[Hit]) -> bool:
    """A message with an all-clear, a film or the news in it: what follows the turn of the talk
    after it is urgent; in a long message the cue may be another sentence's, so each sentence
    is then judged on its own."""
    return (
        _urgent_after_a_turn(text, hits)
        or _urgent_from_now_on(text, hits)
        or (len(text) > LONG_MESSAGE and _a_sentence_urgent(text, hits))
    )


# A sentence that turns to now after the story, the drill or the reassurance of the ones
# before ("…上个月物业还搞了演练，我当时还拍了视频发朋友圈。刚才我开车进地下车库，看到…在冒黑烟";
# lead, sixteenth session, from a writer's training file of long messages).
_NOW_TURN = rule(
    r"[。.！!？?；;\n…~～]+\s*(?:可是|但是|但|结果|谁知道|没想到|就在)?(?:我|我们|俺)?"
    r"(?:刚才|刚刚|现在|此刻|今天到现在|就在刚才|这会儿)"
)


_NOW_CLAUSE = rule(r"[，,。！!？?；;\n…~～]+\s*(?:刚才|刚刚|现在|就在刚才)")
_WARNED = rule(r"(?:大家)?记住|提醒(?:一下)?大家")


def _urgent_from_now_on(text: str, hits: list[Hit], turn: re.Pattern[str] = _NOW_TURN) -> bool:
    """What follows a sentence break and a turn to now (:data:`_NOW_TURN`) is urgent on its
    own, all-clears after it included."""
    for tried, m in enumerate(turn.finditer(text)):
        if tried == _MAX_TURNS:
            break
        start = m.end() - len(m.group(0).lstrip("，,。！!？?；;\n…~～ \t"))
        if _urgent_part(text[start:], _hits_from(hits, start)):
            return True
    return False


def _urgent_as_said(text: str, hits: list[Hit], is_sensitive: bool | None) -> bool:
    """The rules of :func:`urgent` after its cues: an urgent word meant, a lift with someone
    in it, a family of situations, an event, violence, a sensitive matter happening now,
    something loose over people."""
    if any(real_urgent_word(text, hit) for hit in hits):
        return True
    # Every lift pattern names the lift (梯, 轿厢, Cantonese 𨋢): a cheap test first. Lost and
    # found ("水壶忘在电梯里了，快来认领") traps nobody. The conditions of _lift_trapped on the
    # whole message (the lift is stuck, nobody said to be inside) are tested before the
    # costly pattern runs.
    if (
        ("梯" in text or "轿厢" in text or "䢂" in text or "𨋢" in text or _LIFT_WORD.search(text))
        and not rules.lost_and_found(text)
        and hazards.LIFT_STUCK.search(text)
        and not hazards.NOBODY_INSIDE.search(text)
    ):
        for match in hazards.LIFT_TRAPPED.finditer(text):
            if _lift_trapped(text, match):
                return True
    # urgent11: not seen and the phone off, away on purpose ("…三天了，他去旅游了手机关机").
    if (hazards.UNSEEN.search(text) and not hazards.AWAY_ON_PURPOSE.search(text)) or any(
        (gate is None or gate.search(text)) and p.search(text)
        for _, p, gate in situations.PLAIN_GATED
    ):
        return True
    if situations.NO_ANSWER_AT_DOOR.search(text) and situations.SIGN_INSIDE.search(text):
        return True
    if _situation_now(text):
        return True
    if len(text) <= hazards.FRAGMENT_MAX and any(
        clauses.real_at(text, m.start(), m.group(0))
        and ("火" in m.group(0) or not hazards.harmless_smoke(text))
        and _JUMP_START.search(text) is None
        for m in hazards.FRAGMENT.finditer(text)
    ):
        return True
    admitted = _EVENT_GATE.admitted(text)
    for i, pattern in enumerate(_EVENTS):
        if i not in admitted:
            continue
        for m in pattern.finditer(text):
            # A smell asked about ("是不是有点燃气的味道？") is a smell perceived; so is a leak
            # of gas asked about with the smell felt in the same sentence ("是不是漏煤气了，一进
            # 门洞就冲鼻子"; lead, twenty-fifth session, by-file CV misses).
            smelt = pattern is hazards.HAZARD_NOW and (
                "味" in m.group(0)
                or (
                    _GAS.search(m.group(0)) is not None
                    and _SMELT.search(_around(text, m.start())) is not None
                )
            )
            if not clauses.real_at(text, m.start(), m.group(0), asked=smelt) or (
                m.group(0) == "臭鸡蛋味" and hazards.DRAIN_SMELL.search(text)
            ):
                continue
            if pattern is hazards.HAZARD_NOW and _rain_with_nobody_in_it(text, m.group(0)):
                continue
            if pattern is hazards.MISSING and (
                hazards.THING_MISSING.search(m.group(0))
                or hazards.AWAY_ON_PURPOSE.search(m.group(0))
                or hazards.ONLY_POSSIBLE.search(m.group(0))
            ):
                continue
            return True
    if is_sensitive is None:
        is_sensitive = sensitive(text)
    abuse_past = is_sensitive and sensitivity.told_as_past(text)
    if (
        not hazards.JOKE.search(text)
        and not abuse_past
        and _VIOLENCE_AT in admitted
        and any(
            clauses.real(text, m)
            and not clauses.HABIT_BEFORE.search(clauses.clause_before(text, m.start()))
            and not clauses.PAST_SENTENCE.match(_sentence_before(text, m.start()))
            and not (hazards.FIGHT.match(m.group(0)) and _at_play(text, m.start()))
            for m in hazards.VIOLENCE_NOW.finditer(text)
        )
    ):
        return True
    if (
        is_sensitive
        and not abuse_past
        and (sensitivity.happening_now(text) or situations.HIDING.search(text))
    ):
        return True
    if any(clauses.real(text, m) for m in hazards.LOOSE.finditer(text)) and (
        hazards.PEOPLE_BELOW.search(text) or hazards.PEOPLE_NOW.search(text)
    ):
        return True
    if any(
        clauses.real(text, m) for m in hazards.ROCKING.finditer(text)
    ) and hazards.PEOPLE_NOW.search(text):
        return True
    return any(
        clauses.real(text, m)
        and not hazards.HARMLESS_FALLING.search(clauses.clause_before(text, m.start()))
        and not hazards.HARMLESS_THROWN.match(text[m.end() : m.end() + 8])
        for m in hazards.THROWN.finditer(text)
    ) and (hazards.NOW.search(text) is not None or hazards.HABIT.search(text) is None)


#: How deep a part of a message may be judged on its own (after a turn, a cue blanked out, a
#: sentence of a long message), and how many turns of one message are tried: a message of
#: thousands of turns ("哈哈，对了…" pasted over and over) once recursed until Python's limit
#: (lead, nineteenth session: a RecursionError on the session's base; with the turn to here,
#: exponential time). Beyond these, the part is not judged again.
_MAX_PART_DEPTH = 2
_MAX_TURNS = 3
_parts = threading.local()


def _hits_from(hits: list[Hit], start: int) -> list[Hit]:
    """The ``hits`` at or after ``start``, placed in the text that begins there."""
    return [Hit(h.word, h.pos - start, h.tags) for h in hits if h.pos >= start]


def _urgent_part(text: str, hits: list[Hit], is_sensitive: bool | None = None) -> bool:
    """:func:`urgent` of a part of a message, at most :data:`_MAX_PART_DEPTH` parts deep."""
    depth = getattr(_parts, "depth", 0)
    if depth >= _MAX_PART_DEPTH:
        return False
    _parts.depth = depth + 1
    try:
        return urgent(text, hits, is_sensitive)
    finally:
        _parts.depth = depth


def _urgent_without(
    text: str, hits: list[Hit], start: int, end: int, is_sensitive: bool | None
) -> bool:
    """:func:`urgent` on ``text`` with ``text[start:end]`` blanked out (same length)."""
    rest = text[:start] + "，" * (end - start) + text[end:]
    return _urgent_part(rest, [h for h in hits if not start <= h.pos < end], is_sensitive)


# The costly event patterns (a missing person, a fall, a hazard; violence) are tried only on
# texts holding a character of every part of one of their alternatives (patterns.Gate).
_EVENTS = (hazards.MISSING, hazards.FALL, hazards.HAZARD_NOW)
# One gate for both (patterns.Gate): the events' indices, then violence's.
_EVENT_GATE = Gate([*_EVENTS, hazards.VIOLENCE_NOW])
_VIOLENCE_AT = len(_EVENTS)

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
        if _urgent_part(m.group(0), inside):
            return True
    return False


def _urgent_after_a_turn(text: str, hits: list[Hit]) -> bool:
    """What follows the first turn of the talk after the all-clear, the joke or the reminder
    (:data:`clauses.TOPIC_SHIFT`) is urgent on its own."""
    cues = [m.start() for m in (clauses.not_here_now(text), clauses.OVER.search(text)) if m]
    shift = clauses.TOPIC_SHIFT.search(text, min(cues)) if cues else None
    if shift is None:
        return False
    start = shift.start()
    return _urgent_part(text[start:], _hits_from(hits, start))


def _urgent_turned_here(text: str, hits: list[Hit], after: int = 1) -> bool:
    """After a story or a cue (from ``after`` on), the talk turns (:data:`clauses.TURN_HERE`) to
    something that names here or now (:data:`clauses.HERE_NOW`) and is urgent on its own."""
    tried = 0
    for m in clauses.TURN_HERE.finditer(text, after):
        start = m.end()
        rest = text[start:]
        # A new sentence that comes home is here by itself ("…。回家看到楼梯拐角有个醉汉倒着";
        # lead, twenty-second session).
        if m.group("home") is None and not clauses.HERE_NOW.search(rest):
            continue
        if m.group("building") is not None and _THEIRS_BEFORE.search(text, 0, m.start()):
            continue
        if _urgent_part(rest, _hits_from(hits, start)):
            return True
        tried += 1
        if tried == _MAX_TURNS:
            break
    return False


# Another estate, someone else's place or a far one named before a sentence that opens on a
# building: the building is theirs (lead, twenty-third session).
_THEIRS_BEFORE = rule(f"{clauses.THEIRS.pattern}|{clauses.DISTANT.pattern}|小区")


def _around(text: str, start: int) -> str:
    """The sentence holding ``start`` up to it, and what follows for a short way (the answer
    to a question: "是不是漏煤气了？满楼道都是味")."""
    return text[clauses.sentence_end_before(text, start) + 1 : start + 40]


def _sentence_before(text: str, start: int) -> str:
    """The part of the sentence holding ``start`` that comes before it."""
    return text[clauses.sentence_end_before(text, start) + 1 : start]


# Families whose match is long to say (an overdue return, someone down since last night, the
# silences): only the clause before it is read (_situation_now).
_READ_BEFORE_ONLY = frozenset(
    {
        "overdue",
        "farewell",
        "down",
        "alone_silent",
        "unanswered_days",
        "signs_then_fuel",
        "smell_then_days",
        "unreachable_since",
        "silent_since",
        "alarm_nobody",
        "down_quietly",
        "child_in_car",
        "out_since",
        "silent_for_days",
        *routine.SILENCES,
    }
)
# Families of silence, cleared when the message gives a reason for it.
_SILENCES = frozenset(
    {
        "unanswered_days",
        "unreachable_since",
        "not_answering_now",
        "silent_since",
        "ill_unreachable",
        "silent_for_days",
        *routine.SILENCES,
    }
)


def _situation_now(text: str) -> bool:
    """A family of :mod:`bot.understand.situations` matches, and its clause says nothing of
    an imagined, past or figurative event; a lift that traps people as a habit is a
    complaint unless someone is in it now."""
    for name, pattern in situations.candidates(text):
        for m in pattern.finditer(text):
            # An overdue return or someone down since last night is long to say ("…出去三个
            # 小时了，我好怕…", "从昨晚就躺在地上"): only the clause before it is read; the
            # other families are read with what they say.
            said = "" if name in _READ_BEFORE_ONLY else m.group(0)
            if name == "child_on_edge":
                said = clauses.BREAK.split(said, maxsplit=1)[0]
            if not clauses.family_real(text, m.start(), m.end(), said):
                continue
            if (name in weather.NAMES or name == "water_pouring") and clauses.PAST_SENTENCE.match(
                _sentence_before(text, m.start())
            ):
                continue
            if (
                name == "dog_going_for"
                and hazards.HABIT.search(text)
                and not hazards.NOW.search(text)
            ):
                continue
            if name in _SILENCES and (
                hazards.away_on_purpose(text)
                or _PROBABLY_OUT.search(text)
                or forms.AWAY_GIVEN.search(text)
                or quiet.NOT_ANSWERING_WHY.search(text)
                or (
                    name in routine.SILENCES
                    and (routine.FOUND_WELL.search(text) or routine.ERRAND_FOR.search(text))
                )
            ):
                continue
            # A road danger complained of as a habit ("这个路口经常有电动车撞倒老人"; lead,
            # nineteenth session).
            if name == "vehicle_hit" and clauses.HABIT_BEFORE.search(
                clauses.clause_before(text, m.start())
            ):
                continue
            if name == "lives_alone" and not routine.alone_in_trouble(text):
                continue
            if name == "no_answer_today" and not routine.A_THUD.search(text, 0, m.start()):
                continue
            # The unseen is a pet or a worker, not a person at home ("我奶奶家的猫三天没出门了",
            # "这两天没见着快递员"; the lead's attack, sixteenth session).
            if name in ("span_of_silence", "days_unseen", "silent_for_days") and (
                routine.NOT_A_RESIDENT_BEFORE.search(text, max(0, m.start() - 8), m.start())
                or routine.NOT_A_RESIDENT_AFTER.match(text, m.end())
                or routine.PET_SILENT.search(text, max(0, m.start() - 8), m.end())
            ):
                continue
            if name == "span_of_silence" and (
                routine.ALONE_OR_FAR.search(text) is None
                or routine.SERVICE_NOT_GIVEN.search(text) is not None
            ):
                continue
            # urgent11: asleep is not unconscious ("睡得死，叫极都唔醒"); smoke thickening from
            # cigarettes or a barbecue, no fire named, is no fire.
            if name == "collapsed_silent" and hazards.ASLEEP.search(text):
                continue
            if name == "alarm_nobody" and understated.NOT_AN_ALARM.search(text):
                continue
            if name in ("shut_out_of_reach", "child_shut_in") and incidents.SHUT_AS_A_HABIT.search(
                text
            ):
                continue
            # Lead, fourteenth session: a pet lying still in the heat ("狗都不想出门，我家那只
            # 趴地上一动不动"), no person named before it.
            if (
                name in ("down", "down_quietly")
                and hazards.PET.search(text, 0, m.start())
                and not re.search(hazards.PERSON, m.group(0))
            ):
                continue
            if (
                name in ("smoke_growing", "smoke_from_place")
                and (hazards.HARMLESS_SOURCE.search(text) or hazards.BARBECUE.search(text))
                and not hazards.FIRE_NAMED.search(text)
            ):
                continue
            if name == "overdue" and hazards.AWAY_ON_PURPOSE.search(m.group(0)):
                continue
            if name == "fire_seen" and hazards.cooking_flame(text):
                continue
            # A break-in as the estate's recent habit ("最近老有人撬锁，我家孩子的车昨天又被偷了").
            if (
                name == "break_in"
                and hazards.HABIT.search(clauses.clause_before(text, m.start()))
                and not hazards.NOW.search(text)
            ):
                continue
            if name == "water_pouring" and situations.WATER_HABIT.search(text):
                continue
            if name == "water_rising" and (
                situations.WATER_HABIT.search(text) or not situations.PEOPLE_IN_WATER.search(text)
            ):
                continue
            after = text[m.end() : m.end() + 6]
            if clauses.REFERENCE_AFTER.match(after) and not clauses.STILL_DANGER.search(after):
                continue
            if name == "gas_signs" and hazards.DRAIN_SMELL.search(text):
                continue
            if name == "lift_fear" and situations.STAIRS.search(text):
                continue
            if name in ("lift_person", "lift_fear", "lift_voice") and (
                rules.lost_and_found(text)
                or hazards.NOBODY_INSIDE.search(text)
                or (hazards.LIFT_HABIT.search(text) and not hazards.LIFT_NOW.search(text))
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


#: "lift" typed in English inside a Chinese message ("9栋部lift困咗人").
_LIFT_WORD = rule(r"(?i)lift(?<![a-z]lift)(?![a-z])")


def _lift_trapped(text: str, match: re.Match[str]) -> bool:
    """A person is in a stuck, stopped or falling lift now (see :data:`hazards.LIFT_TRAPPED`)."""
    found = match.group(0)
    asked = max(found.rfind(c) for c in "?？")
    if (
        not clauses.real_at(
            text,
            match.start(),
            found if asked < 0 else found[:asked],
            references=False,
            asked=asked >= 0,
        )
        or not hazards.LIFT_STUCK.search(text)
        or hazards.NOBODY_INSIDE.search(text)
    ):
        return False
    # A question about the lift, then who is inside: "电梯是不是坏了？我女儿在里面按了警铃".
    # The question does not make the person inside imagined: the question is read without
    # its "是不是", the sentence naming them on its own.
    if asked >= 0 and not clauses.real_at(
        text, match.start() + asked + 1, found[asked + 1 :], references=False
    ):
        return False
    if hazards.LIFT_AIR.search(text) and not hazards.LIFT_HALTED.search(text):
        return False
    cues = hazards.DOOR_MOTION.sub("", found.replace("夹", ""))
    if "夹" in found and not hazards.TRAPPED_CUE.search(cues):
        if not hazards.PINCH_NOW.search(text):
            return False
    return not (hazards.LIFT_HABIT.search(text) and not hazards.LIFT_NOW.search(text))


def real_urgent_word(text: str, hit: Hit) -> bool:
    """An urgent word of the taxonomy, meant: not imagined, denied, past, hearsay or a
    simile ("万一着火", "没有烟", "新闻说…着火", "你的爱就像火苗"), and, for words that
    also have harmless senses, said with danger around ("困在" a lift, not in a maths
    problem; "烟味" of a fire, not of cooking).

    The last text's answers are kept (by identity, as :func:`bot.understand.patterns.chars_of`
    keeps its characters): the rules and the model's tags both ask of every urgent word of a
    message (lead, twenty-first session)."""
    if not hit.has(Role.URGENT):
        return False
    global _last_words
    last_text, known = _last_words
    if last_text is not text:
        known = {}
        _last_words = (text, known)
    meant = known.get(hit)
    if meant is None:
        meant = known[hit] = _urgent_word_meant(text, hit)
    return meant


_last_words: tuple[str, dict[Hit, bool]] = ("", {})


def _urgent_word_meant(text: str, hit: Hit) -> bool:
    """:func:`real_urgent_word` of an urgent word, worked out."""
    if not rules.real_urgent(text, hit):
        return False
    if not clauses.real_at(text, hit.pos, hit.word):
        return False
    if clauses.HABIT_BEFORE.search(clauses.clause_before(text, hit.pos)):
        return False
    if hit.word in hazards.TRAP_WORDS and (
        not hazards.TRAP_DANGER.search(text) or hazards.FIGURATIVE_TRAP.search(text)
    ):
        return False
    # An animal trapped ("一只猫被困在楼顶的水箱里"): not a person in danger, unless a person is
    # named with it ("我和我家狗被困电梯了").
    if hit.word in hazards.TRAP_WORDS:
        before = _sentence_before(text, hit.pos)
        if hazards.PET.search(before) and not re.search(hazards.PERSON, before):
            return False
    if hit.word == "叫不醒" and hazards.ASLEEP.search(text):
        return False
    # A car or a lighter that started ("车终于打着火了").
    if hit.word == "着火" and hit.pos > 0 and text[hit.pos - 1] == "打":
        return False
    if hit.word == "跳楼" and text.startswith(("价", "大甩卖", "甩卖", "层"), hit.pos + 2):
        return False
    if hit.word in ("火花", "火星", "火星子") and hazards.WORK_SPARKS.search(text):
        if not hazards.FIRE_NAMED.search(text):
            return False
    if hit.word in ("掉水里", "掉进水里", "掉河里") and "把" in clauses.clause_before(
        text, hit.pos
    ):
        return False
    if (
        hit.word in hazards.THROWN_WORDS
        and hazards.HABIT.search(text)
        and not hazards.NOW.search(text)
    ):
        return False
    # Cigarette ends, water, a paper plane (hazards.HARMLESS_THROWN).
    after = text[hit.pos + len(hit.word) : hit.pos + len(hit.word) + 8]
    if (
        hit.word in hazards.THROWN_WORDS
        and hazards.HARMLESS_THROWN.match(after)
        and not hazards.SMOULDERING.search(text)
    ):
        return False
    if (
        hit.word in ("焦味", "糊味", "焦糊味", "烟味")
        and hazards.COOKING_BURNT.search(text)
        and not hazards.FIRE_OR_NOBODY.search(text)
    ):
        return False
    if hit.word == "火苗" and hazards.FLAME_DESCRIBED.match(after):
        return False
    if hit.word in ("火苗", "火光") and hazards.cooking_flame(text):
        return False
    if hit.word in hazards.SMOKE_WORDS:
        before, after = text[max(0, hit.pos - 3) : hit.pos], text[hit.pos + len(hit.word) :]
        if hazards.HARMLESS_SMOKE_BEFORE.search(before) or hazards.HARMLESS_SMOKE_AFTER.match(
            after
        ):
            return False
    if (
        hit.word in hazards.BURNT_WORDS
        and hazards.HARMLESS_SOURCE.search(text)
        and not hazards.FIRE_NAMED.search(text)
    ):
        return False
    if hit.word == "窗台外" and hazards.LEDGE_THING.search(text[max(0, hit.pos - 8) : hit.pos]):
        return False
    if hit.word in ("走丢", "走失") and hazards.PET.search(
        text[hit.pos + len(hit.word) : hit.pos + 6]
    ):
        return False
    return not (hit.word in ("走丢", "走失") and _pet_lost(text, hit.pos))


_GONE = rule(r"没回来|没回家|走丢|走失|跑丢|不见了|找不到|找不着|跑出去了")


def _pet_missing(text: str) -> bool:
    """A pet gone missing, no person named who could be ("我家猫两天没回来了，橘色的，谁看见告诉我
    一声"): the model may not make it urgent (lead, twenty-second session: a model trained on
    more missing people did)."""
    return (
        hazards.PET.search(text) is not None
        and _GONE.search(text) is not None
        and re.search(hazards.MISSING_WHO, text) is None
    )


def _pet_lost(text: str, pos: int) -> bool:
    """The one lost, named last before ``pos``, is an animal ("家里猫跑出去了…走丢的")."""
    before = text[:pos]
    pets = [m.end() for m in hazards.PET.finditer(before)]
    people = [m.end() for m in re.finditer(hazards.MISSING_WHO, before)]
    return bool(pets) and (not people or pets[-1] > people[-1])
