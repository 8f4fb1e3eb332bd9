"""Measure text understanding on the labelled corpus: quality and speed.

Usage: .venv/bin/python bench/understand.py [--cv K] [--errors-on-train] [--reps N] [--no-speed]
                                             [--no-heldout] [--fresh FILE ...]

Prints, for the held-out split (``bot/understand/data/corpus/heldout/``, written by other
hands and never tuned on) as a whole and file by file: per-intent precision/recall/F1 and
macro-F1, category accuracy on reports, urgent recall and precision, location exact match on
reports, sensitive recall, and the false-report rate on the hard negatives (files named
``*negatives*``: every line is chat). ``--cv K`` adds K-fold cross-validation on the
training split (the only figures to tune on; ``--errors-on-train`` lists their misses).
Then messages/s of ``understand()`` and of bare ``jieba.lcut`` on the same messages (median
of several repetitions, in one process) and their ratio, and the cold-start time to the first
classification in a fresh subprocess.

``--fresh FILE`` measures the model in use on a new writer's corpus file before it joins the
training split, as if it were held out (its lines that the training split already has, such
as "+1", are left out and counted).

Held-out errors are deliberately not listed: looking at them would be tuning on them.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.understand.corpus import (  # noqa: E402
    HELDOUT_DIR,
    Example,
    load,
    training_examples,
)
from bot.understand.evaluate import Figures, answer, figures, report  # noqa: E402


def show(name: str, f: Figures) -> None:
    print("\n" + report(name, f))


def heldout(show_files: bool = True) -> None:
    files = sorted(HELDOUT_DIR.glob("*.tsv"))
    everything: list[Example] = []
    for path in files:
        examples = load(path)
        everything.extend(examples)
        if show_files:
            show(f"held-out {path.name}", figures(answer(examples)))
    show("held-out, all files", figures(answer(everything)))


def fresh(path: Path) -> None:
    """The model in use on a new writer's file, before training on it."""
    from bot.understand.normalise import normalise

    trained = {normalise(ex.text) for ex in training_examples()}
    examples = load(path)
    new = [ex for ex in examples if normalise(ex.text) not in trained]
    results = answer(new)
    show(
        f"fresh file {path.name} ({len(examples) - len(new)} lines already trained on, left out)",
        figures(results),
    )
    reports = [u for ex, u in results if ex.intent == "report"]
    taken = sum(1 for u in reports if u.intent == "report")
    print(f"  reports taken for reports {taken / max(1, len(reports)):.3f}")


def cross_validate(folds: int, list_errors: bool) -> None:
    """K-fold cross-validation on the training split (the held-out split is not read)."""
    from bot.understand import model
    from bot.understand.train import train

    examples = training_examples()
    order = list(range(len(examples)))
    random.Random(13).shuffle(order)
    predicted: list[tuple[Example, Any]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(folds):
            test_idx = set(order[k::folds])
            fit = [ex for i, ex in enumerate(examples) if i not in test_idx]
            path = train(fit, Path(tmp) / f"fold{k}.bin")
            model.use(path)
            predicted += answer([examples[i] for i in sorted(test_idx)])
        model.use(None)
    show(f"training split, {folds}-fold cross-validation", figures(predicted))
    if list_errors:
        for ex, u in predicted:
            wrong = _wrong(ex, u)
            if wrong:
                print(f"    {'; '.join(wrong)} | {ex.source} | {ex.text}")


def _wrong(ex: Example, u: Any) -> list[str]:
    wrong = []
    intent, category, urgent, location = u.intent, u.category, u.urgent, u.location
    if intent != ex.intent:
        wrong.append(f"intent {intent}!={ex.intent}")
    if ex.intent == "report" and category != ex.category:
        wrong.append(f"category {category}!={ex.category}")
    if urgent != ex.urgent:
        wrong.append(f"urgent {urgent}!={ex.urgent}")
    if ex.intent == "report" and location != ex.location:
        wrong.append(f"location {location}!={ex.location}")
    return wrong


def speed(texts: list[str], reps: int) -> None:
    import jieba

    from bot.config.understanding import default_taxonomy
    from bot.understand import tokenizer, understand

    jieba.setLogLevel(60)
    taxonomy = default_taxonomy()
    understand("预热", taxonomy)
    jieba.lcut("预热")

    cpu: dict[str, list[float]] = {"bare": [], "ours": [], "trimmed": []}

    def once(name: str, fn: Callable[[str], object]) -> float:
        """The cost of one message, in µs, over one pass through ``texts`` (wall clock;
        the process's CPU time is kept in ``cpu``)."""
        start, start_cpu = time.perf_counter(), time.process_time()
        for text in texts:
            fn(text)
        cpu[name].append((time.process_time() - start_cpu) / len(texts) * 1e6)
        return (time.perf_counter() - start) / len(texts) * 1e6

    # The three are timed in turn within each repetition, so that a burst of load from
    # other processes on a shared machine falls on all of them rather than on one.
    runs: dict[str, list[float]] = {"bare": [], "ours": [], "trimmed": []}
    ratios = []
    for _ in range(reps):
        runs["bare"].append(once("bare", jieba.lcut))
        runs["ours"].append(once("ours", lambda text: understand(text, taxonomy)))
        runs["trimmed"].append(once("trimmed", tokenizer.lcut))
        ratios.append(runs["ours"][-1] / runs["bare"][-1])
    bare, ours, trimmed = (statistics.median(runs[k]) for k in ("bare", "ours", "trimmed"))
    cpu_bare, cpu_ours = statistics.median(cpu["bare"]), statistics.median(cpu["ours"])
    cpu_ratios = [o / b for o, b in zip(cpu["ours"], cpu["bare"], strict=True)]
    print(f"\n== speed: {len(texts)} messages, median of {reps} runs ==")
    print(f"  understand()                      {ours:8.1f} µs per message")
    print(f"  bare jieba.lcut (default dict)    {bare:8.1f} µs per message")
    print(f"  linli tokenizer lcut (no HMM)     {trimmed:8.1f} µs per message")
    print(
        f"  understand costs {ours / bare:.2f}x bare jieba.lcut"
        f" (median of the {reps} runs' ratios {statistics.median(ratios):.2f}x)"
    )
    # CPU time is less disturbed than the wall clock by other processes on a loaded machine.
    print(
        f"  on CPU time: understand() {cpu_ours:.1f} µs, bare jieba.lcut {cpu_bare:.1f} µs:"
        f" {cpu_ours / cpu_bare:.2f}x (median of the runs' ratios"
        f" {statistics.median(cpu_ratios):.2f}x)"
    )


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
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--cv", type=int, default=0, help="K-fold cross-validation on train")
    parser.add_argument("--errors-on-train", action="store_true", help="list CV misses")
    parser.add_argument("--reps", type=int, default=7, help="speed repetitions (median)")
    parser.add_argument("--no-speed", action="store_true", help="quality figures only")
    parser.add_argument(
        "--no-heldout", action="store_true", help="skip the held-out figures (while tuning)"
    )
    parser.add_argument(
        "--fresh", type=Path, action="append", default=[], help="a new writer's file"
    )
    args = parser.parse_args()
    for path in args.fresh:
        fresh(path)
    if args.cv:
        cross_validate(args.cv, args.errors_on_train)
    if not args.no_heldout:
        heldout()
    if not args.no_speed:
        texts = [ex.text for ex in training_examples()]
        for path in sorted(HELDOUT_DIR.glob("*.tsv")):
            texts += [ex.text for ex in load(path)]
        speed(texts, args.reps)
        cold_start()


if __name__ == "__main__":
    main()
