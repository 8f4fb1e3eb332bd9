"""``[telegram]``, ``[wechat]`` and ``[local]``: which platforms run and how they connect.

Secrets are never written in the file: the config names an environment variable.

A platform may have several accounts (``[[telegram.accounts]]``, ``[[wechat.accounts]]``):
each is a copy of its section with its own ``name``, connection keys and ``buildings`` (whose
group chats it serves), run by the worker its ``worker`` key names (default: its name).
Without accounts the section itself is the one account, named after the platform.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import timedelta
from typing import TypeVar

from bot.config.reader import Table

_ACCOUNT_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,31}$")


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
    # As one of several accounts: its name, the worker running it, the buildings it serves.
    name: str = "telegram"
    worker: str = "telegram"
    buildings: tuple[str, ...] = ()
    accounts: tuple[TelegramConfig, ...] = ()

    def all_accounts(self) -> tuple[TelegramConfig, ...]:
        """The accounts to run: those listed (and not ``enabled = false``), else the
        section itself."""
        return tuple(a for a in self.accounts if a.enabled) if self.accounts else (self,)

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
    name: str = "wechat"
    worker: str = "wechat"
    buildings: tuple[str, ...] = ()
    accounts: tuple[WeChatConfig, ...] = ()

    def all_accounts(self) -> tuple[WeChatConfig, ...]:
        """The accounts to run: those listed (and not ``enabled = false``), else the
        section itself."""
        return tuple(a for a in self.accounts if a.enabled) if self.accounts else (self,)


def parse_telegram(t: Table) -> TelegramConfig:
    cfg = _parse_telegram_keys(t, TelegramConfig())
    accounts = tuple(
        _account(a, _parse_telegram_keys(a, cfg), "telegram") for a in t.tables("accounts")
    )
    _check_accounts(t, accounts)
    t.done()
    return replace(cfg, accounts=accounts)


def _parse_telegram_keys(t: Table, base: TelegramConfig) -> TelegramConfig:
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
    return cfg


def parse_wechat(t: Table) -> WeChatConfig:
    cfg = _parse_wechat_keys(t, WeChatConfig())
    accounts = tuple(
        _account(a, _parse_wechat_keys(a, cfg), "wechat") for a in t.tables("accounts")
    )
    _check_accounts(t, accounts)
    t.done()
    return replace(cfg, accounts=accounts)


def _parse_wechat_keys(t: Table, base: WeChatConfig) -> WeChatConfig:
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
    return cfg


_C = TypeVar("_C", TelegramConfig, WeChatConfig)


def _account(t: Table, cfg: _C, platform: str) -> _C:
    """One ``[[<platform>.accounts]]`` table read over its section's values."""
    name = t.str("name", None)
    if name is None:
        t.problems.add(t.key("name"), 'missing; expected the account\'s name, e.g. "east"')
        name = platform
    elif not _ACCOUNT_NAME.match(name):
        t.problems.add(
            t.key("name"),
            f"expected lower-case letters, digits, - and _ (at most 32), got {name!r}",
        )
    worker = t.str("worker", name)
    if not _ACCOUNT_NAME.match(worker):
        t.problems.add(
            t.key("worker"),
            f"expected lower-case letters, digits, - and _ (at most 32), got {worker!r}",
        )
    buildings = t.str_list("buildings", ())
    t.done()
    return replace(cfg, name=name, worker=worker, buildings=buildings or ())


def _check_accounts(
    t: Table, accounts: tuple[TelegramConfig, ...] | tuple[WeChatConfig, ...]
) -> None:
    names = [a.name for a in accounts]
    for name in sorted({n for n in names if names.count(n) > 1}):
        t.problems.add(t.key("accounts"), f"two accounts are named {name!r}")
    served: dict[str, str] = {}
    for account in accounts:
        for building in account.buildings:
            other = served.setdefault(building, account.name)
            if other != account.name:
                t.problems.add(
                    t.key("accounts"),
                    f"building {building!r} is served by two accounts: {other!r} and "
                    f"{account.name!r}",
                )
