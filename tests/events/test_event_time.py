from __future__ import annotations

from datetime import datetime

import pytest

from handlers.event_time import WhenError, cn_number, parse_when
from tests.conftest import SHANGHAI

# Wednesday 6 May 2026, 09:00 local.
NOW = datetime(2026, 5, 6, 9, 0, tzinfo=SHANGHAI)


@pytest.mark.parametrize(
    ("text", "expected", "rest"),
    [
        ("2026-06-20 15:00 邻居节 @广场", datetime(2026, 6, 20, 15, 0), "邻居节 @广场"),
        ("2026/6/20 9:30 晨练", datetime(2026, 6, 20, 9, 30), "晨练"),
        ("2026-06-20T15:00 议事会", datetime(2026, 6, 20, 15, 0), "议事会"),
        ("6月20日下午3点 邻居节", datetime(2026, 6, 20, 15, 0), "邻居节"),
        ("2026年6月20号 晚上7点半 电影", datetime(2026, 6, 20, 19, 30), "电影"),
        ("明天下午三点 乒乓球", datetime(2026, 5, 7, 15, 0), "乒乓球"),
        ("后天上午十点一刻 体检", datetime(2026, 5, 8, 10, 15), "体检"),
        ("今晚8点 广场舞", datetime(2026, 5, 6, 20, 0), "广场舞"),
        ("下周六 15:00 跳蚤市场", datetime(2026, 5, 16, 15, 0), "跳蚤市场"),
        ("周六中午12点 聚餐", datetime(2026, 5, 9, 12, 0), "聚餐"),
        ("星期日 下午两点 讲座", datetime(2026, 5, 10, 14, 0), "讲座"),
        ("6月1日 12点 儿童节", datetime(2026, 6, 1, 12, 0), "儿童节"),
    ],
)
def test_understood_times(text: str, expected: datetime, rest: str) -> None:
    when = parse_when(text, NOW)
    assert when.start == expected.replace(tzinfo=SHANGHAI)
    assert when.rest == rest


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("明天三点 乒乓球", "上午还是下午"),
        ("6月20日 八点 电影", "上午还是下午"),
        ("5月1日下午3点 已过", "写上年份"),
        ("2026-05-01 15:00 已过", "已经过去"),
        ("周一 15:00 已过", "已经过去"),
        ("今天 8:00 早过了", "已经过去"),
        ("2月30日 15:00 不存在", "日期不存在"),
        ("下午3点 没有日期", "日期"),
        ("明天 乒乓球", "开始时间"),
        ("邻居节", "日期"),
        ("明天 25:00 深夜", "24 小时制"),
    ],
)
def test_ambiguous_missing_or_past_times_are_asked_back(text: str, question: str) -> None:
    with pytest.raises(WhenError) as info:
        parse_when(text, NOW)
    assert question in str(info.value)


def test_chinese_numbers() -> None:
    assert [cn_number(x) for x in ("3", "三", "十", "十一", "二十", "二十五", "两")] == [
        3,
        3,
        10,
        11,
        20,
        25,
        2,
    ]
