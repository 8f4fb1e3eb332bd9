"""Ending a long-running process (``linli run``, ``linli web``) on SIGINT/SIGTERM."""

from __future__ import annotations

import asyncio
import logging
import signal

log = logging.getLogger(__name__)


def stop_on_signals(stop: asyncio.Event) -> None:
    """Set ``stop`` on SIGINT or SIGTERM. Event loops without signal support (not on Linux)
    only log it: Ctrl-C still ends the process there."""
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        try:
            loop.add_signal_handler(sig, stop.set)
        except (NotImplementedError, RuntimeError):
            log.warning("signal handler unavailable signal=%s", sig.name)
