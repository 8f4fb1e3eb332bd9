"""Help between neighbours: offers, help requests, candidates and consent questions.

Writes are called inside the caller's transaction (the dispatcher's or the scheduler's).
Accepting a request is a conditional UPDATE, so two accepts can never both win.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from storage.columns import to_time
from storage.db import Database
from storage.help_records import (
    FORGOTTEN,
    OPEN_REQUEST,
    Candidate,
    CandidateStatus,
    HelperCount,
    HelpRequest,
    Offer,
    PendingOffer,
    Profile,
    RequestStatus,
    json_list,
    offer_from_row,
    pending_offer_from_row,
    profile_from_row,
    request_from_row,
)
from storage.numbering import lock_numbers, next_number


class HelpRepo:
    def __init__(self, db: Database) -> None:
        self.db = db
        # help_words, loaded on first use: every word ever offered (removing an offer leaves
        # its words, which costs one empty lookup at most), bounded by the district's
        # vocabulary of skills. Words of a rolled-back offer may stay: as harmless.
        self._words: set[str] | None = None
        # Other workers on a shared database add offers too: there, the words are read anew.
        self._cache = db.engine != "postgresql"

    # -- offers ---------------------------------------------------------------------------

    async def add_offer(
        self,
        user: str,
        name: str,
        building: str | None,
        skills: tuple[str, ...],
        note: str | None,
        now: datetime,
        expires_at: datetime,
    ) -> Offer:
        cur = await self.db.conn.execute(
            "INSERT INTO help_offers (user, name, building, skills, note, created_at, expires_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
            (
                user,
                name,
                building,
                json_list(skills),
                note,
                now.timestamp(),
                expires_at.timestamp(),
            ),
        )
        offer_id = int((await cur.fetchone())[0])
        await self._index_words(offer_id, skills)
        return Offer(offer_id, user, name, building, skills, note, now, expires_at)

    async def _index_words(self, offer_id: int, skills: tuple[str, ...]) -> None:
        words = list(dict.fromkeys(skills))
        await self.db.conn.executemany(
            "INSERT INTO help_offer_words (word, offer) VALUES (?, ?) ON CONFLICT DO NOTHING",
            [(w, offer_id) for w in words],
        )
        if self._words is None or not self._cache or not self._words.issuperset(words):
            await self.db.conn.executemany(
                "INSERT INTO help_words (word) VALUES (?) ON CONFLICT DO NOTHING",
                [(w,) for w in words],
            )
            if self._words is not None:
                self._words.update(words)

    async def offer_words(self) -> set[str]:
        """Every skill word offered (maybe a few no active offer holds any more)."""
        if self._words is None or not self._cache:
            rows = await self._fetch("SELECT word FROM help_words", ())
            self._words = {r["word"] for r in rows}
        return self._words

    async def offer(self, offer_id: int) -> Offer | None:
        rows = await self._fetch(
            "SELECT * FROM help_offers WHERE id = ? AND status = 'active'", (offer_id,)
        )
        return offer_from_row(rows[0]) if rows else None

    async def offers_of(self, user: str, now: datetime) -> list[Offer]:
        rows = await self._fetch(
            "SELECT * FROM help_offers WHERE user = ? AND status = 'active' AND expires_at > ?"
            " ORDER BY id",
            (user, now.timestamp()),
        )
        return [offer_from_row(r) for r in rows]

    async def offers_near(self, building: str, users: list[str], now: datetime) -> list[Offer]:
        """Active offers of ``building``: made there, or by someone whose profile says they
        live there, or by one of ``users`` (the building's staff)."""
        marks = ",".join("?" * len(users))
        staff = f" UNION SELECT id FROM help_offers WHERE user IN ({marks})" if users else ""
        rows = await self._fetch(
            "SELECT * FROM help_offers WHERE status = 'active' AND expires_at > ? AND id IN ("
            "SELECT id FROM help_offers WHERE building = ? AND status = 'active'"
            " UNION SELECT o.id FROM help_profiles p JOIN help_offers o ON o.user = p.user"
            f" WHERE p.building = ?{staff}) ORDER BY id",
            (now.timestamp(), building, building, *users),
        )
        return [offer_from_row(r) for r in rows]

    async def offers_with_words(self, words: list[str], now: datetime) -> list[Offer]:
        """Active offers holding any of ``words``."""
        if not words:
            return []
        out: list[Offer] = []
        for start in range(0, len(words), 500):
            chunk = words[start : start + 500]
            marks = ",".join("?" * len(chunk))
            rows = await self._fetch(
                "SELECT * FROM help_offers WHERE status = 'active' AND expires_at > ? AND id IN"
                f" (SELECT offer FROM help_offer_words WHERE word IN ({marks})) ORDER BY id",
                (now.timestamp(), *chunk),
            )
            out.extend(offer_from_row(r) for r in rows)
        return sorted({o.id: o for o in out}.values(), key=lambda o: o.id)

    async def active_offers(self, now: datetime) -> list[Offer]:
        rows = await self._fetch(
            "SELECT * FROM help_offers WHERE status = 'active' AND expires_at > ? ORDER BY id",
            (now.timestamp(),),
        )
        return [offer_from_row(r) for r in rows]

    async def remove_offer(self, offer_id: int) -> None:
        await self.db.conn.execute(
            "UPDATE help_offers SET status = 'removed' WHERE id = ?", (offer_id,)
        )

    async def set_offer_skills(self, offer_id: int, skills: tuple[str, ...]) -> None:
        await self.db.conn.execute(
            "UPDATE help_offers SET skills = ? WHERE id = ?", (json_list(skills), offer_id)
        )
        await self.db.conn.execute("DELETE FROM help_offer_words WHERE offer = ?", (offer_id,))
        await self._index_words(offer_id, skills)

    async def renew_offer(self, offer_id: int, expires_at: datetime) -> None:
        await self.db.conn.execute(
            "UPDATE help_offers SET expires_at = ? WHERE id = ?", (expires_at.timestamp(), offer_id)
        )

    # -- profiles -------------------------------------------------------------------------

    async def profile(self, user: str) -> Profile | None:
        rows = await self._fetch("SELECT * FROM help_profiles WHERE user = ?", (user,))
        return profile_from_row(rows[0]) if rows else None

    async def profiles(self, users: list[str]) -> dict[str, Profile]:
        if not users:
            return {}
        marks = ",".join("?" * len(users))
        rows = await self._fetch(f"SELECT * FROM help_profiles WHERE user IN ({marks})", users)
        return {r["user"]: profile_from_row(r) for r in rows}

    async def touch_profile(self, user: str, name: str, building: str | None) -> None:
        """Create or refresh the person's profile (name, and building when known)."""
        await self.db.conn.execute(
            "INSERT INTO help_profiles (user, name, building) VALUES (?, ?, ?)"
            " ON CONFLICT (user) DO UPDATE SET name = excluded.name,"
            " building = coalesce(excluded.building, help_profiles.building)",
            (user, name, building),
        )

    async def set_contact(self, user: str, contact: str | None) -> None:
        await self.db.conn.execute(
            "UPDATE help_profiles SET contact = ? WHERE user = ?", (contact, user)
        )

    async def set_hidden(self, user: str, hidden: bool) -> None:
        await self.db.conn.execute(
            "UPDATE help_profiles SET hide_in_thanks = ? WHERE user = ?", (int(hidden), user)
        )

    async def set_prompt_declined(self, user: str, now: datetime) -> None:
        await self.db.conn.execute(
            "UPDATE help_profiles SET prompt_declined_at = ? WHERE user = ?",
            (now.timestamp(), user),
        )

    # -- consent questions ----------------------------------------------------------------

    async def pending_offer(self, user: str) -> PendingOffer | None:
        rows = await self._fetch("SELECT * FROM help_pending_offers WHERE user = ?", (user,))
        if not rows:
            return None
        return pending_offer_from_row(rows[0])

    async def set_pending_offer(self, p: PendingOffer) -> None:
        await self.db.conn.execute(
            "INSERT INTO help_pending_offers"
            " (user, name, building, skills, note, asked_at) VALUES (?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (user) DO UPDATE SET name = excluded.name,"
            " building = excluded.building, skills = excluded.skills, note = excluded.note,"
            " asked_at = excluded.asked_at",
            (p.user, p.name, p.building, json_list(p.skills), p.note, p.asked_at.timestamp()),
        )

    async def clear_pending_offer(self, user: str) -> None:
        await self.db.conn.execute("DELETE FROM help_pending_offers WHERE user = ?", (user,))

    # -- requests -------------------------------------------------------------------------

    async def create_request(
        self,
        requester: str,
        requester_name: str,
        building: str | None,
        chat: str,
        text: str,
        skills: tuple[str, ...],
        now: datetime,
    ) -> HelpRequest:
        ts = now.timestamp()
        await lock_numbers(self.db, "help_requests")
        cur = await self.db.conn.execute(
            "INSERT INTO help_requests (number, requester, requester_name, building, chat, text,"
            f" skills, status, created_at, updated_at) VALUES ({next_number('help_requests')},"
            " ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING number",
            (
                requester,
                requester_name,
                building,
                chat,
                text,
                json_list(skills),
                str(RequestStatus.SEARCHING),
                ts,
                ts,
            ),
        )
        request = await self.request(int((await cur.fetchone())[0]))
        assert request is not None
        return request

    async def request(self, number: int) -> HelpRequest | None:
        rows = await self._fetch("SELECT * FROM help_requests WHERE number = ?", (number,))
        return request_from_row(rows[0]) if rows else None

    async def requests_of(self, user: str) -> list[HelpRequest]:
        rows = await self._fetch(
            "SELECT * FROM help_requests WHERE requester = ? ORDER BY number", (user,)
        )
        return [request_from_row(r) for r in rows]

    async def set_request_status(
        self, number: int, status: RequestStatus, now: datetime, *, closed: bool = False
    ) -> None:
        await self.db.conn.execute(
            "UPDATE help_requests SET status = ?, updated_at = ?,"
            " closed_at = CASE WHEN ? = 1 THEN ? ELSE closed_at END WHERE number = ?",
            (str(status), now.timestamp(), int(closed), now.timestamp(), number),
        )

    async def claim(
        self, number: int, helper: str, name: str, building: str | None, now: datetime
    ) -> bool:
        """Make ``helper`` the helper if the request is still open; False if someone won first.

        One conditional UPDATE: whichever accept reaches the database second finds the
        status already changed and matches no row.
        """
        ts = now.timestamp()
        marks = ",".join("?" * len(OPEN_REQUEST))
        cur = await self.db.conn.execute(
            "UPDATE help_requests SET status = ?, helper = ?, helper_name = ?,"
            " helper_building = ?, connected_at = ?, updated_at = ?"
            f" WHERE number = ? AND status IN ({marks}) AND requester != ?",
            (
                str(RequestStatus.CONNECTED),
                helper,
                name,
                building,
                ts,
                ts,
                number,
                *(str(s) for s in OPEN_REQUEST),
                helper,
            ),
        )
        return cur.rowcount == 1

    async def completed_by_helper(self, since: datetime, until: datetime) -> list[HelperCount]:
        """Completed help closed in [since, until), per helper; the help of people who were
        forgotten counts as one hidden entry per building."""
        rows = await self._fetch(
            "SELECT r.helper, max(r.helper_name) AS name,"
            " coalesce(max(p.building), max(r.helper_building)) AS building,"
            " count(*) AS n, coalesce(max(p.hide_in_thanks), 0) AS hidden"
            " FROM help_requests r LEFT JOIN help_profiles p ON p.user = r.helper"
            " WHERE r.status = 'done' AND r.closed_at >= ? AND r.closed_at < ?"
            " AND r.helper IS NOT NULL"
            " GROUP BY r.helper, CASE WHEN r.helper = '' THEN r.helper_building END ORDER BY min(r.closed_at), r.helper",
            (since.timestamp(), until.timestamp()),
        )
        return [
            HelperCount(
                r["helper"],
                r["name"] or "",
                r["building"],
                r["n"],
                bool(r["hidden"]) or r["helper"] == FORGOTTEN,
            )
            for r in rows
        ]

    # -- candidates -----------------------------------------------------------------------

    async def add_candidate(self, number: int, user: str, name: str, now: datetime) -> None:
        await self.db.conn.execute(
            "INSERT INTO help_candidates (request, user, name, status, notified_at)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT (request, user) DO UPDATE"
            " SET name = excluded.name, status = excluded.status,"
            " notified_at = excluded.notified_at",
            (number, user, name, str(CandidateStatus.NOTIFIED), now.timestamp()),
        )

    async def candidates(self, number: int) -> list[Candidate]:
        rows = await self._fetch(
            "SELECT * FROM help_candidates WHERE request = ? ORDER BY notified_at, user",
            (number,),
        )
        return [
            Candidate(
                r["request"],
                r["user"],
                r["name"],
                CandidateStatus(r["status"]),
                to_time(r["notified_at"]),
            )
            for r in rows
        ]

    async def set_candidate_status(self, number: int, user: str, status: CandidateStatus) -> None:
        await self.db.conn.execute(
            "UPDATE help_candidates SET status = ? WHERE request = ? AND user = ?",
            (str(status), number, user),
        )

    async def touch_helped(self, user: str, now: datetime) -> None:
        await self.db.conn.execute(
            "UPDATE help_profiles SET last_helped_at = ? WHERE user = ?", (now.timestamp(), user)
        )

    # -- forgetting -----------------------------------------------------------------------

    async def requests_involving(self, user: str) -> list[int]:
        """Numbers of the requests ``user`` asked for or helped with."""
        rows = await self._fetch(
            "SELECT number FROM help_requests WHERE requester = ? OR helper = ? ORDER BY number",
            (user, user),
        )
        return [int(r["number"]) for r in rows]

    async def left_building(self, user: str, building: str) -> None:
        """``user`` no longer lives in ``building`` (inside a transaction): their profile stops
        saying so and the offers they made there are withdrawn, so that they are not asked
        about its neighbours' requests any more."""
        await self.db.conn.execute(
            "UPDATE help_profiles SET building = NULL WHERE user = ? AND building = ?",
            (user, building),
        )
        await self.db.conn.execute(
            "UPDATE help_offers SET status = 'removed'"
            " WHERE user = ? AND building = ? AND status = 'active'",
            (user, building),
        )

    async def forget(self, user: str) -> None:
        """Delete the person's offers, contact data and pending question; keep their requests
        and completed help only as anonymised rows so that counts stay right."""
        conn = self.db.conn
        await conn.execute(
            "DELETE FROM help_offer_words WHERE offer IN"
            " (SELECT id FROM help_offers WHERE user = ?)",
            (user,),
        )
        await conn.execute("DELETE FROM help_offers WHERE user = ?", (user,))
        await conn.execute("DELETE FROM help_pending_offers WHERE user = ?", (user,))
        await conn.execute("DELETE FROM help_profiles WHERE user = ?", (user,))
        await conn.execute("DELETE FROM help_candidates WHERE user = ?", (user,))
        await conn.execute(
            "UPDATE help_requests SET requester = ?, requester_name = '', text = '', chat = ''"
            " WHERE requester = ?",
            (FORGOTTEN, user),
        )
        await conn.execute(
            "UPDATE help_requests SET helper = ?, helper_name = '' WHERE helper = ?",
            (FORGOTTEN, user),
        )

    async def _fetch(self, sql: str, args: Any) -> list[Any]:
        async with self.db.conn.execute(sql, args) as cur:
            return list(await cur.fetchall())
