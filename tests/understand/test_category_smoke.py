"""Sparks at electrical equipment are `power`; with smoke or flames named they are
`fire_safety` (FORMAT.md's conventions), whatever the model's category (classify._category)."""

from __future__ import annotations

import pytest

from bot.config.understanding import default_taxonomy
from bot.understand import understand
from bot.understand.classify import _SMOKE_OR_FLAMES


@pytest.mark.parametrize(
    "text", ["配电箱在冒烟，里面还冒火花", "电表箱冒黑烟了 滋滋响", "插座着火了！"]
)
def test_electrical_equipment_with_smoke_or_flames_is_fire_safety(text: str) -> None:
    u = understand(text, default_taxonomy())
    assert u.intent.value == "report" and u.category == "fire_safety"


@pytest.mark.parametrize(
    "text", ["配电箱在打火花，没冒烟", "电线老化严重，怕着火", "插座冒蓝光，不冒烟，有焦味"]
)
def test_smoke_denied_or_feared_is_not_named(text: str) -> None:
    assert _SMOKE_OR_FLAMES.search(text) is None
