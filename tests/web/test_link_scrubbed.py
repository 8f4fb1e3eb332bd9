"""A sign-in link is kept in the outbox only until the platform accepts it (or it is given
up): a copy of the database taken afterwards — a backup, a support dump — holds no token that
signs anyone in, while the person who asked still signs in with the link they received."""

from __future__ import annotations

from pathlib import Path

from bot.config import Config
from bot.delivery import Deliverer, PermanentFailure, RateLimits
from bot.model import Outgoing
from storage import Store
from storage.web_tokens import SCRUBBED, scrub_links
from tests.web.console_harness import Clock, Console, open_console, outbox

HEAD1 = "local:head-1"


class Sender:
    """A platform that accepts every message, or refuses them all for good."""

    platform = "local"

    def __init__(self, refuse: bool = False) -> None:
        self.refuse = refuse
        self.sent: list[Outgoing] = []

    async def send(self, message: Outgoing) -> None:
        if self.refuse:
            raise PermanentFailure("blocked by the user")
        self.sent.append(message)


def deliverer(store: Store, sender: Sender, clock: Clock) -> Deliverer:
    return Deliverer(store, sender, RateLimits(), clock=clock.now)


async def database_text(console: Console) -> str:
    """Everything stored in the outbox, as a dump would show it."""
    return "\n".join(text for _chat, _kind, text in await outbox(console.bot))


async def test_a_delivered_link_leaves_no_token_in_the_database(console: Console) -> None:
    link = await console.link_for(HEAD1)
    token = link.split("token=", 1)[1]
    assert token in await database_text(console)  # queued: the platform still needs it
    sender = Sender()
    await deliverer(console.bot.store, sender, console.clock).deliver_due()
    assert [token in m.text for m in sender.sent] == [True]  # the person got the whole link
    stored = await database_text(console)
    assert token not in stored and "/login?token=" + SCRUBBED in stored
    async with console.client() as client:  # and it still signs them in, once
        assert (await console.sign_in(client, link)).status_code == 303


async def test_a_link_given_up_is_scrubbed_too(console: Console) -> None:
    link = await console.link_for(HEAD1)
    token = link.split("token=", 1)[1]
    await deliverer(console.bot.store, Sender(refuse=True), console.clock).deliver_due()
    async with console.bot.store.db.conn.execute("SELECT status, text FROM outbox") as cur:
        rows = [(r[0], r[1]) for r in await cur.fetchall()]
    assert [status for status, _ in rows] == ["failed"]
    assert token not in rows[0][1]


async def test_a_link_sent_after_a_restart_is_scrubbed(config: Config, tmp_path: Path) -> None:
    # Queued by one process, sent by the next: the row is read back from the database.
    first = await open_console(config, tmp_path / "web.db", Clock())
    link = await first.link_for(HEAD1)
    await first.bot.close()
    second = await open_console(config, tmp_path / "web.db", Clock())
    try:
        sender = Sender()
        await deliverer(second.bot.store, sender, second.clock).deliver_due()
        token = link.split("token=", 1)[1]
        assert [token in m.text for m in sender.sent] == [True]
        assert token not in await database_text(second)
    finally:
        await second.bot.close()


async def test_other_messages_are_stored_as_they_were_sent(console: Console) -> None:
    await console.say("local:resident-1", "local:building-1", "3单元楼道灯坏了好几天了", "王阿姨")
    before = await database_text(console)
    await deliverer(console.bot.store, Sender(), console.clock).deliver_due()
    assert before and await database_text(console) == before


def test_scrub_links_hides_every_token_and_nothing_else() -> None:
    text = "登录：http://a/login?token=abcDEF_123-xyz7890 或 http://b/login?token=Zz9_Zz9_Zz9_Zz9_"
    scrubbed = scrub_links(text)
    assert scrubbed == (f"登录：http://a/login?token={SCRUBBED} 或 http://b/login?token={SCRUBBED}")
    assert scrub_links("没有链接的消息") is None
    assert scrub_links("说明：/login 页面需要链接") is None
