"""The command line (contract) and the local chat."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.adapters.local import LocalChat
from bot.app import Linli
from bot.cli import main
from bot.config import Config
from tests.conftest import ROOT


def run_cli(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        check=False,
    )


def test_classify_prints_exactly_the_contract_keys_and_sensitive() -> None:
    result = run_cli("classify", stdin="3单元楼道灯坏了好几天了\n大家早上好\n")
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [set(r) for r in rows] == [
        {"text", "intent", "category", "urgent", "location", "keywords", "sensitive"}
    ] * 2
    assert rows[0]["intent"] == "report" and rows[1]["intent"] == "chat"
    assert rows[1]["category"] is None


def test_replay_reports_bad_scripts_clearly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    script = tmp_path / "s.jsonl"
    script.write_text('{"at": "2026-05-01T09:00:00+08:00", "tick": true}\n{oops\n')
    assert main(["replay", str(script)]) == 1
    err = capsys.readouterr().err
    assert "line 2: not valid JSON" in err and "Traceback" not in err
    script.write_text('{"at": "yesterday", "tick": true}\n')
    assert main(["replay", str(script)]) == 1
    assert "not an ISO-8601 time" in capsys.readouterr().err
    script.write_text('{"at": "2026-05-01T09:00:00+08:00", "chat": "local:building-1"}\n')
    assert main(["replay", str(script)]) == 1
    assert 'line 1: "from" must be a string' in capsys.readouterr().err
    assert main(["replay", str(tmp_path / "missing.jsonl")]) == 1
    assert "cannot read" in capsys.readouterr().err


def test_missing_default_config_is_a_clear_error(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bot.cli", "check-config", "nope.toml"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    assert "cannot read file" in result.stderr and "Traceback" not in result.stderr


async def test_local_chat_switches_people_and_fast_forwards(config: Config, tmp_path: Path) -> None:
    app = await Linli.open(config, database=tmp_path / "chat.db")
    out = io.StringIO()
    chat = LocalChat(app, out, clock=lambda: datetime(2026, 5, 1, 2, 0, tzinfo=UTC))
    try:
        await app.start(chat.now())
        assert await chat.feed("3单元楼道灯坏了好几天了")
        assert await chat.feed(":as local:head-1")
        assert "张阿姨" in out.getvalue()
        assert await chat.feed("收到 1")
        assert await chat.feed(":wait 2h")
        assert "2026-05-01 12:00" in out.getvalue()
        assert not await chat.feed(":quit")
    finally:
        await app.close()
    text = out.getvalue()
    assert "issue_created issue=1" in text
    assert "issue_status issue=1" in text


async def test_local_chat_wait_stamps_each_message_at_its_due_time(
    config: Config, tmp_path: Path
) -> None:
    app = await Linli.open(config, database=tmp_path / "chat.db")
    out = io.StringIO()
    # 09:00 in Shanghai.
    chat = LocalChat(app, out, clock=lambda: datetime(2026, 5, 1, 1, 0, tzinfo=UTC))
    try:
        await app.start(chat.now())
        await chat.feed("3单元楼道灯坏了好几天了")
        await chat.feed(":wait 3h")
    finally:
        await app.close()
    stamps = [line.split("]")[0] for line in out.getvalue().splitlines() if "ack_reminder" in line]
    # First reminder at 09:30 (nothing else for her to batch it with), then every 30 minutes.
    assert stamps[:3] == [
        "  [05-01 09:30 私聊 张阿姨",
        "  [05-01 10:00 私聊 张阿姨",
        "  [05-01 10:30 私聊 张阿姨",
    ]
    assert "[05-01 11:00 私聊 王网格员] 邻里助手（escalation issue=1）" in out.getvalue()


async def test_local_chat_as_alone_explains_and_clock_resumes(
    config: Config, tmp_path: Path
) -> None:
    real = datetime(2026, 5, 1, 1, 0, tzinfo=UTC)
    out = io.StringIO()
    app = await Linli.open(config, database=tmp_path / "chat.db")
    chat = LocalChat(app, out, clock=lambda: real)
    try:
        await app.start(chat.now())
        assert await chat.feed(":as")
        assert (
            "用法：:as 编号 [名字]" in out.getvalue()
            and "local:head-1 张阿姨（楼栋长）" in out.getvalue()
        )
        assert await chat.feed(":as local:resident-9 老周")
        assert "老周 local:resident-9" in out.getvalue()
        await chat.feed(":wait 2d")
        await chat.feed("6单元门口垃圾没人收")
    finally:
        await app.close()
    # A new session on the same database (the real clock has not moved): the virtual clock
    # continues from where it was, so the stored issue is not in the future.
    app = await Linli.open(config, database=tmp_path / "chat.db")
    again = LocalChat(app, io.StringIO(), clock=lambda: real)
    try:
        await again.resume_clock()
        assert again.now() == real + timedelta(days=2)
    finally:
        await app.close()
