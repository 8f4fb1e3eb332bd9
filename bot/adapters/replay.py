"""Replay: feed a JSON-lines script through the bot on a virtual clock and print every
outgoing message as a JSON line (contract, see DESIGN.md).

Script lines::

    {"at": "2026-05-01T09:00:00+08:00", "chat": "local:building-1", "from": "local:r1",
     "name": "小王", "text": "3单元楼道灯坏了"}
    {"at": "2026-05-01T10:00:00+08:00", "tick": true}        # advance the clock only
    {"at": "2026-05-01T11:00:00+08:00", "restart": true}     # stop and start the bot again
    {"at": "2026-05-01T12:00:00+08:00", "hook": {"person": "local:elder-1",
     "event": "no_water_24h"}}                                # a device calls POST /hooks/checkin

A message line may carry ``"id"`` (the platform message id; the same id twice is a
redelivery) and ``"reply_to"``: the id of the message it replies to in the same chat (a
script line's ``"id"``, ``line-N`` for the N-th script entry without one, or ``bot-n`` for the
n-th line replay printed: ``"reply_to": "bot-3"`` answers the third output line).
Times without an offset are in the community's time zone. Before each line the
clock advances to its ``at`` and everything due by then fires. The output is deterministic.
"""

from __future__ import annotations

import contextlib
import io
import json
import tempfile
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import IO, Any, cast

from bot.app import Linli
from bot.config import Config
from bot.model import Incoming
from storage.columns import json_text
from storage.outbox import Sent

# Script lines whose effects share one commit (group commit, storage.db.Database.group): the
# script is the durable copy of every message, so a kill loses only what is redone from it.
# A commit writes every page the group changed into the WAL (about 700 µs of CPU for 100
# lines of the bench script, 2 ms for 1,000: the same hot pages are written once).
GROUP_LINES = 1000
FLUSH_PAGE = 500

_LINE_KEYS = {
    "at",
    "chat",
    "from",
    "name",
    "text",
    "tick",
    "restart",
    "id",
    "private",
    "reply_to",
    "hook",
}
#: The platform id replay gives the n-th message it prints (1-based, over the whole run): a
#: script line ``"reply_to": "bot-3"`` replies to the third line of the output.
SENT_ID = "bot-{}"
# Script times outside these years are refused: far beyond them the date arithmetic of
# reminders and recurring events overflows.
MIN_YEAR, MAX_YEAR = 1971, 2200
MAX_LINE_CHARS = 1_000_000
MAX_ID_DIGITS = 30


class ScriptError(ValueError):
    """A script line is malformed; the message names the line."""


def parse_line(raw: str, lineno: int, config: Config) -> dict[str, Any] | None:
    stripped = raw.strip()
    if not stripped or stripped.startswith("#"):
        return None
    if len(stripped) > MAX_LINE_CHARS:
        raise ScriptError(f"line {lineno}: longer than {MAX_LINE_CHARS:,} characters")
    try:
        item = json.loads(stripped)
    except json.JSONDecodeError as exc:
        raise ScriptError(f"line {lineno}: not valid JSON ({exc.msg})") from None
    except RecursionError:
        raise ScriptError(f"line {lineno}: JSON nested too deeply") from None
    except ValueError as exc:  # e.g. an integer of thousands of digits
        raise ScriptError(f"line {lineno}: not valid JSON ({exc})") from None
    if not isinstance(item, dict):
        raise ScriptError(f"line {lineno}: expected a JSON object")
    unknown = set(item) - _LINE_KEYS
    if unknown:
        raise ScriptError(f"line {lineno}: unknown keys {sorted(unknown)}")
    if not isinstance(item.get("at"), str):
        raise ScriptError(f'line {lineno}: "at" must be an ISO-8601 time string')
    try:
        at = datetime.fromisoformat(item["at"])
    except ValueError:
        raise ScriptError(f'line {lineno}: "at" is not an ISO-8601 time: {item["at"]!r}') from None
    if not MIN_YEAR <= at.year <= MAX_YEAR:
        raise ScriptError(f'line {lineno}: "at" must be between {MIN_YEAR} and {MAX_YEAR}')
    if at.tzinfo is None:
        at = at.replace(tzinfo=config.timezone)
    item["at"] = at
    item["line"] = lineno
    for key in ("tick", "restart", "private"):
        if key in item and not isinstance(item[key], bool):
            raise ScriptError(f'line {lineno}: "{key}" must be true or false')
    if "hook" in item:
        hook = item["hook"]
        if not isinstance(hook, dict) or not all(
            isinstance(hook.get(k), str) for k in ("person", "event")
        ):
            raise ScriptError(f'line {lineno}: "hook" must be {{"person": id, "event": name}}')
    elif not (item.get("tick") or item.get("restart")):
        for key in ("chat", "from", "text"):
            if not isinstance(item.get(key), str):
                raise ScriptError(f'line {lineno}: "{key}" must be a string')
        if "name" in item and not isinstance(item["name"], str):
            raise ScriptError(f'line {lineno}: "name" must be a string')
        message_id = item.get("id")
        if message_id is not None and not (
            isinstance(message_id, str)
            or (isinstance(message_id, int) and not isinstance(message_id, bool))
        ):
            raise ScriptError(f'line {lineno}: "id" must be a string or a number')
        if isinstance(message_id, int) and len(str(abs(message_id))) > MAX_ID_DIGITS:
            raise ScriptError(f'line {lineno}: "id" has more than {MAX_ID_DIGITS} digits')
    if "reply_to" in item and not isinstance(item["reply_to"], str):
        raise ScriptError(f'line {lineno}: "reply_to" must be a string')
    return item


# Each output line as ``json.dumps(..., ensure_ascii=False)`` writes it.
_ENCODE = json_text


def render(at: datetime | str, message: Any, config: Config) -> str:
    """One output line for an outgoing message (stable key order); ``at`` may be given
    already rendered (:func:`render_time`)."""
    data: dict[str, Any] = {
        "at": at if isinstance(at, str) else render_time(at, config),
        "chat": message.chat,
        "kind": str(message.kind),
        "text": message.text,
    }
    data.update(message.refs())
    if message.mentions:
        data["mentions"] = [m.user for m in message.mentions]
    return _ENCODE(data)


def render_time(at: datetime, config: Config) -> str:
    return at.astimezone(config.timezone).isoformat()


async def device_hook(app: Linli, hook: dict[str, str], at: datetime) -> None:
    """What ``POST /hooks/checkin`` does with this body (bot/hooks.py), minus HTTP."""
    from bot.hooks import checkin_event
    from handlers.checkin_schedule import NotEnrolled

    try:
        await checkin_event(app, hook["person"], hook["event"], at)
    except NotEnrolled:
        pass  # the server answers 404; nothing is queued


async def flush(app: Linli, now: datetime, out: IO[str], printed: int = 0) -> int:
    """Print and mark sent everything pending in the outbox (replay accepts every send);
    ``printed`` lines were printed before. Returns how many were printed now."""
    count = 0
    at = render_time(now, app.config)
    while True:
        queued = await app.store.outbox.due_all(now, limit=FLUSH_PAGE)
        if not queued:
            return count
        out.write("".join(render(at, item.message, app.config) + "\n" for item in queued))
        # Inside replay's group commit, which a failure abandons whole (see replay()).
        await app.store.outbox.mark_sent_in_group(
            [
                Sent(item.id, now, item.message, (SENT_ID.format(printed + count + k),))
                for k, item in enumerate(queued, 1)
            ]
        )
        count += len(queued)
        if len(queued) < FLUSH_PAGE:
            return count  # a short page was all there was: no need to look again


class Step:
    """One script line as replay holds it until it runs: parsed and checked once, in slots
    (about 0.55 KB with its strings in the 20,000-line bench script; as a dict a parsed
    line took about 1 KB). The line's text is not kept: it took about 0.35 KB."""

    __slots__ = (
        "at",
        "chat",
        "hook",
        "id",
        "line",
        "name",
        "private",
        "reply_to",
        "restart",
        "sender",
        "text",
        "tick",
    )

    def __init__(self, item: dict[str, Any], chats: dict[str, str]) -> None:
        get = item.get
        self.line: int = item["line"]
        self.at: datetime = item["at"]
        self.tick: bool = get("tick", False)
        self.restart: bool = get("restart", False)
        self.hook: dict[str, str] | None = get("hook")
        chat = get("chat")
        # A script names the same chats again and again: one string each.
        self.chat: str | None = chats.setdefault(chat, chat) if chat is not None else None
        self.sender: str | None = get("from")
        self.name: str | None = get("name")
        self.text: str | None = get("text")
        self.id: str | int | None = get("id")
        self.private: bool | None = get("private")
        self.reply_to: str | None = get("reply_to")


class Script(list[Step]):
    """A whole script, every line checked (:func:`read_script`)."""


def read_script(lines: Iterable[str], config: Config) -> Script:
    """Parse and check every line (a bad one raises :class:`ScriptError` before anything
    runs, so it loses nothing); each line is parsed once and its text dropped."""
    script = Script()
    chats: dict[str, str] = {}
    for n, raw in enumerate(lines, 1):
        item = parse_line(raw, n, config)
        if item is not None:
            script.append(Step(item, chats))
    return script


async def replay(
    config: Config,
    lines: Iterable[str] | Script,
    out: IO[str],
    database: str | Path | None = None,
) -> int:
    """Run the script (its lines, or as :func:`read_script` read them); returns the number
    of messages printed. Raises :class:`ScriptError`."""
    items = lines if isinstance(lines, Script) else read_script(lines, config)
    with tempfile.TemporaryDirectory(prefix="linli-replay-") as tmp:
        db_path = database if database is not None else Path(tmp) / "replay.db"
        app: Linli | None = None
        printed = 0
        clock: datetime | None = None
        # Whether something may have been queued since the last flush: most lines queue
        # nothing, and then there is nothing to look for in the outbox.
        dirty = True

        def queued() -> None:
            nonlocal dirty
            dirty = True

        # The lines printed since the last group commit, written out before it: one write
        # per group rather than one per flush (a system call each when stdout is unbuffered,
        # as with PYTHONUNBUFFERED), and what a commit marks sent is printed by then.
        buffer = io.StringIO()

        def drain() -> None:
            if buffer.tell():
                out.write(buffer.getvalue())
                buffer.seek(0)
                buffer.truncate()

        # The open group commit: closed every GROUP_LINES lines and before a restart.
        group = contextlib.AsyncExitStack()
        grouped = 0
        try:
            for n, item in enumerate(items, 1):
                if grouped >= GROUP_LINES or (item.restart and grouped):
                    drain()
                    await group.aclose()
                    grouped = 0
                at = item.at
                if clock is not None and at < clock:
                    raise ScriptError(f"line {item.line}: time goes backwards ({at.isoformat()})")
                clock = at
                if item.restart and app is not None:
                    await app.close()
                    app = None
                if app is None:
                    app = await Linli.open(config, database=db_path)
                    app.on_queued.append(queued)
                    # What a group queues is printed and marked sent before it commits.
                    app.store.outbox.sent_when_queued = True
                    # Each reminder asks for its recipient's pending ones: kept in memory.
                    app.store.timers.recipients_in_memory = True
                    await app.start(at)
                    dirty = True
                if not grouped:
                    await group.enter_async_context(app.store.db.group())
                grouped += 1
                await app.tick(at)
                if dirty:
                    dirty = False
                    printed += await flush(app, at, buffer, printed)
                if item.tick or item.restart:
                    continue
                if item.hook is not None:
                    await device_hook(app, item.hook, at)
                    printed += await flush(app, at, buffer, printed)
                    continue
                # A message line (read_script checked that these are strings).
                sender = cast(str, item.sender)
                chat = cast(str, item.chat)
                msg = Incoming(
                    chat=chat,
                    sender=sender,
                    sender_name=str(item.name or sender),
                    text=cast(str, item.text),
                    at=at,
                    message_id=str(item.id or f"line-{n}"),
                    private=bool(item.private if item.private is not None else chat == sender),
                    reply_to=str(item.reply_to) if item.reply_to else None,
                )
                await app.handle(msg)
                if dirty:
                    dirty = False
                    printed += await flush(app, at, buffer, printed)
            drain()
            await group.aclose()
        except BaseException as exc:
            await group.__aexit__(type(exc), exc, exc.__traceback__)
            raise
        finally:
            drain()  # what was printed before a failure stays printed, as it always was
            if app is not None:
                await app.close()
        return printed
