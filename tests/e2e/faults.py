"""Fault injection for end-to-end tests: a Bot API server that misbehaves on demand, faster
client timeouts and polling back-off, and a Sender that records every delivery attempt."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
from collections import Counter
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from aiohttp import web

from bot.adapters.telegram import TelegramAdapter
from bot.delivery import Deliverer, SendError
from bot.model import Outgoing
from tests.e2e.fake_bot_api import FakeBotApi, _error, _params

# The client gives up on a reply after this long; a "timeout" fault answers later than that.
READ_TIMEOUT = 0.3
HOLD = 1.5


@dataclass(slots=True)
class Fault:
    kind: str  # "timeout" | "dropped" | "http"
    status: int = 0
    description: str = ""
    chat_id: int | None = None
    text: str | None = None
    retry_after: int | None = None

    @property
    def label(self) -> str:
        if self.kind != "http":
            return self.kind
        return "5xx" if self.status >= 500 else f"{self.status}"


class FaultyBotApi(FakeBotApi):
    """:class:`FakeBotApi` whose calls can time out (the answer comes after the client gave
    up), lose the connection, or fail with an HTTP status; it can also go down and come back
    on the same port. Faulty calls are never carried out: nothing is sent or consumed."""

    def __init__(self, injected: Counter[str] | None = None) -> None:
        super().__init__()
        self.faults: dict[str, list[Fault]] = {}
        # Faults carried out, as "method kind" -> count (pass a shared counter to add up).
        self.injected: Counter[str] = injected if injected is not None else Counter()

    def inject(
        self,
        method: str,
        kind: str,
        status: int = 0,
        description: str = "",
        *,
        chat_id: int | None = None,
        text: str | None = None,
        retry_after: int | None = None,
    ) -> None:
        """The next call of ``method`` (to ``chat_id``, with ``text`` in it, if given) fails."""
        fault = Fault(kind, status, description, chat_id, text, retry_after)
        self.faults.setdefault(method, []).append(fault)

    def pending_faults(self) -> int:
        return sum(len(q) for q in self.faults.values())

    async def start(self, port: int = 0) -> None:
        self._closing = False
        app = web.Application()
        app.router.add_post("/bot{token}/{method}", self._handle)
        self._runner = web.AppRunner(app, handle_signals=False, shutdown_timeout=HOLD + 1)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", port or self.port)
        await site.start()
        server = site._server
        assert server is not None
        self.port = server.sockets[0].getsockname()[1]  # type: ignore[attr-defined]

    async def _handle(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        fault = self._take(method, await _params(request))
        if fault is None:
            return await super()._handle(request)
        self.injected[f"{method} {fault.label}"] += 1
        if fault.kind == "timeout":
            await asyncio.sleep(HOLD)
            return _error(504, "Gateway Timeout")
        if fault.kind == "dropped":
            assert request.transport is not None
            request.transport.abort()
            return web.Response()
        extra = {"retry_after": fault.retry_after} if fault.retry_after else None
        return _error(fault.status, fault.description, extra)

    def _take(self, method: str, params: dict[str, Any]) -> Fault | None:
        queue = self.faults.get(method, [])
        for i, fault in enumerate(queue):
            if fault.chat_id not in (None, params.get("chat_id")):
                continue
            if fault.text is not None and fault.text not in str(params.get("text", "")):
                continue
            return queue.pop(i)
        return None


@contextlib.asynccontextmanager
async def faulty_api(injected: Counter[str] | None = None) -> AsyncIterator[FaultyBotApi]:
    server = FaultyBotApi(injected)
    await server.start()
    try:
        yield server
    finally:
        await server.stop()


def short_timeouts(adapter: TelegramAdapter) -> None:
    """Let the client give up on a silent server after READ_TIMEOUT seconds (PTB's default is
    5 s; getUpdates waits the poll timeout on top)."""
    for request in adapter.bot._request:
        request._client.timeout = httpx.Timeout(5.0, read=READ_TIMEOUT)  # type: ignore[attr-defined]


class ScaledSleep:
    """Stands in for ``asyncio`` inside the Telegram polling loop: records each back-off it asks
    for and sleeps a tenth of it (a faster clock for that loop only)."""

    def __init__(self, scale: float = 0.1) -> None:
        self.scale = scale
        self.requested: list[float] = []

    def __getattr__(self, name: str) -> Any:
        return getattr(asyncio, name)

    async def sleep(self, delay: float, result: Any = None) -> Any:
        self.requested.append(delay)
        return await asyncio.sleep(delay * self.scale, result)


@dataclass(frozen=True, slots=True)
class Attempt:
    text: str
    at: datetime
    error: str | None


class Attempts:
    """A Sender passing to the real adapter and recording every attempt on the virtual clock."""

    platform = "telegram"

    def __init__(self, adapter: TelegramAdapter, clock: Callable[[], datetime]) -> None:
        self.adapter = adapter
        self.clock = clock
        self.log: list[Attempt] = []

    async def send(self, message: Outgoing) -> None:
        try:
            await self.adapter.send(message)
        except SendError as exc:
            self.log.append(Attempt(message.text, self.clock(), str(exc)))
            raise
        self.log.append(Attempt(message.text, self.clock(), None))

    def times(self, text: str) -> list[datetime]:
        return [a.at for a in self.log if a.text == text]


async def next_attempt(conn: Any) -> datetime | None:
    async with conn.execute(
        "SELECT min(next_attempt_at) FROM outbox WHERE status = 'pending'"
    ) as cur:
        row = await cur.fetchone()
    if row is None or row[0] is None:
        return None
    # One microsecond past the stored float, so rounding never leaves the row just short.
    return datetime.fromtimestamp(row[0], UTC) + timedelta(microseconds=1)


async def drain(deliverer: Deliverer, clock: list[datetime], steps: int = 500) -> None:
    """Deliver until nothing is pending, moving the virtual clock straight to the next time
    anything could go (a retry falling due or a rate limit lifting)."""
    conn = deliverer.store.db.conn
    for _ in range(steps):
        limited = await deliverer.deliver_due()
        due = await next_attempt(conn)
        if due is None:
            return
        now = clock[0]
        later = [t for t in (limited, due) if t is not None and t > now]
        clock[0] = min(later) if later else now + timedelta(milliseconds=10)
    raise AssertionError("the outbox did not drain")


def delays(times: list[datetime]) -> list[float]:
    return [(b - a).total_seconds() for a, b in itertools.pairwise(times)]
