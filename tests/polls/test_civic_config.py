"""``[polls]``, ``[reports]`` and ``[[patrols]]`` are validated with key paths."""

from __future__ import annotations

from datetime import time, timedelta
from pathlib import Path

import pytest

from bot.config import ConfigError, load_config

BASE = """
[[buildings]]
name = "1号楼"
chats = ["local:b1"]
"""


def load(tmp_path: Path, extra: str):  # type: ignore[no-untyped-def]
    path = tmp_path / "c.toml"
    path.write_text(BASE + extra, encoding="utf-8")
    return load_config(path)


def problems(tmp_path: Path, extra: str) -> list[str]:
    with pytest.raises(ConfigError) as info:
        load(tmp_path, extra)
    return info.value.problems


def test_defaults_and_values(tmp_path: Path) -> None:
    cfg = load(tmp_path, "")
    assert cfg.polls.quorum is None and cfg.polls.duration == timedelta(days=3)
    assert cfg.reports.day == 1 and cfg.reports.at == time(9, 0) and cfg.reports.enabled
    assert cfg.patrols.patrols == ()
    cfg = load(
        tmp_path,
        '[polls]\nquorum = 0.67\nmajority = 0.5\nduration = "2d"\n'
        '[reports]\nday = 2\nat = "08:30"\n'
        '[[patrols]]\nname = "消防巡查"\nschedule = "weekly monday 09:00"\n'
        'checklist = ["消防通道畅通", "应急灯正常"]\n',
    )
    assert cfg.polls.quorum == 0.67 and cfg.polls.duration == timedelta(days=2)
    assert (cfg.reports.day, cfg.reports.at) == (2, time(8, 30))
    (patrol,) = cfg.patrols.patrols
    assert patrol.name == "消防巡查" and patrol.checklist == ("消防通道畅通", "应急灯正常")
    assert patrol.buildings == () and patrol.due_within == timedelta(days=2)


def test_problems_name_their_key(tmp_path: Path) -> None:
    found = problems(
        tmp_path,
        '[polls]\nquorum = 1.5\nmajority = "half"\n[reports]\nday = 31\ncolour = "red"\n'
        '[[patrols]]\nname = "巡查"\nschedule = "sometimes"\nchecklist = []\n'
        'buildings = ["9号楼"]\n',
    )
    text = "\n".join(found)
    for key in (
        "polls.quorum",
        "polls.majority",
        "reports.day",
        "reports.colour",
        "patrols[0].schedule",
        "patrols[0].checklist",
    ):
        assert key in text, (key, text)
