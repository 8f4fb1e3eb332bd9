"""The console's gate, over HTTP: no page without a session, one-time links, building scope,
CSRF, and who may get a link at all."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import pytest
from starlette.routing import Mount, Route

from bot.config import Config
from bot.model import Kind
from tests.web.console_harness import Clock, Console, csrf_of, open_console, outbox

B1, B2 = "local:building-1", "local:building-2"
HEAD1, HEAD2, GRID, ADMIN = "local:head-1", "local:head-2", "local:grid-1", "local:admin"
RESIDENT = "local:resident-1"


@pytest.fixture
async def console(config: Config, tmp_path: Path) -> AsyncIterator[Console]:
    c = await open_console(config, tmp_path / "web.db", Clock())
    try:
        # Issue 1 in 1号楼, issue 2 in 2号楼.
        await c.say(RESIDENT, B1, "3单元楼道灯坏了", "小王")
        await c.say("local:resident-2", B2, "5单元电梯坏了，13812345678", "老李")
        yield c
    finally:
        await c.bot.close()


def guarded_paths(console: Console) -> list[tuple[str, str]]:
    """Every (method, path) the app routes, path parameters filled in, but the sign-in and
    static files; the Open311 API answers for itself (tested with it)."""
    out = []
    for route in console.app.routes:
        if isinstance(route, Mount) or not isinstance(route, Route):
            continue
        if route.path == "/login" or route.path.startswith("/open311/"):
            continue
        path = route.path.replace("{number}", "1").replace("{id}", "1")
        for method in sorted(route.methods or ()):
            if method != "HEAD":
                out.append((method, path))
    return out


async def test_no_page_without_a_session(console: Console) -> None:
    paths = guarded_paths(console)
    assert ("GET", "/issues") in paths and ("POST", "/issues/1/act") in paths
    async with console.client() as client:
        # A CSRF token of a session without a sign-in does not help.
        csrf = csrf_of((await client.get("/login?token=x")).text)
        for method, path in paths:
            response = await client.request(method, path, data={"csrf": csrf, "action": "ack"})
            if method == "GET":
                assert response.status_code == 303, path
                assert response.headers["location"] == "/login"
            else:
                assert response.status_code == 401, (method, path)
    assert await console.bot.store.issues.get(1) is not None
    assert (await console.bot.store.issues.get(1)).status == "new"  # type: ignore[union-attr]


async def test_sign_in_by_link_sets_a_safe_cookie(console: Console) -> None:
    async with console.client() as client:
        response = await console.sign_in(client, await console.link_for(HEAD1))
        assert response.status_code == 303
        cookie = response.headers["set-cookie"].lower()
        assert "httponly" in cookie and "samesite=lax" in cookie and "max-age=28800" in cookie
        page = await client.get("/issues")
        assert page.status_code == 200 and "张阿姨" in page.text


async def test_token_is_stored_hashed(console: Console) -> None:
    link = await console.link_for(HEAD1)
    token = link.split("token=", 1)[1]
    async with console.bot.store.db.conn.execute(
        "SELECT token_hash, user_id FROM web_tokens"
    ) as cur:
        rows = [tuple(r) for r in await cur.fetchall()]
    assert len(rows) == 1 and rows[0][1] == HEAD1
    assert token not in rows[0][0] and len(token) >= 40


async def test_a_used_link_is_refused(console: Console) -> None:
    link = await console.link_for(HEAD1)
    async with console.client() as first:
        assert (await console.sign_in(first, link)).status_code == 303
    async with console.client() as second:
        again = await console.sign_in(second, link)
        assert again.status_code == 400 and "已经用过或已过期" in again.text
        assert (await second.get("/issues")).status_code == 303


async def test_an_expired_link_is_refused(console: Console) -> None:
    link = await console.link_for(HEAD1)
    console.clock.advance(timedelta(minutes=10, seconds=1))
    async with console.client() as client:
        response = await console.sign_in(client, link)
        assert response.status_code == 400
        assert (await client.get("/issues")).status_code == 303


async def test_a_link_just_inside_ten_minutes_works(console: Console) -> None:
    link = await console.link_for(HEAD1)
    console.clock.advance(timedelta(minutes=9, seconds=59))
    async with console.client() as client:
        assert (await console.sign_in(client, link)).status_code == 303


async def test_opening_the_link_does_not_use_it(console: Console) -> None:
    """A chat app previewing the link (a GET) neither signs in nor uses the token."""
    link = await console.link_for(HEAD1)
    async with console.client() as preview:
        assert (await preview.get(link.split("8780", 1)[1])).status_code == 200
        assert (await preview.get("/issues")).status_code == 303
    async with console.client() as client:
        assert (await console.sign_in(client, link)).status_code == 303


async def test_a_made_up_token_is_refused(console: Console) -> None:
    async with console.client() as client:
        csrf = csrf_of((await client.get("/login?token=abc")).text)
        response = await client.post("/login", data={"csrf": csrf, "token": "abc"})
        assert response.status_code == 400
        assert (await client.get("/issues")).status_code == 303


async def test_session_expires(console: Console) -> None:
    async with console.signed_in(HEAD1) as client:
        console.clock.advance(timedelta(hours=7, minutes=59))
        assert (await client.get("/issues")).status_code == 200
        console.clock.advance(timedelta(minutes=2))
        assert (await client.get("/issues")).status_code == 303


async def test_a_forged_cookie_is_no_session(console: Console) -> None:
    async with console.client() as client:
        client.cookies.set("linli_session", "eyJ1c2VyIjogImxvY2FsOmFkbWluIn0=.forged.sig")
        assert (await client.get("/issues")).status_code == 303


async def test_a_head_cannot_see_another_building(console: Console) -> None:
    async with console.signed_in(HEAD1) as client:
        listed = await client.get("/issues", params={"state": ""})
        assert 'data-issue="1"' in listed.text and 'data-issue="2"' not in listed.text
        other = await client.get("/issues", params={"building": "2号楼", "state": ""})
        assert 'data-issue="2"' not in other.text
        assert (await client.get("/issues/2")).status_code == 404
        # The same answer as for an issue that does not exist.
        assert (await client.get("/issues/99")).status_code == 404
        csrf = csrf_of((await client.get("/issues/1")).text)
        before = await outbox(console.bot)
        acted = await client.post("/issues/2/act", data={"csrf": csrf, "action": "ack"})
        assert acted.status_code == 404
    issue = await console.bot.store.issues.get(2)
    assert issue is not None and issue.status == "new"
    assert await outbox(console.bot) == before


async def test_grid_worker_and_admin_see_their_buildings(console: Console) -> None:
    for user in (GRID, ADMIN):
        async with console.signed_in(user) as client:
            listed = await client.get("/issues")
            assert 'data-issue="1"' in listed.text and 'data-issue="2"' in listed.text
            assert (await client.get("/issues/2")).status_code == 200


async def test_csrf_is_refused(console: Console) -> None:
    async with console.signed_in(HEAD2) as other:
        foreign = csrf_of((await other.get("/issues")).text)
    async with console.signed_in(HEAD1) as client:
        before = await outbox(console.bot)
        missing = await client.post("/issues/1/act", data={"action": "ack"})
        wrong = await client.post("/issues/1/act", data={"action": "ack", "csrf": "nope"})
        borrowed = await client.post("/issues/1/act", data={"action": "ack", "csrf": foreign})
        as_json = await client.post("/issues/1/act", json={"action": "ack", "csrf": "x"})
        assert [r.status_code for r in (missing, wrong, borrowed, as_json)] == [403] * 4
        # Signing out is a form too.
        assert (await client.post("/logout")).status_code == 403
        assert (await client.get("/issues")).status_code == 200
    issue = await console.bot.store.issues.get(1)
    assert issue is not None and issue.status == "new"
    assert await outbox(console.bot) == before


async def test_sign_out_ends_the_session(console: Console) -> None:
    async with console.signed_in(HEAD1) as client:
        csrf = csrf_of((await client.get("/issues")).text)
        assert (await client.post("/logout", data={"csrf": csrf})).status_code == 303
        assert (await client.get("/issues")).status_code == 303


async def test_a_resident_gets_no_link(console: Console) -> None:
    outs = await console.say(RESIDENT, RESIDENT, "/web")
    assert [o.kind for o in outs] == [Kind.ERROR]
    assert "login" not in outs[0].text
    outs = await console.say(RESIDENT, RESIDENT, "后台")
    assert [o.kind for o in outs] == [Kind.ERROR]
    async with console.bot.store.db.conn.execute("SELECT COUNT(*) FROM web_tokens") as cur:
        assert (await cur.fetchone())[0] == 0


async def test_no_link_is_posted_in_a_group(console: Console) -> None:
    for text in ("/web", "后台", "网页后台"):
        outs = await console.say(HEAD1, B1, text, "张阿姨")
        assert [o.kind for o in outs] == [Kind.ERROR], text
        assert "私聊" in outs[0].text and "token" not in outs[0].text
    async with console.bot.store.db.conn.execute("SELECT COUNT(*) FROM web_tokens") as cur:
        assert (await cur.fetchone())[0] == 0


async def test_chinese_forms_give_a_link_privately(console: Console) -> None:
    for text in ("后台", "网页后台", "登录后台"):
        outs = await console.say(GRID, GRID, text)
        assert "/login?token=" in outs[0].text, text


async def test_a_person_removed_from_the_config_loses_the_session(
    console: Console, config: Config
) -> None:
    import dataclasses

    async with console.signed_in(HEAD1) as client:
        kept = tuple(p for p in config.people if p.id != HEAD1)
        console.bot.config = dataclasses.replace(
            config, people=kept, person_by_id={p.id: p for p in kept}
        )
        assert (await client.get("/issues")).status_code == 303
