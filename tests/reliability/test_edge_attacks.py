"""The smaller holes of issue 14, item 9: a phone number as the location, malformed replay
lines, a tick years ahead, an event in the year 9999, a negative offer duration."""

from __future__ import annotations

import io
import json
import logging
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from bot.adapters.replay import ScriptError, replay
from bot.app import Linli
from bot.config import Config
from bot.model import Kind
from bot.understand import understand
from handlers.help_matching import MONTHLY_THANKS
from tests.conftest import EXAMPLE_CONFIG, T0, say


@pytest.mark.parametrize(
    "text",
    [
        "电梯坏了，电话138 1234 5678",
        "电梯坏了，电话138-1234-5678",
        "电话+86 138 1234 5678 电梯坏了",
        "电梯坏了，打0571-87654321",
        "电梯坏了，车牌京A12345，身份证110101199003071234",
    ],
)
def test_personal_numbers_never_become_the_location(config: Config, text: str) -> None:
    u = understand(text, config.taxonomy)
    assert u.location is None, u.location
    assert not any(k[:1].isdigit() for k in u.keywords)


def test_a_real_place_next_to_a_phone_number_is_kept(config: Config) -> None:
    assert understand("3单元502电梯坏了 电话13812345678", config.taxonomy).location == "3单元502"


OK_LINE = '{"at": "2026-05-01T09:00:00+08:00", "chat": "local:building-1", "from": "local:r"'
MALFORMED = {
    "deep nesting": "[" * 100_000 + "]" * 100_000,
    "deep object": '{"a":' * 100_000 + "1" + "}" * 100_000,
    "5000-digit id": OK_LINE + ', "text": "hi", "id": ' + "9" * 5000 + "}",
    "year 9999": OK_LINE.replace("2026", "9999") + ', "text": "hi"}',
    "year 1": OK_LINE.replace("2026", "0001") + ', "text": "hi"}',
    "not an object": '"just a string"',
    "a number": "12345",
    "null": "null",
    "name not a string": OK_LINE + ', "text": "hi", "name": {"x": 1}}',
    "tick not a bool": '{"at": "2026-05-01T09:00:00+08:00", "tick": "yes"}',
    "huge float": OK_LINE + ', "text": "hi", "id": 1e999999}',
}


@pytest.mark.parametrize("name", list(MALFORMED))
async def test_malformed_replay_lines_are_script_errors(config: Config, name: str) -> None:
    lines = [OK_LINE + ', "text": "大家好"}', MALFORMED[name]]
    with pytest.raises(ScriptError, match=r"^line 2: "):
        await replay(config, lines, io.StringIO())


def test_replay_cli_names_the_line_without_traceback(tmp_path: Path) -> None:
    script = tmp_path / "bad.jsonl"
    good = OK_LINE + ', "text": "大家好"}'
    script.write_text(good + "\n" + "[" * 100_000 + "\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "bot.cli", "replay", str(script), "--config", str(EXAMPLE_CONFIG)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode != 0
    assert "line 2" in done.stderr and "Traceback" not in done.stderr


async def test_tick_ten_years_ahead_skips_missed_occurrences(
    app: Linli, caplog: pytest.LogCaptureFixture
) -> None:
    await app.handle(say("3单元楼道灯坏了"))
    await app.handle(say("/offer 修电脑"))
    later = T0 + timedelta(days=3650)
    with caplog.at_level(logging.WARNING):
        await app.tick(later)
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    # A few summary lines, not one per missed month or quarter.
    assert len(caplog.records) <= 5, [r.getMessage() for r in caplog.records]
    # Each recurring timer waits for its next occurrence after now, exactly once.
    pending = await app.store.timers.pending_for(MONTHLY_THANKS, 0)
    assert len(pending) == 1 and pending[0].due_at > later
    assert await app.tick(later + timedelta(seconds=1)) == []


@pytest.mark.parametrize("when", ["9999-12-31 23:59", "2028-05-01 15:00", "2100年1月1日 15:00"])
async def test_events_more_than_a_year_ahead_are_refused(app: Linli, when: str) -> None:
    head = {"sender": "local:head-1", "name": "张阿姨"}
    outs = await app.handle(say(f"/event add {when} 茶话会", **head))
    assert [o.kind for o in outs] == [Kind.ERROR] and "一年" in outs[0].text
    assert await app.store.events.get(1) is None
    outs = await app.handle(say("/event add 2027-04-30 15:00 茶话会", **head, minutes=1))
    assert outs and all(o.kind is not Kind.ERROR for o in outs)


@pytest.mark.parametrize("bad", ["-5天", "0天", "−5天", "1.5月", "99999", "-3"])
async def test_a_mistyped_duration_is_no_skill(app: Linli, bad: str) -> None:
    outs = await app.handle(say(f"/offer 陪看病 {bad}"))
    assert [o.kind for o in outs] == [Kind.ERROR] and "有效期" in outs[0].text
    assert await app.store.help.offers_of("local:resident-1", T0) == []
    outs = await app.handle(say("/offer 陪看病 30天", minutes=1))
    offers = await app.store.help.offers_of("local:resident-1", T0)
    assert [o.skills for o in offers] == [("陪看病",)], json.dumps([o.skills for o in offers])
