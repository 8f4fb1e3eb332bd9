"""Figures of understanding on labelled examples: intent F1, category, urgency, location,
sensitivity, false reports. Shared by ``bench/understand.py`` and ``linli learn``."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from bot.config.understanding import Taxonomy, default_taxonomy
from bot.understand.classify import Understanding, understand
from bot.understand.corpus import INTENTS, Example

Result = tuple[Example, Understanding]


@dataclass(frozen=True, slots=True)
class Figures:
    n: int
    macro_f1: float
    f1: dict[str, float]
    category: float
    reports: int
    urgent_recall: float
    urgent_precision: float
    urgent_n: int
    false_alarms: int
    location: float
    sensitive_recall: float
    sensitive_n: int
    false_sensitive: int
    false_report_rate: float
    chat_n: int


def answer(examples: Sequence[Example], taxonomy: Taxonomy | None = None) -> list[Result]:
    """Each example with linli's understanding of its text (with the model in use)."""
    taxonomy = taxonomy or default_taxonomy()
    return [(ex, understand(ex.text, taxonomy)) for ex in examples]


def figures(results: list[Result]) -> Figures:
    f1: dict[str, float] = {}
    for intent in INTENTS:
        tp = sum(1 for ex, u in results if ex.intent == intent and u.intent == intent)
        fp = sum(1 for ex, u in results if ex.intent != intent and u.intent == intent)
        fn = sum(1 for ex, u in results if ex.intent == intent and u.intent != intent)
        if tp + fn == 0 and fp == 0:
            continue  # an intent absent from this set (the negatives are all chat)
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f1[intent] = 2 * p * r / (p + r) if p + r else 0.0
    reports = [(ex, u) for ex, u in results if ex.intent == "report"]
    tp = sum(1 for ex, u in results if ex.urgent and u.urgent)
    fp = sum(1 for ex, u in results if not ex.urgent and u.urgent)
    fn = sum(1 for ex, u in results if ex.urgent and not u.urgent)
    sens = [u for ex, u in results if ex.sensitive]
    chats = [u for ex, u in results if ex.intent == "chat"]
    return Figures(
        n=len(results),
        macro_f1=statistics.mean(f1.values()) if f1 else 0.0,
        f1=f1,
        category=_ratio(sum(1 for ex, u in reports if u.category == ex.category), len(reports)),
        reports=len(reports),
        urgent_recall=_ratio(tp, tp + fn),
        urgent_precision=_ratio(tp, tp + fp),
        urgent_n=tp + fn,
        false_alarms=fp,
        location=_ratio(sum(1 for ex, u in reports if u.location == ex.location), len(reports)),
        sensitive_recall=_ratio(sum(1 for u in sens if u.sensitive), len(sens)),
        sensitive_n=len(sens),
        false_sensitive=sum(1 for ex, u in results if u.sensitive and not ex.sensitive),
        false_report_rate=sum(1 for u in chats if u.intent == "report") / len(chats)
        if chats
        else 0.0,
        chat_n=len(chats),
    )


def _ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


def report(name: str, f: Figures) -> str:
    """The figures as a few readable lines."""
    lines = [f"== {name}: {f.n} messages =="]
    per = " / ".join(f"{k} {v:.3f}" for k, v in f.f1.items())
    lines.append(f"  intent macro-F1 {f.macro_f1:.3f}  ({per})")
    if f.reports:
        lines.append(f"  category accuracy (reports) {f.category:.3f}  (n={f.reports})")
        lines.append(f"  location exact match (reports) {f.location:.3f}")
    lines.append(
        f"  urgent recall {f.urgent_recall:.3f}  precision {f.urgent_precision:.3f}"
        f"  (n={f.urgent_n}, false alarms {f.false_alarms})"
    )
    if f.sensitive_n:
        lines.append(f"  sensitive recall {f.sensitive_recall:.3f}  (n={f.sensitive_n})")
    if f.chat_n:
        lines.append(
            f"  chat filed as a report {f.false_report_rate:.3%}  (of {f.chat_n} chat lines)"
        )
    return "\n".join(lines)
