"""What a page of the console knows: the signed-in :class:`Viewer`, the bot, the clock.

This is the seam between the app and the modules that add pages to it. A route handler reads
``viewer_of(request)`` (never None behind the guard: :mod:`bot.web.guard` answers requests
without a session before any route runs) and ``console_of(request)`` for the config, the store
and ``now()``; it restricts every read to ``viewer.buildings`` and renders with :func:`render`
(a template extending ``base.html``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.templating import Jinja2Templates

from bot.config import Config
from bot.model import Role
from bot.privacy import mask
from storage import Store

if TYPE_CHECKING:
    from bot.app import Linli

TEMPLATES = Path(__file__).parent / "templates"
STAFF_ROLES = frozenset({Role.HEAD, Role.GRID_WORKER, Role.ADMIN})
ROLE_NAMES = {Role.HEAD: "楼栋长", Role.GRID_WORKER: "网格员", Role.ADMIN: "社区管理员"}


@dataclass(frozen=True, slots=True)
class Viewer:
    """The signed-in staff member. ``buildings`` are the buildings they may see and act on:
    ``None`` for an admin (every building), else their buildings from the config (a head's
    building, a grid worker's buildings)."""

    id: str
    name: str
    role: Role
    buildings: tuple[str, ...] | None

    def may_see(self, building: str) -> bool:
        return self.buildings is None or building in self.buildings

    def visible(self, config: Config) -> tuple[str, ...]:
        """The names of the buildings this viewer may see, in the config's order."""
        return tuple(b.name for b in config.buildings if self.may_see(b.name))

    @property
    def role_name(self) -> str:
        return ROLE_NAMES.get(self.role, "")


def viewer_for(config: Config, user: str) -> Viewer | None:
    """The viewer ``user`` is under ``config`` now, or None when they are not staff (any
    more: a session ends when the config no longer lists its person)."""
    person = config.person_by_id.get(user)
    if person is None or person.role not in STAFF_ROLES:
        return None
    buildings = None if person.role is Role.ADMIN else tuple(person.buildings)
    return Viewer(person.id, person.name, person.role, buildings)


@dataclass(slots=True)
class Console:
    """The running console: the bot it serves (config, store, dispatcher) and its clock."""

    bot: Linli
    now: Callable[[], datetime]

    @property
    def config(self) -> Config:
        # Read through the bot: a config reloaded on SIGHUP applies to the console too.
        return self.bot.config

    @property
    def store(self) -> Store:
        return self.bot.store


def console_of(request: Request) -> Console:
    console: Console = request.app.state.console
    return console


def viewer_of(request: Request) -> Viewer:
    """The signed-in viewer (set by the guard; a route never runs without one, except the
    public ones: sign-in, static files, Open311)."""
    viewer: Viewer | None = request.scope.get("linli_viewer")
    if viewer is None:
        raise LookupError("no signed-in viewer on a route behind the guard")
    return viewer


def signed_in_viewer(request: Request) -> Viewer | None:
    """The signed-in viewer, or None; for public paths (Open311) that serve both."""
    viewer: Viewer | None = request.scope.get("linli_viewer")
    return viewer


def csrf_token(request: Request) -> str:
    """The session's CSRF token, to put in every form as the hidden field ``csrf``."""
    token: str = request.scope["session"]["csrf"]
    return token


def templates() -> Jinja2Templates:
    return _TEMPLATES


def render(
    request: Request, name: str, context: dict[str, Any] | None = None, status_code: int = 200
) -> Response:
    """Render template ``name`` with the page basics (viewer, csrf token, community name)."""
    console = console_of(request)
    base = {
        "viewer": request.scope.get("linli_viewer"),
        "csrf": csrf_token(request),
        "community": console.config.community_name,
        "path": request.url.path,
    }
    return _TEMPLATES.TemplateResponse(request, name, {**base, **(context or {})}, status_code)


def masked(text: str | None) -> str:
    """Phone, ID card and plate numbers masked, as in the groups (the console shows them to
    every staff member of the community, and screens are seen by others)."""
    return mask(text) if text else ""


def fmt_time(value: datetime | None, config: Config) -> str:
    if value is None:
        return ""
    return value.astimezone(config.timezone).strftime("%Y-%m-%d %H:%M")


def _jinja() -> Jinja2Templates:
    t = Jinja2Templates(directory=str(TEMPLATES))
    t.env.filters["masked"] = masked
    return t


_TEMPLATES = _jinja()

__all__: Sequence[str] = (
    "Console",
    "Viewer",
    "console_of",
    "csrf_token",
    "fmt_time",
    "masked",
    "render",
    "signed_in_viewer",
    "viewer_for",
    "viewer_of",
)
