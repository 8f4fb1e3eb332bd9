"""Typed reading of TOML tables that collects every problem with its key path.

Each section parser reads through a :class:`Table`; nothing raises mid-way, so one run of
``linli check-config`` lists every error at once. Keys that were never read are reported as
unknown when the table is closed with :meth:`Table.done`.
"""

from __future__ import annotations

import builtins
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import time, timedelta
from typing import Any, TypeVar

T = TypeVar("T")

_MISSING: Any = object()
_DURATION_PART = re.compile(r"(\d+)\s*(d|h|m|s)")
_CLOCK = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")
_UNITS = {"d": 86400, "h": 3600, "m": 60, "s": 1}


class ConfigError(Exception):
    """A config file could not be used; ``problems`` lists each one with its key path."""

    def __init__(self, source: str, problems: list[str]) -> None:
        self.source = source
        self.problems = problems
        lines = "\n".join(f"  - {p}" for p in problems)
        super().__init__(f"{source}: {len(problems)} problem(s) in config:\n{lines}")


@dataclass(slots=True)
class Problems:
    """Collects ``"key.path: what was expected"`` lines."""

    items: list[str] = field(default_factory=list)

    def add(self, path: str, message: str) -> None:
        self.items.append(f"{path}: {message}" if path else message)


def parse_duration(text: str) -> timedelta | None:
    """``"30m"``, ``"2h"``, ``"1h30m"``, ``"90d"``, ``"45s"`` -> timedelta; None when malformed."""
    compact = text.strip().lower().replace(" ", "")
    if not compact:
        return None
    pos = 0
    seconds = 0
    for match in _DURATION_PART.finditer(compact):
        if match.start() != pos:
            return None
        seconds += int(match.group(1)) * _UNITS[match.group(2)]
        pos = match.end()
    if pos != len(compact):
        return None
    return timedelta(seconds=seconds)


def parse_clock(text: str) -> time | None:
    """``"07:00"`` -> time(7, 0); None when malformed."""
    match = _CLOCK.match(text.strip())
    if not match:
        return None
    return time(int(match.group(1)), int(match.group(2)))


class Table:
    """A TOML table being read at ``path``; records problems instead of raising."""

    def __init__(self, data: Any, path: builtins.str, problems: Problems) -> None:
        self.path = path
        self.problems = problems
        if not isinstance(data, dict):
            problems.add(path, f"expected a table, got {_type_name(data)}")
            data = {}
        self.data: dict[builtins.str, Any] = data
        self._read: set[builtins.str] = set()

    def key(self, name: builtins.str) -> builtins.str:
        return f"{self.path}.{name}" if self.path else name

    def has(self, name: builtins.str) -> bool:
        return name in self.data

    def _get(self, name: builtins.str, default: Any, expected: builtins.str) -> Any:
        self._read.add(name)
        if name in self.data:
            return self.data[name]
        if default is _MISSING:
            self.problems.add(self.key(name), f"missing; expected {expected}")
        return default

    def _typed(
        self, name: builtins.str, default: Any, expected: builtins.str, ok: Callable[[Any], bool]
    ) -> Any:
        value = self._get(name, default, expected)
        if value is default:
            return value
        if not ok(value):
            self.problems.add(self.key(name), f"expected {expected}, got {_describe(value)}")
            return default if default is not _MISSING else None
        return value

    def str(self, name: builtins.str, default: Any = _MISSING, *, nonempty: bool = True) -> Any:
        value = self._typed(name, default, "a string", lambda v: isinstance(v, str))
        if isinstance(value, str) and nonempty and not value.strip() and value is not default:
            self.problems.add(self.key(name), "expected a non-empty string")
        return value

    def int(
        self, name: builtins.str, default: Any = _MISSING, *, minimum: builtins.int | None = None
    ) -> Any:
        value = self._typed(
            name,
            default,
            "an integer",
            lambda v: isinstance(v, int) and not isinstance(v, bool),
        )
        if isinstance(value, int) and minimum is not None and value < minimum:
            self.problems.add(self.key(name), f"expected an integer >= {minimum}, got {value}")
            return default if default is not _MISSING else minimum
        return value

    def bool(self, name: builtins.str, default: Any = _MISSING) -> Any:
        return self._typed(name, default, "true or false", lambda v: isinstance(v, bool))

    def str_list(self, name: builtins.str, default: Any = _MISSING) -> Any:
        value = self._typed(
            name,
            default,
            "a list of strings",
            lambda v: isinstance(v, list) and all(isinstance(x, str) for x in v),
        )
        return tuple(value) if isinstance(value, list) else value

    def duration(self, name: builtins.str, default: Any = _MISSING) -> Any:
        """A duration such as ``"30m"``; the default may be given as a string too."""
        raw = self._typed(name, default, 'a duration such as "30m", "2h" or "3d"', _is_str)
        if isinstance(raw, timedelta):
            return raw
        if raw is None:
            return None
        parsed = parse_duration(raw)
        if parsed is None:
            self.problems.add(
                self.key(name), f'expected a duration such as "30m", "2h" or "3d", got {raw!r}'
            )
            return parse_duration(default) if isinstance(default, str) else None
        return parsed

    def clock(self, name: builtins.str, default: Any = _MISSING) -> Any:
        """A time of day ``"HH:MM"`` (24-hour)."""
        raw = self._typed(name, default, 'a time of day "HH:MM"', _is_str)
        if raw is None or isinstance(raw, time):
            return raw
        parsed = parse_clock(raw)
        if parsed is None:
            self.problems.add(self.key(name), f'expected a time of day "HH:MM", got {raw!r}')
            return parse_clock(default) if isinstance(default, str) else None
        return parsed

    def table(self, name: builtins.str) -> Table:
        """A sub-table; an absent one reads as empty (so every default applies)."""
        self._read.add(name)
        return Table(self.data.get(name, {}), self.key(name), self.problems)

    def tables(self, name: builtins.str) -> list[Table]:
        """An array of tables (``[[name]]``); absent reads as empty."""
        self._read.add(name)
        value = self.data.get(name, [])
        if not isinstance(value, list):
            self.problems.add(
                self.key(name), f"expected an array of tables, got {_describe(value)}"
            )
            return []
        return [
            Table(item, f"{self.key(name)}[{i}]", self.problems) for i, item in enumerate(value)
        ]

    def ignore(self, *names: builtins.str) -> None:
        """Mark keys as known without reading them here."""
        self._read.update(names)

    def done(self) -> None:
        """Report every key that no parser read as unknown."""
        for name in self.data:
            if name not in self._read:
                self.problems.add(self.key(name), "unknown key")


def _is_str(value: Any) -> bool:
    return isinstance(value, str)


def _type_name(value: Any) -> str:
    return {
        str: "a string",
        int: "an integer",
        float: "a number",
        bool: "a boolean",
        list: "a list",
        dict: "a table",
    }.get(type(value), type(value).__name__)


def _describe(value: Any) -> str:
    text = repr(value)
    if len(text) > 40:
        text = text[:37] + "..."
    return f"{_type_name(value)} {text}"
