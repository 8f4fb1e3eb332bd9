"""CSV and Excel exports: the right rows for a filter, masked numbers, formulas neutralised,
Chinese that Excel reads (BOM), and pages read in order for a large export."""

from __future__ import annotations

import csv
import io
from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook

from bot.config import Config
from bot.web import exports
from bot.web.issue_filter import FilterError, read_filter
from bot.web.report_texts import EXPORT_HEADERS
from storage import Store
from storage.issues import IssueStatus
from tests.conftest import SHANGHAI, both_backends
from tests.web.issue_fixtures import add_issue

NOW = datetime(2026, 5, 20, 12, 0, tzinfo=SHANGHAI)
MAY = datetime(2026, 5, 1, 8, 0, tzinfo=SHANGHAI)


pytestmark = both_backends


@pytest.fixture
async def store(database: str | Path) -> AsyncIterator[Store]:
    s = await Store.open(database)
    try:
        yield s
    finally:
        await s.close()


async def fill(store: Store) -> None:
    await add_issue(
        store,
        text="3单元灯坏了，电话13812345678",
        location="3单元",
        created=MAY,
        acked=timedelta(minutes=30),
        resolved=timedelta(hours=26),
        paused=timedelta(hours=2),
        status=IssueStatus.RESOLVED,
        note='=HYPERLINK("http://evil","点我")',
    )
    await add_issue(
        store, building="2号楼", text="+1 电梯困人", category="elevator", created=MAY, urgent=True
    )
    await add_issue(
        store,
        text="@SUM(A1) 楼道堆物 京A12345",
        category="sanitation",
        created=MAY + timedelta(days=1),
    )
    await add_issue(store, text="重复", created=MAY, status=IssueStatus.DUPLICATE)


async def csv_text(
    store: Store, config: Config, params: dict[str, str], scope: list[str] | None
) -> str:
    flt = read_filter(params, scope, config)
    chunks = [c async for c in exports.csv_stream(store, config, flt, NOW)]
    data = b"".join(chunks)
    assert data.startswith(b"\xef\xbb\xbf")
    return data.decode("utf-8-sig")


async def test_csv_rows_masked_and_neutralised(store: Store, config: Config) -> None:
    await fill(store)
    text = await csv_text(store, config, {}, None)
    table = list(csv.reader(io.StringIO(text)))
    assert tuple(table[0]) == EXPORT_HEADERS
    body = table[1:]
    # Duplicates are not exported; by number.
    assert [r[0] for r in body] == ["1", "2", "3"]
    first = dict(zip(EXPORT_HEADERS, body[0], strict=True))
    assert first["内容"] == "3单元灯坏了，电话138****5678"
    assert "13812345678" not in text
    assert first["报告时间"] == "2026-05-01 08:00"
    assert first["受理时间"] == "2026-05-01 08:30"
    assert first["办结时间"] == "2026-05-02 10:00"
    assert first["受理用时（小时）"] == "0.5"
    assert first["办结用时（小时）"] == "24.0"  # 26 h less 2 h waiting
    assert first["状态"] == "已办结" and first["类别"] == "照明"
    assert first["最新备注"].startswith("'=HYPERLINK")
    assert body[1][6] == "'+1 电梯困人" and body[1][4] == "是"
    assert body[2][6] == "'@SUM(A1) 楼道堆物 京A***45"


async def test_csv_filtered_like_the_list_and_within_scope(store: Store, config: Config) -> None:
    await fill(store)
    only_two = await csv_text(store, config, {"building": "2号楼"}, None)
    assert [r[0] for r in list(csv.reader(io.StringIO(only_two)))[1:]] == ["2"]
    urgent = await csv_text(store, config, {"urgent": "1"}, None)
    assert len(list(csv.reader(io.StringIO(urgent)))) == 2
    # A head of 1号楼 asking for 2号楼 gets nothing of it.
    head = await csv_text(store, config, {"building": "2号楼"}, ["1号楼"])
    assert list(csv.reader(io.StringIO(head))) == [list(EXPORT_HEADERS)]
    mine = await csv_text(store, config, {"state": "open"}, ["1号楼"])
    assert [r[0] for r in list(csv.reader(io.StringIO(mine)))[1:]] == ["3"]
    june = await csv_text(store, config, {"month": "2026-06"}, None)
    assert len(list(csv.reader(io.StringIO(june)))) == 1
    search = await csv_text(store, config, {"q": "楼道"}, None)
    assert [r[0] for r in list(csv.reader(io.StringIO(search)))[1:]] == ["3"]
    # "%" is a character to find, not a wildcard.
    assert len(list(csv.reader(io.StringIO(await csv_text(store, config, {"q": "%"}, None))))) == 1


@pytest.mark.parametrize(
    "params",
    [
        {"state": "lost"},
        {"category": "nope"},
        {"urgent": "maybe"},
        {"month": "2026-13"},
        {"q": "字" * 51},
    ],
)
def test_bad_filters_are_refused_with_a_reason(config: Config, params: dict[str, str]) -> None:
    with pytest.raises(FilterError) as err:
        read_filter(params, None, config)
    assert str(err.value).endswith("。")


async def test_xlsx_opens_with_the_right_rows(store: Store, config: Config, tmp_path: Path) -> None:
    await fill(store)
    await add_issue(store, text="控制字符\x07\x1b也能导出", created=MAY)
    flt = read_filter({}, ["1号楼", "2号楼"], config)
    path = await exports.xlsx_file(store, config, flt, NOW, directory=str(tmp_path))
    try:
        sheet = load_workbook(path, read_only=True).active
        values = [list(r) for r in sheet.iter_rows(values_only=True)]
    finally:
        path.unlink()
    assert tuple(values[0]) == EXPORT_HEADERS
    assert [r[0] for r in values[1:]] == [1, 2, 3, 5]
    first = dict(zip(EXPORT_HEADERS, values[1], strict=True))
    assert first["内容"] == "3单元灯坏了，电话138****5678"
    assert first["报告时间"] == datetime(2026, 5, 1, 8, 0)
    assert first["办结用时（小时）"] == 24.0
    # Text that looks like a formula stays text: no cell holds a formula.
    assert first["最新备注"].startswith("'=HYPERLINK")
    assert values[2][6] == "'+1 电梯困人"
    assert values[4][6] == "控制字符也能导出"
    assert not list(tmp_path.glob("linli-export-*"))


async def test_a_large_export_reads_every_page_in_order(
    store: Store, config: Config, monkeypatch: pytest.MonkeyPatch
) -> None:
    for i in range(25):
        await add_issue(store, text=f"第{i}件", created=MAY + timedelta(minutes=i))
    monkeypatch.setattr(exports, "MAX_PAGE", 7)
    flt = read_filter({}, None, config)
    pages = [p async for p in exports.rows(store, config, flt, NOW)]
    assert [len(p) for p in pages] == [7, 7, 7, 4]
    assert [r[0] for p in pages for r in p] == list(range(1, 26))
    monkeypatch.setattr(exports, "MAX_EXPORT_ROWS", 10)
    pages = [p async for p in exports.rows(store, config, flt, NOW)]
    assert sum(len(p) for p in pages) == 10


def test_neutralise() -> None:
    assert exports.neutralise("=1+1") == "'=1+1"
    assert exports.neutralise("－1") == "'－1"
    assert exports.neutralise("\t=cmd") == "'\t=cmd"
    assert exports.neutralise("1号楼") == "1号楼"
    assert exports.neutralise("") == ""
