"""``linli run``: every platform the config enables, the scheduler and delivery, in one loop."""

from __future__ import annotations

import asyncio
import logging
import signal
from collections.abc import Callable
from datetime import UTC, datetime

from bot.adapters import Adapter
from bot.app import Linli
from bot.config import Config
from bot.config.platforms import TelegramConfig, WeChatConfig
from bot.delivery import Deliverer
from bot.model import platform_of
from bot.scheduler import run_periodically
from bot.signals import stop_on_signals
from bot.workers import PLATFORMS, AccountRun, NoSuchWorker, accounts, configured_routes
from storage.workers import WorkerNameInUse, hold_name, is_shared

log = logging.getLogger(__name__)


class RunError(Exception):
    """The bot cannot run with this config (the message says why)."""


def create_adapters(config: Config, app: Linli, runs: list[AccountRun]) -> list[Adapter]:
    """One adapter per account this process runs (bot/workers.py)."""
    adapters: list[Adapter] = []
    for account in runs:
        adapter: Adapter
        if account.platform == "telegram":
            from bot.adapters.telegram import create as create_telegram

            assert isinstance(account.config, TelegramConfig)
            adapter = create_telegram(config, app, account.config)
        else:
            from bot.adapters.wechat import create as create_wechat

            assert isinstance(account.config, WeChatConfig)
            adapter = create_wechat(config, app, account.config)
        if account.routed:
            adapter.route_as = account.name
        adapters.append(adapter)
    return adapters


async def take_accounts(
    config: Config,
    app: Linli,
    runs: list[AccountRun],
    worker: str | None,
    on_lost: Callable[[str], None] | None = None,
) -> None:
    """Make this process the only one running ``runs``' accounts and write the chat routes.

    SQLite: the whole database is this process's already (:func:`storage.db.exclusive`), so
    ``--worker`` (a share of it) is refused. PostgreSQL: each account's name is held for as
    long as the process lives, so a second process for one account is refused."""
    db = app.store.db
    if not is_shared(db):
        if worker is not None:
            raise RunError(
                f"--worker {worker} needs a PostgreSQL database ([storage] url = "
                '"postgresql://…"): SQLite serves one process. Run `linli run` without '
                "--worker: one process then serves every account"
            )
    else:
        for account in runs:
            try:
                await hold_name(db, account.key, on_lost)
            except WorkerNameInUse:
                raise RunError(
                    f"account {account.key} is already run by another worker on this database; "
                    "stop that one first (each account runs in one worker)"
                ) from None
    async with app.store.transaction():
        for platform in PLATFORMS:
            routes = configured_routes(config, platform)
            if routes:
                await app.store.routes.set_configured(routes)


def notice_chat(config: Config, platform: str) -> str | None:
    """Where a platform's delivery failures are reported: the office chat, else privately to
    the first admin on that platform (None: nobody to tell; the failure is only logged)."""
    if config.office_chat:
        return config.office_chat
    admins = [p.id for p in config.admins() if platform_of(p.id) == platform]
    return admins[0] if admins else None


def _retry_on_connect(deliverer: Deliverer, tasks: set[asyncio.Task[None]]) -> Callable[[], None]:
    def retry() -> None:
        task = asyncio.get_running_loop().create_task(deliverer.retry_now())
        tasks.add(task)  # keep a reference until it is done
        task.add_done_callback(tasks.discard)

    return retry


async def tick_and_recover(app: Linli, now: datetime) -> None:
    """The periodic job: fire due timers, then retry messages a database fault left pending."""
    await app.tick(now)
    await app.dispatcher.recover()


async def _serve_console(app: Linli, stop: asyncio.Event) -> None:
    """The office web console beside the platforms ([web] enabled): the way to use it on
    SQLite, where this process holds the database. If it cannot start (port in use) the
    bot goes on without it and says so in the log."""
    from bot.web.app import serve
    from bot.web.auth import SecretError

    try:
        await serve(app, stop)
    except (OSError, SecretError) as exc:
        log.error("web console not started: %s", exc)


async def run(
    config: Config, stop: asyncio.Event | None = None, *, worker: str | None = None
) -> None:
    """Run until SIGINT/SIGTERM (or ``stop`` is set): every account, or ``worker``'s."""
    stop = stop or asyncio.Event()
    try:
        runs = accounts(config, worker)
    except NoSuchWorker as exc:
        raise RunError(str(exc)) from None
    app = await Linli.open(config)
    try:
        lost: list[str] = []

        def account_lost(name: str) -> None:
            # After a reconnect another process holds the account: stop, never send twice.
            lost.append(name)
            stop.set()

        await take_accounts(config, app, runs, worker, account_lost)
        adapters = create_adapters(config, app, runs)
        hooks = None
        # The device hook server listens on one address: the worker of the first account
        # runs it.
        if config.hooks.enabled and (worker is None or accounts(config)[0].config.worker == worker):
            from bot.hooks import HookConfigError, HookServer

            try:
                hooks = HookServer(app, config.hooks)
            except HookConfigError as exc:
                raise RunError(str(exc)) from None
        if not adapters:
            raise RunError(
                "no platform is enabled in the config: set [telegram] or [wechat] enabled = true, "
                "or use `linli chat` for the local chat"
            )
        await app.start(datetime.now(UTC))
        stop_on_signals(stop)
        loop = asyncio.get_running_loop()
        try:
            loop.add_signal_handler(signal.SIGHUP, app.reload)
        except (NotImplementedError, RuntimeError, AttributeError):
            log.warning("SIGHUP unavailable: the config is not reloaded without a restart")
        deliverers = [
            Deliverer(
                app.store,
                adapter,
                adapter.limits,
                office_chat=notice_chat(config, adapter.platform),
                lane=account.lane,
                claimer=account.name,
            )
            for adapter, account in zip(adapters, runs, strict=True)
        ]
        retries: set[asyncio.Task[None]] = set()
        for adapter, d in zip(adapters, deliverers, strict=True):
            app.on_queued.append(d.wake)
            adapter.on_connected = _retry_on_connect(d, retries)
        scheduler = await run_periodically(lambda now: tick_and_recover(app, now))
        tasks = [
            asyncio.create_task(
                d.run(stop),
                name=f"deliver-{d.sender.platform}"
                + (f"-{d.lane.account}" if d.lane.account else ""),
            )
            for d in deliverers
        ]
        started: list[Adapter] = []
        console: asyncio.Task[None] | None = None
        try:
            if hooks is not None:
                await hooks.start()
            # The console listens on one address, like the device hooks: the worker of the
            # first account serves it.
            if config.web.enabled and (
                worker is None or accounts(config)[0].config.worker == worker
            ):
                console = asyncio.create_task(_serve_console(app, stop), name="web-console")
            for adapter, account in zip(adapters, runs, strict=True):
                await adapter.start()
                started.append(adapter)
                log.info(
                    "platform started platform=%s account=%s worker=%s",
                    adapter.platform,
                    account.name,
                    account.config.worker,
                )
            await stop.wait()
        finally:
            stop.set()
            scheduler.shutdown(wait=False)  # type: ignore[attr-defined]
            if hooks is not None:
                await hooks.stop()
            if console is not None:
                await asyncio.gather(console, return_exceptions=True)
            for adapter in reversed(started):
                try:
                    await adapter.stop()
                except Exception:
                    log.exception("stopping platform failed platform=%s", adapter.platform)
            await asyncio.gather(*tasks, return_exceptions=True)
        if lost:
            raise RunError(
                f"stopped: after reconnecting to the database, {', '.join(lost)} was held by "
                "another process (each account runs in one worker)"
            )
    finally:
        await app.close()
