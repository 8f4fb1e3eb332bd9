"""The model's labels read above a floor (classify.PREDICT_FLOOR): the same category and
decisions as with every label read, and every label read where the floor could matter."""

from __future__ import annotations

import pytest

from bot.config.understanding import default_taxonomy
from bot.understand import classify, model
from bot.understand.classify import PREDICT_FLOOR, read
from bot.understand.lexicon import lexicon_for
from bot.understand.normalise import normalise_words

TEXTS = [
    "3单元楼道灯坏了好几天了",
    "物业费怎么又涨了，服务一点没变好",
    "电梯里困了个小孩在哭",
    "谁家有梯子借我用一下",
    "我会修自行车，有需要的找我",
    "今天天气真好",
    "晚上黑乎乎的",
    "小区门口新开了一家面馆",
]


def _line(text: str) -> str:
    lexicon = lexicon_for(default_taxonomy())
    return read(normalise_words(text), lexicon).line


def _floored_intents(active: model.Model, line: str) -> dict[str, float]:
    """The intents from the labels above the floor alone, as predict() first reads them."""
    intents = {"report": 0.0, "help_request": 0.0, "offer": 0.0, "chat": 0.0}
    for p, label in active._ft.predict(line + "\n", active._k, PREDICT_FLOOR, "replace"):
        name = label[len(model.LABEL_PREFIX) :]
        if name.startswith(model.REPORT_PREFIX):
            intents["report"] += p
        elif name in intents:
            intents[name] += p
    return intents


@pytest.mark.parametrize("text", TEXTS)
def test_the_floor_drops_only_unlikely_labels(text: str) -> None:
    active = model.active()
    line = _line(text)
    full = active.predict(line)
    floored = active.predict(line, PREDICT_FLOOR)
    if floored == full:
        # Read in full: the intents were too close, or all unlikely (model._close).
        assert model._close(_floored_intents(active, line))
        return
    for name, p in floored.intents.items():
        # What the floor drops is below it, label by label: a sum moves by less than the
        # floor times the labels dropped.
        assert p <= full.intents[name]
        assert full.intents[name] - p < PREDICT_FLOOR * 21
    assert floored.urgent == (full.urgent if full.urgent >= PREDICT_FLOOR else 0.0)
    full_categories = dict(full.categories)
    for code, p in floored.categories:
        assert full_categories[code] == p and p >= PREDICT_FLOOR
    # The best category, when read at all, is the one every label gives.
    if floored.category is not None:
        assert floored.category == full.category
    assert classify._complete(floored, line).category == full.category


def test_a_line_with_no_intent_above_the_floor_is_read_in_full() -> None:
    active = model.active()
    # A floor above every probability: nothing would be read, so every label is.
    line = _line("3单元楼道灯坏了好几天了")
    assert active.predict(line, 1.01) == active.predict(line)


def test_a_category_the_floor_could_change_is_read_in_full() -> None:
    active = model.active()
    line = _line("楼上漏水把我家天花板泡了")
    full = active.predict(line)
    intents = {"report": 0.9, "help_request": 0.0, "offer": 0.0, "chat": 0.0}
    # No category above the floor: every label is read, not "other" by default.
    none = model.Prediction(intents, None, 0.0)
    assert classify._complete(none, line) == full
    # `property` yields to a fault named nearly as likely (classify.PROPERTY_YIELD): when
    # that bar lies below the floor, the labels under it are read too.
    faint = model.Prediction(intents, "property", PREDICT_FLOOR / 2)
    assert classify._complete(faint, line) == full
    # Otherwise the prediction read above the floor is kept as it is.
    sure = model.Prediction(intents, "water", 0.9)
    assert classify._complete(sure, line) is sure
    clear = model.Prediction(intents, "property", 0.9)
    assert classify._complete(clear, line) is clear


def test_close_intents_are_read_in_full() -> None:
    # What a floor leaves out is at most 16 report labels under it: 1.6e-3 together.
    assert model._close({"report": 0.5, "help_request": 0.0, "offer": 0.0, "chat": 0.495})
    assert model._close({"report": 0.0002, "help_request": 0.0, "offer": 0.0, "chat": 0.0001})
    assert not model._close({"report": 0.9, "help_request": 0.01, "offer": 0.0, "chat": 0.05})
