"""Dump what understanding decides for many texts, to prove a speed change changes nothing.

Usage: .venv/bin/python bench/verdicts.py OUT.jsonl [--texts TEXTS.jsonl] [--save-texts F]

To compare two versions of the code on the same texts: save the texts with the new tree,
copy this script into the old tree (``git archive OLD | tar -x -C DIR``), run it there with
``--texts``, run it in the new tree with ``--texts``, and ``cmp`` the two outputs (the script
imports ``bot`` from the tree it sits in).

Texts (never the held-out split): every line of the training corpus, every ``text`` of the
golden replay scripts, every Chinese string literal of the understanding tests, and long
messages built from training lines (600 to 12,000 characters, fixed seed) so that the
sentence focus of long messages is exercised too. For each text one JSON line: the whole
:class:`Understanding`, the model's input line (so every feature, tag and token is
compared, not only the verdict), the model's raw prediction and :func:`report_category`.
"""

from __future__ import annotations

import argparse
import ast
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.config.understanding import default_taxonomy  # noqa: E402
from bot.understand import model  # noqa: E402
from bot.understand.classify import read, report_category, understand  # noqa: E402
from bot.understand.corpus import training_examples  # noqa: E402
from bot.understand.lexicon import lexicon_for  # noqa: E402
from bot.understand.normalise import normalise  # noqa: E402


def texts() -> list[str]:
    """The texts to compare, in a fixed order."""
    train = [ex.text for ex in training_examples()]
    out = list(train)
    for path in sorted((ROOT / "tests" / "golden").glob("*.jsonl")):
        if path.name.endswith(".expected.jsonl"):
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip().startswith("{"):
                continue  # comments in some scripts
            text = json.loads(line).get("text")
            if isinstance(text, str):
                out.append(text)
    for path in sorted((ROOT / "tests" / "understand").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                if any("\u4e00" <= ch <= "\u9fff" for ch in node.value):
                    out.append(node.value)
    rng = random.Random(13)
    for size in (600, 1_200, 3_000, 6_000, 12_000):
        for _ in range(40):
            parts: list[str] = []
            while sum(len(p) for p in parts) < size:
                parts.append(rng.choice(train))
            out.append(rng.choice(["", "\n", "，", "。", " "]).join(parts))
    return out


def verdict(text: str) -> dict[str, object]:
    taxonomy = default_taxonomy()
    u = understand(text, taxonomy)
    reading = read(normalise(text), lexicon_for(taxonomy))
    p = model.active().predict(reading.line)
    return {
        "text": text[:200],
        "u": [u.text, u.intent, u.category, u.urgent, u.location, list(u.keywords), u.sensitive],
        "chat_kw": list(understand(text, taxonomy, chat_keywords=False).keywords),
        "line": reading.line,
        "tokens": reading.tokens,
        "hits": [(h.word, h.pos, sorted(h.tags)) for h in reading.hits],
        "p": [sorted(p.intents.items()), p.category, p.category_probability, p.urgent],
        "report_category": report_category(text, taxonomy),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--texts", type=Path, help="read the texts from this file instead")
    parser.add_argument("--save-texts", type=Path, help="write the texts used to this file")
    args = parser.parse_args()
    import bot

    print(f"code: {Path(bot.__file__).parent}", file=sys.stderr)
    if args.texts:
        chosen = [json.loads(line) for line in args.texts.read_text(encoding="utf-8").splitlines()]
    else:
        chosen = texts()
    if args.save_texts:
        args.save_texts.write_text(
            "".join(json.dumps(t, ensure_ascii=False) + "\n" for t in chosen), encoding="utf-8"
        )
    with args.out.open("w", encoding="utf-8") as fh:
        for text in chosen:
            fh.write(json.dumps(verdict(text), ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
