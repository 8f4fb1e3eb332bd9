"""Telegram adapter on python-telegram-bot v22: receives updates (long polling by default, a
webhook as an option) into :meth:`Linli.handle` and sends :class:`Outgoing` for the shared
:class:`~bot.delivery.Deliverer`. No business logic here.

Receiving is linli's own (``telegram_receive``): an update is confirmed to Telegram only
after it is stored in the inbox, so a kill at any moment loses nothing. PTB's ``Updater`` and
job queue are not used; the adapter shares the event loop with the scheduler and the other
platforms. PTB's own rate limiter is not used either: the Deliverer applies
:attr:`TelegramAdapter.limits` for every platform alike and must see each 429 as
:class:`~bot.delivery.RetryLater` to keep the outbox order and lose nothing.

Group upgrades (``migrate_to_chat_id``) are followed persistently once Telegram confirms them
(``getChat`` on the old id answers that it moved; an update alone could be forged): the
old -> new id map is kept in the database, messages from the new id are handled as the
configured old id (so the building binding keeps working) and replies to the old id go to the
new one. The group is told the new id so the admin can update the config at leisure.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import re
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

from telegram import Bot, LinkPreviewOptions, Update
from telegram.constants import ParseMode
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TelegramError,
)
from telegram.request import HTTPXRequest

from bot.adapters import telegram_texts as texts
from bot.adapters.telegram_menus import register_commands
from bot.adapters.telegram_receive import Poller, WebhookServer, retry_after_seconds
from bot.adapters.telegram_translate import (
    Chunk,
    GroupUpgraded,
    Ignored,
    numeric_id,
    render,
    translate_update,
)
from bot.app import Linli
from bot.config import Config
from bot.config.platforms import TelegramConfig
from bot.delivery import PermanentFailure, RateLimits, RetryLater, SendError, Unreachable
from bot.model import Incoming, Kind, Outgoing
from bot.runner import RunError

log = logging.getLogger(__name__)

PLATFORM = "telegram"
MIGRATIONS_KEY = "telegram.chat_migrations"
# Connections of the pool that sends (what python-telegram-bot's ApplicationBuilder gives).
SEND_CONNECTIONS = 256
# Updates linli reads; join/leave arrive as service messages inside "message". "chat_member"
# (someone left or was removed) reaches the bot only where it is an admin, and also covers
# the removals for which Telegram sends no service message.
ALLOWED_UPDATES = ["message", "edited_message", "my_chat_member", "chat_member"]
_SECRET = re.compile(r"^[A-Za-z0-9_-]{1,256}$")


def limits_from(cfg: TelegramConfig) -> RateLimits:
    """Telegram's flood limits (``telegram.constants.FloodLimit``) as configured."""
    return RateLimits(
        per_chat_min_gap=timedelta(seconds=1 / cfg.per_chat_per_second),
        group_window=(cfg.per_group_per_minute, timedelta(minutes=1)),
        overall_per_second=cfg.overall_per_second,
    )


def _retry_after(exc: RetryAfter) -> float:
    return retry_after_seconds(exc)


def webhook_secret(cfg: TelegramConfig) -> str:
    """The webhook's secret token from ``$webhook_secret_env``; :class:`RunError` when it is
    missing or malformed: without it anyone who finds the URL could post forged updates."""
    secret = os.environ.get(cfg.webhook_secret_env, "").strip()
    if not secret:
        raise RunError(
            f"[telegram] webhook_url is set but ${cfg.webhook_secret_env} is empty: set it to a "
            "random secret (A-Z, a-z, 0-9, _ and -, up to 256 characters), e.g. "
            f"export {cfg.webhook_secret_env}=$(openssl rand -hex 32). Telegram sends it with "
            "every update and linli refuses updates without it."
        )
    if not _SECRET.match(secret):
        raise RunError(
            f"${cfg.webhook_secret_env} may only hold A-Z, a-z, 0-9, _ and -, "
            "at most 256 characters"
        )
    return secret


class TelegramAdapter:
    """One bot account. :meth:`start` connects and starts receiving; :meth:`send` sends."""

    platform = PLATFORM

    def __init__(
        self,
        config: Config,
        app: Linli,
        token: str,
        *,
        clock: Callable[[], datetime] | None = None,
        account: TelegramConfig | None = None,
    ) -> None:
        self.config = config
        # Timestamps notices queued from inside send(); tests pass the Deliverer's clock.
        self.clock = clock or (lambda: datetime.now(UTC))
        # One of [[telegram.accounts]], or the [telegram] section itself.
        self.tg = account or config.telegram
        # Set by the runner when the platform has several accounts: incoming messages name
        # this account (a private chat is then routed to it, bot/workers.py).
        self.route_as: str | None = None
        self.app = app
        self.limits = limits_from(self.tg)
        # Polling recovers inside its own loop; nothing calls this for Telegram yet.
        self.on_connected: Callable[[], None] | None = None
        # Only PTB's Bot (its HTTP client) is used: no Application, Updater or job queue, so
        # telegram.ext is never imported (about 50 ms of CPU at every start). The two
        # connection pools are those ApplicationBuilder gave: 256 to send, 1 for getUpdates.
        send = HTTPXRequest(connection_pool_size=SEND_CONNECTIONS)
        receive = HTTPXRequest(connection_pool_size=1)
        if self.tg.base_url:
            self._bot = Bot(
                token, base_url=self.tg.base_url, request=send, get_updates_request=receive
            )
        else:
            self._bot = Bot(token, request=send, get_updates_request=receive)
        # Old group id -> new supergroup id, both as neutral ids.
        self.migrations: dict[str, str] = {}
        self._menu_task: asyncio.Task[None] | None = None
        self._secret = webhook_secret(self.tg) if self.tg.webhook_url else None
        self.poller = Poller(
            self.bot,
            self.receive,
            timeout=self.tg.poll_timeout,
            allowed_updates=ALLOWED_UPDATES,
        )
        self._polling: asyncio.Task[None] | None = None
        self.webhook: WebhookServer | None = None

    @property
    def bot(self) -> Bot:
        return self._bot

    # -- lifecycle -------------------------------------------------------------------------

    async def start(self) -> None:
        """Check the token (getMe), warn about privacy mode, register the command menus and
        start receiving. Raises :class:`RunError` when the Bot API rejects or cannot be reached."""
        raw = await self.app.store.kv.get(MIGRATIONS_KEY)
        self.migrations = dict(json.loads(raw)) if raw else {}
        try:
            await self._bot.initialize()
        except InvalidToken as exc:
            raise RunError(
                f"Telegram rejected the bot token in ${self.tg.token_env}: {exc}. "
                "Copy the token from @BotFather again."
            ) from exc
        except NetworkError as exc:
            where = self.tg.base_url or "api.telegram.org"
            raise RunError(f"cannot reach the Telegram Bot API at {where}: {exc}") from exc
        me = self.bot
        username = me.username
        if self.tg.username and username and self.tg.username.lstrip("@") != username:
            log.warning(
                "telegram.username in the config is %s but the token belongs to @%s; using @%s",
                self.tg.username,
                username,
                username,
            )
        self.app.set_bot_username(PLATFORM, username)
        log.info("telegram bot ready username=@%s id=%s", username, me.id)
        if not me.can_read_all_group_messages:
            log.warning(texts.PRIVACY_WARNING)
        self._menu_task = asyncio.create_task(
            register_commands(self.bot, self.config, self.app.features, self.migrations),
            name="telegram-menus",
        )
        if self.tg.webhook_url:
            await self._start_webhook()
        else:
            await self._start_polling()

    async def _start_polling(self) -> None:
        # getUpdates is refused while a webhook is set.
        try:
            await self.bot.delete_webhook(drop_pending_updates=False)
        except TelegramError as exc:
            log.warning("telegram: could not remove a webhook before polling: %s", exc)
        self._polling = asyncio.create_task(self.poller.run(), name="telegram-polling")

    async def _start_webhook(self) -> None:
        url = self.tg.webhook_url or ""
        host, port = self.tg.listen_address()
        assert self._secret is not None
        self.webhook = WebhookServer(
            self.bot,
            self.receive,
            host=host,
            port=port,
            path=urlsplit(url).path,
            secret=self._secret,
        )
        try:
            await self.webhook.start()
        except OSError as exc:
            raise RunError(
                f"cannot listen for the Telegram webhook on {host}:{port}: {exc}"
            ) from exc
        try:
            # One request at a time keeps the order of messages, as polling does.
            await self.bot.set_webhook(
                url,
                secret_token=self._secret,
                allowed_updates=ALLOWED_UPDATES,
                max_connections=1,
            )
        except TelegramError as exc:
            raise RunError(f"Telegram refused the webhook {url}: {exc}") from exc
        log.info("telegram webhook listening on %s:%s for %s", host, port, url)

    @property
    def receiving(self) -> bool:
        """Whether updates are being received (the polling task or the webhook server)."""
        if self.webhook is not None:
            return True
        return self._polling is not None and not self._polling.done()

    async def stop(self) -> None:
        """Stop receiving, then close the HTTP connections; safe after a failed start."""
        for task in (self._menu_task, self._polling):
            if task is not None:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
        self._menu_task = self._polling = None
        if self.webhook is not None:
            await self.webhook.stop()
            self.webhook = None
        await self._bot.shutdown()

    # -- receiving -------------------------------------------------------------------------

    async def receive(self, update: Update) -> None:
        """Handle one update; returns once it is stored (then it may be confirmed)."""
        if update.my_chat_member is not None:
            self._log_membership(update)
            return
        result = translate_update(update)
        if isinstance(result, Ignored):
            log.debug("telegram update ignored id=%s: %s", update.update_id, result.reason)
            return
        if isinstance(result, GroupUpgraded):
            if await self.migration_confirmed(result.old, result.new):
                await self.follow_migration(result.old, result.new, result.at)
            return
        msg = self.inbound(result)
        await self.app.handle(replace(msg, via=self.route_as) if self.route_as else msg)

    async def migration_confirmed(self, old: str, new: str) -> bool:
        """Whether Telegram itself says ``old`` became ``new``: ``getChat`` on the old id
        fails with ``migrate_to_chat_id``. An update claiming it is not enough (a forged
        webhook request could redirect a building's replies); when the check cannot be made
        now, the next send to the old id meets the same answer from Telegram and follows it."""
        if self.migrations.get(old) == new:
            return True
        old_id, new_id = numeric_id(old), numeric_id(new)
        if old_id is None or new_id is None:
            return False
        try:
            await self.bot.get_chat(old_id)
        except ChatMigrated as exc:
            if int(exc.new_chat_id) == new_id:
                return True
            log.warning(
                "telegram group upgrade not confirmed old=%s claimed=%s telegram_says=%s",
                old,
                new,
                exc.new_chat_id,
            )
            return False
        except TelegramError as exc:
            log.warning(
                "telegram group upgrade not confirmed old=%s new=%s (getChat failed: %s); "
                "the next message to the group will tell",
                old,
                new,
                exc,
            )
            return False
        log.warning(
            "telegram group upgrade ignored old=%s new=%s: Telegram says the old group was "
            "not upgraded (forged update?)",
            old,
            new,
        )
        return False

    def inbound(self, msg: Incoming) -> Incoming:
        """Messages from an upgraded group count as its configured (old) id until the config
        names the new one."""
        if msg.private or msg.chat in self.config.building_of_chat:
            return msg
        for old, new in self.migrations.items():
            if new == msg.chat:
                return replace(msg, chat=old)
        return msg

    def _log_membership(self, update: Update) -> None:
        change = update.my_chat_member
        assert change is not None
        chat = change.chat
        status = change.new_chat_member.status
        bound = f"telegram:{chat.id}" in self.config.building_of_chat
        log.info(
            "telegram membership changed chat=telegram:%s title=%r status=%s bound=%s%s",
            chat.id,
            chat.title,
            status,
            bound,
            "" if bound or chat.type == "private" else "; an admin can send /bind there",
        )

    async def follow_migration(self, old: str, new: str, at: datetime) -> None:
        """Remember that ``old`` became ``new`` (persistently) and tell the group once."""
        if old == new or self.migrations.get(old) == new:
            return
        self.migrations[old] = new
        notify = (
            old in self.config.building_of_chat or old == self.config.office_chat
        ) and new not in self.config.building_of_chat
        store = self.app.store
        async with store.transaction():
            await store.kv.set(MIGRATIONS_KEY, json.dumps(self.migrations))
            if notify:
                notice = Outgoing(new, Kind.COMMAND_REPLY, texts.group_upgraded(old, new))
                await store.outbox.add([notice], at)
        log.warning(
            "telegram group upgraded to a supergroup old=%s new=%s: following it; "
            "replace %s with %s in the config",
            old,
            new,
            old,
            new,
        )
        if notify:
            for wake in self.app.on_queued:
                wake()

    # -- sending ---------------------------------------------------------------------------

    async def send(self, message: Outgoing) -> list[str]:
        """Send one message (several if longer than Telegram allows), mapping failures:
        429 -> RetryLater, network errors -> SendError, a person who never started the bot ->
        Unreachable, a group the bot left or that is gone -> PermanentFailure."""
        target = self.migrations.get(message.chat, message.chat)
        chat_id = numeric_id(target)
        if chat_id is None:
            raise PermanentFailure(f"not a telegram chat id: {message.chat!r}")
        return [await self._send_chunk(chat_id, chunk) for chunk in render(message)]

    async def _send_chunk(self, chat_id: int, chunk: Chunk) -> str:
        """Send one piece; returns its message id (replies to it refer to what it is about)."""
        html_mode = True
        for _ in range(3):
            try:
                sent = await self.bot.send_message(
                    chat_id,
                    chunk.html if html_mode else chunk.plain,
                    parse_mode=ParseMode.HTML if html_mode else None,
                    link_preview_options=LinkPreviewOptions(is_disabled=True),
                )
                return str(sent.message_id)
            except ChatMigrated as exc:
                new_id = int(exc.new_chat_id)
                await self.follow_migration(
                    f"telegram:{chat_id}", f"telegram:{new_id}", self.clock()
                )
                chat_id = new_id
            except RetryAfter as exc:
                raise RetryLater(_retry_after(exc), str(exc)) from exc
            except Forbidden as exc:
                raise self._unreachable(chat_id, exc) from exc
            except BadRequest as exc:
                text = exc.message.lower()
                if "not found" in text or "kicked" in text or "deactivated" in text:
                    raise self._unreachable(chat_id, exc) from exc
                if "parse entities" in text and html_mode:
                    # Our escaping should make this impossible; never lose the message over it.
                    log.error("telegram rejected our HTML, sending plain text: %s", exc)
                    html_mode = False
                    continue
                raise PermanentFailure(f"telegram refused the message: {exc.message}") from exc
            except NetworkError as exc:  # includes TimedOut
                raise SendError(f"telegram network error: {exc}") from exc
            except TelegramError as exc:
                raise SendError(f"telegram error: {exc}") from exc
        raise SendError("telegram kept moving the chat; will retry")

    @staticmethod
    def _unreachable(chat_id: int, exc: TelegramError) -> SendError:
        # Private chats have the person's (positive) id; groups are negative.
        if chat_id > 0:
            return Unreachable(f"cannot message telegram:{chat_id} privately: {exc.message}")
        return PermanentFailure(f"cannot post in telegram:{chat_id}: {exc.message}")


def create(config: Config, app: Linli, account: TelegramConfig | None = None) -> TelegramAdapter:
    """The adapter for ``linli run`` (for one of several ``account``s, or the section); the
    token comes from ``$token_env``."""
    tg = account or config.telegram
    token = os.environ.get(tg.token_env, "").strip()
    if not token:
        which = f"account {tg.name!r} of [telegram]" if config.telegram.accounts else "[telegram]"
        raise RunError(
            f"{which} is enabled but ${tg.token_env} is empty: "
            "set it to the bot token from @BotFather"
        )
    return TelegramAdapter(config, app, token, account=tg)
