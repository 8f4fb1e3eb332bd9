"""Urgency and sensitivity of the shipped classifier on one labelled file, before reading it.

Usage: .venv/bin/python bench/safety_file.py FILE.tsv [FILE.tsv ...] [--errors]

For a new training file by a writer nobody here has read yet: prints, per file and in all,
urgent recall and precision (of ``understand()``, and of the safety rules alone, without the
model's added urgency) and sensitive recall and precision (of ``understand()``, and of the
rules alone). ``--errors`` then lists the urgent
misses (and those only the model found), the false alarms and the sensitive misses and false flags, to generalise from — so run
it without ``--errors`` first and record the figures.

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
from bot.understand.normalise import normalise_words  # noqa: E402

_FORBIDDEN = ("heldout", "sealed")


@dataclass(frozen=True, slots=True)
class Verdict:
    example: Example
    urgent: bool
    rules_urgent: bool
    sensitive: bool
    rules_sensitive: bool


def judge(examples: list[Example]) -> list[Verdict]:
    taxonomy = default_taxonomy()
    lexicon = lexicon_for(taxonomy)
    out = []
    for ex in examples:
        u = understand(ex.text, taxonomy)
        norm = normalise_words(ex.text)
        rules_urgent = safety.urgent(norm, lexicon.scan(norm))
        out.append(Verdict(ex, u.urgent, rules_urgent, u.sensitive, safety.sensitive(norm)))
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
    args = parser.parse_args()
    everything: list[Verdict] = []
    for path in args.files:
        if any(word in part for part in path.resolve().parts for word in _FORBIDDEN):
            sys.exit(f"{path}: held-out and sealed files are not for tuning")
        verdicts = judge(load(path))
        everything += verdicts
        print(summary(path.name, verdicts))
    if len(args.files) > 1:
        print(summary("all files", everything))
    if args.errors:
        print()
        print("\n".join(errors(everything)))


if __name__ == "__main__":
    main()
