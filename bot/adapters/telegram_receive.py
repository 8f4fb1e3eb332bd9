"""Receiving Telegram updates so that nothing is acknowledged before it is stored.

Telegram forgets an update once it is confirmed: by a ``getUpdates`` whose ``offset`` is past
it, or by a 200 answer to the webhook request that carried it. python-telegram-bot's
``Updater`` confirms a batch as soon as it is queued, before any handler ran, so a process
killed in between lost the batch. Here:

- :class:`Poller` is linli's own long-polling loop over ``bot.get_updates``: each update is
  handed to ``receive`` (which returns only once the update is stored in the inbox, holding
  through database faults), and only then does the offset move past it. A kill at any moment
  leaves every unstored update unconfirmed; Telegram sends it again and the inbox recognises
  the ones that were stored already.
- :class:`WebhookServer` answers Telegram's POST with 200 only after ``receive`` returned;
  a request without the secret token is refused (403) and never reaches linli.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import json
import logging
import warnings
from collections.abc import Awaitable, Callable, Sequence
from datetime import timedelta
from typing import Any

import tornado.httpserver
import tornado.web
from telegram import Bot, Update
from telegram.error import Conflict, InvalidToken, RetryAfter, TelegramError, TimedOut

from storage import StorageError

log = logging.getLogger(__name__)

Receive = Callable[[Update], Awaitable[None]]

# Back-off after a failed getUpdates: 1 s doubling to 30 s; a 429 waits what it says.
BACKOFF_FIRST = 1.0
BACKOFF_MAX = 30.0
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
MAX_BODY = 1 << 20


def retry_after_seconds(exc: RetryAfter) -> float:
    # PTB 22 warns that retry_after will become a timedelta; accept both, without the warning.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        value = exc.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


class Poller:
    """Long polling that confirms an update only after ``receive`` stored it."""

    def __init__(
        self,
        bot: Bot,
        receive: Receive,
        *,
        timeout: int,
        allowed_updates: Sequence[str],
    ) -> None:
        self.bot = bot
        self.receive = receive
        self.timeout = timeout
        self.allowed_updates = list(allowed_updates)
        # None at start: Telegram then sends everything not confirmed yet, oldest first.
        self.offset: int | None = None
        self.failures = 0

    async def run(self) -> None:
        """Poll until cancelled. Errors are logged and retried with back-off, never raised."""
        while True:
            try:
                updates = await self.bot.get_updates(
                    offset=self.offset,
                    timeout=self.timeout,
                    allowed_updates=self.allowed_updates,
                )
            except TimedOut:
                continue  # the long poll outlived the HTTP timeout: just ask again
            except RetryAfter as exc:
                delay = retry_after_seconds(exc)
                log.warning("telegram polling failed, asked to wait %.1fs: %s", delay, exc)
            except (InvalidToken, Conflict) as exc:
                delay = self._backoff()
                log.error("telegram polling refused, retrying in %.1fs: %s", delay, exc)
            except TelegramError as exc:
                delay = self._backoff()
                log.warning("telegram polling failed, retrying in %.1fs: %s", delay, exc)
            else:
                self.failures = 0
                for update in updates:
                    await self._receive(update)
                    # Only now may the next getUpdates confirm it.
                    self.offset = update.update_id + 1
                continue
            await asyncio.sleep(delay)

    def _backoff(self) -> float:
        self.failures += 1
        return min(BACKOFF_MAX, BACKOFF_FIRST * 2.0 ** (self.failures - 1))

    async def _receive(self, update: Update) -> None:
        delay = BACKOFF_FIRST
        while True:
            try:
                await self.receive(update)
                return
            except asyncio.CancelledError:
                raise
            except StorageError as exc:
                # Not stored (e.g. a group upgrade while the database is locked): hold the
                # offset and try again, as Linli.handle does for messages.
                log.error(
                    "telegram update not stored update_id=%s, retrying in %.1fs: %s",
                    update.update_id,
                    delay,
                    exc,
                )
                await asyncio.sleep(delay)
                delay = min(delay * 2, BACKOFF_MAX)
            except Exception:
                # A bug in translating this update would fail again on every redelivery; skip
                # it (logged with its id) rather than stop receiving altogether.
                log.exception("telegram update could not be handled update_id=%s", update.update_id)
                return


class WebhookServer:
    """Serves ``path`` on ``host:port`` (behind the admin's HTTPS proxy) with tornado."""

    def __init__(
        self, bot: Bot, receive: Receive, *, host: str, port: int, path: str, secret: str
    ) -> None:
        self.bot = bot
        self.receive = receive
        self.host = host
        self.port = port
        self.path = "/" + path.lstrip("/")
        self.secret = secret
        self._server: Any = None

    async def start(self) -> None:
        app = tornado.web.Application([(self.path, _UpdateHandler, {"server": self})])
        server = tornado.httpserver.HTTPServer(app, max_body_size=MAX_BODY)
        server.listen(self.port, self.host)
        self._server = server

    async def stop(self) -> None:
        server, self._server = self._server, None
        if server is not None:
            server.stop()
            with contextlib.suppress(Exception):
                await server.close_all_connections()

    def authorised(self, header: str | None) -> bool:
        return header is not None and hmac.compare_digest(header.encode(), self.secret.encode())

    async def handle(self, body: bytes) -> Update | None:
        """The update in ``body`` after it was received (stored); None if it is malformed."""
        try:
            data = json.loads(body)
            update = Update.de_json(data, self.bot)
        except Exception as exc:
            log.warning("telegram webhook: malformed update refused: %s", exc)
            return None
        await self.receive(update)
        return update


class _UpdateHandler(tornado.web.RequestHandler):
    def initialize(self, server: WebhookServer) -> None:
        self.server = server

    async def post(self) -> None:
        if not self.server.authorised(self.request.headers.get(SECRET_HEADER)):
            log.warning("telegram webhook: request without the right secret token refused")
            self.set_status(403)
            return
        update = await self.server.handle(self.request.body)
        # 200 only now: the update is stored. Telegram resends whatever got no 200.
        self.set_status(200 if update is not None else 400)
