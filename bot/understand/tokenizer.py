"""linli's jieba tokenizer: a trimmed main dictionary plus the domain user dictionary.

jieba's default dictionary has 349k words; unmarshalling its prefix cache alone takes most of
a second, which would dominate the bot's start-up. Understanding only needs jieba to cut out
the words that explain a decision, and every such word is in our lexicon, so linli uses its
own :class:`jieba.Tokenizer` over the words of jieba's dictionary with frequency
>= :data:`MIN_FREQ` (about 36k) plus ``data/userdict.txt`` and the taxonomy's words. The
trimmed dictionary is derived from the installed jieba once per machine into the temp
directory, next to jieba's own prefix cache. The process-wide ``jieba.dt`` is left alone for
other code.
"""

from __future__ import annotations

import hashlib
import os
import sys
import tempfile
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

USER_DICT = Path(__file__).resolve().parent / "data" / "userdict.txt"
MIN_FREQ = 100
_ABSENT = object()


def _import_jieba() -> ModuleType:
    """Import jieba without pkg_resources.

    jieba._compat imports pkg_resources only to open its bundled files and falls back to
    plain ``open`` when that import fails; pkg_resources takes a third of a second to import.
    """
    if "jieba" in sys.modules:
        return sys.modules["jieba"]
    saved = sys.modules.get("pkg_resources", _ABSENT)
    if saved is _ABSENT:
        sys.modules["pkg_resources"] = None  # type: ignore[assignment]
    try:
        import jieba
    finally:
        if saved is _ABSENT:
            del sys.modules["pkg_resources"]
    return jieba


jieba = _import_jieba()
jieba.setLogLevel(60)


def _trimmed_dictionary() -> Path:
    source = Path(str(jieba.__file__)).resolve().parent / "dict.txt"
    stamp = f"{source}:{source.stat().st_size}:{source.stat().st_mtime_ns}:{MIN_FREQ}"
    digest = hashlib.md5(stamp.encode()).hexdigest()[:12]
    target = Path(tempfile.gettempdir()) / f"linli-jieba-{digest}.txt"
    if target.exists():
        return target
    lines = []
    with source.open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.split(" ")
            if len(parts) >= 2 and parts[1].strip().isdigit() and int(parts[1]) >= MIN_FREQ:
                lines.append(line if line.endswith("\n") else line + "\n")
    # Written under a private name and renamed, so concurrent starts never read half a file.
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix="linli-jieba-", suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.writelines(lines)
    os.replace(tmp, target)
    return target


@cache
def tokenizer() -> Any:  # a jieba.Tokenizer (jieba has no type information)
    """The shared tokenizer (built once per process; safe to share, as jieba's own is)."""
    tok = jieba.Tokenizer(str(_trimmed_dictionary()))
    tok.initialize()
    tok.load_userdict(str(USER_DICT))
    return tok


def add_words(words: set[str] | frozenset[str]) -> None:
    """Teach the tokenizer extra words (a taxonomy's, possibly from the config)."""
    tok = tokenizer()
    # Sorted: jieba suggests a new word's frequency from the words added before it, so the
    # order (a set's, which changes with the hash seed) must not vary between processes.
    for word in sorted(words):
        if len(word) > 1 and word not in tok.FREQ:
            tok.add_word(word)


def lcut(text: str) -> list[str]:
    """Cut ``text`` into words with the shared tokenizer."""
    return tokenizer().lcut(text, HMM=False)
