"""Twenty-first-session attacks on understanding, in the lead's own phrasings (not the
training files' lines): trouble told of places no estate holds or of a relative's home, and
what brings such talk back here."""

from __future__ import annotations

import pytest

from bot.config.understanding import default_taxonomy
from bot.understand import understand

_TAXONOMY = default_taxonomy()

ELSEWHERE = [
    "儿子的幼儿园今天有个小朋友从滑梯上摔下来，流了好多血",
    "机场那边有人晕倒了，好多人围着",
    "我婆婆家燃气泄漏了，我正往那边赶",
    "对面那个小区有栋楼着火了，消防车都到了",
    # Seen from one's own window: the window is here, the fire is not.
    "隔壁小区着火了，从我家窗户能看到火光",
    "开发区那边的厂房冒黑烟，好大一股",
]

HERE = [
    # A relative's home named, then put in one of our buildings, with a call on the group.
    "我婆婆家就在8栋，她刚才在厨房摔倒了起不来，谁在附近",
    "从商场回来，发现5号楼楼道里在冒烟",
    # A playground is inside many estates; a call to look out for the child.
    "孩子在游乐场玩着就不见了，穿黄衣服，有没有人看到",
    "楼顶上有人往下扔酒瓶子，底下好多小孩在玩",
    # A video meeting is not a video.
    "正开视频会呢，听到楼道里有人喊着火了，烟已经进屋了",
]


@pytest.mark.parametrize("text", ELSEWHERE)
def test_trouble_told_of_somewhere_else_is_not_urgent(text: str) -> None:
    u = understand(text, _TAXONOMY)
    assert not u.urgent, text
    assert u.intent.value == "chat", text


@pytest.mark.parametrize("text", HERE)
def test_an_emergency_here_beside_another_place_is_urgent(text: str) -> None:
    u = understand(text, _TAXONOMY)
    assert u.urgent, text
    assert u.intent.value == "report", text
