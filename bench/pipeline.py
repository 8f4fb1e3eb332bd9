"""Benchmark of the whole message pipeline: prints figures (never a timed unit test).

    .venv/bin/python -m bench.pipeline                 # default run, under two minutes
    .venv/bin/python -m bench.pipeline --messages 50000 --history 10000,1000000 --repeat 5

A synthetic district (1,000 buildings each with a group chat and a head, 10 grid workers,
100,000 residents; see ``bench/_community.py``) is written as a TOML config and loaded with
``load_config``. Each phase runs in a fresh subprocess (its own peak RSS, a cold start):

- start-up: import + load the config + open a fresh database + the first handled message;
- throughput: N messages one after another through ``Linli.handle`` (inbox -> understand ->
  handlers -> storage -> outbox) on SQLite on disk, pinned to one core, then bare
  ``jieba.lcut`` on the same texts in the same process;
- history: the same after pre-filling the inbox with each ``--history`` size (flatness);
- tick: ``tick(now)`` with 100,000 open issues each with a pending reminder, a few due.

Every figure is the median over ``--repeat`` runs; the machine is shared, so compare ratios.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench import _community

ROOT = Path(__file__).resolve().parent.parent


KEEP = False  # --keep: leave the databases in the temporary directory


def run_phase(phase: str, **args: Any) -> dict[str, Any]:
    """Run one phase in a fresh interpreter; returns its JSON result with the wall time.
    The phase's database is deleted afterwards unless --keep (a 1M-message one is 160 MB)."""
    try:
        return _run_phase(phase, **args)
    finally:
        if not KEEP:
            shutil.rmtree(Path(args["database"]).parent, ignore_errors=True)


def _run_phase(phase: str, **args: Any) -> dict[str, Any]:
    t = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "bench._phases", phase, json.dumps(args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    wall = time.perf_counter() - t
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr)
        raise SystemExit(f"phase {phase} failed (exit {proc.returncode})")
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    result["process_s"] = wall
    return result


def med(results: list[dict[str, Any]], key: str) -> float:
    return statistics.median(r[key] for r in results)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--messages", type=int, default=10_000, help="messages per throughput run")
    ap.add_argument(
        "--history",
        default="10000,1000000",
        help="stored inbox sizes to compare, comma-separated ('' to skip)",
    )
    ap.add_argument("--history-messages", type=int, default=3_000, help="messages per history run")
    ap.add_argument("--pending", type=int, default=100_000, help="open issues/timers for tick")
    ap.add_argument("--repeat", type=int, default=3, help="runs per phase (medians reported)")
    ap.add_argument("--no-pin", action="store_true", help="do not pin phases to one core")
    ap.add_argument(
        "--only", default="", help="comma-separated phases: startup,throughput,history,tick"
    )
    ap.add_argument("--keep", action="store_true", help="keep the temporary databases")
    opts = ap.parse_args(argv)
    global KEEP
    KEEP = opts.keep
    only = set(filter(None, opts.only.split(",")))
    pin = not opts.no_pin

    def wanted(phase: str) -> bool:
        return not only or phase in only

    tmp = Path(tempfile.mkdtemp(prefix="linli-bench-"))
    t_all = time.perf_counter()
    t = time.perf_counter()
    config = _community.write_config(tmp)
    print(
        f"linli pipeline bench — {os.cpu_count()} cores (shared machine), Python {sys.version.split()[0]}"
    )
    print(
        f"community: {_community.BUILDINGS} buildings/chats/heads, {_community.GRID_WORKERS} grid"
        f" workers, {_community.RESIDENTS} residents; config {config.stat().st_size // 1024} KiB"
        f" written in {time.perf_counter() - t:.2f}s"
    )
    print(f"message mix from {_community.corpus()[1]}: {_community.MIX}, rest chat")
    print(
        f"medians of {opts.repeat} runs, each phase in a fresh subprocess{', pinned to one core' if pin else ''}"
    )
    print()
    db_count = 0

    def fresh_db() -> str:
        nonlocal db_count
        db_count += 1
        d = tmp / f"db{db_count}"
        d.mkdir()
        return str(d / "linli.db")

    if wanted("startup"):
        # One run first so jieba's dictionary cache exists (it is written once per machine).
        run_phase("startup", config_path=str(config), database=fresh_db())
        rs = [
            run_phase("startup", config_path=str(config), database=fresh_db())
            for _ in range(opts.repeat)
        ]
        print("start-up to first handled message (fresh process, fresh database):")
        print(
            f"  {med(rs, 'process_s'):.2f} s wall incl. interpreter  (in process {med(rs, 'in_process_s'):.2f} s:"
            f" import {med(rs, 'import_s'):.2f}, config {med(rs, 'config_s'):.2f},"
            f" open db {med(rs, 'open_s'):.2f}, first handle incl. jieba load {med(rs, 'first_handle_s'):.2f})"
            f"  peak RSS {med(rs, 'peak_rss_mb'):.0f} MB   [target < 1.5 s]"
        )

    if wanted("throughput"):
        rs = [
            run_phase(
                "throughput",
                config_path=str(config),
                database=fresh_db(),
                n=opts.messages,
                history=0,
                seed=i,
                pin=pin,
            )
            for i in range(opts.repeat)
        ]
        r0 = rs[0]
        print(f"\nthroughput: {opts.messages} messages through Linli.handle, SQLite on disk:")
        print(
            f"  linli  {med(rs, 'msgs_per_s'):7.0f} msgs/s  p50 {med(rs, 'p50_ms'):.2f} ms  p99"
            f" {med(rs, 'p99_ms'):.2f} ms  max {med(rs, 'max_ms'):.1f} ms  CPU {med(rs, 'cpu_per_msg_us'):.0f} µs/msg"
            "   [target >= 2000 msgs/s, p99 < 5 ms]"
        )
        print(
            f"  jieba  {med(rs, 'jieba_per_s'):7.0f} msgs/s  p50 {med(rs, 'jieba_p50_ms'):.2f} ms  p99"
            f" {med(rs, 'jieba_p99_ms'):.2f} ms  (bare jieba.lcut, same texts, same process)"
        )
        print(
            f"  CPU    linli {med(rs, 'cpu_mean_us'):.0f} µs/msg (p50 {med(rs, 'cpu_p50_ms'):.2f} ms,"
            f" p99 {med(rs, 'cpu_p99_ms'):.2f} ms) = {1e6 / med(rs, 'cpu_mean_us'):.0f} msgs/s on a"
            f" free core;  jieba {med(rs, 'jieba_cpu_mean_us'):.0f} µs/msg"
        )
        print(
            f"  ratio  {med(rs, 'ratio'):.1f}x bare jieba on wall time, {med(rs, 'cpu_ratio'):.1f}x"
            " on CPU time (mean cost per message)   [target <= 5x]"
        )
        print(
            f"  replies {r0['outgoing']} for {r0['messages']} messages;  peak RSS of linli"
            f" {med(rs, 'rss_after_run_mb'):.0f} MB (before the run {med(rs, 'rss_before_run_mb'):.0f} MB;"
            f" {med(rs, 'peak_rss_mb'):.0f} MB once bare jieba's full dictionary is loaded for the"
            f" comparison)   [target < 200 MB]"
        )
        per100k = med(rs, "db_bytes") / (opts.messages + 300) * 100_000 / 2**20
        print(
            f"  database {med(rs, 'db_bytes') / 2**20:.1f} MB after {opts.messages + 300} messages ->"
            f" {per100k:.0f} MB per 100k messages (extrapolated linearly)"
        )

    sizes = [int(s) for s in opts.history.split(",") if s.strip()]
    if wanted("history") and sizes:
        print(f"\nflatness: {opts.history_messages} messages after pre-filling stored history:")
        base: tuple[float, float] | None = None
        for size in sizes:
            rs = [
                run_phase(
                    "throughput",
                    config_path=str(config),
                    database=fresh_db(),
                    n=opts.history_messages,
                    history=size,
                    seed=100 + i,
                    pin=pin,
                )
                for i in range(opts.repeat)
            ]
            mean, cpu = med(rs, "mean_us"), med(rs, "cpu_mean_us")
            base = base or (mean, cpu)
            print(
                f"  {size:>9,} stored: {med(rs, 'msgs_per_s'):6.0f} msgs/s  p50 {med(rs, 'p50_ms'):.2f} ms"
                f"  p99 {med(rs, 'p99_ms'):.2f} ms  mean {mean:.0f} µs ({mean / base[0]:.2f}x)"
                f"  CPU {cpu:.0f} µs ({cpu / base[1]:.2f}x)  db {med(rs, 'db_bytes') / 2**20:.0f} MB"
                f"  peak RSS {med(rs, 'peak_rss_mb'):.0f} MB  (pre-fill {med(rs, 'prefill_s'):.1f} s)"
            )

    if wanted("tick"):
        rs = [
            run_phase(
                "tick",
                config_path=str(config),
                database=fresh_db(),
                pending=opts.pending,
                due=5,
                rounds=15,
            )
            for _ in range(opts.repeat)
        ]
        r0 = rs[0]
        print(
            f"\ntick(now) with {r0['pending_issues']:,} open issues and {r0['pending_timers']:,} pending"
            f" timers (kind {r0['timer_kind']}):"
        )
        print(
            f"  nothing due {med(rs, 'tick_idle_ms'):.2f} ms;  {r0['due_per_tick']} due"
            f" {med(rs, 'tick_due_ms'):.2f} ms (max {med(rs, 'tick_due_max_ms'):.1f} ms,"
            f" {r0['outgoing_per_tick']:.0f} messages queued per tick)   [target < 200 ms]"
        )
        print(f"  query plan of due(): {r0['plan']}")
    if KEEP:
        print(f"\ntotal {time.perf_counter() - t_all:.0f} s; databases kept in {tmp}")
    else:
        shutil.rmtree(tmp, ignore_errors=True)
        print(f"\ntotal {time.perf_counter() - t_all:.0f} s")


if __name__ == "__main__":
    main()
