"""Every message quoted in issue 13 behaves as a person would expect (golden cases).

None of these texts is in the training corpus: they test what the model and the safety rules
make of messages they never saw.
"""

from __future__ import annotations

import pytest

from bot.config.understanding import default_taxonomy
from bot.understand import Intent, understand
from bot.understand.corpus import training_examples


def test_none_of_these_examples_is_trained_on() -> None:
    trained = {ex.text for ex in training_examples()}
    quoted = {text for text, *_ in URGENT + REPORTS} | set(CHAT)
    assert not quoted & trained


URGENT = [
    ("快来人啊 2单元电梯里困了个小孩 在哭 卡在5楼和6楼中间了", "elevator", "2单元"),
    ("5号楼电梯又卡住了，里面好像有人", "elevator", "5号楼"),
    ("电梯突然往下掉了一层，小孩还在里面，门卡住了打不开", "elevator", None),
    ("我爸被关在电梯里了 电梯停在半空不动了", "elevator", None),
    ("点替卡主了我妈在里头出不来 快来人", "elevator", None),  # voice input slips
    ("楼道里一股没气味 是不是谁家漏了", "fire_safety", "楼道"),  # 没气 for 煤气
    # A missing person has no category of its own: other (the corpus's conventions).
    ("我家五岁的儿子在小区里找不着了 穿蓝色衣服", "other", None),
    ("楼下有个老太太摔倒了，头上在流血", None, None),
    ("楼上又在往下扔酒瓶，刚砸碎在我脚边", "security", None),
]


@pytest.mark.parametrize(("text", "category", "location"), URGENT)
def test_urgent_whatever_the_phrasing(
    text: str, category: str | None, location: str | None
) -> None:
    u = understand(text, default_taxonomy())
    assert (u.intent, u.urgent) == (Intent.REPORT, True)
    if category is not None:
        assert u.category == category
    assert u.location == location


REPORTS = [
    ("地库B区有辆车停在消防通道上好几天了，麻烦处理一下", ("fire_safety",), "B区"),
    ("楼下那条大黄狗又没拴绳 刚才冲着我孙子叫 吓死人了", ("pets",), None),
    ("物业什么时候来修水管啊，都一个礼拜了", ("water", "property"), None),
    ("停车场的灯全黑了，晚上走路怕摔", ("lighting",), "停车场"),
    ("卫生间天花板在滴水…楼上漏的", ("water",), None),
    ("鞋柜纸箱堆在楼道里一个多月了，说了还跟我吵", ("dispute", "sanitation"), "楼道"),
]


# The model adds urgency to the loose dog that "scared a grandson": over-cautious, and
# listed as such in docs/understanding.md; the test asks only that it is filed.
MAY_BE_URGENT = {"楼下那条大黄狗又没拴绳 刚才冲着我孙子叫 吓死人了"}


@pytest.mark.parametrize(("text", "categories", "location"), REPORTS)
def test_ordinary_complaints_are_reports(
    text: str, categories: tuple[str, ...], location: str | None
) -> None:
    u = understand(text, default_taxonomy())
    assert u.intent is Intent.REPORT
    assert u.urgent is False or text in MAY_BE_URGENT
    assert u.category in categories
    assert u.location == location


CHAT = [
    "你的爱就像火苗",
    "谁家孩子的滑板车落在电梯口了 来拿一下",
]


@pytest.mark.parametrize("text", CHAT)
def test_chat_stays_chat(text: str) -> None:
    u = understand(text, default_taxonomy())
    assert (u.intent, u.urgent) == (Intent.CHAT, False)


def test_a_long_message_is_read_to_its_end() -> None:
    filler = "我跟大家说说这个小区这些年的情况，住了十年了，邻居们都很好，过年还一起包饺子。"
    rant = filler * 130 + "对了，我家卫生间天花板一直在漏水。"
    assert len(rant) > 5000
    u = understand(rant, default_taxonomy())
    assert (u.intent, u.category) == (Intent.REPORT, "water")


@pytest.mark.parametrize(
    "text",
    [
        "我老公喝醉了又在打我，孩子吓得直哭",
        "隔壁天天打孩子，孩子哭喊着求饶",
        "活着没意思，不想活了",
    ],
)
def test_sensitive(text: str) -> None:
    assert understand(text, default_taxonomy()).sensitive


@pytest.mark.parametrize("text", ["今天热死了", "笑死我了，这个视频太搞笑了", "电梯修好了"])
def test_not_sensitive(text: str) -> None:
    assert not understand(text, default_taxonomy()).sensitive
