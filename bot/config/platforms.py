"""``[telegram]``, ``[wechat]`` and ``[local]``: which platforms run and how they connect.

Secrets are never written in the file: the config names an environment variable.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.config.reader import Table


@dataclass(frozen=True, slots=True)
class TelegramConfig:
    enabled: bool = False
    token_env: str = "LINLI_TELEGRAM_TOKEN"
    base_url: str | None = None
    username: str | None = None
    webhook_url: str | None = None
    webhook_listen: str = "127.0.0.1:8443"
    per_chat_per_second: int = 1
    per_group_per_minute: int = 20
    overall_per_second: int = 30


@dataclass(frozen=True, slots=True)
class WeChatConfig:
    enabled: bool = False
    endpoint: str = "127.0.0.1:8788"
    token_env: str = "WECHATY_PUPPET_SERVICE_TOKEN"
    per_room_per_minute: int = 10


def parse_telegram(t: Table) -> TelegramConfig:
    base = TelegramConfig()
    cfg = TelegramConfig(
        enabled=t.bool("enabled", base.enabled),
        token_env=t.str("token_env", base.token_env),
        base_url=t.str("base_url", None),
        username=t.str("username", None),
        webhook_url=t.str("webhook_url", None),
        webhook_listen=t.str("webhook_listen", base.webhook_listen),
        per_chat_per_second=t.int("per_chat_per_second", base.per_chat_per_second, minimum=1),
        per_group_per_minute=t.int("per_group_per_minute", base.per_group_per_minute, minimum=1),
        overall_per_second=t.int("overall_per_second", base.overall_per_second, minimum=1),
    )
    t.done()
    return cfg


def parse_wechat(t: Table) -> WeChatConfig:
    base = WeChatConfig()
    cfg = WeChatConfig(
        enabled=t.bool("enabled", base.enabled),
        endpoint=t.str("endpoint", base.endpoint),
        token_env=t.str("token_env", base.token_env),
        per_room_per_minute=t.int("per_room_per_minute", base.per_room_per_minute, minimum=1),
    )
    t.done()
    return cfg
