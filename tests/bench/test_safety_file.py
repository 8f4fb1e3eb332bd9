"""bench/safety_file.py's rules-only verdicts can be saved and compared: a change to the rules
is checked line by line on every training file (docs/understanding.md cites such figures)."""

from __future__ import annotations

from pathlib import Path

from bench import safety_file
from bot.understand.corpus import load


def _corpus(tmp_path: Path) -> Path:
    path = tmp_path / "train-tiny.tsv"
    path.write_text(
        "report\tfire_safety\t1\t\t0\t3楼楼道里全是黑烟，快打119\n"
        "chat\t\t0\t\t0\t今天天气真好，带孩子去公园了\n",
        encoding="utf-8",
    )
    return path


def test_rules_only_verdicts_are_the_rules(tmp_path: Path) -> None:
    verdicts = safety_file.judge(load(_corpus(tmp_path)), rules_only=True)
    assert [v.rules_urgent for v in verdicts] == [True, False]
    assert [v.urgent for v in verdicts] == [True, False]


def test_compare_lists_exactly_the_lines_whose_verdict_changed(tmp_path: Path) -> None:
    verdicts = safety_file.judge(load(_corpus(tmp_path)), rules_only=True)
    saved = tmp_path / "before.tsv"
    safety_file.save(verdicts, saved)
    assert safety_file.changes(verdicts, saved) == []
    # As if the rules had once missed the fire: the comparison names that line, with its gold.
    lines = saved.read_text(encoding="utf-8").splitlines()
    lines[0] = "0" + lines[0][1:]
    saved.write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = safety_file.changes(verdicts, saved)
    assert found == ["urgent 0 -> 1 (gold 1) | train-tiny.tsv | 3楼楼道里全是黑烟，快打119"]
