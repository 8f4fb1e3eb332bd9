"""Attacks on the console's session: a planted cookie (fixation), altered cookies or cookies
signed with another key, CSRF in every form it could hide in, and redirects after sign-in."""

from __future__ import annotations

import base64
import json
from collections.abc import AsyncIterator
from pathlib import Path

import itsdangerous
import pytest
from starlette.routing import Route

from bot.config import Config
from tests.conftest import T0
from tests.web.console_harness import SECRET, Clock, Console, csrf_of, open_console

B1 = "local:building-1"
HEAD1, ADMIN = "local:head-1", "local:admin"
COOKIE = "linli_session"


@pytest.fixture
async def console(config: Config, tmp_path: Path) -> AsyncIterator[Console]:
    c = await open_console(config, tmp_path / "web.db", Clock())
    try:
        await c.say("local:resident-1", B1, "3单元楼道灯坏了", "小王")
        yield c
    finally:
        await c.bot.close()


def signed(data: dict[str, object], secret: str = SECRET) -> str:
    """A session cookie as Starlette's SessionMiddleware signs it."""
    payload = base64.b64encode(json.dumps(data).encode())
    return itsdangerous.TimestampSigner(secret).sign(payload).decode()


async def test_a_planted_session_is_not_the_one_signed_in(console: Console) -> None:
    async with console.client() as attacker:
        planted_page = await attacker.get("/login?token=x")
        planted = attacker.cookies[COOKIE]
        planted_csrf = csrf_of(planted_page.text)
    async with console.client() as victim:
        victim.cookies.set(COOKIE, planted)
        link = await console.link_for(HEAD1)
        assert (await console.sign_in(victim, link)).status_code == 303
        page = await victim.get("/issues")
        assert page.status_code == 200 and csrf_of(page.text) != planted_csrf
    async with console.client() as attacker:
        attacker.cookies.set(COOKIE, planted)
        assert (await attacker.get("/issues")).status_code == 303


@pytest.mark.parametrize(
    "cookie",
    [
        # Forged with another key, with the right fields and a far expiry.
        signed({"user": ADMIN, "exp": 4_000_000_000, "gen": 0, "csrf": "x"}, "another-key" * 4),
        # The right key but no sign-in generation (a cookie from before sign-out existed).
        signed({"user": ADMIN, "exp": 4_000_000_000, "csrf": "x"}),
        # The right key, a user the config does not list as staff.
        signed({"user": "local:resident-1", "exp": 4_000_000_000, "gen": 0, "csrf": "x"}),
        # The right key, expired.
        signed({"user": ADMIN, "exp": int(T0.timestamp()) - 1, "gen": 0, "csrf": "x"}),
        # Strange types.
        signed({"user": [ADMIN], "exp": "never", "gen": "0", "csrf": 1}),
        "garbage",
    ],
)
async def test_cookies_not_made_by_a_sign_in_are_no_session(console: Console, cookie: str) -> None:
    async with console.client() as client:
        client.cookies.set(COOKIE, cookie)
        response = await client.get("/issues")
        assert response.status_code == 303 and response.headers["location"] == "/login"


async def test_an_altered_cookie_is_no_session(console: Console) -> None:
    async with console.signed_in(HEAD1) as client:
        good = client.cookies[COOKIE]
    payload, rest = good.split(".", 1)
    data = json.loads(base64.b64decode(payload))
    data["user"] = ADMIN
    altered = base64.b64encode(json.dumps(data).encode()).decode() + "." + rest
    async with console.client() as client:
        client.cookies.set(COOKIE, altered)
        assert (await client.get("/issues")).status_code == 303


async def test_every_form_needs_the_csrf_token_of_its_own_session(console: Console) -> None:
    posts = [
        r.path.replace("{number}", "1")
        for r in console.app.routes
        if isinstance(r, Route) and "POST" in (r.methods or ())
    ]
    assert {"/login", "/logout", "/issues/1/act"} <= set(posts)
    async with console.signed_in(HEAD1) as other:
        foreign = csrf_of((await other.get("/issues")).text)
    async with console.signed_in(HEAD1) as client:
        own = csrf_of((await client.get("/issues")).text)
        for path in posts:
            attempts = [
                client.post(path, data={"action": "ack"}),
                client.post(path, data={"csrf": foreign, "action": "ack"}),
                client.post(path, data={"csrf": "", "action": "ack"}),
                client.post(path + f"?csrf={own}", data={"action": "ack"}),
                client.post(path, files={"csrf": (None, own), "action": (None, "ack")}),
                client.post(path, json={"csrf": own, "action": "ack"}),
                client.post(
                    path,
                    content=f"csrf={own}&csrf={own}&action=ack".encode(),
                    headers={"content-type": "application/x-www-form-urlencoded"},
                ),
            ]
            for attempt in attempts:
                assert (await attempt).status_code == 403, path
        assert (await client.get("/issues")).status_code == 200  # still signed in
    issue = await console.bot.store.issues.get(1)
    assert issue is not None and issue.status == "new"


@pytest.mark.parametrize(
    "extra", ["&next=https://evil.example/", "&next=//evil.example", "&redirect=/%2F%2Fevil"]
)
async def test_sign_in_goes_home_whatever_the_link_adds(console: Console, extra: str) -> None:
    link = await console.link_for(HEAD1)
    async with console.client() as client:
        page = await client.get(link.split("8780", 1)[1] + extra)
        token = link.split("token=", 1)[1]
        response = await client.post(
            "/login" + extra.replace("&", "?", 1), data={"csrf": csrf_of(page.text), "token": token}
        )
        assert response.status_code == 303 and response.headers["location"] == "/issues"
