"""The one door to python-wechaty 0.10.7: import it only through this module.

python-wechaty's last release (2022) does not import on Python 3.11 as published and has
side effects that do not suit a bot sharing its event loop. Everything needed to use it
safely lives here, so the rest of linli never touches those details:

- ``PuppetOptions`` is a plain dataclass (``eq=True`` makes it unhashable) used as the
  *default value* of ``WechatyOptions.puppet_options``; Python 3.11 rejects unhashable
  dataclass defaults (``ValueError: mutable default``) when ``wechaty`` is imported. Giving
  the class identity hashing before the import is enough; we always pass a fresh
  ``PuppetOptions()`` anyway because ``Wechaty.__init__`` mutates the one it is given.
  (``pyee<12`` and ``urllib3<2`` are pinned in pyproject.toml for the other import errors.)
- Importing ``wechaty`` creates a ``.wechaty`` cache directory in the current directory
  (``CACHE_DIR``, read when the module is imported); we point it at a temporary directory
  unless the operator chose one.
- Its loggers install their own stderr handlers and do not propagate, and the puppet logs the
  service token on start-up; we route them into standard logging at WARNING and drop that line.
- ``Wechaty.start()`` calls ``loop.stop()`` on ``WechatyPuppetError`` (stopping everything
  that shares the loop), sleeps 60 s on connection errors, and on login starts a plugin web
  server on port 5000 and its own scheduler. :class:`PuppetConnection` uses only the puppet
  service client, lets every error reach the caller, and leaves reconnecting to it.
- The client surfaces some events (heartbeat, message, login ...) and silently drops the types
  it does not know, so it cannot tell whether the gateway still talks. :class:`GuardedWechaty`
  reports every response read from the event stream, of any type, to ``on_event`` (the
  adapter's watchdog).
"""

from __future__ import annotations

import logging
import os
import tempfile
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import wechaty_puppet.schemas.puppet as _puppet_schemas

_puppet_schemas.PuppetOptions.__hash__ = object.__hash__  # type: ignore[assignment,method-assign]
os.environ.setdefault("CACHE_DIR", str(Path(tempfile.gettempdir()) / "linli-wechaty-cache"))

# The imports below must follow the shim above.
from apscheduler.schedulers.asyncio import AsyncIOScheduler  # noqa: E402
from wechaty import Wechaty, WechatyOptions  # noqa: E402
from wechaty.user import Contact, Room  # noqa: E402
from wechaty_puppet import MessageType, PuppetOptions, WechatyPuppetError  # noqa: E402
from wechaty_puppet_service import PuppetService  # noqa: E402, F401  (creates its loggers)

__all__ = [
    "GuardedWechaty",
    "MessageType",
    "PuppetOptions",
    "WechatyPuppetError",
]

_WECHATY_LOGGERS = (
    "Accessory",
    "Config",
    "Contact",
    "ContactSelf",
    "Favorite",
    "FileBox",
    "FriendShip",
    "Image",
    "Message",
    "MiniProgram",
    "PuppetService",
    "Room",
    "RoomInvitation",
    "Tag",
    "UrlLink",
    "Wechaty",
    "WechatyPuppet",
    "WechatyPuppetServiceConfig",
)


class _DropTokenLine(logging.Filter):
    """PuppetService logs ``there are endpoint<...> and token<...>`` when both are set."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "token<" not in str(record.msg)


def _tame_loggers() -> None:
    for name in _WECHATY_LOGGERS:
        logger = logging.getLogger(name)
        logger.handlers = []
        logger.propagate = True
        logger.setLevel(logging.WARNING)
    logging.getLogger("PuppetService").addFilter(_DropTokenLine())


_tame_loggers()


class GuardedWechaty(Wechaty):
    """A ``Wechaty`` whose :meth:`start` is safe to run as a task in a shared event loop.

    :meth:`start` connects to the puppet service, sends the client's ``Stop``/``Start``
    handshake and reads the event stream until it ends (returns) or fails (raises). Unlike
    ``Wechaty.start`` it never calls ``loop.stop()``, never sleeps, and does not start the
    plugin web server; reconnecting is the caller's job. Events reach ``on_login(contact_id)``
    and ``on_message(message_id)`` (and ``on_room_leave(room_id, removed_ids, timestamp)``:
    people left or were removed from a room) synchronously, in arrival order (the stock bridge runs each
    message as its own task and marks its id as seen *before* loading it, so a message whose
    loading fails is never seen again). ``on_event()`` is called for every response read from
    the event stream, whatever its type (heartbeats included), before the client parses it.
    """

    def __init__(
        self,
        endpoint: str,
        token: str | None,
        *,
        on_login: Callable[[str], None],
        on_message: Callable[[str], None],
        on_event: Callable[[], None] | None = None,
        on_room_leave: Callable[[str, list[str], float], None] | None = None,
    ) -> None:
        options = WechatyOptions(
            puppet="wechaty-puppet-service",
            # A fresh one each time: Wechaty.__init__ writes into it.
            puppet_options=PuppetOptions(end_point=endpoint, token=token or None),
            # An unstarted scheduler of our own instead of the default SQLite job store.
            scheduler=AsyncIOScheduler(),
        )
        super().__init__(options)
        self._on_login = on_login
        self._on_message = on_message
        self._on_event = on_event
        self._on_room_leave = on_room_leave

    async def start(self) -> None:
        """Connect and read events until the stream ends; every error propagates."""
        await self.init_puppet()
        # Contact/Room objects are cached process-wide and keep the puppet they were loaded
        # with; after a reconnect that puppet is closed, so start from an empty cache.
        Contact._pool.clear()
        Room._pool.clear()
        puppet = self.puppet
        puppet.on("login", lambda payload: self._on_login(payload.contact_id))
        puppet.on("message", lambda payload: self._on_message(payload.message_id))
        puppet.on("error", _log_puppet_error)
        on_room_leave = self._on_room_leave
        if on_room_leave is not None:
            puppet.on(
                "room-leave",
                lambda payload: on_room_leave(
                    payload.room_id or "",
                    list(payload.removed_ids or []),
                    float(payload.timestamp or 0),
                ),
            )
        if self._on_event is not None:
            _report_every_event(puppet, self._on_event)
        self.started = True
        try:
            await puppet.start()
        finally:
            self.started = False

    def self_id(self) -> str | None:
        """The logged-in account's contact id (None before login or while disconnected)."""
        puppet = self._puppet
        return getattr(puppet, "login_user_id", None) if puppet is not None else None

    async def disconnect(self) -> None:
        """Drop the connection without asking the gateway to stop the WeChat session."""
        puppet = self._puppet
        if puppet is None:
            return
        channel = getattr(puppet, "channel", None)
        puppet.channel = None
        puppet._puppet_stub = None
        if channel is not None:
            channel.close()


def _report_every_event(puppet: Any, on_event: Callable[[], None]) -> None:
    """Make the stub ``puppet.start()`` creates call ``on_event`` for each event response.

    ``PuppetService.start`` builds its gRPC stub in ``_init_puppet`` and then iterates
    ``stub.event()`` itself, so the only place to see every raw response is that iterator:
    wrap ``_init_puppet`` (on this instance only) to wrap the new stub's ``event``.
    """
    init_puppet = puppet._init_puppet

    def init_and_watch() -> None:
        init_puppet()
        stub = puppet._puppet_stub
        events = stub.event

        async def watched_events() -> AsyncIterator[Any]:
            async for response in events():
                on_event()
                yield response

        stub.event = watched_events

    puppet._init_puppet = init_and_watch


def _log_puppet_error(payload: Any) -> None:
    logging.getLogger(__name__).warning("puppet service reported an error: %s", payload)
