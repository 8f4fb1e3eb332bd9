"""Chat routes: which platform account sends to a chat when a platform has several.

A platform with several accounts (``[[telegram.accounts]]``) splits its chats between them:
a building's group chats go to the account the config gives that building, and so do the
private chats of the people the config names for it (heads: their first building); these
routes are written at every start (:meth:`RouteRepo.set_configured`). A person who writes to
an account privately is routed to that account from then on (:meth:`RouteRepo.learn`): it
is one they can be reached by. A chat without a route goes to the platform's first account. The outbox reads the routes
(:meth:`storage.outbox.OutboxRepo.due` with an account) so that each account's deliverer
sends only its own chats' messages.
"""

from __future__ import annotations

from collections.abc import Mapping

from storage.db import Database


class RouteRepo:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def set_configured(self, routes: Mapping[str, str]) -> None:
        """Make ``routes`` (chat -> account, from the config) the configured routes: add or
        change them, and drop configured routes of chats no longer listed. Learned routes are
        left as they are. Inside a transaction."""
        conn = self.db.conn
        async with conn.execute("SELECT chat FROM chat_routes WHERE learned = 0") as cur:
            old = {r["chat"] for r in await cur.fetchall()}
        gone = sorted(old - set(routes))
        if gone:
            await conn.executemany("DELETE FROM chat_routes WHERE chat = ?", [(c,) for c in gone])
        if routes:
            await conn.executemany(
                "INSERT INTO chat_routes (chat, account, learned) VALUES (?, ?, 0)"
                " ON CONFLICT (chat) DO UPDATE SET account = excluded.account"
                " WHERE chat_routes.learned = 0",
                sorted(routes.items()),
            )

    async def learn(self, chat: str, account: str) -> None:
        """A person wrote to ``account`` privately (``chat`` is their id): that account
        reaches them, whatever the config said. Inside a transaction; writes only when the
        route changes."""
        await self.db.conn.execute(
            "INSERT INTO chat_routes (chat, account, learned) VALUES (?, ?, 1)"
            " ON CONFLICT (chat) DO UPDATE SET account = excluded.account, learned = 1"
            " WHERE chat_routes.learned = 0 OR chat_routes.account != excluded.account",
            (chat, account),
        )

    async def account_of(self, chat: str) -> str | None:
        """The account routed to ``chat`` (None: the platform's first account)."""
        async with self.db.conn.execute(
            "SELECT account FROM chat_routes WHERE chat = ?", (chat,)
        ) as cur:
            row = await cur.fetchone()
        return str(row["account"]) if row else None
