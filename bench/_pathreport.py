"""The replay path and the ``linli run`` process, measured and printed for ``bench/realpath.py``
(phases ``rsteps``, ``rlong``, ``rstartup``, ``runstart``; see ``bench/_pathphases.py``).

Which path each figure is matters: ``steps``, ``long``, ``ticks`` and ``startup`` drive the
components of ``linli run`` from the bench's own loop (no platform adapter, no real clock);
these phases measure ``linli replay`` line by line and the real ``linli run`` process against
a local Telegram Bot API.
"""

from __future__ import annotations

import json
import statistics
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

Runner = Callable[..., dict[str, Any]]


def path_phase(run_process: Runner, name: str, **args: Any) -> dict[str, Any]:
    return run_process([sys.executable, "-m", "bench._pathphases", name, json.dumps(args)])


def _med(rs: list[dict[str, Any]], key: str) -> float:
    return statistics.median(r[key] for r in rs)


def _runs(rs: list[dict[str, Any]], key: str, fmt: str = "{:.2f}") -> str:
    return ", ".join(fmt.format(r[key]) for r in rs)


def _show_steps(label: str, rs: list[dict[str, Any]]) -> None:
    print(
        f"  {label:<22} CPU {_med(rs, 'cpu_per_msg_us'):4.0f} µs/msg ({_runs(rs, 'cpu_per_msg_us', '{:.0f}')})"
        f"  step CPU p50 {_med(rs, 'cpu_p50_ms'):.2f} p99 {_med(rs, 'cpu_p99_ms'):.2f}"
        f" ({_runs(rs, 'cpu_p99_ms')}) max {_med(rs, 'cpu_max_ms'):.0f} ms"
        f" (line {rs[0]['cpu_max_line']});  wall p99 {_med(rs, 'p99_ms'):.2f}"
        f" max {_med(rs, 'max_ms'):.0f} ms;  RSS {_med(rs, 'process_rss_mb'):.0f} MB"
    )
    slow = {k: statistics.median(r["slow_steps"][k] for r in rs) for k in rs[0]["slow_steps"]}
    print(
        f"    steps over 5 ms wall (median of runs, of {rs[0]['lines']:,} lines):"
        f" {slow['waited']:.0f} waited (disk, lock), {slow['preempted']:.0f} lost the core"
        f" only, {slow['code']:.0f} neither (the code itself)"
    )


def replay_steps(
    run_process: Runner,
    db: Callable[[str], str],
    done_with: Callable[[str], None],
    config: str,
    script: Path,
    messages: int,
    repeat: int,
) -> None:
    """``linli replay``'s steps into the offer database and into the 1,000,000-message one,
    alternating: the replay path's step p99 and its cost with history."""
    fresh, hist = [], []
    for _ in range(repeat):
        for fixture, out in (("base", fresh), ("history", hist)):
            database = db(fixture)
            out.append(
                path_phase(
                    run_process,
                    "replay_steps",
                    config_path=config,
                    database=database,
                    script=str(script),
                )
            )
            done_with(database)
    print(
        f"rsteps: `linli replay` line by line ({messages} messages; a step is a line's tick,"
        " flushes, handle and group commit; CPU of the whole process between two lines)"
    )
    _show_steps("10k offers, no history", fresh)
    _show_steps("+ 1,000,000 messages", hist)
    ratios = [h["cpu_per_msg_us"] / f["cpu_per_msg_us"] for f, h in zip(fresh, hist, strict=True)]
    print(
        f"  history/fresh: {statistics.median(ratios):.2f}x CPU per message (pairs: "
        + ", ".join(f"{r:.2f}" for r in ratios)
        + ")   [target <= 1.2x];  step CPU p99 target < 5 ms\n"
    )


def replay_long(
    run_process: Runner,
    db: Callable[[str], str],
    done_with: Callable[[str], None],
    config: str,
    script: Path,
    messages: int,
    repeat: int,
) -> None:
    """``linli replay`` of the long script: the last 10% of messages against the first."""
    rs = []
    for _ in range(repeat):
        database = db("base")
        rs.append(
            path_phase(
                run_process,
                "replay_steps",
                config_path=config,
                database=database,
                script=str(script),
            )
        )
        done_with(database)
    print(f"rlong: `linli replay` of {messages} messages, line by line, 10k offers")
    _show_steps("10k offers", rs)
    cpu = [r["last10_cpu_us"] / r["first10_cpu_us"] for r in rs]
    wall = [r["last10_us"] / r["first10_us"] for r in rs]
    print(
        f"  first/last 10% CPU {_med(rs, 'first10_cpu_us'):.0f}/{_med(rs, 'last10_cpu_us'):.0f} µs:"
        f" {statistics.median(cpu):.2f}x CPU ({', '.join(f'{c:.2f}' for c in cpu)}),"
        f" {statistics.median(wall):.2f}x wall   [target <= 1.2x]\n"
    )


def replay_startup(
    run_process: Runner,
    db: Callable[[str], str],
    done_with: Callable[[str], None],
    config: str,
    script: Path,
    tmp: Path,
    repeat: int,
) -> None:
    """A whole ``linli replay`` process of one message on the 1,000,000-message database."""
    one = tmp / "one.jsonl"
    with open(script, encoding="utf-8") as fh:
        first = next(line for line in fh if '"tick"' not in line)
    one.write_text(first, encoding="utf-8")
    rs = []
    for _ in range(repeat):
        database = db("history")
        argv = [sys.executable, "-m", "bot.cli", "replay", str(one), "--config", config]
        rs.append(run_process([*argv, "--database", database], stdout_path=tmp / "one.out"))
        done_with(database)
    print(
        "rstartup: `linli replay` of one message, whole process, 1,000,000-message database:"
        f" {_med(rs, 'process_s'):.2f} s wall ({_runs(rs, 'process_s')}),"
        f" CPU {_med(rs, 'process_cpu_s'):.2f} s ({_runs(rs, 'process_cpu_s')}),"
        f" RSS {_med(rs, 'process_rss_mb'):.0f} MB   [target < 1 s]\n"
    )


def run_startup(
    run_process: Runner,
    db: Callable[[str], str],
    done_with: Callable[[str], None],
    config: str,
    repeat: int,
) -> None:
    """The real ``linli run`` process: start to the first reply at a local Bot API."""
    rs = []
    for _ in range(repeat):
        database = db("history")
        rs.append(path_phase(run_process, "run_start", config_path=config, database=database))
        done_with(database)
    calls = ", ".join(f"{m} {s:.2f}" for m, s in rs[0]["calls"])
    print(
        "runstart: `linli run` (Telegram, local Bot API), 1,000,000-message database, a report"
        f" waiting: first reply after {_med(rs, 'first_reply_s'):.2f} s wall"
        f" ({_runs(rs, 'first_reply_s')}), process CPU by then {_med(rs, 'cpu_at_reply_s'):.2f} s"
        f" ({_runs(rs, 'cpu_at_reply_s')}), RSS {_med(rs, 'rss_at_reply_mb'):.0f} MB"
        "   [target < 1 s]"
    )
    print(f"  API calls of the first run, seconds after start: {calls}\n")
