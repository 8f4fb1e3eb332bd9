"""One-time sign-in links for the office web console: stored hashed, used once, expiring."""

from __future__ import annotations

import hashlib
import re
from datetime import datetime

from storage.db import Database

# Where the console signs in; a link is ``<base>/login?token=<token>``.
SIGN_IN_PATH = "/login"
# A sign-in link as the bot writes it (the token is URL-safe base64, left as is by quote()).
SIGN_IN_LINK = re.compile(re.escape(SIGN_IN_PATH) + r"\?token=([A-Za-z0-9_-]{16,200})")
# What a delivered link's token becomes in the outbox row.
SCRUBBED = "（已隐去）"


def scrub_links(text: str) -> str | None:
    """``text`` with the token of every sign-in link in it hidden, or None when it holds none.

    A link is kept in the outbox only until the platform accepts it (or it is given up): a
    copy of the database (a backup, a support dump) must not sign anyone in."""
    if SIGN_IN_PATH not in text:
        return None
    scrubbed = SIGN_IN_LINK.sub(SIGN_IN_PATH + "?token=" + SCRUBBED, text)
    return scrubbed if scrubbed != text else None


def token_hash(token: str) -> str:
    """What is stored for ``token`` (SHA-256; the token itself carries 256 random bits, so no
    salt or slow hash is needed to keep a copy of the database from yielding a sign-in)."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class WebTokenRepo:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def add(self, token: str, user: str, now: datetime, expires_at: datetime) -> None:
        """Record a new sign-in token for ``user``; inside a transaction. Expired tokens are
        dropped on the way (they can never be used again)."""
        await self.db.conn.execute(
            "DELETE FROM web_tokens WHERE expires_at < ?", (now.timestamp(),)
        )
        await self.db.conn.execute(
            "INSERT INTO web_tokens (token_hash, user_id, created_at, expires_at)"
            " VALUES (?, ?, ?, ?)",
            (token_hash(token), user, now.timestamp(), expires_at.timestamp()),
        )

    async def use(self, token: str, now: datetime) -> str | None:
        """Mark ``token`` used and return its user, or None when it is unknown, already used
        or expired at ``now``. Inside a transaction; the conditional update makes two
        concurrent uses of one token yield one sign-in."""
        key = token_hash(token)
        cur = await self.db.conn.execute(
            "UPDATE web_tokens SET used_at = ?"
            " WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?",
            (now.timestamp(), key, now.timestamp()),
        )
        if cur.rowcount != 1:
            return None
        async with self.db.conn.execute(
            "SELECT user_id FROM web_tokens WHERE token_hash = ?", (key,)
        ) as rows:
            row = await rows.fetchone()
        return str(row[0]) if row else None
