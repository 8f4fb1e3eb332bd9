"""Take the README's two screenshots of the office web console in headless Chromium.

    .venv/bin/python scripts/screenshots.py [--out docs/img]

A demo community (config.example.toml) on a temporary database: residents of both buildings
report problems over four months, the heads acknowledge and resolve most of them at varying
speed, one rates the result. The admin signs in by the link the bot sends (as a person does)
and the issue list and the charts page are saved as ``console-issues.png`` and
``console-charts.png``. Uses Debian's /usr/bin/chromium and /usr/bin/chromedriver.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import itertools
import re
import socket
import tempfile
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import uvicorn

from bot.app import Linli
from bot.config import load_config
from bot.model import Incoming
from bot.web.app import create_app

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
START = datetime(2025, 10, 8, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
# Narrow enough to show the phone layout's choices, small enough to keep the PNGs light.
WIDTH, HEIGHT = 900, 1100

REPORTS = [
    ("local:building-1", "3单元楼道灯坏了好几天了"),
    ("local:building-2", "5单元电梯又坏了，门打不开"),
    ("local:building-1", "楼下垃圾桶满了没人清，味道很大"),
    ("local:building-2", "地下车库有车一直占消防通道，车牌京A12345"),
    ("local:building-1", "2单元楼顶漏水，家里天花板都湿了"),
    ("local:building-2", "小区门口的路灯不亮了"),
    ("local:building-1", "楼道里堆了好多纸箱，怕着火"),
    ("local:building-2", "3单元水管爆了，楼道全是水"),
    ("local:building-1", "电梯按钮坏了按不动"),
    ("local:building-2", "有人在楼下烧东西，烟很大"),
    ("local:building-1", "楼道的窗户玻璃碎了"),
    ("local:building-2", "绿化带的树枝挡住路了"),
]
HEADS = {"local:building-1": "local:head-1", "local:building-2": "local:head-2"}
_ids = itertools.count()


def message(chat: str, sender: str, text: str, at: datetime, name: str) -> Incoming:
    return Incoming(
        chat=chat,
        sender=sender,
        sender_name=name,
        text=text,
        at=at,
        message_id=f"demo-{next(_ids)}",
        private=chat == sender,
    )


async def seed(bot: Linli) -> datetime:
    """Four months of a demo community; returns the time it ends at."""
    at = START
    for round_ in range(4):
        for i, (chat, text) in enumerate(REPORTS):
            if (i + round_) % 3 == 2 and round_ < 3:
                continue
            at += timedelta(days=3, hours=12 + i % 5)
            resident = f"local:resident-{i}"
            outs = await bot.handle(message(chat, resident, text, at, f"居民{i}"))
            created = [o.issue for o in outs if o.kind == "issue_created" and o.issue]
            if not created or (round_ == 3 and i % 2):
                continue  # merged into an earlier report, or left new
            number, head = created[0], HEADS[chat]
            ack = at + timedelta(minutes=10 + 37 * (i % 6) + 90 * chat.endswith("2"))
            await bot.handle(message(head, head, f"收到 {number}", ack, "楼栋长"))
            if round_ < 3 or i % 3 == 0:
                done = ack + timedelta(hours=3 + 11 * (i % 4))
                await bot.handle(message(head, head, f"办结 {number} 已处理", done, "楼栋长"))
    return at + timedelta(days=1)


async def shoot(out: Path) -> None:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(16)
    port = sock.getsockname()[1]
    base = load_config(ROOT / "config.example.toml")
    config = dataclasses.replace(base, web=dataclasses.replace(base.web, port=port))
    with tempfile.TemporaryDirectory() as tmp:
        bot = await Linli.open(config, database=Path(tmp) / "demo.db")
        await bot.start(START)
        end = await seed(bot)
        now = [end]
        app = create_app(bot, "screenshot-key-" + "s" * 40, now=lambda: now[0])
        server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
        task = asyncio.create_task(server.serve(sockets=[sock]))
        outs = await bot.handle(message("local:admin", "local:admin", "/web", end, "社区管理员"))
        link = re.search(r"http://\S+", outs[0].text)
        assert link is not None, outs
        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for arg in (
            "--headless=new",
            "--no-sandbox",
            "--disable-dev-shm-usage",
            "--hide-scrollbars",
            f"--window-size={WIDTH},{HEIGHT}",
            "--lang=zh-CN",
        ):
            options.add_argument(arg)
        driver = await asyncio.to_thread(
            webdriver.Chrome, service=Service(executable_path=CHROMEDRIVER), options=options
        )
        try:
            await asyncio.to_thread(driver.get, link.group())
            button = await asyncio.to_thread(driver.find_element, By.ID, "login-button")
            await asyncio.to_thread(button.click)
            for path, name in (
                ("/issues", "console-issues.png"),
                ("/charts", "console-charts.png"),
            ):
                await asyncio.to_thread(driver.get, f"http://127.0.0.1:{port}{path}")
                target = out / name
                await asyncio.to_thread(driver.save_screenshot, str(target))
                print(f"{target}: {target.stat().st_size // 1024} KB")
        finally:
            await asyncio.to_thread(driver.quit)
            server.should_exit = True
            await task
            await bot.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "img"))
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    asyncio.run(shoot(out))


if __name__ == "__main__":
    main()
