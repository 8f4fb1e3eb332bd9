"""The lead's fifteenth-session attack (texts in :mod:`attack15_texts`), written after reading
the rules' misses on a second Cantonese training file: Cantonese 好似 (seems) and 单位 (a flat),
is (系), the passive 俾, not back (冇返), last night (琴晚, 寻晚), fell into the water, down on the
floor, collapsed, a child gone told as a notice, an old person out since last night, a corridor
full of smoke; and their look-alikes (an all-clear, the past, a workplace, a lift's display).
On all training files the rules' verdicts changed on 31 lines, all to the writers' labels.
"""

from __future__ import annotations

import pytest

from bot.config.understanding import default_taxonomy
from bot.understand import understand
from tests.understand import attack15_texts
from tests.understand.rules_only import rules_urgent

TAXONOMY = default_taxonomy()


@pytest.mark.parametrize(
    "text",
    attack15_texts.URGENT
    + attack15_texts.URGENT_SOUTHWEST
    + attack15_texts.URGENT_SIGNS
    + attack15_texts.URGENT_AT_THE_END
    + attack15_texts.URGENT_MORE
    + attack15_texts.URGENT_CV
    + attack15_texts.URGENT_NORTH,
)
def test_emergencies_are_urgent_by_the_rules(text: str) -> None:
    assert rules_urgent(text)
    assert understand(text, TAXONOMY).urgent


@pytest.mark.parametrize(
    "text",
    attack15_texts.NOT_URGENT
    + attack15_texts.NOT_URGENT_SOUTHWEST
    + attack15_texts.NOT_URGENT_SIGNS
    + attack15_texts.NOT_URGENT_STORIES
    + attack15_texts.NOT_URGENT_MORE
    + attack15_texts.NOT_URGENT_NORTH,
)
def test_their_look_alikes_are_not_urgent_by_the_rules(text: str) -> None:
    assert not rules_urgent(text)


@pytest.mark.parametrize("text", attack15_texts.SENSITIVE)
def test_a_wish_to_jump_in_cantonese_is_sensitive(text: str) -> None:
    assert understand(text, TAXONOMY).sensitive
