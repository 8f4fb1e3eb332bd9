"""Measure text understanding on the labelled corpus: quality and speed.

Usage: .venv/bin/python bench/understand.py [--errors] [--reps N]

Prints, for the train and the held-out split separately: per-intent precision/recall/F1 and
macro-F1, category accuracy on reports, urgent recall and precision, location exact match on
reports. Then messages/s of ``understand()`` and of bare ``jieba.lcut`` on the same messages
(median of several repetitions, in one process) and their ratio, and the cold-start time to
the first classification in a fresh subprocess.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench" / "data"
sys.path.insert(0, str(ROOT))

INTENTS = ("report", "help_request", "offer", "chat")


@dataclass(frozen=True, slots=True)
class Example:
    intent: str
    category: str | None
    urgent: bool
    location: str | None
    text: str


def load(path: Path) -> list[Example]:
    out: list[Example] = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 5 or parts[0] not in INTENTS:
            raise SystemExit(f"{path}:{n}: expected 5 tab-separated columns, got {line!r}")
        intent, category, urgent, location, text = parts
        out.append(Example(intent, category or None, urgent == "1", location or None, text))
    return out


def evaluate(name: str, examples: list[Example], show_errors: bool) -> None:
    from bot.config.understanding import default_taxonomy
    from bot.understand import understand

    taxonomy = default_taxonomy()
    results = [(ex, understand(ex.text, taxonomy)) for ex in examples]
    print(f"\n== {name}: {len(examples)} messages ==")
    f1s: list[float] = []
    for intent in INTENTS:
        tp = sum(1 for ex, u in results if ex.intent == intent and u.intent == intent)
        fp = sum(1 for ex, u in results if ex.intent != intent and u.intent == intent)
        fn = sum(1 for ex, u in results if ex.intent == intent and u.intent != intent)
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        f1s.append(f)
        print(f"  {intent:<13} precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}  (n={tp + fn})")
    print(f"  intent macro-F1 {statistics.mean(f1s):.3f}")
    reports = [(ex, u) for ex, u in results if ex.intent == "report"]
    cat_ok = sum(1 for ex, u in reports if u.category == ex.category)
    loc_ok = sum(1 for ex, u in reports if u.location == ex.location)
    print(f"  category accuracy (reports) {cat_ok / len(reports):.3f}  ({cat_ok}/{len(reports)})")
    tp = sum(1 for ex, u in results if ex.urgent and u.urgent)
    fp = sum(1 for ex, u in results if not ex.urgent and u.urgent)
    fn = sum(1 for ex, u in results if ex.urgent and not u.urgent)
    print(
        f"  urgent recall {tp / (tp + fn) if tp + fn else 1.0:.3f}  "
        f"precision {tp / (tp + fp) if tp + fp else 1.0:.3f}  (n={tp + fn}, false alarms {fp})"
    )
    print(
        f"  location exact match (reports) {loc_ok / len(reports):.3f}  ({loc_ok}/{len(reports)})"
    )
    if show_errors:
        for ex, u in results:
            wrong = []
            if u.intent != ex.intent:
                wrong.append(f"intent {u.intent}!={ex.intent}")
            if ex.intent == "report" and u.category != ex.category:
                wrong.append(f"category {u.category}!={ex.category}")
            if u.urgent != ex.urgent:
                wrong.append(f"urgent {u.urgent}!={ex.urgent}")
            if ex.intent == "report" and u.location != ex.location:
                wrong.append(f"location {u.location}!={ex.location}")
            if wrong:
                print(f"    {'; '.join(wrong)} | {ex.text} | {list(u.keywords)}")


def speed(texts: list[str], reps: int) -> None:
    import jieba

    from bot.config.understanding import default_taxonomy
    from bot.understand import tokenizer, understand

    jieba.setLogLevel(60)
    taxonomy = default_taxonomy()
    understand("预热", taxonomy)
    jieba.lcut("预热")

    def rate(fn: Callable[[str], object]) -> float:
        runs = []
        for _ in range(reps):
            start = time.perf_counter()
            for text in texts:
                fn(text)
            runs.append(len(texts) / (time.perf_counter() - start))
        return statistics.median(runs)

    bare = rate(jieba.lcut)
    ours = rate(lambda text: understand(text, taxonomy))
    trimmed = rate(tokenizer.lcut)
    print(f"\n== speed: {len(texts)} messages, median of {reps} runs ==")
    print(f"  understand()                      {ours:8.0f} messages/s")
    print(f"  bare jieba.lcut (default dict)    {bare:8.0f} messages/s")
    print(f"  linli tokenizer lcut (trimmed)    {trimmed:8.0f} messages/s")
    print(f"  understand costs {bare / ours:.2f}x bare jieba.lcut")


def cold_start(runs: int = 3) -> None:
    code = (
        "import time; t = time.perf_counter();"
        "from bot.config.understanding import default_taxonomy;"
        "from bot.understand import understand;"
        "understand('3单元楼道灯坏了', default_taxonomy());"
        "print(time.perf_counter() - t)"
    )

    def once(env: dict[str, str] | None = None) -> float:
        out = subprocess.run(
            [sys.executable, "-c", code],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
            env=env,
        )
        return float(out.stdout.strip())

    times = [once() for _ in range(runs)]
    print(
        "\n== cold start to first classification (fresh process) ==\n"
        f"  dictionary caches warm: median {statistics.median(times):.3f} s over {runs} runs"
        f" (max {max(times):.3f} s)"
    )
    # The very first start on a machine also derives the trimmed dictionary and jieba's
    # prefix cache for it; an empty temp directory shows that one-off cost.
    with tempfile.TemporaryDirectory() as tmp:
        first = once({**os.environ, "TMPDIR": tmp})
    print(f"  first start on a machine (empty temp directory): {first:.3f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list every wrong answer")
    parser.add_argument("--reps", type=int, default=7, help="speed repetitions (median)")
    args = parser.parse_args()
    train = load(DATA / "corpus-train.tsv")
    heldout = load(DATA / "corpus-heldout.tsv")
    evaluate("train", train, args.errors)
    evaluate("held-out", heldout, args.errors)
    speed([ex.text for ex in train + heldout], args.reps)
    cold_start()


if __name__ == "__main__":
    main()
