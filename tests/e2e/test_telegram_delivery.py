"""End to end on a virtual clock: the shared Deliverer drives the real adapter's ``send``
against the local Bot API server (429, rate limits, unreachable heads, upgraded groups)."""

from __future__ import annotations

import itertools
from datetime import timedelta
from pathlib import Path

import pytest

from bot.model import Kind, Mention, Outgoing
from tests.conftest import T0
from tests.e2e.telegram_harness import (
    BUILDING_CHAT,
    HEAD,
    Running,
    fake_api,
    running_bot,
    write_config,
)

pytestmark = pytest.mark.timeout(30)
GROUP = f"telegram:{BUILDING_CHAT}"


async def queue(bot: Running, messages: list[Outgoing]) -> None:
    async with bot.app.store.transaction():
        await bot.app.store.outbox.add(messages, T0)


async def drain(bot: Running, max_steps: int = 2000) -> None:
    """Deliver until the outbox is empty, jumping the virtual clock to each next send time."""
    for _ in range(max_steps):
        if not await bot.app.store.outbox.pending_count("telegram"):
            return
        earliest = await bot.deliverer.deliver_due()
        now = bot.clock_value[0]
        bot.clock_value[0] = max(earliest or now + timedelta(seconds=1), now)
        if earliest is None or earliest <= now:
            bot.clock_value[0] = now + timedelta(milliseconds=100)
    raise AssertionError("outbox did not drain")


async def test_429_is_retried_after_retry_after(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with fake_api() as server:
        config = write_config(tmp_path, server.base_url)
        async with running_bot(config, monkeypatch, virtual_clock=T0) as bot:
            server.fail_next(
                "sendMessage", 429, "Too Many Requests: retry after 7", {"retry_after": 7}
            )
            await queue(bot, [Outgoing(GROUP, Kind.COMMAND_REPLY, "你好")])
            await bot.deliverer.deliver_due()
            assert len(server.calls_of("sendMessage")) == 1 and server.sent == []
            bot.clock_value[0] = T0 + timedelta(seconds=6.9)
            await bot.deliverer.deliver_due()
            assert len(server.calls_of("sendMessage")) == 1
            bot.clock_value[0] = T0 + timedelta(seconds=7)
            await bot.deliverer.deliver_due()
            assert [m["text"] for m in server.sent] == ["你好"]
            assert bot.recording.sent[0][1] == T0 + timedelta(seconds=7)


async def test_burst_of_100_to_one_group_keeps_20_per_minute_and_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    texts = [f"第 {i} 条回复 <b>&</b>" for i in range(1, 101)]
    async with fake_api() as server:
        config = write_config(tmp_path, server.base_url)
        async with running_bot(config, monkeypatch, virtual_clock=T0) as bot:
            await queue(bot, [Outgoing(GROUP, Kind.COMMAND_REPLY, t) for t in texts])
            await drain(bot)
            times = [at for _, at in bot.recording.sent]

    assert [m["text"] for m in server.sent] == [
        t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") for t in texts
    ]
    assert all(m["chat_id"] == BUILDING_CHAT for m in server.sent)
    assert len(times) == 100
    assert all(b - a >= timedelta(seconds=1) for a, b in itertools.pairwise(times))
    # No 60-second window holds more than 20: the 21st after any send is a minute later.
    assert all(times[i + 20] - times[i] >= timedelta(minutes=1) for i in range(80))
    assert times[-1] - times[0] < timedelta(minutes=5)


async def test_head_who_never_started_the_bot_is_asked_in_the_group(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with fake_api() as server:
        config = write_config(tmp_path, server.base_url)
        async with running_bot(config, monkeypatch, virtual_clock=T0) as bot:
            server.fail_next(
                "sendMessage",
                403,
                "Forbidden: bot can't initiate conversation with a user",
                chat_id=HEAD,
            )
            reminder = Outgoing(
                f"telegram:{HEAD}",
                Kind.ACK_REMINDER,
                "第 1 号问题还没有受理。",
                issue=1,
                mentions=(Mention(f"telegram:{HEAD}", "张阿姨"),),
                fallback_chat=GROUP,
            )
            await queue(bot, [reminder])
            await drain(bot)

    assert len(server.sent) == 1
    notice = server.sent[0]
    assert notice["chat_id"] == BUILDING_CHAT
    link = f'<a href="tg://user?id={HEAD}">@张阿姨</a>'
    assert notice["text"].count(link) == 1 and notice["text"].count("@张阿姨") == 1
    assert "/start" in notice["text"] and "第 1 号问题还没有受理" in notice["text"]


async def test_send_to_an_upgraded_group_follows_the_new_id(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    new_chat = -1003
    async with fake_api() as server:
        config = write_config(tmp_path, server.base_url)
        async with running_bot(config, monkeypatch, virtual_clock=T0) as bot:
            server.fail_next(
                "sendMessage",
                400,
                "Bad Request: group chat was upgraded to a supergroup chat",
                {"migrate_to_chat_id": new_chat},
                chat_id=BUILDING_CHAT,
            )
            await queue(bot, [Outgoing(GROUP, Kind.COMMAND_REPLY, "第一条")])
            await drain(bot)
            await queue(bot, [Outgoing(GROUP, Kind.COMMAND_REPLY, "第二条")])
            await drain(bot)

    sent = [(m["chat_id"], m["text"][:3]) for m in server.sent]
    assert sent[0] == (new_chat, "第一条")
    assert (new_chat, "第二条") in sent
    assert any(f"telegram:{new_chat}" in m["text"] for m in server.sent)  # the admin is told
    assert all(chat == new_chat for chat, _ in sent)
