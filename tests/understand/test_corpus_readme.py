"""The corpus README says where every file came from: one row for each file, and no row for a
file that is not there (a new file of an old name once replaced another writer's file)."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import bot.understand

CORPUS = Path(bot.understand.__file__).resolve().parent / "data" / "corpus"


def test_every_corpus_file_has_exactly_one_row() -> None:
    readme = (CORPUS / "README.md").read_text()
    # A table row's first cell names one file or several ("`a.tsv`, `b.tsv`").
    cells = re.findall(r"^\| ((?:`[^`]+\.tsv`(?: \([^)]*\))?(?:, | and )?)+) \|", readme, re.M)
    rows = Counter(name for cell in cells for name in re.findall(r"`([^`]+\.tsv)`", cell))
    files = {p.name for p in CORPUS.rglob("*.tsv")}
    assert files, "no corpus files found"
    assert {name for name, n in rows.items() if n > 1} == set()
    assert files - set(rows) == set()
    assert set(rows) - files == set()
