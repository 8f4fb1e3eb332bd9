"""Outbox: replies are stored in the same transaction as the change that caused them, then
sent by the platform adapters and marked sent only once the platform accepted them.

A row is claimed (``pending`` -> ``sending``, ``claimed_at`` = now) in its own commit before
the platform call, and marked ``sent`` in the commit right after it returns. A process killed
between the platform accepting a message and that commit sends it again after the restart
(:meth:`OutboxRepo.release_claims`): at-least-once delivery, at most one duplicate per message
per kill. Each claim also logs the attempt (``send_log``, kept an hour): the send history the
rate limiter reads back after a restart (:meth:`OutboxRepo.recent_sends`).

Several workers on one PostgreSQL database (issue 19): a claim also names its worker
(``claimed_by``) and lapses (``claimed_until``, :data:`CLAIM_LEASE` later). The row is taken
with ``FOR UPDATE SKIP LOCKED``, so two workers never claim it both; a row whose claim lapsed
(its worker died between the platform call and the mark) is due again and is sent again by
whichever worker serves its chat. A worker restarting under its name takes back its own
claims at once (:meth:`OutboxRepo.release_claims`): no other live process has that name
(:mod:`storage.workers`). On SQLite (one process) nothing of this is needed and the claim
stays one cheap statement."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from bot.model import Kind, Mention, Outgoing
from bot.records import quick_init
from storage.columns import json_text, to_time
from storage.db import Database, inserted_id, returning_id
from storage.memo import Memo
from storage.web_tokens import scrub_links

# How long send attempts are remembered (longer than any rate-limit window).
SEND_LOG_KEEP = timedelta(hours=1)
# Kinds sent before everything else waiting (higher first; unlisted kinds: 0). A community
# alert (a missing child) must not wait behind a morning's digests and reminders; the rate
# limits still apply to it.
PRIORITY = {Kind.COMMUNITY_ALERT: 10}
# How long a worker's claim on a row holds on a shared database: far longer than a platform
# call and the commit after it take, so a live worker never loses its claim; a dead one's
# rows go out again this much later at most.
CLAIM_LEASE = timedelta(minutes=2)


def priority_of(kind: Kind) -> int:
    return PRIORITY.get(kind, 0)


@quick_init
@dataclass(frozen=True, slots=True)
class Queued:
    """An outbox row waiting to be sent."""

    id: int
    message: Outgoing
    attempts: int
    created_at: float


@quick_init
@dataclass(frozen=True, slots=True)
class Sent:
    """A message the platform accepted: its outbox row, when, and (to remember what a reply
    to it refers to) the message and the platform's ids for it."""

    id: int
    at: datetime
    message: Outgoing | None = None
    platform_ids: tuple[str, ...] = ()


def _remembered(message: Outgoing, platform_ids: Iterable[str]) -> list[tuple[str, str, str]]:
    refs = message.refs()
    if not refs:
        return []
    text = _refs_text(refs)
    return [(message.chat, str(pid), text) for pid in platform_ids if pid]


def _scrubbed(sent: Iterable[Sent]) -> list[tuple[str, int]]:
    """The new text of each row in ``sent`` whose message holds a sign-in link."""
    return [
        (text, s.id)
        for s in sent
        if s.message is not None and (text := scrub_links(s.message.text)) is not None
    ]


def _refs_text(refs: dict[str, int | list[int]]) -> str:
    """``json.dumps(refs)``, written directly for the numbers ``Outgoing.refs`` holds (a
    sent message's refs are stored at every mark: json.dumps cost 1.2 µs of the 1.5)."""
    parts = []
    for key, value in refs.items():
        if type(value) is int or (type(value) is list and all(type(n) is int for n in value)):
            parts.append(f'"{key}": {value}')  # str() of an int or a list of ints is JSON
        else:
            return json.dumps(refs)
    return "{" + ", ".join(parts) + "}"


@dataclass(frozen=True, slots=True)
class Lane:
    """The rows one deliverer sends: a platform's, and when the platform has several
    accounts, only the chats routed to ``account`` (:mod:`storage.routes`); the platform's
    first account (``unrouted``) also sends to chats without a route."""

    platform: str
    account: str | None = None
    unrouted: bool = True


def _due_order(queued: Queued) -> tuple[int, int]:
    """The order of :meth:`OutboxRepo.due`: the highest priority first, then oldest first."""
    return (-priority_of(queued.message.kind), queued.id)


def _json_list(items: Sequence[Any]) -> str:
    """``items`` as a JSON array; most are empty, and encoding nothing costs a call."""
    return _encode(list(items)) if items else "[]"


_encode = json_text
_ADD = (
    "INSERT INTO outbox (created_at, platform, chat, kind, text, issue, request, event,"
    " alert, priority, mentions, fallback_chat, next_attempt_at, poll, polls, issues)"
    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
)
# The same, written as marking it sent at once would leave it (OutboxRepo.sent_when_queued).
_ADD_SENT = (
    "INSERT INTO outbox (created_at, platform, chat, kind, text, issue, request, event,"
    " alert, priority, mentions, fallback_chat, next_attempt_at, poll, polls, issues,"
    " status, sent_at, attempts) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?, 'sent', ?1, 1)"
)
# A message's mentions as stored: the same people are mentioned again and again (a head in
# each of their reminders); encoding costs 1.3 µs, finding the text a tenth of that.
_MENTIONS: Memo[tuple[Mention, ...], str] = Memo(
    lambda mentions: _json_list([[x.user, x.name] for x in mentions])
)


class OutboxRepo:
    def __init__(self, db: Database) -> None:
        self.db = db
        # Several processes share the database (PostgreSQL): claims carry a worker and a lease.
        self.shared = db.engine == "postgresql"
        self._add_sql = returning_id(_ADD, db.engine)
        # Every pending row, by id, while this process knows them all (see :meth:`due_all`);
        # None when it does not: before it has seen the outbox drained, after a rollback
        # (rows it noted may be undone) and after any change but queueing and marking sent.
        # Only one process writes a SQLite database, so nothing else changes the rows.
        self._pending: dict[int, Queued] | None = None
        # ``linli replay`` prints and marks sent every row it queues before its group
        # commits (bot/adapters/replay.py): with ``sent_when_queued`` set, a row queued inside
        # a group is written sent at once (what marking it would write) and kept here until
        # it is printed, instead of written pending and updated: the pending indexes are not
        # touched and an UPDATE per message is saved. See :meth:`_settle`.
        self.sent_when_queued = False
        self._unprinted: dict[int, Queued] = {}
        # After a rollback some unprinted rows may be gone: due_all looks which are left.
        self._recheck = False
        db.on_rollback.append(self._unknown)

    def _unknown(self) -> None:
        self._pending = None
        self._recheck = True

    async def _settle(self) -> None:
        """Before any change but queueing and marking sent (inside a transaction): rows
        written sent but not printed yet become the pending rows they stand for, and the
        pending rows are read back from then on."""
        self._pending = None
        if self._unprinted:
            await self.db.conn.executemany(
                "UPDATE outbox SET status = 'pending', sent_at = NULL, attempts = 0"
                " WHERE id = ? AND status = 'sent'",
                [(i,) for i in self._unprinted],
            )
            self._unprinted.clear()

    async def add(self, messages: list[Outgoing], now: datetime) -> list[int]:
        """Queue ``messages``; call inside a transaction. Returns their outbox ids in order."""
        ids = []
        ts = now.timestamp()
        sent = self.sent_when_queued and not self.shared and self.db.holds_group()
        sql = _ADD_SENT if sent else self._add_sql
        for m in messages:
            cur = await self.db.conn.execute(
                sql,
                (
                    ts,
                    m.platform,
                    m.chat,
                    str(m.kind),
                    m.text,
                    m.issue,
                    m.request,
                    m.event,
                    m.alert,
                    priority_of(m.kind),
                    _MENTIONS[m.mentions],
                    m.fallback_chat,
                    ts,
                    m.poll,
                    _json_list(m.polls),
                    _json_list(m.issues),
                ),
            )
            outbox_id = await inserted_id(cur, self.db.engine)
            assert outbox_id is not None
            ids.append(outbox_id)
            if sent:
                self._unprinted[outbox_id] = Queued(outbox_id, m, 0, ts)
            else:
                self._unprinted.pop(outbox_id, None)  # the id of a row rolled back
                if self._pending is not None:
                    self._pending[outbox_id] = Queued(outbox_id, m, 0, ts)
        return ids

    async def due_all(self, now: datetime, limit: int = 100) -> list[Queued]:
        """What ``due(None, now, limit)`` returns, without reading the rows back when this
        process knows every pending row (it queued them since it last saw the outbox
        drained, and nothing but marking them sent changed any): a replay's flush finds
        the messages just queued where they were queued. Not for a shared database.
        With the rows written sent but not printed yet (``sent_when_queued``), in the same
        order as if they were pending."""
        ts = now.timestamp()
        if self._pending is None:
            due = await self.due(None, now, limit)
            if not self.shared and len(due) < limit and await self.pending_count() == len(due):
                self._pending = {q.id: q for q in due}
        else:
            due = [q for q in self._pending.values() if q.created_at <= ts]
        if self._unprinted:
            if self._recheck:
                await self._recheck_unprinted()
            due += [q for q in self._unprinted.values() if q.created_at <= ts]
        if len(due) > 1:
            due.sort(key=_due_order)
        return due[:limit]

    async def _recheck_unprinted(self) -> None:
        """Forget the unprinted rows a rollback undid."""
        self._recheck = False
        ids = list(self._unprinted)
        left: set[int] = set()
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            async with self.db.conn.execute(
                f"SELECT id FROM outbox WHERE status = 'sent' AND id IN ({marks})", chunk
            ) as cur:
                left.update(r[0] for r in await cur.fetchall())
        for i in ids:
            if i not in left:
                del self._unprinted[i]

    async def due(
        self, platform: str | Lane | None, now: datetime, limit: int = 100
    ) -> list[Queued]:
        """Pending messages of ``platform`` (a :class:`Lane`: only its account's chats; None:
        every platform) whose next attempt is due: the highest priority first (community
        alerts), then oldest first. On a shared database, rows whose claim lapsed are due too."""
        args: tuple[object, ...]
        if isinstance(platform, Lane) and (platform.account is not None or self.shared):
            sql, args = self._lane_query(platform, now, limit)
        elif platform is not None:
            name = platform.platform if isinstance(platform, Lane) else platform
            sql = (
                "SELECT * FROM outbox WHERE status = 'pending' AND next_attempt_at <= ?"
                " AND platform = ? ORDER BY priority DESC, id LIMIT ?"
            )
            args = (now.timestamp(), name, limit)
        else:
            # The due rows through index outbox_due, then in id order: written as a plain
            # WHERE, the planner walks the whole table in id order instead (every sent row).
            sql = (
                "SELECT * FROM outbox WHERE id IN (SELECT id FROM outbox WHERE"
                " status = 'pending' AND next_attempt_at <= ?) ORDER BY priority DESC, id LIMIT ?"
            )
            args = (now.timestamp(), limit)
        async with self.db.conn.execute(sql, args) as cur:
            rows = await cur.fetchall()
        return [
            Queued(
                id=r["id"],
                message=Outgoing(
                    chat=r["chat"],
                    kind=Kind(r["kind"]),
                    text=r["text"],
                    issue=r["issue"],
                    request=r["request"],
                    event=r["event"],
                    issues=tuple(json.loads(r["issues"])),
                    alert=r["alert"],
                    mentions=tuple(Mention(u, n) for u, n in json.loads(r["mentions"])),
                    fallback_chat=r["fallback_chat"],
                    poll=r["poll"],
                    polls=tuple(json.loads(r["polls"])),
                ),
                attempts=r["attempts"],
                created_at=r["created_at"],
            )
            for r in rows
        ]

    def _lane_query(self, lane: Lane, now: datetime, limit: int) -> tuple[str, tuple[object, ...]]:
        ts = now.timestamp()
        where = "status = 'pending' AND next_attempt_at <= ?"
        args: list[object] = [ts]
        if self.shared:
            where = (
                f"(({where}) OR (status = 'sending'"
                " AND (claimed_until IS NULL OR claimed_until < ?)))"
            )
            args.append(ts)
        where += " AND platform = ?"
        args.append(lane.platform)
        if lane.account is not None:
            routed = "chat IN (SELECT chat FROM chat_routes WHERE account = ?)"
            if lane.unrouted:
                routed = f"({routed} OR chat NOT IN (SELECT chat FROM chat_routes))"
            where += f" AND {routed}"
            args.append(lane.account)
        args.append(limit)
        return f"SELECT * FROM outbox WHERE {where} ORDER BY priority DESC, id LIMIT ?", tuple(args)

    async def claim(
        self,
        outbox_id: int,
        now: datetime,
        sent: list[Sent] | None = None,
        *,
        worker: str | None = None,
    ) -> bool:
        """Take a pending row for sending and log the attempt (its own commit); False if it
        is not pending. ``sent``: rows sent since the last commit, marked sent in the same
        commit (one commit per message instead of two). On a shared database the claim is
        ``worker``'s until :data:`CLAIM_LEASE` from ``now``; a row being claimed by another
        worker is skipped, not waited for, and a row whose claim lapsed may be taken."""
        ts = now.timestamp()
        async with self.db.transaction() as conn:
            await self._settle()  # the rows change: due_all reads them back
            if sent:
                await self._mark(sent)
            if self.shared:
                cur = await conn.execute(
                    "UPDATE outbox SET status = 'sending', claimed_at = ?, claimed_by = ?,"
                    " claimed_until = ? WHERE id = (SELECT id FROM outbox WHERE id = ? AND"
                    " (status = 'pending' OR (status = 'sending' AND (claimed_until IS NULL"
                    " OR claimed_until < ?))) FOR UPDATE SKIP LOCKED)",
                    (ts, worker, ts + CLAIM_LEASE.total_seconds(), outbox_id, ts),
                )
            else:
                cur = await conn.execute(
                    "UPDATE outbox SET status = 'sending', claimed_at = ?"
                    " WHERE id = ? AND status = 'pending'",
                    (ts, outbox_id),
                )
            if cur.rowcount != 1:
                return False
            await conn.execute(
                "INSERT INTO send_log (platform, chat, at)"
                " SELECT platform, chat, ? FROM outbox WHERE id = ?",
                (ts, outbox_id),
            )
            await conn.execute(
                "DELETE FROM send_log WHERE platform = (SELECT platform FROM outbox WHERE id = ?)"
                " AND at < ?",
                (outbox_id, ts - SEND_LOG_KEEP.total_seconds()),
            )
        return True

    async def release_claims(self, platform: str, worker: str | None = None) -> int:
        """Put rows a dead process was sending back in the queue (call only while holding the
        database exclusively, at start-up); returns how many. Each may have reached the
        platform already: it will be sent again (at-least-once). On a shared database only
        ``worker``'s own claims are released (call while holding its name,
        :func:`storage.workers.hold_name`); other workers' claims wait for their lease."""
        async with self.db.transaction() as conn:
            await self._settle()  # the rows change: due_all reads them back
            if self.shared:
                cur = await conn.execute(
                    "UPDATE outbox SET status = 'pending' WHERE status = 'sending'"
                    " AND platform = ? AND claimed_by = ?",
                    (platform, worker),
                )
            else:
                cur = await conn.execute(
                    "UPDATE outbox SET status = 'pending' WHERE status = 'sending'"
                    " AND platform = ?",
                    (platform,),
                )
        return cur.rowcount

    async def recent_sends(self, platform: str, since: datetime) -> list[tuple[str, datetime]]:
        """(chat, time) of every attempt to send on ``platform`` since ``since`` (each may
        have reached the platform), oldest first: the history a rate limiter needs after a
        restart. Counting failed attempts too errs on the slow side."""
        async with self.db.conn.execute(
            "SELECT chat, at FROM send_log WHERE platform = ? AND at >= ? ORDER BY at, id",
            (platform, since.timestamp()),
        ) as cur:
            rows = await cur.fetchall()
        return [(r["chat"], to_time(r["at"])) for r in rows]

    async def mark_sent(
        self, outbox_id: int, now: datetime, message: Outgoing | None = None
    ) -> None:
        await self.mark_sent_many([Sent(outbox_id, now, message)])

    async def mark_sent_many(self, sent: list[Sent]) -> None:
        """Mark rows sent and remember their platform ids, in one commit (a commit per
        message costs more than the rest of delivering it)."""
        if sent:
            async with self.db.transaction():
                await self._mark(sent)

    async def mark_sent_in_group(self, sent: list[Sent]) -> None:
        """:meth:`mark_sent_many` for a caller inside a group commit of its own
        (:meth:`storage.db.Database.group`) that gives up the whole group if this fails
        (``linli replay``: its script redoes it): the marks need no savepoint of their own
        in the group's transaction, which saves two statements and a transaction's
        bookkeeping per flush. Outside such a group, exactly :meth:`mark_sent_many`."""
        if sent and self.db.holds_group():
            await self._mark(sent)
        else:
            await self.mark_sent_many(sent)

    async def _mark(self, sent: list[Sent]) -> None:
        conn = self.db.conn
        marks = []
        for s in sent:
            at = s.at.timestamp()
            written = self._unprinted.pop(s.id, None) if self._unprinted else None
            if written is None:
                marks.append((at, s.id))
            elif written.created_at != at:  # written sent when queued, printed later
                await conn.execute("UPDATE outbox SET sent_at = ? WHERE id = ?", (at, s.id))
        if marks:
            await conn.executemany(
                "UPDATE outbox SET status = 'sent', sent_at = ?, attempts = attempts + 1"
                " WHERE id = ?",
                marks,
            )
        if self._pending is not None:
            for s in sent:
                self._pending.pop(s.id, None)
        scrubbed = _scrubbed(sent)
        if scrubbed:
            await conn.executemany("UPDATE outbox SET text = ? WHERE id = ?", scrubbed)
        rows = [
            row
            for s in sent
            if s.message is not None
            for row in _remembered(s.message, s.platform_ids)
        ]
        if rows:
            await conn.executemany(
                "INSERT INTO sent_messages (chat, message_id, refs) VALUES (?, ?, ?)"
                " ON CONFLICT (chat, message_id) DO UPDATE SET refs = excluded.refs",
                rows,
            )

    async def remember_sent(self, message: Outgoing, platform_ids: Iterable[str]) -> None:
        """Keep which numbers the platform messages ``platform_ids`` (one outgoing message may
        be split into several) carried, so that a reply to one of them refers to those."""
        rows = _remembered(message, platform_ids)
        if rows:
            async with self.db.transaction() as conn:
                await conn.executemany(
                    "INSERT INTO sent_messages (chat, message_id, refs) VALUES (?, ?, ?)"
                    " ON CONFLICT (chat, message_id) DO UPDATE SET refs = excluded.refs",
                    rows,
                )

    async def refs_of(self, chat: str, message_id: str) -> dict[str, Any]:
        """The numbers the bot's message ``message_id`` in ``chat`` was about ({} if none or
        not the bot's)."""
        async with self.db.conn.execute(
            "SELECT refs FROM sent_messages WHERE chat = ? AND message_id = ?", (chat, message_id)
        ) as cur:
            row = await cur.fetchone()
        return dict(json.loads(row["refs"])) if row else {}

    async def retry_later(self, outbox_id: int, at: datetime, error: str) -> None:
        async with self.db.transaction() as conn:
            await self._settle()  # the rows change: due_all reads them back
            await conn.execute(
                "UPDATE outbox SET status = 'pending', attempts = attempts + 1,"
                " next_attempt_at = ?, error = ? WHERE id = ?",
                (at.timestamp(), error[:500], outbox_id),
            )

    async def retry_now(self, platform: str, now: datetime) -> None:
        """Make every pending message of ``platform`` due at ``now`` (its own transaction)."""
        async with self.db.transaction() as conn:
            await self._settle()  # the rows change: due_all reads them back
            await conn.execute(
                "UPDATE outbox SET next_attempt_at = ? WHERE status = 'pending' AND platform = ?"
                " AND next_attempt_at > ?",
                (now.timestamp(), platform, now.timestamp()),
            )

    async def give_up(self, outbox_id: int, error: str, message: Outgoing | None = None) -> None:
        """Mark a row failed; a sign-in link in ``message`` (its text) is scrubbed from it."""
        async with self.db.transaction() as conn:
            await self._settle()  # the rows change: due_all reads them back
            await conn.execute(
                "UPDATE outbox SET status = 'failed', attempts = attempts + 1, error = ?"
                " WHERE id = ?",
                (error[:500], outbox_id),
            )
            if message is not None:
                await conn.executemany(
                    "UPDATE outbox SET text = ? WHERE id = ?",
                    _scrubbed([Sent(outbox_id, datetime.min, message)]),
                )

    async def pending_count(self, platform: str | None = None) -> int:
        sql = "SELECT count(*) FROM outbox WHERE status = 'pending'"
        args: tuple[str, ...] = ()
        if platform:
            sql += " AND platform = ?"
            args = (platform,)
        async with self.db.conn.execute(sql, args) as cur:
            row = await cur.fetchone()
        return int(row[0]) if row else 0

    async def forget_person(self, user: str, secrets: tuple[str, ...]) -> None:
        """Delete what was sent to ``user`` privately, drop their mentions and blank
        ``secrets`` (their shared contact, their name) in anything already sent to others
        (inside a transaction)."""
        await self._settle()  # the rows change: due_all reads them back
        await self.db.conn.execute(
            "DELETE FROM outbox WHERE chat = ? AND status != 'pending'", (user,)
        )
        await self.db.conn.execute(
            "UPDATE outbox SET mentions = '[]' WHERE status != 'pending' AND instr(mentions, ?) > 0",
            (json.dumps(user),),
        )
        for secret in secrets:
            if secret:
                await self.db.conn.execute(
                    "UPDATE outbox SET text = replace(text, ?, '（已删除）')"
                    " WHERE status != 'pending' AND instr(text, ?) > 0",
                    (secret, secret),
                )

    async def rewrite(
        self,
        *,
        requests: list[int],
        issues: list[int],
        except_chat: str,
        scrub: Callable[[str], str],
    ) -> int:
        """Apply ``scrub`` to the text of every message about ``requests`` or ``issues`` sent
        (or still to be sent) to anyone but ``except_chat``; inside a transaction. Returns how
        many rows changed."""
        await self._settle()  # the rows change: due_all reads them back
        changed = 0
        for column, numbers in (("request", requests), ("issue", issues)):
            for start in range(0, len(numbers), 500):
                chunk = numbers[start : start + 500]
                marks = ",".join("?" * len(chunk))
                async with self.db.conn.execute(
                    f"SELECT id, text FROM outbox WHERE {column} IN ({marks}) AND chat != ?",
                    (*chunk, except_chat),
                ) as cur:
                    rows = await cur.fetchall()
                for row in rows:
                    text = scrub(row["text"])
                    if text != row["text"]:
                        await self.db.conn.execute(
                            "UPDATE outbox SET text = ? WHERE id = ?", (text, row["id"])
                        )
                        changed += 1
        return changed
