"""The second view of a message (tenth session): its input, its file beside the main model,
and how its report probability joins the main model's in the intent decision."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.config.understanding import default_taxonomy
from bot.understand import classify, model
from bot.understand.classify import read
from bot.understand.features import model_line, model_lines
from bot.understand.lexicon import lexicon_for
from bot.understand.model import Prediction, view_path
from bot.understand.normalise import normalise
from bot.understand.tokenizer import lcut


def lines(text: str) -> tuple[str, str]:
    norm = normalise(text)
    hits = lexicon_for(default_taxonomy()).scan(norm)
    return model_lines(norm, lcut(norm), hits)


def test_the_view_reads_the_first_and_last_clause_and_the_tags() -> None:
    main, view = lines("3号楼电梯又坏了，上上下下好几趟，物业能来看看吗")
    tokens = view.split()
    first = [t for t in tokens if t.startswith("F_")]
    last = [t for t in tokens if t.startswith("L_")]
    assert "F_电梯" in first and "F_<n>" in first
    assert "L_物业" in last and "L_吗" in last
    assert not any("上上下下" in t or t == "F_好几" for t in tokens)  # the middle is left out
    assert "@q" in tokens and "@q" in main.split()
    assert not any(t.startswith(("F_", "L_")) for t in main.split())


def test_one_clause_is_only_a_first_clause_and_punctuation_alone_is_empty() -> None:
    _, view = lines("楼道灯坏了")
    assert view.split()[0].startswith("F_") and not any(t.startswith("L_") for t in view.split())
    assert lines("。。。")[1] == "<empty>"


def test_the_main_line_is_what_it_was() -> None:
    norm = normalise("楼道灯坏了，谁来修一下")
    hits = lexicon_for(default_taxonomy()).scan(norm)
    assert model_line(norm, lcut(norm), hits) == model_lines(norm, lcut(norm), hits)[0]


def test_the_reading_carries_both_lines() -> None:
    reading = read(normalise("楼道灯坏了，谁来修一下"), lexicon_for(default_taxonomy()))
    assert reading.view.startswith("F_")
    assert reading.line == lines("楼道灯坏了，谁来修一下")[0]


def intents(report: float, chat: float) -> dict[str, float]:
    return {"report": report, "help_request": 0.0, "offer": 0.0, "chat": chat}


def test_without_a_view_the_main_model_decides() -> None:
    assert classify._intent(Prediction(intents(0.55, 0.45), "water", 0.55)) == "report"
    assert classify._intent(Prediction(intents(0.55, 0.45), "water", 0.55), None) == "report"


@pytest.mark.parametrize(
    ("view", "intent"),
    [
        (0.001, "chat"),  # the second view is sure it is no report: a near tie goes to chat
        (0.9, "report"),
        (None, "report"),  # no second view (a model trained before it)
    ],
)
def test_the_view_moves_a_near_tie(view: float | None, intent: str) -> None:
    pred = Prediction(intents(0.55, 0.45), "water", 0.55)
    assert classify._view_may_decide(pred)
    assert classify._intent(pred, view) == intent


def test_a_sure_main_model_is_not_overruled_by_a_doubtful_view() -> None:
    pred = Prediction(intents(0.99, 0.01), "water", 0.99)
    assert classify._intent(pred, 0.05) == "report"


@pytest.mark.parametrize(("report", "chat"), [(0.999, 0.001), (0.0002, 0.998), (0.6, 0.02)])
def test_the_view_is_not_asked_when_no_answer_of_it_can_change_the_intent(
    report: float, chat: float
) -> None:
    pred = Prediction(intents(report, chat), "water", report)
    assert not classify._view_may_decide(pred)
    low, high = classify._VIEW_RANGE
    assert classify._intent(pred, low) == classify._intent(pred, high) == classify._intent(pred)


def test_understand_gives_the_same_answers_whether_the_view_is_asked_or_skipped(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    texts = [
        "那个电梯啊又坏了嘛我跟你说我今天拎着菜爬了十五层",
        "3号楼电梯又坏了，上上下下好几趟，物业能来看看吗",
        "今天天气不错，大家出来晒太阳",
        "楼道灯坏了",
        "【温馨提示】明天上午9点停水，请提前储水",
    ]
    taxonomy = default_taxonomy()
    skipping = [classify.understand(t, taxonomy) for t in texts]
    monkeypatch.setattr(classify, "_view_may_decide", lambda prediction: True)
    assert [classify.understand(t, taxonomy) for t in texts] == skipping


def test_the_blend_is_the_documented_formula() -> None:
    p1, p2 = 0.4, 0.2
    blended = p1 ** (1 - classify.VIEW_BLEND) * p2**classify.VIEW_BLEND * classify.VIEW_SCALE
    assert classify._intent(Prediction(intents(p1, blended - 1e-6), None, 0.0), p2) == "report"
    assert classify._intent(Prediction(intents(p1, blended + 1e-6), None, 0.0), p2) == "chat"


def test_the_view_lives_beside_its_model(tmp_path: Path) -> None:
    assert view_path(Path("/x/linli.model.bin")) == Path("/x/linli.model.view.ftz")
    assert view_path(model.SHIPPED_MODEL).exists()
    # A model copied without its view decides alone; with it, the view gives its probability.
    alone = tmp_path / "alone.bin"
    shutil.copy(model.SHIPPED_MODEL, alone)
    reading = read(normalise("楼道灯坏了"), lexicon_for(default_taxonomy()))
    assert not model.Model(alone).has_view
    assert model.Model(alone).report_view(reading.view) is None
    shutil.copy(view_path(model.SHIPPED_MODEL), view_path(alone))
    assert model.Model(alone).has_view
    p = model.Model(alone).report_view(reading.view)
    assert p is not None and p > 0.5
    chat = read(normalise("今天天气不错，大家出来晒太阳"), lexicon_for(default_taxonomy()))
    q = model.Model(alone).report_view(chat.view)
    assert q is not None and q < 0.5


def test_every_clause_end_is_a_token_without_a_feature() -> None:
    # The clauses of the second view are found only among the tokens without a feature.
    from bot.understand.features import _CLAUSE_END, _token_feature

    assert all(_token_feature(token) == "" for token in _CLAUSE_END)
