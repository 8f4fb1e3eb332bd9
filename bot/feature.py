"""What a capability (issues, help, events, admin) plugs into the bot.

A :class:`Feature` bundles its commands, an optional handler for ordinary text, an optional
observer of every message, timer handlers and a start hook. Handlers are plain async functions that read and write through
``ctx.store`` and return the messages to send; they never call a platform.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from types import MappingProxyType
from typing import TYPE_CHECKING

from bot.commands import AliasForm, CommandCall
from bot.config import Config
from bot.model import Incoming, Outgoing, Role
from bot.permissions import RESIDENTS, Permission

if TYPE_CHECKING:
    from bot.understand import Understanding
    from storage import Store
    from storage.timers import Timer


@dataclass(slots=True)
class Context:
    """Everything a handler may use. ``building`` is the chat's building for a group chat,
    or the sender's known building in a private chat; ``role`` is the sender's role there."""

    config: Config
    store: Store
    now: datetime
    building: str | None = None
    role: Role = Role.UNKNOWN
    in_group: bool = False
    bot_username: str | None = None

    @property
    def is_staff(self) -> bool:
        return self.role in (Role.HEAD, Role.GRID_WORKER, Role.ADMIN)

    def local_now(self) -> datetime:
        return self.now.astimezone(self.config.timezone)


CommandHandler = Callable[[Incoming, Context, CommandCall], Awaitable[list[Outgoing]]]
TextHandler = Callable[[Incoming, Context, "Understanding"], Awaitable[list[Outgoing] | None]]
TimerHandler = Callable[["Timer", Context], Awaitable[list[Outgoing]]]
StartHandler = Callable[[Context], Awaitable[None]]
# Sees every message (commands, ordinary text, any chat) before it is routed, whoever sent
# it; returns messages to send besides the answer (usually none). For safety checks that no
# routing decision may skip.
Observer = Callable[[Incoming, Context], Awaitable[list[Outgoing]]]


@dataclass(frozen=True, slots=True)
class Command:
    """A command: slash ``name`` (contract), Chinese ``aliases``, one-line Chinese ``help``.

    ``alias_needs_number``: the alias only counts when followed by a number (``收到 3``), so
    that the same word used in conversation (``收到``) is not taken as a command.
    ``staff_only`` marks commands shown in the staff menu.

    ``permission`` says who may run it and where; the dispatcher enforces it before the
    handler runs (:mod:`bot.permissions`). ``sub_permissions`` overrides it for sub-commands
    named by the first word of the arguments (``/event add`` is for staff, ``/event list``
    for residents). ``args_permission``, when set, decides from the whole argument text
    where the first word cannot (``/poll 3`` shows a tally to residents, ``/poll 问题 | …``
    starts a poll, for staff); it returns None to keep the other rules.
    ``alias_form`` says what may follow an alias (default: a number when ``alias_needs_number``,
    else optional text); ``alias_words`` the only words allowed after an ``ALONE`` alias.
    ``refers_to`` (``"issue"``, ``"event"``, ``"request"``): a reply to the bot's message about
    one of these supplies the number when none is written ("收到" in reply means that issue).
    """

    name: str
    handler: CommandHandler
    help: str
    usage: str = ""
    aliases: tuple[str, ...] = ()
    alias_needs_number: bool = True
    staff_only: bool = False
    permission: Permission = RESIDENTS
    sub_permissions: Mapping[str, Permission] = field(default_factory=lambda: MappingProxyType({}))
    args_permission: Callable[[str], Permission | None] | None = None

    def permission_for(self, args: str) -> Permission:
        """The permission that applies to this command with these arguments."""
        if self.args_permission is not None:
            decided = self.args_permission(args)
            if decided is not None:
                return decided
        if self.sub_permissions:
            first = args.split(None, 1)[0].lower() if args.strip() else ""
            found = self.sub_permissions.get(first)
            if found is not None:
                return found
        return self.permission

    alias_form: AliasForm | None = None
    alias_words: tuple[str, ...] = ()
    refers_to: str | None = None

    @property
    def form(self) -> AliasForm:
        if self.alias_form is not None:
            return self.alias_form
        return AliasForm.NUMBER if self.alias_needs_number else AliasForm.OPTIONAL_TEXT


@dataclass(frozen=True, slots=True)
class Feature:
    name: str
    commands: tuple[Command, ...] = ()
    on_text: TextHandler | None = None
    observe: Observer | None = None
    timers: Mapping[str, TimerHandler] = field(default_factory=lambda: MappingProxyType({}))
    # Timer kinds that fire only once no timer of another kind is due (they collect what
    # the others queue: the notices of handlers/issue_notices.py).
    timers_last: frozenset[str] = frozenset()
    on_start: StartHandler | None = None
