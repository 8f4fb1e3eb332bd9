"""Time: ``tick(now)`` fires every stored timer that is due, exactly once.

Each timer fires in its own transaction that marks it done and queues its messages, so a crash
can neither lose nor repeat it. Replay and tests call :meth:`Scheduler.tick` with script time;
in production :func:`run_periodically` drives it from APScheduler.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from bot import privacy
from bot.config import Config
from bot.feature import Context, Feature, TimerHandler
from bot.model import Outgoing
from storage import StorageError, Store
from storage.timers import Timer

log = logging.getLogger(__name__)

# A handler that keeps scheduling timers already due would spin; stop after this many rounds.
# Big jobs continue in timers due at once (the digest, in parts of DIGEST_PART issues): a
# round per part, so this is well above the parts of a large district's digest (834 with
# 100,000 open issues).
MAX_ROUNDS = 5000
# A batch of timers shares one commit and runs at most about this long (plus its last
# timer) before the loop gets a turn (issue 18: no tick blocks the loop for more than 50 ms;
# at 20 ms, a batch ending with a 30-issue message to the office held it 45 ms of CPU).
BATCH_SECONDS = 0.01
TICK_EVERY = timedelta(seconds=10)
# Due timers read at a time.
PAGE = 500


class Scheduler:
    def __init__(self, config: Config, store: Store, features: Sequence[Feature]) -> None:
        self.config = config
        self.store = store
        self.handlers: dict[str, TimerHandler] = {}
        self.last_kinds = tuple(sorted(k for f in features for k in f.timers_last))
        for feature in features:
            for kind, handler in feature.timers.items():
                if kind in self.handlers:
                    raise ValueError(f"timer kind {kind!r} registered twice")
                self.handlers[kind] = handler
        # The kinds that fire before those: looked up by kind, not among the due ones.
        self.first_kinds = tuple(sorted(set(self.handlers) - set(self.last_kinds)))

    async def tick(self, now: datetime) -> list[Outgoing]:
        """Fire everything due at ``now``; returns the messages queued.

        Timers fire in batches: one transaction for as many as run within
        ``BATCH_SECONDS``, then the loop gets a turn before the next batch, so a thousand
        reminders at once neither cost a thousand commits nor hold up the messages arriving
        meanwhile. A timer whose handler fails has its writes undone alone (its batch is
        fired again with a savepoint per timer). A batch that fails to commit is rolled back whole and
        fires again on the next tick (still exactly once)."""
        timers = self.store.timers
        if timers.nothing_due(now):
            return []
        timers.forget_earliest()
        produced: list[Outgoing] = []
        batches = 0
        for _ in range(MAX_ROUNDS):
            due, after = await self._next_page(now)
            if not due:
                await timers.learn_earliest(after)
                break
            pending = list(due)
            fired = 0
            while pending:
                if batches:
                    # Let messages in between batches (not after the last: the tick returns
                    # then, and most ticks fire one small batch).
                    await asyncio.sleep(0)
                batches += 1
                batch: list[Outgoing] = []
                taken: list[Timer] = []
                deadline = time.perf_counter() + BATCH_SECONDS
                try:
                    async with self.store.transaction() as conn:
                        while pending:
                            taken.append(pending.pop(0))
                            outs = await self._fire(conn, taken[-1], now, isolated=False)
                            if outs is not None:
                                fired += 1
                                batch.extend(outs)
                            if time.perf_counter() >= deadline:
                                break
                except _HandlerFailed:
                    # The batch was rolled back whole: the same timers again, each in a
                    # savepoint, so that only the failing one's writes are undone.
                    batch = []
                    async with self.store.transaction() as conn:
                        for timer in taken:
                            outs = await self._fire(conn, timer, now, isolated=True)
                            if outs is not None:
                                fired += 1
                                batch.extend(outs)
                produced.extend(batch)
            if not fired:
                # Every due timer is being fired by another worker (shared database): they
                # are its to finish; looking again would only spin until it commits.
                break
            # Whether anything more is due (one process: the earliest due time is known,
            # from what the page's read saw after it and the timers added since; a shared
            # database looks at the next page instead).
            await timers.learn_earliest(after)
            if timers.nothing_due(now):
                break
        else:
            log.error("tick stopped after %s rounds: timers keep becoming due", MAX_ROUNDS)
        return produced

    async def _next_page(self, now: datetime) -> tuple[list[Timer], float | None]:
        """The timers to fire next: due ones oldest first, but kinds that fire last only
        once no timer of another kind is due, also one beyond a page of them (else a page
        full of notices, each waiting for a reminder due later in the same tick, re-queued
        itself round after round). With them, when the first pending timer not among them
        is due, if known (see ``TimerRepo.due_and_after``; None when some due ones are left
        for the next round)."""
        timers = self.store.timers
        due, after = await timers.due_and_after(now, limit=PAGE)
        if not self.last_kinds:
            return due, after
        first = [t for t in due if t.kind not in self.last_kinds]
        if first:
            return first, after if len(first) == len(due) else None
        if len(due) == PAGE:
            first = await timers.due(now, limit=PAGE, kinds=self.first_kinds)
            if first:
                return first, None
        return sorted(due, key=lambda t: _place(t, now)), after

    async def _fire(
        self, conn: Any, timer: Timer, now: datetime, isolated: bool
    ) -> list[Outgoing] | None:
        """Fire one timer inside the batch's transaction; its messages are queued. None if
        it was not this tick's to fire (done already, or being fired by another worker).

        Not ``isolated``, a failing handler raises :class:`_HandlerFailed` (the caller rolls
        the batch back and fires it again isolated): a savepoint per timer would cost two
        statements each time for the rare one that fails. ``isolated``, the handler runs in
        a savepoint and a failure undoes its writes only (logged; the timer stays done)."""
        if not await self.store.timers.done(timer.id):
            return None
        handler = self.handlers.get(timer.kind)
        if handler is None:
            log.warning("no handler for timer kind=%s id=%s", timer.kind, timer.id)
            return []
        ctx = Context(config=self.config, store=self.store, now=now)
        if not isolated:
            try:
                outs = await handler(timer, ctx)
            except StorageError:
                raise
            except Exception as exc:
                raise _HandlerFailed from exc
            return await self._queue(outs, now)
        await conn.execute("SAVEPOINT timer")
        try:
            outs = await handler(timer, ctx)
            await conn.execute("RELEASE timer")
        except StorageError:
            raise
        except Exception:
            log.exception("timer failed kind=%s id=%s", timer.kind, timer.id)
            await conn.execute("ROLLBACK TO timer")
            self.store.db.rolled_back()
            await conn.execute("RELEASE timer")
            outs = []
        return await self._queue(outs, now)

    async def _queue(self, outs: list[Outgoing], now: datetime) -> list[Outgoing]:
        if outs:  # many timers queue nothing themselves
            outs = privacy.for_delivery(outs, self.config)
            await self.store.outbox.add(outs, now)
        return outs


class _HandlerFailed(Exception):
    """A timer handler raised in a batch fired without a savepoint per timer."""


def _place(timer: Timer, now: datetime) -> tuple[datetime, float, float, int]:
    """Where a timer of the kinds that fire last goes among those due: by due time, then in
    the order they were queued. A queued one says when and by what (payload "order": the
    time it was queued, and the due time and id of the timer that queued it, if any); one
    that does not say (a reminder) counts as queued now, by itself."""
    order = timer.payload.get("order")
    if isinstance(order, list) and len(order) == 3:
        return timer.due_at, float(order[0]), float(order[1]), int(order[2])
    return timer.due_at, now.timestamp(), timer.due_at.timestamp(), timer.id


async def run_periodically(
    tick: Callable[[datetime], Awaitable[object]], every: timedelta = TICK_EVERY
) -> object:
    """Start an APScheduler job calling ``tick(now)``; returns the scheduler (call shutdown)."""
    from apscheduler.schedulers.asyncio import AsyncIOScheduler
    from apscheduler.triggers.interval import IntervalTrigger

    async def job() -> None:
        try:
            await tick(datetime.now(UTC))
        except StorageError:
            log.exception("tick failed; will retry on the next tick")

    scheduler = AsyncIOScheduler(timezone=UTC)
    scheduler.add_job(
        job,
        IntervalTrigger(seconds=every.total_seconds()),
        id="linli-tick",
        max_instances=1,
        coalesce=True,
        next_run_time=datetime.now(UTC),
    )
    scheduler.start()
    return scheduler
