"""A text someone has said is a report (staff's /report, a patrol item answered 坏) is filed as
one, in the category and place it would have as one, whatever the model reads of it."""

from __future__ import annotations

from bot.config.understanding import default_taxonomy
from bot.understand import Intent, understand, understand_as_report

_TAXONOMY = default_taxonomy()


def test_a_failed_patrol_item_with_its_note_keeps_its_category_and_place() -> None:
    u = understand_as_report("应急灯正常 3楼应急灯不亮", _TAXONOMY)
    assert (u.intent, u.category, u.location) == (Intent.REPORT, "lighting", "3楼")


def test_a_text_the_model_reads_as_chat_gets_the_category_it_would_have_as_a_report() -> None:
    text = "楼道灯"
    assert understand(text, _TAXONOMY).intent is Intent.CHAT  # a bare noun: not a report
    u = understand_as_report(text, _TAXONOMY)
    assert (u.intent, u.category) == (Intent.REPORT, "lighting")


def test_a_report_is_left_as_understood() -> None:
    text = "5号楼电梯又卡住了，里面好像有人"
    assert understand_as_report(text, _TAXONOMY) == understand(text, _TAXONOMY)
