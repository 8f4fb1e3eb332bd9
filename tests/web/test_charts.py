"""Server-drawn SVG charts: well-formed XML, accessible, every number visible, hostile names
shown as text and never as markup."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import datetime

import pytest

from bot.config import Config
from bot.web import charts as svg
from bot.web.charts_page import MAX_ROWS, charts
from bot.web.stats import CategoryMonths, Ratings, Statistics
from storage.stats import ALL, OpenCount, Spread
from tests.conftest import SHANGHAI

NS = {"s": "http://www.w3.org/2000/svg"}
HOSTILE = '<script>alert(1)</script>"><img src=x onerror=alert(2)>&amp;'
TAGS = {"svg", "title", "desc", "g", "rect", "text", "line"}


def parse(markup: str) -> ET.Element:
    root = ET.fromstring(markup)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    for el in root.iter():
        assert el.tag.split("}")[-1] in TAGS, el.tag
        for name in el.attrib:
            assert not name.lower().startswith("on"), name
    return root


def texts(root: ET.Element) -> list[str]:
    return ["".join(el.itertext()) for el in root.iterfind(".//s:text", NS)]


def accessible_name(root: ET.Element) -> tuple[str, str]:
    ids = root.attrib["aria-labelledby"].split()
    found = {el.attrib.get("id"): "".join(el.itertext()) for el in root.iter()}
    assert root.attrib["role"] == "img"
    return found[ids[0]], found[ids[1]]


def test_columns_stack_each_category_and_show_totals() -> None:
    markup = svg.columns(
        "c",
        "每月问题数",
        "说明",
        ["2026年4月", "2026年5月"],
        [svg.Series("照明", "#0072B2"), svg.Series("电梯", "#E69F00")],
        [[3, 0], [2, 5]],
    )
    root = parse(markup)
    assert accessible_name(root) == ("每月问题数", "说明")
    bars = root.findall(".//s:rect[@class='bar']", NS)
    # Zero counts draw nothing: 3 segments.
    assert sorted(int(b.attrib["data-value"]) for b in bars) == [2, 3, 5]
    totals = [t.text for t in root.iterfind(".//s:text[@class='total']", NS)]
    assert totals == ["5", "5"]
    assert "2026年4月" in texts(root) and "照明" in texts(root)
    # Heights are proportional: 5 is the tallest column.
    heights = {int(b.attrib["data-value"]): float(b.attrib["height"]) for b in bars}
    assert heights[5] == svg.CHART_H
    assert abs(heights[2] - svg.CHART_H * 2 / 5) < 0.1


def test_bars_grouped_and_stacked_with_numbers() -> None:
    rows = [svg.Row("1号楼", (600.0, 1800.0)), svg.Row("2号楼", (300.0, 900.0))]
    series = [svg.Series("中位数", "#000"), svg.Series("90% 分位数", "#999")]
    root = parse(svg.bars("g", "受理用时", "d", series, rows, lambda s: f"{s / 60:.0f} 分钟"))
    assert len(root.findall(".//s:rect[@class='bar']", NS)) == 4
    values = [t.text for t in root.iterfind(".//s:text[@class='value']", NS)]
    assert values == ["10 分钟", "30 分钟", "5 分钟", "15 分钟"]
    stacked = parse(
        svg.bars(
            "s", "超时", "d", series, rows, stacked=True, total=lambda r: f"共{sum(r.values):.0f}"
        )
    )
    assert [t.text for t in stacked.iterfind(".//s:text[@class='value']", NS)] == [
        "共2400",
        "共1200",
    ]
    first = stacked.findall(".//s:g[@class='row']", NS)[0].findall("s:rect", NS)
    # Segments of one bar follow each other.
    assert float(first[1].attrib["x"]) == float(first[0].attrib["x"]) + float(
        first[0].attrib["width"]
    )


def test_hostile_names_are_text_not_markup() -> None:
    rows = [svg.Row(HOSTILE, (1.0, 2.0))]
    series = [svg.Series(HOSTILE, "#000"), svg.Series("b", "#999")]
    for markup in (
        svg.bars("b", HOSTILE, HOSTILE, series, rows),
        svg.columns("c", HOSTILE, HOSTILE, [HOSTILE], series, [[1], [2]]),
        svg.empty("e", HOSTILE, HOSTILE),
    ):
        assert "<script" not in markup and "<img" not in markup
        root = parse(markup)
        assert accessible_name(root)[0] == HOSTILE
        # The full name survives in a tooltip; the label is shortened.
        tooltips = ["".join(el.itertext()) for el in root.iter("{http://www.w3.org/2000/svg}title")]
        assert any(HOSTILE in tip for tip in tooltips)


def test_a_chart_id_is_never_free_text() -> None:
    with pytest.raises(ValueError):
        svg.empty('x" onload="alert(1)', "t")


def test_no_data_says_so() -> None:
    root = parse(svg.bars("x", "t", "d", [svg.Series("a", "#000")], []))
    assert texts(root) == ["暂无数据"]
    root = parse(svg.columns("x", "t", "d", ["5月"], [svg.Series("a", "#000")], [[0]]))
    assert texts(root) == ["暂无数据"]


def stats_for(buildings: int) -> Statistics:
    names = [f"{i}号楼" for i in range(1, buildings + 1)]
    spreads = {b: Spread(i + 1, 60.0 * (i + 1), 120.0 * (i + 1)) for i, b in enumerate(names)}
    spreads[ALL] = Spread(99, 600.0, 6000.0)
    return Statistics(
        start=datetime(2026, 4, 1, tzinfo=SHANGHAI),
        end=datetime(2026, 6, 1, tzinfo=SHANGHAI),
        category_months=CategoryMonths(
            ("2026年4月", "2026年5月"),
            (*tuple(f"cat{i}" for i in range(10)), "lighting"),
            tuple((i, 1) for i in range(11)),
        ),
        acknowledge=spreads,
        resolve={},
        open_counts=tuple(OpenCount(b, 5, i % 3) for i, b in enumerate(names)),
        ratings=(Ratings(HOSTILE, 3, 1, 1), Ratings("2号楼", 0, 0, 2)),
    )


def test_charts_page_has_every_chart_bounded_and_complete_tables(config: Config) -> None:
    page = charts(stats_for(1000), config.taxonomy)
    assert [c.id for c in page] == [
        "chart-categories",
        "chart-acknowledge",
        "chart-resolve",
        "chart-overdue",
        "chart-satisfaction",
    ]
    by_id = {c.id: c for c in page}
    for chart in page:
        root = parse(chart.svg)
        assert root.attrib["id"] == chart.id
    ack = parse(by_id["chart-acknowledge"].svg)
    # A thousand buildings: the chart shows the slowest 20, the table all of them.
    assert len(ack.findall(".//s:g[@class='row']", NS)) == MAX_ROWS
    assert ack.find(".//s:g[@class='row']", NS).attrib["data-label"] == "1000号楼"  # type: ignore[union-attr]
    assert len(by_id["chart-acknowledge"].rows) == 1000
    assert "共 1000 栋" in by_id["chart-acknowledge"].note
    assert "全部楼栋：99 件" in by_id["chart-acknowledge"].note
    # 11 categories: 6 drawn apart, the rest together; the table keeps each, by its label.
    cats = parse(by_id["chart-categories"].svg)
    assert "其他类别" in texts(cats)
    assert len(by_id["chart-categories"].rows) == 11
    assert ("照明", "10", "1", "11") in by_id["chart-categories"].rows
    # Nothing resolved: the chart says so.
    assert texts(parse(by_id["chart-resolve"].svg)) == ["暂无数据"]
    sat = parse(by_id["chart-satisfaction"].svg)
    values = [t.text for t in sat.iterfind(".//s:text[@class='value']", NS)]
    assert values == ["满意率 57%（7 条）", "满意率 80%（5 条）", "满意率 0%（2 条）"]
    assert "<script" not in by_id["chart-satisfaction"].svg


def test_many_months_label_only_columns_with_room() -> None:
    periods = [f"{2025 + (m // 12)}年{m % 12 + 1}月" for m in range(24)]
    series = [svg.Series("照明", "#0072B2")]
    root = parse(svg.columns("c", "t", "d", periods, series, [[1] * 24]))
    labels = [el for el in root.iterfind(".//s:text[@class='period']", NS)]
    assert 6 <= len(labels) < 24
    xs = [float(el.attrib["x"]) for el in labels]
    widths = [svg.text_width(el.text or "") for el in labels]
    for (x1, w1), (x2, w2) in zip(
        zip(xs, widths, strict=True), zip(xs[1:], widths[1:], strict=True), strict=False
    ):
        assert x2 - x1 >= (w1 + w2) / 2, (x1, x2)
    # Every column keeps its total, labelled or not.
    assert len(root.findall(".//s:text[@class='total']", NS)) == 24
