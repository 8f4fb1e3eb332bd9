"""Check-ins (平安打卡) beyond the golden transcripts: privacy (/forget, nothing kept after a
no), the consent question lapsing, pauses, and the config section."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from bot.app import Linli
from bot.commands import BadArguments
from bot.config import ConfigError, load_config
from bot.model import Kind
from handlers.checkin_schedule import TIMERS, next_daily
from handlers.checkins import parse_pause
from tests.conftest import EXAMPLE_CONFIG, T0, say

HEAD = "local:head-1"
ELDER = "local:elder-1"
FAMILY = "local:family-1"


def head(text: str, minutes: float = 0):  # type: ignore[no-untyped-def]
    return say(text, chat=HEAD, sender=HEAD, name="张阿姨", minutes=minutes)


def elder(text: str, minutes: float = 0, who: str = ELDER):  # type: ignore[no-untyped-def]
    return say(text, chat=who, sender=who, name="王奶奶", minutes=minutes)


async def pending_timers(app: Linli) -> list[str]:
    async with app.store.db.conn.execute(
        "SELECT kind FROM timers WHERE done = 0 AND kind LIKE 'checkin_%'"
    ) as cur:
        return [r[0] for r in await cur.fetchall()]


async def rows(app: Linli) -> list[tuple[object, ...]]:
    async with app.store.db.conn.execute("SELECT person, family FROM checkins") as cur:
        return [tuple(r) for r in await cur.fetchall()]


async def test_forget_removes_the_enrolment_and_its_timers(app: Linli) -> None:
    await app.handle(head(f"/checkin add {ELDER} 王奶奶 家属 {FAMILY}"))
    await app.handle(elder("好", 1))
    assert await rows(app) == [(ELDER, FAMILY)]
    assert await pending_timers(app) == ["checkin_daily"]
    outs = await app.handle(elder("/forget", 2))
    assert outs and outs[0].kind is Kind.COMMAND_REPLY
    assert await rows(app) == []
    assert await pending_timers(app) == []
    # Nothing is asked the next morning.
    assert [o for o in await app.tick(T0 + timedelta(days=1)) if o.chat == ELDER] == []


async def test_forget_by_the_family_contact_drops_them_only(app: Linli) -> None:
    await app.handle(head(f"/checkin add {ELDER} 王奶奶 家属 {FAMILY}"))
    await app.handle(elder("好", 1))
    await app.handle(elder("/forget", 2, who=FAMILY))
    assert await rows(app) == [(ELDER, None)]


async def test_a_no_keeps_nothing_and_a_silence_lapses(app: Linli) -> None:
    await app.handle(head(f"/checkin add {ELDER} 王奶奶"))
    await app.handle(elder("不用", 1))
    assert await rows(app) == [] and await pending_timers(app) == []
    # Asked again, never answered: after consent_valid (7 days) the head is told.
    await app.handle(head(f"/checkin add {ELDER} 王奶奶", 2))
    outs = await app.tick(T0 + timedelta(days=7, minutes=3))
    assert [(o.chat, o.kind) for o in outs] == [(HEAD, Kind.COMMAND_REPLY)]
    assert "没有开通" in outs[0].text
    assert await rows(app) == []
    # A late 好 enrols nobody.
    outs = await app.handle(elder("好", 60 * 24 * 8))
    assert await rows(app) == []


async def test_nothing_before_consent_and_other_buildings_cannot_touch_it(app: Linli) -> None:
    await app.handle(head(f"/checkin add {ELDER} 王奶奶"))
    assert [o for o in await app.tick(T0 + timedelta(days=2)) if o.chat == ELDER] == []
    outs = await app.handle(
        say(f"/checkin remove {ELDER}", chat="local:head-2", sender="local:head-2", minutes=1)
    )
    assert [o.kind for o in outs] == [Kind.ERROR]
    assert len(await rows(app)) == 1


async def test_a_reply_with_nothing_open_is_left_to_the_others(app: Linli) -> None:
    await app.handle(head(f"/checkin add {ELDER} 王奶奶"))
    await app.handle(elder("好", 1))
    outs = await app.handle(elder("你好", 2))
    assert [o.kind for o in outs] == [Kind.COMMAND_REPLY]
    assert "收到，祝您" not in outs[0].text  # not taken as today's answer: none was asked


@pytest.mark.parametrize(
    ("text", "days"),
    [("3天", 3), ("3d", 3), ("两周", 14), ("十天", 10), ("1周", 7), ("３天", 3)],
)
def test_pause_lengths(text: str, days: int) -> None:
    assert parse_pause(text) == timedelta(days=days)


@pytest.mark.parametrize("text", ["明天", "0天", "100天", "3", "三年"])
def test_bad_pause_lengths(text: str) -> None:
    with pytest.raises(BadArguments):
        parse_pause(text)


def test_next_daily_is_strictly_after() -> None:
    config = load_config(EXAMPLE_CONFIG)
    assert next_daily(config, "09:00", T0) == T0 + timedelta(days=1)
    assert next_daily(config, "09:01", T0) == T0 + timedelta(minutes=1)


def test_timer_kinds_are_distinct() -> None:
    assert len(set(TIMERS)) == len(TIMERS)


def test_config_section_is_validated(tmp_path: Path) -> None:
    base = EXAMPLE_CONFIG.read_text(encoding="utf-8")
    bad = base.replace('window = "2h"', 'window = "two hours"').replace(
        'listen = "127.0.0.1:8787"', 'listen = "nowhere"'
    )
    bad = bad.replace('escalate_after = "1h"', 'escalate_after = "1h"\nextra = 1')
    path = tmp_path / "bad.toml"
    path.write_text(bad, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_config(path)
    text = str(err.value)
    assert "checkin.window" in text and "hooks.listen" in text and "checkin.extra" in text
    good = load_config(EXAMPLE_CONFIG)
    assert good.checkin.window == timedelta(hours=2)
    assert good.checkin.escalate_after == timedelta(hours=1)
    assert good.hooks.enabled is False and good.hooks.listen_address() == ("127.0.0.1", 8787)
