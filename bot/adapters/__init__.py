"""Platform adapters: translate platform updates to :class:`~bot.model.Incoming` and send
:class:`~bot.model.Outgoing`. No business logic and no SQL here."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from bot.delivery import RateLimits, Sender


class Adapter(Sender, Protocol):
    """A running platform connection: receives into ``app.handle``, sends via ``send``."""

    limits: RateLimits
    # Set by the runner: called when the platform (re)connects, so that replies waiting in
    # backoff go at once.
    on_connected: Callable[[], None] | None
    # Set by the runner when the platform has several accounts: the account's name, carried
    # by incoming messages (Incoming.via) so that private chats are routed to it.
    route_as: str | None

    async def start(self) -> None:
        """Connect and start receiving in background tasks; return once started."""

    async def stop(self) -> None:
        """Stop receiving and disconnect."""
