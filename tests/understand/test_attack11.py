"""Eleventh attack on urgency (texts in :mod:`attack11_texts`, urgent9), written before any
rule change, in forms earlier attacks had not tried: very short messages, pinyin and English
mixed in, emoji, keywords spelled out with spaces or marks, Traditional script, a third person
relaying, a question or a plea, the emergency inside a chatty message, a child writing,
winter hazards; 88 urgent messages and 56 look-alikes in the same forms.

Before (main at 9a98a57): urgent by the rules 68 / 88, by ``understand()`` 79 / 88;
look-alikes 2 / 56 by the rules and in all ("火锅走起🔥", "电梯困人已解决"). After the
urgent9 changes (words spelled out written together, :func:`normalise_words`, and 🔥 read as a word
of its own in :mod:`bot.understand.normalise`; :mod:`bot.understand.forms`; a turn of the talk after a joke
or a reminder in :mod:`bot.understand.safety`; a plea is not a supposition in
:mod:`bot.understand.clauses`): 88 / 88 by the rules and in all, look-alikes 0 / 56. The
``*_AFTER`` lists were written after the rules, in other phrasings (19 urgent: 18 by the
rules, all 19 in all; 17 look-alikes: none urgent).
"""

from __future__ import annotations

import pytest

from bot.config.understanding import default_taxonomy
from bot.understand import understand
from bot.understand.normalise import normalise_words
from tests.understand import attack11_texts as texts
from tests.understand.rules_only import rules_urgent

TAXONOMY = default_taxonomy()

# A cry for help and a stuck lift, nobody said to be inside: the model finds it, the rules
# (which want a person in the lift) do not.
MODEL_ONLY = ["救 命 啊 电 梯 卡 住 了"]


@pytest.mark.parametrize(
    "text", [t for t in texts.URGENT + texts.URGENT_AFTER if t not in MODEL_ONLY]
)
def test_urgent_messages_are_urgent_by_the_rules(text: str) -> None:
    assert rules_urgent(text)
    assert understand(text, TAXONOMY).urgent


@pytest.mark.parametrize("text", MODEL_ONLY)
def test_urgent_messages_found_by_the_model_alone(text: str) -> None:
    assert understand(text, TAXONOMY).urgent


@pytest.mark.parametrize("text", texts.NOT_URGENT + texts.NOT_URGENT_AFTER)
def test_urgent_look_alikes_are_not_urgent(text: str) -> None:
    assert not rules_urgent(text)
    assert not understand(text, TAXONOMY).urgent


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("煤 气 味 好 重 在4楼", "煤气味好重在4楼"),
        ("着.火.了 2单元", "着火了 2单元"),
        ("家里燃-气-泄-漏", "家里燃气泄漏"),
        ("9楼 起 火 了", "9楼起火了"),
        ("有人晕 倒了", "有人晕倒了"),
        ("冒 烟", "冒烟"),
        # Words with a space between them are not spelled out; pairs that glued would make
        # another word stay apart.
        ("好的 谢谢", "好的 谢谢"),
        ("今天 天气 不错", "今天 天气 不错"),
        ("一起 火锅", "一起 火锅"),
        ("看着 火车", "看着 火车"),
        # An emoji is a word of its own.
        ("火锅走起🔥", "火锅走起 火"),
        ("3楼🔥了", "3楼 火了"),
    ],
)
def test_words_spelled_out_are_read_whole(typed: str, read: str) -> None:
    assert normalise_words(typed) == read
