"""Help matching reads offers through indexes (by building, by skill word) and still picks
the same candidates as ranking every offer would: same building first, then the better
match; other buildings only when the scope is the community."""

from __future__ import annotations

import dataclasses
import sqlite3
from datetime import timedelta
from pathlib import Path

from bot.app import Linli
from bot.config import Config
from bot.feature import Context
from handlers.help_matching import choose
from storage.db import migrations, split_statements
from storage.help_records import HelpRequest
from tests.conftest import T0

LATER = T0 + timedelta(days=90)


async def _offer(app: Linli, user: str, building: str, *skills: str) -> int:
    async with app.store.transaction():
        await app.store.help.touch_profile(user, user, building)
        offer = await app.store.help.add_offer(user, user, building, skills, None, T0, LATER)
    return offer.id


async def _request(app: Linli, building: str, *skills: str) -> HelpRequest:
    async with app.store.transaction():
        return await app.store.help.create_request(
            "local:req", "小王", building, "local:building-1", "求助", skills, T0
        )


def _ctx(app: Linli, config: Config) -> Context:
    return Context(config=config, store=app.store, now=T0 + timedelta(minutes=1))


def _community(config: Config) -> Config:
    return dataclasses.replace(config, help=dataclasses.replace(config.help, scope="community"))


async def _chosen(app: Linli, config: Config, req: HelpRequest, limit: int = 3) -> list[str]:
    return [c.offer.user for c in await choose(_ctx(app, config), req, limit)]


async def test_building_scope_asks_only_the_building(app: Linli, config: Config) -> None:
    await _offer(app, "local:a", "1号楼", "修电脑")
    await _offer(app, "local:b", "2号楼", "电脑维修")
    await _offer(app, "local:c", "1号楼", "理发")
    req = await _request(app, "1号楼", "电脑维修")
    assert await _chosen(app, config, req) == ["local:a"]


async def test_community_scope_fills_up_from_other_buildings(app: Linli, config: Config) -> None:
    await _offer(app, "local:a", "1号楼", "修电脑")
    await _offer(app, "local:b", "2号楼", "电脑维修")
    await _offer(app, "local:c", "2号楼", "理发")
    await _offer(app, "local:d", "2号楼", "笔记本电脑")  # a loose overlap with 电脑
    req = await _request(app, "1号楼", "电脑维修")
    wide = _community(config)
    assert await _chosen(app, wide, req) == ["local:a", "local:b", "local:d"]
    # Enough candidates in the building: the others are not needed.
    assert await _chosen(app, wide, req, limit=1) == ["local:a"]


async def test_changed_and_forgotten_offers_are_followed(app: Linli, config: Config) -> None:
    wide = _community(config)
    await _offer(app, "local:a", "1号楼", "修电脑")
    c = await _offer(app, "local:c", "2号楼", "理发")
    req = await _request(app, "1号楼", "电脑维修")
    assert await _chosen(app, wide, req) == ["local:a"]
    async with app.store.transaction():
        await app.store.help.set_offer_skills(c, ("装系统",))
    assert await _chosen(app, wide, req) == ["local:a", "local:c"]
    async with app.store.transaction():
        await app.store.help.forget("local:a")
    assert await _chosen(app, wide, req) == ["local:c"]
    async with app.store.transaction():
        await app.store.help.remove_offer(c)
    assert await _chosen(app, wide, req) == []


async def test_offers_made_before_the_index_are_found(config: Config, tmp_path: Path) -> None:
    """Migration 0008 indexes the words of the offers a database already held."""
    path = tmp_path / "old.db"
    raw = sqlite3.connect(path)
    for version, _, sql in migrations():
        if version < 8:
            for statement in split_statements(sql):
                raw.execute(statement)
    raw.execute("PRAGMA user_version = 7")
    raw.execute(
        "INSERT INTO help_offers (user, name, building, skills, created_at, expires_at)"
        " VALUES ('local:old', '老人', '2号楼', '[\"修电脑\"]', ?, ?)",
        (T0.timestamp(), LATER.timestamp()),
    )
    raw.commit()
    raw.close()
    app = await Linli.open(config, database=path)
    try:
        req = await _request(app, "1号楼", "电脑维修")
        assert await _chosen(app, _community(config), req) == ["local:old"]
        assert await _chosen(app, config, req) == []
    finally:
        await app.close()
