"""Spoken discourse markers ("我跟你说", "你知道吗") are left out of what the model sees, a
clause break in their place; the rules still read the whole message (tenth session)."""

from __future__ import annotations

import pytest

from bot.config.understanding import default_taxonomy
from bot.understand.classify import understand
from bot.understand.features import model_lines
from bot.understand.lexicon import lexicon_for
from bot.understand.normalise import normalise
from bot.understand.tokenizer import lcut

VOICE_LIFT = "那个电梯啊又坏了嘛我跟你说我今天拎着菜爬了十五层"


def lines(text: str) -> tuple[str, str]:
    norm = normalise(text)
    hits = lexicon_for(default_taxonomy()).scan(norm)
    return model_lines(norm, lcut(norm), hits)


@pytest.mark.parametrize(
    "marker", ["我跟你说", "我跟你讲", "我和你说", "我告诉你", "你知道吗", "你晓得伐", "怎么说呢"]
)
def test_a_marker_is_not_in_the_model_input(marker: str) -> None:
    main, view = lines(f"楼道灯坏了{marker}晚上黑乎乎的")
    # The tags are the rules' reading of the whole message: "你知道吗" still gives "@q".
    with_marker = [t for t in main.split() if t != "@q"]
    assert lines("楼道灯坏了，晚上黑乎乎的")[0].split() == with_marker
    # The marker splits the message into clauses for the second view: the lamp, then the dark.
    assert "F_楼道灯" in view.split() and "L_晚上" in view.split()


def test_the_tags_still_come_from_the_whole_message() -> None:
    # "你知道吗" holds the question mark's 吗: the rules still see a question.
    assert "@q" in lines("你知道吗楼道灯坏了")[0].split()


def test_a_message_without_a_marker_is_read_as_before() -> None:
    text = "你说楼道灯是不是又坏了"  # 你说 alone is not a marker: it asks the reader
    main, _ = lines(text)
    assert "你" in main.split() and "说" in main.split()


def test_a_broken_lift_told_by_voice_input_is_a_report() -> None:
    u = understand(VOICE_LIFT, default_taxonomy())
    assert (u.intent, u.category) == ("report", "elevator")
