"""Build the table that reads messages typed in pinyin (:mod:`bot.understand.pinyin`).

    pip install pypinyin && python -m bot.understand.build_pinyin

Writes ``data/pinyin.json``: every Chinese word of the training split as the shared tokenizer
cuts it, every character, and every run of two or three such words (five characters at
most) seen at least :data:`LEAST_RUN` times (so that "hao lou" after a number is 号楼 and "ren zai da jia" 人在打架),
with its toneless pinyin and how often it occurs there. The
held-out split is never read (``corpus.training_examples``). pypinyin is needed only here,
not at run time; the same corpus gives the same file byte for byte.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

from bot.understand import pinyin
from bot.understand.corpus import training_examples
from bot.understand.normalise import normalise
from bot.understand.tokenizer import lcut

_HAN_WORD = re.compile(r"^[\u4e00-\u9fff]{1,6}$")
_HAN = re.compile(r"[\u4e00-\u9fff]")
#: Readings people type that pypinyin does not give.
_SAID = {"谁": "shei", "这": "zhei", "那": "nei", "哪": "nei"}
#: How often a run of characters that is not a word must occur to be in the table.
LEAST_RUN = 6


def build(path: Path = pinyin.TABLE) -> int:
    """Write the table to ``path``; return how many rows it holds."""
    from pypinyin import Style, lazy_pinyin  # type: ignore[import-untyped,unused-ignore]

    words: Counter[str] = Counter()
    chars: Counter[str] = Counter()
    runs: Counter[str] = Counter()
    for example in training_examples():
        text = normalise(example.text)
        chars.update(_HAN.findall(text))
        tokens = lcut(text)
        words.update(w for w in tokens if len(w) > 1 and _HAN_WORD.match(w))
        for n in (2, 3):
            for i in range(len(tokens) - n + 1):
                run = "".join(tokens[i : i + n])
                if len(run) <= 5 and _HAN_WORD.match(run):
                    runs[run] += 1
    rows: dict[tuple[str, str], int] = {}
    for table, least in ((chars, 1), (words, 2), (runs, LEAST_RUN)):
        for word, count in table.items():
            if count < least or (table is runs and word in words):
                continue
            # As the phrase is read ("流血": liu xie) and as its characters are read alone,
            # which is how people type it (liu xue); 谁 and 这 also as said (shei, zhei).
            for syllables in (
                lazy_pinyin(word, style=Style.NORMAL, v_to_u=False),
                [lazy_pinyin(c, style=Style.NORMAL, v_to_u=False)[0] for c in word],
                [_SAID.get(c) or lazy_pinyin(c, style=Style.NORMAL)[0] for c in word]
                if any(c in _SAID for c in word)
                else [],
            ):
                if len(syllables) == len(word) and all(s in pinyin.SYLLABLES for s in syllables):
                    rows[(" ".join(syllables), word)] = count
    by_letters: dict[str, list[list[object]]] = {}
    for (spelled, word), count in sorted(rows.items()):
        parts = spelled.split(" ")
        inner = [sum(map(len, parts[: i + 1])) for i in range(len(parts) - 1)]
        by_letters.setdefault("".join(parts), []).append([word, count, inner])
    out = {"total": sum(rows.values()), "words": by_letters}
    path.write_text(json.dumps(out, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return len(rows)


if __name__ == "__main__":
    print(f"{build()} rows written to {pinyin.TABLE}")
