"""One TOML file configures a community: buildings, chats, people, time limits, features.

:func:`load_config` validates everything once and returns an immutable :class:`Config`, or
raises :class:`ConfigError` listing every problem with its key path. Each feature's section
is parsed by its own module in this package.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from urllib.parse import parse_qsl, urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.config.care import CheckinConfig, HooksConfig, parse_checkin, parse_hooks
from bot.config.civic import (
    PatrolsConfig,
    PollsConfig,
    ReportsConfig,
    parse_patrols,
    parse_polls,
    parse_reports,
)
from bot.config.events import EventsConfig, parse_events
from bot.config.help import HelpConfig, parse_help
from bot.config.issues import IssuesConfig, parse_issues
from bot.config.platforms import TelegramConfig, WeChatConfig, parse_telegram, parse_wechat
from bot.config.reader import ConfigError, Problems, Table
from bot.config.understanding import Taxonomy, default_taxonomy, parse_understanding
from bot.config.web import LOCAL_HOSTS, WebConfig, parse_web
from bot.model import Role
from storage.db import ENGINES

DEFAULT_PASSWORD_ENV = "LINLI_DB_PASSWORD"
_ENV_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")

__all__ = [
    "Building",
    "Config",
    "ConfigError",
    "Person",
    "load_config",
    "parse_config",
]

_ID_PREFIXES = ("telegram:", "wechat:", "local:")
_STAFF_ROLES = {"head": Role.HEAD, "grid_worker": Role.GRID_WORKER, "admin": Role.ADMIN}


@dataclass(frozen=True, slots=True)
class Building:
    name: str
    chats: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Person:
    """Someone with a role beyond resident: building head, grid worker or admin."""

    id: str
    name: str
    role: Role
    buildings: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Config:
    source: str
    community_name: str
    timezone: ZoneInfo
    office_chat: str | None
    database: Path
    # "inline" (sqlite3 on the loop thread, fast) or "aiosqlite" (worker thread); storage/db.py.
    storage_engine: str
    buildings: tuple[Building, ...]
    people: tuple[Person, ...]
    # PostgreSQL instead of the SQLite ``database`` (storage/pg.py, docs/postgresql.md); its
    # password is read from the environment variable named here, never from the file.
    storage_url: str | None = None
    storage_password_env: str = DEFAULT_PASSWORD_ENV
    # Messages a resident may send per minute before the bot stops reading them for a while.
    flood_per_minute: int = 20
    issues: IssuesConfig = field(default_factory=IssuesConfig)
    taxonomy: Taxonomy = field(default_factory=default_taxonomy)
    help: HelpConfig = field(default_factory=HelpConfig)
    events: EventsConfig = field(default_factory=EventsConfig)
    polls: PollsConfig = field(default_factory=PollsConfig)
    reports: ReportsConfig = field(default_factory=ReportsConfig)
    patrols: PatrolsConfig = field(default_factory=PatrolsConfig)
    checkin: CheckinConfig = field(default_factory=CheckinConfig)
    hooks: HooksConfig = field(default_factory=HooksConfig)
    telegram: TelegramConfig = field(default_factory=TelegramConfig)
    wechat: WeChatConfig = field(default_factory=WeChatConfig)
    web: WebConfig = field(default_factory=WebConfig)
    # Indexes built once by parse_config.
    building_of_chat: Mapping[str, str] = field(default_factory=dict)
    person_by_id: Mapping[str, Person] = field(default_factory=dict)
    # Lookups by building, derived from ``buildings`` and ``people`` in __post_init__ (so that
    # ``dataclasses.replace`` keeps them right): a district has a thousand buildings.
    _building_by_name: Mapping[str, Building] = field(init=False, repr=False, compare=False)
    _staff_of: Mapping[tuple[Role, str], tuple[Person, ...]] = field(
        init=False, repr=False, compare=False
    )
    _admins: tuple[Person, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_name: dict[str, Building] = {}
        for b in self.buildings:
            by_name.setdefault(b.name, b)
        staff: dict[tuple[Role, str], list[Person]] = {}
        for p in self.people:
            for name in dict.fromkeys(p.buildings):
                staff.setdefault((p.role, name), []).append(p)
        object.__setattr__(self, "_building_by_name", by_name)
        object.__setattr__(self, "_staff_of", {k: tuple(v) for k, v in staff.items()})
        object.__setattr__(self, "_admins", tuple(p for p in self.people if p.role is Role.ADMIN))

    @property
    def storage_target(self) -> str | Path:
        """What to open: the PostgreSQL URL if one is configured, else the SQLite file."""
        return self.storage_url or self.database

    def storage_password(self) -> str | None:
        """The PostgreSQL password from the environment (None: libpq's own PGPASSWORD or
        ~/.pgpass apply)."""
        return os.environ.get(self.storage_password_env) or None

    def building(self, name: str) -> Building | None:
        return self._building_by_name.get(name)

    def role_of(self, user: str, building: str | None) -> Role:
        """The strongest role ``user`` holds for ``building`` (None: no building context)."""
        person = self.person_by_id.get(user)
        if person is None:
            return Role.RESIDENT if building else Role.UNKNOWN
        if person.role is Role.ADMIN:
            return Role.ADMIN
        if building is None or building in person.buildings:
            return person.role
        return Role.RESIDENT if building else Role.UNKNOWN

    def heads_of(self, building: str) -> list[Person]:
        return list(self._staff_of.get((Role.HEAD, building), ()))

    def grid_workers_of(self, building: str) -> list[Person]:
        return list(self._staff_of.get((Role.GRID_WORKER, building), ()))

    def admins(self) -> list[Person]:
        return list(self._admins)

    def group_chats(self, building: str) -> tuple[str, ...]:
        found = self.building(building)
        return found.chats if found else ()

    def summary(self) -> str:
        heads = sum(1 for p in self.people if p.role is Role.HEAD)
        grid = sum(1 for p in self.people if p.role is Role.GRID_WORKER)
        # What `linli run` connects to; the local chat (`linli chat`) is always there.
        enabled = [
            name + (f" (accounts {', '.join(a.name for a in on.accounts)})" if on.accounts else "")
            for name, on in (("telegram", self.telegram), ("wechat", self.wechat))
            if on.enabled
        ]
        platforms = enabled or ["none enabled (only `linli chat`)"]
        return (
            f"{self.source}: OK — {self.community_name}: {_n(len(self.buildings), 'building')}, "
            f"{_n(sum(len(b.chats) for b in self.buildings), 'group chat')}, "
            f"{_n(heads, 'building head')}, {_n(grid, 'grid worker')}, "
            f"{_n(len(self.admins()), 'admin')}, "
            f"{_n(len(self.taxonomy.categories), 'category', 'categories')}, "
            f"{_n(len(self.events.recurring), 'recurring event')}; "
            f"platforms: {', '.join(platforms)}"
            + (f"; device hook on {self.hooks.listen}" if self.hooks.enabled else "")
            + (f"; web console on {self.web.url}" if self.web.enabled else "")
        )

    def warnings(self) -> list[str]:
        """Things that are valid but probably not what the admin wants."""
        out = []
        for b in self.buildings:
            if not b.chats:
                out.append(f"building {b.name!r} has no group chat: nobody can report there")
            if not self.heads_of(b.name):
                who = "its grid worker" if self.grid_workers_of(b.name) else "nobody"
                out.append(
                    f"building {b.name!r} has no building head: acknowledgement reminders go "
                    f"to {who}"
                )
        if not self.office_chat:
            out.append("community.office_chat is not set: escalation stops at the grid worker")
        host = self.hooks.listen_address()[0]
        if self.hooks.enabled and host not in ("127.0.0.1", "localhost", "::1"):
            out.append(
                f"hooks.listen {self.hooks.listen!r} is reachable from other machines: the "
                "device hook speaks plain HTTP, put a TLS reverse proxy in front of it"
            )
        # Also when not enabled: `linli web` serves the console from this section either way.
        if self.web.host not in LOCAL_HOSTS:
            out.append(
                f"web.host {self.web.host!r} is reachable from other machines: the console "
                "speaks plain HTTP, put a TLS reverse proxy in front of it and set web.base_url"
            )
        return out


def _parse_storage_url(storage: Table) -> tuple[str | None, str]:
    """``[storage] url`` (PostgreSQL) and ``password_env``; problems are recorded."""
    url = storage.str("url", None)
    password_env = storage.str("password_env", DEFAULT_PASSWORD_ENV)
    if not isinstance(password_env, str) or not _ENV_NAME.match(password_env):
        problems_key = storage.key("password_env")
        storage.problems.add(
            problems_key, f"expected the name of an environment variable, got {password_env!r}"
        )
        password_env = DEFAULT_PASSWORD_ENV
    if url is None:
        return None, password_env
    if not isinstance(url, str):
        return None, password_env
    key = storage.key("url")
    if not url.startswith(("postgresql://", "postgres://")):
        storage.problems.add(
            key, "expected a PostgreSQL URL postgresql://user@host:port/database (SQLite: database)"
        )
        return None, password_env
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - parsing the port raises ValueError when it is malformed
    except ValueError as exc:
        storage.problems.add(key, f"malformed URL: {exc}")
        return None, password_env
    in_query = any(k.strip().lower() == "password" for k, _ in parse_qsl(parts.query))
    if parts.password is not None or in_query:
        # Never echo the URL here: it holds the password.
        storage.problems.add(
            key,
            "the URL must not contain a password; put it in the environment variable "
            f"{password_env} (named by password_env), or use PGPASSWORD or ~/.pgpass",
        )
        return None, password_env
    if not parts.hostname and "host=" not in parts.query:
        storage.problems.add(key, "expected a host: postgresql://user@host:port/database")
    if not parts.path.strip("/"):
        storage.problems.add(key, "expected a database name: postgresql://user@host:port/database")
    if storage.has("database"):
        storage.problems.add(
            storage.key("database"),
            "give either database (SQLite) or url (PostgreSQL), not both",
        )
    if storage.has("engine"):
        storage.problems.add(
            storage.key("engine"),
            "engine chooses between SQLite engines; with url it does not apply",
        )
    return url, password_env


def load_config(path: str | Path) -> Config:
    """Read and validate ``path``; raises :class:`ConfigError` with every problem found."""
    source = str(path)
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise ConfigError(source, [f"cannot read file: {exc.strerror or exc}"]) from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ConfigError(source, ["file is not valid UTF-8 text"]) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(source, [f"not valid TOML: {exc}"]) from None
    return parse_config(data, source=source, base_dir=Path(path).resolve().parent)


def parse_config(data: dict[str, object], *, source: str, base_dir: Path) -> Config:
    problems = Problems()
    root = Table(data, "", problems)

    community = root.table("community")
    name = community.str("name", "社区")
    tz_name = community.str("timezone", "Asia/Shanghai")
    try:
        timezone = ZoneInfo(tz_name)
    except (ZoneInfoNotFoundError, ValueError, TypeError):
        problems.add(community.key("timezone"), f"unknown time zone {tz_name!r}")
        timezone = ZoneInfo("Asia/Shanghai")
    office_chat = community.str("office_chat", None)
    flood_per_minute = community.int("flood_per_minute", 20, minimum=1)
    if office_chat is not None:
        _check_id(community, "office_chat", office_chat)
    community.done()

    storage = root.table("storage")
    db_raw = storage.str("database", "linli.db")
    engine = storage.str("engine", "inline")
    if engine not in ENGINES:
        problems.add(storage.key("engine"), f"expected one of {', '.join(ENGINES)}, got {engine!r}")
        engine = "inline"
    storage_url, password_env = _parse_storage_url(storage)
    storage.done()
    database = Path(db_raw) if db_raw and db_raw != ":memory:" else Path(":memory:")
    if not database.is_absolute() and db_raw != ":memory:":
        database = base_dir / database

    buildings: list[Building] = []
    building_names: set[str] = set()  # a set: a district has a thousand buildings
    building_of_chat: dict[str, str] = {}
    for bt in root.tables("buildings"):
        bname = bt.str("name")
        chats = bt.str_list("chats", ())
        bt.done()
        if not isinstance(bname, str):
            continue
        if bname in building_names:
            problems.add(bt.key("name"), f"duplicate building name {bname!r}")
            continue
        for i, chat in enumerate(chats or ()):
            _check_id(bt, f"chats[{i}]", chat)
            if chat in building_of_chat:
                problems.add(
                    bt.key(f"chats[{i}]"),
                    f"chat {chat!r} is already bound to building {building_of_chat[chat]!r}; "
                    "a chat belongs to one building",
                )
            else:
                building_of_chat[chat] = bname
        buildings.append(Building(bname, tuple(chats or ())))
        building_names.add(bname)
    if office_chat and office_chat in building_of_chat:
        problems.add("community.office_chat", "the office chat cannot also be a building chat")
    names = {b.name for b in buildings}

    people: list[Person] = []
    by_id: dict[str, Person] = {}
    for pt in root.tables("people"):
        pid = pt.str("id")
        pname = pt.str("name")
        role_raw = pt.str("role")
        pbuildings = pt.str_list("buildings", ())
        pt.done()
        if not isinstance(pid, str) or not isinstance(role_raw, str):
            continue
        _check_id(pt, "id", pid)
        role = _STAFF_ROLES.get(role_raw)
        if role is None:
            problems.add(
                pt.key("role"), f"expected one of head, grid_worker, admin, got {role_raw!r}"
            )
            continue
        if role in (Role.HEAD, Role.GRID_WORKER) and not pbuildings:
            problems.add(pt.key("buildings"), f"a {role_raw} needs at least one building")
        for i, b in enumerate(pbuildings or ()):
            if b not in names:
                problems.add(pt.key(f"buildings[{i}]"), f"unknown building {b!r}")
        if pid in by_id:
            problems.add(pt.key("id"), f"duplicate person id {pid!r}")
            continue
        person = Person(
            pid, pname if isinstance(pname, str) else pid, role, tuple(pbuildings or ())
        )
        by_id[pid] = person
        people.append(person)

    issues = parse_issues(root.table("issues"))
    taxonomy = parse_understanding(root.table("understanding"))
    for code in issues.resolution_targets:
        if code not in taxonomy.codes:
            problems.add(f"issues.resolution_targets.{code}", "unknown category code")
    help_cfg = parse_help(root.table("help"))
    events = parse_events(root.table("events"))
    for ev in events.recurring:
        for j, b in enumerate(ev.buildings):
            if b not in names:
                problems.add(
                    f"events.recurring[{ev.index}].buildings[{j}]", f"unknown building {b!r}"
                )
    polls = parse_polls(root.table("polls"))
    reports = parse_reports(root.table("reports"))
    patrols = parse_patrols(root)
    for patrol in patrols.patrols:
        for j, b in enumerate(patrol.buildings):
            if b not in names:
                problems.add(f"patrols[{patrol.index}].buildings[{j}]", f"unknown building {b!r}")
    checkin = parse_checkin(root.table("checkin"))
    hooks = parse_hooks(root.table("hooks"))
    telegram = parse_telegram(root.table("telegram"))
    wechat = parse_wechat(root.table("wechat"))
    served: list[tuple[str, int, tuple[str, ...]]] = [
        ("telegram", i, a.buildings) for i, a in enumerate(telegram.accounts)
    ] + [("wechat", i, a.buildings) for i, a in enumerate(wechat.accounts)]
    for platform, i, account_buildings in served:
        for j, b in enumerate(account_buildings):
            if b not in names:
                problems.add(f"{platform}.accounts[{i}].buildings[{j}]", f"unknown building {b!r}")
    web = parse_web(root.table("web"))
    root.done()

    if not buildings:
        problems.add("buildings", "expected at least one [[buildings]] entry")
    if problems.items:
        raise ConfigError(source, problems.items)
    return Config(
        source=source,
        community_name=name,
        timezone=timezone,
        office_chat=office_chat,
        database=database,
        storage_engine=engine,
        storage_url=storage_url,
        storage_password_env=password_env,
        buildings=tuple(buildings),
        people=tuple(people),
        flood_per_minute=flood_per_minute,
        issues=issues,
        taxonomy=taxonomy,
        help=help_cfg,
        events=events,
        polls=polls,
        reports=reports,
        patrols=patrols,
        checkin=checkin,
        hooks=hooks,
        telegram=telegram,
        wechat=wechat,
        web=web,
        building_of_chat=MappingProxyType(building_of_chat),
        person_by_id=MappingProxyType(by_id),
    )


def _n(count: int, singular: str, plural: str | None = None) -> str:
    return f"{count} {singular if count == 1 else plural or singular + 's'}"


def _check_id(table: Table, key: str, value: str) -> None:
    if not value.startswith(_ID_PREFIXES) or value.endswith(":"):
        table.problems.add(
            table.key(key),
            f"expected an id like 'telegram:-100123', 'wechat:123@chatroom' or 'local:name', "
            f"got {value!r}",
        )
