"""Acknowledgement reminders are one timer per issue and recipient that sends itself (issue
18: a reminder used to fire two timers, the issue's reminder and then the recipient's
notice, in about 17 statements). Rows written before that (no recipient in the payload)
keep working after the upgrade."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from bot.app import Linli
from bot.config import Config, load_config
from bot.model import Kind
from storage.issues import NewIssue
from tests.conftest import EXAMPLE_CONFIG, T0, say

HEAD1 = {"sender": "local:head-1", "name": "张阿姨"}


async def _done_timers(app: Linli) -> int:
    async with app.store.db.conn.execute("SELECT count(*) FROM timers WHERE done = 1") as cur:
        row = await cur.fetchone()
    return int(row[0])


async def test_a_reminder_fires_one_timer_in_a_few_statements(
    config: Config, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sqlite_statements: list[str]
) -> None:
    statements = sqlite_statements
    app = await Linli.open(config, database=tmp_path / "r.db")
    try:
        await app.start(T0)
        await app.handle(say("3单元楼道灯坏了"))
        await app.tick(T0 + timedelta(minutes=10))  # nothing due: the earliest is learnt
        fired_before = await _done_timers(app)
        statements.clear()
        outs = await app.tick(T0 + timedelta(minutes=30))
        during = len(statements)
        fired = await _done_timers(app) - fired_before
    finally:
        await app.close()
    assert [(o.kind, o.chat, o.issue) for o in outs] == [(Kind.ACK_REMINDER, "local:head-1", 1)]
    assert fired == 1, f"{fired} timers fired for one reminder"
    # Claim, the issue, the next reminder, the recipient's pending rows, the last reminder
    # sent (read and written), the message; the page of due timers, the transaction and the
    # next due time. Before: 20, in two timers.
    assert during <= 11, "\n".join(statements)


def _two_heads(tmp_path: Path) -> Config:
    text = Path(EXAMPLE_CONFIG).read_text(encoding="utf-8")
    extra = (
        '\n[[people]]\nid = "local:head-1b"\nname = "刘叔"\nrole = "head"\nbuildings = ["1号楼"]\n'
    )
    path = tmp_path / "two-heads.toml"
    path.write_text(text + extra, encoding="utf-8")
    return load_config(path)


async def test_each_head_is_reminded_and_one_ack_stops_both(
    tmp_path: Path, backend: str, database: str | Path
) -> None:
    app = await Linli.open(_two_heads(tmp_path), database=database)
    try:
        await app.start(T0)
        await app.handle(say("3单元楼道灯坏了"))
        outs = await app.tick(T0 + timedelta(minutes=30))
        assert [(o.kind, o.chat) for o in outs] == [
            (Kind.ACK_REMINDER, "local:head-1"),
            (Kind.ACK_REMINDER, "local:head-1b"),
        ]
        outs = await app.tick(T0 + timedelta(minutes=60))
        assert sorted(o.chat for o in outs) == ["local:head-1", "local:head-1b"]
        await app.handle(say("收到 1", chat="local:head-1", **HEAD1, minutes=61))
        assert await app.tick(T0 + timedelta(hours=5)) == []
        assert await app.store.timers.pending_for("issue_ack_reminder", 1) == []
    finally:
        await app.close()


async def _make_legacy(app: Linli) -> None:
    """Rewrite issue 1's pending reminders as the code before per-recipient reminders wrote
    them: one row for the issue, empty payload."""
    async with app.store.transaction() as conn:
        rows = await app.store.timers.pending_for("issue_ack_reminder", 1)
        assert rows and all(r.payload.get("to") for r in rows)
        await conn.execute(
            "UPDATE timers SET done = 1 WHERE kind = 'issue_ack_reminder' AND ref = 1 AND done = 0"
        )
        await conn.execute(
            "INSERT INTO timers (kind, ref, due_at, payload) VALUES ('issue_ack_reminder', 1, ?,"
            " '{}')",
            (rows[0].due_at.timestamp(),),
        )


async def test_a_reminder_written_before_the_upgrade_fires_once_and_repeats(
    config: Config, database: str | Path
) -> None:
    app = await Linli.open(config, database=database)
    await app.start(T0)
    await app.handle(say("3单元楼道灯坏了"))
    await app.handle(say("6单元门口垃圾三天没人收了", sender="local:resident-2", minutes=1))
    await _make_legacy(app)
    await app.close()
    app = await Linli.open(config, database=database)  # the upgraded bot on that database
    try:
        await app.start(T0 + timedelta(minutes=20))
        first = await app.tick(T0 + timedelta(minutes=31))
        again = await app.tick(T0 + timedelta(minutes=31))
        assert [(o.kind, o.chat, o.issue, o.issues) for o in first] == [
            (Kind.ACK_REMINDER, "local:head-1", 1, (1, 2))
        ]
        assert "第 1 号问题" in first[0].text and "已等待 30 分钟" in first[0].text
        assert again == []
        (following,) = await app.store.timers.pending_for("issue_ack_reminder", 1)
        assert following.payload == {"to": "local:head-1"}
        assert following.due_at == T0 + timedelta(minutes=60)
        later = await app.tick(T0 + timedelta(minutes=61))
        assert [(o.kind, o.issues) for o in later] == [(Kind.ACK_REMINDER, (1, 2))]
    finally:
        await app.close()


async def test_a_notice_written_before_the_upgrade_still_goes_out(
    config: Config, database: str | Path
) -> None:
    app = await Linli.open(config, database=database)
    await app.start(T0)
    await app.handle(say("3单元楼道灯坏了"))
    async with app.store.transaction() as conn:
        await conn.execute(
            "UPDATE timers SET done = 1 WHERE kind = 'issue_ack_reminder' AND done = 0"
        )
        payload = {"to": "local:head-1", "what": "remind", "since": T0.timestamp() + 1800}
        await app.store.timers.add("issue_notice", 1, T0 + timedelta(minutes=30), payload)
    await app.close()
    app = await Linli.open(config, database=database)
    try:
        await app.start(T0 + timedelta(minutes=20))
        outs = await app.tick(T0 + timedelta(minutes=30))
        assert [(o.kind, o.chat, o.issue) for o in outs] == [(Kind.ACK_REMINDER, "local:head-1", 1)]
        assert await app.tick(T0 + timedelta(minutes=31)) == []
    finally:
        await app.close()


async def test_a_late_reminder_in_quiet_hours_waits_for_the_morning(app: Linli) -> None:
    """The bot was down past the reminder's time and comes back at night: the reminder
    moves to the end of quiet hours (07:00 local), once."""
    await app.handle(say("3单元楼道灯坏了"))
    night = T0.replace(hour=23) if T0.hour < 23 else T0 + timedelta(hours=1)
    night_local = night.astimezone(app.config.timezone)
    assert app.config.issues.quiet_hours is not None
    assert app.config.issues.quiet_hours.contains(night_local.time()), night_local
    assert await app.tick(night) == []
    (moved,) = await app.store.timers.pending_for("issue_ack_reminder", 1)
    assert moved.due_at.astimezone(app.config.timezone).hour == 7
    morning = await app.tick(moved.due_at)
    assert [(o.kind, o.chat) for o in morning if o.kind is Kind.ACK_REMINDER] == [
        (Kind.ACK_REMINDER, "local:head-1")
    ]


async def test_a_long_batch_goes_in_messages_of_at_most_thirty_issues(app: Linli) -> None:
    """A night of reports escalated at once: the grid worker gets every issue once, in
    messages of at most 30 (one message of 70 held the loop and passed Telegram's limit)."""
    async with app.store.transaction():
        for k in range(70):
            new = NewIssue(
                building="1号楼",
                chat="local:building-1",
                reporter=f"local:r{k}",
                reporter_name="邻居",
                text=f"{k + 1}号车位的灯坏了",
                category="lighting",
                urgent=False,
                location=None,
                keywords=(),
            )
            issue = await app.store.issues.create(new, T0)
            await app.store.timers.add("issue_escalate_grid", issue.number, T0 + timedelta(hours=2))
    outs = await app.tick(T0 + timedelta(hours=2, minutes=1))
    to_grid = [o for o in outs if o.chat == "local:grid-1"]
    assert [len(o.issues) for o in to_grid] == [30, 30, 10]
    assert sorted(n for o in to_grid for n in o.issues) == list(range(1, 71))
    assert all(o.kind is Kind.ESCALATION for o in to_grid)


async def test_a_new_head_in_the_config_takes_over_the_reminders(
    config: Config, tmp_path: Path, database: str | Path
) -> None:
    """A reminder row names its recipient; when the config names another head for the
    building before it fires, the new head is reminded (once), not the old one."""
    app = await Linli.open(config, database=database)
    await app.start(T0)
    await app.handle(say("3单元楼道灯坏了"))
    await app.close()
    text = Path(EXAMPLE_CONFIG).read_text(encoding="utf-8")
    assert text.count('id = "local:head-1"') == 1
    changed = tmp_path / "new-head.toml"
    changed.write_text(text.replace('id = "local:head-1"', 'id = "local:head-9"'), "utf-8")
    app = await Linli.open(load_config(changed), database=database)
    try:
        await app.start(T0 + timedelta(minutes=20))
        outs = await app.tick(T0 + timedelta(minutes=30))
        assert [(o.kind, o.chat) for o in outs] == [(Kind.ACK_REMINDER, "local:head-9")]
        outs = await app.tick(T0 + timedelta(minutes=60))
        assert [(o.kind, o.chat) for o in outs] == [(Kind.ACK_REMINDER, "local:head-9")]
    finally:
        await app.close()
