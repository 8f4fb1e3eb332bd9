"""A partner or parent violent when drunk is sensitive however the drinking is said; snoring,
cards, a taxi or a phone call after a drink are not (tenth session)."""

from __future__ import annotations

import pytest

from bot.understand.sensitivity import sensitive


@pytest.mark.parametrize(
    "text",
    [
        "对门那个女的脸上又有伤了，她老公喝了酒就打人，咱们能做点啥？",
        "她男人喝酒了就打她",
        "我爸喝了酒就砸东西",
        "她老公喝醉了打她",
    ],
)
def test_drunk_and_violent_is_sensitive(text: str) -> None:
    assert sensitive(text)


@pytest.mark.parametrize(
    "text",
    [
        "老公喝醉了打呼噜",
        "我老公喝多了就打牌",
        "我老公喝了酒打呼噜吵死了",
        "她老公喝醉了打电话给我",
        "老公喝多了打车回来的",
    ],
)
def test_snoring_or_cards_after_a_drink_is_not(text: str) -> None:
    assert not sensitive(text)
