"""The lead's thirteenth-session attacks, written after reading the misses of new training files
(so NOT clean measures), in phrasings of the lead's own; texts in
:mod:`attack_minnan13_texts`, :mod:`attack_elderly13_texts` and :mod:`attack_lookalike13_texts`.

Southern (Minnan, Teochew, Hakka). The southern training file (Minnan, Teochew, Hakka; measured clean before it was read): the
rules alone found 55 of its 100 emergencies. After :mod:`bot.understand.dialect` read more
Minnan words (咧 + a verb, 予, 无 + an answer, 工 for days, 转来, 犹, 这马, 规, 拢, 紧, 落去…),
water rising with someone to be carried out or told upstairs, a fall with the person who
cannot be roused, things still coming down, a neighbour silent since yesterday, and a
nervous laugh beside a plea for someone to be called: 83 of 100; on all training files the
rules' urgent found 4,236 -> 4,275 and false alarms 270 -> 268. Then the twelfth session's two
leftovers: a drill that has ended is blanked out before the rest is read
(``clauses.without_attended``: "演练完回家发现8楼走廊全是烟"), and advice right after a bare word
with no place of ours named ("油锅着火千万别泼水", ``clauses.ADVICE_AFTER``); training unchanged.

Elderly estate. The training file (measured clean on the model of the session's first landing): the rules
alone found 89 of its 111 emergencies with 11 false alarms. After someone lying there and
not answering (倒着呢 叫也不应, 手冰凉), someone alone silent since last night (昨个晚上…不吱声),
looked for and not found, out for hours and unable to find the way, a fall with the person
confused or crying out at each move, a burning smell where nobody answers, rubbish left for
days at the door of someone who does not answer, low blood sugar, someone heard calling who
cannot get up, people named inside a stuck lift, and voice slips (水馆, 没气没关, 阿尔兹海默,
出溜到地上); all-clears (擦破点皮, 人没事, 接回家了), another province and figures (脑瓜子冒烟,
缺德带冒烟, 心在滴血): 103 of 111 with 3 false alarms; on all training files the rules' urgent
found 4,365 -> 4,382, false alarms 279 -> 271. Then, from the by-file CV misses of the quiet
emergencies file: a child who has not come up for half an hour, a child whose watch is off
and who cannot be found, a child not at school who does not answer (4,382 -> 4,385, false
alarms unchanged; "人也找不到" only after a person is named: "车主也找不到" is no emergency).
Then quiet signs from the same file's misses: someone by a coal fire who can hardly be roused,
fainting in the bath, a socket leaking water and sizzling, smoke from the vent of a home whose
people are away, a gas alarm going off or pushing its alert, water running down a wire or on a
switch (4,385 -> 4,392, false alarms 271 -> 271). Then more forms from the same CV misses:
Cantonese 喇, 烧起嚟, 停咗喺, 未返, 认知障碍; Wu 咬牢, 勿牢; Hubei and Hunan 跶了一跤; back from the
market is here (菜场回来); water dripping from a lamp holder; someone lying there who hardly
answers; 小宝 (4,393 -> 4,405, false alarms 271 -> 271; the model may also add urgency when the
person is named in dialect: 孥囝, 后生仔, 囡囡, 孩儿).

Look-alikes and voice input. The file (measured clean first: understand() urgent recall 0.980 at 0.931, chat filed 12.4%):
the rules alone found 253 of its 302 emergencies with 19 false alarms. After someone lost
said first (走失了一个老太太, 丢孩子了！), northern 搁里头, things set alight (破烂儿着了, 草点着了,
谁点着了, 燃起了), a flat flooding with its people away (跑大水了), a broken cable end in water,
a stripped wire within a child's reach, tiles falling with people going in and out; and the
look-alikes: replaced, a denial of a leak or of our estate, a smell that was maintenance, a
demonstration, 她们小区, "都要着火了", siblings quarrelling: 267 of 302 with 8
false alarms; every training file 4,658 -> 4,673 found, 290 -> 275 false alarms. Then a
voice-input file (measured clean first: understand() urgent 0.951 at 0.942, chat filed 2.0%;
rules alone 88 of 102): its slips (水管报了, 就互车, 甩倒, 高空跑物), 像液化气, 俺娘/俺爹 and 没见着人,
a floor number as the height things are thrown from, the gas and CO alarm ringing on, a lawn
on fire, a fall with 快叫救护车 or someone pinned, "那个" no longer read as a thing lost unless it
is what is lost: 101 of 102 with 2 false alarms; every file 4,761 -> 4,780, 279 -> 277.
"""

from __future__ import annotations

import pytest

from bot.config.understanding import default_taxonomy
from bot.understand import dialect, safety, understand
from tests.understand import attack_elderly13_texts, attack_lookalike13_texts, attack_minnan13_texts
from tests.understand.rules_only import rules_urgent

TAXONOMY = default_taxonomy()
TEXTS = (attack_minnan13_texts, attack_elderly13_texts, attack_lookalike13_texts)


@pytest.mark.parametrize("text", [t for texts in TEXTS for t in texts.URGENT])
def test_emergencies_are_urgent_by_the_rules(text: str) -> None:
    assert rules_urgent(text)
    assert understand(text, TAXONOMY).urgent


@pytest.mark.parametrize("text", [t for texts in TEXTS for t in texts.NOT_URGENT])
def test_their_look_alikes_are_not_urgent(text: str) -> None:
    assert not rules_urgent(text)
    assert not understand(text, TAXONOMY).urgent


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("电动车咧烧", "电动车在烧"),
        ("予风吹倒", "被风吹倒"),
        ("两工无开门", "两天没开门"),
        ("给予表扬", "给予表扬"),
        ("赶紧来", "赶紧来"),
        ("乌烟瘴气", "乌烟瘴气"),
        ("冒电火花", "冒电火花"),
        ("割手了", "割手了"),
    ],
)
def test_minnan_words_are_read_only_where_they_mean_it(written: str, read: str) -> None:
    assert dialect.plain(written) == read


@pytest.mark.parametrize(
    "text",
    [
        "阮个孥囝走去无了！八岁，在北门边买雪糕",
        "有个后生仔企喺天台边，叫佢又唔应",
        "囡囡弗见哉！刚刚还在花坛边",
    ],
)
def test_a_person_named_in_dialect_lets_the_model_add_urgency(text: str) -> None:
    assert safety.model_may_add(text)
