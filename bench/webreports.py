"""Benchmark of the console's statistics, exports and Open311 reads on a district's history.
Prints figures (never a timed unit test).

    .venv/bin/python -m bench.webreports

A district of 1,000 buildings (``bench/_community.py``) with 100,000 issues spread over the
last 12 months (16 categories; 88% acknowledged, 80% resolved or closed, 10% still open,
some waiting) and 40,000 ratings, written with bulk SQL into a temporary SQLite database.
Each phase runs in a fresh subprocess, so its peak RSS is its own:

- stats-admin / stats-grid: everything the charts page computes (6 and 12 months) for an
  admin (every building) and for a grid worker (100 buildings);
- csv / xlsx: the export of all 100,000 issues (time, size);
- open311: a page of 1,000 service requests, newest first, over the last 90 days.

Each phase reports wall and CPU time (all threads), peak RSS, and how long the event loop
could not run a 1 ms heartbeat task (max and 99th percentile): what a bot sharing the loop
(``[web] enabled`` in ``linli run``) would wait. The machine's load average is printed first:
on a shared machine wall times and the loop's maximum wait grow with it.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from bench import _community as c

ROOT = Path(__file__).resolve().parent.parent
ISSUES = 100_000
RATINGS = 40_000
NOW = datetime(2026, 5, 20, 12, 0).astimezone()
CATEGORIES = (
    "fire_safety elevator lighting power water drainage sanitation noise parking security"
    " greening facilities dispute property pets other"
).split()


async def build(directory: Path) -> Path:
    from storage import Store

    config_path = c.write_config(directory)
    store = await Store.open(directory / "linli.db")
    year = timedelta(days=365).total_seconds()
    start = NOW.timestamp() - year
    cats = ",".join(f'"{x}"' for x in CATEGORIES)
    async with store.transaction() as conn:
        # i spreads issues over the year; (i * 7919) % n are cheap pseudo-random picks.
        await conn.execute(
            "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ?),"
            f" cats(k, code) AS (SELECT key, value FROM json_each('[{cats}]'))"
            " INSERT INTO issues (building, chat, reporter, reporter_name, text, category,"
            " urgent, status, location, created_at, updated_at, acked_at, resolved_at,"
            " closed_at, paused_seconds)"
            " SELECT (((i * 7919 + i / 7) % ?) + 1) || '号楼', 'local:b1', 'local:r' || i, '邻居',"
            " '3单元楼道灯坏了，电话13812345678', code, (i % 50 = 0),"
            " CASE WHEN i % 10 = 0 THEN 'new' WHEN i % 10 = 1 THEN 'waiting'"
            " WHEN i % 10 = 2 THEN 'rejected' WHEN i % 10 < 6 THEN 'resolved' ELSE 'closed' END,"
            " '3单元', ? + i * ?, ? + i * ?,"
            " CASE WHEN i % 10 = 0 THEN NULL ELSE ? + i * ? + (i * 7919) % 20000 END,"
            " CASE WHEN i % 10 > 2 THEN ? + i * ? + 3600 + (i * 104729) % 400000 END,"
            " CASE WHEN i % 10 > 5 THEN ? + i * ? + 500000 END, (i % 7) * 600"
            " FROM n JOIN cats ON cats.k = (i * 31) % 16",
            (ISSUES - 1, c.BUILDINGS, *[start, year / ISSUES] * 5),
        )
        await conn.execute(
            "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ?)"
            " INSERT INTO ratings (issue, user, name, building, requested_at, score, rated_at)"
            " SELECT i + 1, 'local:r' || i, '邻居', (((i * 7919) % ?) + 1) || '号楼', ? + i * ?,"
            " 1 + (i % 7) % 3, ? + i * ?  FROM n",
            (RATINGS - 1, c.BUILDINGS, start, year / RATINGS, start, year / RATINGS),
        )
    await store.close()
    return config_path


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


async def phase(name: str, config_path: Path) -> dict[str, Any]:
    from bot.config import load_config
    from bot.web import exports, open311
    from bot.web.issue_filter import read_filter
    from bot.web.stats import gather, resolution_targets
    from storage import Store

    config = load_config(config_path)
    store = await Store.open(config.database)
    out: dict[str, Any] = {"phase": name}
    lag = {"max": 0.0}
    gaps: list[float] = []
    stop = asyncio.Event()

    async def heartbeat() -> None:
        # The longest the event loop could not run this task: what a bot sharing the loop waits.
        while not stop.is_set():
            t = time.perf_counter()
            await asyncio.sleep(0.001)
            gap = time.perf_counter() - t - 0.001
            gaps.append(gap)
            lag["max"] = max(lag["max"], gap)

    beat = asyncio.create_task(heartbeat())
    await asyncio.sleep(0.01)
    t = time.perf_counter()
    cpu = time.process_time()
    if name.startswith("stats"):
        scope = None if name == "stats-admin" else tuple(c.building_name(i) for i in range(100))
        for months in (6, 12):
            s = time.perf_counter()
            stats = await gather(store, config, scope, NOW, months)
            out[f"{months}m_s"] = round(time.perf_counter() - s, 3)
        out["issues_counted_12m"] = stats.category_months.total
        out["buildings"] = len(stats.acknowledge) - 1
    elif name == "csv":
        size = 0
        async for chunk in exports.csv_stream(store, config, read_filter({}, None, config), NOW):
            size += len(chunk)
        out["mb"] = round(size / 1e6, 1)
    elif name == "xlsx":
        path = await exports.xlsx_file(store, config, read_filter({}, None, config), NOW)
        out["mb"] = round(path.stat().st_size / 1e6, 1)
        path.unlink()
    elif name == "open311":
        query = open311.read_query({"page_size": "1000"}, None, config, NOW)
        targets = resolution_targets(config)
        rows = await store.issue_query.page(
            query.filter, targets, NOW, limit=query.page_size, newest_first=True
        )
        body = json.dumps([open311.service_request(r, config, targets) for r in rows])
        out["rows"] = len(rows)
        out["kb"] = round(len(body.encode()) / 1e3)
    out["wall_s"] = round(time.perf_counter() - t, 3)
    out["cpu_s"] = round(time.process_time() - cpu, 3)
    stop.set()
    await beat
    out["loop_held_max_ms"] = round(lag["max"] * 1000, 1)
    gaps.sort()
    out["loop_held_p99_ms"] = round(gaps[int(len(gaps) * 0.99)] * 1000, 1) if gaps else 0.0
    out["peak_rss_mb"] = round(rss_mb(), 1)
    await store.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--phase")
    parser.add_argument("--config")
    args = parser.parse_args()
    if args.phase:
        print(json.dumps(asyncio.run(phase(args.phase, Path(args.config))), ensure_ascii=False))
        return
    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        config_path = asyncio.run(build(Path(tmp)))
        print(f"built {ISSUES:,} issues, {RATINGS:,} ratings in {time.perf_counter() - t:.1f} s")
        print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        for name in ("stats-admin", "stats-grid", "csv", "xlsx", "open311"):
            result = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "bench.webreports",
                    "--phase",
                    name,
                    "--config",
                    str(config_path),
                ],
                cwd=ROOT,
                capture_output=True,
                text=True,
                check=True,
                env={**os.environ, "PYTHONPATH": str(ROOT)},
            )
            print(result.stdout.strip().splitlines()[-1])


if __name__ == "__main__":
    main()
