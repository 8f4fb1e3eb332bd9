"""The lead's thirteenth-session attack for an elderly estate (texts in
:mod:`attack_elderly13_texts`, written after reading the misses of an elderly estate's
training file, so NOT a clean measure).

The training file (measured clean on the model of the session's first landing): the rules
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
"""

from __future__ import annotations

import pytest

from bot.config.understanding import default_taxonomy
from bot.understand import understand
from tests.understand import attack_elderly13_texts as texts
from tests.understand.rules_only import rules_urgent

TAXONOMY = default_taxonomy()


@pytest.mark.parametrize("text", texts.URGENT)
def test_elderly_estate_emergencies_are_urgent_by_the_rules(text: str) -> None:
    assert rules_urgent(text)
    assert understand(text, TAXONOMY).urgent


@pytest.mark.parametrize("text", texts.NOT_URGENT)
def test_their_look_alikes_are_not_urgent(text: str) -> None:
    assert not rules_urgent(text)
    assert not understand(text, TAXONOMY).urgent
