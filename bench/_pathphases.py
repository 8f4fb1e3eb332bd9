"""Phases of the real-path bench that measure the two paths a deployment uses as they are,
not through the ``steps`` loop: ``linli replay`` line by line, and the ``linli run`` process
itself. Each runs in a fresh subprocess (``python -m bench._pathphases NAME ARGS``) and prints
one JSON object as its last line.

- ``replay_steps``: ``bot.adapters.replay.replay`` (what ``linli replay`` runs after reading
  its arguments) of a whole script, in-process, with the CPU and wall clocks read each time
  the replay starts a script line (it calls ``Linli.tick`` once per line, before anything
  else of that line). A line's step is everything up to the next line: the tick, replay's
  flush (print, mark sent), ``Linli.handle`` and the flush after it, and the group commit
  every ``GROUP_LINES`` lines. The last line is left out (its step would hold the close).
- ``run_start``: a real ``linli run`` process against the fake Telegram Bot API of the
  end-to-end tests (``tests/e2e/fake_bot_api.py``) on a database that already holds history:
  a report is waiting in a building's group before the process starts; the figure is the
  time from starting the process to the bot's reply arriving at the API, with the process's
  CPU time and peak RSS at that moment (read from ``/proc``), then it is stopped with SIGTERM.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import os
import signal
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from bench._realphases import SlowSteps, emit, percentile, switches

# The reply the run_start phase waits for: a report in the group (issue_created).
REPORT = "3单元楼道灯坏了好几天了，晚上黑乎乎的"
TELEGRAM_GROUP = -1001
TELEGRAM_RESIDENT = 7001
TOKEN_ENV = "LINLI_BENCH_TELEGRAM_TOKEN"


def _shares(values: list[float], tenth: int) -> tuple[float, float]:
    return statistics.fmean(values[:tenth]), statistics.fmean(values[-tenth:])


def replay_steps(config_path: str, database: str, script: str) -> None:
    import bot.adapters.replay as replay_module
    from bot.app import Linli
    from bot.config import load_config

    config = load_config(config_path)
    with open(script, encoding="utf-8") as fh:
        steps = replay_module.read_script(fh, config)  # as `linli replay` reads its file
    is_message = [not (s.tick or s.restart or s.hook is not None) for s in steps]
    cpu_marks: list[float] = []
    wall_marks: list[float] = []
    cpu_clock, wall_clock = time.process_time, time.perf_counter
    original = Linli.tick

    slow = SlowSteps()
    last: list[Any] = []

    async def marked_tick(self: Linli, now: Any) -> Any:
        wall, sw = wall_clock(), switches()
        if last:
            slow.add(wall - last[0], last[1], sw)
        last[:] = [wall, sw]
        cpu_marks.append(cpu_clock())
        wall_marks.append(wall)
        return await original(self, now)

    Linli.tick = marked_tick  # type: ignore[method-assign]
    try:
        cpu0, wall0 = cpu_clock(), wall_clock()
        with open(os.devnull, "w", encoding="utf-8") as out:
            printed = asyncio.run(replay_module.replay(config, steps, out, database=database))
        cpu_all, wall_all = cpu_clock() - cpu0, wall_clock() - wall0
    finally:
        Linli.tick = original  # type: ignore[method-assign]
    if len(cpu_marks) != len(steps):
        raise SystemExit(f"expected one tick per line: {len(cpu_marks)} for {len(steps)} lines")
    cpus = [b - a for a, b in itertools.pairwise(cpu_marks)]
    walls = [b - a for a, b in itertools.pairwise(wall_marks)]
    msg_cpus = [c for c, m in zip(cpus, is_message, strict=False) if m]
    msg_walls = [w for w, m in zip(walls, is_message, strict=False) if m]
    # The first line loads the tokenizer and the model (about 70 ms), once per process: left
    # out of the first 10%, as the steps phase loads them before it starts timing.
    later_cpus = [c for c, m in zip(cpus[1:], is_message[1:], strict=False) if m]
    later_walls = [w for w, m in zip(walls[1:], is_message[1:], strict=False) if m]
    tenth = max(1, len(later_cpus) // 10)
    first_cpu, last_cpu = _shares(later_cpus, tenth)
    first_wall, last_wall = _shares(later_walls, tenth)
    slowest = max(range(len(cpus)), key=cpus.__getitem__)
    emit(
        {
            "lines": len(steps),
            "messages": sum(is_message),
            "printed": printed,
            "replay_cpu_s": cpu_all,
            "replay_wall_s": wall_all,
            # From the first line's tick to the last line's: no opening, no closing.
            "cpu_per_line_us": sum(cpus) / len(cpus) * 1e6,
            "cpu_per_msg_us": statistics.fmean(msg_cpus) * 1e6,
            "wall_per_msg_us": statistics.fmean(msg_walls) * 1e6,
            "p50_ms": percentile(walls, 0.5) * 1e3,
            "p99_ms": percentile(walls, 0.99) * 1e3,
            "max_ms": max(walls) * 1e3,
            "cpu_p50_ms": percentile(cpus, 0.5) * 1e3,
            "cpu_p99_ms": percentile(cpus, 0.99) * 1e3,
            "cpu_max_ms": max(cpus) * 1e3,
            "cpu_max_line": steps[slowest].line,
            "slow_steps": slow.figures(),  # over 5 ms on the wall clock, by why
            "first10_us": first_wall * 1e6,
            "last10_us": last_wall * 1e6,
            "first10_cpu_us": first_cpu * 1e6,
            "last10_cpu_us": last_cpu * 1e6,
        }
    )


def run_config(base_config: str, database: str, base_url: str) -> Path:
    """The bench's district config for ``linli run``: its database, building 1's group
    also on Telegram (``telegram:-1001``) and Telegram enabled against ``base_url``."""
    text = Path(base_config).read_text(encoding="utf-8")
    first_chats = 'chats = ["local:b1"]'
    if first_chats not in text:
        raise SystemExit(f"the bench config no longer has {first_chats!r}")
    text = text.replace(first_chats, f'chats = ["local:b1", "telegram:{TELEGRAM_GROUP}"]', 1)
    text = text.replace('database = "linli.db"', f"database = {json.dumps(database)}", 1)
    text += (
        f'\n[telegram]\nenabled = true\ntoken_env = "{TOKEN_ENV}"\n'
        f'base_url = "{base_url}"\npoll_timeout = 5\n'
    )
    path = Path(database).parent / "run.toml"
    path.write_text(text, encoding="utf-8")
    return path


def _proc_figures(pid: int) -> tuple[float, float]:
    """A live process's CPU seconds (user + system) and peak RSS in MB (``VmHWM``: since its
    ``exec``, not its parent's)."""
    with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
        fields = fh.read().rsplit(")", 1)[1].split()
    cpu = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    rss = 0.0
    with open(f"/proc/{pid}/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                rss = int(line.split()[1]) / 1024
    return cpu, rss


def run_start(config_path: str, database: str, timeout: float = 60.0) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from tests.e2e.fake_bot_api import TOKEN, FakeBotApi, text_update
    from tests.e2e.launch import linli_run

    async def run() -> dict[str, Any]:
        server = FakeBotApi(privacy_mode=False)
        await server.start()
        try:
            config = run_config(config_path, database, server.base_url)
            await server.push(text_update(TELEGRAM_GROUP, TELEGRAM_RESIDENT, "邻居", REPORT))
            env = {**os.environ, TOKEN_ENV: TOKEN}
            log = open(Path(database).parent / "run.log", "wb")  # closed below
            t0, m0 = time.perf_counter(), time.monotonic()
            proc = await linli_run(config, env=env, cwd=None, stderr=log)
            first_reply_s = cpu = rss = 0.0
            try:
                await server.wait_for(lambda s: bool(s.sent), timeout)
                first_reply_s = time.perf_counter() - t0
                cpu, rss = _proc_figures(proc.pid)
            except AssertionError:
                pass  # no reply in time: reported below with the process's log
            finally:
                if proc.returncode is None:
                    proc.send_signal(signal.SIGTERM)
                code = await asyncio.wait_for(proc.wait(), 30)
                log.close()
            if code != 0 or not server.sent:
                tail = (Path(database).parent / "run.log").read_text("utf-8", "replace")
                raise SystemExit(
                    f"linli run: exit {code}, {len(server.sent)} sent; its log ends:\n{tail[-2000:]}"
                )
            reply = str(server.sent[0].get("text", ""))
            return {
                "first_reply_s": first_reply_s,
                "cpu_at_reply_s": cpu,
                "rss_at_reply_mb": rss,
                "reply": reply[:40],
                # What the process asked the API, and when (seconds after it was started).
                "calls": [(c.method, round(c.at - m0, 3)) for c in server.calls[:8]],
            }
        finally:
            await server.stop()

    emit(asyncio.run(run()))


def main(argv: list[str]) -> None:
    phase, args = argv[0], json.loads(argv[1])
    {"replay_steps": replay_steps, "run_start": run_start}[phase](**args)


if __name__ == "__main__":
    main(sys.argv[1:])
