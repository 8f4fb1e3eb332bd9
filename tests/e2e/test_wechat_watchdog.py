"""End to end: the heartbeat watchdog, with the real python-wechaty client and a fake gateway.

The gateway sends heartbeats every 50 ms and the watchdog allows half a second of silence
(``[wechat] watchdog`` is minutes in production; the tests shorten it through the config
object). A gateway that hangs, keeping the event stream open but sending nothing, must be
dropped and reconnected without losing or doubling a message; one that keeps beating must be
left alone.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta
from pathlib import Path

import pytest
from test_wechat import CONFIG, RESIDENT, ROOM, open_world, outbox_kinds, wait_until

from bot.config import ConfigError, load_config
from bot.model import Kind

WATCHDOG = timedelta(seconds=0.5)
HEARTBEAT = 0.05
SILENCE_WARNING = "not even a heartbeat"


async def _true(value: bool) -> bool:
    return value


async def test_a_silent_gateway_is_dropped_and_the_adapter_reconnects(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="bot.adapters.wechat")
    async with open_world(tmp_path, watchdog=WATCHDOG) as world:
        world.fake.start_heartbeats(HEARTBEAT)
        world.fake.say("3单元楼道灯坏了好几天了", talker=RESIDENT, room=ROOM)
        await world.handled(1)
        world.fake.hang()  # the stream stays open, but nothing more comes
        # Said while the gateway hangs: it reaches the bot on the next connection.
        world.fake.say("5单元电梯停了，只能爬楼", talker=RESIDENT, room=ROOM)
        await wait_until(lambda: _true(world.fake.event_streams >= 2))
        await asyncio.wait_for(world.adapter.logged_in.wait(), 5)
        world.fake.say("6单元门口的垃圾没人收", talker=RESIDENT, room=ROOM)  # a new message
        await world.handled(3)

        assert caplog.text.count(SILENCE_WARNING) == 1
        assert "wechat connection lost" in caplog.text
        assert world.fake.event_streams_ended >= 1  # the client closed the hung stream
        assert world.adapter.connections == 2  # and the new one, beating, is kept
        async with world.app.store.db.conn.execute("SELECT text FROM inbox ORDER BY id") as cur:
            texts = [r["text"] for r in await cur.fetchall()]
        assert texts == [
            "3单元楼道灯坏了好几天了",
            "5单元电梯停了，只能爬楼",
            "6单元门口的垃圾没人收",
        ]
        kinds = [k for _, k in await outbox_kinds(world.app)]
        assert kinds == [str(Kind.ISSUE_CREATED)] * 3
        sent = await world.deliver(3)
        assert [s.text.split("第 ")[1].split(" 号")[0] for s in sent] == ["1", "2", "3"]
        assert all(s.mention_ids == (RESIDENT,) for s in sent)


async def test_a_gateway_that_keeps_sending_heartbeats_is_not_dropped(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="bot.adapters.wechat")
    async with open_world(tmp_path, watchdog=WATCHDOG) as world:
        world.fake.start_heartbeats(HEARTBEAT)
        # Three watchdog periods with nothing but heartbeats.
        await asyncio.sleep(3 * WATCHDOG.total_seconds())
        assert world.fake.heartbeats >= 10
        assert world.adapter.connections == 1
        assert world.fake.event_streams == 1 and world.fake.event_streams_ended == 0
        assert SILENCE_WARNING not in caplog.text
        world.fake.say("3单元楼道灯坏了好几天了", talker=RESIDENT, room=ROOM)
        await world.handled(1)
        [sent] = await world.deliver(1)
        assert sent.conversation_id == ROOM
        # The same watchdog does notice when the heartbeats stop.
        world.fake.stop_heartbeats()
        await wait_until(lambda: _true(world.adapter.connections >= 2))
        assert SILENCE_WARNING in caplog.text


def _config(tmp_path: Path, line: str) -> Path:
    path = tmp_path / "linli.toml"
    path.write_text(CONFIG + line + "\n", encoding="utf-8")
    return path


def test_the_watchdog_setting_is_read_and_checked(tmp_path: Path) -> None:
    assert load_config(_config(tmp_path, "")).wechat.watchdog == timedelta(minutes=3)
    assert load_config(_config(tmp_path, 'watchdog = "5m"')).wechat.watchdog == timedelta(minutes=5)
    assert not load_config(_config(tmp_path, 'watchdog = "0s"')).wechat.watchdog  # off
    for bad, complaint in (('"30s"', "at least"), ('"soon"', "duration"), ("3", "duration")):
        with pytest.raises(ConfigError) as info:
            load_config(_config(tmp_path, f"watchdog = {bad}"))
        assert any("wechat.watchdog" in p and complaint in p for p in info.value.problems), (
            info.value.problems
        )
