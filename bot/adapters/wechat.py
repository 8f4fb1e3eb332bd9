"""WeChat through a wechaty puppet service (gateway), on python-wechaty's gRPC client.

Ids: a room is ``wechat:<room_id>`` (``wechat:20874@chatroom``), a person
``wechat:<contact_id>``; a private chat with a person uses the person's id.

- Receiving: the client reads the gateway's event stream; message ids are queued in arrival
  order and one task loads each message and hands it to ``app.handle`` (the inbox dedups a
  message delivered twice, e.g. after a reconnect). Only text messages are read; the
  "@bot\u2005" mention people type to address the bot is stripped so commands and Chinese
  aliases (``收到 3``) arrive clean.
- Sending: ``MessageSendText`` with ``mentonal_ids`` and ``@name\u2005`` in the text, so
  people get real @mentions. A private message to someone who is not a friend of the bot
  account raises :class:`~bot.delivery.Unreachable` (the Deliverer posts a notice in the room).
- The connection runs as a task in the shared loop; when it fails or ends it is re-opened
  with exponential backoff. A puppet failure never stops the rest of the bot.
- A watchdog catches a gateway that hangs without closing the connection: gateways send a
  heartbeat event every 15-60 s, so when no event of any kind arrives for
  ``[wechat] watchdog`` (default 3 minutes, counted from the start of each connection) the
  adapter logs a warning and drops the connection, and the backoff path opens a new one.
  Events the gateway queued meanwhile arrive on the new connection; the inbox dedups any
  that were already handled.
- Rate limits (per room per minute and a minimum gap) are enforced by the shared
  :class:`~bot.delivery.Deliverer` through :attr:`WeChatAdapter.limits`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from bot.delivery import RateLimits, SendError, Unreachable
from bot.model import Incoming, Outgoing

if TYPE_CHECKING:
    from bot.adapters.wechaty_compat import GuardedWechaty
    from bot.app import Linli
    from bot.config import Config
    from bot.config.platforms import WeChatConfig

log = logging.getLogger(__name__)

PREFIX = "wechat:"
MENTION_SEPARATOR = "\u2005"  # WeChat ends an @mention with a four-per-em space
ENDPOINT_ENV = "WECHATY_PUPPET_SERVICE_ENDPOINT"
# Sends across all rooms: one a second keeps the account far from bot-like bursts.
OVERALL_PER_SECOND = 1
RPC_TIMEOUT = 15.0
MAX_LOAD_ATTEMPTS = 3


@dataclass(frozen=True, slots=True)
class Backoff:
    """Delays between reconnection attempts: ``initial`` doubling up to ``maximum`` seconds."""

    initial: float = 1.0
    maximum: float = 60.0

    def delay(self, failures: int) -> float:
        return min(self.maximum, self.initial * 2.0 ** max(failures - 1, 0))


def wechat_limits(config: WeChatConfig) -> RateLimits:
    """At most ``per_room_per_minute`` per chat, ``min_gap`` apart, one a second overall."""
    return RateLimits(
        per_chat_min_gap=config.min_gap,
        group_window=(config.per_room_per_minute, timedelta(minutes=1)),
        overall_per_second=OVERALL_PER_SECOND,
    )


def is_room(raw_id: str) -> bool:
    """Room ids end in ``@chatroom`` (iPad/Windows protocols) or start with ``@@`` (web)."""
    return raw_id.endswith("@chatroom") or raw_id.startswith("@@")


def strip_bot_mention(text: str, bot_names: tuple[str, ...], mentioned: bool) -> str:
    """Remove the "@bot\u2005" people put before a message to address the bot.

    Mentions of the bot's own names are removed anywhere; when the platform says the bot was
    mentioned (its id is in the message's mention list, as when the bot's group nickname
    differs from its name) a leading ``@...\u2005`` is removed too.
    """
    for name in bot_names:
        if name:
            text = re.sub(rf"@{re.escape(name)}(?:{MENTION_SEPARATOR}|\s|$)", "", text)
    if mentioned:
        text = re.sub(rf"^\s*@[^@{MENTION_SEPARATOR}\n]{{1,40}}{MENTION_SEPARATOR}", "", text)
    return text.strip()


# Gateways render a quote reply as the quoted sender and text, a dashed line, then the reply:
# "「邻里助手：第 3 号问题…」\n- - - - - - - - - - - - - - -\n收到". There is no id of the quoted
# message, so the bot remembers each sent text by a key made from its beginning.
_QUOTE = re.compile(
    r"^「(?P<who>[^：:「」\n]{1,64})[：:](?P<quoted>.*)」\s*\n\s*(?:- ){7,}-\s*\n(?P<text>.*)$",
    re.DOTALL,
)
_LEADING_MENTIONS = re.compile(rf"^(?:@[^@\s{MENTION_SEPARATOR}]{{1,40}}[\s{MENTION_SEPARATOR}])+")
# Short: a gateway may cut a long quote; the number comes early in every text of the bot.
QUOTE_KEY_CHARS = 16


def quote_key(text: str) -> str:
    """The key a quote of ``text`` is recognised by (its beginning, without @mentions)."""
    body = _LEADING_MENTIONS.sub("", text.strip())
    return "quote:" + " ".join(body.split())[:QUOTE_KEY_CHARS]


def split_quote(text: str) -> tuple[str, str | None]:
    """``(reply text, key of the quoted message)`` for a quote reply, else ``(text, None)``."""
    m = _QUOTE.match(text)
    if m is None:
        return text, None
    return m.group("text").strip(), quote_key(m.group("quoted"))


def message_time(timestamp: int, fallback: datetime) -> datetime:
    """Puppets give seconds or milliseconds since the epoch (0 when unknown)."""
    if timestamp <= 0:
        return fallback
    if timestamp > 10**11:
        return datetime.fromtimestamp(timestamp / 1000, UTC)
    return datetime.fromtimestamp(timestamp, UTC)


class GatewaySilent(Exception):
    """The gateway sent no event, not even a heartbeat, for longer than the watchdog allows."""


class WeChatAdapter:
    """The ``wechat`` platform: one puppet-service connection, kept open while running."""

    platform = "wechat"

    def __init__(
        self,
        app: Linli,
        config: WeChatConfig,
        *,
        endpoint: str,
        token: str | None,
        backoff: Backoff | None = None,
        clock: Callable[[], datetime] | None = None,
        client_factory: Callable[..., GuardedWechaty] | None = None,
    ) -> None:
        self.app = app
        self.config = config
        self.endpoint = endpoint
        self.token = token
        self.limits = wechat_limits(config)
        self.backoff = backoff or Backoff()
        self.on_connected: Callable[[], None] | None = None
        self.clock = clock or (lambda: datetime.now(UTC))
        self._client_factory = client_factory
        self.logged_in = asyncio.Event()
        self.connections = 0
        self._bot: GuardedWechaty | None = None
        self._self_id: str | None = None
        self._self_names: tuple[str, ...] = ()
        # Message ids to load, or a room-leave already made into an Incoming.
        self._events: asyncio.Queue[str | Incoming] = asyncio.Queue()
        self._heard = asyncio.Event()  # set by every event from the gateway
        self._load_failures: dict[str, int] = {}
        self._stopping = asyncio.Event()
        self._tasks: list[asyncio.Task[None]] = []
        self._requeues: set[asyncio.Task[None]] = set()
        # Set by the runner when WeChat has several accounts (see TelegramAdapter.route_as).
        self.route_as: str | None = None

    # -- lifecycle -------------------------------------------------------------------------

    async def start(self) -> None:
        """Start the connection and message tasks; returns at once (the gateway may be down)."""
        self._stopping.clear()
        self._tasks = [
            asyncio.create_task(self._stay_connected(), name="wechat-connection"),
            asyncio.create_task(self._handle_messages(), name="wechat-messages"),
        ]

    async def stop(self) -> None:
        self._stopping.set()
        tasks = [*self._tasks, *self._requeues]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        self._tasks = []
        await self._disconnect()

    async def _stay_connected(self) -> None:
        """Connect, read events until the connection ends, and reconnect with backoff."""
        failures = 0
        while not self._stopping.is_set():
            reason = "event stream ended"
            try:
                if await self._reachable():
                    self._bot = self._new_client()
                    self.connections += 1
                    await self._run_watched(self._bot)
                else:
                    reason = f"cannot reach {self.endpoint}"
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # any puppet failure: log it, reconnect later
                reason = f"{type(exc).__name__}: {exc}"
            await self._disconnect()
            if self._stopping.is_set():
                break
            # A session that got as far as login resets the backoff.
            failures = 1 if self._self_id_seen_and_reset() else failures + 1
            delay = self.backoff.delay(failures)
            log.warning(
                "wechat connection lost endpoint=%s reason=%s retry_in=%.1fs",
                self.endpoint,
                reason,
                delay,
            )
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stopping.wait(), delay)

    async def _run_watched(self, bot: GuardedWechaty) -> None:
        """Run ``bot`` until its event stream ends or fails; raises :class:`GatewaySilent`
        (after stopping it) when the watchdog finds the gateway silent."""
        limit = self.config.watchdog.total_seconds()
        if limit <= 0:
            await bot.start()
            return
        session = asyncio.create_task(bot.start(), name="wechat-session")
        watchdog = asyncio.create_task(self._watch(limit), name="wechat-watchdog")
        try:
            done, _ = await asyncio.wait({session, watchdog}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            # Also when this task is cancelled (stop): neither may outlive the connection.
            session.cancel()
            watchdog.cancel()
            await asyncio.gather(session, watchdog, return_exceptions=True)
        (session if session in done else watchdog).result()

    async def _watch(self, limit: float) -> None:
        """Return never; raise :class:`GatewaySilent` after ``limit`` seconds without events."""
        while True:
            self._heard.clear()
            try:
                await asyncio.wait_for(self._heard.wait(), limit)
            except TimeoutError:
                log.warning(
                    "wechat gateway sent no event for %.0fs, not even a heartbeat; "
                    "dropping the connection endpoint=%s",
                    limit,
                    self.endpoint,
                )
                raise GatewaySilent(f"no event for {limit:.0f}s") from None

    def _self_id_seen_and_reset(self) -> bool:
        seen = self.logged_in.is_set()
        self.logged_in.clear()
        return seen

    async def _reachable(self) -> bool:
        # The client's own check is a blocking telnet with a 3 s timeout; check without
        # blocking the shared loop first.
        host, _, port = self.endpoint.rpartition(":")
        try:
            _, writer = await asyncio.wait_for(
                asyncio.open_connection(host.strip("[]") or "127.0.0.1", int(port)), 3.0
            )
        except (OSError, TimeoutError, ValueError):
            return False
        writer.close()
        with contextlib.suppress(OSError):
            await writer.wait_closed()
        return True

    def _new_client(self) -> GuardedWechaty:
        if self._client_factory is not None:
            return self._client_factory(
                self.endpoint,
                self.token,
                on_login=self._on_login,
                on_message=self._on_message,
                on_event=self._heard.set,
                on_room_leave=self._on_room_leave,
            )
        from bot.adapters.wechaty_compat import GuardedWechaty

        return GuardedWechaty(
            self.endpoint,
            self.token,
            on_login=self._on_login,
            on_message=self._on_message,
            on_event=self._heard.set,
            on_room_leave=self._on_room_leave,
        )

    async def _disconnect(self) -> None:
        bot, self._bot = self._bot, None
        if bot is not None:
            with contextlib.suppress(Exception):
                await bot.disconnect()

    # -- receiving -------------------------------------------------------------------------

    def _on_login(self, contact_id: str) -> None:
        self._self_id = contact_id
        self.logged_in.set()
        log.info("wechat logged in self=%s", contact_id)
        if self.on_connected is not None:
            self.on_connected()

    def _on_message(self, message_id: str) -> None:
        self._events.put_nowait(message_id)

    def _on_room_leave(self, room_id: str, removed_ids: list[str], timestamp: float) -> None:
        """People left (or were removed from) a room: each becomes a ``member_left`` Incoming,
        handled in turn with the messages (the bot's own leaving is not a resident's)."""
        if not room_id:
            return
        at = message_time(int(timestamp), self.clock())
        for removee in removed_ids:
            if not removee or removee == self._self_id:
                continue
            self._events.put_nowait(
                Incoming(
                    chat=PREFIX + room_id,
                    sender=PREFIX + removee,
                    sender_name=removee,
                    text="",
                    at=at,
                    # The event has no id of its own; this one is the same if it comes again.
                    message_id=f"room-leave-{removee}-{int(timestamp)}",
                    member_left=True,
                )
            )

    async def _handle_messages(self) -> None:
        while True:
            event = await self._events.get()
            if isinstance(event, Incoming):
                incoming: Incoming | None = event
            else:
                message_id = event
                try:
                    incoming = await self._load(message_id)
                except asyncio.CancelledError:
                    raise
                except Exception as exc:
                    self._retry_later(message_id, exc)
                    continue
                self._load_failures.pop(message_id, None)
            if incoming is None:
                continue
            if self.route_as:
                incoming = replace(incoming, via=self.route_as)
            try:
                await self.app.handle(incoming)
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception(
                    "handling wechat message failed chat=%s message_id=%s",
                    incoming.chat,
                    incoming.message_id,
                )

    def _retry_later(self, message_id: str, exc: Exception) -> None:
        """A message that could not be loaded (connection dropped) is tried again after the
        next login, a few times, instead of being lost."""
        failures = self._load_failures.get(message_id, 0) + 1
        self._load_failures[message_id] = failures
        if failures >= MAX_LOAD_ATTEMPTS:
            self._load_failures.pop(message_id, None)
            log.error("giving up loading wechat message message_id=%s: %s", message_id, exc)
            return
        log.warning("loading wechat message failed message_id=%s: %s", message_id, exc)

        async def requeue() -> None:
            await self.logged_in.wait()
            self._events.put_nowait(message_id)

        task = asyncio.create_task(requeue(), name=f"wechat-requeue-{message_id}")
        self._requeues.add(task)
        task.add_done_callback(self._requeues.discard)

    async def _load(self, message_id: str) -> Incoming | None:
        """The message as an :class:`Incoming`, or None when it is not for the bot to read."""
        bot = self._bot
        if bot is None:
            raise SendError("not connected")
        message = bot.Message.load(message_id)
        await asyncio.wait_for(message.ready(), RPC_TIMEOUT)
        payload: Any = message.payload
        from bot.adapters.wechaty_compat import MessageType

        if message.type() != MessageType.MESSAGE_TYPE_TEXT:
            return None
        talker_id = payload.from_id
        if not talker_id or talker_id == self._self_id:
            return None
        room_id = payload.room_id or ""
        talker = message.talker()
        name = talker.name or talker_id
        mentioned = self._self_id is not None and self._self_id in (payload.mention_ids or [])
        raw, quoted = split_quote(message.text())
        text = strip_bot_mention(raw, await self._self_names_now(bot), mentioned)
        chat = PREFIX + (room_id or talker_id)
        return Incoming(
            chat=chat,
            sender=PREFIX + talker_id,
            sender_name=name,
            text=text,
            at=message_time(int(payload.timestamp or 0), self.clock()),
            message_id=message_id,
            private=not room_id,
            reply_to=quoted,
        )

    async def _self_names_now(self, bot: GuardedWechaty) -> tuple[str, ...]:
        if not self._self_names and self._self_id:
            contact = bot.Contact.load(self._self_id)
            await asyncio.wait_for(contact.ready(), RPC_TIMEOUT)
            self._self_names = tuple(n for n in (contact.name,) if n)
        return self._self_names

    # -- sending ---------------------------------------------------------------------------

    async def send(self, message: Outgoing) -> list[str]:
        """Send one text; raises ``Unreachable`` for a non-friend, ``SendError`` otherwise.
        Returns the ids a reply to it may name: the gateway's id and its quote key."""
        bot = self._bot
        if bot is None or not self.logged_in.is_set():
            raise SendError("not connected to the puppet service")
        target = message.chat.removeprefix(PREFIX)
        text = message.text
        mention_ids: list[str] = []
        try:
            if is_room(target) or message.chat in self.app.config.building_of_chat:
                wechat_mentions = [m for m in message.mentions if m.user.startswith(PREFIX)]
                mention_ids = [m.user.removeprefix(PREFIX) for m in wechat_mentions]
                text = "".join(f"@{m.name}{MENTION_SEPARATOR}" for m in wechat_mentions) + text
            else:
                contact = await asyncio.wait_for(bot.puppet.contact_payload(target), RPC_TIMEOUT)
                if not contact.friend:
                    raise Unreachable(f"{target} is not a friend of the bot account")
            sent_id = await asyncio.wait_for(
                bot.puppet.message_send_text(target, text, mention_ids or None), RPC_TIMEOUT
            )
        except SendError:
            raise
        except Exception as exc:
            raise SendError(f"{type(exc).__name__}: {exc}") from exc
        # The gateway's id, and the key a quote of this text will carry (see split_quote).
        ids = [str(sent_id)] if isinstance(sent_id, str) and sent_id else []
        return [*ids, quote_key(message.text)]


def create(config: Config, app: Linli, account: WeChatConfig | None = None) -> WeChatAdapter:
    """The adapter ``linli run`` starts (for one of several ``account``s, or the section):
    endpoint from ``WECHATY_PUPPET_SERVICE_ENDPOINT`` (a single account only) or the config,
    token from the environment variable the config names."""
    wechat = account or config.wechat
    single = not config.wechat.accounts
    endpoint = (os.environ.get(ENDPOINT_ENV) if single else None) or wechat.endpoint
    token = os.environ.get(wechat.token_env) or None
    if not token:
        log.warning(
            "no puppet service token in $%s; gateways usually require one", wechat.token_env
        )
    return WeChatAdapter(app, wechat, endpoint=endpoint, token=token)
