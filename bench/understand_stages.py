"""Where ``understand()``'s time goes: each stage timed alone over the training texts.

Usage: .venv/bin/python bench/understand_stages.py [--reps N]

Each stage runs over every training line (never the held-out split) on inputs prepared
beforehand (the normalised text, its lexicon hits, tokens and model line), and the best of
``--reps`` passes of CPU time is printed in µs per message, next to bare ``jieba.lcut`` and
the whole ``understand()``. Stages timed alone run warmer than inside ``understand()`` (each
keeps its own patterns in the CPU's caches), so their sum falls short of the whole; the gap
is printed too. Used to choose what to make cheaper (docs/understanding.md, "Speed").
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import jieba  # noqa: E402

from bot.config.understanding import default_taxonomy  # noqa: E402
from bot.understand import model, safety, situations  # noqa: E402
from bot.understand.classify import PREDICT_FLOOR, read, understand  # noqa: E402
from bot.understand.corpus import training_examples  # noqa: E402
from bot.understand.features import model_lines, tags  # noqa: E402
from bot.understand.lexicon import lexicon_for  # noqa: E402
from bot.understand.location import extract_location  # noqa: E402
from bot.understand.normalise import normalise  # noqa: E402
from bot.understand.tokenizer import lcut  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=3, help="passes per stage (best kept)")
    args = parser.parse_args()
    jieba.setLogLevel(60)
    taxonomy = default_taxonomy()
    lexicon = lexicon_for(taxonomy)
    texts = [ex.text for ex in training_examples()]
    understand("预热", taxonomy)
    jieba.lcut("预热")
    norms = [normalise(t) for t in texts]
    hits = [lexicon.scan(n) for n in norms]
    tokens = [lcut(n) for n in norms]
    both = [model_lines(n, t, h) for n, t, h in zip(norms, tokens, hits, strict=True)]
    lines = [main for main, _ in both]
    flags = [safety.sensitive(n) for n in norms]
    active = model.active()

    def best(fn: Callable[[], object]) -> float:
        runs = []
        for _ in range(args.reps):
            start = time.process_time()
            fn()
            runs.append(time.process_time() - start)
        return min(runs) / len(texts) * 1e6

    bare = best(lambda: [jieba.lcut(t) for t in texts])
    whole = best(lambda: [understand(t, taxonomy) for t in texts])
    stages: list[tuple[str, Callable[[], object]]] = [
        ("normalise", lambda: [normalise(t) for t in texts]),
        ("lexicon scan", lambda: [lexicon.scan(n) for n in norms]),
        (
            "read (segmentation + model line)",
            lambda: [read(n, lexicon, h) for n, h in zip(norms, hits, strict=True)],
        ),
        ("  of which segmentation", lambda: [lcut(n) for n in norms]),
        (
            "  of which model lines (main and second view)",
            lambda: [model_lines(n, t, h) for n, t, h in zip(norms, tokens, hits, strict=True)],
        ),
        ("    of which tags", lambda: [tags(n, h) for n, h in zip(norms, hits, strict=True)]),
        ("safety.sensitive", lambda: [safety.sensitive(n) for n in norms]),
        (
            "safety.urgent",
            lambda: [
                safety.urgent(n, h, s, lexicon.scan)
                for n, h, s in zip(norms, hits, flags, strict=True)
            ],
        ),
        ("  of which situation families", lambda: [safety._situation_now(n) for n in norms]),
        ("    of which choosing them", lambda: [situations.candidates(n) for n in norms]),
        ("model predict", lambda: [active.predict(line, PREDICT_FLOOR) for line in lines]),
        ("  were every label read", lambda: [active.predict(line) for line in lines]),
        # Asked of every message here; understand() asks it only where it can decide.
        (
            "  second view, were it asked every time",
            lambda: [active.report_view(v) for _, v in both],
        ),
        ("location (every text)", lambda: [extract_location(n) for n in norms]),
    ]
    print(f"== understand() by stage: {len(texts)} training messages, CPU, best of {args.reps} ==")
    print(f"  bare jieba.lcut                         {bare:7.1f} µs")
    print(f"  understand()                            {whole:7.1f} µs  ({whole / bare:.2f}x)")
    top = 0.0
    for name, fn in stages:
        cost = best(fn)
        if not name.startswith(" ") and not name.startswith("location"):
            top += cost
        print(f"  {name:<40}{cost:7.1f} µs")
    print(f"  top-level stages summed (no location)   {top:7.1f} µs; the rest {whole - top:.1f} µs")


if __name__ == "__main__":
    main()
