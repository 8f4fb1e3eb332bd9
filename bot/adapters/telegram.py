"""Telegram adapter on python-telegram-bot v22: receives updates (long polling by default, a
webhook as an option) into :meth:`Linli.handle` and sends :class:`Outgoing` for the shared
:class:`~bot.delivery.Deliverer`. No business logic here.

It shares the event loop with the scheduler and the other platforms (no ``run_polling``:
``initialize``, ``updater.start_polling``, ``start`` and the reverse on stop), and has no
PTB job queue (linli's scheduler owns timers). PTB's own rate limiter is not used: the
Deliverer applies :attr:`TelegramAdapter.limits` for every platform alike and must see each
429 as :class:`~bot.delivery.RetryLater` to keep the outbox order and lose nothing.

Group upgrades (``migrate_to_chat_id``) are followed persistently: the old -> new id map is
kept in the database, messages from the new id are handled as the configured old id (so the
building binding keeps working) and replies to the old id go to the new one. The group is
told the new id so the admin can update the config at leisure.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import re
import warnings
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

from telegram import (
    BotCommand,
    BotCommandScopeChat,
    BotCommandScopeChatMember,
    BotCommandScopeDefault,
    LinkPreviewOptions,
    Update,
)
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
from telegram.ext import Application, ApplicationBuilder, ContextTypes, TypeHandler

from bot.adapters import telegram_texts as texts
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
from bot.model import Incoming, Kind, Outgoing, Role
from bot.runner import RunError

log = logging.getLogger(__name__)

PLATFORM = "telegram"
MIGRATIONS_KEY = "telegram.chat_migrations"
# Updates linli reads; join/leave arrive as service messages inside "message".
ALLOWED_UPDATES = ["message", "edited_message", "my_chat_member"]
_COMMAND_NAME = re.compile(r"^[a-z0-9_]{1,32}$")
_SECRET = re.compile(r"^[A-Za-z0-9_-]{1,256}$")
_STAFF = (Role.HEAD, Role.GRID_WORKER, Role.ADMIN)


def limits_from(cfg: TelegramConfig) -> RateLimits:
    """Telegram's flood limits (``telegram.constants.FloodLimit``) as configured."""
    return RateLimits(
        per_chat_min_gap=timedelta(seconds=1 / cfg.per_chat_per_second),
        group_window=(cfg.per_group_per_minute, timedelta(minutes=1)),
        overall_per_second=cfg.overall_per_second,
    )


def _retry_after(exc: RetryAfter) -> float:
    # PTB 22 warns that retry_after will become a timedelta; accept both, without the warning.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        value = exc.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


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
    ) -> None:
        self.config = config
        # Timestamps notices queued from inside send(); tests pass the Deliverer's clock.
        self.clock = clock or (lambda: datetime.now(UTC))
        self.tg = config.telegram
        self.app = app
        self.limits = limits_from(self.tg)
        # Polling recovers inside python-telegram-bot; nothing calls this for Telegram yet.
        self.on_connected: Callable[[], None] | None = None
        builder = ApplicationBuilder().token(token).job_queue(None)
        if self.tg.base_url:
            builder = builder.base_url(self.tg.base_url)
        self.application: Application = builder.build()  # type: ignore[type-arg]
        self.application.add_handler(TypeHandler(Update, self._on_update))
        self.application.add_error_handler(self._on_error)
        # Old group id -> new supergroup id, both as neutral ids.
        self.migrations: dict[str, str] = {}
        self._menu_task: asyncio.Task[None] | None = None

    @property
    def bot(self):  # type: ignore[no-untyped-def]
        return self.application.bot

    # -- lifecycle -------------------------------------------------------------------------

    async def start(self) -> None:
        """Check the token (getMe), warn about privacy mode, register the command menus and
        start receiving. Raises :class:`RunError` when the Bot API rejects or cannot be reached."""
        raw = await self.app.store.kv.get(MIGRATIONS_KEY)
        self.migrations = dict(json.loads(raw)) if raw else {}
        try:
            await self.application.initialize()
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
        self._menu_task = asyncio.create_task(self.register_commands(), name="telegram-menus")
        updater = self.application.updater
        assert updater is not None
        if self.tg.webhook_url:
            await self._start_webhook()
        else:
            await updater.start_polling(
                timeout=self.tg.poll_timeout,
                allowed_updates=ALLOWED_UPDATES,
                error_callback=self._on_polling_error,
            )
        await self.application.start()

    async def _start_webhook(self) -> None:
        url = self.tg.webhook_url or ""
        host, port = self.tg.listen_address()
        secret = os.environ.get(self.tg.webhook_secret_env, "").strip() or None
        if secret is not None and not _SECRET.match(secret):
            raise RunError(
                f"${self.tg.webhook_secret_env} may only hold A-Z, a-z, 0-9, _ and -, "
                "at most 256 characters"
            )
        updater = self.application.updater
        assert updater is not None
        try:
            await updater.start_webhook(
                listen=host,
                port=port,
                url_path=urlsplit(url).path.lstrip("/"),
                webhook_url=url,
                secret_token=secret,
                allowed_updates=ALLOWED_UPDATES,
            )
        except RuntimeError as exc:
            raise RunError(f"cannot start the Telegram webhook: {exc}") from exc
        log.info("telegram webhook listening on %s:%s for %s", host, port, url)

    async def stop(self) -> None:
        """Stop receiving, then close the HTTP connections; safe after a failed start."""
        if self._menu_task is not None:
            self._menu_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._menu_task
            self._menu_task = None
        updater = self.application.updater
        if updater is not None and updater.running:
            await updater.stop()
        if self.application.running:
            await self.application.stop()
        await self.application.shutdown()

    # -- receiving -------------------------------------------------------------------------

    async def _on_update(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        if update.my_chat_member is not None:
            self._log_membership(update)
            return
        result = translate_update(update)
        if isinstance(result, Ignored):
            log.debug("telegram update ignored id=%s: %s", update.update_id, result.reason)
            return
        if isinstance(result, GroupUpgraded):
            await self.follow_migration(result.old, result.new, result.at)
            return
        await self.app.handle(self.inbound(result))

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

    async def _on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        update_id = update.update_id if isinstance(update, Update) else None
        log.error(
            "handling a telegram update failed update_id=%s",
            update_id,
            exc_info=context.error,
        )

    def _on_polling_error(self, exc: TelegramError) -> None:
        log.warning("telegram polling failed, retrying: %s", exc)

    # -- sending ---------------------------------------------------------------------------

    async def send(self, message: Outgoing) -> None:
        """Send one message (several if longer than Telegram allows), mapping failures:
        429 -> RetryLater, network errors -> SendError, a person who never started the bot ->
        Unreachable, a group the bot left or that is gone -> PermanentFailure."""
        target = self.migrations.get(message.chat, message.chat)
        chat_id = numeric_id(target)
        if chat_id is None:
            raise PermanentFailure(f"not a telegram chat id: {message.chat!r}")
        for chunk in render(message):
            await self._send_chunk(chat_id, chunk)

    async def _send_chunk(self, chat_id: int, chunk: Chunk) -> None:
        html_mode = True
        for _ in range(3):
            try:
                await self.bot.send_message(
                    chat_id,
                    chunk.html if html_mode else chunk.plain,
                    parse_mode=ParseMode.HTML if html_mode else None,
                    link_preview_options=LinkPreviewOptions(is_disabled=True),
                )
                return
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

    # -- command menus ---------------------------------------------------------------------

    def menus(self) -> tuple[list[BotCommand], list[BotCommand]]:
        """(residents' menu, staff menu) from the features' commands."""
        residents: list[BotCommand] = []
        staff: list[BotCommand] = []
        for feature in self.app.features:
            for cmd in feature.commands:
                if not _COMMAND_NAME.match(cmd.name):
                    log.warning("command /%s cannot be in a telegram menu", cmd.name)
                    continue
                entry = BotCommand(cmd.name, (cmd.help or cmd.name)[:256])
                staff.append(entry)
                if not cmd.staff_only:
                    residents.append(entry)
        return residents, staff

    def staff_scopes(self) -> list[BotCommandScopeChat | BotCommandScopeChatMember]:
        """Where the staff menu shows: staff's private chats, and each staff member in the
        groups where they hold their role."""
        scopes: list[BotCommandScopeChat | BotCommandScopeChatMember] = []
        cfg = self.config
        for person in cfg.people:
            user_id = numeric_id(person.id)
            if user_id is None:
                continue
            scopes.append(BotCommandScopeChat(user_id))
            for building in cfg.buildings:
                if cfg.role_of(person.id, building.name) not in _STAFF:
                    continue
                for chat in building.chats:
                    chat_id = numeric_id(self.migrations.get(chat, chat))
                    if chat_id is not None:
                        scopes.append(BotCommandScopeChatMember(chat_id, user_id))
            office = numeric_id(cfg.office_chat or "")
            if office is not None and person.role in (Role.ADMIN, Role.GRID_WORKER):
                scopes.append(BotCommandScopeChatMember(office, user_id))
        return scopes

    async def register_commands(self) -> None:
        """setMyCommands: residents' menu by default, staff menu per scope. Failures are
        logged (a head who is not in the group yet) and never stop the bot."""
        residents, staff = self.menus()
        calls: list[tuple[list[BotCommand], object]] = [(residents, BotCommandScopeDefault())]
        calls += [(staff, scope) for scope in self.staff_scopes()]
        for commands, scope in calls:
            for _ in range(3):
                try:
                    await self.bot.set_my_commands(commands, scope=scope)
                    break
                except RetryAfter as exc:
                    await asyncio.sleep(_retry_after(exc))
                except TelegramError as exc:
                    log.warning("telegram command menu not set scope=%s: %s", scope, exc)
                    break
        log.info("telegram command menus registered scopes=%s", len(calls))


def create(config: Config, app: Linli) -> TelegramAdapter:
    """The adapter for ``linli run``; the token comes from ``$telegram.token_env``."""
    token = os.environ.get(config.telegram.token_env, "").strip()
    if not token:
        raise RunError(
            f"[telegram] is enabled but ${config.telegram.token_env} is empty: "
            "set it to the bot token from @BotFather"
        )
    return TelegramAdapter(config, app, token)
