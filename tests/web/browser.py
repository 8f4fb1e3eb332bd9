"""A real headless Chromium (Debian's chromium and chromedriver) driving a console served by
uvicorn on 127.0.0.1, for the console's browser tests.

Selenium's calls block, so they run on a worker thread (:meth:`Browser.call`) while the event
loop serves the console and the bot. The driver is given by path: selenium-manager never
looks for or downloads a browser or driver.
"""

from __future__ import annotations

import asyncio
import dataclasses
import os
import shutil
import socket
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, TypeVar

import pytest
import uvicorn

from bot.config import Config
from tests.web.console_harness import Clock, Console, open_console

CHROMIUM = os.environ.get("LINLI_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("LINLI_CHROMEDRIVER", "/usr/bin/chromedriver")
T = TypeVar("T")


def require_chromium() -> None:
    """Skip without Chromium on a developer's machine; in CI (.ci/run installs it) a missing
    browser is a failure, not a skip."""
    missing = [p for p in (CHROMIUM, CHROMEDRIVER) if not shutil.which(p)]
    if missing and not os.environ.get("CI"):
        pytest.skip(f"headless Chromium not installed: {', '.join(missing)}")


class Browser:
    def __init__(self, driver: Any, base_url: str, downloads: Path) -> None:
        self.driver = driver
        self.base_url = base_url
        self.downloads = downloads

    async def call(self, fn: Callable[..., T], *args: Any) -> T:
        return await asyncio.to_thread(fn, *args)

    async def get(self, path_or_url: str) -> None:
        url = path_or_url if "://" in path_or_url else self.base_url + path_or_url
        await self.call(self.driver.get, url)

    async def find(self, css: str) -> Any:
        from selenium.webdriver.common.by import By

        return await self.call(self.driver.find_element, By.CSS_SELECTOR, css)

    async def find_all(self, css: str) -> list[Any]:
        from selenium.webdriver.common.by import By

        found: list[Any] = await self.call(self.driver.find_elements, By.CSS_SELECTOR, css)
        return found

    async def text(self, css: str) -> str:
        element = await self.find(css)
        value: str = await self.call(lambda: element.text)
        return value

    async def click(self, css: str) -> None:
        element = await self.find(css)
        await self.call(element.click)

    async def submit(self, css: str, timeout: float = 30.0) -> None:
        """Click ``css`` and wait until the page it leads to has replaced this one."""
        from selenium.common.exceptions import WebDriverException
        from selenium.webdriver.support import expected_conditions
        from selenium.webdriver.support.ui import WebDriverWait

        page = await self.find("html")
        await self.click(css)
        stale = expected_conditions.staleness_of(page)

        def replaced(driver: Any) -> bool:
            # Chromium may answer for a node of the page being replaced with "Node with given
            # id does not belong to the document" instead of a stale-element error.
            try:
                return bool(stale(driver))
            except WebDriverException as error:
                if "does not belong to the document" in str(error):
                    return True
                raise

        await self.call(WebDriverWait(self.driver, timeout).until, replaced)

    async def type(self, css: str, text: str) -> None:
        element = await self.find(css)
        await self.call(element.clear)
        await self.call(element.send_keys, text)

    async def select(self, css: str, value: str) -> None:
        from selenium.webdriver.support.select import Select

        element = await self.find(css)
        await self.call(lambda: Select(element).select_by_value(value))

    async def url(self) -> str:
        value: str = await self.call(lambda: self.driver.current_url)
        return value

    async def wait_for_download(self, suffix: str, timeout: float = 60.0) -> Path:
        """The downloaded file once Chromium has finished writing it."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while loop.time() < deadline:
            done = [p for p in self.downloads.iterdir() if p.name.endswith(suffix)]
            if done:
                return done[0]
            await asyncio.sleep(0.1)
        raise AssertionError(f"no {suffix} downloaded within {timeout}s")


def _driver(downloads: Path, width: int, height: int) -> Any:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in (
        "--headless=new",
        "--no-sandbox",  # CI runs as root
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--no-first-run",
        "--lang=zh-CN",
        f"--window-size={width},{height}",
    ):
        options.add_argument(arg)
    options.add_experimental_option(
        "prefs",
        {"download.default_directory": str(downloads), "download.prompt_for_download": False},
    )
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.execute_cdp_cmd(
        "Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)}
    )
    return driver


def _listening_socket() -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    sock.listen(64)
    return sock


@asynccontextmanager
async def live_console(
    config: Config, tmp_path: Path, clock: Clock | None = None
) -> AsyncIterator[Console]:
    """A console served by uvicorn on a free port of 127.0.0.1; its config's ``[web]`` port
    is that port, so the sign-in links the bot sends point at it."""
    sock = _listening_socket()
    port = sock.getsockname()[1]
    config = dataclasses.replace(config, web=dataclasses.replace(config.web, port=port))
    console = await open_console(config, tmp_path / "live.db", clock or Clock())
    server = uvicorn.Server(
        uvicorn.Config(console.app, log_level="warning", lifespan="off", access_log=False)
    )
    task = asyncio.create_task(server.serve(sockets=[sock]))
    try:
        yield console
    finally:
        server.should_exit = True
        await task
        sock.close()
        await console.bot.close()


@asynccontextmanager
async def chromium(
    base_url: str, downloads: Path, width: int = 1200, height: int = 900
) -> AsyncIterator[Browser]:
    require_chromium()
    downloads.mkdir(parents=True, exist_ok=True)
    from selenium.common.exceptions import WebDriverException

    try:
        driver = await asyncio.to_thread(_driver, downloads, width, height)
    except WebDriverException:
        # Chromium may fail to come up on a loaded machine ("DevToolsActivePort file doesn't
        # exist"); once more, then the error stands.
        driver = await asyncio.to_thread(_driver, downloads, width, height)
    try:
        yield Browser(driver, base_url, downloads)
    finally:
        await asyncio.to_thread(driver.quit)
