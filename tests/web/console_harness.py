"""A console on a fresh bot, an HTTP client in the same event loop, and sign-in by the link
the bot sends: what the console's HTTP and browser tests share."""

from __future__ import annotations

import itertools
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import httpx
from starlette.applications import Starlette

from bot.app import Linli
from bot.config import Config
from bot.model import Incoming, Kind, Outgoing
from bot.web.app import create_app
from tests.conftest import T0

SECRET = "test-secret-" + "x" * 40
BASE_URL = "http://127.0.0.1:8780"
_LINK = re.compile(r"(https?://\S+/login\?token=(\S+))")
_CSRF = re.compile(r'name="csrf" value="([^"]+)"')
_ids = itertools.count()


class Clock:
    """The console's clock and the messages' time, moved by the test."""

    def __init__(self, start: datetime = T0) -> None:
        self.at = start

    def now(self) -> datetime:
        return self.at

    def advance(self, delta: timedelta) -> None:
        self.at += delta


@dataclass
class Console:
    bot: Linli
    app: Starlette
    clock: Clock

    def client(self) -> httpx.AsyncClient:
        """A new browser: its own cookies."""
        return httpx.AsyncClient(
            transport=httpx.ASGITransport(app=self.app), base_url=BASE_URL, follow_redirects=False
        )

    async def say(self, sender: str, chat: str, text: str, name: str = "") -> list[Outgoing]:
        """``sender`` writes ``text`` in ``chat`` (their own id: privately) now."""
        return await self.bot.handle(
            Incoming(
                chat=chat,
                sender=sender,
                sender_name=name or sender.removeprefix("local:"),
                text=text,
                at=self.clock.now(),
                message_id=f"m{next(_ids)}",
                private=chat == sender,
            )
        )

    async def link_for(self, user: str) -> str:
        """The sign-in link the bot sends ``user`` privately for ``/web``."""
        outs = await self.say(user, user, "/web")
        assert [o.kind for o in outs] == [Kind.COMMAND_REPLY], outs
        found = _LINK.search(outs[0].text)
        assert found is not None, outs[0].text
        return found.group(1)

    async def sign_in(self, client: httpx.AsyncClient, link: str) -> httpx.Response:
        """Open ``link`` and press the button, as a person does."""
        page = await client.get(link.removeprefix(BASE_URL))
        assert page.status_code == 200
        token = link.split("token=", 1)[1]
        return await client.post("/login", data={"csrf": csrf_of(page.text), "token": token})

    @asynccontextmanager
    async def signed_in(self, user: str) -> AsyncIterator[httpx.AsyncClient]:
        """A browser signed in as ``user`` by the link the bot sent them."""
        async with self.client() as client:
            response = await self.sign_in(client, await self.link_for(user))
            assert response.status_code == 303 and response.headers["location"] == "/issues"
            yield client


def csrf_of(html: str) -> str:
    found = _CSRF.search(html)
    assert found is not None, "no CSRF token in the page"
    return found.group(1)


async def open_console(config: Config, database: Path | str, clock: Clock) -> Console:
    bot = await Linli.open(config, database=database)
    await bot.start(clock.now())
    return Console(bot, create_app(bot, SECRET, now=clock.now), clock)


async def outbox(bot: Linli) -> list[tuple[str, str, str]]:
    """Every queued message as (chat, kind, text), oldest first."""
    async with bot.store.db.conn.execute("SELECT chat, kind, text FROM outbox ORDER BY id") as cur:
        return [(r[0], r[1], r[2]) for r in await cur.fetchall()]
