"""How the model's probabilities become a decision: intent weights and the property tie-break
("物业 says whom, not what"), on hand-made predictions (no model needed)."""

from __future__ import annotations

import pytest

from bot.config.understanding import default_taxonomy
from bot.understand import classify
from bot.understand.lexicon import Hit, lexicon_for
from bot.understand.model import Prediction
from bot.understand.normalise import normalise


def hits(text: str) -> list[Hit]:
    return lexicon_for(default_taxonomy()).scan(normalise(text))


def prediction(category: str, p: float, *others: tuple[str, float]) -> Prediction:
    return Prediction(
        {"report": p + sum(q for _, q in others), "chat": 0.0, "help_request": 0.0, "offer": 0.0},
        category,
        p,
        0.0,
        ((category, p), *others),
    )


def test_a_named_fault_wins_a_near_tie_with_property() -> None:
    text = "3单元楼道灯坏了，物业到底管不管"
    assert classify._category(prediction("property", 0.99, ("lighting", 0.96)), hits(text)) == (
        "lighting"
    )


def test_a_named_fault_wins_even_behind_a_category_not_named() -> None:
    # The 100,000-character rant of test_understand_normalise: lighting named, water not.
    text = "3单元楼道灯坏了，物业到底管不管啊物业到底管不管啊"
    pred = prediction("property", 0.997, ("water", 0.966), ("lighting", 0.874))
    assert classify._category(pred, hits(text)) == "lighting"


@pytest.mark.parametrize(
    ("text", "pred"),
    [
        # far behind: property stays
        ("3单元楼道灯坏了，物业到底管不管", prediction("property", 0.99, ("lighting", 0.2))),
        # the runner-up's words are not in the message: property stays
        ("物业到底管不管，收费还这么贵", prediction("property", 0.99, ("lighting", 0.96))),
    ],
)
def test_property_stays_otherwise(text: str, pred: Prediction) -> None:
    assert classify._category(pred, hits(text)) == "property"


@pytest.mark.parametrize(
    "text",
    [
        "物业收了电梯维修费，电梯却一直坏着",
        "電梯維修基金要業主簽字才能動，物業卻說已經用了，帳目請公開",
        "物业经理态度太差了，去问电梯费的事，直接说不交就停你电梯卡",
    ],
)
def test_property_stays_when_the_message_is_about_money_or_conduct(text: str) -> None:
    # FORMAT.md's property is "conduct, fees, service attitude, accounts, repairs fund": a
    # fault named beside them does not take the category away.
    norm = normalise(text)
    pred = prediction("property", 0.9, ("elevator", 0.8))
    assert classify._category(pred, hits(text), norm) == "property"
    assert classify._category(pred, hits(text)) == "elevator"  # without the text: it yields


def test_other_categories_are_left_alone() -> None:
    pred = prediction("water", 0.6, ("drainage", 0.59))
    assert classify._category(pred, hits("下水道堵了，水漫出来")) == "water"


def test_intent_weights_shift_a_close_call(monkeypatch: pytest.MonkeyPatch) -> None:
    pred = Prediction(
        {"report": 0.5, "chat": 0.45, "help_request": 0.0, "offer": 0.0}, "water", 0.5
    )
    assert classify._intent(pred) is classify.Intent.REPORT
    monkeypatch.setattr(classify, "INTENT_WEIGHTS", {"report": 0.8})
    assert classify._intent(pred) is classify.Intent.CHAT
