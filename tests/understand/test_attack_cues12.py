"""The lead's twelfth-session attack (texts in :mod:`attack_cues12_texts`, written before the
rule change; the lead knows the rules, so it is not a clean measure): a reminder ("大家注意
安全", "温馨提醒"), an introduction ("我是宣传员"), a video call or a drill that has ended stands
beside a real emergency, which ``clauses.NOT_HERE_NOW`` cleared as a whole.

Before (main 5b25f10): urgent by the rules 2 / 21, by ``understand()`` 14 / 21; look-alikes
0 / 16 urgent. After (``clauses.REMINDER`` clears only its own clause, ``clauses.ATTENDED``
takes in a drill that has ended, a video call and a speaker's role, advice on finding danger
is a notice): 19 / 21 by the rules, 21 / 21 in all; look-alikes 0 / 16. The ``*_AFTER`` lists
were written after the rules (7 urgent: all 7 by the rules, after a fix to someone sitting
or standing on a roof's edge; 6 look-alikes: none).
On the training files the rules' urgent verdicts gained 5 lines (two drills that had ended,
three people on a roof's edge) and lost none (false alarms 274 -> 274). Still wrong: the two lines of ``STILL_MISSED`` / ``STILL_FALSE``.
"""

from __future__ import annotations

import pytest

from bot.config.understanding import default_taxonomy
from bot.understand import understand
from tests.understand import attack_cues12_texts as texts
from tests.understand.rules_only import rules_urgent

TAXONOMY = default_taxonomy()

# The rules leave these to the model: a laugh before the alert with no turn of the talk,
# "大家记住" (advice more often than not) whose clause names the lift. Since the sixteenth
# session the rules read the clause turning to now after such a warning on its own, and find
# the first too (safety._WARNED); the model's reading of it is no longer needed.
MODEL_ONLY = [
    "大家记住别坐2号梯，刚才卡在8楼了，里面还有个阿姨没出来",
    "哈哈哈刚才还在聊天 楼下冒黑烟了 快看看",
]


@pytest.mark.parametrize(
    "text", [t for t in texts.URGENT + texts.URGENT_AFTER if t not in MODEL_ONLY]
)
def test_an_emergency_beside_a_reminder_is_urgent_by_the_rules(text: str) -> None:
    assert rules_urgent(text)
    assert understand(text, TAXONOMY).urgent


@pytest.mark.parametrize("text", MODEL_ONLY)
def test_an_emergency_the_model_restores(text: str) -> None:
    assert understand(text, TAXONOMY).urgent


@pytest.mark.parametrize("text", texts.NOT_URGENT + texts.NOT_URGENT_AFTER)
def test_reminders_notices_and_drills_are_not_urgent(text: str) -> None:
    assert not rules_urgent(text)
    assert not understand(text, TAXONOMY).urgent
