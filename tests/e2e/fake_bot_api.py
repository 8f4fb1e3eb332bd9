"""A local server that speaks enough of the Telegram Bot API over HTTP for end-to-end tests.

python-telegram-bot reaches it through ``base_url`` (``http://127.0.0.1:PORT/bot``), so the
real HTTP layer, long polling and error parsing are exercised. It serves ``getMe``,
``getUpdates`` (long polling over updates queued with :meth:`FakeBotApi.push`; like
Telegram it forgets every update below the ``offset`` it is asked with: those are confirmed),
``getChat`` (a group upgraded with :meth:`FakeBotApi.upgrade_group` answers with its new id),
``sendMessage`` (recorded in :attr:`FakeBotApi.sent`), ``setMyCommands``, ``setWebhook`` and
``deleteWebhook``; :meth:`FakeBotApi.fail_next` makes the next matching call fail like
Telegram does (429 with ``retry_after``, 403, 400 with ``migrate_to_chat_id``).
"""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

TOKEN = "123456:TEST-token"
BOT_ID = 123456
# Parameters PTB sends JSON-encoded; strings (text, parse_mode) arrive as they are.
_JSON_PARAMS = {
    "chat_id",
    "offset",
    "timeout",
    "limit",
    "commands",
    "scope",
    "allowed_updates",
    "link_preview_options",
    "reply_markup",
    "drop_pending_updates",
}


class ApiError(Exception):
    def __init__(self, status: int, description: str, parameters: dict[str, Any]) -> None:
        super().__init__(description)
        self.status = status
        self.description = description
        self.parameters = parameters


@dataclass(slots=True)
class Failure:
    status: int
    description: str
    parameters: dict[str, Any] | None = None
    chat_id: int | None = None


@dataclass(slots=True)
class Call:
    method: str
    params: dict[str, Any]
    at: float = field(default_factory=time.monotonic)


class FakeBotApi:
    def __init__(self, *, username: str = "linli_test_bot", privacy_mode: bool = True) -> None:
        self.me = {
            "id": BOT_ID,
            "is_bot": True,
            "first_name": "邻里助手",
            "username": username,
            "can_join_groups": True,
            "can_read_all_group_messages": not privacy_mode,
            "supports_inline_queries": False,
        }
        self.calls: list[Call] = []
        self.sent: list[dict[str, Any]] = []
        self.commands: list[dict[str, Any]] = []
        self.webhook: dict[str, Any] | None = None
        # Old group id -> new supergroup id (what getChat on the old id answers).
        self.upgraded: dict[int, int] = {}
        # Called with each getUpdates offset that confirms (forgets) at least one update.
        self.on_confirm: Callable[[int], object] | None = None
        self.confirmed_upto = 0
        self._failures: dict[str, list[Failure]] = {}
        self._updates: list[dict[str, Any]] = []
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1000)
        self._changed = asyncio.Condition()
        self._runner: web.AppRunner | None = None
        self._closing = False
        self.port = 0

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    async def start(self) -> None:
        app = web.Application()
        app.router.add_post("/bot{token}/{method}", self._handle)
        self._runner = web.AppRunner(app, handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        server = site._server
        assert server is not None
        self.port = server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    async def stop(self) -> None:
        # Long polls still held open return at once, so shutdown does not wait for them.
        async with self._changed:
            self._closing = True
            self._changed.notify_all()
        if self._runner is not None:
            await self._runner.cleanup()

    # -- test controls ---------------------------------------------------------------------

    async def push(self, update: dict[str, Any]) -> int:
        """Queue an update for getUpdates; returns its update_id."""
        update_id = next(self._update_ids)
        async with self._changed:
            self._updates.append({"update_id": update_id, **update})
            self._changed.notify_all()
        return update_id

    def upgrade_group(self, old: int, new: int) -> None:
        """Telegram turned group ``old`` into supergroup ``new``."""
        self.upgraded[old] = new

    def fail_next(
        self,
        method: str,
        status: int,
        description: str,
        parameters: dict[str, Any] | None = None,
        *,
        chat_id: int | None = None,
    ) -> None:
        """The next call of ``method`` (to ``chat_id`` if given) fails with this error."""
        self._failures.setdefault(method, []).append(
            Failure(status, description, parameters, chat_id)
        )

    async def wait_for(self, predicate: Callable[[FakeBotApi], bool], timeout: float = 5.0) -> None:
        """Wait until ``predicate(self)`` holds; AssertionError after ``timeout`` seconds."""

        async def until() -> None:
            async with self._changed:
                await self._changed.wait_for(lambda: predicate(self))

        try:
            await asyncio.wait_for(until(), timeout)
        except TimeoutError:
            raise AssertionError(
                f"timed out; sent so far: {[m.get('text') for m in self.sent]}"
            ) from None

    def calls_of(self, method: str) -> list[Call]:
        return [c for c in self.calls if c.method == method]

    # -- the API ---------------------------------------------------------------------------

    async def _handle(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != TOKEN:
            return _error(401, "Unauthorized")
        method = request.match_info["method"]
        params = await _params(request)
        async with self._changed:
            self.calls.append(Call(method, params))
            self._changed.notify_all()
        failure = self._take_failure(method, params)
        if failure is not None:
            return _error(failure.status, failure.description, failure.parameters)
        handler = getattr(self, f"_api_{method}", None)
        if handler is None:
            return _error(404, "Not Found: method not found")
        try:
            result = await handler(params)
        except ApiError as exc:
            return _error(exc.status, exc.description, exc.parameters)
        async with self._changed:
            self._changed.notify_all()
        return web.json_response({"ok": True, "result": result})

    def _take_failure(self, method: str, params: dict[str, Any]) -> Failure | None:
        queue = self._failures.get(method, [])
        for i, failure in enumerate(queue):
            if failure.chat_id is None or failure.chat_id == params.get("chat_id"):
                return queue.pop(i)
        return None

    async def _api_getMe(self, params: dict[str, Any]) -> Any:
        return self.me

    async def _api_deleteWebhook(self, params: dict[str, Any]) -> Any:
        self.webhook = None
        return True

    async def _api_setWebhook(self, params: dict[str, Any]) -> Any:
        self.webhook = params
        return True

    async def _api_setMyCommands(self, params: dict[str, Any]) -> Any:
        self.commands.append(params)
        return True

    async def _api_getUpdates(self, params: dict[str, Any]) -> Any:
        offset = int(params.get("offset") or 0)
        timeout = min(float(params.get("timeout") or 0), 10.0)
        async with self._changed:
            kept = [u for u in self._updates if u["update_id"] >= offset]
            forgotten = len(self._updates) - len(kept)
            self._updates = kept
            if offset > self.confirmed_upto:
                self.confirmed_upto = offset
        if forgotten and self.on_confirm is not None:
            result = self.on_confirm(offset)
            if asyncio.iscoroutine(result):
                await result
        async with self._changed:
            if not self._updates and timeout > 0:
                try:
                    await asyncio.wait_for(
                        self._changed.wait_for(lambda: bool(self._updates) or self._closing),
                        timeout,
                    )
                except TimeoutError:
                    pass
            return list(self._updates)

    async def _api_getChat(self, params: dict[str, Any]) -> Any:
        chat_id = int(params["chat_id"])
        if chat_id in self.upgraded:
            raise ApiError(
                400,
                "Bad Request: group chat was upgraded to a supergroup chat",
                {"migrate_to_chat_id": self.upgraded[chat_id]},
            )
        return {
            **chat(chat_id),
            "accent_color_id": 0,
            "max_reaction_count": 11,
            "accepted_gift_types": {
                "unlimited_gifts": False,
                "limited_gifts": False,
                "unique_gifts": False,
                "premium_subscription": False,
            },
        }

    async def _api_sendMessage(self, params: dict[str, Any]) -> Any:
        chat_id = int(params["chat_id"])
        message = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "supergroup"},
            "from": self.me,
            "text": params.get("text", ""),
        }
        self.sent.append(params)
        return message


async def _params(request: web.Request) -> dict[str, Any]:
    if request.content_type == "application/json":
        return dict(await request.json())
    form = await request.post()
    out: dict[str, Any] = {}
    for key, value in form.items():
        text = value if isinstance(value, str) else str(value)
        out[key] = json.loads(text) if key in _JSON_PARAMS else text
    return out


def _error(status: int, description: str, parameters: dict[str, Any] | None = None) -> web.Response:
    body: dict[str, Any] = {"ok": False, "error_code": status, "description": description}
    if parameters:
        body["parameters"] = parameters
    return web.json_response(body, status=status)


# -- update builders -----------------------------------------------------------------------

_message_ids = itertools.count(1)


def user(user_id: int, name: str) -> dict[str, Any]:
    return {"id": user_id, "is_bot": False, "first_name": name}


def chat(chat_id: int, *, kind: str | None = None) -> dict[str, Any]:
    if chat_id > 0:
        return {"id": chat_id, "type": "private", "first_name": "私聊"}
    return {"id": chat_id, "type": kind or "supergroup", "title": "1号楼邻里群"}


def message(chat_id: int, user_id: int, name: str, **fields: Any) -> dict[str, Any]:
    return {
        "message_id": next(_message_ids),
        "date": int(time.time()),
        "chat": chat(chat_id),
        "from": user(user_id, name),
        **fields,
    }


def text_update(chat_id: int, user_id: int, name: str, text: str) -> dict[str, Any]:
    return {"message": message(chat_id, user_id, name, text=text)}
