"""The authorisation matrix generated from the commands' declarations (bot/permissions.py).

Every registered command — and every sub-command that declares its own permission — is sent
by every role below. The expected outcome is computed from the declaration and the role's
facts (where it writes, whether it is a known resident, staff, an admin), not from the code
under test. "Allowed" means the dispatcher let the handler run (a spy records it); "refused"
means the handler never ran, the only reply is one polite ``error``, and nothing in the
database changed but the stored message and that reply. A command added later is covered
without touching this file.

What depends on the object a command is about (issue 1 belongs to 1号楼) is the hand-written
policy of ``test_authorisation.py``; this file proves the first gate holds everywhere.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest

from bot.app import Linli
from bot.commands import CommandCall
from bot.config import Config, load_config
from bot.feature import Command, Context
from bot.model import Incoming, Kind, Outgoing
from bot.permissions import Permission, Where, Who
from handlers import default_features
from tests.conftest import EXAMPLE_CONFIG, T0


@dataclass(frozen=True, slots=True)
class RoleFacts:
    sender: str
    chat: str
    place: Where
    known: bool  # seen in a bound building chat, or staff with a role here
    staff: bool  # head of this chat's building (privately: of theirs), grid worker, admin
    admin: bool = False


RES1, RES2, STRANGER = "local:resident-1", "local:resident-2", "local:stranger-9"
B1, B2, OFFICE, UNBOUND = "local:building-1", "local:building-2", "local:office", "local:elsewhere"
G, P, OF, X = Where.BUILDING_GROUP, Where.PRIVATE, Where.OFFICE, Where.OTHER_GROUP

ROLES: dict[str, RoleFacts] = {
    "resident_here": RoleFacts(RES1, B1, G, known=True, staff=False),
    "resident_here_dm": RoleFacts(RES1, RES1, P, known=True, staff=False),
    "resident_other_building": RoleFacts(RES2, B2, G, known=True, staff=False),
    "resident_other_building_dm": RoleFacts(RES2, RES2, P, known=True, staff=False),
    "head_here": RoleFacts("local:head-1", B1, G, known=True, staff=True),
    "head_here_dm": RoleFacts("local:head-1", "local:head-1", P, known=True, staff=True),
    # A head of 2号楼 writing in 1号楼's group is just a resident there.
    "head_other_building": RoleFacts("local:head-2", B1, G, known=True, staff=False),
    "head_in_office": RoleFacts("local:head-1", OFFICE, OF, known=True, staff=True),
    "grid_worker_dm": RoleFacts("local:grid-1", "local:grid-1", P, known=True, staff=True),
    "admin_dm": RoleFacts("local:admin", "local:admin", P, known=True, staff=True, admin=True),
    "admin_office": RoleFacts("local:admin", OFFICE, OF, known=True, staff=True, admin=True),
    "admin_unbound_group": RoleFacts("local:admin", UNBOUND, X, known=True, staff=True, admin=True),
    "resident_in_office": RoleFacts(RES1, OFFICE, OF, known=False, staff=False),
    "resident_unbound_group": RoleFacts(RES1, UNBOUND, X, known=False, staff=False),
    "stranger_dm": RoleFacts(STRANGER, STRANGER, P, known=False, staff=False),
    "stranger_unbound_group": RoleFacts(STRANGER, UNBOUND, X, known=False, staff=False),
}

# Arguments that let each command do real work when allowed (default: "1").
EXAMPLE_ARGS = {
    "help": "",
    "whoami": "",
    "bind": "",
    "start": "",
    "list": "",
    "my": "",
    "offers": "",
    "needs": "",
    "forget": "",
    "yes": "",
    "no": "",
    "privacy": "",
    "report": "5单元电梯坏了",
    "offer": "修电脑",
    "need": "谁能帮我修电脑",
    "contact": "电话 13812345678",
    "assign": "1 王师傅",
    "progress": "1 已联系物业",
    "wait": "1 等配件",
    "reject": "1 不归我们管",
    "reopen": "1 还是不亮",
    "event": "",
    "poll": "1",
    "vote": "1 1",
    "rate": "1 3",
    "patrol": "1 好",
    "checkin": "add local:elder-1 王奶奶 家属 local:family-1 时间 08:30",
    "alert": "6岁男孩走失，穿红色上衣",
    "global": "1",
}
SUB_ARGS = {
    "add": "add 2026-06-20 15:00 茶话会",
    "who": "who 1",
    "cancel": "cancel 1",
    "stop": "stop",
}
# Arguments that choose another permission through a command's ``args_permission`` (the
# first word alone cannot tell ``/poll 3`` from ``/poll 问题 | 选项 | 选项``).
ARGS_VARIANTS = {"poll": ["", "楼下空地做什么 | 停车位 | 小花园"]}


def variants(cmd: Command) -> list[str]:
    """The argument texts to try: the command itself and one per sub-command permission."""
    out = [EXAMPLE_ARGS.get(cmd.name, "1")]
    seen: set[Permission] = {cmd.permission_for(out[0])}
    for args in ARGS_VARIANTS.get(cmd.name, ()):
        if cmd.permission_for(args) not in seen:
            seen.add(cmd.permission_for(args))
            out.append(args)
    for word, perm in cmd.sub_permissions.items():
        if perm not in seen:
            seen.add(perm)
            out.append(SUB_ARGS.get(word, f"{word} 1"))
    return out


COMMANDS = {cmd.name: cmd for feature in default_features() for cmd in feature.commands}
CELLS = [
    (name, args, role) for name, cmd in COMMANDS.items() for args in variants(cmd) for role in ROLES
]


def expected_allowed(perm: Permission, facts: RoleFacts) -> bool:
    if not facts.place & perm.where:
        return False
    return {
        Who.ANYONE: True,
        Who.MEMBER: facts.known,
        Who.STAFF: facts.staff,
        Who.ADMIN: facts.admin,
    }[perm.who]


_ids = itertools.count()


def message(sender: str, chat: str, text: str, minutes: float) -> Incoming:
    return Incoming(
        chat=chat,
        sender=sender,
        sender_name=sender.removeprefix("local:"),
        text=text,
        at=T0 + timedelta(minutes=minutes),
        message_id=f"pm{next(_ids)}",
        private=chat == sender,
    )


async def snapshot(app: Linli) -> dict[str, list[tuple[Any, ...]]]:
    conn = app.store.db.conn
    async with conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'") as cur:
        tables = [r[0] for r in await cur.fetchall()]
    out = {}
    for table in tables:
        async with conn.execute(f"SELECT * FROM {table} ORDER BY rowid") as cur:
            out[table] = [tuple(r) for r in await cur.fetchall()]
    return out


@pytest.fixture(scope="module")
def config() -> Config:
    return load_config(EXAMPLE_CONFIG)


Handler = Callable[[Incoming, Context, CommandCall], Awaitable[list[Outgoing]]]


@pytest.mark.parametrize(
    ("name", "args", "role"), CELLS, ids=[f"/{n} {a}|{r}".strip() for n, a, r in CELLS]
)
async def test_declared_permission_holds(config: Config, name: str, args: str, role: str) -> None:
    facts = ROLES[role]
    cmd = COMMANDS[name]
    perm = cmd.permission_for(args)
    app = await Linli.open(config, database=":memory:")
    try:
        await app.start(T0)
        # Residents of both buildings have spoken in their groups (the head of 2号楼 in
        # 1号楼's too); 小王 reported issue 1.
        await app.handle(message(RES1, B1, "3单元楼道灯坏了", 0))
        await app.handle(message(RES2, B2, "大家好", 0.5))
        await app.handle(message("local:head-2", B1, "大家好", 0.6))
        ran: list[str] = []
        real: Handler = app.dispatcher.commands[name].handler

        async def spy(msg: Incoming, ctx: Context, call: CommandCall) -> list[Outgoing]:
            ran.append(call.name)
            return await real(msg, ctx, call)

        app.dispatcher.commands[name] = dataclasses.replace(cmd, handler=spy)
        before = await snapshot(app)
        outs = await app.handle(message(facts.sender, facts.chat, f"/{name} {args}".strip(), 5))
        after = await snapshot(app)
    finally:
        await app.close()
    if expected_allowed(perm, facts):
        assert ran == [name], f"/{name} {args} should reach its handler for {role}"
        return
    assert ran == [], f"/{name} {args} ran its handler for {role}"
    assert [o.kind for o in outs] == [Kind.ERROR] and outs[0].chat == facts.chat
    assert outs[0].text.startswith(("抱歉", "为保护隐私", "这个命令", "本群还没有绑定"))
    # Nothing changed but the stored message and the one refusal.
    for table in before:
        if table == "inbox":
            assert len(after[table]) == len(before[table]) + 1
        elif table == "outbox":
            assert after[table][: len(before[table])] == before[table]
            assert len(after[table]) == len(before[table]) + 1
        else:
            assert after[table] == before[table], table


def test_matrix_size() -> None:
    """Every command appears, from every role (the README quotes these figures)."""
    assert {n for n, _, _ in CELLS} == set(COMMANDS)
    assert len(ROLES) >= 8
    forms = len(CELLS) // len(ROLES)
    print(
        f"permission matrix: {len(COMMANDS)} commands ({forms} with sub-commands)"
        f" x {len(ROLES)} roles = {len(CELLS)} cells"
    )
