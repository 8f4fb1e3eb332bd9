"""Ending a person's console sessions for good, though the sessions live in signed cookies.

A signed cookie stays valid until it expires wherever a copy of it is kept (another browser,
a copied cookie file), and 退出 only clears the browser's own copy. So each staff member has a
session *generation* in the database: a sign-in records the current one in the cookie, 退出
moves it on, and the guard accepts a cookie only while its generation is the current one —
退出 ends every session of that person, on every device.
"""

from __future__ import annotations

from typing import Any

from storage import Store

GENERATION_KEY = "web.session_generation:"
SESSION_FIELD = "gen"


async def generation(store: Store, user: str) -> int:
    raw = await store.kv.get(GENERATION_KEY + user)
    return int(raw) if raw and raw.isascii() and raw.isdigit() else 0


async def is_current(store: Store, session: dict[str, Any], user: str) -> bool:
    """Whether ``session`` (signed in as ``user``) was started after their last 退出."""
    given = session.get(SESSION_FIELD)
    return isinstance(given, int) and given == await generation(store, user)


async def end_all(store: Store, user: str) -> None:
    """End every session of ``user``: cookies signed before now are refused from now on."""
    async with store.transaction():
        current = await generation(store, user)
        await store.kv.set(GENERATION_KEY + user, str(current + 1))
