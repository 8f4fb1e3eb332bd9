"""Throughput of several workers on one database: msgs/s on SQLite (one process), and on
PostgreSQL with 1 and with 3 worker processes. Prints figures (never a timed unit test).

    .venv/bin/python -m bench.workers                       # SQLite, PG x1, PG x3; 3 runs
    .venv/bin/python -m bench.workers --messages 3000 --repeat 5 --setups pg1,pg3

PostgreSQL comes from ``LINLI_BENCH_PG_URL`` (else ``LINLI_TEST_PG_URL``): a role that may
create databases; each run gets a fresh database, dropped afterwards.

The district of ``bench/_community.py`` (1,000 buildings) and the realistic script of
``bench/_script.py`` are split between the workers by chat, as accounts split a district's
groups (bot/workers.py): each worker sends only to its own chats. Each worker is a process doing what ``linli run`` does per event
(the ``steps`` loop of bench/realpath.py: a tick every 10 s of script time, handling the
message, a delivery pass to a recording platform), on its share of the script. The workers
load and open the database first, then start together; throughput is all messages over the
time from the first start to the last finish. Databases start empty. Figures are medians.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
import zlib
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from bench import _community, _script

ROOT = Path(__file__).resolve().parent.parent
TICK_EVERY = timedelta(seconds=10)
SETUPS = {"sqlite": ("sqlite", 1), "pg1": ("postgresql", 1), "pg3": ("postgresql", 3)}


def share_of(chat: str, workers: int) -> int:
    """Which worker serves ``chat`` (a stable hash, as a config would split the groups)."""
    return zlib.crc32(chat.encode()) % workers


def worker(config_path: str, database: str, script: str, index: int, workers: int) -> None:
    """One worker process: loads, says ``ready``, waits for ``go`` on stdin, runs its share."""
    from bench._realphases import RecordingSender, _read_script
    from bot.app import Linli
    from bot.config import load_config
    from bot.delivery import Deliverer, RateLimits
    from bot.model import Incoming
    from bot.runner import tick_and_recover
    from bot.understand import understand
    from storage.outbox import Lane

    config = load_config(config_path)
    script_items = _read_script(script, config, None)
    items = [
        (n, item)
        for n, item in enumerate(script_items, 1)
        if item.get("tick") or share_of(item["chat"], workers) == index
    ]
    # Each worker sends to its own chats only, as an account does (chats no worker was
    # given, e.g. heads never heard privately, go to the first).
    routes = {
        item["chat"]: f"w{share_of(item['chat'], workers)}"
        for item in script_items
        if not item.get("tick")
    }
    lane = Lane("local", f"w{index}", unrouted=index == 0) if workers > 1 else Lane("local")

    async def run() -> dict[str, Any]:
        first: datetime = items[0][1]["at"]
        app = await Linli.open(config, database=database)
        await app.start(first)
        if workers > 1:
            async with app.store.transaction():
                await app.store.routes.set_configured(routes)
        understand("预热一下分词", config.taxonomy)  # load the tokenizer before timing
        clock = [first]
        sender = RecordingSender()
        deliverer = Deliverer(
            app.store,
            sender,
            RateLimits(),
            clock=lambda: clock[0],
            rng=random.Random(index),
            lane=lane,
            claimer=f"w{index}",
        )
        await deliverer.deliver_due()
        print("ready", flush=True)
        await asyncio.get_running_loop().run_in_executor(None, sys.stdin.readline)
        started, cpu0 = time.time(), time.process_time()
        last_tick: datetime | None = None
        messages = 0
        for n, item in items:
            at: datetime = item["at"]
            clock[0] = at
            if item.get("tick") or last_tick is None or at - last_tick >= TICK_EVERY:
                await tick_and_recover(app, at)
                last_tick = at
            if not item.get("tick"):
                sender_id = item["from"]
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
                messages += 1
            await deliverer.deliver_due()
            await asyncio.sleep(0)
        finished = time.time()
        cpu = time.process_time() - cpu0
        await app.close()
        return {
            "messages": messages,
            "started": started,
            "finished": finished,
            "cpu_s": cpu,
            "sent": sum(sender.kinds.values()),
        }

    print(json.dumps(asyncio.run(run())), flush=True)


def run_setup(config: str, database: str, script: str, workers: int) -> dict[str, Any]:
    """Start ``workers`` processes, release them together, gather their figures."""
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "bench.workers",
                "--worker",
                json.dumps([config, database, script, i, workers]),
            ],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for i in range(workers)
    ]
    for p in procs:
        assert p.stdout is not None
        line = p.stdout.readline().strip()
        if line != "ready":
            raise SystemExit(f"a worker failed to start: {line!r}")
    for p in procs:
        assert p.stdin is not None
        p.stdin.write("go\n")
        p.stdin.flush()
    results = []
    for p in procs:
        out, _ = p.communicate()
        if p.returncode != 0:
            raise SystemExit(f"a worker failed (exit {p.returncode})")
        results.append(json.loads(out.strip().splitlines()[-1]))
    wall = max(r["finished"] for r in results) - min(r["started"] for r in results)
    messages = sum(r["messages"] for r in results)
    return {
        "queued": outbox_rows(database),
        "messages": messages,
        "wall_s": wall,
        "msgs_per_s": messages / wall,
        "cpu_per_msg_us": sum(r["cpu_s"] for r in results) / messages * 1e6,
        "sent": sum(r["sent"] for r in results),
    }


def outbox_rows(database: str) -> int:
    """Rows the run queued (each sent once: ``sent`` counts the platform calls)."""
    if database.startswith("postgresql://"):
        import psycopg

        with psycopg.connect(database) as conn:
            row = conn.execute("SELECT count(*) FROM outbox").fetchone()
    else:
        import sqlite3

        with contextlib.closing(sqlite3.connect(database)) as conn:
            row = conn.execute("SELECT count(*) FROM outbox").fetchone()
    return int(row[0]) if row else 0


def pg_server() -> str:
    url = os.environ.get("LINLI_BENCH_PG_URL") or os.environ.get("LINLI_TEST_PG_URL")
    if not url:
        raise SystemExit("PostgreSQL setups need LINLI_BENCH_PG_URL (or LINLI_TEST_PG_URL)")
    return url


def create_pg_database(server: str) -> tuple[str, str]:
    import psycopg

    name = f"linli_bench_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    return name, urlunsplit(urlsplit(server)._replace(path="/" + name))


def drop_pg_database(server: str, name: str) -> None:
    import psycopg

    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--messages", type=int, default=3000, help="messages of the script")
    ap.add_argument("--repeat", type=int, default=3, help="runs per setup (medians)")
    ap.add_argument("--setups", default="sqlite,pg1,pg3", help=f"of {', '.join(SETUPS)}")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    opts = ap.parse_args(argv)
    if opts.worker:
        worker(*json.loads(opts.worker))
        return
    setups = [s for s in opts.setups.split(",") if s]
    tmp = Path(tempfile.mkdtemp(prefix="linli-workers-"))
    try:
        config = str(_community.write_config(tmp))
        script = tmp / "script.jsonl"
        _script.write(str(script), opts.messages)
        print(
            f"linli workers bench — {os.cpu_count()} cores (shared), "
            f"Python {sys.version.split()[0]}"
        )
        print(f"district: {_community.BUILDINGS} buildings; script: {opts.messages} messages")
        print(f"medians of {opts.repeat} runs; every run on a fresh, empty database\n")
        for setup in setups:
            engine, workers = SETUPS[setup]
            runs = []
            for r in range(opts.repeat):
                if engine == "sqlite":
                    runs.append(run_setup(config, str(tmp / f"run{r}.db"), str(script), workers))
                    continue
                server = pg_server()
                name, url = create_pg_database(server)
                try:
                    runs.append(run_setup(config, url, str(script), workers))
                finally:
                    drop_pg_database(server, name)
            rates = [x["msgs_per_s"] for x in runs]
            print(
                f"{setup:>6}: {engine} x{workers}: {statistics.median(rates):7.0f} msgs/s "
                f"(runs {', '.join(f'{x:.0f}' for x in rates)}), "
                f"{statistics.median(x['cpu_per_msg_us'] for x in runs):6.0f} µs CPU/msg "
                f"in the workers; sent/queued {runs[0]['sent']}/{runs[0]['queued']}"
            )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
