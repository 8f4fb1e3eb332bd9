from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from bot.config import ConfigError, load_config
from bot.config.events import ScheduleError, parse_schedule
from tests.conftest import EXAMPLE_CONFIG, SHANGHAI

BASE = """
[[buildings]]
name = "1号楼"
chats = ["local:b1"]
"""
NOW = datetime(2026, 5, 1, 9, 0, tzinfo=SHANGHAI)


def problems(tmp_path: Path, extra: str) -> list[str]:
    path = tmp_path / "c.toml"
    path.write_text(BASE + extra, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(path)
    return info.value.problems


@pytest.mark.parametrize(
    ("rule", "first"),
    [
        ("quarterly second saturday 15:00", datetime(2026, 6, 13, 15, 0)),
        ("every month on the second Saturday at 15:00", datetime(2026, 5, 9, 15, 0)),
        ("monthly last sunday 10:00", datetime(2026, 5, 31, 10, 0)),
        ("yearly 9-15 10:00", datetime(2026, 9, 15, 10, 0)),
        ("every year on october 1st at 9:30", datetime(2026, 10, 1, 9, 30)),
        ("weekly sunday 09:00", datetime(2026, 5, 3, 9, 0)),
        ("0 15 * * 6", datetime(2026, 5, 2, 15, 0)),  # crontab: 6 = Saturday
    ],
)
def test_schedules_give_the_next_occurrence_from_any_now(rule: str, first: datetime) -> None:
    schedule = parse_schedule(rule)
    assert schedule.next_after(NOW, SHANGHAI) == first.replace(tzinfo=SHANGHAI)
    # Strictly after: asking at the occurrence itself gives the following one.
    assert schedule.next_after(first.replace(tzinfo=SHANGHAI), SHANGHAI) != first.replace(
        tzinfo=SHANGHAI
    )


@pytest.mark.parametrize(
    "rule", ["sometimes", "monthly 15:00", "quarterly sat 15:00", "yearly 2nd sat 10:00"]
)
def test_bad_schedules_are_rejected(rule: str) -> None:
    with pytest.raises(ScheduleError):
        parse_schedule(rule)


def test_check_config_names_the_key_path_of_each_events_problem(tmp_path: Path) -> None:
    found = problems(
        tmp_path,
        """
[events]
reminders = ["1d", "soon"]
grace = "later"

[[events.recurring]]
id = "fest"
title = "邻居节"
schedule = "every other tuesday 15:00"
buildings = ["9号楼"]

[[events.recurring]]
id = "fest"
title = "元宵"
schedule = "yearly 2-12 19:00"
limit = 0
colour = "red"
""",
    )
    text = "\n".join(found)
    assert "events.reminders[1]" in text
    assert "events.grace" in text
    assert "events.recurring[0].schedule" in text and "every other tuesday" in text
    assert "events.recurring[0].buildings[0]" in text
    assert "events.recurring[1].id: duplicate" in text
    assert "events.recurring[1].limit" in text
    assert "events.recurring[1].colour: unknown key" in text


def test_example_config_has_a_valid_recurring_event() -> None:
    cfg = load_config(EXAMPLE_CONFIG)
    assert [r.key for r in cfg.events.recurring][:1] == ["neighbour-festival"]
    assert cfg.events.grace.total_seconds() == 3600
