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
from pathlib import Path

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


def key_file(store: Store) -> Path | None:
    """Where a generated key is kept beside a SQLite database file (``linli.db`` →
    ``linli.web-key``); None for PostgreSQL and an in-memory database."""
    path = str(store.db.path)
    if store.db.engine == "postgresql" or path == ":memory:" or "://" in path:
        return None
    return Path(path).with_suffix(".web-key")


def _write_key(path: Path, key: str) -> None:
    """Create ``path`` holding ``key``, readable by its owner only, atomically (a crash leaves
    either no file or the whole key; a file already there is kept: see :func:`_read_key`)."""
    partial = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, key.encode("ascii"))
        os.fsync(fd)
    finally:
        os.close(fd)
    try:
        os.link(partial, path)  # fails if another process made it first: theirs is kept
    except FileExistsError:
        pass
    finally:
        partial.unlink()


def _read_key(path: Path) -> str:
    key = path.read_text(encoding="ascii").strip()
    if len(key) < MIN_SECRET_CHARS:
        raise SecretError(f"{path} holds no usable key: delete it to let linli make a new one")
    return key


async def session_secret(config: Config, store: Store) -> str:
    """The key signing session cookies: the environment variable ``[web] secret_env`` names;
    else one generated once and kept in a file beside a SQLite database, readable by its owner
    only (a copy of the database alone cannot forge a staff session); on PostgreSQL, whose
    workers may run on several machines, in the database (set the variable there)."""
    from_env = os.environ.get(config.web.secret_env, "")
    if from_env:
        if len(from_env) < MIN_SECRET_CHARS:
            raise SecretError(
                f"{config.web.secret_env} is too short: use at least {MIN_SECRET_CHARS} "
                "random characters (or unset it to let linli generate one)"
            )
        return from_env
    path = key_file(store)
    if path is None:
        async with store.transaction():
            stored = await store.kv.get(SECRET_KV_KEY)
            if stored:
                return str(stored)
            generated = secrets.token_urlsafe(48)
            await store.kv.set(SECRET_KV_KEY, generated)
        log.warning(
            "generated the web console's session key and kept it in the database: set %s",
            config.web.secret_env,
        )
        return generated
    if not path.exists():
        _write_key(path, secrets.token_urlsafe(48))
        log.info("generated the web console's session key, kept in %s", path)
    key = _read_key(path)
    if await store.kv.get(SECRET_KV_KEY) is not None:
        # An earlier version kept the key in the database, where any copy of it would still
        # forge sessions: it is dropped, not moved (staff sign in again once, by /web).
        async with store.transaction():
            await store.kv.delete(SECRET_KV_KEY)
        log.warning("dropped the web console's old session key from the database")
    return key


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
