"""The labelled corpus: reading its files, and where they live.

One message per line, tab-separated: ``intent, category, urgent, location, sensitive, text``
(6 columns; the first corpus had 5, without ``sensitive``). Lines starting with ``#`` are
comments. ``data/corpus/train/`` is what the model learns from; ``data/corpus/heldout/`` was
written first, by other hands, and is only ever measured, never tuned on. Both ship inside the
package because ``linli learn`` retrains from the one and reports figures on the other.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

CORPUS_DIR = Path(__file__).resolve().parent / "data" / "corpus"
TRAIN_DIR = CORPUS_DIR / "train"
HELDOUT_DIR = CORPUS_DIR / "heldout"
INTENTS = ("report", "help_request", "offer", "chat")


class CorpusError(ValueError):
    """A corpus line that does not follow the format (the message names file and line)."""


@dataclass(frozen=True, slots=True)
class Example:
    intent: str
    category: str | None
    urgent: bool
    location: str | None
    sensitive: bool
    text: str
    source: str = ""


def parse_line(line: str, where: str = "") -> Example | None:
    """One corpus line as an :class:`Example`; None for blank and comment lines."""
    if not line.strip() or line.startswith("#"):
        return None
    parts = line.rstrip("\r\n").split("\t")
    if len(parts) == 5:
        intent, category, urgent, location, text = parts
        sensitive = "0"
    elif len(parts) == 6:
        intent, category, urgent, location, sensitive, text = parts
    else:
        raise CorpusError(f"{where}: expected 5 or 6 tab-separated columns, got {len(parts)}")
    if intent not in INTENTS:
        raise CorpusError(f"{where}: unknown intent {intent!r}")
    # The first corpus left urgent empty on messages that are not reports.
    urgent, sensitive = urgent or "0", sensitive or "0"
    if urgent not in ("0", "1") or sensitive not in ("0", "1"):
        raise CorpusError(f"{where}: urgent and sensitive must be 0 or 1")
    if not text.strip():
        raise CorpusError(f"{where}: empty text")
    return Example(
        intent=intent,
        category=(category or None) if intent == "report" else None,
        urgent=urgent == "1",
        location=(location or None) if intent == "report" else None,
        sensitive=sensitive == "1",
        text=text,
        source=where.rsplit(":", 1)[0],
    )


def load(path: Path) -> list[Example]:
    """Every example of one corpus file, in order."""
    out: list[Example] = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        example = parse_line(line, f"{path.name}:{n}")
        if example is not None:
            out.append(example)
    return out


def load_dir(directory: Path) -> list[Example]:
    """Every example of every ``*.tsv`` file in ``directory`` (sorted by file name)."""
    out: list[Example] = []
    for path in sorted(directory.glob("*.tsv")):
        out.extend(load(path))
    return out


def training_examples() -> list[Example]:
    """The training split, less any message that is also in the held-out split (short
    messages such as "收到，谢谢" occur in both): a held-out figure must not be measured on a
    line the model learnt."""
    from bot.understand.normalise import normalise

    held = {normalise(ex.text) for ex in heldout_examples()}
    return [ex for ex in load_dir(TRAIN_DIR) if normalise(ex.text) not in held]


def heldout_examples() -> list[Example]:
    return load_dir(HELDOUT_DIR)


def format_line(example: Example) -> str:
    """``example`` as one 6-column corpus line."""
    text = " ".join(example.text.split())
    return "\t".join(
        (
            example.intent,
            example.category or "",
            "1" if example.urgent else "0",
            example.location or "",
            "1" if example.sensitive else "0",
            text,
        )
    )
