"""The device hook server: ``POST /hooks/checkin`` for water meters, door sensors and the like.

A gateway that watches a person's meter posts ``{"person": ID, "event": "no_water_24h"}``
with ``Authorization: Bearer TOKEN``; the event takes the same path as a missed daily
check-in (:func:`handlers.checkin_schedule.device_event`). Served by ``linli run`` when
``[hooks] enabled = true``, on ``[hooks] listen`` (127.0.0.1:8787 by default: put a reverse
proxy with TLS in front if a gateway calls from another machine).

- The token comes from the environment variable named by ``[hooks] token_env``; without it
  the server refuses to start (:class:`HookConfigError`), it never serves unauthenticated.
- The token is compared in constant time (:func:`hmac.compare_digest`).
- Only enrolled people (who said 好) can be reported on: a device cannot enrol anyone.

Answers (JSON): 202 ``{"status": "notified"|"scheduled"|"paused"|"already_reported"}``,
400 malformed request, 401 wrong or missing token, 404 person not enrolled, 413 body too
large, 503 database unavailable (retry later).
"""

from __future__ import annotations

import hmac
import json
import logging
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from aiohttp import web

from bot import privacy
from bot.app import Linli
from bot.config.care import HooksConfig
from bot.feature import Context
from handlers import checkin_schedule as sched
from storage import StorageError

log = logging.getLogger(__name__)

MAX_BODY = 4096
_PERSON = re.compile(r"^(?:telegram|wechat|local):[^\s:][^\s]{0,80}$")
_EVENT = re.compile(r"^[a-z0-9_]{1,40}$")


class HookConfigError(Exception):
    """The hook server cannot run as configured (no token in the environment)."""


class BadHookRequest(ValueError):
    """The body is not ``{"person": ID, "event": NAME}``; the message says why."""


@dataclass(frozen=True, slots=True)
class HookResult:
    status: str
    queued: int


def parse_body(raw: bytes) -> tuple[str, str]:
    """``(person, event)`` from a request body; :class:`BadHookRequest` otherwise."""
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise BadHookRequest("body is not JSON") from None
    if not isinstance(data, dict):
        raise BadHookRequest("expected a JSON object")
    person, event = data.get("person"), data.get("event")
    if not isinstance(person, str) or not _PERSON.match(person):
        raise BadHookRequest('"person" must be an id such as "wechat:wxid_abc"')
    if not isinstance(event, str) or not _EVENT.match(event):
        raise BadHookRequest('"event" must be a name such as "no_water_24h" (a-z, 0-9, _)')
    return person, event


async def checkin_event(app: Linli, person: str, event: str, now: datetime) -> HookResult:
    """Apply a device event in one transaction and queue its messages; raises
    :class:`handlers.checkin_schedule.NotEnrolled` for someone not enrolled."""
    async with app.store.transaction():
        ctx = Context(config=app.config, store=app.store, now=now)
        status, outs = await sched.device_event(ctx, person, event)
        outs = privacy.for_delivery(outs, app.config)
        await app.store.outbox.add(outs, now)
    log.info("device event person=%s event=%s status=%s", person, event, status)
    if outs:
        for listener in app.on_queued:
            listener()
    return HookResult(status, len(outs))


def read_token(config: HooksConfig, environ: dict[str, str] | None = None) -> str:
    token = (environ if environ is not None else os.environ).get(config.token_env, "")
    if not token.strip():
        raise HookConfigError(
            f"[hooks] enabled = true but the environment variable {config.token_env} is not set;"
            " refusing to serve the device hook without a token"
        )
    return token.strip()


def _authorised(request: web.Request, token: bytes) -> bool:
    header = request.headers.get("Authorization", "")
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer":
        return False
    return hmac.compare_digest(given.strip().encode("utf-8"), token)


def _json(code: int, **body: object) -> web.Response:
    return web.json_response(body, status=code)


def make_app(
    bot: Linli, token: str, clock: Callable[[], datetime] | None = None
) -> web.Application:
    """The aiohttp application serving ``POST /hooks/checkin``."""
    secret = token.encode("utf-8")
    now = clock or (lambda: datetime.now(UTC))

    async def checkin(request: web.Request) -> web.Response:
        if not _authorised(request, secret):
            log.warning("device hook refused: bad token remote=%s", request.remote)
            return _json(401, error="unauthorised")
        try:
            raw = await request.read()
        except web.HTTPRequestEntityTooLarge:
            return _json(413, error="body too large")
        try:
            person, event = parse_body(raw)
        except BadHookRequest as exc:
            return _json(400, error=str(exc))
        try:
            result = await checkin_event(bot, person, event, now())
        except sched.NotEnrolled:
            return _json(404, error="person is not enrolled in check-ins")
        except StorageError:
            log.exception("device hook: database unavailable person=%s", person)
            return _json(503, error="try again later")
        return _json(202, status=result.status)

    app = web.Application(client_max_size=MAX_BODY)
    app.router.add_post("/hooks/checkin", checkin)
    return app


class HookServer:
    """Runs :func:`make_app` on ``[hooks] listen``; :meth:`start` raises
    :class:`HookConfigError` without a token."""

    def __init__(
        self,
        bot: Linli,
        config: HooksConfig,
        environ: dict[str, str] | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self.bot = bot
        self.config = config
        self.token = read_token(config, environ)
        self.clock = clock
        self._runner: web.AppRunner | None = None
        self.port: int | None = None

    async def start(self) -> None:
        host, port = self.config.listen_address()
        self._runner = web.AppRunner(make_app(self.bot, self.token, self.clock), access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, host, port)
        await site.start()
        addresses = self._runner.addresses  # the bound port when ``listen`` asks for port 0
        self.port = int(addresses[0][1]) if addresses else port
        log.info("device hook listening host=%s port=%s", host, self.port)

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
