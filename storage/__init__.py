"""Storage: repositories over SQLite or PostgreSQL, and migrations. No SQL lives outside this package."""

from __future__ import annotations

from pathlib import Path

from storage.alerts import AlertRepo
from storage.checkins import CheckinRepo
from storage.corrections import CorrectionRepo
from storage.db import Database, DatabaseInUse, StorageError
from storage.events import EventRepo
from storage.help import HelpRepo
from storage.inbox import InboxRepo
from storage.issue_query import IssueQueryRepo
from storage.issues import IssueRepo
from storage.kv import KvRepo
from storage.outbox import OutboxRepo
from storage.patrols import PatrolRepo
from storage.polls import PollRepo
from storage.ratings import RatingRepo
from storage.reports import ReportRepo
from storage.residents import ResidentRepo
from storage.routes import RouteRepo
from storage.stats import StatsRepo
from storage.timers import TimerRepo
from storage.web_tokens import WebTokenRepo

__all__ = ["Database", "DatabaseInUse", "StorageError", "Store"]


class Store:
    """The open database and one repository per concern."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.inbox = InboxRepo(db)
        self.outbox = OutboxRepo(db)
        self.residents = ResidentRepo(db)
        self.timers = TimerRepo(db)
        self.kv = KvRepo(db)
        self.issues = IssueRepo(db)
        self.help = HelpRepo(db)
        self.events = EventRepo(db)
        self.polls = PollRepo(db)
        self.ratings = RatingRepo(db)
        self.reports = ReportRepo(db)
        self.patrols = PatrolRepo(db)
        self.checkins = CheckinRepo(db)
        self.alerts = AlertRepo(db)
        self.corrections = CorrectionRepo(db)
        # The office console's reads (bot/web): filtered issue pages and chart figures.
        self.issue_query = IssueQueryRepo(db)
        self.stats = StatsRepo(db)
        self.routes = RouteRepo(db)
        self.web_tokens = WebTokenRepo(db)

    @classmethod
    async def open(
        cls, path: str | Path, engine: str = "inline", *, password: str | None = None
    ) -> Store:
        """Open ``path`` (SQLite) or a ``postgresql://`` URL; see :meth:`Database.open`."""
        return cls(await Database.open(path, engine, password=password))

    def transaction(self):  # type: ignore[no-untyped-def]
        return self.db.transaction()

    async def close(self) -> None:
        await self.db.close()
