"""Help flow wording: availability said with an offer, Chinese forms first."""

from __future__ import annotations

from handlers import help_texts as t
from handlers.help_skills import availability_in


def test_availability_is_found_in_a_sentence() -> None:
    assert availability_in("我会缝纫，周末有空可以帮大家补衣服") == "周末有空"
    assert availability_in("晚上和周末都可以帮忙修电脑") == "晚上和周末都可以"
    assert availability_in("我会修电脑") is None


def test_chinese_forms_come_before_slash_commands() -> None:
    for text in (t.match(2, "本楼", "补衣服", ("缝纫",)), t.posted(2, "补衣服"), t.no_candidate(2)):
        assert "/accept" not in text and "/post" not in text and "/decline" not in text
    assert "“接单 2”" in t.match(2, "本楼", "补衣服", ("缝纫",))


def test_no_contact_on_either_side_says_how_to_exchange_one() -> None:
    text = t.connected_helper(3, "小王", "补衣服", None, None)
    assert "请直接私聊" not in text and "/contact" in text and "转告小王" in text
