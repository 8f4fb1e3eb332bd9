"""An issue read back is made once per distinct row (storage/issues.py ``_issue``): an
unchanged row gives the same object, any change to the row a new one with the change."""

from __future__ import annotations

from datetime import timedelta

from bot.app import Linli
from storage.issues import IssueStatus, NewIssue
from tests.conftest import T0


async def test_an_issue_read_again_is_shared_until_its_row_changes(app: Linli) -> None:
    issues = app.store.issues
    async with app.store.transaction():
        made = await issues.create(
            NewIssue(
                "b1",
                "local:building-1",
                "local:r1",
                "小王",
                "灯坏了",
                "lighting",
                False,
                None,
                ("灯",),
            ),
            T0,
        )
    first = await issues.get(made.number)
    assert first == made
    assert await issues.get(made.number) is first
    async with app.store.transaction():
        await issues.update(made.number, T0 + timedelta(minutes=5), status=IssueStatus.ACKNOWLEDGED)
    changed = await issues.get(made.number)
    assert changed is not None and changed is not first
    assert changed.status is IssueStatus.ACKNOWLEDGED
    assert changed.updated_at == T0 + timedelta(minutes=5)
    assert first.status is IssueStatus.NEW  # what was read before is not changed
