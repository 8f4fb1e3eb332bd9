"""The command grammar on real-looking text: how often ordinary messages are taken for a
command (they never should be), and what parsing costs per message.

    .venv/bin/python -m bench.grammar

Reads every message of the understanding corpus (chat, reports, help requests and offers:
none of them is a command) and the command table of tests/commands/table.txt.
"""

from __future__ import annotations

import time
from pathlib import Path

from bot.commands import CommandCall, CommandParser
from handlers import default_features

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "bot" / "understand" / "data" / "corpus"
TABLE = ROOT / "tests" / "commands" / "table.txt"


def corpus_texts() -> list[str]:
    texts = []
    for path in sorted(CORPUS.rglob("*.tsv")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                texts.append(line.rsplit("\t", 1)[-1])
    return texts


def table_texts() -> list[str]:
    out = []
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith(";;"):
            text = line.rpartition(" => ")[0]
            out.append(text.split("] ", 1)[1] if text.startswith("[") else text)
    return out


def per_message_us(parser: CommandParser, texts: list[str], rounds: int = 5) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for text in texts:
            parser.parse(text, "linli_bot")
        best = min(best, time.perf_counter() - start)
    return best / len(texts) * 1e6


def main() -> None:
    parser = CommandParser.for_features(default_features())
    corpus = corpus_texts()
    taken = [t for t in corpus if isinstance(parser.parse(t, "linli_bot"), CommandCall)]
    print(f"corpus messages (none a command): {len(corpus)}")
    print(f"taken for a command: {len(taken)}")
    for text in taken[:20]:
        print(f"  {text}")
    table = table_texts()
    print(f"parse, corpus messages: {per_message_us(parser, corpus):.1f} µs each")
    print(
        f"parse, command table ({len(table)} inputs): {per_message_us(parser, table):.1f} µs each"
    )


if __name__ == "__main__":
    main()
