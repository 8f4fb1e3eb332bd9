"""评事: rating requests on closing, private answers, /rate, unsatisfied ratings to staff."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.app import Linli
from bot.model import Kind
from handlers import rating_texts as t
from handlers.ratings import parse_answer
from storage.ratings import Score
from tests.conftest import say


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("满意", (Score.SATISFIED, None)),
        ("非常满意！", (Score.SATISFIED, None)),
        ("基本满意，就是慢了点", (Score.FAIR, "就是慢了点")),
        ("不满意 晚上还是不亮", (Score.UNSATISFIED, "晚上还是不亮")),
        ("很不满意。", (Score.UNSATISFIED, None)),
        ("满意度调查什么时候做", None),
        ("我不满意", None),
        ("一般般吧", None),
    ],
)
def test_answers(text: str, expected: tuple[Score, str | None] | None) -> None:
    assert parse_answer(text) == expected


async def closed_issue(app: Linli) -> None:
    await app.handle(say("3单元楼道灯坏了"))
    await app.handle(say("我也是 1", sender="local:resident-2", name="小李", minutes=1))
    await app.handle(say("办结 1 换了灯泡", sender="local:head-1", name="张阿姨", minutes=2))


async def test_confirm_asks_reporter_and_followers_privately(app: Linli) -> None:
    await closed_issue(app)
    outs = await app.handle(say("确认 1", minutes=3))
    asked = [(o.chat, o.issue) for o in outs if o.kind is Kind.RATING_REQUEST]
    assert asked == [("local:resident-1", 1), ("local:resident-2", 1)]
    assert all(o.fallback_chat == "local:building-1" for o in outs if o.kind is Kind.RATING_REQUEST)


async def test_private_answer_rates_and_unsatisfied_reaches_staff_privately(app: Linli) -> None:
    await closed_issue(app)
    await app.handle(say("确认 1", minutes=3))
    outs = await app.handle(
        say(
            "不满意，晚上还是不亮",
            chat="local:resident-2",
            sender="local:resident-2",
            name="小李",
            minutes=4,
        )
    )
    assert [(o.kind, o.chat) for o in outs] == [
        (Kind.COMMAND_REPLY, "local:resident-2"),
        (Kind.ESCALATION, "local:head-1"),
        (Kind.ESCALATION, "local:grid-1"),
    ]
    assert "晚上还是不亮" in outs[1].text and outs[1].fallback_chat == "local:office"
    rating = await app.store.ratings.get(1, "local:resident-2")
    assert rating is not None and rating.score is Score.UNSATISFIED
    assert rating.comment == "晚上还是不亮"
    # Unsatisfied again: staff are not told twice.
    outs = await app.handle(
        say("/rate 1 1 还是不亮", chat="local:resident-2", sender="local:resident-2", minutes=5)
    )
    assert [o.kind for o in outs] == [Kind.COMMAND_REPLY]


async def test_private_words_without_a_request_are_not_taken_as_ratings(app: Linli) -> None:
    await app.handle(say("大家好"))
    outs = await app.handle(say("满意", chat="local:resident-1", minutes=1))
    assert [o.kind for o in outs] == [Kind.COMMAND_REPLY]
    assert "评价" not in outs[0].text
    out = await app.handle(say("/rate 1 3", chat="local:resident-1", minutes=2))
    assert out[0].kind is Kind.ERROR and out[0].text == t.not_asked(1)


async def test_auto_close_asks_too_and_ratings_survive_a_restart(app: Linli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    await closed_issue(app)
    outs = []
    start = say("x").at
    for hours in (24, 24 + 72, 24 + 73):
        outs += await app.tick(start + timedelta(hours=hours, minutes=5))
    assert [o.chat for o in outs if o.kind is Kind.RATING_REQUEST] == [
        "local:resident-1",
        "local:resident-2",
    ]
    db = app.store.db.path
    config = app.config
    await app.close()
    again = await Linli.open(config, database=db)
    try:
        await again.start(start + timedelta(days=5))
        out = await again.handle(say("满意", chat="local:resident-1", at=start + timedelta(days=5)))
        assert out[0].kind is Kind.COMMAND_REPLY and "满意" in out[0].text
        assert "第 1 号" in out[0].text
    finally:
        await again.close()


async def test_forget_keeps_the_score_but_not_the_person(app: Linli) -> None:
    await closed_issue(app)
    await app.handle(say("确认 1", minutes=3))
    await app.handle(say("不满意 太慢了", chat="local:resident-1", minutes=4))
    await app.handle(say("/forget", chat="local:resident-1", minutes=5))
    async with app.store.db.conn.execute("SELECT user, name, score, comment FROM ratings") as cur:
        rows = [tuple(r) for r in await cur.fetchall()]
    assert ("local:resident-1" not in {r[0] for r in rows}) and any(r[2] == 1 for r in rows)
    assert all(r[3] is None for r in rows if r[2] == 1)
