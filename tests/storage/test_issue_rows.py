"""An issue read back is made once per distinct row (storage/issues.py ``_issue``): an
unchanged row gives the same object, any change to the row a new one with the change."""

from __future__ import annotations

from datetime import timedelta

import pytest

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


async def _new(app: Linli) -> int:
    async with app.store.transaction():
        made = await app.store.issues.create(
            NewIssue(
                "b1",
                "local:building-1",
                "local:r1",
                "小王",
                "灯坏了13812345678",
                "lighting",
                False,
                None,
                ("灯",),
            ),
            T0,
        )
    return made.number


@pytest.mark.sqlite_only
async def test_an_issue_read_again_costs_no_statement_until_it_is_written(app: Linli) -> None:
    issues = app.store.issues
    number = await _new(app)
    statements: list[str] = []
    app.store.db.conn._conn.set_trace_callback(statements.append)  # type: ignore[attr-defined]
    first = await issues.get(number)
    assert await issues.get(number) is first
    assert statements == []  # remembered since it was created
    async with app.store.transaction():
        await issues.update(number, T0 + timedelta(minutes=1), status=IssueStatus.ACKNOWLEDGED)
    app.store.db.conn._conn.set_trace_callback(None)  # type: ignore[attr-defined]
    after = await issues.get(number)
    assert after is not None and after.status is IssueStatus.ACKNOWLEDGED
    assert await issues.get(number + 1) is None


async def test_a_write_rolled_back_is_not_remembered(app: Linli) -> None:
    issues = app.store.issues
    number = await _new(app)
    with pytest.raises(RuntimeError):
        async with app.store.transaction():
            await issues.update(number, T0 + timedelta(minutes=1), status=IssueStatus.RESOLVED)
            seen = await issues.get(number)  # the write, as this transaction sees it
            assert seen is not None and seen.status is IssueStatus.RESOLVED
            raise RuntimeError("handler bug")
    again = await issues.get(number)
    assert again is not None and again.status is IssueStatus.NEW
    async with app.store.db.group():
        with pytest.raises(RuntimeError):
            async with app.store.transaction():
                await issues.update(number, T0, status=IssueStatus.CLOSED)
                assert (await issues.get(number)).status is IssueStatus.CLOSED  # type: ignore[union-attr]
                raise RuntimeError("handler bug")
        grouped = await issues.get(number)
        assert grouped is not None and grouped.status is IssueStatus.NEW


async def test_a_redacted_reporter_is_read_back_redacted(app: Linli) -> None:
    issues = app.store.issues
    number = await _new(app)
    assert "13812345678" in (await issues.get(number)).text  # type: ignore[union-attr]
    async with app.store.transaction():
        await issues.redact_reporter("local:r1", lambda text: text.replace("13812345678", "某"))
    redacted = await issues.get(number)
    assert redacted is not None and redacted.text == "灯坏了某"
