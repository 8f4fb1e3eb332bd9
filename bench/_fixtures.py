"""Databases that already hold a district's history, for the real-path bench.

Built once with bulk SQL (a bench fixture, not the bot's path) and cached between runs under
``~/.cache/linli-bench/<key>/``; the key changes when the migrations, the help repository or
this file change. Each phase gets a copy. Three of them:

- ``base``: the 100,000 residents and 10,000 active help offers (with profiles) from 8,000
  residents, skills drawn from the shipped synonym table (a few skills much more common than
  the rest, as in a real district);
- ``history``: ``base`` plus 1,000,000 handled inbox messages over the past year, 200,000
  sent outbox rows, 50,000 closed issues with their log and followers, 300,000 done timers,
  5,000 completed help requests;
- ``ticks``: ``base`` plus 100,000 open issues across the 1,000 buildings, each with a
  pending ack reminder, and a community-wide event with 2,000 sign-ups.
"""

from __future__ import annotations

import asyncio
import hashlib
import os
import random
import shutil
from datetime import datetime, timedelta
from pathlib import Path

from bench import _community as c
from bench._script import START

ROOT = Path(__file__).resolve().parent.parent
OFFERS = 10_000
HISTORY = 1_000_000
OPEN_ISSUES = 100_000
EVENT_SIGNUPS = 2_000


def cache_dir() -> Path:
    base = Path(os.environ.get("LINLI_BENCH_CACHE") or Path.home() / ".cache" / "linli-bench")
    h = hashlib.sha256()
    for path in sorted((ROOT / "storage" / "migrations").glob("*.sql")):
        h.update(path.read_bytes())
    for path in (ROOT / "storage" / "help.py", Path(__file__)):
        h.update(path.read_bytes())
    return base / h.hexdigest()[:12]


def fixture(name: str) -> Path:
    """The cached database ``name`` (base, history, ticks), built if missing."""
    directory = cache_dir()
    path = directory / f"{name}.db"
    if not path.exists():
        directory.mkdir(parents=True, exist_ok=True)
        tmp = directory / f"{name}.building.db"
        for stale in directory.glob(f"{name}.building.db*"):
            stale.unlink()
        asyncio.run(_build(name, tmp))
        tmp.rename(path)
    return path


def copy_to(name: str, directory: Path) -> str:
    """A private copy of fixture ``name`` in ``directory``; returns its path."""
    src = fixture(name)
    directory.mkdir(parents=True, exist_ok=True)
    dst = directory / "linli.db"
    shutil.copyfile(src, dst)
    return str(dst)


async def _build(name: str, path: Path) -> None:
    from storage import Store

    store = await Store.open(path)
    try:
        await _base(store)
        conn = store.db.conn
        async with store.transaction():
            if name == "history":
                await _history(conn)
            elif name == "ticks":
                await _open_issues(conn)
                await _event(conn)
        await conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        await store.close()
    for extra in Path(path).parent.glob(Path(path).name + "-*"):
        extra.unlink()


def _skill_words() -> list[tuple[str, float]]:
    """(word, weight): every skill word of the shipped table, the first groups more common."""
    from handlers.help_skills import _shipped

    out: list[tuple[str, float]] = []
    for rank, (name, words) in enumerate(_shipped()):
        weight = 1.0 / (rank + 1)
        out.append((name, weight))
        out.extend((w, weight / 3) for w in words)
    return out


async def _base(store: object) -> None:
    from storage import Store

    assert isinstance(store, Store)
    conn = store.db.conn
    base = (START - timedelta(days=365)).timestamp()
    async with store.transaction():
        await conn.execute(
            "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ?)"
            " INSERT INTO residents (user, name, building, last_seen)"
            " SELECT 'local:r' || (i + 1), '邻居' || (i + 1), ((i % ?) + 1) || '号楼', ? FROM n",
            (c.RESIDENTS - 1, c.BUILDINGS, base),
        )
        rng = random.Random(7)
        words, weights = zip(*_skill_words(), strict=True)
        now = START - timedelta(days=30)
        expires = START + timedelta(days=60)
        for k in range(OFFERS):
            j = (k * 12_347) % (c.RESIDENTS * 8 // 10) if k < 8_000 else (k * 7) % 8_000
            user, name = c.resident_id(j), f"邻居{j + 1}"
            building = c.building_name(c.resident_building(j))
            skills = tuple(dict.fromkeys(rng.choices(words, weights, k=rng.randint(1, 3))))
            await store.help.touch_profile(user, name, building)
            await store.help.add_offer(user, name, building, skills, None, now, expires)


async def _history(conn: object) -> None:
    from storage.db import Connection

    assert isinstance(conn, Connection)
    texts = [s.text for s in c.corpus()[0]]
    base = (START - timedelta(days=365)).timestamp()
    await conn.execute("CREATE TEMP TABLE texts (id INTEGER PRIMARY KEY, text TEXT)")
    await conn.executemany(
        "INSERT INTO temp.texts (id, text) VALUES (?, ?)", list(enumerate(texts))
    )
    n = len(texts)
    await conn.execute(
        "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ?)"
        " INSERT INTO inbox (chat, message_id, sender, sender_name, text, at, status)"
        " SELECT 'local:b' || ((i * 7919) % ? % ? + 1), 'h' || i,"
        " 'local:r' || ((i * 7919) % ? + 1), '邻居' || ((i * 7919) % ? + 1),"
        " (SELECT text FROM temp.texts WHERE id = i % ?), ? + i * 30.0, 'handled' FROM n",
        (HISTORY - 1, c.RESIDENTS, c.BUILDINGS, c.RESIDENTS, c.RESIDENTS, n, base),
    )
    await conn.execute(
        "INSERT INTO outbox (created_at, platform, chat, kind, text, status, attempts,"
        " next_attempt_at, sent_at) SELECT at, 'local', chat, 'command_reply', text, 'sent', 1,"
        " at, at FROM inbox WHERE id % 5 = 0"
    )
    await conn.execute(
        "INSERT INTO issues (building, chat, reporter, reporter_name, text, category, status,"
        " created_at, updated_at, acked_at, resolved_at, closed_at)"
        " SELECT ((id / 20 % ?) + 1) || '号楼', chat, sender, sender_name, text, 'other', 'closed',"
        " at, at + 86400, at + 600, at + 3600, at + 86400 FROM inbox WHERE id % 20 = 0",
        (c.BUILDINGS,),
    )
    await conn.execute(
        "INSERT INTO issue_followers (issue, user, name)"
        " SELECT number, reporter, reporter_name FROM issues"
    )
    for action, offset in (("report", 0), ("ack", 600), ("resolve", 3600)):
        await conn.execute(
            "INSERT INTO issue_log (issue, at, actor, action)"
            " SELECT number, created_at + ?, reporter, ? FROM issues",
            (offset, action),
        )
    await conn.execute(
        "INSERT INTO timers (kind, ref, due_at, payload, done)"
        " SELECT k.kind, number, created_at + 1800, '{}', 1 FROM issues,"
        " (SELECT 'issue_ack_reminder' AS kind UNION ALL SELECT 'issue_escalate_grid'"
        " UNION ALL SELECT 'issue_escalate_office' UNION ALL SELECT 'issue_confirm'"
        " UNION ALL SELECT 'issue_auto_close' UNION ALL SELECT 'help_match_timeout') AS k"
    )
    await conn.execute(
        "INSERT INTO help_requests (requester, requester_name, building, chat, text, skills,"
        " status, helper, helper_name, helper_building, created_at, updated_at, connected_at,"
        " closed_at) SELECT sender, sender_name, '1号楼', chat, text, '[\"电脑维修\"]', 'done',"
        " 'local:r2', '邻居2', '2号楼', at, at, at, at FROM inbox WHERE id % 200 = 0"
    )


async def _open_issues(conn: object) -> None:
    from storage.db import Connection

    assert isinstance(conn, Connection)
    at = (START - timedelta(days=2)).timestamp()
    later = (START + timedelta(days=30)).timestamp()
    await conn.execute(
        "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ?)"
        " INSERT INTO issues (building, chat, reporter, reporter_name, text, category, status,"
        " location, created_at, updated_at)"
        " SELECT ((i % ?) + 1) || '号楼', 'local:b' || ((i % ?) + 1), 'local:r' || (i + 1),"
        " '邻居' || (i + 1), '3单元楼道灯坏了好几天了', 'lighting',"
        " CASE i % 3 WHEN 0 THEN 'new' WHEN 1 THEN 'acknowledged' ELSE 'in_progress' END,"
        " '3单元', ? + i, ? + i FROM n",
        (OPEN_ISSUES - 1, c.BUILDINGS, c.BUILDINGS, at, at),
    )
    await conn.execute(
        "INSERT INTO issue_followers (issue, user, name)"
        " SELECT number, reporter, reporter_name FROM issues"
    )
    await conn.execute(
        "INSERT INTO timers (kind, ref, due_at, payload)"
        " SELECT 'issue_ack_reminder', number, ? + number, '{}' FROM issues"
        " WHERE status = 'new'",
        (later,),
    )


async def _event(conn: object) -> None:
    from storage.db import Connection

    assert isinstance(conn, Connection)
    starts = START + timedelta(days=1, hours=12)
    created = (START - timedelta(days=3)).timestamp()
    await conn.execute(
        "INSERT INTO events (title, place, starts_at, buildings, creator_name, created_at)"
        " VALUES ('邻居节', '小区中心广场', ?, '[]', '社区', ?)",
        (starts.timestamp(), created),
    )
    await conn.execute(
        "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ?)"
        " INSERT INTO event_signups (event, user, name, chat, building, joined_at)"
        " SELECT 1, 'local:r' || (i * 37 + 1), '邻居' || (i * 37 + 1),"
        " 'local:b' || ((i * 37) % ? + 1), ((i * 37) % ? + 1) || '号楼', ? FROM n",
        (EVENT_SIGNUPS - 1, c.BUILDINGS, c.BUILDINGS, created),
    )


def event_start() -> datetime:
    return START + timedelta(days=1, hours=12)
