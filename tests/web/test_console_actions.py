"""Acting on an issue from the console runs the chat's handlers: the group gets exactly the
message it gets when the same person does the same in the chat."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import Config
from tests.web.console_harness import Clock, Console, csrf_of, open_console, outbox

B1 = "local:building-1"
HEAD1, GRID = "local:head-1", "local:grid-1"

# (console action, note, the same typed privately to the bot)
STEPS = [
    ("ack", "马上去看", "/ack 1 马上去看"),
    ("assign", "物业王师傅", "/assign 1 物业王师傅"),
    ("progress", "2点电工来修", "/progress 1 2点电工来修"),
    ("wait", "等配件", "/wait 1 等配件"),
    ("resolve", "已换灯泡", "/resolve 1 已换灯泡"),
]


async def _reported(console: Console) -> None:
    await console.say("local:resident-1", B1, "3单元楼道灯坏了", "小王")
    await console.say("local:resident-2", "local:building-2", "5单元电梯坏了", "老李")


@pytest.mark.parametrize("actor", [HEAD1, GRID])
async def test_console_actions_tell_the_group_as_the_chat_does(
    config: Config, tmp_path: Path, actor: str
) -> None:
    web = await open_console(config, tmp_path / "web.db", Clock())
    chat = await open_console(config, tmp_path / "chat.db", Clock())
    try:
        await _reported(web)
        await _reported(chat)
        async with web.signed_in(actor) as client:
            for action, note, typed in STEPS:
                web_before, chat_before = len(await outbox(web.bot)), len(await outbox(chat.bot))
                csrf = csrf_of((await client.get("/issues/1")).text)
                response = await client.post(
                    "/issues/1/act", data={"csrf": csrf, "action": action, "note": note}
                )
                assert response.status_code == 303
                page = await client.get("/issues/1")
                assert 'class="ok" id="flash"' in page.text, (action, page.text)
                # The console names the actor as the config does; so does their chat name here.
                await chat.say(actor, actor, typed, config.person_by_id[actor].name)
                to_group = [m for m in (await outbox(web.bot))[web_before:] if m[0] == B1]
                chat_group = [m for m in (await outbox(chat.bot))[chat_before:] if m[0] == B1]
                assert to_group and to_group == chat_group, action
                assert all(kind == "issue_status" for _, kind, _ in to_group)
                # The actor's own confirmation is shown on the page, not sent to them.
                assert not [m for m in (await outbox(web.bot))[web_before:] if m[0] == actor]
        web_issue, chat_issue = (
            await web.bot.store.issues.get(1),
            await chat.bot.store.issues.get(1),
        )
        assert web_issue is not None and chat_issue is not None
        assert web_issue.status == chat_issue.status == "resolved"
        history = [(e.actor, e.action, e.note) for e in await web.bot.store.issues.history(1)]
        assert history == [
            (e.actor, e.action, e.note) for e in await chat.bot.store.issues.history(1)
        ]
        assert (actor, "ack", "马上去看") in history
    finally:
        await web.bot.close()
        await chat.bot.close()


async def test_a_note_starting_with_a_number_acts_on_one_issue(
    config: Config, tmp_path: Path
) -> None:
    """ "2 点来修" must not become issue 2 as well (the grammar reads "/progress 1 2" so)."""
    web = await open_console(config, tmp_path / "web.db", Clock())
    try:
        await _reported(web)
        async with web.signed_in(GRID) as client:
            csrf = csrf_of((await client.get("/issues/1")).text)
            await client.post(
                "/issues/1/act", data={"csrf": csrf, "action": "progress", "note": "2 点来修"}
            )
        one, two = await web.bot.store.issues.get(1), await web.bot.store.issues.get(2)
        assert one is not None and one.status == "in_progress"
        assert two is not None and two.status == "new"
    finally:
        await web.bot.close()


async def test_a_refused_action_changes_nothing_and_says_why(
    config: Config, tmp_path: Path
) -> None:
    web = await open_console(config, tmp_path / "web.db", Clock())
    try:
        await _reported(web)
        async with web.signed_in(HEAD1) as client:
            csrf = csrf_of((await client.get("/issues/1")).text)
            before = await outbox(web.bot)
            # A reason is required to reject; an unknown action is refused.
            await client.post("/issues/1/act", data={"csrf": csrf, "action": "reject"})
            page = await client.get("/issues/1")
            assert 'class="error" id="flash"' in page.text and "原因" in page.text
            await client.post("/issues/1/act", data={"csrf": csrf, "action": "forget"})
            assert "没有这个操作" in (await client.get("/issues/1")).text
            assert await outbox(web.bot) == before
        issue = await web.bot.store.issues.get(1)
        assert issue is not None and issue.status == "new"
    finally:
        await web.bot.close()


async def test_numbers_are_masked_on_the_pages(config: Config, tmp_path: Path) -> None:
    web = await open_console(config, tmp_path / "web.db", Clock())
    try:
        await web.say(
            "local:resident-1", B1, "3单元楼道灯坏了，有事打我13812345678", "王姐13900001111"
        )
        async with web.signed_in(HEAD1) as client:
            for path in ("/issues", "/issues/1"):
                text = (await client.get(path)).text
                assert "13812345678" not in text and "138****5678" in text, path
                assert "13900001111" not in text
    finally:
        await web.bot.close()
