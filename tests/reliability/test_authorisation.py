"""Authorisation matrix: every protected command x every role -> allowed or refused.

Each cell runs on a fresh in-memory database with the same setup: resident 小王 of 1号楼
reported issue 1 (resolved first for the reporter's own commands), head 张阿姨 created
event 1 for 1号楼, and 小王 asked for help nobody offered (request 1, posted to the group for
the "posted" setup). Who may use a command at all is declared with it and proven for every
command in ``test_permission_matrix.py``; this table adds what depends on the object (the
issue's, the event's, the request's building). A refusal is an ``error`` reply and changes nothing; "allowed" means the
command did its work (no ``error``). The expected table is the policy documented in the
README ("Issues and commands", "Community events", "Building polls", "Satisfaction ratings", "Patrols").
"""

from __future__ import annotations

import itertools
from datetime import timedelta

import pytest

from bot.app import Linli
from bot.config import Config, load_config
from bot.model import Incoming, Kind
from tests.conftest import EXAMPLE_CONFIG, T0

# role -> (sender, chat the role naturally writes from)
ROLES: dict[str, tuple[str, str]] = {
    "resident_here": ("local:resident-1", "local:building-1"),
    "resident_other": ("local:resident-2", "local:building-2"),
    "head_here": ("local:head-1", "local:building-1"),
    "head_other": ("local:head-2", "local:building-2"),
    "grid_worker": ("local:grid-1", "local:grid-1"),
    "admin": ("local:admin", "local:admin"),
    "unknown": ("local:nobody", "local:nobody"),
    "unbound_chat": ("local:resident-1", "local:unbound-group"),
}
STAFF_HERE = {"head_here", "grid_worker", "admin"}
STAFF_ANY = STAFF_HERE | {"head_other"}
HERE = STAFF_HERE | {"resident_here"}
KNOWN = HERE | {"resident_other", "head_other"}

# command -> (setup needed, roles allowed)
POLICY: dict[str, tuple[str, set[str]]] = {
    "/ack 1": ("", STAFF_HERE),
    "/assign 1 王师傅": ("", STAFF_HERE),
    "/progress 1 已联系物业": ("", STAFF_HERE),
    "/wait 1 等物业配件": ("", STAFF_HERE),
    "/resolve 1 已更换灯泡": ("", STAFF_HERE),
    "/reject 1 不属于楼栋范围": ("", STAFF_HERE),
    "/escalate 1": ("", STAFF_HERE),
    "收到 1": ("", STAFF_HERE),
    "办结 1": ("", STAFF_HERE),
    "/list": ("", STAFF_ANY),
    "/show 1": ("", HERE),
    "/follow 1": ("", HERE),
    "/confirm 1": ("resolved", {"resident_here", *STAFF_HERE}),
    "/reopen 1 还是不亮": ("resolved", {"resident_here", *STAFF_HERE}),
    "/event add 2026-06-20 15:00 邻里茶话会 @活动室": ("", STAFF_ANY),
    "/event cancel 1": ("event", STAFF_HERE),
    "/event who 1": ("event", STAFF_HERE),
    # Any staff member may attend a neighbouring building's event; residents only their own.
    "/join 1": ("event", HERE | {"head_other"}),
    "/bind": ("", {"admin"}),
    # Help and events: known residents and staff only; a request is taken by its building.
    "/event list": ("event", KNOWN),
    "/need 谁能陪我去医院看病": ("", KNOWN),
    "/offer 陪看病": ("", KNOWN),
    "/accept 1": ("posted", STAFF_HERE),  # the requester (resident_here) cannot take it
    "/decline 1": ("posted", KNOWN),
    "/post 1": ("waiting", {"resident_here"}),
    "/done 1": ("posted", set()),  # not connected: nobody can close it yet
    "/cancel 1": ("posted", {"resident_here"}),
    "/needs": ("", KNOWN),
    "/offers": ("", KNOWN),
    "/contact 电话 13812345678": ("", {"grid_worker", "admin"}),  # privately only
    "/privacy": ("", KNOWN),
    "/forget": ("", set(ROLES)),  # anyone, anywhere
    "/leave 1": ("joined", {"resident_here"}),
    "/my": ("", set(ROLES) - {"unbound_chat"}),
    "/report 1号楼 5单元电梯坏了": ("", KNOWN),
    "/help": ("", set(ROLES)),
    # 议事: a poll is started by the building's staff; its residents (and heads) vote; its
    # residents and staff see the tally.
    "/poll 1号楼 楼下空地做什么 | 停车位 | 小花园": ("", STAFF_HERE),
    "/vote 1 1": ("poll", {"resident_here", "head_here"}),
    "投票 1 2": ("poll", {"resident_here", "head_here"}),
    "/poll 1": ("poll", HERE),
    # 评事: only those asked (the reporter of the closed issue) rate it.
    "/rate 1 3": ("closed", {"resident_here"}),
    "评价 1 不满意": ("closed", {"resident_here"}),
    # 定期巡: a round of 1号楼 is answered by that building's staff only.
    "巡查 1 好 好 坏:3楼应急灯不亮": ("patrol", STAFF_HERE),
    "/patrol": ("patrol", STAFF_ANY),
    "/whoami": ("", set(ROLES)),
}

_ids = itertools.count()


def incoming(role: str, text: str, minutes: float) -> Incoming:
    sender, chat = ROLES[role]
    return Incoming(
        chat=chat,
        sender=sender,
        sender_name=role,
        text=text,
        at=T0 + timedelta(minutes=minutes),
        message_id=f"a{next(_ids)}",
        private=chat == sender,
    )


async def outcome(config: Config, command: str, setup: str, role: str) -> str:
    app = await Linli.open(config, database=":memory:")
    try:
        await app.start(T0)
        made = await app.handle(incoming("resident_here", "3单元楼道灯坏了", 0))
        assert [o.kind for o in made][:1] == [Kind.ISSUE_CREATED]
        # Someone else in 2号楼 speaks once so they are a known resident there.
        await app.handle(incoming("resident_other", "大家好", 0.5))
        if setup in ("resolved", "closed"):
            outs = await app.handle(incoming("head_here", "/resolve 1 已修好", 1))
            assert all(o.kind is not Kind.ERROR for o in outs)
        if setup in ("event", "joined"):
            outs = await app.handle(
                incoming("head_here", "/event add 2026-06-20 15:00 邻里茶话会 @活动室", 1)
            )
            assert outs and all(o.kind is not Kind.ERROR for o in outs)
        if setup == "closed":
            outs = await app.handle(incoming("resident_here", "/confirm 1", 1.5))
            assert any(o.kind is Kind.RATING_REQUEST for o in outs)
        if setup == "patrol":
            async with app.store.transaction():
                made_round = await app.store.patrols.create_round(
                    "消防巡查", "1号楼", T0, ("消防通道畅通", "应急灯正常", "楼道无杂物"), T0, T0
                )
            assert made_round is not None and made_round.number == 1
        if setup == "poll":
            outs = await app.handle(incoming("head_here", "/poll 装充电桩吗 | 装 | 不装", 1))
            assert [o.kind for o in outs] == [Kind.POLL]
        if setup == "joined":
            outs = await app.handle(incoming("resident_here", "报名 1", 2))
            assert outs and all(o.kind is not Kind.ERROR for o in outs)
        if setup in ("posted", "waiting"):
            outs = await app.handle(incoming("resident_here", "/need 谁能陪我去医院看病", 1))
            assert outs and outs[0].request == 1 and outs[0].kind is not Kind.ERROR
        if setup == "posted":
            outs = await app.handle(incoming("resident_here", "/post 1", 2))
            assert any(o.kind is Kind.HELP_MATCH for o in outs)
        before = await snapshot(app)
        outs = await app.handle(incoming(role, command, 5))
        if any(o.kind is Kind.ERROR for o in outs):
            # A refusal changes nothing (but the stored message and the reply).
            assert await snapshot(app) == before
            return "refused"
        return "allowed" if outs else "silent"
    finally:
        await app.close()


async def snapshot(app: Linli) -> dict[str, list[tuple[object, ...]]]:
    conn = app.store.db.conn
    async with conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'") as cur:
        tables = [r[0] for r in await cur.fetchall() if r[0] not in ("inbox", "outbox")]
    out = {}
    for table in tables:
        async with conn.execute(f"SELECT * FROM {table} ORDER BY rowid") as cur:
            out[table] = [tuple(r) for r in await cur.fetchall()]
    return out


CELLS = [(cmd, role) for cmd in POLICY for role in ROLES]


@pytest.fixture(scope="module")
def config() -> Config:
    return load_config(EXAMPLE_CONFIG)


@pytest.mark.parametrize(("command", "role"), CELLS, ids=[f"{c}|{r}" for c, r in CELLS])
async def test_authorisation_matrix(config: Config, command: str, role: str) -> None:
    setup, allowed = POLICY[command]
    got = await outcome(config, command, setup, role)
    expected = "allowed" if role in allowed else "refused"
    assert got == expected


async def probe_all(print_only: bool = False) -> None:
    config = load_config(EXAMPLE_CONFIG)
    for command, (setup, allowed) in POLICY.items():
        row = []
        for role in ROLES:
            got = await outcome(config, command, setup, role)
            want = "allowed" if role in allowed else "refused"
            row.append(f"{role}={got}{'' if got == want else '(!)'}")
        print(command, " ".join(row))
