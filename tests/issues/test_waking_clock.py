"""Escalation after quiet hours is measured in waking time, not dumped at 07:00."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.app import Linli
from bot.config import Config
from bot.model import Kind
from handlers.issue_flow import waking_add
from tests.conftest import SHANGHAI, say

NIGHT = datetime(2026, 5, 1, 23, 30, tzinfo=SHANGHAI)


def test_waking_add_skips_quiet_hours(config: Config) -> None:
    assert waking_add(config, NIGHT, timedelta(hours=2), False) == datetime(
        2026, 5, 2, 9, 0, tzinfo=SHANGHAI
    )
    evening = datetime(2026, 5, 1, 21, 0, tzinfo=SHANGHAI)
    assert waking_add(config, evening, timedelta(hours=2), False) == datetime(
        2026, 5, 2, 8, 0, tzinfo=SHANGHAI
    )
    assert waking_add(config, NIGHT, timedelta(minutes=15), True) == NIGHT + timedelta(minutes=15)
    assert waking_add(config, evening, timedelta(minutes=30), False) == evening + timedelta(
        minutes=30
    )


def test_an_answer_kept_is_the_one_computed_afresh_in_the_same_time_zone(
    config: Config,
) -> None:
    # The same instant in another zone is another question (the answer may be the start
    # itself, in its zone); asked again, the kept answer is equal and in the same zone.
    noon = datetime(2026, 5, 1, 12, 0, tzinfo=SHANGHAI)
    for start in (noon, noon.astimezone(UTC), noon, noon.astimezone(UTC)):
        got = waking_add(config, start, timedelta(hours=1), False)
        assert got == start + timedelta(hours=1)
        assert got.tzinfo is start.tzinfo
    for start in (NIGHT, NIGHT.astimezone(UTC)):
        assert waking_add(config, start, timedelta(hours=2), False) == datetime(
            2026, 5, 2, 9, 0, tzinfo=SHANGHAI
        )


async def test_night_report_escalates_in_waking_hours(app: Linli) -> None:
    await app.handle(say("3单元楼道灯坏了", at=NIGHT))
    sent: list[tuple[datetime, Kind, str]] = []
    at = NIGHT
    while at < datetime(2026, 5, 2, 12, 0, tzinfo=SHANGHAI):
        at += timedelta(minutes=10)
        sent += [(at, o.kind, o.chat) for o in await app.tick(at)]
    quiet_end = datetime(2026, 5, 2, 7, 0, tzinfo=SHANGHAI)
    assert all(t >= quiet_end for t, _, _ in sent)
    # Nothing else went to the same person in the batch window: each notice goes when due.
    reminders = [t for t, k, _ in sent if k is Kind.ACK_REMINDER]
    assert reminders[0] == quiet_end
    escalations = [(t, chat) for t, k, chat in sent if k is Kind.ESCALATION]
    assert escalations == [
        (datetime(2026, 5, 2, 9, 0, tzinfo=SHANGHAI), "local:grid-1"),
        (datetime(2026, 5, 2, 11, 0, tzinfo=SHANGHAI), "local:office"),
    ]
