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
import importlib.machinery
import importlib.util
import os
import re
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


def _import_jieba_rs() -> ModuleType:
    """rjieba's native module (jieba-rs) without its package's ``__init__``, which builds a
    default segmenter over jieba-rs's whole dictionary at import: 0.14 s of start-up for
    words linli never asks it for. The module is registered under its own name, so that a
    later ``import rjieba`` elsewhere uses it rather than loading it twice."""
    name = "rjieba.rjieba"
    if name in sys.modules:
        return sys.modules[name]
    package = importlib.util.find_spec("rjieba")
    if package is None or not package.submodule_search_locations:
        raise ImportError("rjieba is not installed (pip install -e .)")
    for folder in package.submodule_search_locations:
        for suffix in importlib.machinery.EXTENSION_SUFFIXES:
            path = Path(folder) / f"rjieba{suffix}"
            if path.exists():
                loader = importlib.machinery.ExtensionFileLoader(name, str(path))
                spec = importlib.util.spec_from_file_location(name, path, loader=loader)
                assert spec is not None
                module = importlib.util.module_from_spec(spec)
                loader.exec_module(module)
                sys.modules[name] = module
                return module
    raise ImportError(f"rjieba's native module not found in {package.submodule_search_locations}")


jieba_rs = _import_jieba_rs()


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
    """Cut ``text`` into words with the shared tokenizer: the same words as
    ``tokenizer().lcut(text, HMM=False)``, in a fraction of the time (:class:`Segmenter`)."""
    return _segmenter().lcut(text)


# jieba's own block and skip patterns, so that blocks split exactly as in ``cut``.
_HAN: re.Pattern[str] = jieba.re_han_default
_SKIP: re.Pattern[str] = jieba.re_skip_default


class Segmenter:
    """jieba's accurate mode without HMM (``Tokenizer.cut(text, HMM=False)``), with the
    dynamic programming of each block done by jieba-rs (the ``rjieba`` binding) over the
    same words and frequencies.

    The blocks are split here with jieba's own patterns, so that the text between them is
    handled exactly as jieba does; inside a block jieba-rs finds the same route as jieba's
    ``calc`` (the same scores, ties to the longer word) and joins runs of single letters
    and digits as jieba does (tests/understand/test_tokenizer.py compares the words with
    jieba's on the corpus and on random text). The pure-Python walk this replaced cost
    about a tenth of :func:`bot.understand.understand` (lead, twenty-second session: 16 µs
    a message against 3 µs, on every block of the corpus, with no block cut differently).
    """

    def __init__(self, tok: Any) -> None:
        self._tok = tok
        self._stamp: tuple[int, int] = (-1, -1)
        self._cut: Any = None

    def _fresh(self) -> None:
        # A word added to jieba's tokenizer changes the total, so every score: jieba-rs is
        # given the words again (~15 ms, once per taxonomy a process meets). A new instance
        # replaces the old one, which a cut running in another thread may still be using.
        tok = self._tok
        stamp = (tok.total, len(tok.FREQ))
        if stamp != self._stamp:
            words = jieba_rs.Jieba.empty()
            add = words.add_word
            for word, freq in tok.FREQ.items():
                if freq:  # (0 marks a prefix of longer words, which jieba-rs finds itself)
                    add(word, freq, None)
            self._cut = words.cut
            self._stamp = stamp

    def lcut(self, text: str) -> list[str]:
        self._fresh()
        cut = self._cut
        out: list[str] = []
        # ``_HAN`` is one capturing group of a repeated character class, so ``split`` puts
        # each of its matches at an odd index, and what lies between them (at even indices)
        # holds none of its characters: the parity says what jieba asks ``_HAN.match``.
        for index, block in enumerate(_HAN.split(text)):
            if not block:
                continue
            if index % 2:
                if len(block) == 1:
                    out.append(block)
                else:
                    out.extend(cut(block, False))
            else:
                for part in _SKIP.split(block):
                    if _SKIP.match(part):
                        out.append(part)
                    else:
                        out.extend(part)
        return out


@cache
def _segmenter() -> Segmenter:
    return Segmenter(tokenizer())
