"""Several accounts per platform: config, which account serves which chat, --worker."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.config import ConfigError, load_config
from bot.model import Incoming, Kind, Outgoing
from bot.runner import RunError, run
from bot.workers import NoSuchWorker, accounts, configured_routes
from storage import Store
from storage.outbox import Lane

NOW = datetime(2026, 5, 1, 1, 0, tzinfo=UTC)

THREE_BUILDINGS = """
[[buildings]]
name = "1号楼"
chats = ["telegram:-1001", "wechat:r1@chatroom"]

[[buildings]]
name = "2号楼"
chats = ["telegram:-1002"]

[[buildings]]
name = "3号楼"
chats = ["telegram:-1003"]

[[people]]
id = "telegram:501"
name = "张阿姨"
role = "head"
buildings = ["2号楼"]

[[people]]
id = "telegram:502"
name = "李叔"
role = "head"
buildings = ["3号楼", "2号楼"]
"""

TWO_ACCOUNTS = (
    THREE_BUILDINGS
    + """
[telegram]
enabled = true
poll_timeout = 3

[[telegram.accounts]]
name = "east"
token_env = "EAST_TOKEN"
buildings = ["1号楼"]

[[telegram.accounts]]
name = "west"
token_env = "WEST_TOKEN"
worker = "w2"
buildings = ["2号楼"]
base_url = "http://127.0.0.1:9/bot"
"""
)


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "c.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_accounts_inherit_the_section_and_override_their_keys(tmp_path: Path) -> None:
    cfg = load_config(write(tmp_path, TWO_ACCOUNTS))
    east, west = cfg.telegram.all_accounts()
    assert (east.name, east.worker, east.token_env, east.poll_timeout) == (
        "east",
        "east",
        "EAST_TOKEN",
        3,
    )
    assert (west.name, west.worker, west.base_url) == ("west", "w2", "http://127.0.0.1:9/bot")
    assert east.base_url is None


def test_without_accounts_the_section_is_the_one_account(tmp_path: Path) -> None:
    cfg = load_config(write(tmp_path, THREE_BUILDINGS + "[telegram]\nenabled = true\n"))
    (only,) = accounts(cfg)
    assert (only.platform, only.name, only.lane) == ("telegram", "telegram", Lane("telegram"))
    assert not only.routed
    assert configured_routes(cfg, "telegram") == {}


def test_bad_accounts_are_reported_with_their_key_paths(tmp_path: Path) -> None:
    text = (
        THREE_BUILDINGS
        + """
[telegram]
enabled = true
[[telegram.accounts]]
name = "East Side"
buildings = ["1号楼", "9号楼"]
colour = "red"
[[telegram.accounts]]
name = "b"
buildings = ["1号楼"]
[[telegram.accounts]]
name = "b"
"""
    )
    with pytest.raises(ConfigError) as info:
        load_config(write(tmp_path, text))
    found = "\n".join(info.value.problems)
    assert "telegram.accounts[0].name" in found and "East Side" in found
    assert "telegram.accounts[0].buildings[1]: unknown building '9号楼'" in found
    assert "telegram.accounts[0].colour: unknown key" in found
    assert "two accounts are named 'b'" in found
    assert "building '1号楼' is served by two accounts" in found


def test_each_worker_runs_its_own_accounts(tmp_path: Path) -> None:
    cfg = load_config(write(tmp_path, TWO_ACCOUNTS))
    assert [a.key for a in accounts(cfg)] == ["telegram/east", "telegram/west"]
    (east,) = accounts(cfg, "east")
    assert east.lane == Lane("telegram", "east", unrouted=True)
    (west,) = accounts(cfg, "w2")
    assert west.lane == Lane("telegram", "west", unrouted=False)
    with pytest.raises(NoSuchWorker, match="the config's workers: east, w2"):
        accounts(cfg, "west")


def test_group_chats_and_staff_follow_their_buildings_account(tmp_path: Path) -> None:
    cfg = load_config(write(tmp_path, TWO_ACCOUNTS))
    assert configured_routes(cfg, "telegram") == {
        "telegram:-1001": "east",
        "telegram:-1002": "west",
        # 3号楼 is nobody's: its chat goes to the first account (no route); its head's
        # private chat follows the first of their buildings that an account serves.
        "telegram:501": "west",
        "telegram:502": "west",
    }
    assert configured_routes(cfg, "wechat") == {}


def reply(chat: str, text: str = "好") -> Outgoing:
    return Outgoing(chat, Kind.COMMAND_REPLY, text)


async def test_each_lane_sends_only_its_chats(tmp_path: Path) -> None:
    store = await Store.open(tmp_path / "t.db")
    try:
        async with store.transaction():
            await store.routes.set_configured({"telegram:-1001": "east", "telegram:-1002": "west"})
            await store.routes.learn("telegram:777", "west")
            await store.outbox.add(
                [
                    reply("telegram:-1001"),
                    reply("telegram:-1002"),
                    reply("telegram:-1003"),
                    reply("telegram:777"),
                    reply("wechat:r1@chatroom"),
                ],
                NOW,
            )
        east = await store.outbox.due(Lane("telegram", "east", unrouted=True), NOW)
        west = await store.outbox.due(Lane("telegram", "west", unrouted=False), NOW)
        assert [q.message.chat for q in east] == ["telegram:-1001", "telegram:-1003"]
        assert [q.message.chat for q in west] == ["telegram:-1002", "telegram:777"]
        # A single account sends every chat of its platform, as before.
        assert len(await store.outbox.due(Lane("telegram"), NOW)) == 4
    finally:
        await store.close()


async def test_config_routes_are_rewritten_but_learned_ones_kept(tmp_path: Path) -> None:
    store = await Store.open(tmp_path / "t.db")
    try:
        async with store.transaction():
            await store.routes.set_configured({"telegram:-1001": "east", "telegram:501": "east"})
            await store.routes.learn("telegram:501", "west")  # wrote to west privately
            await store.routes.learn("telegram:777", "east")
        async with store.transaction():
            # The next start: 1号楼 moved to west, the head's config route is gone.
            await store.routes.set_configured({"telegram:-1001": "west"})
        assert await store.routes.account_of("telegram:-1001") == "west"
        assert await store.routes.account_of("telegram:501") == "west"
        assert await store.routes.account_of("telegram:777") == "east"
        async with store.transaction():
            await store.routes.learn("telegram:777", "west")
        assert await store.routes.account_of("telegram:777") == "west"
    finally:
        await store.close()


async def test_a_private_message_routes_the_person_to_the_account_it_came_through(
    tmp_path: Path,
) -> None:
    from bot.app import Linli

    cfg = load_config(write(tmp_path, TWO_ACCOUNTS))
    app = await Linli.open(cfg, database=tmp_path / "t.db")
    try:
        msg = Incoming(
            chat="telegram:888",
            sender="telegram:888",
            sender_name="小王",
            text="/whoami",
            at=NOW + timedelta(minutes=1),
            message_id="1",
            private=True,
            via="west",
        )
        await app.handle(msg)
        assert await app.store.routes.account_of("telegram:888") == "west"
        west = await app.store.outbox.due(Lane("telegram", "west", unrouted=False), msg.at)
        assert [q.message.chat for q in west] == ["telegram:888"]
    finally:
        await app.close()


async def test_worker_is_refused_on_sqlite(tmp_path: Path) -> None:
    cfg = load_config(write(tmp_path, TWO_ACCOUNTS))
    with pytest.raises(RunError, match="--worker east needs a PostgreSQL database"):
        await run(cfg, worker="east")
    with pytest.raises(RunError, match="no enabled account is run by worker 'nobody'"):
        await run(cfg, worker="nobody")


def test_check_config_names_the_accounts(tmp_path: Path) -> None:
    cfg = load_config(write(tmp_path, TWO_ACCOUNTS))
    assert "platforms: telegram (accounts east, west)" in cfg.summary()


async def test_an_account_already_running_is_refused_on_postgresql(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from urllib.parse import urlsplit, urlunsplit

    from storage.workers import hold_name
    from tests.conftest import fresh_pg_database

    async with fresh_pg_database("linli_workers_run") as url:
        parts = urlsplit(url)
        monkeypatch.setenv("LINLI_TEST_DB_PASSWORD", parts.password or "")
        bare = urlunsplit(
            parts._replace(netloc=f"{parts.username}@{parts.hostname}:{parts.port or 5432}")
        )
        storage = f'[storage]\nurl = "{bare}"\npassword_env = "LINLI_TEST_DB_PASSWORD"\n'
        cfg = load_config(write(tmp_path, storage + TWO_ACCOUNTS))
        other = await Store.open(url)  # another process runs east already
        try:
            await hold_name(other.db, "telegram/east")
            with pytest.raises(RunError, match="account telegram/east is already run"):
                await run(cfg, worker="east")
        finally:
            await other.close()


async def test_each_account_gets_its_own_adapter(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot.app import Linli
    from bot.runner import create_adapters

    text = (
        TWO_ACCOUNTS
        + """
[wechat]
enabled = true
[[wechat.accounts]]
name = "wx-a"
endpoint = "127.0.0.1:9001"
buildings = ["1号楼"]
[[wechat.accounts]]
name = "wx-b"
endpoint = "127.0.0.1:9002"
"""
    )
    monkeypatch.setenv("EAST_TOKEN", "1:east")
    monkeypatch.setenv("WEST_TOKEN", "2:west")
    # The gateway variable names one endpoint: it cannot apply to several accounts.
    monkeypatch.setenv("WECHATY_PUPPET_SERVICE_ENDPOINT", "127.0.0.1:9999")
    cfg = load_config(write(tmp_path, text))
    app = await Linli.open(cfg, database=tmp_path / "t.db")
    try:
        adapters = create_adapters(cfg, app, accounts(cfg))
        got = [(a.platform, a.route_as) for a in adapters]
        assert got == [
            ("telegram", "east"),
            ("telegram", "west"),
            ("wechat", "wx-a"),
            ("wechat", "wx-b"),
        ]
        assert [getattr(a, "endpoint", None) for a in adapters[2:]] == [
            "127.0.0.1:9001",
            "127.0.0.1:9002",
        ]
        assert [a.tg.base_url for a in adapters[:2]] == [None, "http://127.0.0.1:9/bot"]  # type: ignore[attr-defined]
    finally:
        await app.close()
