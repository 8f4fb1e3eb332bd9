"""Training the intent and category model, reproducibly.

    python -m bot.understand.train            # rebuild the shipped data/model.ftz

The model learns from ``data/corpus/train/`` (and, for ``linli learn``, a community's
corrections); the held-out split is never read here. Training runs on one thread with a
fixed seed, so the same corpus gives the same model file byte for byte.

Needs ``fasttext-numpy2`` (a dependency of linli); prediction at run time uses only its C++
predictor (:mod:`bot.understand.model`).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

from bot.config.understanding import Taxonomy, default_taxonomy
from bot.understand.corpus import Example, training_examples
from bot.understand.lexicon import lexicon_for
from bot.understand.model import LABEL_PREFIX, REPORT_PREFIX, SHIPPED_MODEL, URGENT_LABEL
from bot.understand.normalise import normalise

#: fastText settings. Small dimensions and a small hashing space keep the file small; the
#: quantised model is well under 1 MB.
PARAMS: dict[str, object] = {
    "lr": 0.5,
    "epoch": 40,
    "dim": 32,
    "wordNgrams": 2,
    "minn": 0,
    "maxn": 0,
    "minCount": 1,
    "bucket": 200_000,
    # One-vs-all: each label its own probability, so "urgent" can sit beside the intent.
    "loss": "ova",
    "thread": 1,
    "seed": 7,
    "verbose": 0,
}
QUANTISE: dict[str, object] = {"qnorm": True, "dsub": 2, "retrain": False, "cutoff": 60_000}


def label_of(example: Example) -> str:
    """The example's labels: its intent (a report: ``report.<category>``), and ``urgent``
    when it is (the model may add urgency to what the safety rules found)."""
    if example.intent == "report":
        label = f"{LABEL_PREFIX}{REPORT_PREFIX}{example.category or 'other'}"
    else:
        label = f"{LABEL_PREFIX}{example.intent}"
    return f"{label} {LABEL_PREFIX}{URGENT_LABEL}" if example.urgent else label


def lines(examples: Iterable[Example], taxonomy: Taxonomy) -> list[str]:
    """fastText training lines: label, then the same features prediction uses."""
    from bot.understand.classify import read

    lexicon = lexicon_for(taxonomy)
    out = []
    for example in examples:
        reading = read(normalise(example.text), lexicon)
        out.append(f"{label_of(example)} {reading.line}")
    return out


def train(examples: list[Example], target: Path, *, quantise: bool = True) -> Path:
    """Train on ``examples`` and write the model to ``target`` (written under a temporary
    name and renamed, so a running bot never reads half a file)."""
    import fasttext

    if not hasattr(fasttext, "train_supervised"):
        raise TrainingUnavailable()
    taxonomy = default_taxonomy()
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "train.txt"
        data.write_text("\n".join(lines(examples, taxonomy)) + "\n", encoding="utf-8")
        params = {**PARAMS, **json.loads(os.environ.get("LINLI_TRAIN_PARAMS", "{}"))}
        ft = fasttext.train_supervised(input=str(data), **params)
        if quantise:
            ft.quantize(input=str(data), **QUANTISE)
        fd, partial = tempfile.mkstemp(dir=target.parent, prefix=".model-", suffix=".tmp")
        os.close(fd)
        ft.save_model(partial)
        os.replace(partial, target)
    return target


class TrainingUnavailable(RuntimeError):
    def __init__(self) -> None:
        super().__init__(
            "training needs fasttext-numpy2 (the installed 'fasttext' can only predict): "
            "pip install fasttext-numpy2"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="train linli's intent and category model")
    parser.add_argument("--output", type=Path, default=SHIPPED_MODEL)
    parser.add_argument("--no-quantise", action="store_true")
    args = parser.parse_args(argv)
    examples = training_examples()
    path = train(examples, args.output, quantise=not args.no_quantise)
    print(f"trained on {len(examples)} examples -> {path} ({path.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
