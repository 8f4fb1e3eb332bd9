"""What the model may not add urgency to: someone riding the lift on their way, and nobody
answering the door for an ordinary reason the writer gives. A reason of danger, or a person
who cannot get out, leaves the model free to add it (the rules judge those first)."""

import pytest

from bot.understand import safety


@pytest.mark.parametrize(
    "text",
    [
        "妈妈在电梯里 马上上来",
        "我在电梯里，马上下来",
        "老公在电梯里了 一会儿就到",
        "叫门没人应，可能出去买菜了",
        "敲了半天门没人开，估计是上班去了",
        "电话没人接 应该是在睡觉",
    ],
)
def test_ordinary_reasons_keep_the_model_out(text: str) -> None:
    assert not safety.model_may_add(text)


@pytest.mark.parametrize(
    "text",
    [
        "妈妈在电梯里 一直出不来",
        "电梯里有人 门打不开",
        "叫门没人应，可能晕倒了",
        "敲了半天门没人开，屋里有股煤气味",
        "老人两天没出门了 电话也没人接",
    ],
)
def test_danger_leaves_the_model_free(text: str) -> None:
    assert safety.model_may_add(text)
