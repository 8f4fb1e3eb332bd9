"""Choose the model's settings by cross-validation on the training split only.

Usage: .venv/bin/python bench/tune_model.py [--folds K] [--params JSON ...]

Each ``--params`` is a JSON object of fastText settings layered over
:data:`bot.understand.train.PARAMS`; every candidate is trained on the same K folds of
``data/corpus/train/`` (the held-out split is never read here) and the full ``understand()``
pipeline is measured on each fold's test part. Prints one line per candidate: intent
macro-F1, category accuracy, urgent recall / precision, chat filed as reports, model size.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.understand import model  # noqa: E402
from bot.understand.corpus import Example, training_examples  # noqa: E402
from bot.understand.evaluate import Result, answer, figures  # noqa: E402
from bot.understand.train import train  # noqa: E402


def cv(examples: list[Example], folds: int, params: dict[str, object]) -> tuple[list[Result], int]:
    order = list(range(len(examples)))
    random.Random(13).shuffle(order)
    results: list[Result] = []
    size = 0
    os.environ["LINLI_TRAIN_PARAMS"] = json.dumps(params)
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(folds):
            test = set(order[k::folds])
            fit = [ex for i, ex in enumerate(examples) if i not in test]
            path = train(fit, Path(tmp) / f"fold{k}.bin")
            size = max(size, path.stat().st_size)
            model.use(path)
            results += answer([examples[i] for i in sorted(test)])
    model.use(None)
    return results, size


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--params", action="append", default=[])
    parser.add_argument("--errors", type=Path, help="write the last candidate's misses here")
    args = parser.parse_args()
    examples = training_examples()
    print(f"{len(examples)} training examples, {args.folds}-fold CV")
    for raw in args.params or ["{}"]:
        params = json.loads(raw)
        results, size = cv(examples, args.folds, params)
        f = figures(results)
        print(
            f"{raw:50s} F1 {f.macro_f1:.3f} cat {f.category:.3f} urg {f.urgent_recall:.3f}/"
            f"{f.urgent_precision:.3f} sens {f.sensitive_recall:.3f} fr {f.false_report_rate:.3%}"
            f" ({' '.join(f'{k[:4]} {v:.3f}' for k, v in f.f1.items())}) {size / 1e6:.1f} MB",
            flush=True,
        )
        if args.errors:
            with args.errors.open("w", encoding="utf-8") as out:
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


if __name__ == "__main__":
    main()
