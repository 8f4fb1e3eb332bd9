"""The running bot, independent of any platform: storage, dispatcher, scheduler, features."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime
from pathlib import Path

from bot.config import Config, ConfigError, load_config
from bot.dispatch import Dispatcher, MessageNotStored
from bot.feature import Context, Feature
from bot.model import Incoming, Outgoing
from bot.scheduler import Scheduler
from bot.understand import model as understanding_model
from bot.understand.model import community_model_path
from storage import StorageError, Store
from storage.db import is_postgres_url

log = logging.getLogger(__name__)

# Backoff while the database refuses to store an incoming message (locked, disk full).
STORE_RETRY_FIRST = 0.5
STORE_RETRY_MAX = 30.0


class Linli:
    """One community's bot. Adapters feed :meth:`handle`; a clock feeds :meth:`tick`."""

    def __init__(self, config: Config, store: Store, features: Sequence[Feature]) -> None:
        self.config = config
        self.store = store
        self.features = tuple(features)
        self.dispatcher = Dispatcher(config, store, self.features)
        self.scheduler = Scheduler(config, store, self.features)
        self.retry_sleep: Callable[[float], Awaitable[object]] = asyncio.sleep
        # Called after messages were queued (deliverers wake up instead of polling).
        self.on_queued: list[Callable[[], None]] = []
        self.model_path: Path | None = None

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
        target: str | Path
        if isinstance(database, str) and is_postgres_url(database):
            target = database
        elif database is not None:
            target = Path(database)
        else:
            target = config.storage_target
        store = await Store.open(target, config.storage_engine, password=config.storage_password())
        bot = cls(config, store, features)
        # A PostgreSQL community keeps its learnt model next to where SQLite would be.
        bot.model_path = community_model_path(
            target if isinstance(target, Path) else config.database
        )
        bot.reload_model()
        return bot

    def reload_model(self) -> None:
        """Use the community's own model (``linli learn`` writes it next to the database) if
        there is one, else the shipped one; on SIGHUP a newly learnt model takes over."""
        understanding_model.use(self.model_path)

    def reload(self, path: str | Path | None = None) -> bool:
        """Re-read the config and the understanding model (on SIGHUP). A config with problems
        is rejected and the running one stays in force; returns whether the new one was
        applied."""
        source = path or self.config.source
        self.reload_model()
        try:
            new = load_config(source)
        except ConfigError as exc:
            log.error("config reload rejected; keeping the running config: %s", exc)
            return False
        if new.database != self.config.database or new.storage_url != self.config.storage_url:
            log.warning("config reload: [storage] changed; takes effect after a restart")
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
        """Store and handle ``msg``. A database fault never loses it: until the message is
        stored this retries with backoff (holding the adapter's receive loop, so order is
        kept); once stored, a fault in the handling leaves it pending for the next tick's
        recovery pass."""
        delay = STORE_RETRY_FIRST
        while True:
            try:
                return self._queued(await self.dispatcher.handle(msg))
            except MessageNotStored as exc:
                log.error(
                    "cannot store message chat=%s message_id=%s, retrying in %.1fs: %s",
                    msg.chat,
                    msg.message_id,
                    delay,
                    exc,
                )
                await self.retry_sleep(delay)
                delay = min(delay * 2, STORE_RETRY_MAX)
            except StorageError as exc:
                log.error(
                    "message stored but not handled chat=%s message_id=%s (recovered later): %s",
                    msg.chat,
                    msg.message_id,
                    exc,
                )
                return []

    async def tick(self, now: datetime) -> list[Outgoing]:
        return self._queued(await self.scheduler.tick(now))

    def _queued(self, outs: list[Outgoing]) -> list[Outgoing]:
        if outs:
            for listener in self.on_queued:
                listener()
        return outs

    async def close(self) -> None:
        await self.store.close()
