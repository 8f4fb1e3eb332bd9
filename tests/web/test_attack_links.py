"""A sign-in link posted in a group — forwarded by its owner asking why it does not open, or
passed on by anyone — is voided before anyone there can use it, and its owner is told
privately; nothing is said in the group."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.config import Config
from bot.model import Kind
from handlers import web_texts
from tests.web.console_harness import Console

B1, B2 = "local:building-1", "local:building-2"
HEAD1, HEAD2, RESIDENT = "local:head-1", "local:head-2", "local:resident-1"


async def refused(console: Console, link: str) -> bool:
    async with console.client() as stranger:
        response = await console.sign_in(stranger, link)
    return response.status_code == 400 and web_texts.STAFF_ONLY not in response.text


@pytest.mark.parametrize(
    ("sender", "chat"),
    [(HEAD1, B1), (RESIDENT, B1), (HEAD1, B2), (HEAD2, "local:office")],
)
async def test_a_link_posted_in_a_group_is_voided_and_its_owner_told(
    console: Console, config: Config, sender: str, chat: str
) -> None:
    assert config.office_chat == "local:office"
    link = await console.link_for(HEAD1)
    outs = await console.say(sender, chat, f"这个链接怎么打不开？{link}")
    told = [o for o in outs if o.chat == HEAD1]
    assert [(o.kind, o.text) for o in told] == [
        (Kind.COMMAND_REPLY, web_texts.LINK_POSTED_IN_GROUP)
    ]
    assert not any(link.split("token=")[1] in o.text for o in outs)
    assert all(o.chat in (HEAD1, chat) for o in outs)
    assert await refused(console, link)


async def test_a_link_kept_private_still_works(console: Console) -> None:
    link = await console.link_for(HEAD1)
    # Pasting it back to the bot privately, or mentioning the sign-in page in a group, is fine.
    await console.say(HEAD1, HEAD1, link)
    outs = await console.say(HEAD1, B1, "后台在 /login 页面登录")
    assert not any(o.chat == HEAD1 for o in outs)
    async with console.client() as client:
        response = await console.sign_in(client, link)
    assert response.status_code == 303


async def test_a_used_or_expired_link_in_a_group_says_nothing(console: Console) -> None:
    used = await console.link_for(HEAD1)
    async with console.client() as client:
        assert (await console.sign_in(client, used)).status_code == 303
    expired = await console.link_for(HEAD2)
    console.clock.advance(timedelta(minutes=11))
    for link in (used, expired):
        outs = await console.say(RESIDENT, B1, f"看看这个 {link}")
        assert not any(o.chat in (HEAD1, HEAD2) for o in outs)
