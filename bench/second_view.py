"""A second, different view of a message for the report-or-not decision, by-file CV only.

Usage: .venv/bin/python bench/second_view.py --main-keep DIR [--second-keep DIR] [--view V]
                                             [--params JSON] [--combine JSON ...]
       .venv/bin/python bench/second_view.py dump OUT MAIN_KEEP VIEW=DIR...

The main model's fold models come from ``bench/tune_model.py --by-file --keep DIR`` (same
folds). A small binary fastText model (``report`` against everything else) is trained on each
fold's training part with a different input (``--view``: ``chars``, the characters alone with
fastText's word n-grams over them; ``words``, the jieba words alone; ``clauses``, the jieba
words of the first and last clause with the rule tags, the view that ships in
:mod:`bot.understand.features`; ``fl`` the same without the tags; ``flp`` with the clause of
the first problem word; ``flc`` with the characters of the last clause), and its report
probability is combined with the main model's (``--combine``, see :func:`combine`) before the
intent is taken; every rule of :mod:`bot.understand.classify` stays on top (an urgent message
is a report). Prints, for each combination, the figures of ``bench/tune_model.py`` on the same
folds. ``dump`` writes every line's out-of-fold probabilities and the rules' overrides for
``bench/second_sim.py``, which replays the intent decision exactly and fast. The held-out
split is never read. (Tenth session, docs/understanding.md.)
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import re
import sys
import tempfile
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from tune_model import folds_by_file, write_errors  # noqa: E402

from bot.config.understanding import default_taxonomy  # noqa: E402
from bot.understand import classify, model, train  # noqa: E402
from bot.understand.classify import Reading, read  # noqa: E402
from bot.understand.corpus import Example, training_examples  # noqa: E402
from bot.understand.evaluate import Result, answer, figures  # noqa: E402
from bot.understand.features import tags  # noqa: E402
from bot.understand.lexicon import lexicon_for  # noqa: E402
from bot.understand.normalise import normalise  # noqa: E402
from bot.understand.train import _fit  # noqa: E402

_CHAR = re.compile(r"[\u4e00-\u9fff]|[a-z]+|[0-9]+")
_CLAUSE = re.compile(r"[^，。!！?？;；,\n~…]+")
_DIGITS = re.compile(r"^[0-9]+$")


def view_chars(r: Reading) -> str:
    out = ["<n>" if _DIGITS.match(t) else t for t in _CHAR.findall(r.text.lower())]
    return " ".join(out) or "<empty>"


def view_words(r: Reading) -> str:
    out = [t.lower() for t in r.tokens if t.strip() and _CLAUSE.fullmatch(t) is not None]
    return " ".join(out) or "<empty>"


def view_clauses(r: Reading) -> str:
    return " ".join(_fl(r, True)) or "<empty>"


def _fl(r: Reading, tagged: bool) -> list[str]:
    clauses = _CLAUSE.findall(r.text)
    picked = clauses[:1] + (clauses[-1:] if len(clauses) > 1 else [])
    from bot.understand.tokenizer import lcut

    words = [f"F_{w}" for w in lcut(picked[0])] if picked else []
    if len(picked) > 1:
        words += [f"L_{w}" for w in lcut(picked[1])]
    words = [w for w in words if w.strip() not in ("F_", "L_")]
    return words + (tags(r.text, r.hits) if tagged else [])


def view_fl(r: Reading) -> str:
    return " ".join(_fl(r, False)) or "<empty>"


def view_flp(r: Reading) -> str:
    """First and last clause, the clause of the first problem word, and the tags."""
    from bot.understand.lexicon import Role
    from bot.understand.tokenizer import lcut

    out = _fl(r, True)
    hit = next((h for h in r.hits if h.has(Role.PROBLEM) or h.has(Role.KEYWORD)), None)
    if hit is not None:
        for m in _CLAUSE.finditer(r.text):
            if m.start() <= hit.pos < m.end():
                out += [f"P_{w}" for w in lcut(m.group()) if w.strip()]
                break
    return " ".join(out) or "<empty>"


def view_flc(r: Reading) -> str:
    """First and last clause with the tags, and the characters of the last clause."""
    clauses = _CLAUSE.findall(r.text)
    chars = [f"C_{c}" for c in re.findall(r"[\u4e00-\u9fff]", clauses[-1])] if clauses else []
    return " ".join(_fl(r, True) + chars) or "<empty>"


VIEWS: dict[str, Callable[[Reading], str]] = {
    "fl": view_fl,
    "flp": view_flp,
    "flc": view_flc,
    "chars": view_chars,
    "words": view_words,
    "clauses": view_clauses,
}

#: Train the second view on report and chat lines only (``LINLI_VIEW_ONLY_CHAT=1``).
ONLY_CHAT = __import__("os").environ.get("LINLI_VIEW_ONLY_CHAT") == "1"

SECOND: dict[str, Any] = dict(train.VIEW_PARAMS)


def combine(p1: float, p2: float, how: dict[str, Any]) -> float:
    """The report probability from the main model's ``p1`` and the second view's ``p2``."""
    return _combine(p1, p2, how) * float(how.get("scale", 1.0))


def _combine(p1: float, p2: float, how: dict[str, Any]) -> float:
    mode = how.get("mode", "none")
    if mode == "none":
        return p1
    if mode == "w":  # the main model alone, report weighed (the trade to beat)
        return p1 * float(how["w"])
    if mode == "geo":
        a = float(how.get("a", 0.5))
        return float(max(p1, 1e-9) ** (1 - a) * max(p2, 1e-9) ** a)
    if mode == "mean":
        a = float(how.get("a", 0.5))
        return (1 - a) * p1 + a * p2
    if mode == "min":
        return min(p1, p2)
    if mode == "min2":  # the second view can only lower the first's report probability
        return min(p1, float(how["k"]) * p2)
    if mode == "veto":  # the second view vetoes when sure, unless the first is sure
        if p2 < float(how["t2"]) and p1 < float(how.get("t1", 2.0)):
            return p1 * float(how.get("w", 0.0))
        return p1
    raise ValueError(mode)


def fit_second(
    examples: list[Example],
    lines: list[str],
    parts: list[list[int]],
    params: dict[str, Any],
    out: Path,
) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    paths = [out / f"fold{k}.bin" for k in range(len(parts))]
    context = multiprocessing.get_context("spawn")
    for k, test in enumerate(parts):
        if paths[k].exists():
            continue
        held = set(test)
        with tempfile.TemporaryDirectory() as tmp:
            data = Path(tmp) / "train.txt"
            data.write_text(
                "".join(
                    f"__label__{'report' if ex.intent == 'report' else 'other'} {lines[i]}\n"
                    for i, ex in enumerate(examples)
                    if i not in held and (not ONLY_CHAT or ex.intent in ("report", "chat"))
                ),
                encoding="utf-8",
            )
            with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
                pool.submit(_fit, str(data), str(paths[k]), params).result()
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--main-keep", type=Path, required=True)
    parser.add_argument("--second-keep", type=Path)
    parser.add_argument("--view", default="chars", choices=sorted(VIEWS))
    parser.add_argument("--params", default="{}")
    parser.add_argument("--combine", action="append", default=[])
    parser.add_argument("--errors", type=Path)
    parser.add_argument("--dump", type=Path, help="write p1, p2, gold per line (tsv)")
    args = parser.parse_args()
    import fasttext_pybind

    examples = training_examples()
    parts = folds_by_file(examples, 5)
    lexicon = lexicon_for(default_taxonomy())
    view = VIEWS[args.view]
    lines = [view(read(normalise(ex.text), lexicon)) for ex in examples]
    params = {**SECOND, **json.loads(args.params)}
    with tempfile.TemporaryDirectory() as tmp:
        second_paths = fit_second(
            examples, lines, parts, params, args.second_keep or Path(tmp) / "second"
        )
        main_paths = [args.main_keep / f"fold{k}.bin" for k in range(len(parts))]
        size = max(p.stat().st_size for p in second_paths)
        print(f"view {args.view} {json.dumps(params)} second model {size / 1e6:.2f} MB", flush=True)
        state: dict[str, Any] = {}
        original_read = classify.read
        original_predict = model.Model.predict

        def stash_read(norm: str, lex: Any, hits: Any = None) -> Reading:
            r = original_read(norm, lex, hits)
            state["reading"] = r
            return r

        def predict(self: model.Model, line: str) -> model.Prediction:
            pred = original_predict(self, line)
            r = state["reading"]
            try:
                scored = state["second"].predict(view(r) + "\n", 2, 0.0, "replace")
                p2 = next((float(p) for p, lab in scored if lab == "__label__report"), 0.0)
            except RuntimeError:
                p2 = 0.5
            state["log"].append((pred.intents["report"], p2))
            pred.intents["report"] = combine(pred.intents["report"], p2, state["how"])
            return pred

        classify.read = stash_read  # type: ignore[assignment]
        model.Model.predict = predict  # type: ignore[method-assign]
        results: list[Result] = []
        for raw in args.combine or ['{"mode": "none"}']:
            state["how"] = json.loads(raw)
            results = []
            state["log"] = []
            for test, mp, sp in zip(parts, main_paths, second_paths, strict=True):
                model.use(mp)
                ft = fasttext_pybind.fasttext()
                ft.loadModel(str(sp))
                state["second"] = ft
                results += answer([examples[i] for i in test])
            f = figures(results)
            reports = [u for ex, u in results if ex.intent == "report"]
            recall = sum(1 for u in reports if u.intent == "report") / max(1, len(reports))
            print(
                f"{raw}\n    F1 {f.macro_f1:.4f} cat {f.category:.4f} urg"
                f" {f.urgent_recall:.3f}/{f.urgent_precision:.3f} sens"
                f" {f.sensitive_recall:.3f}/{f.false_sensitive} fr {f.false_report_rate:.2%}"
                f" rep-recall {recall:.4f}"
                f" ({' '.join(f'{k[:4]} {v:.3f}' for k, v in f.f1.items())})",
                flush=True,
            )
            if args.dump and raw == (args.combine or ['{"mode": "none"}'])[0]:
                with args.dump.open("w", encoding="utf-8") as out:
                    for (ex, u), (p1, p2) in zip(results, state["log"], strict=False):
                        out.write(
                            f"{ex.intent}\t{u.intent}\t{int(u.urgent)}\t{p1:.4f}\t{p2:.4f}\t"
                            f"{Path(ex.source).name}\n"
                        )
    if args.errors:
        write_errors(results, args.errors)


def dump_full(out: Path, main_keep: Path, seconds: list[tuple[str, Path]]) -> None:
    """Write, for every training line (out of fold), what the intent decision needs: gold
    intent, the rules' overrides, the main model's four intent probabilities, whether its
    category is right, and each second view's report probability (for bench/second_sim.py)."""
    import fasttext_pybind

    from bot.understand import rules

    examples = training_examples()
    parts = folds_by_file(examples, 5)
    taxonomy = default_taxonomy()
    lexicon = lexicon_for(taxonomy)
    with out.open("w", encoding="utf-8") as f:
        for k, test in enumerate(parts):
            model.use(main_keep / f"fold{k}.bin")
            fts = []
            for name, keep in seconds:
                ft = fasttext_pybind.fasttext()
                ft.loadModel(str(keep / f"fold{k}.bin"))
                fts.append((VIEWS[name], ft))
            for i in test:
                ex = examples[i]
                u = classify.understand(ex.text, taxonomy)
                norm = normalise(ex.text)
                r = read(norm, lexicon)
                pred = model.active().predict(r.line)
                to_chat = (
                    rules.me_too(r.text)
                    or classify._only_still_broken(r.hits)
                    or rules.lost_and_found(r.text)
                )
                to_report = classify._put_to_management(r.text, r.hits)
                cat = classify._category(pred, r.hits, r.text)
                cat = cat if cat in taxonomy.codes else "other"
                p2s = []
                for view, ft in fts:
                    try:
                        scored = ft.predict(view(r) + "\n", 2, 0.0, "replace")
                        p2s.append(
                            next((float(p) for p, lab in scored if lab == "__label__report"), 0.0)
                        )
                    except RuntimeError:
                        p2s.append(0.5)
                it = pred.intents
                f.write(
                    "\t".join(
                        [
                            ex.intent,
                            u.intent.value,
                            str(int(u.urgent)),
                            str(int(to_chat)),
                            str(int(to_report)),
                            *(f"{it[n]:.5f}" for n in ("report", "help_request", "offer", "chat")),
                            str(int(ex.intent == "report" and cat == ex.category)),
                            *(f"{p:.5f}" for p in p2s),
                            Path(ex.source).name,
                        ]
                    )
                    + "\n"
                )


if __name__ == "__main__" and sys.argv[1:2] == ["dump"]:
    # bench/second_view.py dump OUT MAIN_KEEP VIEW=KEEP...
    dump_full(
        Path(sys.argv[2]),
        Path(sys.argv[3]),
        [(a.split("=")[0], Path(a.split("=")[1])) for a in sys.argv[4:]],
    )
    sys.exit(0)


if __name__ == "__main__":
    main()
