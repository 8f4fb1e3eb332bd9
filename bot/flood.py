"""Flood control: a resident (or a spammer) sending too fast is throttled politely.

A sliding one-minute window per sender, on message time (so replay stays deterministic).
Over the limit, the first extra message gets one polite notice and the rest are stored but
not acted on until the sender slows down; other people are not affected. Staff are exempt.
"""

from __future__ import annotations

import enum
from collections import deque
from datetime import datetime, timedelta

WINDOW = timedelta(minutes=1)
# Forget idle senders now and then so memory stays bounded by the active ones.
_PRUNE_EVERY = 1000


class Verdict(enum.Enum):
    ALLOW = "allow"
    WARN = "warn"
    DROP = "drop"


class FloodGuard:
    def __init__(self, per_minute: int) -> None:
        self.per_minute = per_minute
        self._times: dict[str, deque[datetime]] = {}
        self._warned: dict[str, datetime] = {}
        self._calls = 0

    def check(self, sender: str, at: datetime) -> Verdict:
        self._calls += 1
        if self._calls % _PRUNE_EVERY == 0:
            self._prune(at)
        times = self._times.get(sender)
        if times is None:
            times = self._times[sender] = deque()
        cutoff = at - WINDOW
        while times and times[0] <= cutoff:
            times.popleft()
        times.append(at)
        if len(times) <= self.per_minute:
            self._warned.pop(sender, None)
            return Verdict.ALLOW
        warned = self._warned.get(sender)
        if warned is not None and warned > at - WINDOW:
            return Verdict.DROP
        self._warned[sender] = at
        return Verdict.WARN

    def _prune(self, now: datetime) -> None:
        idle = [s for s, t in self._times.items() if not t or t[-1] <= now - WINDOW]
        for sender in idle:
            del self._times[sender]
            self._warned.pop(sender, None)
