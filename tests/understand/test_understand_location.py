"""Location: the first place named, as written (numbered parts join; named places listed)."""

from __future__ import annotations

import pytest

from bot.understand.location import extract_location


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("3单元楼道灯坏了", "3单元"),
        ("5号楼电梯坏了", "5号楼"),
        ("12楼的灯泡烧了", "12楼"),
        ("602家里水压小", "602"),
        ("1203室漏水", "1203室"),
        ("地下车库积水", "地下车库"),
        ("有辆车堵在车库出口", "车库"),
        ("楼道里全是烟", "楼道"),
        ("B区路灯不亮", "B区"),
        ("9号楼3单元楼道灯坏了", "9号楼3单元"),  # adjacent numbered parts join
        ("5栋602卫生间漏水", "5栋602"),
        ("4单元一楼的灯不亮", "4单元"),  # Chinese-numeral floors do not join
        ("三单元电梯坏了", "三单元"),
        ("6号楼电梯坏了，我家住18楼", "6号楼"),  # the first place
        ("楼道灯坏了", None),  # 楼道灯 is a thing, not a place
        ("车牌京A12345挡路", None),
        ("已经打120了", None),
        ("明天8点到12点停水", None),
        ("2000块的维修费", None),
        ("楼上吵死了", None),
    ],
)
def test_location(text: str, place: str | None) -> None:
    assert extract_location(text) == place
