"""Issue 14, item 6: ordinary chat changed issues. ``收到3个快递，谢谢大家`` from a head
acknowledged issue 3, ``受理2天了还没弄好吗`` acknowledged 2, ``确认2点开会`` from the reporter
closed issue 2 and ``收到 1e9`` acknowledged 1. A number followed by a measure word or a unit
is a quantity; such a message changes nothing and gets no answer."""

from __future__ import annotations

import pytest

from bot.app import Linli
from storage.issues import IssueStatus
from tests.conftest import say

HEAD = {"sender": "local:head-1", "name": "张阿姨"}
REPORTS = ["3单元楼道灯坏了", "电梯又坏了，困在家里下不去", "5单元门口垃圾三天没人收"]
CHAT = [
    ("收到3个快递，谢谢大家", HEAD),
    ("受理2天了还没弄好吗", HEAD),
    ("收到 1e9", HEAD),
    ("收到 3楼?", HEAD),
    ("办结2天了还没人来看", HEAD),
    ("收到5块钱红包", HEAD),
    ("受理 10分钟前就说了", HEAD),
    ("确认2点开会", {}),
    ("确认 3号开会吗", {}),
]


@pytest.mark.parametrize(("text", "who"), CHAT, ids=[t for t, _ in CHAT])
async def test_chat_with_numbers_changes_no_issue(
    app: Linli, text: str, who: dict[str, str]
) -> None:
    for minute, report in enumerate(REPORTS):
        await app.handle(say(report, minutes=minute))
    before = [await app.store.issues.get(n) for n in (1, 2, 3)]
    assert all(i is not None and i.status is IssueStatus.NEW for i in before)

    replies = await app.handle(say(text, minutes=10, **who))

    after = [await app.store.issues.get(n) for n in (1, 2, 3)]
    assert [i.status for i in after if i] == [IssueStatus.NEW] * 3, text
    assert not [r for r in replies if r.issue in (1, 2, 3)], text


async def test_the_same_words_with_an_issue_number_still_act(app: Linli) -> None:
    for minute, report in enumerate(REPORTS):
        await app.handle(say(report, minutes=minute))
    await app.handle(say("收到3，马上去看", minutes=10, **HEAD))
    await app.handle(say("受理 2", minutes=11, **HEAD))
    statuses = [i.status for n in (1, 2, 3) if (i := await app.store.issues.get(n))]
    assert statuses == [IssueStatus.NEW, IssueStatus.ACKNOWLEDGED, IssueStatus.ACKNOWLEDGED]
