"""Where a ``linli replay`` process spends its CPU and its SQLite statements (the ``profile``
phase of ``bench/realpath.py``; each function runs in a fresh subprocess).

- :func:`split`: the replay of the script with only a CPU clock read around each part of the
  path below (about a microsecond per call): the whole process's CPU, split;
- :func:`profile`: the same under cProfile with a CPU-time clock (the profiler's own overhead
  inflates Python-heavy parts: compare shares, not seconds), with a trace on every SQLite
  connection that counts the statements each part runs.

The parts:

- ``handle``: ``Linli.handle`` (inbox, routing, handlers, understanding, outbox);
- ``tick``: ``Linli.tick`` (the scheduler's timers);
- ``flush``: replay's print and mark-sent pass;
- ``other``: imports, config, opening, start-up, reading the script, the group commits.

A statement a trigger runs is counted as its own statement (SQLite reports it so).
"""

from __future__ import annotations

import asyncio
import cProfile
import io
import pstats
import re
import resource
import sqlite3
import time
from collections import Counter
from typing import Any

# (label, module path suffix, function name): the rows of the CPU split. Cumulative times;
# the parts of handle are included in handle; a transaction's enter and exit include its
# BEGIN/SAVEPOINT and COMMIT/RELEASE statements.
COMPONENTS = (
    ("Linli.handle (inbox, routing, handlers, outbox)", "bot/app.py", "handle"),
    ("  of which understand()", "bot/understand/classify.py", "understand"),
    ("  of which outbox.add", "storage/outbox.py", "add"),
    ("Linli.tick (scheduler)", "bot/app.py", "tick"),
    ("replay flush (print, mark sent)", "bot/adapters/replay.py", "flush"),
    ("transactions: enter", "storage/transactions.py", "__aenter__"),
    ("transactions: exit", "storage/transactions.py", "__aexit__"),
    ("group commits", "storage/db.py", "_immediate"),
    ("load_config", "bot/config/__init__.py", "load_config"),
    ("SQLite statements (C time, execute)", "~", "<method 'execute' of 'sqlite3.Connection'"),
    (
        "SQLite statements (C time, executemany)",
        "~",
        "<method 'executemany' of 'sqlite3.Connection'",
    ),
)

_NUMBERS = re.compile(r"\b\d+(\.\d+)?\b|'[^']*'")


def _shape(sql: str) -> str:
    """A statement's text without literals and extra spaces, cut short: its kind."""
    return " ".join(_NUMBERS.sub("?", sql).split())[:110]


class StatementCounter:
    """Counts statements per part of the path (see the module docstring)."""

    def __init__(self) -> None:
        self.part = "other"
        self.by_part: Counter[str] = Counter()
        self.shapes: dict[str, Counter[str]] = {}

    def trace(self, sql: str) -> None:
        self.by_part[self.part] += 1
        self.shapes.setdefault(self.part, Counter())[_shape(sql)] += 1

    def wrap(self, owner: Any, name: str, part: str) -> None:
        original = getattr(owner, name)
        counter = self

        async def wrapped(*args: Any, **kwargs: Any) -> Any:
            outer, counter.part = counter.part, part
            try:
                return await original(*args, **kwargs)
            finally:
                counter.part = outer

        setattr(owner, name, wrapped)


def _process_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _messages(lines: list[str]) -> int:
    return sum(1 for line in lines if line.strip() and '"tick"' not in line)


class CpuSplit:
    """CPU seconds spent inside wrapped coroutines and functions, per part (outermost
    call only: a part's time includes the parts called inside it)."""

    def __init__(self) -> None:
        self.seconds: Counter[str] = Counter()
        self.calls: Counter[str] = Counter()

    def wrap(self, owner: Any, name: str, part: str) -> None:
        original = getattr(owner, name)
        seconds, calls, clock = self.seconds, self.calls, time.process_time

        if asyncio.iscoroutinefunction(original):

            async def timed(*args: Any, **kwargs: Any) -> Any:
                t = clock()
                try:
                    return await original(*args, **kwargs)
                finally:
                    seconds[part] += clock() - t
                    calls[part] += 1

            setattr(owner, name, timed)
        else:

            def timed_sync(*args: Any, **kwargs: Any) -> Any:
                t = clock()
                try:
                    return original(*args, **kwargs)
                finally:
                    seconds[part] += clock() - t
                    calls[part] += 1

            setattr(owner, name, timed_sync)


def split(config_path: str, database: str, script: str) -> dict[str, Any]:
    """The whole process's CPU, split into the parts of the path (no profiler)."""
    import bot.adapters.replay as replay_module
    import bot.dispatch
    from bot.app import Linli
    from bot.config import load_config

    cpu = CpuSplit()
    cpu.wrap(Linli, "handle", "handle")
    cpu.wrap(bot.dispatch, "understand", "understand")
    cpu.wrap(Linli, "tick", "tick")
    cpu.wrap(replay_module, "flush", "flush")
    with open(script, encoding="utf-8") as fh:
        lines = fh.readlines()
    config = load_config(config_path)
    printed = asyncio.run(replay_module.replay(config, lines, io.StringIO(), database=database))
    total = _process_cpu()
    parts = dict(cpu.seconds)
    parts["other"] = total - parts["handle"] - parts["tick"] - parts["flush"]
    parts["handle without understand"] = parts["handle"] - parts.get("understand", 0.0)
    messages = _messages(lines)
    return {
        "messages": messages,
        "printed": printed,
        "process_cpu_s": total,
        "seconds": parts,
        "us_per_message": {k: v / messages * 1e6 for k, v in parts.items()},
        "calls": dict(cpu.calls),
    }


def profile(config_path: str, database: str, script: str, top: int = 12) -> dict[str, Any]:
    import bot.adapters.replay as replay_module
    from bot.app import Linli
    from bot.config import load_config

    counter = StatementCounter()
    connect = sqlite3.connect

    def traced_connect(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        conn = connect(*args, **kwargs)
        conn.set_trace_callback(counter.trace)
        return conn

    sqlite3.connect = traced_connect  # type: ignore[assignment]
    counter.wrap(Linli, "handle", "handle")
    counter.wrap(Linli, "tick", "tick")
    counter.wrap(replay_module, "flush", "flush")
    prof = cProfile.Profile(time.process_time)
    with open(script, encoding="utf-8") as fh:
        lines = fh.readlines()
    out = io.StringIO()
    c0 = time.process_time()
    prof.enable()
    config = load_config(config_path)
    printed = asyncio.run(replay_module.replay(config, lines, out, database=database))
    prof.disable()
    cpu = time.process_time() - c0
    messages = _messages(lines)
    stats = pstats.Stats(prof, stream=io.StringIO())
    split: dict[str, float] = {}
    for label, path, name in COMPONENTS:
        cum = sum(
            ct
            for (file, _, fname), (_, _, _, ct, _) in stats.stats.items()  # type: ignore[attr-defined]
            if (fname == name or (path == "~" and fname.startswith(name)))
            and file.replace("\\", "/").endswith(path)
        )
        split[label] = cum
    statements = sum(counter.by_part.values())
    return {
        "messages": messages,
        "printed": printed,
        "profiled_cpu_s": cpu,
        "split": {k: v / cpu for k, v in split.items()},
        "statements": statements,
        "statements_per_message": statements / messages,
        "by_part": {
            part: {
                "count": n,
                "per_message": n / messages,
                "top": counter.shapes[part].most_common(top),
            }
            for part, n in counter.by_part.most_common()
        },
    }
