"""``[web]``: the office web console (``linli web``, or served by ``linli run`` when enabled)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from bot.config.reader import Table

# How long a signed-in session lasts before the person asks the bot for a new link.
DEFAULT_SESSION = timedelta(hours=8)
MAX_SESSION = timedelta(days=7)
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")


@dataclass(frozen=True, slots=True)
class WebConfig:
    """``enabled``: ``linli run`` serves the console too (the normal way on SQLite, where one
    process holds the database). ``host``/``port``: where it listens (127.0.0.1 unless an admin
    puts a TLS reverse proxy in front). ``base_url``: the address people open, used in the
    sign-in links the bot sends (default ``http://host:port``); an ``https://`` one makes the
    session cookie Secure. ``secret_env``: the environment variable holding the key that signs
    session cookies (absent: one is generated and kept in the database). ``session``: how long
    a sign-in lasts. ``open311_public``: the Open311 read API needs no key; otherwise the key
    is read from the variable named by ``open311_key_env``."""

    enabled: bool = False
    host: str = "127.0.0.1"
    port: int = 8780
    base_url: str = ""
    secret_env: str = "LINLI_WEB_SECRET"
    session: timedelta = DEFAULT_SESSION
    open311_public: bool = False
    open311_key_env: str = "LINLI_OPEN311_KEY"

    @property
    def url(self) -> str:
        """The console's address without a trailing slash."""
        if self.base_url:
            return self.base_url.rstrip("/")
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    @property
    def secure_cookies(self) -> bool:
        return self.url.startswith("https://")


def parse_web(t: Table) -> WebConfig:
    base = WebConfig()
    enabled = t.bool("enabled", base.enabled)
    host = t.str("host", base.host)
    port = t.int("port", base.port, minimum=1)
    base_url = t.str("base_url", base.base_url, nonempty=False)
    secret_env = t.str("secret_env", base.secret_env)
    session = t.duration("session", base.session)
    open311_public = t.bool("open311_public", base.open311_public)
    open311_key_env = t.str("open311_key_env", base.open311_key_env)
    t.done()
    if isinstance(port, int) and port > 65535:
        t.problems.add(t.key("port"), f"expected a port between 1 and 65535, got {port}")
        port = base.port
    if isinstance(base_url, str) and base_url and not base_url.startswith(("http://", "https://")):
        t.problems.add(t.key("base_url"), f"expected an http:// or https:// URL, got {base_url!r}")
        base_url = ""
    if session is not None and not timedelta(0) < session <= MAX_SESSION:
        t.problems.add(t.key("session"), "expected a duration between 1m and 7d")
        session = base.session
    return WebConfig(
        enabled=bool(enabled),
        host=host if isinstance(host, str) else base.host,
        port=port if isinstance(port, int) else base.port,
        base_url=base_url if isinstance(base_url, str) else "",
        secret_env=secret_env if isinstance(secret_env, str) else base.secret_env,
        session=session or base.session,
        open311_public=bool(open311_public),
        open311_key_env=open311_key_env
        if isinstance(open311_key_env, str)
        else base.open311_key_env,
    )
