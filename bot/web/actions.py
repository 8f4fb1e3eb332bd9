"""Acting on an issue from the console, through the same command handlers as the chat.

A form on the issue page becomes the command the staff member would have typed to the bot
privately (``/ack 3``, ``/progress 3 电工明天上午来``), sent in their name: the dispatcher's
permission check and the feature's handler run as for a chat message, in one transaction, and
every message the handler produces for others (the status message in the building group, the
heads' notices) goes to the outbox exactly as from the chat. What the handler says back to
the actor (a confirmation, or why not) is shown on the page instead of sent privately.

The number and the note are passed as parsed, never through the chat grammar: a note
starting with a number ("2点来修") must not become a second issue number.
"""

from __future__ import annotations

import logging
import secrets

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from bot import privacy
from bot.commands import BadArguments, CommandCall
from bot.model import Incoming, Kind, Outgoing
from bot.web import texts as t
from bot.web.context import Console, Viewer, console_of, masked, viewer_of
from bot.web.pages import visible_issue

log = logging.getLogger(__name__)

# The issue commands the console offers (the chat's names, contract).
ACTIONS = ("ack", "assign", "progress", "wait", "resolve", "reject")
MAX_NOTE = 500


class ActionResult:
    """What the actor is told: ``ok`` and the texts meant for them; ``queued``: the messages
    queued for others."""

    def __init__(self, ok: bool, texts: list[str], queued: list[Outgoing]) -> None:
        self.ok = ok
        self.texts = texts
        self.queued = queued


async def run_issue_command(
    console: Console, viewer: Viewer, name: str, number: int, note: str
) -> ActionResult:
    """Run chat command ``name`` on issue ``number`` as ``viewer``, as if they had written it
    to the bot privately; queue what it says to others."""
    bot = console.bot
    dispatcher = bot.dispatcher
    cmd = dispatcher.commands[name]
    note = " ".join(note.split())[:MAX_NOTE]
    args = f"{number} {note}".strip()
    now = console.now()
    msg = Incoming(
        chat=viewer.id,
        sender=viewer.id,
        sender_name=viewer.name,
        text=f"/{name} {args}",
        at=now,
        message_id=f"web-{secrets.token_hex(8)}",
        private=True,
    )
    call = CommandCall(name, args, (number,), note=note, word=f"/{name}")
    async with bot.store.transaction():
        ctx = await dispatcher.context_for(msg)
        refusal = dispatcher.refusal(msg, ctx, cmd, args)
        if refusal is not None:
            return ActionResult(False, [refusal], [])
        try:
            outs = await cmd.handler(msg, ctx, call)
        except BadArguments as exc:
            return ActionResult(False, [str(exc)], [])
        outs = privacy.for_delivery(outs, bot.config)
        mine = [o for o in outs if o.chat == msg.chat]
        others = [o for o in outs if o.chat != msg.chat]
        ok = not any(o.kind is Kind.ERROR for o in mine)
        if others:
            await bot.store.outbox.add(others, now)
    if others:
        for listener in bot.on_queued:
            listener()
    log.info(
        "web action user=%s command=%s issue=%s ok=%s queued=%s",
        viewer.id,
        name,
        number,
        ok,
        len(others),
    )
    return ActionResult(ok, [o.text for o in mine], others)


async def act(request: Request) -> Response:
    console, viewer = console_of(request), viewer_of(request)
    issue = await visible_issue(request, request.path_params["number"])
    form = await request.form()
    action = str(form.get("action") or "")
    if action not in ACTIONS:
        request.session["flash"] = {"ok": False, "text": t.UNKNOWN_ACTION}
    else:
        result = await run_issue_command(
            console, viewer, action, issue.number, str(form.get("note") or "")
        )
        # Masked like every page (a refusal may quote what was written).
        text = masked("\n".join(result.texts)) or (t.ACTION_DONE if result.ok else t.ACTION_FAILED)
        request.session["flash"] = {"ok": result.ok, "text": text}
    return RedirectResponse(f"/issues/{issue.number}", status_code=303)


ROUTES = [Route("/issues/{number}/act", act, methods=["POST"])]
