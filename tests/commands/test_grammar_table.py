"""The command grammar against ``table.txt``: several hundred inputs written the way building
heads and residents type and speak them (voice input, Traditional script, full-width digits,
@ the bot, notes), half of them ordinary chat that must stay chat.

Each case is parsed by the grammar built from the real features, so a new alias or command
is covered by the same table."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.commands import CommandCall, CommandHint, CommandParser
from handlers import default_features

TABLE = Path(__file__).with_name("table.txt")
TITLES = ("包饺子", "邻居节", "包粽子", "健康讲座", "插花课")
PARSER = CommandParser.for_features(default_features(), bot_names=("邻里助手",))


@dataclass(frozen=True)
class Case:
    line: int
    context: str
    text: str
    expected: str


def load_cases() -> list[Case]:
    cases = []
    for n, raw in enumerate(TABLE.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip() or raw.startswith(";;"):
            continue
        text, sep, expected = raw.rpartition(" => ")
        assert sep, f"table.txt:{n}: no ' => '"
        context = ""
        if text.startswith("["):
            context, _, text = text[1:].partition("] ")
        cases.append(Case(n, context, text, expected.strip()))
    return cases


CASES = load_cases()


def describe(result: CommandCall | CommandHint | None) -> str:
    """The parse in the table's notation."""
    if result is None:
        return "-"
    if isinstance(result, CommandHint):
        return f"? {result.command}"
    out = result.name
    if result.numbers:
        out += " " + ",".join(str(n) for n in result.numbers)
    if result.title:
        out += f" title={result.title}"
    if result.note:
        out += f" | {result.note}"
    return out


def test_the_table_is_big_and_half_negative() -> None:
    negatives = [c for c in CASES if c.expected == "-"]
    assert len(CASES) >= 300
    assert 2 * len(negatives) >= len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[f"{c.line}:{c.text[:24]}" for c in CASES])
def test_parse(case: Case) -> None:
    result = PARSER.parse(
        case.text,
        "linli_bot",
        replied=case.context == "reply",
        private=case.context == "private",
        titles=TITLES,
    )
    assert describe(result) == case.expected, f"table.txt:{case.line}: {case.text}"
