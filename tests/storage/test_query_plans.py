"""Every query the bot runs on its paths (messages, ticks, delivery) finds its rows through an
index: none scans a table that grows with the district's history (issue 18).

The statements are not listed by hand: every golden script is replayed and a delivery pass
run with a trace on the connection, and each distinct statement is then explained with
``EXPLAIN QUERY PLAN``. A new query that scans a big table fails here with its plan.
"""

from __future__ import annotations

import io
import re
import sqlite3
from pathlib import Path

import pytest

from bot.adapters.replay import replay
from bot.app import Linli
from bot.config import Config
from bot.delivery import Deliverer, RateLimits
from bot.model import Outgoing
from storage.db import Database, migrations, split_statements
from tests.conftest import T0, say

GOLDEN = Path(__file__).resolve().parent.parent / "golden"
SCRIPTS = sorted(p for p in GOLDEN.glob("*.jsonl") if not p.name.endswith(".expected.jsonl"))

# Tables that grow with history or with the district (rows per message, per issue, per
# resident, per offer): a full pass over one of them is a cost that grows without bound.
BIG = frozenset(
    {
        "inbox",
        "outbox",
        "send_log",
        "residents",
        "timers",
        "issues",
        "issue_followers",
        "issue_log",
        "help_offers",
        "help_offer_words",
        "help_profiles",
        "help_requests",
        "help_candidates",
        "events",
        "event_signups",
    }
)

# Partial indexes over rows waiting to be handled or sent: few by design, so walking one
# is no pass over history.
TRANSIENT_INDEXES = frozenset({"inbox_pending", "outbox_pending", "outbox_due", "outbox_sending"})

# Rare operations that pass over a table on purpose, each with the reason. /forget (once per
# person, on their request) blanks what they wrote and what was sent about them everywhere;
# indexes for it would cost every message a write. ``linli replay`` reads the pending timers
# that name a recipient once per process (again only after a rollback) to keep them in
# memory (storage/timer_recipients.py): a pass over pending rows only (index timers_due),
# instead of a read per reminder.
ALLOWED = tuple(
    re.compile(p)
    for p in (
        r"^UPDATE outbox SET (text = replace|mentions = '\[\]')",
        r"^DELETE FROM outbox WHERE chat = .* AND status != 'pending'$",
        r"^SELECT id, text FROM outbox WHERE (request|issue) IN ",
        r"^SELECT id, issue, note FROM issue_log WHERE actor = ",
        r"^SELECT number FROM help_requests WHERE requester = .* OR helper = ",
        r"^UPDATE help_requests SET helper = '', helper_name = '' WHERE helper = ",
        r"^UPDATE event_signups SET name = '' WHERE user = ",
        r"^UPDATE inbox SET text = '', sender_name = '' WHERE sender = ",
        r"^SELECT id, kind, ref, due_at, payload FROM timers WHERE done = 0 AND instr\(payload, ",
    )
)

_ALIAS = re.compile(
    r"\b(?:FROM|JOIN)\s+(\w+)(?:\s+(?:AS\s+)?(?!WHERE|ON|JOIN|LEFT|ORDER|GROUP|USING|LIMIT|INNER|CROSS)(\w+))?",
    re.I,
)
_SCAN = re.compile(r"\bSCAN (\w+)(?: USING (?:COVERING )?INDEX (\w+))?")
_SKIP = re.compile(
    r"^\s*(PRAGMA|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|CREATE|ALTER|DROP|ANALYZE|VACUUM)\b",
    re.I,
)


class Recorder:
    def __init__(self) -> None:
        self.statements: dict[str, None] = {}

    def __call__(self, sql: str) -> None:
        if not _SKIP.match(sql):
            self.statements.setdefault(" ".join(sql.split()), None)


class Accepting:
    platform = "local"

    def __init__(self) -> None:
        self.sent: list[Outgoing] = []

    async def send(self, message: Outgoing) -> None:
        self.sent.append(message)


def scans_of_big_tables(conn: sqlite3.Connection, sql: str) -> list[str]:
    """The big tables ``sql`` scans (by name, aliases resolved); [] if it cannot be
    explained on its own (e.g. it names a temporary table)."""
    aliases = {}
    for table, alias in _ALIAS.findall(sql):
        aliases[table] = table
        if alias:
            aliases[alias] = table
    try:
        plan = conn.execute(f"EXPLAIN QUERY PLAN {sql}").fetchall()
    except sqlite3.OperationalError:
        return []
    found = []
    for row in plan:
        for name, index in _SCAN.findall(row[3]):
            if aliases.get(name, name) in BIG and index not in TRANSIENT_INDEXES:
                found.append(row[3])
    return found


def migration_statements() -> set[str]:
    return {
        " ".join(statement.split())
        for _, _, sql in migrations()
        for statement in split_statements(sql)
    }


@pytest.fixture
def recorder(monkeypatch: pytest.MonkeyPatch) -> Recorder:
    rec = Recorder()
    real_connect = sqlite3.connect

    def connect(*args: object, **kwargs: object) -> sqlite3.Connection:
        conn = real_connect(*args, **kwargs)  # type: ignore[call-overload]
        conn.set_trace_callback(rec)
        return conn  # type: ignore[no-any-return]

    monkeypatch.setattr(sqlite3, "connect", connect)
    return rec


async def test_no_hot_query_scans_a_big_table(
    recorder: Recorder, config: Config, tmp_path: Path
) -> None:
    for script in SCRIPTS:
        lines = script.read_text(encoding="utf-8").splitlines()
        await replay(config, lines, io.StringIO(), database=tmp_path / f"{script.stem}.db")
    # Delivery through a platform: claims, the send log, rate-limit history, marks.
    app = await Linli.open(config, database=tmp_path / "deliver.db")
    await app.start(T0)
    await app.handle(say("3单元楼道灯坏了好几天了"))
    await app.handle(say("/list", sender="local:head-1", name="张阿姨"))
    sender = Accepting()
    await Deliverer(app.store, sender, RateLimits(), clock=lambda: T0).deliver_due()
    await app.close()
    assert sender.sent
    assert len(recorder.statements) > 100, "the trace did not see the bot's statements"

    db = await Database.open(tmp_path / "plans.db")
    await db.close()
    conn = sqlite3.connect(tmp_path / "plans.db")
    problems = []
    migrating = migration_statements()
    for sql in recorder.statements:
        if sql in migrating or any(p.search(sql) for p in ALLOWED):
            continue
        scans = scans_of_big_tables(conn, sql)
        if scans:
            problems.append(f"{sql}\n    -> {'; '.join(scans)}")
    conn.close()
    assert not problems, "queries scanning a big table:\n" + "\n".join(problems)


def test_the_check_sees_a_scan(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "x.db")
    conn.execute("CREATE TABLE inbox (id INTEGER PRIMARY KEY, chat TEXT)")
    conn.execute("CREATE TABLE outbox (id INTEGER PRIMARY KEY, status TEXT)")
    assert scans_of_big_tables(conn, "SELECT * FROM inbox WHERE chat = 'x'")
    assert scans_of_big_tables(conn, "SELECT o.id FROM outbox o WHERE o.status = 'x'")
    assert not scans_of_big_tables(conn, "SELECT * FROM inbox WHERE id = 3")
    conn.execute("CREATE INDEX outbox_due ON outbox (status) WHERE status = 'pending'")
    assert not scans_of_big_tables(conn, "SELECT id FROM outbox WHERE status = 'pending'")
