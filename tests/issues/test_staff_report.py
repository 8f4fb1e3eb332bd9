"""Staff may /report privately for a building they serve, and must name it when they serve several."""

from __future__ import annotations

from bot.app import Linli
from bot.model import Kind
from tests.conftest import say


async def test_grid_worker_names_the_building(app: Linli) -> None:
    grid = {"chat": "local:grid-1", "sender": "local:grid-1", "name": "王网格员"}
    outs = await app.handle(say("/report 3单元门口垃圾没人清", **grid))
    assert [o.kind for o in outs] == [Kind.ERROR] and "1号楼、2号楼" in outs[0].text
    outs = await app.handle(say("/report 2号楼 3单元门口垃圾没人清", **grid, minutes=1))
    assert Kind.ISSUE_CREATED in [o.kind for o in outs]
    issue = await app.store.issues.get(1)
    assert issue is not None and issue.building == "2号楼" and issue.chat == "local:building-2"
    assert issue.text == "3单元门口垃圾没人清"


async def test_head_reports_for_their_only_building(app: Linli) -> None:
    head = {"chat": "local:head-2", "sender": "local:head-2", "name": "李师傅"}
    await app.handle(say("/report 5单元楼道灯坏了", **head))
    issue = await app.store.issues.get(1)
    assert issue is not None and issue.building == "2号楼"
