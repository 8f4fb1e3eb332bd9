"""The benchmark phases, each run in a fresh subprocess by ``bench/pipeline.py`` so that its
peak RSS and start-up are its own. Every phase prints one JSON object as its last line."""

from __future__ import annotations

import asyncio
import json
import os
import resource
import statistics
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

T0 = datetime(2026, 5, 1, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
WARMUP = 300


def peak_rss_mb() -> float:
    # ru_maxrss is in KiB on Linux.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def pin_one_core() -> int | None:
    """Run this process (and the aiosqlite thread it starts) on one core."""
    try:
        cpus = sorted(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpus[-1]})
        return cpus[-1]
    except (AttributeError, OSError):
        return None


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def emit(result: dict[str, Any]) -> None:
    result["peak_rss_mb"] = round(peak_rss_mb(), 1)
    print(json.dumps(result), flush=True)


# --- start-up -----------------------------------------------------------------------------


def startup_times(config_path: str, database: str, start: datetime) -> dict[str, Any]:
    """Import, load the config, open a database, start at ``start``, handle one message:
    the seconds each step took, and the size of the config."""
    t0 = time.perf_counter()
    from bot.app import Linli
    from bot.config import load_config
    from bot.model import Incoming

    t_import = time.perf_counter()
    config = load_config(config_path)
    t_config = time.perf_counter()

    async def run() -> tuple[float, float]:
        bot = await Linli.open(config, database=database)
        await bot.start(start)
        t_open = time.perf_counter()
        await bot.handle(
            Incoming("local:b1", "local:r1", "邻居1", "3单元楼道灯坏了好几天了", start, "first")
        )
        t_first = time.perf_counter()
        await bot.close()
        return t_open, t_first

    t_open, t_first = asyncio.run(run())
    return {
        "import_s": t_import - t0,
        "config_s": t_config - t_import,
        "open_s": t_open - t_config,
        "first_handle_s": t_first - t_open,
        "in_process_s": t_first - t0,
        "buildings": len(config.buildings),
        "people": len(config.people),
    }


def startup(config_path: str, database: str) -> None:
    """Import, load the config, open a fresh database, start, handle one message."""
    emit(startup_times(config_path, database, T0))


# --- throughput and latency ---------------------------------------------------------------


async def _prefill(bot: Any, history: int) -> None:
    """Stored history as a long-running district would have it: ``history`` handled inbox
    rows, one outbox row per ten of them, and the 100,000 residents. Bulk inserts (a bench
    fixture, not the bot's path)."""
    from bench import _community as c

    conn = bot.store.db.conn
    texts = [s.text for s in c.corpus()[0]]
    base = (T0 - timedelta(days=365)).timestamp()
    chunk = 50_000
    async with bot.store.transaction():
        for start in range(0, history, chunk):
            rows = []
            for k in range(start, min(history, start + chunk)):
                j = (k * 7919) % c.RESIDENTS
                rows.append(
                    (
                        c.building_chat(c.resident_building(j)),
                        f"h{k}",
                        c.resident_id(j),
                        f"邻居{j + 1}",
                        texts[k % len(texts)],
                        base + k * 10.0,
                    )
                )
            await conn.executemany(
                "INSERT INTO inbox (chat, message_id, sender, sender_name, text, at, status)"
                " VALUES (?, ?, ?, ?, ?, ?, 'handled')",
                rows,
            )
            await conn.executemany(
                "INSERT INTO outbox (created_at, platform, chat, kind, text, status,"
                " next_attempt_at, sent_at) VALUES (?, 'local', ?, 'command_reply', ?, 'sent',"
                " ?, ?)",
                [(r[5], r[0], r[4], r[5], r[5]) for r in rows[::10]],
            )
        await conn.executemany(
            "INSERT OR IGNORE INTO residents (user, name, building, last_seen) VALUES (?, ?, ?, ?)",
            [
                (c.resident_id(j), f"邻居{j + 1}", c.building_name(c.resident_building(j)), base)
                for j in range(c.RESIDENTS)
            ],
        )
    await conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def throughput(config_path: str, database: str, n: int, history: int, seed: int, pin: bool) -> None:
    """Handle ``n`` messages one after another through ``Linli.handle`` (after ``history``
    stored messages), then segment the same texts with bare ``jieba.lcut``."""
    cpu = pin_one_core() if pin else None
    import jieba

    from bench import _community as c
    from bot.app import Linli
    from bot.config import load_config

    config = load_config(config_path)
    msgs = list(c.messages(n, T0, seed=seed))
    warm = list(c.messages(WARMUP, T0 - timedelta(hours=1), seed=seed + 1000))

    async def run() -> dict[str, Any]:
        bot = await Linli.open(config, database=database)
        await bot.start(T0)
        if history:
            t = time.perf_counter()
            await _prefill(bot, history)
            prefill_s = time.perf_counter() - t
        else:
            prefill_s = 0.0
        for m in warm:
            await bot.handle(m)
        before = await bot.store.inbox.count()
        lat: list[float] = []
        clat: list[float] = []
        outs = 0
        perf = time.perf_counter
        tcpu = time.thread_time
        cpu0 = time.process_time()
        t_start = perf()
        for m in msgs:
            t, c0 = perf(), tcpu()
            outs += len(await bot.handle(m))
            clat.append(tcpu() - c0)
            lat.append(perf() - t)
        wall = perf() - t_start
        cpu_s = time.process_time() - cpu0
        stored = await bot.store.inbox.count() - before
        await bot.store.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        await bot.close()
        return {
            "wall_s": wall,
            "cpu_s": cpu_s,
            "lat": lat,
            "clat": clat,
            "outs": outs,
            "stored": stored,
            "prefill_s": prefill_s,
        }

    rss_before_run = peak_rss_mb()
    r = asyncio.run(run())
    # Before bare jieba loads its full dictionary below (that is the comparison's, not linli's).
    rss_after_run = peak_rss_mb()
    size = sum(os.path.getsize(p) for p in Path(database).parent.glob(Path(database).name + "*"))

    texts = [m.text for m in msgs]
    lcut = jieba.lcut
    # Load jieba's dictionary before timing, as linli's own tokenizer is loaded before its run.
    jieba.initialize()
    lcut(texts[0])
    jlat: list[float] = []
    jclat: list[float] = []
    perf = time.perf_counter
    tcpu = time.thread_time
    t_start = perf()
    for text in texts:
        t, c0 = perf(), tcpu()
        lcut(text)
        jclat.append(tcpu() - c0)
        jlat.append(perf() - t)
    jwall = perf() - t_start
    lat, clat = r["lat"], r["clat"]
    emit(
        {
            "cpu": cpu,
            "messages": n,
            "history": history,
            "prefill_s": r["prefill_s"],
            "msgs_per_s": n / r["wall_s"],
            "cpu_per_msg_us": r["cpu_s"] / n * 1e6,
            "p50_ms": percentile(lat, 0.5) * 1e3,
            "p99_ms": percentile(lat, 0.99) * 1e3,
            "max_ms": max(lat) * 1e3,
            "mean_us": statistics.fmean(lat) * 1e6,
            "jieba_per_s": n / jwall,
            "jieba_p50_ms": percentile(jlat, 0.5) * 1e3,
            "jieba_p99_ms": percentile(jlat, 0.99) * 1e3,
            "jieba_mean_us": statistics.fmean(jlat) * 1e6,
            "ratio": statistics.fmean(lat) / statistics.fmean(jlat),
            # The same on CPU time of the handling thread (less disturbed by a busy machine).
            "cpu_p50_ms": percentile(clat, 0.5) * 1e3,
            "cpu_p99_ms": percentile(clat, 0.99) * 1e3,
            "cpu_mean_us": statistics.fmean(clat) * 1e6,
            "jieba_cpu_mean_us": statistics.fmean(jclat) * 1e6,
            "cpu_ratio": statistics.fmean(clat) / statistics.fmean(jclat),
            "outgoing": r["outs"],
            "stored": r["stored"],
            "db_bytes": size,
            "rss_before_run_mb": round(rss_before_run, 1),
            "rss_after_run_mb": round(rss_after_run, 1),
        }
    )


# --- tick -----------------------------------------------------------------------------------


def tick(config_path: str, database: str, pending: int, due: int, rounds: int) -> None:
    """``pending`` open issues each with a reminder due later; each round ``due`` more
    reminders fall due and ``tick(now)`` is timed, as is a tick with nothing due."""
    from bench import _community as c
    from bot.app import Linli
    from bot.config import load_config
    from bot.model import Incoming

    config = load_config(config_path)

    async def run() -> dict[str, Any]:
        bot = await Linli.open(config, database=database)
        await bot.start(T0)
        kinds = sorted(bot.scheduler.handlers)
        kind = next((k for k in kinds if "ack" in k), kinds[0] if kinds else "none")
        # One real issue through the bot, then copies of it (bulk fixture).
        await bot.handle(
            Incoming(
                c.building_chat(0), c.resident_id(0), "邻居1", "3单元楼道灯坏了好几天了", T0, "t0"
            )
        )
        conn = bot.store.db.conn
        t = time.perf_counter()
        async with conn.execute("PRAGMA table_info(issues)") as cur:
            cols = [
                r[1] for r in await cur.fetchall() if r[1] not in ("number", "building", "chat")
            ]
        col_list = ", ".join(cols)
        later = (T0 + timedelta(days=3)).timestamp()
        async with bot.store.transaction():
            await conn.execute(
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)"
                f" INSERT INTO issues (building, chat, {col_list})"
                f" SELECT (i % {c.BUILDINGS} + 1) || '号楼', 'local:b' || (i % {c.BUILDINGS} + 1),"
                f" {col_list} FROM n, issues WHERE number = 1",
                (pending,),
            )
            await conn.execute(
                "INSERT INTO timers (kind, ref, due_at, payload)"
                " SELECT ?, number, ? + number, '{}' FROM issues WHERE number > 1",
                (kind, later),
            )
        await conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        bot.store.timers.forget_earliest()  # timers written behind the repository's back
        fill_s = time.perf_counter() - t
        async with conn.execute("SELECT count(*) FROM timers WHERE done = 0") as cur:
            open_timers = (await cur.fetchone())[0]
        async with conn.execute(
            "EXPLAIN QUERY PLAN SELECT id FROM timers WHERE done = 0 AND due_at <= ?"
            " ORDER BY due_at, id LIMIT 500",
            (0,),
        ) as cur:
            plan = " | ".join(str(r[3]) for r in await cur.fetchall())
        perf = time.perf_counter
        idle: list[float] = []
        busy: list[float] = []
        fired = 0
        now = T0 + timedelta(minutes=1)
        for r in range(rounds):
            now += timedelta(minutes=1)
            t = perf()
            await bot.tick(now)
            idle.append(perf() - t)
            async with bot.store.transaction():
                for k in range(due):
                    await bot.store.timers.add(kind, 2 + (r * due + k) % pending, now)
            now += timedelta(seconds=10)
            t = perf()
            fired += len(await bot.tick(now))
            busy.append(perf() - t)
        await bot.close()
        return {
            "pending_issues": pending,
            "pending_timers": open_timers,
            "timer_kind": kind,
            "fill_s": fill_s,
            "due_per_tick": due,
            "tick_idle_ms": statistics.median(idle) * 1e3,
            "tick_due_ms": statistics.median(busy) * 1e3,
            "tick_due_max_ms": max(busy) * 1e3,
            "outgoing_per_tick": fired / rounds,
            "plan": plan,
        }

    emit(asyncio.run(run()))


def main(argv: list[str]) -> None:
    phase, args = argv[0], json.loads(argv[1])
    {"startup": startup, "throughput": throughput, "tick": tick}[phase](**args)


if __name__ == "__main__":
    main(sys.argv[1:])
