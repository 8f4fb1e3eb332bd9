from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main
from bot.config import ConfigError, load_config
from bot.model import Role
from tests.conftest import EXAMPLE_CONFIG

MINIMAL = """
[[buildings]]
name = "1号楼"
chats = ["local:b1"]
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "c.toml"
    path.write_text(text, encoding="utf-8")
    return path


def problems(tmp_path: Path, text: str) -> list[str]:
    with pytest.raises(ConfigError) as info:
        load_config(write(tmp_path, text))
    return info.value.problems


def test_example_config_has_the_contract_ids() -> None:
    cfg = load_config(EXAMPLE_CONFIG)
    assert cfg.office_chat == "local:office"
    assert cfg.building_of_chat["local:building-1"] == "1号楼"
    assert cfg.building_of_chat["local:building-2"] == "2号楼"
    assert cfg.role_of("local:head-1", "1号楼") is Role.HEAD
    assert cfg.role_of("local:head-1", "2号楼") is Role.RESIDENT
    assert cfg.role_of("local:grid-1", "2号楼") is Role.GRID_WORKER
    assert cfg.role_of("local:admin", "1号楼") is Role.ADMIN
    assert cfg.role_of("local:someone", "1号楼") is Role.RESIDENT
    assert not cfg.telegram.enabled and not cfg.wechat.enabled


def test_minimal_config_uses_defaults(tmp_path: Path) -> None:
    cfg = load_config(write(tmp_path, MINIMAL))
    assert cfg.issues.normal.ack_due.total_seconds() == 1800
    assert cfg.database == tmp_path / "linli.db"


def test_unknown_keys_and_wrong_types_are_all_reported(tmp_path: Path) -> None:
    found = problems(
        tmp_path,
        MINIMAL
        + """
colour = "red"
[issues]
digest_at = "25:00"
quiet_hours = "late"
[issues.normal]
ack_due = "soon"
reminder_every = 30
[telegram]
enabled = "yes"
""",
    )
    text = "\n".join(found)
    assert "colour: unknown key" in text
    assert "issues.digest_at: expected a time of day" in text
    assert "issues.quiet_hours: expected" in text
    assert "issues.normal.ack_due: expected a duration" in text
    assert "issues.normal.reminder_every: expected a duration" in text
    assert "telegram.enabled: expected true or false" in text
    assert len(found) == 6


def test_chat_bound_twice_head_without_building_duplicate_ids(tmp_path: Path) -> None:
    found = problems(
        tmp_path,
        """
[[buildings]]
name = "1号楼"
chats = ["local:b1"]
[[buildings]]
name = "2号楼"
chats = ["local:b1"]
[[people]]
id = "local:h1"
name = "A"
role = "head"
[[people]]
id = "local:h1"
name = "B"
role = "admin"
[[people]]
id = "local:h2"
name = "C"
role = "head"
buildings = ["9号楼"]
[[people]]
id = "h3"
name = "D"
role = "boss"
""",
    )
    text = "\n".join(found)
    assert "buildings[1].chats[0]: chat 'local:b1' is already bound to building '1号楼'" in text
    assert "people[0].buildings: a head needs at least one building" in text
    assert "people[1].id: duplicate person id 'local:h1'" in text
    assert "people[2].buildings[0]: unknown building '9号楼'" in text
    assert "people[3].id: expected an id like" in text
    assert "people[3].role: expected one of head, grid_worker, admin" in text


def test_duplicate_building_name_is_reported(tmp_path: Path) -> None:
    found = problems(
        tmp_path,
        """
[[buildings]]
name = "1号楼"
chats = ["local:b1"]
[[buildings]]
name = "2号楼"
chats = ["local:b2"]
[[buildings]]
name = "1号楼"
chats = ["local:b3"]
""",
    )
    assert "buildings[2].name: duplicate building name '1号楼'" in found


def test_bad_toml_and_missing_file_are_clear(tmp_path: Path) -> None:
    assert "not valid TOML" in problems(tmp_path, "[[buildings]\nname=")[0]
    with pytest.raises(ConfigError) as info:
        load_config(tmp_path / "nope.toml")
    assert "cannot read file" in info.value.problems[0]


def test_check_config_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check-config", str(EXAMPLE_CONFIG)]) == 0
    assert "OK" in capsys.readouterr().out
    bad = write(tmp_path, MINIMAL + "[issues]\nack = 1\n")
    assert main(["check-config", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "issues.ack: unknown key" in err
    assert "Traceback" not in err


def test_check_config_warns_about_likely_mistakes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check-config", str(write(tmp_path, MINIMAL))]) == 0
    out = capsys.readouterr().out
    assert "1 building, 1 group chat, 0 building heads" in out
    assert "warning: building '1号楼' has no building head" in out
    assert "warning: community.office_chat is not set" in out
    assert load_config(EXAMPLE_CONFIG).warnings() == []
