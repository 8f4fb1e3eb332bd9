"""Duplicate reports are merged into the open issue; numbering stays dense."""

from __future__ import annotations

from datetime import timedelta

from bot.app import Linli
from bot.model import Kind
from tests.conftest import say


async def test_same_place_same_category_is_merged(app: Linli) -> None:
    await app.handle(say("3单元楼道灯坏了"))
    outs = await app.handle(say("3单元楼道灯又不亮了", sender="local:r2", name="老赵", minutes=5))
    assert [(o.kind, o.issue) for o in outs] == [(Kind.ISSUE_MERGED, 1)]
    assert ("local:r2", "老赵") in await app.store.issues.followers(1)
    outs = await app.handle(say("5单元电梯坏了", minutes=6))
    assert [(o.kind, o.issue) for o in outs] == [(Kind.ISSUE_CREATED, 2)]


async def test_other_place_building_or_window_is_a_new_issue(app: Linli) -> None:
    await app.handle(say("3单元楼道灯坏了"))
    other_place = await app.handle(say("1单元楼道灯坏了", minutes=1))
    other_building = await app.handle(say("3单元楼道灯坏了", chat="local:building-2", minutes=2))
    too_late = await app.handle(say("3单元楼道灯坏了", at=say("").at + timedelta(hours=73)))
    assert [o.issue for o in other_place + other_building + too_late] == [2, 3, 4]
    assert {o.kind for o in other_place + other_building + too_late} == {Kind.ISSUE_CREATED}


async def test_closed_issue_is_not_a_merge_target(app: Linli) -> None:
    await app.handle(say("3单元楼道灯坏了"))
    await app.handle(say("/resolve 1", sender="local:head-1", name="张阿姨", minutes=1))
    await app.handle(say("/confirm 1", minutes=2))
    outs = await app.handle(say("3单元楼道灯又坏了", minutes=3))
    assert [(o.kind, o.issue) for o in outs] == [(Kind.ISSUE_CREATED, 2)]
