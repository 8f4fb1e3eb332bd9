"""Privacy masking in group posts, and flood control that spares everyone else."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from bot.app import Linli
from bot.config import Config
from bot.model import Kind, Mention, Outgoing
from bot.privacy import for_delivery, mask
from tests.conftest import EXAMPLE_CONFIG, say


@pytest.mark.parametrize(
    ("raw", "masked"),
    [
        ("有事打我13812345678", "有事打我138****5678"),
        ("电话 +86 138-1234-5678 找我", "电话 138****5678 找我"),
        ("身份证110101199003071234", "身份证110***********1234"),
        ("身份证11010119900307123X号", "身份证110***********123X号"),
        ("京A12345挡住了消防通道", "京A***45挡住了消防通道"),
        ("粤B·D12345 新能源车", "粤B***45 新能源车"),
        ("物业电话010-12345678", "物业电话010-****"),
        ("602室的灯坏了，3单元12楼", "602室的灯坏了，3单元12楼"),
        ("第 12345 号问题", "第 12345 号问题"),
    ],
)
def test_mask(raw: str, masked: str) -> None:
    assert mask(raw) == masked


def test_only_group_messages_are_masked(config: Config) -> None:
    text = "请联系 13812345678"
    out = for_delivery(
        [
            Outgoing("local:building-1", Kind.COMMAND_REPLY, text),
            Outgoing("local:head-1", Kind.HELP_CONNECTED, text),
            Outgoing("telegram:-100123", Kind.COMMAND_REPLY, text),
            Outgoing("wechat:20874@chatroom", Kind.COMMAND_REPLY, text),
        ],
        config,
    )
    assert [m.text for m in out] == [
        "请联系 138****5678",
        text,
        "请联系 138****5678",
        "请联系 138****5678",
    ]


def test_a_phone_number_in_a_display_name_is_masked_in_group_mentions(config: Config) -> None:
    who = Mention("local:resident-7", "王姐13812345678")
    group, private = for_delivery(
        [
            Outgoing("local:building-1", Kind.ISSUE_CREATED, "已记录", mentions=(who,)),
            Outgoing("local:head-1", Kind.ISSUE_ALERT, "紧急", mentions=(who,)),
        ],
        config,
    )
    assert group.mentions == (Mention("local:resident-7", "王姐138****5678"),)
    assert private.mentions == (who,)


async def test_flooding_resident_is_throttled_politely_others_unaffected(app: Linli) -> None:
    replies = []
    for i in range(50):
        replies.append(await app.handle(say(f"刷屏消息{i}", minutes=i / 50)))
    warnings = [o for batch in replies for o in batch if o.kind is Kind.ERROR]
    assert len(warnings) == 1 and "稍等" in warnings[0].text
    # The flood is stored (nothing lost) but not acted on.
    assert await app.store.inbox.count() == 50
    # Meanwhile a neighbour reports a problem and is answered normally.
    outs = await app.handle(
        say("3单元楼道灯坏了", sender="local:resident-9", name="老李", minutes=0.9)
    )
    assert [o.kind for o in outs] == [Kind.ISSUE_CREATED]
    # While still flooding, the flooder's own report is not acted on ...
    assert await app.handle(say("5单元楼道灯坏了", minutes=0.95)) == []
    # ... and once they slow down they are heard again.
    outs = await app.handle(say("5单元楼道灯坏了", minutes=3))
    assert [o.kind for o in outs] == [Kind.ISSUE_CREATED]


async def test_staff_are_not_throttled(app: Linli) -> None:
    for i in range(30):
        await app.handle(say(f"通知{i}", sender="local:head-1", name="张阿姨", minutes=i / 60))
    outs = await app.handle(say("/whoami", sender="local:head-1", name="张阿姨", minutes=0.6))
    assert outs and outs[0].kind is Kind.COMMAND_REPLY


async def test_info_logs_do_not_contain_message_text(
    app: Linli, caplog: pytest.LogCaptureFixture
) -> None:
    secret = "我家门锁密码是778899楼道灯坏了"
    with caplog.at_level(logging.INFO):
        await app.handle(say(secret, message_id="dup"))
        await app.handle(say(secret, message_id="dup"))
        for i in range(25):
            await app.handle(say(secret + str(i), sender="local:spam", minutes=i / 100))
    assert caplog.records
    assert all("778899" not in r.getMessage() for r in caplog.records)


async def test_bad_config_reload_keeps_the_running_config(app: Linli, tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[[buildings]]\nname = 1\n", encoding="utf-8")
    before = app.config
    assert app.reload(bad) is False
    assert app.config is before
    outs = await app.handle(say("3单元楼道灯坏了"))
    assert [o.kind for o in outs] == [Kind.ISSUE_CREATED]
    good = tmp_path / "good.toml"
    good.write_text(
        EXAMPLE_CONFIG.read_text(encoding="utf-8").replace("local:building-2", "local:b2-new"),
        encoding="utf-8",
    )
    assert app.reload(good) is True
    assert app.config.building_of_chat.get("local:b2-new") == "2号楼"
    outs = await app.handle(say("/ack 1", sender="local:head-1", name="张阿姨", minutes=1))
    assert [o.kind for o in outs] == [Kind.ISSUE_STATUS]


async def test_forget_really_deletes(app: Linli) -> None:
    phone = "13912345678"
    helper = {"sender": "local:resident-7", "name": "老李"}
    requester = {"sender": "local:resident-8", "name": "小周"}
    await app.handle(say("/offer 修电脑", **helper))
    await app.handle(say(f"/contact 电话 {phone}", chat="local:resident-7", **helper, minutes=1))
    await app.handle(say("/need 谁能帮我修电脑", **requester, minutes=2))
    outs = await app.handle(say("/accept 1", chat="local:resident-7", **helper, minutes=3))
    assert any(o.kind is Kind.HELP_CONNECTED and phone in o.text for o in outs)
    # Everything queued so far was "sent".
    for item in await app.store.outbox.due(None, say("x", minutes=4).at, limit=500):
        await app.store.outbox.mark_sent(item.id, say("x", minutes=4).at)

    await app.handle(say("/forget", chat="local:resident-7", **helper, minutes=5))

    conn = app.store.db.conn
    for table in ("help_offers", "help_profiles", "help_pending_offers", "residents"):
        async with conn.execute(
            f"SELECT count(*) FROM {table} WHERE user = ?", (helper["sender"],)
        ) as cur:
            row = await cur.fetchone()
        assert row is not None and row[0] == 0, table
    # No table holds the phone number or the person's name any more.
    tables = await app.store.db.table_names()
    for table in tables:
        async with conn.execute(f"SELECT * FROM {table}") as cur:
            rows = await cur.fetchall()
        for row in rows:
            text = " ".join(str(v) for v in tuple(row))
            assert phone not in text, (table, text)
            assert "老李" not in text, (table, text)


async def test_offer_with_a_phone_number_is_refused_not_stored(app: Linli) -> None:
    outs = await app.handle(say("/offer 修电脑 电话13812345678"))
    assert [o.kind for o in outs] == [Kind.ERROR] and "/contact" in outs[0].text
    assert "13812345678" not in outs[0].text
    assert await app.store.help.offers_of("local:resident-1", say("x").at) == []
