"""The one gate in front of every route: a session, and the CSRF token on every form.

Routes are added by several modules (pages, actions, charts, exports); none of them has to
remember a check. For each HTTP request, before any route runs:

- the signed-in viewer, if any, is put in the scope for every path (see
  :func:`bot.web.context.signed_in_viewer`);
- a path other than the sign-in (``/login``), static files and the Open311 API (which checks
  its own key) needs a signed-in, unexpired session of someone the config still lists as
  staff, started after their last 退出 (:mod:`bot.web.sessions`); otherwise a page request is sent to the sign-in page and anything else gets 401;
- a request that may change something (any method but GET/HEAD/OPTIONS) must carry the
  session's CSRF token, as the form field ``csrf`` (URL-encoded forms) or the header
  ``X-CSRF-Token``; otherwise 403 and nothing runs. Forms are read here, at most
  :data:`MAX_FORM_BYTES`, and handed on to the route unchanged.
"""

from __future__ import annotations

import hmac
import logging
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import parse_qs

from starlette.responses import PlainTextResponse, RedirectResponse, Response

from bot.web import sessions
from bot.web import texts as t
from bot.web.context import Console, Viewer, viewer_for

log = logging.getLogger(__name__)

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
SIGN_IN = "/login"
PUBLIC_PREFIXES = ("/static/", "/open311/")
MAX_FORM_BYTES = 64 * 1024
CSRF_FIELD = "csrf"
CSRF_HEADER = b"x-csrf-token"
CSRF_BYTES = 32


def session_viewer(session: dict[str, Any], console: Console) -> Viewer | None:
    """The viewer of a valid session, or None (no user, expired, no longer staff)."""
    user, expires = session.get("user"), session.get("exp")
    if not isinstance(user, str) or not isinstance(expires, int | float):
        return None
    if console.now().timestamp() >= expires:
        return None
    return viewer_for(console.config, user)


def is_public(path: str) -> bool:
    return path == SIGN_IN or path.startswith(PUBLIC_PREFIXES)


class BodyTooLarge(Exception):
    pass


class Guard:
    """ASGI middleware inside Starlette's ``SessionMiddleware`` (it reads ``scope["session"]``)."""

    def __init__(self, app: ASGIApp, console: Console) -> None:
        self.app = app
        self.console = console

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        session: dict[str, Any] = scope["session"]
        if not isinstance(session.get("csrf"), str):
            session["csrf"] = secrets.token_urlsafe(CSRF_BYTES)
        path: str = scope["path"]
        method: str = scope["method"]
        viewer = await self.signed_in(session)
        if viewer is not None:
            scope["linli_viewer"] = viewer
        elif not is_public(path):
            await self._refuse_anonymous(scope, receive, send, method)
            return
        if method not in SAFE_METHODS:
            try:
                body = await _read_body(receive)
            except BodyTooLarge:
                await PlainTextResponse(t.TOO_LARGE, 413)(scope, receive, send)
                return
            if not _csrf_ok(session["csrf"], scope, body):
                log.warning("csrf refused path=%s method=%s", path, method)
                await PlainTextResponse(t.CSRF_REFUSED, 403)(scope, receive, send)
                return
            receive = _replay(body)
        await self.app(scope, receive, send)

    async def signed_in(self, session: dict[str, Any]) -> Viewer | None:
        viewer = session_viewer(session, self.console)
        if viewer is not None and not await sessions.is_current(
            self.console.store, session, viewer.id
        ):
            viewer = None  # signed out since (perhaps on another device)
        if viewer is None and "user" in session:
            session.clear()  # expired, signed out, or no longer staff: sign in again
            session["csrf"] = secrets.token_urlsafe(CSRF_BYTES)
        return viewer

    async def _refuse_anonymous(
        self, scope: Scope, receive: Receive, send: Send, method: str
    ) -> None:
        response: Response
        if method in ("GET", "HEAD"):
            response = RedirectResponse(SIGN_IN, status_code=303)
        else:
            response = PlainTextResponse(t.SIGN_IN_FIRST, 401)
        await response(scope, receive, send)


async def _read_body(receive: Receive) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > MAX_FORM_BYTES:
            raise BodyTooLarge
        chunks.append(chunk)
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


def _replay(body: bytes) -> Receive:
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if sent:
            return {"type": "http.disconnect"}
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return receive


def _csrf_ok(expected: str, scope: Scope, body: bytes) -> bool:
    headers = dict(scope.get("headers") or [])
    given = headers.get(CSRF_HEADER, b"").decode("latin-1")
    content_type = headers.get(b"content-type", b"").decode("latin-1").split(";")[0].strip()
    if not given and content_type == "application/x-www-form-urlencoded":
        try:
            fields = parse_qs(body.decode("utf-8"), keep_blank_values=True)
        except UnicodeDecodeError:
            return False
        values = fields.get(CSRF_FIELD, [])
        given = values[0] if len(values) == 1 else ""
    return bool(given) and hmac.compare_digest(given.encode(), expected.encode())
