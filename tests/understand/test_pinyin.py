"""Messages typed in pinyin are read in characters (bot.understand.pinyin); English, short
Latin words and mixed messages are left alone. Phrasings are the lead's own."""

from __future__ import annotations

import pytest

from bot.config.understanding import default_taxonomy
from bot.understand import understand
from bot.understand.normalise import normalise_words
from bot.understand.pinyin import read, syllables

_TAXONOMY = default_taxonomy()


@pytest.mark.parametrize(
    ("typed", "read_as"),
    [
        ("dianti kazhu le limian you ren", "电梯卡住了里面有人"),
        ("laoren shuaidao le, liu xue le", "老人摔倒了,流血了"),
        ("jiu ming a, zhao huo le", "救命啊,着火了"),
        ("kuai kan 3 hao lou", "快看3号楼"),
        ("shei neng bang wo", "谁能帮我"),
        ("xi'an de pengyou", "西安的朋友"),
        ("楼道 meiqi 味好重", "楼道煤气味好重"),
    ],
)
def test_pinyin_is_read_in_characters(typed: str, read_as: str) -> None:
    assert read(typed) == read_as


@pytest.mark.parametrize(
    "text",
    [
        "Child on the windowsill, 13th floor, building 7, please knock the door",
        "ok 收到",
        "wifi 密码多少",
        "B区停车场",
        "3单元楼道灯坏了好几天了",
        "yyds 今天的菜真好吃",
        "冒yan了",  # one syllable: the alarm rules read it as typed
    ],
)
def test_other_latin_is_left_alone(text: str) -> None:
    assert read(text) == text


def test_syllables() -> None:
    assert syllables("dianti") == 2
    assert syllables("xi'an") == 2
    assert syllables("please") == 0
    assert syllables("the") == 0


@pytest.mark.parametrize(
    "text",
    [
        "ma ma shuai dao le pa bu qi lai, zai 2 hao lou",
        "dianti ka zhu le, wo he haizi zai limian",
        "lou dao li you yan, hao xiang zhao huo le",
        "you ren na zhe dao zai lou dao li",
        "wo nainai bu jian le, ta you lao nian chi dai",
    ],
)
def test_an_emergency_in_pinyin_is_urgent(text: str) -> None:
    u = understand(text, _TAXONOMY)
    assert u.urgent and u.intent.value == "report", text


@pytest.mark.parametrize(
    "text",
    ["wo jia haizi zhao dao le, xie xie da jia", "jin tian wan shang you mei you ren da lan qiu"],
)
def test_chat_in_pinyin_stays_chat(text: str) -> None:
    u = understand(text, _TAXONOMY)
    assert not u.urgent and u.intent.value != "report", text


def test_normalise_words_reads_pinyin() -> None:
    assert normalise_words("ran qi xie lou le") == "燃气泄漏了"


def test_a_long_run_of_pinyin_is_read_only_at_its_start() -> None:
    text = "wo men lou xia you ren " * 400  # 9,200 characters
    read_as = normalise_words(text)
    assert read_as.startswith("我们楼下有人" * 80)
    assert read_as.endswith("wo men lou xia you ren")  # past pinyin.MAX_READ, as typed
