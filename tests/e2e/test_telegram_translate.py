"""Rendering Outgoing for Telegram: residents' text can never break the HTML formatting."""

from __future__ import annotations

from bot.adapters.telegram_translate import numeric_id, render, split_text
from bot.model import Kind, Mention, Outgoing


def test_markup_in_text_and_names_is_escaped_and_mentions_link_by_id() -> None:
    out = Outgoing(
        "telegram:-1001",
        Kind.ISSUE_CREATED,
        "灯坏了 <b>快修</b> & *急* [链接](http://x)",
        mentions=(Mention("telegram:42", "<i>小王</i>&"),),
    )
    (chunk,) = render(out)
    assert chunk.html == (
        '<a href="tg://user?id=42">@&lt;i&gt;小王&lt;/i&gt;&amp;</a> '
        "灯坏了 &lt;b&gt;快修&lt;/b&gt; &amp; *急* [链接](http://x)"
    )
    assert chunk.plain == "@<i>小王</i>& 灯坏了 <b>快修</b> & *急* [链接](http://x)"


def test_mention_of_another_platform_is_plain_text() -> None:
    out = Outgoing(
        "telegram:-1001", Kind.ESCALATION, "请处理", mentions=(Mention("local:x", "王"),)
    )
    assert render(out)[0].html == "@王 请处理"


def test_long_text_is_split_at_line_ends_and_mentions_only_the_first_piece() -> None:
    text = "\n".join(f"第 {i} 行" + "字" * 50 for i in range(300))
    pieces = render(
        Outgoing("telegram:-1001", Kind.DIGEST, text, mentions=(Mention("telegram:1", "张"),))
    )
    assert len(pieces) > 1
    assert all(len(p.plain) <= 4096 for p in pieces)
    assert pieces[0].html.startswith('<a href="tg://user?id=1">@张</a>')
    assert all("tg://user" not in p.html for p in pieces[1:])
    assert "\n".join(split_text(text)) == text


def test_ids_of_other_platforms_are_not_telegram_chats() -> None:
    assert numeric_id("telegram:-1001") == -1001
    assert numeric_id("wechat:123@chatroom") is None
    assert numeric_id("telegram:abc") is None
