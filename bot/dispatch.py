"""Dispatch: inbox first, then resolve who and where, route to a feature, queue the replies.

For each incoming message, in one transaction (one commit per message):

1. the message is stored in the inbox — a redelivered one stops here;
2. in a savepoint: the chat is resolved to a building and the sender to a role, the
   message is routed (command -> its handler; text -> understanding -> features' text
   handlers), the replies go to the outbox and the inbox row is marked handled.

If the database fails in step 2 the savepoint is rolled back and the row is committed pending
(as if stored by a commit of its own); :meth:`Dispatcher.recover` handles it later. A bug in a
handler rolls back that handler's writes and answers with a polite error.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Sequence

from bot import privacy, texts
from bot.commands import BadArguments, CommandCall, CommandHint, CommandParser
from bot.config import Config
from bot.feature import Command, Context, Feature
from bot.flood import FloodGuard, Verdict
from bot.model import Incoming, Kind, Mention, Outgoing, Role
from bot.permissions import Where
from bot.understand import Understanding, understand
from storage import StorageError, Store

log = logging.getLogger(__name__)


class MessageNotStored(StorageError):
    """The database failed before the message was stored: the caller still holds the only
    copy and must offer it again (``Linli.handle`` does, with backoff)."""


class Dispatcher:
    def __init__(
        self,
        config: Config,
        store: Store,
        features: Sequence[Feature],
        *,
        understand_fn: Callable[[str], Understanding] | None = None,
        bot_usernames: dict[str, str] | None = None,
    ) -> None:
        self.config = config
        self.store = store
        self.features = tuple(features)
        self.commands: dict[str, Command] = {}
        for feature in self.features:
            for cmd in feature.commands:
                if cmd.name in self.commands:
                    raise ValueError(f"command /{cmd.name} registered twice")
                self.commands[cmd.name] = cmd
        self.parser = CommandParser.for_features(self.features)
        taxonomy = config.taxonomy
        self.understand = understand_fn or (
            lambda text: understand(text, taxonomy, chat_keywords=False)
        )
        self.bot_usernames = bot_usernames or {}
        self.flood = FloodGuard(config.flood_per_minute)

    async def handle(self, msg: Incoming) -> list[Outgoing]:
        """Store, then handle ``msg``; returns the queued replies ([] for a redelivery).

        One transaction per message in the common case: the inbox row (already marked
        handled), the handling's writes and the replies commit together. If the handling
        fails, that transaction is rolled back whole and a second one stores the outcome:

        - a bug in a handler: the row as handled plus a polite ``error`` reply (retrying a
          bug would fail again);
        - a database fault: the row as pending, then :class:`StorageError` is raised and
          :meth:`recover` handles it later — exactly as if it had been stored first.

        If even the row cannot be stored, :class:`MessageNotStored` is raised.
        """
        try:
            async with self.store.transaction():
                if await self.store.inbox.add(msg, handled=True) is None:
                    log.info(
                        "duplicate message ignored chat=%s message_id=%s",
                        msg.chat,
                        msg.message_id,
                    )
                    return []
                return await self._apply(msg)
        except (StorageError, sqlite3.Error) as exc:
            self.store.db.rolled_back()
            await self._store_after_failure(msg, handled=False)
            raise StorageError(str(exc)) from exc
        except Exception:
            self.store.db.rolled_back()
            log.exception("handler failed chat=%s message_id=%s", msg.chat, msg.message_id)
            return await self._store_after_failure(msg, handled=True)

    async def _store_after_failure(self, msg: Incoming, *, handled: bool) -> list[Outgoing]:
        """Second chance after a rolled-back handling: store the row (handled with an error
        reply, or pending); :class:`MessageNotStored` if the database refuses even that."""
        outs = [Outgoing(msg.chat, Kind.ERROR, texts.INTERNAL_ERROR)] if handled else []
        try:
            async with self.store.transaction():
                if await self.store.inbox.add(msg, handled=handled) is not None:
                    await self.store.outbox.add(outs, msg.at)
        except (StorageError, sqlite3.Error) as exc:
            raise MessageNotStored(str(exc)) from exc
        return outs

    async def process(self, inbox_id: int, msg: Incoming) -> list[Outgoing]:
        """Handle a message already stored in the inbox (recovery), in its own transaction.
        A bug in a handler is answered with a polite error; a database fault is raised."""
        try:
            async with self.store.transaction():
                if not await self.store.inbox.claim(inbox_id):
                    return []  # handled meanwhile
                return await self._apply(msg)
        except (StorageError, sqlite3.Error) as exc:
            self.store.db.rolled_back()
            raise StorageError(str(exc)) from exc
        except Exception:
            self.store.db.rolled_back()
            log.exception("handler failed chat=%s message_id=%s", msg.chat, msg.message_id)
        outs = [Outgoing(msg.chat, Kind.ERROR, texts.INTERNAL_ERROR)]
        async with self.store.transaction():
            if await self.store.inbox.claim(inbox_id):
                await self.store.outbox.add(outs, msg.at)
        return outs

    async def _apply(self, msg: Incoming) -> list[Outgoing]:
        """Resolve, route and queue the replies (inside the caller's transaction)."""
        if msg.via is not None and msg.private:
            # One of several accounts of the platform heard the person: it reaches them.
            await self.store.routes.learn(msg.chat, msg.via)
        if msg.member_left:
            await self.member_left(msg)
            return []
        ctx = await self.context_for(msg)
        observed: list[Outgoing] = []
        for feature in self.features:
            if feature.observe is not None:
                observed += await feature.observe(msg, ctx)
        outs = privacy.for_delivery([*await self.route(msg, ctx), *observed], self.config)
        await self.store.outbox.add(outs, msg.at)
        return outs

    async def recover(self) -> int:
        """Handle messages left pending by a crash or a database fault; returns how many."""
        handled = 0
        for inbox_id, msg in await self.store.inbox.pending():
            try:
                await self.process(inbox_id, msg)
                handled += 1
            except StorageError:
                log.exception("still cannot handle pending message inbox_id=%s", inbox_id)
                break
        return handled

    async def member_left(self, msg: Incoming) -> None:
        """``msg.sender`` left (or was removed from) the group ``msg.chat``: if it is a
        building's group, they are no longer a resident of that building — a stranger to it
        until they write there again — and no longer offer help there. Nothing is said in the
        chat. Inside the caller's transaction."""
        building = self.config.building_of_chat.get(msg.chat)
        if building is None:
            return
        was_resident = await self.store.residents.left(msg.sender, building)
        await self.store.help.left_building(msg.sender, building)
        log.info(
            "member left building group sender=%s chat=%s building=%s was_resident=%s",
            msg.sender,
            msg.chat,
            building,
            was_resident,
        )

    async def context_for(self, msg: Incoming) -> Context:
        """Resolve the chat to a building and the sender to a role (inside the transaction)."""
        cfg = self.config
        ctx = Context(
            config=cfg,
            store=self.store,
            now=msg.at,
            bot_username=self.bot_usernames.get(msg.platform),
        )
        building = cfg.building_of_chat.get(msg.chat)
        if building is not None:
            ctx.building = building
            ctx.in_group = True
            ctx.role = cfg.role_of(msg.sender, building)
            if ctx.role is Role.RESIDENT:
                await self.store.residents.seen(msg.sender, msg.sender_name, building, msg.at)
            return ctx
        person = cfg.person_by_id.get(msg.sender)
        if msg.private or msg.chat == msg.sender:
            if person is not None:
                ctx.role = person.role
                ctx.building = person.buildings[0] if person.buildings else None
            else:
                resident = await self.store.residents.get(msg.sender)
                if resident is not None and resident.building:
                    ctx.role = Role.RESIDENT
                    ctx.building = resident.building
            return ctx
        # The office chat: staff keep their role (a head may act on their building's issues
        # from there). A group bound to nothing: only community-wide staff.
        ctx.in_group = True
        if person is not None and (
            msg.chat == cfg.office_chat or person.role in (Role.ADMIN, Role.GRID_WORKER)
        ):
            ctx.role = person.role
        return ctx

    def place_of(self, msg: Incoming, ctx: Context) -> Where:
        """What kind of chat ``msg`` came from (for :mod:`bot.permissions`)."""
        if not ctx.in_group:
            return Where.PRIVATE
        if msg.chat in self.config.building_of_chat:
            return Where.BUILDING_GROUP
        if msg.chat == self.config.office_chat:
            return Where.OFFICE
        return Where.OTHER_GROUP

    def refusal(self, msg: Incoming, ctx: Context, cmd: Command, args: str) -> str | None:
        """Why ``msg``'s sender may not run ``cmd`` here, or None."""
        return cmd.permission_for(args).refusal(
            self.place_of(msg, ctx),
            ctx.role,
            self.config.role_of(msg.sender, None) is Role.ADMIN,
        )

    async def parse(self, msg: Incoming, ctx: Context) -> CommandCall | CommandHint | None:
        """The command in ``msg`` (see :mod:`bot.commands`). A reply to the bot's own message
        about an issue, event or request supplies the number a command word alone lacks; a
        staff command word from someone who is not staff stays conversation."""
        if not self.parser.may_be_command(msg.text, ctx.bot_username):
            return None  # conversation: no reply or event titles to look up
        refs = await self.store.outbox.refs_of(msg.chat, msg.reply_to) if msg.reply_to else {}
        titles: list[str] = []
        if self.parser.may_name_a_title(msg.text, ctx.bot_username):
            titles = [e.title for e in await self.store.events.upcoming(ctx.now)]
        call = self.parser.parse(
            msg.text,
            ctx.bot_username,
            replied=bool(refs),
            private=not ctx.in_group,
            titles=titles,
        )
        name = call.command if isinstance(call, CommandHint) else call.name if call else ""
        if call is None or (cmd := self.commands.get(name)) is None:
            return call
        implicit = isinstance(call, CommandHint) or call.from_reply
        if implicit and not call.word.startswith("/") and self.refusal(msg, ctx, cmd, ""):
            return None  # "收到" from a resident (in reply to the bot) is "got it"
        if isinstance(call, CommandCall) and call.from_reply:
            numbers = refs.get(f"{cmd.refers_to}s") or refs.get(cmd.refers_to or "")
            if not numbers:
                return None
            return call.with_numbers(tuple(numbers) if isinstance(numbers, list) else (numbers,))
        return call

    @staticmethod
    def _mention(msg: Incoming, ctx: Context) -> tuple[Mention, ...]:
        return (Mention(msg.sender, msg.sender_name),) if ctx.in_group else ()

    async def route(self, msg: Incoming, ctx: Context) -> list[Outgoing]:
        if not ctx.is_staff:
            verdict = self.flood.check(msg.sender, msg.at)
            if verdict is Verdict.WARN:
                log.warning("sender throttled sender=%s chat=%s", msg.sender, msg.chat)
                return [
                    Outgoing(
                        msg.chat,
                        Kind.ERROR,
                        texts.SLOW_DOWN,
                        mentions=(Mention(msg.sender, msg.sender_name),),
                    )
                ]
            if verdict is Verdict.DROP:
                return []
        call = await self.parse(msg, ctx)
        if isinstance(call, CommandHint):
            hinted = self.commands[call.command]
            text = texts.command_hint(call.word, call.problem, titled=hinted.form == "title")
            return [Outgoing(msg.chat, Kind.ERROR, text, mentions=self._mention(msg, ctx))]
        if call is not None:
            cmd = self.commands.get(call.name)
            if cmd is None:
                return [Outgoing(msg.chat, Kind.ERROR, texts.unknown_command(call.name))]
            # The one place where permissions are enforced: before the handler runs, so a
            # refusal changes nothing.
            refusal = self.refusal(msg, ctx, cmd, call.args)
            if refusal is not None:
                log.info(
                    "command refused command=%s sender=%s chat=%s role=%s",
                    cmd.name,
                    msg.sender,
                    msg.chat,
                    ctx.role,
                )
                return [Outgoing(msg.chat, Kind.ERROR, refusal)]
            try:
                return await cmd.handler(msg, ctx, call)
            except BadArguments as exc:
                return [Outgoing(msg.chat, Kind.ERROR, texts.bad_arguments(str(exc), cmd))]
        if not msg.text.strip():
            return []
        if ctx.in_group and ctx.building is None:
            return []  # ordinary talk in the office chat or an unbound group: not ours
        understanding = self.understand(msg.text)
        for feature in self.features:
            if feature.on_text is None:
                continue
            result = await feature.on_text(msg, ctx, understanding)
            if result is not None:
                return result
        if not ctx.in_group:
            return [Outgoing(msg.chat, Kind.COMMAND_REPLY, texts.PRIVATE_HINT)]
        return []
