"""Signing in with the one-time link from ``/web`` (handlers/web.py), signing out, and the
key that signs session cookies.

Opening the link shows a page with one button; only pressing it (a POST carrying the token
and the CSRF token) uses the token. Chat apps fetch links to preview them, and a preview
must not use up the link or sign its fetcher in.
"""

from __future__ import annotations

import logging
import os
import secrets

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from bot.config import Config
from bot.web import sessions
from bot.web import texts as t
from bot.web.context import console_of, render, signed_in_viewer, viewer_for
from bot.web.guard import CSRF_BYTES, SIGN_IN, session_viewer
from storage import Store

log = logging.getLogger(__name__)

SECRET_KV_KEY = "web.session_secret"
MIN_SECRET_CHARS = 32
MAX_TOKEN_CHARS = 200
HOME = "/issues"


class SecretError(Exception):
    """The configured session secret cannot be used (the message says why)."""


async def session_secret(config: Config, store: Store) -> str:
    """The key signing session cookies: the environment variable ``[web] secret_env`` names,
    else one generated once and kept in the database (so sessions survive a restart)."""
    from_env = os.environ.get(config.web.secret_env, "")
    if from_env:
        if len(from_env) < MIN_SECRET_CHARS:
            raise SecretError(
                f"{config.web.secret_env} is too short: use at least {MIN_SECRET_CHARS} "
                "random characters (or unset it to let linli generate one)"
            )
        return from_env
    async with store.transaction():
        stored = await store.kv.get(SECRET_KV_KEY)
        if stored:
            return str(stored)
        generated = secrets.token_urlsafe(48)
        await store.kv.set(SECRET_KV_KEY, generated)
    log.info("generated the web console's session key (kept in the database)")
    return generated


async def sign_in_page(request: Request) -> Response:
    token = request.query_params.get("token", "")[:MAX_TOKEN_CHARS]
    if not token and request.scope.get("session", {}).get("user"):
        console = console_of(request)
        if session_viewer(request.session, console) is not None:
            return RedirectResponse(HOME, status_code=303)
    return render(request, "login.html", {"token": token})


async def sign_in(request: Request) -> Response:
    console = console_of(request)
    form = await request.form()
    token = str(form.get("token") or "")[:MAX_TOKEN_CHARS]
    now = console.now()
    user = None
    if token:
        async with console.store.transaction():
            user = await console.store.web_tokens.use(token, now)
    if user is None:
        log.info("sign-in link refused")
        return render(request, "login.html", {"error": t.LINK_INVALID}, status_code=400)
    viewer = viewer_for(console.config, user)
    if viewer is None:
        log.warning("sign-in by someone who is not staff user=%s", user)
        return render(request, "login.html", {"error": t.NOT_STAFF}, status_code=403)
    session = request.session
    session.clear()
    # A new CSRF token with the new session: one planted before signing in is worthless.
    session["csrf"] = secrets.token_urlsafe(CSRF_BYTES)
    session["user"] = viewer.id
    session["exp"] = int((now + console.config.web.session).timestamp())
    session[sessions.SESSION_FIELD] = await sessions.generation(console.store, viewer.id)
    log.info("signed in user=%s role=%s", viewer.id, viewer.role)
    return RedirectResponse(HOME, status_code=303)


async def sign_out(request: Request) -> Response:
    user = request.session.get("user")
    if isinstance(user, str) and signed_in_viewer(request) is not None:
        # Also ends copies of this cookie kept elsewhere (see bot.web.sessions).
        await sessions.end_all(console_of(request).store, user)
        log.info("signed out user=%s", user)
    request.session.clear()
    return RedirectResponse(SIGN_IN, status_code=303)


ROUTES = [
    Route(SIGN_IN, sign_in_page, methods=["GET"]),
    Route(SIGN_IN, sign_in, methods=["POST"]),
    Route("/logout", sign_out, methods=["POST"]),
]
