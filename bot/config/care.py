"""``[checkin]`` (平安打卡, daily safety check-ins) and ``[hooks]`` (the device hook server)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time, timedelta

from bot.config.reader import Table

# Longer than a day would let one missed check-in overlap the next day's request.
MAX_WINDOW = timedelta(hours=12)


@dataclass(frozen=True, slots=True)
class CheckinConfig:
    """``window``: how long a person has to answer the daily question before their head (and
    family contact) is told; ``escalate_after``: how long the head has to answer that before
    the grid worker is told; ``default_time``: the daily question's time when the head names
    none; ``consent_valid``: how long the enrolment question waits for the person's 好."""

    window: timedelta = timedelta(hours=2)
    escalate_after: timedelta = timedelta(hours=1)
    default_time: time = time(9, 0)
    consent_valid: timedelta = timedelta(days=7)


@dataclass(frozen=True, slots=True)
class HooksConfig:
    """``[hooks]``: the HTTP server for devices (water meters, door sensors), served by
    ``linli run`` only when ``enabled``. The token is read from the environment variable
    named by ``token_env``; without it the server refuses to start."""

    enabled: bool = False
    listen: str = "127.0.0.1:8787"
    token_env: str = "LINLI_HOOKS_TOKEN"

    def listen_address(self) -> tuple[str, int]:
        """``listen`` as (host, port); validated by :func:`parse_hooks`."""
        host, _, port = self.listen.rpartition(":")
        return host.strip("[]") or "127.0.0.1", int(port)


def parse_checkin(t: Table) -> CheckinConfig:
    base = CheckinConfig()
    cfg = CheckinConfig(
        window=t.duration("window", base.window),
        escalate_after=t.duration("escalate_after", base.escalate_after),
        default_time=t.clock("default_time", base.default_time),
        consent_valid=t.duration("consent_valid", base.consent_valid),
    )
    t.done()
    for key in ("window", "escalate_after", "consent_valid"):
        value = getattr(cfg, key)
        if value is not None and value.total_seconds() <= 0:
            t.problems.add(t.key(key), "expected a duration greater than zero")
    if cfg.window is not None and cfg.window > MAX_WINDOW:
        t.problems.add(t.key("window"), "expected a duration of at most 12h")
    return CheckinConfig(
        window=cfg.window or base.window,
        escalate_after=cfg.escalate_after or base.escalate_after,
        default_time=cfg.default_time or base.default_time,
        consent_valid=cfg.consent_valid or base.consent_valid,
    )


def parse_hooks(t: Table) -> HooksConfig:
    base = HooksConfig()
    cfg = HooksConfig(
        enabled=bool(t.bool("enabled", base.enabled)),
        listen=t.str("listen", base.listen),
        token_env=t.str("token_env", base.token_env),
    )
    t.done()
    host, sep, port = str(cfg.listen).rpartition(":")
    if not sep or not host or not port.isdigit() or not 0 < int(port) < 65536:
        t.problems.add(t.key("listen"), f"expected 'host:port', got {cfg.listen!r}")
        return HooksConfig(enabled=cfg.enabled, token_env=cfg.token_env)
    return cfg
