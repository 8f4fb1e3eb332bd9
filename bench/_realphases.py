"""Phases of the real-path bench, each run in a fresh subprocess by ``bench/realpath.py``.
Every phase prints one JSON object as its last line.

- ``steps``: the loop of ``linli run`` on script time: ``tick_and_recover`` every 10 s of
  script time and on tick lines, ``Linli.handle`` for each message, then a delivery pass of
  :class:`bot.delivery.Deliverer` to a recording fake platform (claims, rate limits, marks
  sent). A step is all three; its wall and CPU time are recorded.
- ``ticks``: the big ticks on a database with 100,000 open issues, 10,000 offers and 1,000
  buildings, each timed while a heartbeat task measures how long the loop is blocked.
- ``jieba``: bare ``jieba.lcut`` over the script's texts (the whole process is timed by the
  caller).
- ``startup``: import, config, open a database with history, start, first message.
- ``split``, ``profile``: where a replay's CPU and statements go (``bench/_profile.py``).
"""

from __future__ import annotations

import asyncio
import itertools
import json
import os
import random
import resource
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from typing import Any

TICK_EVERY = timedelta(seconds=10)


def peak_rss_mb() -> float:
    """This process's peak resident memory since its ``exec`` (``VmHWM``): ``ru_maxrss``
    would count the RSS of the process it was forked from (see ``bench/_rusage.py``)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def switches() -> tuple[int, int]:
    """Context switches of this thread so far: voluntary (it waited: for the disk, a lock)
    and involuntary (its core was given to another process)."""
    usage = resource.getrusage(resource.RUSAGE_THREAD)
    return usage.ru_nvcsw, usage.ru_nivcsw


class SlowSteps:
    """Steps longer than ``limit`` on the wall clock, by why: the thread waited (a voluntary
    switch: disk, lock), lost its core (involuntary switches only), or neither (the code
    itself took that long)."""

    def __init__(self, limit: float = 0.005) -> None:
        self.limit = limit
        self.waited = self.preempted = self.code = 0

    def add(self, wall: float, before: tuple[int, int], after: tuple[int, int]) -> None:
        if wall <= self.limit:
            return
        if after[0] > before[0]:
            self.waited += 1
        elif after[1] > before[1]:
            self.preempted += 1
        else:
            self.code += 1

    def figures(self) -> dict[str, int]:
        return {"waited": self.waited, "preempted": self.preempted, "code": self.code}


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else 0.0


def emit(result: dict[str, Any]) -> None:
    result["peak_rss_mb"] = round(peak_rss_mb(), 1)
    print(json.dumps(result), flush=True)


class RecordingSender:
    """A platform that accepts everything and counts what it got."""

    platform = "local"

    def __init__(self) -> None:
        self.kinds: Counter[str] = Counter()

    async def send(self, message: Any) -> None:
        self.kinds[str(message.kind)] += 1


def _read_script(path: str, config: Any, limit: int | None) -> Iterator[dict[str, Any]]:
    """The script's items (messages and ticks) in order, read one line at a time, up to
    ``limit`` messages: the process holds only the line being run, not the whole script."""
    from bot.adapters.replay import parse_line

    messages = 0
    with open(path, encoding="utf-8") as fh:
        for n, raw in enumerate(fh, 1):
            item = parse_line(raw, n, config)
            if item is None:
                continue
            if not item.get("tick"):
                messages += 1
                if limit is not None and messages > limit:
                    break
            yield item


def steps(config_path: str, database: str, script: str, messages: int | None) -> None:
    from bot.app import Linli
    from bot.config import load_config
    from bot.delivery import Deliverer, RateLimits
    from bot.model import Incoming
    from bot.runner import tick_and_recover
    from bot.understand import understand

    config = load_config(config_path)
    items = _read_script(script, config, messages)
    head = next(items)

    async def run() -> dict[str, Any]:
        first: datetime = head["at"]
        app = await Linli.open(config, database=database)
        await app.start(first)
        understand("预热一下分词", config.taxonomy)  # load the tokenizer before timing
        sender = RecordingSender()
        clock = [first]
        deliverer = Deliverer(
            app.store, sender, RateLimits(), clock=lambda: clock[0], rng=random.Random(1)
        )
        await deliverer.deliver_due()
        beat = Heartbeat()  # the longest stretch the loop was held (between two yields)
        # SQLite statements run by each part of a step (SQLite only: one connection).
        statements: Counter[str] = Counter()
        part = ["start"]
        raw = getattr(app.store.db.conn, "_conn", None)
        if raw is not None:
            raw.set_trace_callback(lambda _sql: statements.update(part))
        beat.start()
        await asyncio.sleep(0)
        perf, tcpu = time.perf_counter, time.thread_time
        walls: list[float] = []
        cpus: list[float] = []
        msg_walls: list[float] = []
        slow = SlowSteps()
        msg_cpus: list[float] = []
        tick_max = 0.0
        ticks = 0
        last_tick: datetime | None = None
        cpu0, t_start = time.process_time(), perf()
        for n, item in enumerate(itertools.chain([head], items), 1):
            at: datetime = item["at"]
            clock[0] = at
            t, c0, sw0 = perf(), tcpu(), switches()
            if item.get("tick") or last_tick is None or at - last_tick >= TICK_EVERY:
                t1 = perf()
                beat.where = f"tick at line {n} ({at:%H:%M:%S})"
                part[0] = "tick"
                await tick_and_recover(app, at)
                tick_max = max(tick_max, perf() - t1)
                ticks += 1
                last_tick = at
            if not item.get("tick"):
                sender_id = item["from"]
                beat.where = f"handle line {n}: {str(item['text'])[:20]}"
                part[0] = "handle"
                await app.handle(
                    Incoming(
                        chat=item["chat"],
                        sender=sender_id,
                        sender_name=str(item.get("name") or sender_id),
                        text=item["text"],
                        at=at,
                        message_id=f"line-{n}",
                        private=item["chat"] == sender_id,
                    )
                )
            beat.where = f"delivery after line {n}"
            part[0] = "delivery"
            await deliverer.deliver_due()
            wall, cpu = perf() - t, tcpu() - c0
            walls.append(wall)
            slow.add(wall, sw0, switches())
            cpus.append(cpu)
            if not item.get("tick"):
                msg_walls.append(wall)
                msg_cpus.append(cpu)
            await asyncio.sleep(0)  # the loop's turn between two events, as in `linli run`
        total_wall = perf() - t_start
        await beat.stop()
        total_cpu = time.process_time() - cpu0
        pending = await app.store.outbox.pending_count()
        await app.close()
        tenth = max(1, len(msg_walls) // 10)
        return {
            "messages": len(msg_walls),
            "steps": len(walls),
            "ticks": ticks,
            "wall_s": total_wall,
            "cpu_s": total_cpu,
            "msgs_per_s": len(msg_walls) / total_wall,
            "cpu_per_msg_us": total_cpu / len(msg_walls) * 1e6,
            "p50_ms": percentile(walls, 0.5) * 1e3,
            "p99_ms": percentile(walls, 0.99) * 1e3,
            "max_ms": max(walls) * 1e3,
            "cpu_p99_ms": percentile(cpus, 0.99) * 1e3,
            "cpu_max_ms": max(cpus) * 1e3,
            "slow_steps": slow.figures(),  # over 5 ms on the wall clock, by why
            "tick_max_ms": tick_max * 1e3,
            "statements_per_msg": {k: v / len(msg_walls) for k, v in statements.items()},
            "loop_block_ms": beat.max_gap * 1e3,
            "loop_block_cpu_ms": beat.max_gap_cpu * 1e3,
            "loop_block_where": beat.max_gap_where,
            "loop_cpu_block_ms": beat.max_cpu * 1e3,
            "loop_cpu_block_where": beat.max_cpu_where,
            "first10_us": statistics.fmean(msg_walls[:tenth]) * 1e6,
            "last10_us": statistics.fmean(msg_walls[-tenth:]) * 1e6,
            "first10_cpu_us": statistics.fmean(msg_cpus[:tenth]) * 1e6,
            "last10_cpu_us": statistics.fmean(msg_cpus[-tenth:]) * 1e6,
            "sent": sum(sender.kinds.values()),
            "sent_kinds": dict(sender.kinds),
            "left_pending": pending,
        }

    emit(asyncio.run(run()))


class Heartbeat:
    """A task that yields to the loop in a tight loop; the longest gap between two of its
    turns is the longest time something else held the loop. Each gap is measured on the
    wall clock and in the thread's CPU time (a wall gap with little CPU is the process
    waiting for a core or for the disk, not code holding the loop), and the caller's
    ``where`` label when the gap ended says what held it."""

    def __init__(self) -> None:
        self.max_gap = 0.0
        self.max_gap_cpu = 0.0  # CPU time within the longest wall gap
        self.max_gap_where = ""
        self.max_cpu = 0.0  # the longest gap in CPU time
        self.max_cpu_where = ""
        self.where = ""
        self._task: asyncio.Task[None] | None = None
        self._stop = False

    async def _beat(self) -> None:
        perf, tcpu = time.perf_counter, time.thread_time
        while not self._stop:
            t, c = perf(), tcpu()
            await asyncio.sleep(0)
            gap, cpu = perf() - t, tcpu() - c
            if gap > self.max_gap:
                self.max_gap, self.max_gap_cpu, self.max_gap_where = gap, cpu, self.where
            if cpu > self.max_cpu:
                self.max_cpu, self.max_cpu_where = cpu, self.where

    def reset(self) -> None:
        self.max_gap = self.max_gap_cpu = self.max_cpu = 0.0
        self.max_gap_where = self.max_cpu_where = ""

    def start(self) -> None:
        self._task = asyncio.get_running_loop().create_task(self._beat())

    async def stop(self) -> None:
        self._stop = True
        if self._task is not None:
            await self._task


def ticks(config_path: str, database: str) -> None:
    from bench._script import START
    from bot.app import Linli
    from bot.config import load_config
    from bot.delivery import Deliverer, RateLimits
    from bot.model import Incoming
    from bot.understand import understand
    from handlers.event_schedule import REMINDER_TIMER
    from handlers.help_matching import MONTHLY_THANKS

    config = load_config(config_path)

    async def run() -> dict[str, Any]:
        app = await Linli.open(config, database=database)
        await app.start(START)
        understand("预热一下分词", config.taxonomy)  # the tokenizer loads once, at start-up
        conn = app.store.db.conn
        beat = Heartbeat()
        beat.start()
        perf = time.perf_counter
        out: dict[str, Any] = {}

        async def timed(name: str, coro: Any) -> None:
            await asyncio.sleep(0)
            beat.reset()
            t = perf()
            result = await coro
            elapsed = perf() - t
            await asyncio.sleep(0)  # let the heartbeat record the gap the call caused
            await asyncio.sleep(0)
            out[name] = {
                "ms": elapsed * 1e3,
                "block_ms": beat.max_gap * 1e3,
                "block_cpu_ms": beat.max_cpu * 1e3,
                "queued": len(result) if isinstance(result, list) else result,
            }

        async def due_now(kind: str, ref: int, payload: str, at: datetime) -> None:
            async with app.store.transaction():
                await conn.execute(
                    "INSERT INTO timers (kind, ref, due_at, payload) VALUES (?, ?, ?, ?)",
                    (kind, ref, at.timestamp(), payload),
                )
            app.store.timers.forget_earliest()  # written behind the repository's back

        now = START + timedelta(minutes=1)
        await timed("idle", app.tick(now))
        now = START.replace(hour=8) + timedelta(seconds=5)
        await timed("digest", app.tick(now))
        now += timedelta(minutes=1)
        async with app.store.transaction():
            await conn.execute(
                "UPDATE timers SET due_at = ? WHERE id IN (SELECT id FROM timers WHERE"
                " kind = 'issue_ack_reminder' AND done = 0 ORDER BY id LIMIT 1000)",
                (now.timestamp(),),
            )
        app.store.timers.forget_earliest()
        await timed("ack_reminders_1000", app.tick(now))
        now += timedelta(minutes=1)
        await due_now(REMINDER_TIMER, 1, json.dumps({"before": 86400}), now)
        await timed("event_reminder_1000_chats", app.tick(now))
        now += timedelta(minutes=1)
        await due_now(MONTHLY_THANKS, 0, "{}", now)
        await timed("monthly_thanks", app.tick(now))
        now += timedelta(minutes=1)
        for k in range(5):
            msg = Incoming(
                chat="local:b1",
                sender=f"local:r{1001 + k * 1000}",
                sender_name="邻居",
                text="谁能帮忙修一下电脑，系统开不了机",
                at=now + timedelta(seconds=k),
                message_id=f"help-{k}",
            )
            await timed(f"help_request_{k}", app.handle(msg))
        sender = RecordingSender()
        deliverer = Deliverer(app.store, sender, RateLimits(), clock=lambda: now)
        pending = await app.store.outbox.pending_count()
        passes = []
        for _ in range(5):
            beat.reset()
            t = perf()
            await deliverer.deliver_due()
            elapsed = perf() - t
            await asyncio.sleep(0)
            await asyncio.sleep(0)
            passes.append((elapsed * 1e3, beat.max_gap * 1e3, beat.max_cpu * 1e3))
            now += timedelta(seconds=2)
        out["delivery_pass"] = {
            "ms": max(p[0] for p in passes),
            "block_ms": max(p[1] for p in passes),
            "block_cpu_ms": max(p[2] for p in passes),
            "queued": pending,
            "sent": sum(sender.kinds.values()),
        }
        await beat.stop()
        async with conn.execute(
            "SELECT count(*) FROM issues WHERE status IN ('new','acknowledged','in_progress')"
        ) as cur:
            out["open_issues"] = (await cur.fetchone())[0]
        async with conn.execute("SELECT count(*) FROM help_offers WHERE status='active'") as cur:
            out["offers"] = (await cur.fetchone())[0]
        await app.close()
        return out

    emit(asyncio.run(run()))


def jieba_phase(texts_path: str) -> None:
    t0 = time.perf_counter()
    import jieba

    with open(texts_path, encoding="utf-8") as fh:
        texts = [json.loads(line) for line in fh]
    jieba.initialize()
    t1 = time.perf_counter()
    c0 = time.process_time()
    lcut = jieba.lcut
    for text in texts:
        lcut(text)
    emit(
        {
            "texts": len(texts),
            "load_s": t1 - t0,
            "lcut_s": time.perf_counter() - t1,
            "lcut_cpu_us": (time.process_time() - c0) / len(texts) * 1e6,
        }
    )


def startup(config_path: str, database: str) -> None:
    from bench._phases import startup_times
    from bench._script import START

    times = startup_times(config_path, database, START)
    times["open_start_s"] = times.pop("open_s")
    emit({k: v for k, v in times.items() if k not in ("buildings", "people")})


def split_phase(config_path: str, database: str, script: str) -> None:
    from bench._profile import split

    emit(split(config_path, database, script))


def profile_phase(config_path: str, database: str, script: str) -> None:
    from bench._profile import profile

    emit(profile(config_path, database, script))


def main(argv: list[str]) -> None:
    phase, args = argv[0], json.loads(argv[1])
    if args.pop("pin", False):
        cpus = sorted(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpus[-1]})
    phases: dict[str, Callable[..., None]] = {
        "steps": steps,
        "ticks": ticks,
        "jieba": jieba_phase,
        "startup": startup,
        "split": split_phase,
        "profile": profile_phase,
    }
    phases[phase](**args)


if __name__ == "__main__":
    main(sys.argv[1:])
