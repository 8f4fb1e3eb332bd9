"""Inbox: every incoming message is stored before it is handled (keyed by chat + message id)."""

from __future__ import annotations

from bot.model import Incoming
from storage.columns import to_time
from storage.db import Database, inserted_id, returning_id

_ADD = (
    "INSERT INTO inbox"
    " (chat, message_id, sender, sender_name, text, at, private, status, reply_to,"
    " member_left) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    " ON CONFLICT DO NOTHING"
)


class InboxRepo:
    def __init__(self, db: Database) -> None:
        self.db = db
        self._add_sql = returning_id(_ADD, db.engine)

    async def store(self, msg: Incoming) -> int | None:
        """Store ``msg`` (its own commit); returns its inbox id, or None if it was stored
        before (redelivery)."""
        async with self.db.transaction():
            return await self.add(msg)

    async def add(self, msg: Incoming, *, handled: bool = False) -> int | None:
        """:meth:`store` inside the caller's transaction. ``handled``: store it already
        claimed, for a caller that handles it in the same transaction (one write fewer)."""
        cur = await self.db.conn.execute(
            self._add_sql,
            (
                msg.chat,
                msg.message_id,
                msg.sender,
                msg.sender_name,
                msg.text,
                msg.at.timestamp(),
                int(msg.private),
                "handled" if handled else "pending",
                msg.reply_to,
                int(msg.member_left),
            ),
        )
        return await inserted_id(cur, self.db.engine)

    async def unclaim(self, inbox_id: int) -> None:
        """Mark the message pending again (its handling was rolled back)."""
        await self.db.conn.execute("UPDATE inbox SET status = 'pending' WHERE id = ?", (inbox_id,))

    async def claim(self, inbox_id: int) -> bool:
        """Mark the message handled inside the transaction that applies its effects.

        False if it was handled already (by a recovery pass): the caller must then do nothing.
        The mark is rolled back with everything else if the transaction fails.
        """
        cur = await self.db.conn.execute(
            "UPDATE inbox SET status = 'handled' WHERE id = ? AND status = 'pending'", (inbox_id,)
        )
        return cur.rowcount == 1

    async def pending(self) -> list[tuple[int, Incoming]]:
        """Messages stored but not handled (a crash or a database fault interrupted them)."""
        async with self.db.conn.execute(
            "SELECT id, chat, message_id, sender, sender_name, text, at, private, reply_to,"
            " member_left FROM inbox"
            " WHERE status = 'pending' ORDER BY id"
        ) as cur:
            rows = await cur.fetchall()
        return [
            (
                r["id"],
                Incoming(
                    chat=r["chat"],
                    sender=r["sender"],
                    sender_name=r["sender_name"],
                    text=r["text"],
                    at=to_time(r["at"]),
                    message_id=r["message_id"],
                    private=bool(r["private"]),
                    reply_to=r["reply_to"],
                    member_left=bool(r["member_left"]),
                ),
            )
            for r in rows
        ]

    async def find(self, chat: str, message_id: str) -> Incoming | None:
        """The stored message ``message_id`` of ``chat`` (what a reply refers to), or None."""
        async with self.db.conn.execute(
            "SELECT chat, message_id, sender, sender_name, text, at, private FROM inbox"
            " WHERE chat = ? AND message_id = ?",
            (chat, message_id),
        ) as cur:
            r = await cur.fetchone()
        if r is None:
            return None
        return Incoming(
            chat=r["chat"],
            sender=r["sender"],
            sender_name=r["sender_name"],
            text=r["text"],
            at=to_time(r["at"]),
            message_id=r["message_id"],
            private=bool(r["private"]),
        )

    async def count(self) -> int:
        async with self.db.conn.execute("SELECT count(*) FROM inbox") as cur:
            row = await cur.fetchone()
        return int(row[0]) if row else 0

    async def forget_sender(self, user: str) -> None:
        """Blank the text and name of what ``user`` wrote (inside a transaction). The rows stay,
        as the keys that recognise a redelivered message, but say nothing of the person."""
        await self.db.conn.execute(
            "UPDATE inbox SET text = '', sender_name = '' WHERE sender = ? AND status = 'handled'",
            (user,),
        )
