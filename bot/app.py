"""The running bot, independent of any platform: storage, dispatcher, scheduler, features."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

from bot.config import Config, ConfigError, load_config
from bot.dispatch import Dispatcher
from bot.feature import Context, Feature
from bot.model import Incoming, Outgoing
from bot.scheduler import Scheduler
from storage import Store

log = logging.getLogger(__name__)


class Linli:
    """One community's bot. Adapters feed :meth:`handle`; a clock feeds :meth:`tick`."""

    def __init__(self, config: Config, store: Store, features: Sequence[Feature]) -> None:
        self.config = config
        self.store = store
        self.features = tuple(features)
        self.dispatcher = Dispatcher(config, store, self.features)
        self.scheduler = Scheduler(config, store, self.features)
        # Called after messages were queued (deliverers wake up instead of polling).
        self.on_queued: list[Callable[[], None]] = []

    @classmethod
    async def open(
        cls,
        config: Config,
        *,
        database: str | Path | None = None,
        features: Sequence[Feature] | None = None,
    ) -> Linli:
        if features is None:
            from handlers import default_features

            features = default_features()
        store = await Store.open(database if database is not None else config.database)
        return cls(config, store, features)

    def reload(self, path: str | Path | None = None) -> bool:
        """Re-read the config (on SIGHUP). A config with problems is rejected and the running
        one stays in force; returns whether the new one was applied."""
        source = path or self.config.source
        try:
            new = load_config(source)
        except ConfigError as exc:
            log.error("config reload rejected; keeping the running config: %s", exc)
            return False
        if new.database != self.config.database:
            log.warning("config reload: storage.database changed; takes effect after a restart")
        usernames = self.dispatcher.bot_usernames
        self.config = new
        self.dispatcher = Dispatcher(new, self.store, self.features, bot_usernames=usernames)
        self.scheduler = Scheduler(new, self.store, self.features)
        log.info("config reloaded source=%s", source)
        return True

    def set_bot_username(self, platform: str, username: str | None) -> None:
        if username:
            self.dispatcher.bot_usernames[platform] = username

    async def start(self, now: datetime) -> int:
        """Run the features' start hooks and handle what a crash left pending."""
        async with self.store.transaction():
            ctx = Context(config=self.config, store=self.store, now=now)
            for feature in self.features:
                if feature.on_start is not None:
                    await feature.on_start(ctx)
        recovered = await self.dispatcher.recover()
        if recovered:
            log.info("recovered pending messages count=%s", recovered)
        return recovered

    async def handle(self, msg: Incoming) -> list[Outgoing]:
        return self._queued(await self.dispatcher.handle(msg))

    async def tick(self, now: datetime) -> list[Outgoing]:
        return self._queued(await self.scheduler.tick(now))

    def _queued(self, outs: list[Outgoing]) -> list[Outgoing]:
        if outs:
            for listener in self.on_queued:
                listener()
        return outs

    async def close(self) -> None:
        await self.store.close()
