"""Workers and accounts: which ``linli run`` process serves which chats.

A platform may have several accounts (``[[telegram.accounts]]``): one bot account reaches
only so many groups. Each account serves

- the group chats of the buildings it lists (``buildings``), and the private chats of the
  people the config names for those buildings (by their first building);
- the private chat of anyone who last wrote to it privately (learned as they write);
- the platform's first account also serves every chat nobody else does.

Each account is run by one worker (its ``worker`` key, default its name). ``linli run``
runs every account; ``linli run --worker NAME`` only NAME's, so that several processes share
one PostgreSQL database. SQLite serves one process: there, ``--worker`` is refused.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.config import Config
from bot.config.platforms import TelegramConfig, WeChatConfig
from bot.model import platform_of
from storage.outbox import Lane

PLATFORMS = ("telegram", "wechat")


class NoSuchWorker(ValueError):
    """``--worker NAME`` names no account of the config."""


@dataclass(frozen=True, slots=True)
class AccountRun:
    """One platform account as this process runs it."""

    platform: str
    config: TelegramConfig | WeChatConfig
    lane: Lane

    @property
    def name(self) -> str:
        return self.config.name

    @property
    def key(self) -> str:
        """Unique in the community: ``platform/name``."""
        return f"{self.platform}/{self.config.name}"

    @property
    def routed(self) -> bool:
        """Whether its platform has several accounts (chats are routed between them)."""
        return self.lane.account is not None


def _section(config: Config, platform: str) -> TelegramConfig | WeChatConfig:
    return config.telegram if platform == "telegram" else config.wechat


def _listed(section: TelegramConfig | WeChatConfig) -> tuple[TelegramConfig | WeChatConfig, ...]:
    return section.all_accounts()


def accounts(config: Config, worker: str | None = None) -> list[AccountRun]:
    """The enabled accounts ``worker`` runs (None: all of them), each with its lane."""
    runs: list[AccountRun] = []
    for platform in PLATFORMS:
        section = _section(config, platform)
        if not section.enabled:
            continue
        listed = _listed(section)
        several = len(listed) > 1
        for i, account in enumerate(listed):
            if worker is not None and account.worker != worker:
                continue
            lane = Lane(platform, account.name if several else None, unrouted=i == 0)
            runs.append(AccountRun(platform, account, lane))
    if worker is not None and not runs:
        known = sorted(
            {
                a.worker
                for p in PLATFORMS
                if _section(config, p).enabled
                for a in _listed(_section(config, p))
            }
        )
        raise NoSuchWorker(
            f"no enabled account is run by worker {worker!r}; the config's workers: "
            + (", ".join(known) or "none (enable [telegram] or [wechat])")
        )
    return runs


def configured_routes(config: Config, platform: str) -> dict[str, str]:
    """chat -> account for ``platform`` from the config (empty with a single account)."""
    section = _section(config, platform)
    listed = _listed(section)
    if len(listed) < 2:
        return {}
    by_building: dict[str, str] = {}
    for account in listed:
        for building in account.buildings:
            by_building.setdefault(building, account.name)
    routes: dict[str, str] = {}
    for place in config.buildings:
        account_name = by_building.get(place.name)
        if account_name is None:
            continue
        for chat in place.chats:
            if platform_of(chat) == platform:
                routes[chat] = account_name
    for person in config.people:
        if platform_of(person.id) != platform:
            continue
        served = [by_building[b] for b in person.buildings if b in by_building]
        if served:
            routes[person.id] = served[0]
    return routes
