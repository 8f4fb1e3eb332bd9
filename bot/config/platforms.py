"""``[telegram]``, ``[wechat]`` and ``[local]``: which platforms run and how they connect.

Secrets are never written in the file: the config names an environment variable.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from bot.config.reader import Table


@dataclass(frozen=True, slots=True)
class TelegramConfig:
    """``[telegram]``: polling by default; ``webhook_url`` switches to a webhook served on
    ``webhook_listen`` behind the admin's HTTPS reverse proxy. ``base_url`` points at a
    self-hosted Bot API server (``http://host:8081/bot``; the token is appended)."""

    enabled: bool = False
    token_env: str = "LINLI_TELEGRAM_TOKEN"
    base_url: str | None = None
    username: str | None = None
    webhook_url: str | None = None
    webhook_listen: str = "127.0.0.1:8443"
    webhook_secret_env: str = "LINLI_TELEGRAM_WEBHOOK_SECRET"
    poll_timeout: int = 10
    per_chat_per_second: int = 1
    per_group_per_minute: int = 20
    overall_per_second: int = 30

    def listen_address(self) -> tuple[str, int]:
        """``webhook_listen`` as (host, port); validated by :func:`parse_telegram`."""
        host, _, port = self.webhook_listen.rpartition(":")
        return host.strip("[]") or "127.0.0.1", int(port)


# Shorter than the slowest gateway heartbeat (60 s) would drop healthy connections.
MIN_WATCHDOG = timedelta(seconds=90)


@dataclass(frozen=True, slots=True)
class WeChatConfig:
    """``[wechat]``: the puppet service gateway and the sending throttle. ``watchdog``: when
    the gateway sends no event at all (not even its heartbeat) for this long, the connection
    is dropped and opened again; zero turns the watchdog off."""

    enabled: bool = False
    endpoint: str = "127.0.0.1:8788"
    token_env: str = "WECHATY_PUPPET_SERVICE_TOKEN"
    per_room_per_minute: int = 10
    # Minimum time between two messages to one chat, so replies never come in a burst.
    min_gap: timedelta = timedelta(seconds=3)
    # Gateways send a heartbeat every 15-60 s, so three minutes of silence means it hangs.
    watchdog: timedelta = timedelta(minutes=3)


def parse_telegram(t: Table) -> TelegramConfig:
    base = TelegramConfig()
    cfg = TelegramConfig(
        enabled=t.bool("enabled", base.enabled),
        token_env=t.str("token_env", base.token_env),
        base_url=t.str("base_url", None),
        username=t.str("username", None),
        webhook_url=t.str("webhook_url", None),
        webhook_listen=t.str("webhook_listen", base.webhook_listen),
        webhook_secret_env=t.str("webhook_secret_env", base.webhook_secret_env),
        poll_timeout=t.int("poll_timeout", base.poll_timeout, minimum=0),
        per_chat_per_second=t.int("per_chat_per_second", base.per_chat_per_second, minimum=1),
        per_group_per_minute=t.int("per_group_per_minute", base.per_group_per_minute, minimum=1),
        overall_per_second=t.int("overall_per_second", base.overall_per_second, minimum=1),
    )
    _, sep, port = str(cfg.webhook_listen).rpartition(":")
    if not sep or not port.isdigit() or not 0 < int(port) < 65536:
        t.problems.add(t.key("webhook_listen"), f"expected 'host:port', got {cfg.webhook_listen!r}")
    if cfg.webhook_url is not None and not str(cfg.webhook_url).startswith("https://"):
        t.problems.add(t.key("webhook_url"), "Telegram only delivers webhooks to https:// URLs")
    t.done()
    return cfg


def parse_wechat(t: Table) -> WeChatConfig:
    base = WeChatConfig()
    cfg = WeChatConfig(
        enabled=t.bool("enabled", base.enabled),
        endpoint=t.str("endpoint", base.endpoint),
        token_env=t.str("token_env", base.token_env),
        per_room_per_minute=t.int("per_room_per_minute", base.per_room_per_minute, minimum=1),
        min_gap=t.duration("min_gap", base.min_gap),
        watchdog=t.duration("watchdog", base.watchdog),
    )
    if cfg.watchdog is not None and timedelta(0) < cfg.watchdog < MIN_WATCHDOG:
        t.problems.add(
            t.key("watchdog"),
            f'expected "0s" (off) or at least "{MIN_WATCHDOG.seconds}s": gateways send a '
            "heartbeat only every 15-60 s",
        )
    t.done()
    return cfg
