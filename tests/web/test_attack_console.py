"""Attacks on the console's pages over HTTP: odd numbers in URLs, cached or framed pages,
a cookie kept after 退出, hostile texts, personal numbers on the issue page."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.config import Config
from bot.web.headers import CONTENT_SECURITY_POLICY
from tests.web.console_harness import Clock, Console, csrf_of, open_console
from tests.web.issue_fixtures import add_issue

B1 = "local:building-1"
HEAD1, HEAD2 = "local:head-1", "local:head-2"
HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(2)>\"'&"


@pytest.fixture
async def console(config: Config, tmp_path: Path) -> AsyncIterator[Console]:
    c = await open_console(config, tmp_path / "web.db", Clock())
    try:
        await c.say("local:resident-1", B1, "3单元楼道灯坏了" + HOSTILE, "小王" + HOSTILE)
        yield c
    finally:
        await c.bot.close()


@pytest.mark.parametrize(
    "path",
    [
        "/issues/%C2%B2",  # "²": str.isdigit() says yes, int() says no
        "/issues/%EF%BC%91",  # full-width "１"
        "/issues/%D9%A1",  # Arabic-Indic one
        "/issues/1%20",
        "/issues/0x1",
        "/issues/" + "9" * 30,
    ],
)
async def test_odd_issue_numbers_are_not_found(console: Console, path: str) -> None:
    async with console.signed_in(HEAD1) as client:
        assert (await client.get(path)).status_code == 404
        page = await client.get("/issues/1")
        response = await client.post(
            path + "/act", data={"csrf": csrf_of(page.text), "action": "ack"}
        )
        assert response.status_code == 404
    issue = await console.bot.store.issues.get(1)
    assert issue is not None and issue.status == "new"


@pytest.mark.parametrize("before", ["%C2%B2", "-1", "1e9", "99999999999999999999"])
async def test_odd_page_markers_show_the_first_page(console: Console, before: str) -> None:
    async with console.signed_in(HEAD1) as client:
        response = await client.get(f"/issues?before={before}")
        assert response.status_code == 200
        assert 'data-issue="1"' in response.text


async def test_pages_are_neither_cached_nor_framed(console: Console) -> None:
    async with console.signed_in(HEAD1) as client:
        answers = [
            await client.get("/issues"),
            await client.get("/issues/1"),
            await client.get("/issues/999"),
            await client.get("/login?token=abc"),
            await client.get("/"),
        ]
        static = await client.get("/static/style.css")
    async with console.client() as anonymous:
        answers.append(await anonymous.get("/issues"))
        answers.append(await anonymous.post("/issues/1/act", data={"action": "ack"}))
    for response in answers:
        headers = response.headers
        assert headers["cache-control"] == "no-store", response.url
        assert headers["x-frame-options"] == "DENY", response.url
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "no-referrer"
        assert headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert "frame-ancestors 'none'" in CONTENT_SECURITY_POLICY
    assert static.status_code == 200 and "no-store" not in static.headers.get("cache-control", "")
    assert static.headers["x-frame-options"] == "DENY"


async def test_a_cookie_kept_from_before_sign_out_is_refused(console: Console) -> None:
    async with console.signed_in(HEAD1) as desk, console.signed_in(HEAD1) as phone:
        copied = desk.cookies["linli_session"]
        page = await desk.get("/issues")
        response = await desk.post("/logout", data={"csrf": csrf_of(page.text)})
        assert response.status_code == 303
        # The same person's other device is signed out too.
        assert (await phone.get("/issues")).status_code == 303
    async with console.client() as thief:
        thief.cookies.set("linli_session", copied)
        response = await thief.get("/issues")
        assert response.status_code == 303 and response.headers["location"] == "/login"
        refused = await thief.post("/issues/1/act", data={"csrf": "x", "action": "ack"})
        assert refused.status_code == 401
    # Someone else's sessions are not touched, and signing in again works.
    async with console.signed_in(HEAD2) as other, console.signed_in(HEAD1) as again:
        assert (await other.get("/issues")).status_code == 200
        page = await again.get("/issues")
        assert page.status_code == 200
        await again.post("/logout", data={"csrf": csrf_of(page.text)})
        assert (await other.get("/issues")).status_code == 200


async def test_hostile_texts_are_escaped(console: Console) -> None:
    async with console.signed_in(HEAD1) as client:
        for path in ("/issues", "/issues/1", "/issues?q=" + HOSTILE[:40]):
            html = (await client.get(path)).text
            assert "<script>alert" not in html and "<img src=x" not in html, path
            assert "&lt;script&gt;" in html


async def test_the_place_is_masked_on_the_issue_page(console: Console) -> None:
    store = console.bot.store
    number = await add_issue(
        store,
        text="门口有车挡路",
        location="3单元 13812345678 京A12345",
        created=console.clock.now(),
    )
    async with console.signed_in(HEAD1) as client:
        html = (await client.get(f"/issues/{number}")).text
    assert "13812345678" not in html and "京A12345" not in html
    assert "138****5678" in html
