"""The normaliser: what residents type becomes plain Simplified text, whatever arrives."""

from __future__ import annotations

import pytest

from bot.config.understanding import default_taxonomy
from bot.understand import Intent, understand
from bot.understand.normalise import MAX_TEXT, normalise


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("２单元楼道灯坏了", "2单元楼道灯坏了"),
        ("Ｂ区路灯不亮", "B区路灯不亮"),
        ("樓道燈壞了好幾天", "楼道灯坏了好几天"),
        ("樓下著火了", "楼下着火了"),
        ("著火了", "着火了"),  # 著 is also Simplified, so only the phrase tells
        ("著名作家", "著名作家"),
        ("电梯坏了😤😤😤", "电梯坏了"),
        ("大家早上好呀☀️", "大家早上好呀"),
        ("💡坏了", "灯坏了"),
        ("楼道\u200b灯\u200d坏了\ufeff", "楼道灯坏了"),
        ("灯\x00坏\x07了", "灯 坏 了"),
        ("坏了！！！！！！", "坏了！"),
        ("又停水？？？", "又停水？"),
        ("停水了。。。", "停水了。"),
        ("  停水   了  ", "停水 了"),
        ("楼道灯修好了，谢谢！", "楼道灯修好了，谢谢！"),  # Chinese punctuation is kept
        ("停点了", "停电了"),  # pinyin slip
        ("点题坏了", "电梯坏了"),
    ],
)
def test_normalise(raw: str, expected: str) -> None:
    assert normalise(raw) == expected


@pytest.mark.parametrize("raw", ["", "   ", "👍👍👍", "\u200b\u200b", "\x00\x01\x02"])
def test_nothing_left_is_empty_and_chat(raw: str) -> None:
    assert normalise(raw) == ""
    u = understand(raw, default_taxonomy())
    assert u.intent is Intent.CHAT
    assert (u.category, u.urgent, u.location, u.keywords) == (None, False, None, ())


def test_binary_garbage_does_not_crash() -> None:
    garbage = bytes(range(256)).decode("utf-8", errors="surrogateescape")
    text = normalise(garbage)
    assert "\x00" not in text and all(not 0xD800 <= ord(c) <= 0xDFFF for c in text)
    assert understand(garbage, default_taxonomy()).intent is Intent.CHAT


def test_very_long_input_is_capped_and_still_understood() -> None:
    rant = "3单元楼道灯坏了，" + "物业到底管不管啊" * 12_500  # 100k characters
    assert len(rant) > 100_000
    assert len(normalise(rant)) == MAX_TEXT
    u = understand(rant, default_taxonomy())
    assert (u.intent, u.category, u.location) == (Intent.REPORT, "lighting", "3单元")
    assert len(u.text) == MAX_TEXT


def test_rejects_non_text() -> None:
    with pytest.raises(TypeError):
        normalise(b"bytes")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "intent"), [("坏了" * 200, Intent.REPORT), ("哈哈哈嗯嗯" * 50, Intent.CHAT)]
)
def test_a_run_of_the_same_few_characters_is_read_by_its_words(text: str, intent: Intent) -> None:
    assert understand(text, default_taxonomy()).intent is intent
