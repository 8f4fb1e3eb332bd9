"""Twentieth-session attacks on understanding, in the lead's own phrasings (not the training
files' lines)."""

from __future__ import annotations

import pytest

from bot.config.understanding import default_taxonomy
from bot.understand import understand

_TAXONOMY = default_taxonomy()

# One phrase pasted over and over after an opening: the model's urgency (and intent) mean
# nothing on it. The rules still read it.
REPEATED_JUNK = [
    "我老家那边" + "，结果刚才我们楼楼上" * 20,
    "哈哈哈今天" + "楼下那个谁谁谁又来了" * 15,
    "话说" + "，然后我们这边也是" * 30,
]


@pytest.mark.parametrize("text", REPEATED_JUNK)
def test_a_phrase_pasted_over_and_over_is_not_urgent(text: str) -> None:
    u = understand(text, _TAXONOMY)
    assert not u.urgent, text
    assert u.intent.value == "chat", text


def test_a_pasted_emergency_is_still_read_by_the_rules() -> None:
    u = understand("救命电梯里困人了" * 20, _TAXONOMY)
    assert u.urgent and u.category == "elevator"


def test_a_long_real_message_is_not_taken_for_repetition() -> None:
    text = (
        "我跟大家说一下哈，前两天我去我闺女家帮她带孩子，回来发现我们3单元楼道里的灯又不亮了，"
        "晚上上楼黑乎乎的，我这腿脚不好，差点在二楼拐角那摔一跤，麻烦楼长跟物业说一声来修修"
    )
    u = understand(text, _TAXONOMY)
    assert u.intent.value == "report" and u.category == "lighting"
