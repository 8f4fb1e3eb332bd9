from __future__ import annotations

import pytest

from bot.commands import Alias, AliasForm, BadArguments, CommandCall, CommandParser, parse_number
from bot.grammar import chinese_numeral

PARSER = CommandParser(
    ["ack", "help", "join"],
    [
        Alias("收到", "ack"),
        Alias("帮助", "help", AliasForm.ALONE),
        Alias("报名", "join", AliasForm.TITLE),
    ],
)


@pytest.mark.parametrize(
    ("text", "name", "args"),
    [
        ("/ack 3", "ack", "3"),
        ("/ack@linli_bot 3", "ack", "3"),
        ("／ａｃｋ　３", "ack", "3"),
        ("/ACK 3", "ack", "3"),
        ("收到 3", "ack", "3"),
        ("收到3", "ack", "3"),
        ("收到 #3", "ack", "3"),
        ("收到３号", "ack", "3"),
        ("收到 3，马上去看", "ack", "3 马上去看"),
        ("收到第3号", "ack", "3"),
        ("报名 2", "join", "2"),
        ("帮助", "help", ""),
        ("/nosuch 1", "nosuch", "1"),
    ],
)
def test_commands_are_recognised(text: str, name: str, args: str) -> None:
    call = PARSER.parse(text, "linli_bot")
    assert isinstance(call, CommandCall)
    assert (call.name, call.args) == (name, args)


@pytest.mark.parametrize(
    "text", ["收到", "收到，谢谢", "帮助一下老人", "大家好", "/ack@otherbot 3", "/"]
)
def test_conversation_is_not_a_command(text: str) -> None:
    assert PARSER.parse(text, "linli_bot") is None


def test_parse_number() -> None:
    assert parse_number("3") == 3
    assert parse_number("#12") == 12
    for bad in [None, "", "abc", "0", "-1", "99999999999999999999", "３"]:
        with pytest.raises(BadArguments):
            parse_number(bad)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("三", 3),
        ("十", 10),
        ("十五", 15),
        ("二十", 20),
        ("二十三", 23),
        ("两", 2),
        ("一百", 100),
        ("一百零五", 105),
        ("三百二十一", 321),
    ],
)
def test_chinese_numerals(text: str, value: int) -> None:
    assert chinese_numeral(text) == value


@pytest.mark.parametrize("text", ["", "零", "三四", "五一", "十十", "一百十", "百", "一千"])
def test_not_chinese_numerals(text: str) -> None:
    assert chinese_numeral(text) is None


def test_what_may_be_command_rules_out_parses_to_nothing() -> None:
    """The dispatcher skips a reply's numbers and the event titles when ``may_be_command``
    is False: ``parse`` must then find nothing, whatever it would be given."""
    from bot.understand.corpus import training_examples
    from handlers import default_features

    parser = CommandParser.for_features(default_features())
    texts = [ex.text for ex in training_examples()][:3000]
    texts += [
        "收到 3",
        "／ａｃｋ　３",
        "@linli_bot 帮助",
        "第十五号收到",
        "报名 包粽子",
        "3号收到了",
    ]
    ruled_out = 0
    for text in texts:
        if parser.may_be_command(text, "linli_bot"):
            continue
        ruled_out += 1
        for replied in (False, True):
            for private in (False, True):
                assert (
                    parser.parse(
                        text, "linli_bot", replied=replied, private=private, titles=["包粽子"]
                    )
                    is None
                ), text
    assert ruled_out > len(texts) // 2  # most messages are conversation
