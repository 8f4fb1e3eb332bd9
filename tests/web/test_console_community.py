"""The help and events pages: counts without contact details, sign-up lists, building scope."""

from __future__ import annotations

from tests.web.console_harness import Console

B1, B2 = "local:building-1", "local:building-2"


async def test_help_page_counts_without_contact_details(console: Console) -> None:
    await console.say("local:r-a", B1, "/offer 缝纫", "老李")
    await console.say("local:r-b", B1, "/offer 修电脑", "王叔")
    await console.say("local:r-c", B2, "/offer 缝纫", "赵姐")
    await console.say("local:r-req", B1, "/need 想请人补衣服 电话13812345678", "小王13900001111")
    async with console.signed_in("local:head-1") as client:
        page = (await client.get("/help")).text
        assert '<th id="total-offers">2</th>' in page and '<th id="total-open">1</th>' in page
        assert "2号楼" not in page.split('id="nav"')[1]
        for private in ("小王", "13812345678", "138****5678", "补衣服", "老李", "王叔"):
            assert private not in page, private
    async with console.signed_in("local:admin") as client:
        page = (await client.get("/help")).text
        assert '<th id="total-offers">3</th>' in page and "2号楼" in page


async def test_events_page_shows_sign_ups_masked_and_scoped(console: Console) -> None:
    await console.say("local:head-1", B1, "/event add 2026-06-20 15:00 包粽子 @活动室 limit 1")
    await console.say("local:head-2", B2, "/event add 2026-06-21 15:00 议事会")
    await console.say("local:r1", B1, "报名 1", "甲13812345678")
    await console.say("local:r2", B1, "报名 1", "乙")
    async with console.signed_in("local:head-1") as client:
        page = (await client.get("/events")).text
        assert 'id="event-1"' in page and "包粽子" in page and "活动室" in page
        assert 'id="event-2"' not in page
        assert "甲138****5678" in page and "13812345678" not in page
        assert "候补 1 人" in page and "乙" in page
    async with console.signed_in("local:grid-1") as client:
        page = (await client.get("/events")).text
        assert 'id="event-1"' in page and 'id="event-2"' in page
