"""Issue lifecycle at the send seam: given these messages and ticks, the bot sends this."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from bot.app import Linli
from bot.config import Config
from bot.model import Kind
from storage.issues import IssueStatus
from tests.conftest import T0, say

HEAD1 = {"sender": "local:head-1", "name": "张阿姨"}
HEAD2 = {"sender": "local:head-2", "name": "李师傅"}


async def sent_since(app: Linli, count: int) -> list[tuple[str, str, int | None]]:
    """Every queued message (chat, kind, issue), oldest first, skipping the first ``count``."""
    rows = await app.store.outbox.due(None, T0 + timedelta(days=365), limit=1000)
    return [(q.message.chat, str(q.message.kind), q.message.issue) for q in rows][count:]


async def test_restart_after_deadline_sends_the_reminder_exactly_once(
    config: Config, tmp_path: Path
) -> None:
    db = tmp_path / "durable.db"
    app = await Linli.open(config, database=db)
    await app.start(T0)
    await app.handle(say("3单元楼道灯坏了"))
    await app.tick(T0 + timedelta(minutes=10))
    await app.close()  # the bot stops before the 30-minute deadline

    later = T0 + timedelta(minutes=50)
    app = await Linli.open(config, database=db)
    try:
        await app.start(later)
        first = await app.tick(later)
        again = await app.tick(later)
        await app.close()
        app = await Linli.open(config, database=db)
        await app.start(later)
        after_restart = await app.tick(later + timedelta(minutes=1))
    finally:
        await app.close()
    assert [(o.kind, o.chat, o.issue) for o in first] == [(Kind.ACK_REMINDER, "local:head-1", 1)]
    assert first[0].fallback_chat == "local:building-1"
    assert again == [] and after_restart == []


async def test_head_of_other_building_changes_nothing(app: Linli) -> None:
    await app.handle(say("3单元楼道灯坏了"))
    for text in ("/ack 1", "/resolve 1", "/reject 1 不归我管", "/wait 1 等等"):
        outs = await app.handle(say(text, chat="local:head-2", **HEAD2, minutes=1))
        assert [o.kind for o in outs] == [Kind.ERROR]
    issue = await app.store.issues.get(1)
    assert issue is not None and issue.status is IssueStatus.NEW
    reminder = await app.tick(T0 + timedelta(minutes=40))  # 30 + the batch window
    assert [o.kind for o in reminder] == [Kind.ACK_REMINDER]


async def test_ack_stops_reminders_and_escalation(app: Linli) -> None:
    await app.handle(say("3单元楼道灯坏了"))
    await app.handle(say("受理 1", **HEAD1, minutes=5))
    assert await app.tick(T0 + timedelta(hours=5)) == []


async def test_ack_alias_needs_a_number(app: Linli) -> None:
    await app.handle(say("3单元楼道灯坏了"))
    assert await app.handle(say("收到", **HEAD1, minutes=1)) == []
    issue = await app.store.issues.get(1)
    assert issue is not None and issue.status is IssueStatus.NEW


async def test_reject_needs_a_reason_and_tells_the_reporter(app: Linli) -> None:
    await app.handle(say("3单元楼道灯坏了"))
    outs = await app.handle(say("/reject 1", **HEAD1, minutes=1))
    assert [o.kind for o in outs] == [Kind.ERROR]
    outs = await app.handle(say("驳回 1 属于市政路灯，已转12345", **HEAD1, minutes=2))
    assert [(o.kind, o.mentions[0].user) for o in outs] == [(Kind.ISSUE_STATUS, "local:resident-1")]
    assert "市政路灯" in outs[0].text


async def test_manual_escalation_goes_up_one_step(app: Linli) -> None:
    await app.handle(say("3单元楼道灯坏了"))
    outs = await app.handle(say("上报 1", **HEAD1, minutes=1))
    assert [(o.kind, o.chat) for o in outs] == [
        (Kind.ESCALATION, "local:grid-1"),
        (Kind.ISSUE_STATUS, "local:building-1"),
    ]
    outs = await app.handle(say("/escalate 1", sender="local:grid-1", name="王网格员", minutes=2))
    assert outs[0].kind is Kind.ESCALATION and outs[0].chat == "local:office"


async def test_private_report_files_in_the_residents_building(app: Linli) -> None:
    await app.handle(say("大家好"))  # the resident becomes known in 1号楼
    outs = await app.handle(
        say("/report 6单元门口的垃圾三天没人收", chat="local:resident-1", minutes=1)
    )
    assert [(o.kind, o.chat, o.issue) for o in outs] == [
        (Kind.ISSUE_CREATED, "local:resident-1", 1)
    ]
    issue = await app.store.issues.get(1)
    assert issue is not None and issue.chat == "local:building-1"


async def test_digest_is_scheduled_once_across_restarts(config: Config, tmp_path: Path) -> None:
    db = tmp_path / "digest.db"
    for _ in range(3):
        app = await Linli.open(config, database=db)
        await app.start(T0)
        await app.close()
    app = await Linli.open(config, database=db)
    try:
        await app.start(T0)
        assert len(await app.store.timers.pending_for("issue_digest", 0)) == 1
        assert await app.tick(T0 + timedelta(days=1)) == []  # nothing open: no digest
        await app.handle(say("3单元楼道灯坏了", at=T0 + timedelta(days=1)))
        await app.handle(say("收到 1", **HEAD1, at=T0 + timedelta(days=1), minutes=1))
        outs = await app.tick(T0 + timedelta(days=2))
    finally:
        await app.close()
    assert [(o.kind, o.chat) for o in outs] == [(Kind.DIGEST, "local:head-1")]
