"""Security headers on every answer of the console (ASGI middleware, outermost).

- Pages, exports and the Open311 API carry residents' reports: ``Cache-Control: no-store``,
  so neither the browser (a shared office computer, the back button after 退出) nor a proxy
  keeps a copy. Only ``/static/`` (the style sheets) may be cached.
- The action forms must not be framed by another site (clickjacking): ``X-Frame-Options`` and
  the CSP's ``frame-ancestors``.
- The CSP allows nothing from elsewhere: the console uses no CDN and no inline script.
- The sign-in URL carries a token: ``Referrer-Policy: no-referrer`` keeps it out of
  ``Referer`` headers.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

CACHEABLE_PREFIX = "/static/"
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
ALWAYS: tuple[tuple[bytes, bytes], ...] = (
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
)
NO_STORE = (b"cache-control", b"no-store")


class SecurityHeaders:
    """Adds :data:`ALWAYS` to every HTTP response, and ``no-store`` outside ``/static/``
    (replacing any ``Cache-Control`` a route set)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        cacheable = str(scope.get("path", "")).startswith(CACHEABLE_PREFIX)

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {name for name, _ in ALWAYS}
                if not cacheable:
                    names.add(NO_STORE[0])
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() not in names]
                headers += ALWAYS
                if not cacheable:
                    headers.append(NO_STORE)
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)
