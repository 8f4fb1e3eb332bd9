from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from bot.app import Linli
from bot.config import Config
from bot.config.events import parse_schedule
from bot.model import Kind
from handlers import event_schedule
from handlers.event_schedule import SERIES_TIMER
from tests.conftest import SHANGHAI, say

# The demo's quarterly neighbour festival: 13 June 2026 15:00, announced 7 days before.
ANNOUNCE = datetime(2026, 6, 6, 15, 0, tzinfo=SHANGHAI)


async def open_at(config: Config, db: Path, now: datetime) -> Linli:
    bot = await Linli.open(config, database=db)
    await bot.start(now)
    return bot


async def test_restarts_neither_repeat_nor_lose_the_announcement(
    config: Config, tmp_path: Path
) -> None:
    db = tmp_path / "e.db"
    seen = []
    for now in (ANNOUNCE - timedelta(days=1), ANNOUNCE - timedelta(minutes=1), ANNOUNCE):
        bot = await open_at(config, db, now)
        seen += await bot.tick(now)
        seen += await bot.tick(now + timedelta(minutes=5))
        await bot.close()
    assert [(o.kind, o.event, o.chat) for o in seen] == [
        (Kind.EVENT_ANNOUNCEMENT, 1, "local:building-1"),
        (Kind.EVENT_ANNOUNCEMENT, 1, "local:building-2"),
    ]
    bot = await open_at(config, db, ANNOUNCE)
    assert len(await bot.store.timers.pending_for(SERIES_TIMER, 1)) == 1  # the next quarter
    await bot.close()


async def test_announcement_missed_beyond_grace_is_skipped_not_sent_late(
    config: Config, tmp_path: Path
) -> None:
    db = tmp_path / "e.db"
    bot = await open_at(config, db, ANNOUNCE - timedelta(days=1))
    await bot.close()
    bot = await open_at(config, db, ANNOUNCE + timedelta(hours=2))  # down across it
    assert await bot.tick(ANNOUNCE + timedelta(hours=2)) == []
    assert await bot.store.events.get(1) is None
    await bot.close()


async def test_announcement_missed_within_grace_is_sent_late(
    config: Config, tmp_path: Path
) -> None:
    db = tmp_path / "e.db"
    bot = await open_at(config, db, ANNOUNCE - timedelta(days=1))
    await bot.close()
    late = ANNOUNCE + timedelta(minutes=40)
    bot = await open_at(config, db, late)
    outs = await bot.tick(late)
    assert {(o.kind, o.event) for o in outs} == {(Kind.EVENT_ANNOUNCEMENT, 1)}
    await bot.close()


async def test_changed_schedule_is_replanned_on_start(config: Config, tmp_path: Path) -> None:
    db = tmp_path / "e.db"
    bot = await open_at(config, db, ANNOUNCE - timedelta(days=30))
    await bot.close()
    rec = replace(config.events.recurring[0], schedule=parse_schedule("monthly 1st sunday 10:00"))
    changed = replace(config, events=replace(config.events, recurring=(rec,)))
    now = datetime(2026, 5, 20, 9, 0, tzinfo=SHANGHAI)
    bot = await open_at(changed, db, now)
    assert await bot.tick(now) == []
    outs = await bot.tick(datetime(2026, 5, 31, 10, 0, tzinfo=SHANGHAI))  # 7 days before 7 June
    assert {o.kind for o in outs} == {Kind.EVENT_ANNOUNCEMENT} and "6月7日" in outs[0].text
    assert await bot.tick(ANNOUNCE) == []  # the old quarterly plan does not fire
    await bot.close()


async def test_waiting_list_moves_up_and_the_promoted_person_is_told(app: Linli) -> None:
    outs = await app.handle(
        say("/event add 2026-06-20 15:00 包粽子 @活动室 limit 1", sender="local:head-1")
    )
    assert [(o.kind, o.event) for o in outs] == [(Kind.EVENT_ANNOUNCEMENT, 1)]
    await app.handle(say("报名 1", sender="local:r1", name="甲"))
    outs = await app.handle(say("报名 1", sender="local:r2", name="乙"))
    assert "候补第 1 位" in outs[0].text
    outs = await app.handle(say("取消报名 1", sender="local:r1", name="甲"))
    notice = [o for o in outs if o.chat == "local:r2"]
    assert len(notice) == 1 and notice[0].event == 1
    assert notice[0].fallback_chat == "local:building-1"


async def test_heads_target_their_own_building_and_staff_may_target_all(app: Linli) -> None:
    outs = await app.handle(
        say("/event add 2026-06-20 15:00 议事会 to 2号楼", sender="local:head-1")
    )
    assert outs[0].kind is Kind.ERROR
    outs = await app.handle(
        say("/event add 2026-06-20 15:00 义诊 to all", chat="local:office", sender="local:admin")
    )
    assert sorted(o.chat for o in outs if o.kind is Kind.EVENT_ANNOUNCEMENT) == [
        "local:building-1",
        "local:building-2",
    ]
    outs = await app.handle(say("/event cancel 1", sender="local:head-1"))
    assert outs[0].kind is Kind.ERROR  # a head cannot cancel a community-wide event


async def test_cancelled_event_sends_no_reminders(app: Linli) -> None:
    await app.handle(say("/event add 2026-05-03 15:00 包粽子", sender="local:head-1"))
    await app.handle(say("/event cancel 1", sender="local:head-1", minutes=1))
    assert await app.tick(datetime(2026, 5, 3, 14, 0, tzinfo=SHANGHAI)) == []


async def test_reminders_in_parts_reach_every_chat_once(
    config: Config, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A community-wide reminder goes out in parts of REMINDER_PART chats (issue 18)."""
    monkeypatch.setattr(event_schedule, "REMINDER_PART", 1)
    bot = await open_at(config, tmp_path / "e.db", ANNOUNCE)
    seen = await bot.tick(ANNOUNCE)
    seen += await bot.tick(ANNOUNCE.replace(day=12, hour=15, minute=1))  # a day before
    await bot.close()
    reminders = [(o.event, o.chat) for o in seen if o.kind is Kind.EVENT_REMINDER]
    assert reminders == [(1, "local:building-1"), (1, "local:building-2")]
