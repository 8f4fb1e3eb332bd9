"""Texts per category, reviewed as a table: the resolve notice, the "really done?" question and
the state refusals. ``issue_texts_table.expected.txt`` is the reviewed table; a change to any
of these texts must update it (``LINLI_UPDATE_GOLDEN=1``) and be read again line by line."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.config import Config
from handlers import issue_texts as t
from storage.issues import OPEN_STATUSES, Issue, IssueStatus

TABLE = Path(__file__).with_name("issue_texts_table.expected.txt")
AT = datetime(2026, 5, 1, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
# Words that only fit a repair: asked about rubbish, noise or gas they read wrongly.
REPAIR_WORDS = ("修好", "修理", "维修")


def issue(category: str, status: IssueStatus = IssueStatus.RESOLVED) -> Issue:
    return Issue(
        number=9,
        building="1号楼",
        chat="local:building-1",
        reporter="local:r1",
        reporter_name="小王",
        text="…",
        category=category,
        urgent=False,
        location="3单元",
        keywords=(),
        status=status,
        assignee=None,
        note=None,
        duplicate_of=None,
        escalation=0,
        paused_at=None,
        paused_seconds=0.0,
        created_at=AT,
        updated_at=AT,
        acked_at=None,
        resolved_at=None,
        closed_at=None,
    )


def refused(status: IssueStatus, action: str) -> bool:
    """Whether the command refuses ``action`` in ``status`` (handlers/issue_commands.py)."""
    is_open = status in OPEN_STATUSES
    if action == "再受理":
        return status is not IssueStatus.NEW
    if action == "确认":
        return status is not IssueStatus.RESOLVED and not is_open
    if action == "重开":
        return status not in (IssueStatus.RESOLVED, IssueStatus.CLOSED)
    return not is_open


def render(config: Config) -> str:
    rows = ["| category | resolved (group) | asked after 24 h |", "|---|---|---|"]
    for category in config.taxonomy.codes:
        label = config.taxonomy.label(category)
        i = issue(category)
        rows.append(f"| {label} | {t.resolved(i, '张阿姨', None)} | {t.ask_confirm(i, label)} |")
    rows += ["", "| state | 受理 | 指派 | 确认 | 重开 |", "|---|---|---|---|---|"]
    for status in IssueStatus:
        i = issue("sanitation", status)
        cells = [
            t.wrong_state(i, action) if refused(status, action) else "—"
            for action in ("再受理", "指派", "确认", "重开")
        ]
        rows.append(f"| {t.STATUS_LABELS[status]} | " + " | ".join(cells) + " |")
    return "\n".join(rows) + "\n"


def test_texts_per_category_match_the_reviewed_table(config: Config) -> None:
    table = render(config)
    if os.environ.get("LINLI_UPDATE_GOLDEN") or not TABLE.exists():
        TABLE.write_text(table, encoding="utf-8")
    assert table == TABLE.read_text(encoding="utf-8")


def test_only_repairs_are_asked_whether_they_are_fixed(config: Config) -> None:
    for category in config.taxonomy.codes:
        i = issue(category)
        texts = t.resolved(i, "张阿姨", None) + t.ask_confirm(i, config.taxonomy.label(category))
        repair = category in t.REPAIRS
        assert any(w in texts for w in REPAIR_WORDS) == repair, (category, texts)


def test_state_refusals_read_naturally() -> None:
    assert t.wrong_state(issue("lighting", IssueStatus.ACKNOWLEDGED), "再受理") == (
        "第 9 号问题已经受理过了。"
    )
    for status in IssueStatus:
        text = t.wrong_state(issue("noise", status), "指派")
        assert "现在是“" not in text and t.STATUS_LABELS[status] not in text.replace("处理中", "")
