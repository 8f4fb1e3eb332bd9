"""Benchmark of the console's own pages on a district's history. Prints figures (never a
timed unit test).

    .venv/bin/python -m bench.console

The district of ``bench.webreports`` (1,000 buildings, 100,000 issues over 12 months, 10% open)
on a temporary SQLite database; the real app (``bot.web.app.create_app``, guard, session,
templates) answers in-process requests (httpx's ASGI transport, no sockets) from an admin (every
building), a grid worker (100 buildings) and a head (one building), each signed in by a
one-time link. For each page: the median and the slowest of ``--repeat`` requests, in ms. The
machine's load average is printed first: on a shared machine the times grow with it.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import tempfile
import time
from pathlib import Path

import httpx

from bench import webreports

PAGES = (
    ("list (open, newest 50)", "/issues"),
    ("list, every state", "/issues?state="),
    ("list, one category", "/issues?state=&category=lighting"),
    ("list, urgent + overdue", "/issues?urgent=1&overdue=1"),
    ("list, search 楼道", "/issues?state=&q=%E6%A5%BC%E9%81%93"),
    ("list, page 20", "/issues?state=&before=99000"),
    ("one issue", "/issues/{number}"),
    ("help", "/help"),
    ("events", "/events"),
)
PEOPLE = (("admin", "local:admin"), ("grid worker", "local:grid-1"), ("head", "local:head-1"))


async def run(repeat: int) -> None:
    from bot.app import Linli
    from bot.config import load_config
    from bot.web.app import create_app
    from handlers.web import new_token

    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        config = load_config(await webreports.build(Path(tmp)))
        print(f"built {webreports.ISSUES:,} issues in {time.perf_counter() - t:.1f} s")
        print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        bot = await Linli.open(config)
        now = webreports.NOW
        app = create_app(bot, "bench-key-" + "b" * 40, now=lambda: now)
        async with bot.store.db.conn.execute(
            "SELECT MIN(number) FROM issues WHERE building = '1号楼'"
        ) as cur:
            number = (await cur.fetchone())[0]
        try:
            for role, user in PEOPLE:
                token = new_token()
                async with bot.store.transaction():
                    await bot.store.web_tokens.add(token, user, now, now.replace(year=now.year + 1))
                transport = httpx.ASGITransport(app=app)
                async with httpx.AsyncClient(transport=transport, base_url="http://c") as http:
                    page = await http.get(f"/login?token={token}")
                    csrf = page.text.split('name="csrf" value="', 1)[1].split('"', 1)[0]
                    signed = await http.post("/login", data={"csrf": csrf, "token": token})
                    assert signed.status_code == 303, signed.text
                    print(f"\n{role} ({user}): median / slowest of {repeat}, ms")
                    for name, path in PAGES:
                        url = path.format(number=number)
                        times = []
                        for _ in range(repeat):
                            s = time.perf_counter()
                            response = await http.get(url)
                            times.append((time.perf_counter() - s) * 1000)
                            assert response.status_code == 200, (url, response.status_code)
                        print(f"  {name:<24} {statistics.median(times):7.1f} {max(times):7.1f}")
        finally:
            await bot.close()


def main() -> None:
    parser = argparse.ArgumentParser(description="the console's pages on 100,000 issues")
    parser.add_argument("--repeat", type=int, default=20)
    asyncio.run(run(parser.parse_args().repeat))


if __name__ == "__main__":
    main()
