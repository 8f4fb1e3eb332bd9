"""The lead's thirteenth-session attack from a look-alike training file's misses (texts in
:mod:`attack_lookalike13_texts`; NOT a clean measure).

The file (measured clean first: understand() urgent recall 0.980 at 0.931, chat filed 12.4%):
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
from bot.understand import understand
from tests.understand import attack_lookalike13_texts as texts
from tests.understand.rules_only import rules_urgent

TAXONOMY = default_taxonomy()


@pytest.mark.parametrize("text", texts.URGENT)
def test_emergencies_beside_look_alikes_are_urgent_by_the_rules(text: str) -> None:
    assert rules_urgent(text)
    assert understand(text, TAXONOMY).urgent


@pytest.mark.parametrize("text", texts.NOT_URGENT)
def test_the_look_alikes_are_not_urgent(text: str) -> None:
    assert not rules_urgent(text)
    assert not understand(text, TAXONOMY).urgent
