"""Benchmark of the real path: what ``linli run`` and ``linli replay`` do, not only
``Linli.handle``. Prints figures (never a timed unit test).

    .venv/bin/python -m bench.realpath                    # all phases, a few minutes
    .venv/bin/python -m bench.realpath --only replay,ticks --repeat 5

The district of ``bench/_community.py`` (1,000 buildings, a head each, 100,000 residents) and
a realistic script (``bench/_script.py``: 79% chit-chat, 10% reports, 5% help, 5% head
commands, ticks every 200 lines, a day of bursts) run on databases that already hold
history (``bench/_fixtures.py``: 10,000 offers; 1,000,000 stored messages; 100,000 open
issues), built with bulk SQL once and cached. Each phase runs in a fresh subprocess pinned
to one core; figures are medians over ``--repeat`` runs. Phases:

- replay: ``linli replay`` of the 20,000-message script as a whole process (into a copy of
  the 10,000-offer database), against a process doing bare ``jieba.lcut`` over the same
  texts, alternating, in the same run;
- steps: the ``linli run`` loop on script time (tick + handle + delivery to a recording
  platform), into the offer database and into the 1,000,000-message one;
- long: the same over a 100,000-message script (first 10% against last 10%);
- ticks: the big ticks with 100,000 open issues (digest, 1,000 ack reminders at once, an
  event reminder to 1,000 chats, monthly thanks, help requests, a delivery pass), each with
  the longest time the event loop was blocked;
- startup: a fresh process opening the 1,000,000-message database and handling a message;
- profile: the replay of the replay phase again, in-process, once with a CPU clock around
  its parts (handle, understand, tick, flush: the whole process's CPU split), once under
  cProfile with a trace counting SQLite statements per message and per part.

steps, long, ticks and startup drive the components of ``linli run`` from the bench's loop.
The paths themselves (``bench/_pathreport.py``):

- rsteps: ``linli replay`` line by line (a line's step: tick, flushes, handle, group commit),
  into the offer database and into the 1,000,000-message one, alternating;
- rlong: the same over the long script (first 10% against last 10%, peak RSS);
- rstartup: a whole ``linli replay`` process of one message on the 1,000,000-message database;
- runstart: a real ``linli run`` process against a local Telegram Bot API, on the
  1,000,000-message database, to its first reply.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench import _community, _fixtures, _pathreport, _script

ROOT = Path(__file__).resolve().parent.parent
PIN: int | None = None
# The environment of every measured process. An installed package runs from compiled
# bytecode (pip compiles it, as it did jieba's); an editable install on a machine with
# PYTHONDONTWRITEBYTECODE=1 compiled linli's ~150 modules from source in every process
# (about 0.12 s of CPU), which the bare-jieba process never does. The phases keep their
# bytecode in the bench's cache instead (never in the source tree: see docs/performance.md).
ENV: dict[str, str] | None = None


def bytecode_env(cache: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(cache)
    return env


def _pin() -> None:
    if PIN is not None:
        os.sched_setaffinity(0, {PIN})


def run_process(argv: list[str], stdout_path: Path | None = None) -> dict[str, Any]:
    """Run ``argv`` pinned to one core; its wall time, CPU time and peak RSS (``wait4`` in the
    small launcher ``bench/_rusage.py``, so this process's own size does not count). Its
    stdout goes to ``stdout_path`` if given, else its last line is read as JSON."""
    with (
        tempfile.TemporaryFile("w+") as err,
        tempfile.TemporaryFile("w+") as tmp_out,
        tempfile.NamedTemporaryFile("r", suffix=".json") as usage_file,
    ):
        out = open(stdout_path, "w", encoding="utf-8") if stdout_path else tmp_out
        launcher = [sys.executable, "-m", "bench._rusage", usage_file.name]
        proc = subprocess.Popen(
            [*launcher, *argv], cwd=ROOT, stdout=out, stderr=err, preexec_fn=_pin, env=ENV
        )
        returncode = proc.wait()
        if stdout_path:
            out.close()
        if returncode != 0:
            err.seek(0)
            sys.stderr.write(err.read())
            raise SystemExit(f"{' '.join(argv[:4])} failed (exit {returncode})")
        usage = json.loads(usage_file.read())
        result: dict[str, Any] = {}
        if not stdout_path:
            tmp_out.seek(0)
            text = tmp_out.read().strip()
            if text:
                result = json.loads(text.splitlines()[-1])
    result["process_s"] = usage["process_s"]
    result["process_cpu_s"] = usage["process_cpu_s"]
    result["process_rss_mb"] = usage["process_rss_mb"]
    return result


def warm_bytecode(tmp: Path, config: str, script: Path, texts: list[str]) -> None:
    """Run each kind of process once on a little input, so that every module the measured
    runs import is compiled before they start (as installing a package does)."""
    head = tmp / "warm.jsonl"
    with open(script, encoding="utf-8") as fh:
        head.write_text("".join(itertools.islice(fh, 300)), encoding="utf-8")
    warm_texts = tmp / "warm-texts.jsonl"
    warm_texts.write_text(
        "".join(json.dumps(t, ensure_ascii=False) + "\n" for t in texts[:100]), encoding="utf-8"
    )
    run_process([sys.executable, "-m", "bot.cli", "replay", str(head), "--config", config])
    phase("jieba", texts_path=str(warm_texts))
    run_process([sys.executable, "-c", "import bench._realphases, bench._profile, bot.runner"])


def phase(name: str, **args: Any) -> dict[str, Any]:
    return run_process(
        [sys.executable, "-m", "bench._realphases", name, json.dumps(args)],
    )


def med(rs: list[dict[str, Any]], key: str) -> float:
    return statistics.median(r[key] for r in rs)


def show_profile(
    db: Callable[[str], str],
    done_with: Callable[[str], None],
    config: str,
    script: Path,
    repeat: int,
) -> None:
    """Print where the replay's CPU goes (medians of ``repeat`` runs without a profiler) and
    its statements per message (one run under the profiler and the trace)."""
    splits = []
    for _ in range(repeat):
        database = db("base")
        splits.append(phase("split", config_path=config, database=database, script=str(script)))
        done_with(database)
    messages = splits[0]["messages"]
    cpu = med(splits, "process_cpu_s")
    print(
        f"profile: where `linli replay`'s CPU goes ({messages} messages, in-process, no profiler)"
    )
    print(f"  whole process   {cpu:6.2f} s CPU  {cpu / messages * 1e6:5.0f} µs/msg")
    for part in ("handle", "understand", "handle without understand", "tick", "flush", "other"):
        s = statistics.median(r["seconds"][part] for r in splits)
        print(f"  {part:<26} {s:6.2f} s  {s / messages * 1e6:5.0f} µs/msg  {s / cpu:6.1%}")
    database = db("base")
    prof = phase("profile", config_path=config, database=database, script=str(script))
    done_with(database)
    print(
        f"  statements: {prof['statements']:,} = {prof['statements_per_message']:.1f} per message"
        " (trace on the connection; a trigger's statements count)"
    )
    for part, d in prof["by_part"].items():
        print(f"    {part:<7} {d['count']:8,}  {d['per_message']:5.2f}/msg   most: ", end="")
        print("; ".join(f"{n:,}x {shape[:48]}" for shape, n in d["top"][:3]))
    print("  cProfile (CPU clock, inflates Python-heavy parts), cumulative share:")
    for label, share in prof["split"].items():
        print(f"    {label:<50} {share:6.1%}")
    print()


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--messages", type=int, default=20_000, help="messages of the main script")
    ap.add_argument("--long", type=int, default=100_000, help="messages of the long run")
    ap.add_argument("--repeat", type=int, default=3, help="runs per phase (medians)")
    ap.add_argument("--long-repeat", type=int, default=1, help="runs of the long phase")
    ap.add_argument(
        "--only",
        default="",
        help="phases: replay,profile,steps,long,ticks,startup,rsteps,rlong,rstartup,runstart",
    )
    ap.add_argument("--no-pin", action="store_true", help="do not pin phases to one core")
    ap.add_argument(
        "--no-pyc",
        action="store_true",
        help="let each process compile from source when PYTHONDONTWRITEBYTECODE is set",
    )
    opts = ap.parse_args(argv)
    only = set(filter(None, opts.only.split(",")))
    global PIN
    PIN = None if opts.no_pin else sorted(os.sched_getaffinity(0))[-1]
    global ENV
    ENV = None if opts.no_pyc else bytecode_env(_fixtures.cache_dir().parent / "pycache")

    def wanted(name: str) -> bool:
        return not only or name in only

    tmp = Path(tempfile.mkdtemp(prefix="linli-realpath-"))
    t_all = time.perf_counter()
    try:
        config = str(_community.write_config(tmp))
        script = tmp / "script.jsonl"
        texts = _script.write(str(script), opts.messages)
        texts_path = tmp / "texts.jsonl"
        texts_path.write_text(
            "".join(json.dumps(t, ensure_ascii=False) + "\n" for t in texts), encoding="utf-8"
        )
        print(
            f"linli real-path bench — {os.cpu_count()} cores (shared), Python {sys.version.split()[0]}"
        )
        print(f"district: {_community.BUILDINGS} buildings, {_community.RESIDENTS} residents")
        print(f"script: {opts.messages} messages; {_script.MIX_DOC}")
        t = time.perf_counter()
        for name in ("base", "history", "ticks"):
            _fixtures.fixture(name)
        print(
            f"fixtures (cached in {_fixtures.cache_dir()}): ready in {time.perf_counter() - t:.1f} s"
        )
        if ENV is not None:
            warm_bytecode(tmp, config, script, texts)
            print(
                f"bytecode of every process cached in {ENV['PYTHONPYCACHEPREFIX']} (--no-pyc: none)"
            )
        print(f"medians of {opts.repeat} runs, fresh subprocess each, pinned to cpu {PIN}\n")
        n = 0

        def db(name: str) -> str:
            nonlocal n
            n += 1
            return _fixtures.copy_to(name, tmp / f"db{n}")

        def done_with(path: str) -> None:
            shutil.rmtree(Path(path).parent, ignore_errors=True)

        if wanted("replay"):
            rs, js = [], []
            for _ in range(opts.repeat):
                database = db("base")
                r = run_process(
                    [
                        sys.executable,
                        "-m",
                        "bot.cli",
                        "replay",
                        str(script),
                        "--config",
                        config,
                        "--database",
                        database,
                    ],
                    stdout_path=tmp / "replay.out",
                )
                r["printed"] = sum(1 for _ in open(tmp / "replay.out", encoding="utf-8"))
                rs.append(r)
                done_with(database)
                js.append(phase("jieba", texts_path=str(texts_path)))
            m = opts.messages
            rw, rc = med(rs, "process_s"), med(rs, "process_cpu_s")
            jw, jc = med(js, "process_s"), med(js, "process_cpu_s")
            print(f"replay: `linli replay` of {m} messages, whole process, 10,000 offers stored")
            print(
                f"  linli  {m / rw:7.0f} msgs/s  wall {rw:.2f} s  CPU {rc:.2f} s"
                f"  peak RSS {med(rs, 'process_rss_mb'):.0f} MB  ({rs[0]['printed']} lines out)"
                "   [target >= 2000 msgs/s]"
            )
            print(
                f"  jieba  {m / jw:7.0f} msgs/s  wall {jw:.2f} s  CPU {jc:.2f} s"
                f"  (load {med(js, 'load_s'):.2f} s, lcut {med(js, 'lcut_s'):.2f} s)"
            )
            ratios = [r["process_s"] / j["process_s"] for r, j in zip(rs, js, strict=True)]
            cratios = [r["process_cpu_s"] / j["process_cpu_s"] for r, j in zip(rs, js, strict=True)]
            print(
                f"  ratio  {statistics.median(ratios):.1f}x bare jieba (wall), "
                f"{statistics.median(cratios):.1f}x (CPU), pairs run back to back   [target <= 5x]"
            )
            print(
                "  each pair: CPU "
                + ", ".join(
                    f"{r['process_cpu_s']:.2f}/{j['process_cpu_s']:.2f} s = {c:.2f}x"
                    for r, j, c in zip(rs, js, cratios, strict=True)
                )
                + "\n"
            )

        if wanted("profile"):
            show_profile(db, done_with, config, script, opts.repeat)

        def steps(fixture: str, path: Path, messages: int, repeat: int) -> list[dict[str, Any]]:
            out = []
            for _ in range(repeat):
                database = db(fixture)
                out.append(
                    phase(
                        "steps",
                        config_path=config,
                        database=database,
                        script=str(path),
                        messages=messages,
                        pin=False,
                    )
                )
                done_with(database)
            return out

        def show(label: str, rs: list[dict[str, Any]]) -> None:
            print(
                f"  {label:<22} {med(rs, 'msgs_per_s'):6.0f} msgs/s  CPU {med(rs, 'cpu_per_msg_us'):4.0f}"
                f" µs/msg  step p50 {med(rs, 'p50_ms'):.2f} p99 {med(rs, 'p99_ms'):.2f}"
                f" max {med(rs, 'max_ms'):.0f} ms (CPU p99 {med(rs, 'cpu_p99_ms'):.2f} max"
                f" {med(rs, 'cpu_max_ms'):.0f} ms)  tick max {med(rs, 'tick_max_ms'):.0f} ms"
                f" (loop held {med(rs, 'loop_block_ms'):.0f} ms wall,"
                f" {med(rs, 'loop_cpu_block_ms'):.0f} ms CPU)"
                f"  first/last 10% {med(rs, 'first10_us'):.0f}/{med(rs, 'last10_us'):.0f} µs"
                f"  RSS {med(rs, 'process_rss_mb'):.0f} MB"
            )

        def holds(rs: list[dict[str, Any]]) -> None:
            per = rs[0].get("statements_per_msg") or {}
            if per:
                print(
                    f"    SQLite statements per message {sum(per.values()):.1f}: "
                    + ", ".join(f"{k} {v:.1f}" for k, v in sorted(per.items()) if k != "start")
                )
            slow = {
                k: statistics.median(r["slow_steps"][k] for r in rs) for k in rs[0]["slow_steps"]
            }
            print(
                f"    steps over 5 ms wall (median of runs, of {rs[0]['steps']:,}):"
                f" {slow['waited']:.0f} waited (disk, lock), {slow['preempted']:.0f} lost"
                f" the core only, {slow['code']:.0f} neither (the code itself)"
            )
            worst = max(rs, key=lambda r: r["loop_block_ms"])
            print(
                f"    longest hold {worst['loop_block_ms']:.0f} ms wall"
                f" ({worst['loop_block_cpu_ms']:.0f} ms of it CPU): {worst['loop_block_where']};"
                f" longest in CPU {worst['loop_cpu_block_ms']:.0f} ms:"
                f" {worst['loop_cpu_block_where']}"
            )

        if wanted("steps"):
            print(f"steps: tick + handle + delivery ({opts.messages} messages, linli run loop)")
            fresh = steps("base", script, opts.messages, opts.repeat)
            show("10k offers, no history", fresh)
            holds(fresh)
            hist = steps("history", script, opts.messages, opts.repeat)
            show("+ 1,000,000 messages", hist)
            holds(hist)
            r0 = fresh[0]
            print(
                f"  history/fresh: {med(hist, 'cpu_per_msg_us') / med(fresh, 'cpu_per_msg_us'):.2f}x"
                f" CPU per message, {med(fresh, 'msgs_per_s') / med(hist, 'msgs_per_s'):.2f}x wall"
                "   [target <= 1.2x];  step p99 target < 5 ms"
            )
            print(
                f"  delivered {r0['sent']} ({', '.join(f'{k} {v}' for k, v in sorted(r0['sent_kinds'].items()))});"
                f" {r0['ticks']} ticks; {r0['left_pending']} left pending (rate limits)\n"
            )

        if wanted("long"):
            long_script = tmp / "long.jsonl"
            _script.write(str(long_script), opts.long, seed=2)
            print(f"long: {opts.long} messages, tick + handle + delivery")
            rs = steps("base", long_script, opts.long, opts.long_repeat)
            show("10k offers", rs)
            holds(rs)
            print(
                f"  last 10% / first 10%: {med(rs, 'last10_us') / med(rs, 'first10_us'):.2f}x wall,"
                f" {med(rs, 'last10_cpu_us') / med(rs, 'first10_cpu_us'):.2f}x CPU   [target <= 1.2x]\n"
            )

        if wanted("ticks"):
            rs = []
            for _ in range(opts.repeat):
                database = db("ticks")
                rs.append(phase("ticks", config_path=config, database=database, pin=True))
                done_with(database)
            r0 = rs[0]
            print(
                f"ticks: {r0['open_issues']:,} open issues, {r0['offers']:,} offers,"
                f" {_community.BUILDINGS} buildings (longest loop block; target < 50 ms)"
            )
            for key, v in r0.items():
                if isinstance(v, dict):
                    ms = statistics.median(r[key]["ms"] for r in rs)
                    block = statistics.median(r[key]["block_ms"] for r in rs)
                    bcpu = statistics.median(r[key]["block_cpu_ms"] for r in rs)
                    print(
                        f"  {key:<26} {ms:8.1f} ms  loop blocked {block:7.1f} ms"
                        f" (CPU {bcpu:5.1f} ms)  queued {v['queued']}"
                    )
            print(f"  peak RSS {med(rs, 'process_rss_mb'):.0f} MB\n")

        if wanted("startup"):
            rs = []
            for _ in range(opts.repeat):
                database = db("history")
                rs.append(phase("startup", config_path=config, database=database, pin=True))
                done_with(database)
            print(
                f"startup: fresh process, 1,000,000-message database: {med(rs, 'process_s'):.2f} s"
                f" to the first handled message (import {med(rs, 'import_s'):.2f}, config"
                f" {med(rs, 'config_s'):.2f}, open+start {med(rs, 'open_start_s'):.2f}, first"
                f" message {med(rs, 'first_handle_s'):.2f}); whole process CPU"
                f" {med(rs, 'process_cpu_s'):.2f} s  RSS {med(rs, 'process_rss_mb'):.0f} MB"
                "   [target < 1 s]"
            )
        paths = (run_process, db, done_with, config)
        if wanted("rsteps"):
            _pathreport.replay_steps(*paths, script, opts.messages, opts.repeat)
        if wanted("rlong"):
            long_script = tmp / "long.jsonl"
            if not long_script.exists():
                _script.write(str(long_script), opts.long, seed=2)
            _pathreport.replay_long(*paths, long_script, opts.long, opts.long_repeat)
        if wanted("rstartup"):
            _pathreport.replay_startup(*paths, script, tmp, opts.repeat)
        if wanted("runstart"):
            _pathreport.run_startup(*paths, opts.repeat)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"\ntotal {time.perf_counter() - t_all:.0f} s")


if __name__ == "__main__":
    main()
