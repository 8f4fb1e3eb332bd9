"""Staff are handlers, not reporters; sensitive messages stay private; staff corrections
(/report as a reply, /notissue, /recat) file, withdraw and recategorise, and are kept as
labelled examples."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

from bot.app import Linli
from bot.model import Kind
from storage.issues import IssueStatus
from tests.conftest import T0, say

HEAD = {"sender": "local:head-1", "name": "张阿姨"}


async def test_a_heads_remark_in_the_group_is_not_filed(app: Linli) -> None:
    outs = await app.handle(say("昨晚的噪音我上午去楼上敲门说一下", **HEAD))
    assert outs == []
    outs = await app.handle(say("3单元楼道灯坏了", **HEAD, minutes=1))
    assert outs == [] and await app.store.issues.get(1) is None


async def test_a_sensitive_message_is_answered_privately_never_in_the_group(app: Linli) -> None:
    outs = await app.handle(say("我老公又喝醉了在打我，孩子吓得一直哭"))
    assert outs and all(o.kind is Kind.SENSITIVE_ALERT for o in outs)
    assert all(o.chat != "local:building-1" and o.fallback_chat is None for o in outs)
    to_sender = [o for o in outs if o.chat == "local:resident-1"]
    assert len(to_sender) == 1 and "110" in to_sender[0].text and "120" in to_sender[0].text
    staff = {o.chat for o in outs} - {"local:resident-1"}
    assert {"local:head-1", "local:grid-1"} <= staff
    assert await app.store.issues.get(1) is None


async def test_reply_report_files_the_residents_message_for_the_resident(app: Linli) -> None:
    outs = await app.handle(say("物业的人说话太冲了，问个事爱答不理", message_id="r1"))
    filed_before = await app.store.issues.get(1)
    msg = dataclasses.replace(say("/report", **HEAD, minutes=2), reply_to="r1")
    outs = await app.handle(msg)
    created = [o for o in outs if o.kind is Kind.ISSUE_CREATED]
    if filed_before is None:
        assert created and created[0].mentions[0].user == "local:resident-1"
    issue = await app.store.issues.get(1)
    assert issue is not None and issue.reporter == "local:resident-1"
    assert issue.text == "物业的人说话太冲了，问个事爱答不理"
    examples = await app.store.corrections.all()
    assert [(e.intent, e.source) for e in examples] == [("report", "report_reply")]


async def test_reply_report_to_an_unknown_message_explains(app: Linli) -> None:
    msg = dataclasses.replace(say("/report", **HEAD), reply_to="nowhere")
    outs = await app.handle(msg)
    assert [o.kind for o in outs] == [Kind.ERROR] and "/report" in outs[0].text


async def test_notissue_withdraws_politely_and_is_remembered(app: Linli) -> None:
    await app.handle(say("/report 3单元楼道灯坏了"))
    outs = await app.handle(say("不是问题 1", **HEAD, minutes=1))
    issue = await app.store.issues.get(1)
    assert issue is not None and issue.status is IssueStatus.REJECTED
    note = [o for o in outs if o.kind is Kind.ISSUE_STATUS]
    assert note and note[0].mentions[0].user == "local:resident-1" and "撤销" in note[0].text
    examples = await app.store.corrections.all()
    assert [(e.text, e.intent, e.issue) for e in examples] == [("3单元楼道灯坏了", "chat", 1)]
    # No reminder for a withdrawn issue.
    later = await app.tick(T0 + timedelta(hours=3))
    assert not [o for o in later if o.issue == 1]


async def test_notissue_is_for_staff_only(app: Linli) -> None:
    await app.handle(say("/report 3单元楼道灯坏了"))
    outs = await app.handle(say("/notissue 1", minutes=1))
    assert [o.kind for o in outs] == [Kind.ERROR]
    assert await app.store.corrections.all() == []


async def test_recat_changes_the_category_by_label_or_code(app: Linli) -> None:
    await app.handle(say("/report 卫生间天花板在滴水，楼上漏的"))
    outs = await app.handle(say("/recat 1 排水", **HEAD, minutes=1))
    issue = await app.store.issues.get(1)
    assert issue is not None and issue.category == "drainage"
    assert [o.kind for o in outs] == [Kind.COMMAND_REPLY] and "排水" in outs[0].text
    await app.handle(say("/recat 1 water", **HEAD, minutes=2))
    issue = await app.store.issues.get(1)
    assert issue is not None and issue.category == "water"
    examples = await app.store.corrections.all()
    assert [(e.category, e.source) for e in examples] == [("water", "recat")]


async def test_recat_to_an_unknown_category_lists_the_choices(app: Linli) -> None:
    await app.handle(say("/report 3单元楼道灯坏了"))
    outs = await app.handle(say("/recat 1 天气", **HEAD, minutes=1))
    assert [o.kind for o in outs] == [Kind.ERROR] and "供水" in outs[0].text
