"""Replay the intent decision on a dump of bench/second_view.py (out-of-fold probabilities),
with the main model's report probability combined with second views' (fast sweeps)."""

from __future__ import annotations

import sys

import numpy as np

NAMES = ("report", "help_request", "offer", "chat")


def load(path: str) -> dict[str, np.ndarray]:
    rows = [line.rstrip("\n").split("\t") for line in open(path, encoding="utf-8")]
    n2 = len(rows[0]) - 11
    gold = np.array([NAMES.index(r[0]) for r in rows])
    shipped = np.array([NAMES.index(r[1]) for r in rows])
    return {
        "gold": gold,
        "shipped": shipped,
        "urgent": np.array([r[2] == "1" for r in rows]),
        "to_chat": np.array([r[3] == "1" for r in rows]),
        "to_report": np.array([r[4] == "1" for r in rows]),
        "p": np.array([[float(x) for x in r[5:9]] for r in rows]),
        "catok": np.array([r[9] == "1" for r in rows]),
        "p2": np.array([[float(x) for x in r[10 : 10 + n2]] for r in rows]),
        "file": np.array([r[-1] for r in rows]),
    }


def decide(d: dict[str, np.ndarray], report: np.ndarray) -> np.ndarray:
    p = d["p"].copy()
    p[:, 0] = report
    intent = np.argmax(p, axis=1)  # first of equal ones, as classify._intent
    intent = np.where(d["urgent"], 0, np.where(d["to_chat"], 3, intent))
    intent = np.where((intent == 1) & d["to_report"] & ~d["urgent"] & ~d["to_chat"], 0, intent)
    return intent


def score(d: dict[str, np.ndarray], intent: np.ndarray) -> tuple[float, float, float, float]:
    gold = d["gold"]
    f1s = []
    for k in range(4):
        tp = np.sum((gold == k) & (intent == k))
        fp = np.sum((gold != k) & (intent == k))
        fn = np.sum((gold == k) & (intent != k))
        f1s.append(2 * tp / max(1, 2 * tp + fp + fn))
    chat = gold == 3
    rep = gold == 0
    fr = np.sum(chat & (intent == 0)) / np.sum(chat)
    rec = np.sum(rep & (intent == 0)) / np.sum(rep)
    cat = np.sum(rep & (intent == 0) & d["catok"]) / np.sum(rep)
    return float(np.mean(f1s)), float(cat), float(fr), float(rec)


def line(name: str, s: tuple[float, float, float, float]) -> str:
    return f"{name:40} F1 {s[0]:.4f} cat {s[1]:.4f} fr {s[2]:.2%} rec {s[3]:.4f}"


if __name__ == "__main__":
    d = load(sys.argv[1])
    same = np.mean(decide(d, d["p"][:, 0]) == d["shipped"])
    print(f"replay agrees with the pipeline on {same:.4%} of lines")
