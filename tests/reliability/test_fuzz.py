"""Fuzz the whole pipeline: whatever people type, the bot answers with a clear `error`, a
normal reply or silence — never a crash, never a corrupted record.

Runs every registered command (so features added later are covered too) with hostile
arguments, plus free text built from huge, binary, control and zero-width characters, mixed
scripts, SQL- and Markdown/HTML-looking strings. ``LINLI_FUZZ_EXAMPLES`` raises the count.
"""

from __future__ import annotations

import asyncio
import itertools
import os
import sqlite3
from datetime import timedelta, timezone
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.app import Linli
from bot.config import Config
from bot.model import Incoming, Kind
from storage.issues import IssueStatus
from tests.conftest import T0

EXAMPLES = int(os.environ.get("LINLI_FUZZ_EXAMPLES", "400"))

SENDERS = [
    "local:resident-1",
    "local:resident-2",
    "local:head-1",
    "local:head-2",
    "local:grid-1",
    "local:admin",
    "local:stranger",
]
CHATS = ["local:building-1", "local:building-2", "local:office", "local:unbound", None]
NASTY = [
    "'; DROP TABLE issues; --",
    "1 OR 1=1",
    "**粗体** _斜体_ [链接](http://x) `code`",
    "<b>加粗</b><script>alert(1)</script>&amp;",
    "\u200b\u200c\u200d\ufeff",
    "\x00\x01\x02\x1b[31m",
    "🔥🔥🔥🚒",
    "著火了！！！救命",
    "99999999999999999999999",
    "-1",
    "0",
    "#",
    "第3号",
    "١٢٣",
    "\ud83d",
    " " * 50,
    "\n\n\n",
    "3单元楼道灯坏了",
    "@所有人",
    "2026-13-45 25:61",
]
# Names and ids as hostile as texts: control and format characters, lone surrogates, NUL,
# newlines, right-to-left overrides, huge, empty.
hostile_label = st.one_of(
    st.text(max_size=80),
    st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x10FFFF), max_size=30),
    st.sampled_from(NASTY),
    st.text(min_size=300, max_size=2000),
    st.just(""),
)
# Message ids: any text or number, repeated ones (a redelivery) included.
message_ids = st.one_of(
    st.text(max_size=40),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.sampled_from(["1", "1", "dup", ""]),
)
# Timestamps: mostly forward, sometimes backwards (clock skew, a replayed update), sometimes
# years ahead, in any UTC offset.
time_steps = st.one_of(
    st.integers(min_value=0, max_value=600),
    st.integers(min_value=-86_400, max_value=0),
    st.integers(min_value=0, max_value=20 * 365 * 86_400),
)
offsets = st.integers(min_value=-14 * 60, max_value=14 * 60).map(
    lambda m: timezone(timedelta(minutes=m))
)
text_part = st.one_of(
    st.sampled_from(NASTY),
    # Real numbers and words too, so commands reach deep into their handlers.
    st.integers(min_value=1, max_value=6).map(str),
    st.sampled_from(["add", "list", "who", "cancel", "remove", "renew", "全部", "公开"]),
    st.sampled_from(["2026-05-02 15:00", "明天下午3点", "下周六 15:00", "@活动室", "limit 2"]),
    st.sampled_from(["修电脑", "缝纫", "陪诊 周末", "电话 13812345678", "王师傅"]),
    st.text(max_size=40),
    st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x10FFFF), max_size=20),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
)
free_text = st.lists(text_part, min_size=1, max_size=6).map(" ".join)


def command_text(names: list[str]) -> st.SearchStrategy[str]:
    return st.tuples(st.sampled_from(names), st.lists(text_part, max_size=4), st.booleans()).map(
        lambda t: ("／" if t[2] else "/") + t[0] + " " + " ".join(t[1])
    )


def test_pipeline_survives_hostile_input(config: Config, tmp_path: Path) -> None:
    db_path = tmp_path / "fuzz.db"
    loop = asyncio.new_event_loop()
    app = loop.run_until_complete(Linli.open(config, database=db_path))
    loop.run_until_complete(app.start(T0))
    names = sorted(app.dispatcher.commands)
    aliases = [a.text for a in app.dispatcher.parser.aliases]
    counter = itertools.count()
    tried = 0
    clock = T0
    kinds = {str(k) for k in Kind}

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        database=None,
    )
    @given(
        text=st.one_of(
            free_text,
            command_text(names),
            st.tuples(st.sampled_from(aliases or ["收到"]), text_part).map(" ".join),
            st.text(min_size=3000, max_size=6000),
        ),
        sender=st.one_of(st.sampled_from(SENDERS), hostile_label.map("local:".__add__)),
        chat=st.one_of(st.sampled_from(CHATS), hostile_label.map("local:".__add__)),
        name=hostile_label,
        message_id=st.one_of(st.none(), message_ids),
        step=time_steps,
        tz=offsets,
    )
    def one(
        text: str,
        sender: str,
        chat: str | None,
        name: str,
        message_id: str | None,
        step: int,
        tz: timezone,
    ) -> None:
        nonlocal tried, clock
        n = next(counter)
        # Far jumps stay rare: a message years ahead moves the clock for all that follow.
        far = abs(step) >= 400 * 86_400
        clock = clock + timedelta(seconds=7 if far and n % 20 else step)
        msg = Incoming(
            chat=chat or sender,
            sender=sender,
            sender_name=name,
            text=text,
            at=clock.astimezone(tz),
            message_id=f"f{n}" if message_id is None else message_id,
            private=chat is None,
        )
        outs = loop.run_until_complete(app.handle(msg))
        loop.run_until_complete(app.tick(msg.at))
        tried += 1
        for out in outs:
            assert str(out.kind) in kinds
            assert out.text.strip(), f"empty reply to {text!r}"
            assert "Traceback" not in out.text
            assert out.kind is not Kind.ERROR or "出了点问题" not in out.text, (
                f"internal error for {text!r} from {sender} in {chat}"
            )

    try:
        one()
        loop.run_until_complete(app.tick(clock + timedelta(days=30)))
    finally:
        loop.run_until_complete(app.close())
        loop.close()
    print(f"fuzz: {tried} inputs tried, clock ended {clock.date()}")
    assert tried >= EXAMPLES * 0.9
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert (
            conn.execute("SELECT count(*) FROM inbox WHERE status != 'handled'").fetchone()[0] == 0
        )
        statuses = {row[0] for row in conn.execute("SELECT DISTINCT status FROM issues")}
        assert statuses <= {str(s) for s in IssueStatus}
        numbers = [row[0] for row in conn.execute("SELECT number FROM issues ORDER BY number")]
        assert numbers == list(range(1, len(numbers) + 1))
