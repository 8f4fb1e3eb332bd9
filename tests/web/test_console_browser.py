"""The console in a real headless Chromium: sign in by the link the bot sends, filter the
issue list, act on an issue and see the group receive the status message."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from bot.config import Config
from bot.delivery import Deliverer, RateLimits
from bot.model import Outgoing
from tests.web.browser import chromium, live_console
from tests.web.console_harness import Console

B1, B2 = "local:building-1", "local:building-2"
HEAD1 = "local:head-1"


class RecordingPlatform:
    """The local platform's sending side: records what reaches each chat."""

    platform = "local"

    def __init__(self) -> None:
        self.sent: list[Outgoing] = []

    async def send(self, message: Outgoing) -> list[str]:
        self.sent.append(message)
        return [f"sent-{len(self.sent)}"]


async def _report(console: Console) -> dict[str, int]:
    """Four reports; returns their numbers by what they are about."""
    await console.say("local:resident-1", B1, "3单元楼道灯坏了好几天了", "小王")
    await console.say("local:resident-3", B1, "5单元电梯又坏了，门打不开", "老周")
    await console.say("local:resident-4", B1, "楼下垃圾桶满了没人清", "刘姐")
    await console.say("local:resident-2", B2, "2单元楼道灯也不亮", "老李")
    numbers = {}
    for n in (1, 2, 3, 4):
        issue = await console.bot.store.issues.get(n)
        assert issue is not None
        numbers[issue.text[:4]] = n
    return numbers


async def _listed(browser: object) -> set[int]:
    rows = await browser.find_all("#issues tbody tr[data-issue]")  # type: ignore[attr-defined]
    return {int(await browser.call(r.get_attribute, "data-issue")) for r in rows}  # type: ignore[attr-defined]


async def test_sign_in_filter_and_act_in_chromium(config: Config, tmp_path: Path) -> None:
    async with live_console(config, tmp_path) as console:
        numbers = await _report(console)
        lamp, lift = numbers["3单元楼"], numbers["5单元电"]
        issues = {n: await console.bot.store.issues.get(n) for n in numbers.values()}
        link = await console.link_for(HEAD1)
        assert link.startswith(f"http://127.0.0.1:{console.bot.config.web.port}/login?token=")
        async with chromium(
            f"http://127.0.0.1:{console.bot.config.web.port}", tmp_path / "dl"
        ) as b:
            # Without a session every page leads to the sign-in page.
            await b.get("/issues")
            assert (await b.url()).endswith("/login")
            # Sign in by the link from the bot.
            await b.get(link)
            await b.submit("#login-button")
            assert (await b.url()).endswith("/issues")
            assert "张阿姨" in await b.text("#viewer")
            # Only 1号楼's issues: the head's building.
            in_b1 = {n for n, i in issues.items() if i is not None and i.building == "1号楼"}
            assert await _listed(b) == in_b1 and len(in_b1) == 3
            # Filter by category, then search.
            lamp_category = issues[lamp].category  # type: ignore[union-attr]
            await b.select("#f-category", lamp_category)
            await b.submit("#f-submit")
            same_category = {
                n
                for n in in_b1
                if issues[n].category == lamp_category  # type: ignore[union-attr]
            }
            assert lamp in await _listed(b) and await _listed(b) == same_category
            await b.get("/issues")
            await b.type("#f-q", "电梯")
            await b.submit("#f-submit")
            assert await _listed(b) == {lift}
            assert "q=%E7%94%B5%E6%A2%AF" in await b.url()
            # Act on the issue: acknowledge with a note.
            await b.get(f"/issues/{lamp}")
            await b.type("#act-ack input[name=note]", "马上去看")
            await b.submit("#act-ack button")
            assert (await b.url()).endswith(f"/issues/{lamp}")
            assert "受理" in await b.text("#flash")
            assert await b.text("#issue-status") == "已受理"
            assert "张阿姨 · 受理：马上去看" in await b.text("#history")
            # The state filter now leaves it out of the "new" list.
            await b.get("/issues?state=new")
            assert lamp not in await _listed(b)
        # The group receives the status message, through the outbox and delivery.
        platform = RecordingPlatform()
        unlimited = RateLimits(timedelta(0), (1000, timedelta(seconds=1)), 1000)
        deliverer = Deliverer(console.bot.store, platform, unlimited, clock=console.clock.now)
        await deliverer.deliver_due()
        status = [m for m in platform.sent if m.kind == "issue_status"]
        assert [(m.chat, m.issue) for m in status] == [(B1, lamp)]
        assert status[0].text.startswith(f"第 {lamp} 号问题已由张阿姨受理")
        assert status[0].text.endswith("张阿姨说：马上去看")


async def test_chart_and_excel_download_in_chromium(config: Config, tmp_path: Path) -> None:
    """The charts page draws its SVG charts; the Excel link of the filtered issue list
    downloads a workbook that openpyxl opens, with exactly the listed issues."""
    from openpyxl import load_workbook

    async with live_console(config, tmp_path) as console:
        numbers = await _report(console)
        lamp = numbers["3单元楼"]
        await console.say("local:head-1", "local:head-1", f"收到 {lamp}", "张阿姨")
        link = await console.link_for("local:grid-1")
        base = f"http://127.0.0.1:{console.bot.config.web.port}"
        async with chromium(base, tmp_path / "dl") as b:
            await b.get(link)
            await b.submit("#login-button")
            await b.get("/charts")
            svg = await b.find("#chart-categories-section svg")
            assert await b.call(svg.get_attribute, "role") == "img"
            bars = await b.find_all("#chart-categories-section svg rect.bar")
            assert bars, "the monthly chart has no bars"
            size = await b.call(lambda: svg.size)
            assert size["width"] > 100 and size["height"] > 50
            drawn = await b.call(lambda: svg.get_attribute("outerHTML"))
            issue = await console.bot.store.issues.get(lamp)
            assert issue is not None
            assert console.bot.config.taxonomy.label(issue.category) in drawn
            # The list filtered to 1号楼, then its Excel link.
            await b.get("/issues?building=1号楼")
            listed = await _listed(b)
            await b.click("#export-xlsx")
            path = await b.wait_for_download(".xlsx")
        sheet = load_workbook(path, read_only=True).active
        rows = list(sheet.iter_rows(values_only=True))
        assert rows[0][0] == "编号" and rows[0][1] == "楼栋"
        assert {r[0] for r in rows[1:]} == listed and len(listed) == 3
        assert {r[1] for r in rows[1:]} == {"1号楼"}
        by_number = {r[0]: r for r in rows[1:]}
        assert by_number[lamp][3] == "已受理" and by_number[lamp][8] is not None
