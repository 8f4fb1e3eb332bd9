"""晒事: when the monthly report is due, what it counts, once across restarts."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, time, timedelta
from pathlib import Path

from bot.app import Linli
from bot.config import Config
from bot.config.civic import ReportsConfig
from bot.feature import Context
from bot.model import Kind
from handlers import report_texts as t
from handlers.monthly_report import REPORT_TIMER, month_before, next_report_at
from tests.conftest import SHANGHAI, T0, say

JUNE_1 = datetime(2026, 6, 1, 9, 0, tzinfo=SHANGHAI)


def ctx_for(config: Config) -> Context:
    return Context(config=config, store=None, now=T0)  # type: ignore[arg-type]


def test_due_times_and_periods(config: Config) -> None:
    ctx = ctx_for(config)
    assert next_report_at(ctx, T0) == JUNE_1  # 1 May 09:00 itself is not "after"
    assert next_report_at(ctx, T0 - timedelta(minutes=1)) == T0
    dec = datetime(2026, 12, 5, tzinfo=SHANGHAI)
    assert next_report_at(ctx, dec) == datetime(2027, 1, 1, 9, 0, tzinfo=SHANGHAI)
    later = ctx_for(replace(config, reports=ReportsConfig(day=28, at=time(18, 30))))
    assert next_report_at(later, T0) == datetime(2026, 5, 28, 18, 30, tzinfo=SHANGHAI)
    start, end = month_before(ctx, datetime(2027, 1, 1, 9, 0, tzinfo=SHANGHAI))
    assert (start, end) == (
        datetime(2026, 12, 1, tzinfo=SHANGHAI),
        datetime(2027, 1, 1, tzinfo=SHANGHAI),
    )


def test_spans() -> None:
    assert t.span(timedelta(seconds=30)) == "不到 1 分钟"
    assert t.span(timedelta(minutes=25)) == "25 分钟"
    assert t.span(timedelta(hours=3, minutes=10)) == "3 小时 10 分钟"
    assert t.span(timedelta(days=2, hours=4, minutes=59)) == "2 天 4 小时"
    assert t.span(timedelta(days=1)) == "1 天"


async def open_at(config: Config, db: Path, now: datetime) -> Linli:
    bot = await Linli.open(config, database=db)
    await bot.start(now)
    return bot


async def test_one_report_per_building_and_office_once_across_restarts(
    config: Config, tmp_path: Path
) -> None:
    db = tmp_path / "r.db"
    bot = await open_at(config, db, T0)
    await bot.handle(say("3单元楼道灯坏了", at=datetime(2026, 5, 20, 9, 0, tzinfo=SHANGHAI)))
    await bot.close()
    outs = []
    for now in (JUNE_1 - timedelta(minutes=1), JUNE_1, JUNE_1 + timedelta(minutes=1)):
        bot = await open_at(config, db, now)
        outs += [o for o in await bot.tick(now) if o.kind is Kind.MONTHLY_REPORT]
        await bot.close()
    # 2号楼 had nothing at all: no post there.
    assert [o.chat for o in outs] == ["local:building-1", "local:office"]
    assert "收到问题 1 件，办结 0 件" in outs[0].text and "第 1 号 照明（3单元）" in outs[0].text
    bot = await open_at(config, db, JUNE_1)
    (pending,) = await bot.store.timers.pending_for(REPORT_TIMER, 0)
    assert pending.due_at == datetime(2026, 7, 1, 9, 0, tzinfo=SHANGHAI)
    await bot.close()


async def test_a_report_missed_for_long_is_skipped_not_caught_up(
    config: Config, tmp_path: Path
) -> None:
    db = tmp_path / "r.db"
    bot = await open_at(config, db, T0)
    await bot.handle(say("3单元楼道灯坏了", at=datetime(2026, 5, 20, 9, 0, tzinfo=SHANGHAI)))
    await bot.close()
    back = datetime(2026, 8, 15, 12, 0, tzinfo=SHANGHAI)
    bot = await open_at(config, db, back)
    outs = await bot.tick(back)
    (pending,) = await bot.store.timers.pending_for(REPORT_TIMER, 0)
    await bot.close()
    assert not [o for o in outs if o.kind is Kind.MONTHLY_REPORT]
    assert pending.due_at == datetime(2026, 9, 1, 9, 0, tzinfo=SHANGHAI)


async def test_disabled_reports_send_nothing(config: Config, tmp_path: Path) -> None:
    cfg = replace(config, reports=ReportsConfig(enabled=False))
    bot = await open_at(cfg, tmp_path / "r.db", T0)
    await bot.handle(say("3单元楼道灯坏了", at=datetime(2026, 5, 20, 9, 0, tzinfo=SHANGHAI)))
    outs = await bot.tick(JUNE_1)
    await bot.close()
    assert not [o for o in outs if o.kind is Kind.MONTHLY_REPORT]


def test_thanks_and_figures_read_naturally() -> None:
    f = t.BuildingFigures("1号楼", received=3, resolved=2, thanked=["老李"], thanked_hidden=1)
    f.ratings = {3: 3, 1: 1}
    text = t.building_report(5, f)
    assert "邻家好人：老李等 2 位邻居热心帮忙，谢谢！" in text
    assert "居民评价 4 条：满意 3，基本满意 0，不满意 1（满意率 75%）。" in text
    assert t.BuildingFigures("2号楼").empty and not f.empty
