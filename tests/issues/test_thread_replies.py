"""A reply (Telegram reply, WeChat quote) to a message already filed as issue N, or to the
bot's message about it, is about that issue: a report of the same category joins issue N's
history instead of opening a new issue, however differently it is worded. Driven through
the replay adapter, whose ``reply_to`` is the platforms' reply path."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from bot.cli import main

ROOT = Path(__file__).resolve().parent.parent.parent


def line(at: str, sender: str, name: str, text: str, **extra: str) -> str:
    item = {"at": f"2026-05-01T{at}:00+08:00", "chat": "local:building-1", "from": sender}
    return json.dumps({**item, "name": name, "text": text, **extra}, ensure_ascii=False)


def replay(
    tmp: Path, lines: list[str], capsys: pytest.CaptureFixture[str]
) -> list[dict[str, object]]:
    config = tmp / "config.toml"
    shutil.copy(ROOT / "config.example.toml", config)
    script = tmp / "script.jsonl"
    script.write_text("\n".join(lines) + "\n", encoding="utf-8")
    database = tmp / "linli.db"
    assert main(["replay", str(script), "--config", str(config), "--database", str(database)]) == 0
    return [json.loads(row) for row in capsys.readouterr().out.splitlines()]


def in_group(outs: list[dict[str, object]]) -> list[tuple[object, object, object]]:
    return [(o["at"], o["kind"], o.get("issue")) for o in outs if o["chat"] == "local:building-1"]


# Worded unlike the first report (no place, no shared keyword): on its own, not a duplicate.
OTHER_WORDS = "楼梯灯全不亮，晚上只能摸黑上楼"


def test_a_reply_to_a_filed_message_or_to_the_bot_joins_that_issue(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outs = replay(
        tmp_path,
        [
            line("09:00", "local:resident-1", "小王", "3单元楼道灯坏了", id="w1"),
            # A reply to the resident's message, and one to the bot's "已记录为第 1 号问题".
            line("09:10", "local:resident-2", "老赵", OTHER_WORDS, id="w2", reply_to="w1"),
            line(
                "09:20",
                "local:resident-3",
                "李姐",
                "灯还是不亮，我妈刚才差点摔了",
                reply_to="bot-1",
            ),
            # The same words, not a reply: a new issue (so the merges above come from the thread).
            line("09:40", "local:resident-2", "老赵", OTHER_WORDS, id="w4"),
        ],
        capsys,
    )
    assert in_group(outs) == [
        ("2026-05-01T09:00:00+08:00", "issue_created", 1),
        ("2026-05-01T09:10:00+08:00", "issue_merged", 1),
        ("2026-05-01T09:20:00+08:00", "issue_merged", 1),
        ("2026-05-01T09:40:00+08:00", "issue_created", 2),
    ]


def test_a_reply_about_another_kind_of_problem_is_a_new_issue(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outs = replay(
        tmp_path,
        [
            line("09:00", "local:resident-1", "小王", "3单元楼道灯坏了", id="w1"),
            line("09:10", "local:resident-2", "老赵", "电梯也坏了，一直停在5楼不动", reply_to="w1"),
        ],
        capsys,
    )
    assert in_group(outs) == [
        ("2026-05-01T09:00:00+08:00", "issue_created", 1),
        ("2026-05-01T09:10:00+08:00", "issue_created", 2),
    ]


def test_a_reply_to_a_message_merged_into_an_issue_joins_that_issue(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outs = replay(
        tmp_path,
        [
            line("09:00", "local:resident-1", "小王", "3单元楼道灯坏了", id="w1"),
            # A second report of the same fault: merged into issue 1 as a duplicate.
            line("09:05", "local:resident-2", "老赵", "3单元楼道灯坏了，一直没人修", id="w2"),
            # A reply to the merged message, worded unlike either: it belongs to issue 1 too.
            line("09:10", "local:resident-3", "李姐", OTHER_WORDS, id="w3", reply_to="w2"),
        ],
        capsys,
    )
    assert in_group(outs) == [
        ("2026-05-01T09:00:00+08:00", "issue_created", 1),
        ("2026-05-01T09:05:00+08:00", "issue_merged", 1),
        ("2026-05-01T09:10:00+08:00", "issue_merged", 1),
    ]
