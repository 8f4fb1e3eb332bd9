"""Urgency and sensitivity of the shipped classifier on one labelled file, before reading it.

Usage: .venv/bin/python bench/safety_file.py FILE.tsv [FILE.tsv ...] [--errors] [--rules-only]
                                             [--save OUT.tsv] [--compare BEFORE.tsv]

For a new training file by a writer nobody here has read yet: prints, per file and in all,
urgent recall and precision (of ``understand()``, and of the safety rules alone, without the
model's added urgency) and sensitive recall and precision (of ``understand()``, and of the
rules alone). ``--errors`` then lists the urgent
misses (and those only the model found), the false alarms and the sensitive misses and false flags, to generalise from — so run
it without ``--errors`` first and record the figures.

``--rules-only`` judges by the safety rules alone (fast: no model). ``--save OUT.tsv`` writes
each line's verdicts (rules' urgent, rules' sensitive, then the gold labels, the file, the
text); ``--compare BEFORE.tsv`` then lists every line whose rules' verdict changed since such a
file was saved, with its gold label: how a change to the rules is checked on every training
file, step by step (``bench/safety_file.py bot/understand/data/corpus/train/*.tsv --rules-only
--save before.tsv``, change the rules, then ``… --rules-only --compare before.tsv``).

Refuses the held-out split and the sealed folders: nobody tunes on those.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.config.understanding import default_taxonomy  # noqa: E402
from bot.understand import safety, understand  # noqa: E402
from bot.understand.corpus import Example, load  # noqa: E402
from bot.understand.lexicon import lexicon_for  # noqa: E402

_FORBIDDEN = ("heldout", "sealed")


@dataclass(frozen=True, slots=True)
class Verdict:
    example: Example
    urgent: bool
    rules_urgent: bool
    sensitive: bool
    rules_sensitive: bool


def judge(examples: list[Example], rules_only: bool = False) -> list[Verdict]:
    """Each example's verdicts; with ``rules_only`` the understood ones are the rules' too."""
    taxonomy = default_taxonomy()
    lexicon = lexicon_for(taxonomy)
    out = []
    for ex in examples:
        rules_sensitive, rules_urgent = safety.judged_text(ex.text, lexicon.scan)
        if rules_only:
            out.append(Verdict(ex, rules_urgent, rules_urgent, rules_sensitive, rules_sensitive))
            continue
        u = understand(ex.text, taxonomy)
        out.append(Verdict(ex, u.urgent, rules_urgent, u.sensitive, rules_sensitive))
    return out


def save(verdicts: list[Verdict], path: Path) -> None:
    """One line per example: rules' urgent and sensitive, gold urgent and sensitive, file, text."""
    with path.open("w", encoding="utf-8") as out:
        for v in verdicts:
            ex = v.example
            row = (v.rules_urgent, v.rules_sensitive, ex.urgent, ex.sensitive)
            flags = "\t".join(str(int(bool(flag))) for flag in row)
            out.write(f"{flags}\t{Path(ex.source).name}\t{ex.text}\n")


def changes(verdicts: list[Verdict], before: Path) -> list[str]:
    """The lines whose rules' verdict differs from a file written by :func:`save`."""
    old: dict[tuple[str, str], tuple[str, str]] = {}
    for line in before.read_text(encoding="utf-8").splitlines():
        urgent, sensitive, _, _, name, text = line.split("\t", 5)
        old[(name, text)] = (urgent, sensitive)
    out = []
    for v in verdicts:
        ex = v.example
        was = old.get((Path(ex.source).name, ex.text))
        if was is None:
            continue
        for what, then, now, gold in (
            ("urgent", was[0], v.rules_urgent, ex.urgent),
            ("sensitive", was[1], v.rules_sensitive, ex.sensitive),
        ):
            if then != str(int(now)):
                out.append(
                    f"{what} {then} -> {int(now)} (gold {int(bool(gold))}) | "
                    f"{Path(ex.source).name} | {ex.text}"
                )
    return out


def _pr(pairs: list[tuple[bool, bool]]) -> str:
    """Recall and precision of (gold, predicted) pairs, with the counts behind them."""
    tp = sum(1 for g, p in pairs if g and p)
    fn = sum(1 for g, p in pairs if g and not p)
    fp = sum(1 for g, p in pairs if p and not g)
    recall = tp / (tp + fn) if tp + fn else 1.0
    precision = tp / (tp + fp) if tp + fp else 1.0
    return f"recall {recall:.3f} ({tp}/{tp + fn})  precision {precision:.3f} ({fp} false)"


def summary(name: str, verdicts: list[Verdict]) -> str:
    return "\n".join(
        [
            f"== {name}: {len(verdicts)} messages ==",
            "  urgent       " + _pr([(v.example.urgent, v.urgent) for v in verdicts]),
            "  urgent/rules " + _pr([(v.example.urgent, v.rules_urgent) for v in verdicts]),
            "  sensitive    " + _pr([(v.example.sensitive, v.sensitive) for v in verdicts]),
            "  sens./rules  " + _pr([(v.example.sensitive, v.rules_sensitive) for v in verdicts]),
        ]
    )


def errors(verdicts: list[Verdict]) -> list[str]:
    out = []
    for v in verdicts:
        ex = v.example
        if ex.urgent and not v.urgent:
            out.append(f"URGENT MISS   | {ex.source} | {ex.text}")
        elif ex.urgent and not v.rules_urgent:
            out.append(f"URGENT BY THE MODEL ONLY | {ex.source} | {ex.text}")
        elif v.urgent and not ex.urgent:
            how = "rules" if v.rules_urgent else "model"
            out.append(f"FALSE ALARM ({how}) | {ex.source} | {ex.text}")
        if ex.sensitive != v.sensitive:
            kind = "SENSITIVE MISS" if ex.sensitive else "FALSE SENSITIVE"
            out.append(f"{kind} | {ex.source} | {ex.text}")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("files", type=Path, nargs="+")
    parser.add_argument("--errors", action="store_true", help="list misses and false alarms")
    parser.add_argument("--rules-only", action="store_true", help="the safety rules alone")
    parser.add_argument("--save", type=Path, help="write each line's verdicts here")
    parser.add_argument("--compare", type=Path, help="list what changed since --save")
    args = parser.parse_args()
    everything: list[Verdict] = []
    for path in args.files:
        if any(word in part for part in path.resolve().parts for word in _FORBIDDEN):
            sys.exit(f"{path}: held-out and sealed files are not for tuning")
        verdicts = judge(load(path), rules_only=args.rules_only)
        everything += verdicts
        print(summary(path.name, verdicts))
    if len(args.files) > 1:
        print(summary("all files", everything))
    if args.errors:
        print()
        print("\n".join(errors(everything)))
    if args.save:
        save(everything, args.save)
    if args.compare:
        found = changes(everything, args.compare)
        print(f"\n{len(found)} verdicts of the rules changed since {args.compare}")
        print("\n".join(found))


if __name__ == "__main__":
    main()
