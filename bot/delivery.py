"""Delivery: send what the outbox holds through a platform, within its rate limits.

Platform adapters implement :class:`Sender` (one ``send`` call per message, raising the
errors below); :class:`Deliverer` does the rest for every platform alike:

- order per chat is kept: a message deferred for a chat holds back the later ones for it;
- per-chat limits (minimum gap and a sliding window, e.g. 20 per minute in a group) and an
  overall per-second limit; one chat at its limit does not block the others;
- ``RetryLater`` (Telegram 429 ``retry_after``) is honoured; other transient errors are
  retried with exponential backoff and jitter; nothing is dropped;
- ``Unreachable`` (a head who never opened a private chat with the bot) posts a notice to the
  message's ``fallback_chat`` instead; ``PermanentFailure`` (bot removed from the group) is
  given up on, logged, and the community office told (once an hour per chat).

Across restarts: each row is claimed (a commit) before the platform call and marked sent
in the commit right after it, so the only duplicate a kill can cause is the one message
between a successful call and that commit (at-least-once). The first pass of a Deliverer
reads back the claim times of the last minute's sends into its rate limiter, then puts rows
a dead process was sending back in the queue: limits hold across restarts.

Several accounts of one platform (:mod:`bot.workers`) each have a Deliverer for their own
chats (its ``lane``). On a shared database (several workers), each claim names the account
(``claimer``) and lapses; see :mod:`storage.outbox`.

The clock is injected so tests run on virtual time (call :meth:`Deliverer.deliver_due`).
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections import defaultdict, deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Protocol

from bot.model import Kind, Mention, Outgoing
from bot.privacy import mask
from storage import StorageError, Store
from storage.outbox import Lane, Sent

log = logging.getLogger(__name__)

# Capped low: a reply (maybe about a fire) should not wait minutes after the platform is back;
# one attempt per minute per waiting chat is no load for it.
MAX_BACKOFF = timedelta(seconds=60)
BATCH = 200
# A chat the bot was removed from fails every message sent to it: tell the office once.
REPORT_EVERY = timedelta(hours=1)
# Every this many sends, the rate limiter forgets chats whose sends no longer count, so its
# memory is bounded by the chats written to recently, not by every chat ever written to.
PRUNE_EVERY = 1000


class SendError(Exception):
    """A send failed for a reason that may pass (network, 5xx): retry with backoff."""


class RetryLater(SendError):
    """The platform asked us to wait (HTTP 429 ``retry_after``)."""

    def __init__(self, seconds: float, message: str = "") -> None:
        super().__init__(message or f"retry after {seconds}s")
        self.seconds = seconds


class Unreachable(SendError):
    """The person cannot be messaged privately (never started the bot, not a friend)."""


class PermanentFailure(SendError):
    """The send can never succeed (bot removed from the group, chat deleted)."""


class Sender(Protocol):
    platform: str

    async def send(self, message: Outgoing) -> Sequence[str] | None:
        """Deliver one message; raise a :class:`SendError` subclass on failure. Returns the
        platform ids of the messages posted, when known (a reply to one of them then refers to
        the issue, event or request the message was about)."""


@dataclass(frozen=True, slots=True)
class RateLimits:
    """Limits for one platform: a minimum gap between two messages to one chat, a sliding
    window ``(count, period)`` per group chat (e.g. Telegram's 20 per minute in a group; it does
    not apply to private chats) and an overall per-second limit."""

    per_chat_min_gap: timedelta = timedelta(seconds=1)
    group_window: tuple[int, timedelta] = (20, timedelta(minutes=1))
    overall_per_second: int = 30


class RateLimiter:
    """Sliding-window bookkeeping of sends; pure (times are passed in)."""

    def __init__(self, limits: RateLimits) -> None:
        self.limits = limits
        self._per_chat: dict[str, deque[datetime]] = defaultdict(deque)
        self._overall: deque[datetime] = deque()
        self._blocked_until: dict[str, datetime] = {}
        self._records = 0

    def next_allowed(self, chat: str, now: datetime) -> datetime:
        """The earliest time a message to ``chat`` may go (``now`` if it may go now)."""
        at = now
        blocked = self._blocked_until.get(chat)
        if blocked and blocked > at:
            at = blocked
        sent = self._per_chat.get(chat)
        if sent:
            at = max(at, sent[-1] + self.limits.per_chat_min_gap)
            count, period = self.limits.group_window
            while sent and sent[0] <= now - period:
                sent.popleft()
            if len(sent) >= count and is_group(chat):
                at = max(at, sent[-count] + period)
        while self._overall and self._overall[0] <= now - timedelta(seconds=1):
            self._overall.popleft()
        if len(self._overall) >= self.limits.overall_per_second:
            at = max(at, self._overall[-self.limits.overall_per_second] + timedelta(seconds=1))
        return at

    def record(self, chat: str, at: datetime) -> None:
        self._records += 1
        if self._records % PRUNE_EVERY == 0:
            self._prune(at)
        self._per_chat[chat].append(at)
        self._overall.append(at)

    def _prune(self, now: datetime) -> None:
        """Forget sends and blocks that can no longer delay a message at ``now`` or later."""
        horizon = now - max(self.limits.group_window[1], self.limits.per_chat_min_gap)
        stale = [c for c, sent in self._per_chat.items() if not sent or sent[-1] <= horizon]
        for chat in stale:
            del self._per_chat[chat]
        over = [c for c, until in self._blocked_until.items() if until <= now]
        for chat in over:
            del self._blocked_until[chat]

    def clear_blocks(self) -> None:
        """Forget every wait imposed by failures (the platform is reachable again)."""
        self._blocked_until.clear()

    def block(self, chat: str, until: datetime) -> None:
        self._blocked_until[chat] = max(until, self._blocked_until.get(chat, until))


def is_group(chat: str) -> bool:
    """Whether a platform chat id names a group (Telegram groups have negative ids, WeChat
    rooms end in ``@chatroom``); private chats with people are exempt from the group window."""
    return chat.startswith("telegram:-") or chat.endswith("@chatroom")


def backoff(attempts: int, rng: random.Random) -> timedelta:
    """Exponential backoff with full jitter: up to 2**attempts seconds, capped."""
    ceiling = min(MAX_BACKOFF.total_seconds(), 2.0 ** max(attempts, 0))
    return timedelta(seconds=max(0.5, rng.uniform(ceiling / 2, ceiling)))


class Deliverer:
    """Sends one platform's pending outbox messages; run :meth:`run` as a task."""

    def __init__(
        self,
        store: Store,
        sender: Sender,
        limits: RateLimits,
        *,
        office_chat: str | None = None,
        clock: Callable[[], datetime] | None = None,
        rng: random.Random | None = None,
        idle: float = 0.5,
        lane: Lane | None = None,
        claimer: str | None = None,
    ) -> None:
        self.store = store
        self.sender = sender
        # Which rows this deliverer sends (default: every row of the sender's platform) and
        # the name its claims carry on a shared database.
        self.lane = lane or Lane(sender.platform)
        self.claimer = claimer or sender.platform
        self.limiter = RateLimiter(limits)
        self.office_chat = office_chat
        self.clock = clock or (lambda: datetime.now(UTC))
        self.rng = rng or random.Random()
        self.idle = idle
        self.sent = 0
        self._wake = asyncio.Event()
        self._reported: dict[str, datetime] = {}
        self._restored = False
        # Sent but not yet marked: marked in the commit of the next claim or at the end of
        # the pass, so a message costs one commit, and still at most the last one sent is
        # unmarked when the process dies (sent again after the restart).
        self._unmarked: list[Sent] = []

    def wake(self) -> None:
        """Tell the loop new messages were queued."""
        self._wake.set()

    async def retry_now(self) -> None:
        """The platform is back (e.g. the WeChat gateway reconnected): what waits in backoff
        goes now instead of after its grown delay."""
        self.limiter.clear_blocks()
        await self.store.outbox.retry_now(self.sender.platform, self.clock())
        self.wake()

    async def restore(self) -> None:
        """Start where a previous process stopped: its recent sends count against the rate
        limits, and what it was sending when it died is queued again."""
        platform = self.sender.platform
        now = self.clock()
        window = max(self.limiter.limits.group_window[1], self.limiter.limits.per_chat_min_gap)
        history = await self.store.outbox.recent_sends(platform, now - window)
        released = await self.store.outbox.release_claims(platform, self.claimer)
        # Only once both succeeded (a database fault makes the next pass try again).
        for chat, at in history:
            self.limiter.record(chat, at)
        self._restored = True
        if released:
            log.warning(
                "resending messages whose sending was interrupted platform=%s count=%s",
                platform,
                released,
            )

    async def deliver_due(self) -> datetime | None:
        """Send what may go now; returns when the next deferred message could go (or None)."""
        if not self._restored:
            await self.restore()
        now = self.clock()
        queued = await self.store.outbox.due(self.lane, now, limit=BATCH)
        held: set[str] = set()
        earliest: datetime | None = None
        for item in queued:
            chat = item.message.chat
            if chat in held:
                continue
            now = self.clock()
            allowed = self.limiter.next_allowed(chat, now)
            if allowed > now:
                held.add(chat)
                earliest = allowed if earliest is None else min(earliest, allowed)
                continue
            await self._send_one(item.id, item.message, item.attempts, now, held)
        await self._mark_sent()
        return earliest

    async def _mark_sent(self) -> None:
        # If this commit fails the rows stay 'sending': not sent again by this process,
        # sent again once after a restart.
        unmarked, self._unmarked = self._unmarked, []
        await self.store.outbox.mark_sent_many(unmarked)

    async def _send_one(
        self, outbox_id: int, message: Outgoing, attempts: int, now: datetime, held: set[str]
    ) -> None:
        chat = message.chat
        unmarked, self._unmarked = self._unmarked, []
        if not await self.store.outbox.claim(outbox_id, now, sent=unmarked, worker=self.claimer):
            return  # not pending any more (given up or sent meanwhile)
        try:
            platform_ids = await self.sender.send(message)
        except RetryLater as exc:
            until = now + timedelta(seconds=max(exc.seconds, 0.0))
            self.limiter.block(chat, until)
            held.add(chat)
            log.warning("platform asked to wait chat=%s seconds=%s", chat, exc.seconds)
            await self.store.outbox.retry_later(outbox_id, until, str(exc))
            return
        except Unreachable as exc:
            log.warning("cannot reach chat=%s kind=%s: %s", chat, message.kind, exc)
            await self._fallback(outbox_id, message, now, str(exc))
            return
        except PermanentFailure as exc:
            log.error("giving up on message chat=%s kind=%s: %s", chat, message.kind, exc)
            await self._give_up(outbox_id, message, now, str(exc))
            return
        except SendError as exc:
            delay = backoff(attempts + 1, self.rng)
            held.add(chat)
            self.limiter.block(chat, now + delay)
            log.warning(
                "send failed, will retry chat=%s in=%.1fs: %s", chat, delay.total_seconds(), exc
            )
            await self.store.outbox.retry_later(outbox_id, now + delay, str(exc))
            return
        self.limiter.record(chat, now)
        self.sent += 1
        # The duplicate window is the time until the next claim or the end of the pass.
        self._unmarked.append(Sent(outbox_id, self.clock(), message, tuple(platform_ids or ())))

    async def _fallback(self, outbox_id: int, message: Outgoing, now: datetime, why: str) -> None:
        await self.store.outbox.give_up(outbox_id, f"unreachable: {why}", message)
        if not message.fallback_chat:
            return
        name = message.mentions[0].name if message.mentions else "您"
        notice = Outgoing(
            chat=message.fallback_chat,
            kind=message.kind,
            # The notice goes to a group: mask contact details the private text may hold.
            text=(
                f"@{name} 我无法私信您，请先私聊我一次（发送 /start），"
                f"以后提醒会私下发给您。\n{mask(message.text)}"
            ),
            issue=message.issue,
            request=message.request,
            event=message.event,
            issues=message.issues,
            alert=message.alert,
            mentions=(Mention(message.chat, name),),
        )
        async with self.store.transaction():
            await self.store.outbox.add([notice], now)

    async def _give_up(self, outbox_id: int, message: Outgoing, now: datetime, why: str) -> None:
        await self.store.outbox.give_up(outbox_id, why, message)
        last = self._reported.get(message.chat)
        if last is not None and now - last < REPORT_EVERY:
            return
        if len(self._reported) >= PRUNE_EVERY:  # reports older than REPORT_EVERY hold nothing back
            self._reported = {c: t for c, t in self._reported.items() if now - t < REPORT_EVERY}
        self._reported[message.chat] = now
        if self.office_chat and message.chat != self.office_chat:
            notice = Outgoing(
                self.office_chat,
                Kind.ERROR,
                f"提醒管理员：发往 {message.chat} 的消息无法送达（{why[:80]}），请检查机器人是否仍在该群。",
            )
            async with self.store.transaction():
                await self.store.outbox.add([notice], now)

    async def run(self, stop: asyncio.Event) -> None:
        """Deliver until ``stop`` is set; database faults are logged and retried."""
        while not stop.is_set():
            try:
                earliest = await self.deliver_due()
            except StorageError:
                log.exception("outbox unavailable platform=%s; retrying", self.sender.platform)
                earliest = None
            wait = self.idle
            if earliest is not None:
                wait = min(wait, max(0.0, (earliest - self.clock()).total_seconds()))
            self._wake.clear()
            try:
                await asyncio.wait_for(self._wake.wait(), timeout=max(wait, 0.01))
            except TimeoutError:
                pass
