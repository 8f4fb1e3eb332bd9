"""Who may run a command, and where: declared on each :class:`~bot.feature.Command`, enforced
by the dispatcher in one place before the handler runs.

The holes an attacker's review found (strangers taking part in the help flow, reading one
building's events) were all checks a handler had forgotten. Here a command says what it needs
once, e.g. ``Permission(Who.MEMBER, Where.PRIVATE)`` for ``/contact``; the authorisation
matrix test is generated from these declarations. What depends on the object a command is
about (this issue's building, this request's building) is still checked by the handler, after
it loaded the object, with the helpers here and in the features.

- :attr:`Who.ANYONE`: strangers too (``/help``, ``/whoami``, ``/start``, ``/forget``).
- :attr:`Who.MEMBER`: a known resident — seen in a bound building chat, so this building's
  resident in its group and, privately, a resident of their own building — or staff.
- :attr:`Who.STAFF`: a head of this building (in its group; privately: of their buildings),
  a grid worker or an admin.
- :attr:`Who.ADMIN`: a community admin.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from bot import texts
from bot.model import Role


class Who(enum.StrEnum):
    """The weakest role a command accepts (each includes the ones below it)."""

    ANYONE = "anyone"
    MEMBER = "member"
    STAFF = "staff"
    ADMIN = "admin"


class Where(enum.Flag):
    """The kinds of chat a command may be used in."""

    BUILDING_GROUP = enum.auto()  # a group bound to a building
    OFFICE = enum.auto()  # the community office chat
    PRIVATE = enum.auto()  # a one-to-one chat with the bot
    OTHER_GROUP = enum.auto()  # a group bound to nothing (the bot was added somewhere else)
    GROUP = BUILDING_GROUP | OFFICE
    BOUND = BUILDING_GROUP | OFFICE | PRIVATE
    ANYWHERE = BOUND | OTHER_GROUP


STAFF_ROLES = frozenset({Role.HEAD, Role.GRID_WORKER, Role.ADMIN})


@dataclass(frozen=True, slots=True)
class Permission:
    """A command's requirement: ``who`` may use it, ``where``. ``who_text``/``where_text``
    replace the generic refusal with one that says more about this command."""

    who: Who = Who.MEMBER
    where: Where = Where.BOUND
    who_text: str | None = None
    where_text: str | None = None

    def refusal(self, place: Where, role: Role, is_admin: bool) -> str | None:
        """Why the sender may not run the command here (a polite Chinese text), or None.

        ``role`` is the sender's role in this chat as the dispatcher resolved it (UNKNOWN for
        a stranger, or for anyone but grid workers and admins in the office chat);
        ``is_admin``: the sender is a community admin (whatever the chat).
        """
        if not place & self.where:
            if place is Where.OTHER_GROUP:
                return texts.UNBOUND_CHAT
            return self.where_text or where_refusal(place, self.where)
        if self.who is Who.ANYONE:
            allowed = True
        elif self.who is Who.ADMIN:
            allowed = is_admin
        elif self.who is Who.STAFF:
            allowed = role in STAFF_ROLES
        else:
            allowed = role is not Role.UNKNOWN
        if allowed:
            return None
        return self.who_text or _WHO_REFUSALS[self.who]


def where_refusal(place: Where, allowed: Where) -> str:
    if place is Where.PRIVATE:
        return texts.GROUP_ONLY
    if allowed & Where.PRIVATE:
        return texts.PRIVATE_ONLY
    return texts.NOT_HERE


_WHO_REFUSALS = {
    Who.MEMBER: texts.MEMBERS_ONLY,
    Who.STAFF: texts.STAFF_ONLY,
    Who.ADMIN: texts.ADMIN_ONLY,
}

# The declarations features use most.
EVERYONE = Permission(Who.ANYONE, Where.ANYWHERE)
RESIDENTS = Permission(Who.MEMBER)
RESIDENTS_PRIVATELY = Permission(Who.MEMBER, Where.PRIVATE)
STAFF = Permission(Who.STAFF)
ADMIN = Permission(Who.ADMIN, Where.ANYWHERE)
