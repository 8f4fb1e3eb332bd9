"""Choose the model's settings by cross-validation on the training split only.

Usage: .venv/bin/python bench/tune_model.py [--folds K] [--seed S | --by-file] [--params JSON ...]
                                            [--decide JSON ...] [--errors FILE] [--layers]
                                            [--train-only FILE ...] [--confusion]

Each ``--params`` is a JSON object of fastText settings layered over
:data:`bot.understand.train.PARAMS` (the key ``"weights"`` instead sets how many times a
training line of each intent counts, :data:`bot.understand.train.WEIGHTS`). Every candidate
is trained once on the same K folds of ``data/corpus/train/`` (the held-out split is never
read here); then each ``--decide`` (a JSON object of decision settings of
:mod:`bot.understand.classify`, e.g. ``{"REPORT_WEIGHT": 0.8, "URGENT_THRESHOLD": 0.4}``)
is measured with the full ``understand()`` pipeline on each fold's test part. ``--by-file``
makes each fold of whole files, so a fold is judged by a model that never saw its writers
(closer to a held-out file by a new hand than random folds, which share every writer). Prints one line
per pair: intent macro-F1, category accuracy, urgent recall / precision, sensitive recall,
chat filed as reports, report recall (as a report, any category), per-intent F1, model
size. ``--layers`` instead measures the explicit rules of :mod:`bot.understand.classify`,
each switched off in turn, on the same folds (does each help or hurt?). ``--train-only
FILE`` keeps a training file out of the folds and adds its lines to every fold's training:
the other files are tested on the same folds as without it (does a new file help?).
``--confusion`` prints, for the last candidate, the category pairs confused (both ways, among
reports taken for reports) and category accuracy by gold category and by file.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.understand import classify, model  # noqa: E402
from bot.understand.corpus import Example, training_examples  # noqa: E402
from bot.understand.evaluate import Result, answer, figures  # noqa: E402
from bot.understand.train import train  # noqa: E402


def folds_of(examples: list[Example], folds: int, seed: int = 13) -> list[list[int]]:
    order = list(range(len(examples)))
    random.Random(seed).shuffle(order)
    return [sorted(order[k::folds]) for k in range(folds)]


def folds_by_file(examples: list[Example], folds: int) -> list[list[int]]:
    """K folds made of whole files (the largest first, each to the smallest fold so far):
    each fold's lines are tested by a model that saw nothing of their writers, as a
    held-out file from a new hand would be."""
    by_file: dict[str, list[int]] = {}
    for i, ex in enumerate(examples):
        by_file.setdefault(Path(ex.source).name, []).append(i)
    parts: list[list[int]] = [[] for _ in range(folds)]
    for name in sorted(by_file, key=lambda n: (-len(by_file[n]), n)):
        smallest = min(range(folds), key=lambda k: (len(parts[k]), k))
        parts[smallest] += by_file[name]
    return [sorted(p) for p in parts]


def fit_folds(
    examples: list[Example],
    parts: list[list[int]],
    params: dict[str, object],
    tmp: Path,
    extra: list[Example] | None = None,
) -> tuple[list[Path], int]:
    """One model per fold, trained without that fold's lines (and with ``extra``, lines that
    are only ever trained on)."""
    os.environ["LINLI_TRAIN_PARAMS"] = json.dumps(params)
    paths: list[Path] = []
    for k, test in enumerate(parts):
        held = set(test)
        fit = [ex for i, ex in enumerate(examples) if i not in held] + (extra or [])
        paths.append(train(fit, tmp / f"fold{k}.bin"))
    os.environ.pop("LINLI_TRAIN_PARAMS", None)
    return paths, max(p.stat().st_size for p in paths)


def measure(
    examples: list[Example], parts: list[list[int]], paths: list[Path], decide: dict[str, float]
) -> list[Result]:
    saved = {name: getattr(classify, name) for name in decide}
    for name, value in decide.items():
        setattr(classify, name, value)
    try:
        results: list[Result] = []
        for test, path in zip(parts, paths, strict=True):
            model.use(path)
            results += answer([examples[i] for i in test])
    finally:
        for name, value in saved.items():
            setattr(classify, name, value)
        model.use(None)
    return results


#: The explicit layers of classify.py, each as the attributes that switch it off.
LAYERS: dict[str, dict[str, object]] = {
    "all layers": {},
    "no me-too / bare still-broken -> chat": {
        "rules.me_too": lambda text: False,
        "classify._only_still_broken": lambda hits: False,
    },
    "no lost and found -> chat": {"rules.lost_and_found": lambda text: False},
    "no help request put to the management -> report": {
        "classify._put_to_management": lambda text, hits: False
    },
    "property never yields to a named fault": {"classify.PROPERTY_YIELD": 2.0},
    "property always yields to a named fault": {"classify.PROPERTY_YIELD": 0.0},
}


def measure_layers(examples: list[Example], parts: list[list[int]], paths: list[Path]) -> None:
    from bot.understand import rules

    modules = {"classify": classify, "rules": rules}
    for name, patch in LAYERS.items():
        saved = {key: getattr(modules[key.split(".")[0]], key.split(".")[1]) for key in patch}
        for key, value in patch.items():
            setattr(modules[key.split(".")[0]], key.split(".")[1], value)
        try:
            results = measure(examples, parts, paths, {})
        finally:
            for key, value in saved.items():
                setattr(modules[key.split(".")[0]], key.split(".")[1], value)
        f = figures(results)
        reports = [u for ex, u in results if ex.intent == "report"]
        recall = sum(1 for u in reports if u.intent == "report") / max(1, len(reports))
        print(
            f"{name:50} F1 {f.macro_f1:.4f} cat {f.category:.4f}"
            f" fr {f.false_report_rate:.2%} rep-recall {recall:.4f}",
            flush=True,
        )


def write_errors(results: list[Result], path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        for ex, u in results:
            wrong = []
            if u.intent != ex.intent:
                wrong.append(f"intent {u.intent}!={ex.intent}")
            if ex.intent == "report" and u.category != ex.category:
                wrong.append(f"cat {u.category}!={ex.category}")
            if u.urgent != ex.urgent:
                wrong.append(f"urg {int(u.urgent)}!={int(ex.urgent)}")
            if u.sensitive != ex.sensitive:
                wrong.append(f"sens {int(u.sensitive)}!={int(ex.sensitive)}")
            if wrong:
                out.write(f"{'; '.join(wrong)} | {ex.source} | {ex.text}\n")


def print_confusion(results: list[Result], top: int = 25) -> None:
    """The category pairs most confused among reports taken for reports (both ways), then
    accuracy by gold category and by file (all reports, and those taken for reports)."""
    reports = [(ex, u) for ex, u in results if ex.intent == "report"]
    taken = [(ex, u) for ex, u in reports if u.intent == "report"]
    wrong = Counter((ex.category, u.category) for ex, u in taken if u.category != ex.category)
    pairs: Counter[tuple[str, str]] = Counter()
    for (a, b), n in wrong.items():
        pairs[(min(a or "", b or ""), max(a or "", b or ""))] += n
    print(
        f"reports {len(reports)}, not taken for reports {len(reports) - len(taken)},"
        f" wrong category among taken {sum(wrong.values())}"
    )
    for (a, b), n in pairs.most_common(top):
        print(f"  {a:12} {b:12} {n:4}  ({a}->{b} {wrong[(a, b)]}, {b}->{a} {wrong[(b, a)]})")
    for name, key in (("category", lambda ex: ex.category or ""), ("file", _file_of)):
        groups: dict[str, list[Result]] = {}
        for ex, u in reports:
            groups.setdefault(key(ex), []).append((ex, u))
        print(f"by {name}: reports, category accuracy, among those taken for reports")
        for group, rs in sorted(groups.items(), key=lambda kv: _accuracy(kv[1])):
            kept = [(ex, u) for ex, u in rs if u.intent == "report"]
            print(f"  {group:28} {len(rs):5} {_accuracy(rs):.3f} {_accuracy(kept):.3f}")


def _file_of(example: Example) -> str:
    return Path(example.source).name


def _accuracy(results: list[Result]) -> float:
    return sum(1 for ex, u in results if u.category == ex.category) / max(1, len(results))


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--params", action="append", default=[])
    parser.add_argument("--decide", action="append", default=[])
    parser.add_argument("--seed", type=int, default=13, help="how the folds are drawn")
    parser.add_argument(
        "--by-file", action="store_true", help="folds of whole files (a new writer's view)"
    )
    parser.add_argument("--errors", type=Path, help="write the last candidate's misses here")
    parser.add_argument(
        "--keep",
        type=Path,
        help="keep the fold models in this folder and reuse them when already there (one"
        " --params only; for trying decisions or rules that are not the model's input)",
    )
    parser.add_argument(
        "--layers", action="store_true", help="switch each rule of classify.py off in turn"
    )
    parser.add_argument(
        "--train-only",
        action="append",
        default=[],
        help="a training file whose lines are in every fold's training and never tested (does "
        "adding it help on the other files' lines, on the same folds?)",
    )
    parser.add_argument(
        "--confusion", action="store_true", help="print the last candidate's category confusion"
    )
    args = parser.parse_args()
    examples = training_examples()
    only = {Path(name).name for name in args.train_only}
    extra = [ex for ex in examples if Path(ex.source).name in only]
    examples = [ex for ex in examples if Path(ex.source).name not in only]
    if args.by_file:
        parts = folds_by_file(examples, args.folds)
    else:
        parts = folds_of(examples, args.folds, args.seed)
    kind = "by file" if args.by_file else f"seed {args.seed}"
    print(
        f"{len(examples)} training examples, {args.folds}-fold CV ({kind})"
        + (f", {len(extra)} more only trained on" if extra else "")
    )
    results: list[Result] = []
    for raw in args.params or ["{}"]:
        with tempfile.TemporaryDirectory() as tmp:
            kept = args.keep and [args.keep / f"fold{k}.bin" for k in range(len(parts))]
            if kept and all(p.exists() for p in kept):
                paths, size = kept, max(p.stat().st_size for p in kept)
            else:
                if args.keep:
                    args.keep.mkdir(parents=True, exist_ok=True)
                paths, size = fit_folds(
                    examples, parts, json.loads(raw), args.keep or Path(tmp), extra
                )
            if args.layers:
                measure_layers(examples, parts, paths)
                continue
            for decision in args.decide or ["{}"]:
                results = measure(examples, parts, paths, json.loads(decision))
                f = figures(results)
                reports = [u for ex, u in results if ex.intent == "report"]
                recall = sum(1 for u in reports if u.intent == "report") / max(1, len(reports))
                print(
                    f"{raw} {decision}\n    F1 {f.macro_f1:.3f} cat {f.category:.3f} urg"
                    f" {f.urgent_recall:.3f}/{f.urgent_precision:.3f} sens"
                    f" {f.sensitive_recall:.3f}/{f.false_sensitive} fr {f.false_report_rate:.2%} rep-recall {recall:.3f}"
                    f" ({' '.join(f'{k[:4]} {v:.3f}' for k, v in f.f1.items())})"
                    f" {size / 1e6:.1f} MB",
                    flush=True,
                )
    if args.errors:
        write_errors(results, args.errors)
    if args.confusion and results:
        print_confusion(results)


if __name__ == "__main__":
    main()
