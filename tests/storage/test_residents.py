"""The residents' row: a message writes it only when the name or building changes
(storage/residents.py). A fresh ``ResidentRepo`` stands for a new process (no cache)."""

from __future__ import annotations

from datetime import timedelta

from bot.app import Linli
from storage.residents import Resident, ResidentRepo
from tests.conftest import T0, say

USER = "local:r-seen"


async def _row(app: Linli) -> tuple[str, str | None, float]:
    async with app.store.db.conn.execute(
        "SELECT name, building, last_seen FROM residents WHERE user = ?", (USER,)
    ) as cur:
        row = await cur.fetchone()
    return row[0], row[1], float(row[2])


async def _seen(app: Linli, name: str, building: str | None, hours: float) -> None:
    repo = ResidentRepo(app.store.db)  # a new process: nothing remembered
    async with app.store.transaction():
        await repo.seen(USER, name, building, T0 + timedelta(hours=hours))


async def test_an_unchanged_resident_is_not_rewritten_after_a_restart(app: Linli) -> None:
    await app.handle(say("大家好", sender=USER, name="老赵"))
    building = app.config.building_of_chat["local:building-1"]
    assert await _row(app) == ("老赵", building, T0.timestamp())
    await _seen(app, "老赵", building, hours=5)
    assert await _row(app) == ("老赵", building, T0.timestamp())
    await _seen(app, "老赵", None, hours=6)  # no building: keeps the row's
    assert await _row(app) == ("老赵", building, T0.timestamp())


async def test_a_new_name_or_building_is_written_with_its_time(app: Linli) -> None:
    await app.handle(say("大家好", sender=USER, name="老赵"))
    building = app.config.building_of_chat["local:building-1"]
    await _seen(app, "赵大爷", building, hours=1)
    assert await _row(app) == ("赵大爷", building, (T0 + timedelta(hours=1)).timestamp())
    await _seen(app, "赵大爷", "别的楼", hours=2)
    assert await _row(app) == ("赵大爷", "别的楼", (T0 + timedelta(hours=2)).timestamp())
    assert await app.store.residents.get(USER) == Resident(USER, "赵大爷", "别的楼")


async def test_writing_again_after_leaving_makes_them_a_resident_again(app: Linli) -> None:
    await app.handle(say("大家好", sender=USER, name="老赵"))
    building = app.config.building_of_chat["local:building-1"]
    async with app.store.transaction():
        assert await app.store.residents.left(USER, building)
    assert (await _row(app))[1] is None
    await _seen(app, "老赵", building, hours=3)
    assert await _row(app) == ("老赵", building, (T0 + timedelta(hours=3)).timestamp())
