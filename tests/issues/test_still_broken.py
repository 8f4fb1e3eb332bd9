"""A report of a matter fixed within the duplicate window reopens it ("still broken")."""

from __future__ import annotations

from bot.app import Linli
from bot.model import Kind
from tests.conftest import say

HEAD = {"sender": "local:head-1", "name": "张阿姨"}


async def test_same_matter_after_resolve_reopens_the_issue(app: Linli) -> None:
    await app.handle(say("3单元楼道灯坏了"))
    await app.handle(say("/resolve 1 已换灯泡", **HEAD, minutes=60))
    outs = await app.handle(
        say("3单元楼道灯还是坏的", sender="local:resident-9", name="老李", minutes=24 * 60)
    )
    kinds = [(o.kind, o.issue, o.chat) for o in outs]
    assert (Kind.ISSUE_STATUS, 1, "local:building-1") in kinds
    assert (Kind.ISSUE_STATUS, 1, "local:head-1") in kinds  # the head is told privately
    issue = await app.store.issues.get(1)
    assert issue is not None and issue.status == "acknowledged"
    assert await app.store.issues.get(2) is None
    assert "local:resident-9" in {u for u, _ in await app.store.issues.followers(1)}


async def test_long_after_the_fix_it_is_a_new_issue(app: Linli) -> None:
    await app.handle(say("3单元楼道灯坏了"))
    await app.handle(say("/resolve 1 已换灯泡", **HEAD, minutes=60))
    outs = await app.handle(say("3单元楼道灯坏了", minutes=60 + 5 * 24 * 60))
    assert [(o.kind, o.issue) for o in outs] == [(Kind.ISSUE_CREATED, 2)]


async def test_another_place_is_a_new_issue(app: Linli) -> None:
    await app.handle(say("3单元楼道灯坏了"))
    await app.handle(say("/resolve 1 已换灯泡", **HEAD, minutes=60))
    outs = await app.handle(say("5单元楼道灯坏了", minutes=120))
    assert [(o.kind, o.issue) for o in outs] == [(Kind.ISSUE_CREATED, 2)]
