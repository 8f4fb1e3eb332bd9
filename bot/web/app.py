"""The console's Starlette app (:func:`create_app`) and its server (:func:`serve`).

``linli web`` serves it alone; ``linli run`` serves it beside the platforms when ``[web]
enabled`` (on SQLite the normal way: one process holds the database). Pages, charts, exports
and the Open311 API are routes of other modules, all behind :class:`bot.web.guard.Guard`.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import BaseRoute, Mount
from starlette.staticfiles import StaticFiles

from bot.config import Config
from bot.web import actions, auth, community_pages, pages, report_routes
from bot.web import texts as t
from bot.web.context import Console, render
from bot.web.guard import Guard
from bot.web.headers import SecurityHeaders

if TYPE_CHECKING:
    import uvicorn

    from bot.app import Linli

log = logging.getLogger(__name__)

STATIC = Path(__file__).parent / "static"
SESSION_COOKIE = "linli_session"


def utc_now() -> datetime:
    return datetime.now(UTC)


def routes() -> list[BaseRoute]:
    """Every route of the console: sign-in, pages, actions, then the reports' routes."""
    return [
        *auth.ROUTES,
        *pages.ROUTES,
        *actions.ROUTES,
        *community_pages.ROUTES,
        *report_routes.ROUTES,
        Mount("/static", app=StaticFiles(directory=str(STATIC)), name="static"),
    ]


async def _error_page(request: Request, exc: Exception) -> Response:
    status = exc.status_code if isinstance(exc, HTTPException) else 500
    detail = exc.detail if isinstance(exc, HTTPException) else ""
    if "session" not in request.scope or "csrf" not in request.scope["session"]:
        return PlainTextResponse(detail or t.NOT_FOUND, status)
    message = detail if detail and status != 404 else t.NOT_FOUND
    if status == 404 and detail and detail != "Not Found":
        message = detail
    return render(request, "message.html", {"message": message}, status_code=status)


def create_app(bot: Linli, secret: str, *, now: Callable[[], datetime] = utc_now) -> Starlette:
    """The console for ``bot`` (its config, store and dispatcher). ``secret`` signs session
    cookies (:func:`bot.web.auth.session_secret`); ``now`` is the clock (tests pass theirs)."""
    console = Console(bot=bot, now=now)
    web = bot.config.web
    app = Starlette(
        routes=routes(),
        middleware=[
            Middleware(SecurityHeaders),
            Middleware(
                SessionMiddleware,
                secret_key=secret,
                session_cookie=SESSION_COOKIE,
                max_age=int(web.session.total_seconds()),
                same_site="lax",
                https_only=web.secure_cookies,
            ),
            Middleware(Guard, console=console),
        ],
        exception_handlers={HTTPException: _error_page},
    )
    app.state.console = console
    return app


async def server(bot: Linli, *, port: int | None = None) -> uvicorn.Server:
    """A uvicorn server for ``bot``'s console on ``[web] host``:``port``."""
    import uvicorn

    secret = await auth.session_secret(bot.config, bot.store)
    web = bot.config.web
    config = uvicorn.Config(
        create_app(bot, secret),
        host=web.host,
        port=port or web.port,
        log_level="warning",
        lifespan="off",
        access_log=False,
        server_header=False,
    )
    return uvicorn.Server(config)


async def serve(bot: Linli, stop: asyncio.Event, *, port: int | None = None) -> None:
    """Serve the console until ``stop`` is set."""
    srv = await server(bot, port=port)
    task = asyncio.create_task(srv.serve(), name="web-console")
    stopped = asyncio.create_task(stop.wait())
    log.info("web console url=%s", bot.config.web.url)
    try:
        await asyncio.wait([task, stopped], return_when=asyncio.FIRST_COMPLETED)
    finally:
        srv.should_exit = True
        stopped.cancel()
        try:
            await task
        except SystemExit:
            # uvicorn exits when it cannot bind (it has logged why).
            pass
    if not srv.started:
        where = f"{bot.config.web.host}:{port or bot.config.web.port}"
        raise OSError(f"the web console could not listen on {where}")


async def run_console(config: Config, *, port: int | None = None) -> None:
    """``linli web``: the console alone on ``config``'s database, until SIGINT/SIGTERM.

    Messages an action queues (the status message for the group) wait in the outbox until a
    bot runs on this database; on PostgreSQL the running workers send them at once."""
    from bot.app import Linli
    from bot.signals import stop_on_signals

    bot = await Linli.open(config)
    stop = asyncio.Event()
    stop_on_signals(stop)
    try:
        await serve(bot, stop, port=port)
    finally:
        await bot.close()
