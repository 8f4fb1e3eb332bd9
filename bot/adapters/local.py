"""The local chat: a building group chat in the terminal, on the embedded default config.

Type a message to say it in the current chat as the current person. Lines starting with ``:``
control the session:

    :as local:head-1        speak as someone else (name from the config, or :as ID NAME);
                            :as alone lists the people of the config
    :in local:building-2    switch chat (a person's id is a private chat with the bot)
    :dm                     private chat with the bot as the current person
    :wait 45m               fast-forward the clock; each reminder due meanwhile is shown at
                            its own time
    :who                    who and where you are, and the virtual time
    :quit                   leave (state is kept in the database)

The virtual clock is stored with the state: after a restart it resumes where it was (never
behind the real clock), so stored issues and timers are not in the future.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import IO

from bot.app import Linli
from bot.config import Config
from bot.config.reader import parse_duration
from bot.model import Incoming, Outgoing

BOT_NAME = "邻里助手"
DEFAULT_SPEAKER = ("local:resident-1", "小王")
CLOCK_KEY = "local_chat_clock"
# A :wait never fires more than this many separate due times (a runaway timer cannot hang it).
MAX_STEPS = 10_000
ROLE_NAMES = {"head": "楼栋长", "grid_worker": "网格员", "admin": "管理员", "resident": "居民"}


class LocalChat:
    """State of one terminal session; :meth:`feed` takes one typed line."""

    def __init__(
        self,
        app: Linli,
        out: IO[str],
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self.app = app
        self.out = out
        self.real_clock = clock or (lambda: datetime.now(UTC))
        self.offset = timedelta(0)
        self.chat = (
            app.config.buildings[0].chats[0]
            if app.config.buildings[0].chats
            else "local:building-1"
        )
        self.user, self.name = DEFAULT_SPEAKER
        # Names given with ":as ID NAME" in this session, so switching back keeps them.
        self._names: dict[str, str] = {self.user: self.name}
        self._ids = itertools.count(int(self.real_clock().timestamp() * 1000))

    def now(self) -> datetime:
        return self.real_clock() + self.offset

    def set_clock(self, at: datetime) -> None:
        """Move the virtual clock to ``at`` (never back)."""
        self.offset = max(self.offset, at - self.real_clock())

    async def resume_clock(self) -> None:
        """Continue from the virtual time stored by the last session, if it is ahead."""
        stored = await self.app.store.kv.get(CLOCK_KEY)
        if stored is not None:
            try:
                self.set_clock(datetime.fromtimestamp(float(stored), UTC))
            except ValueError:
                self.out.write("  （存储的时间无法读取，已从当前时间开始）\n")

    async def save_clock(self) -> None:
        async with self.app.store.transaction():
            await self.app.store.kv.set(CLOCK_KEY, repr(self.now().timestamp()))

    def show(self, message: Outgoing) -> None:
        local = self.now().astimezone(self.app.config.timezone).strftime("%m-%d %H:%M")
        refs = " ".join(f"{k}={v}" for k, v in message.refs().items())
        mention = "".join(f"@{m.name} " for m in message.mentions)
        where = message.chat
        person = self.app.config.person_by_id.get(message.chat)
        if person is not None:
            where = f"私聊 {person.name}"
        self.out.write(
            f"  [{local} {where}] {BOT_NAME}（{message.kind}{' ' + refs if refs else ''}）："
            f"{mention}{message.text}\n"
        )

    async def deliver(self) -> None:
        now = self.now()
        while queued := await self.app.store.outbox.due(None, now, limit=500):
            for item in queued:
                self.show(item.message)
                await self.app.store.outbox.mark_sent(item.id, now, item.message)

    async def feed(self, line: str) -> bool:
        """Handle one typed line; False when the session should end."""
        line = line.rstrip("\n")
        if line.startswith(":"):
            return await self._control(line[1:].strip())
        if not line.strip():
            return True
        await self.app.tick(self.now())
        msg = Incoming(
            chat=self.chat,
            sender=self.user,
            sender_name=self.name,
            text=line,
            at=self.now(),
            message_id=f"local-{next(self._ids)}",
            private=self.chat == self.user,
        )
        await self.app.handle(msg)
        await self.deliver()
        await self.save_clock()
        return True

    async def wait(self, step: timedelta) -> None:
        """Fast-forward by ``step``, stopping at each due time on the way, so every message
        shows the time it was due, not the end of the wait."""
        target = self.now() + step
        for _ in range(MAX_STEPS):
            due = await self.app.store.timers.next_due()
            if due is None or due > target:
                break
            self.set_clock(due)
            await self.app.tick(self.now())
            await self.deliver()
            still = await self.app.store.timers.next_due()
            if still is not None and still <= self.now():
                break  # something stays due without firing: do not spin on it
        self.set_clock(target)
        await self.app.tick(self.now())
        await self.deliver()
        await self.save_clock()

    async def _control(self, command: str) -> bool:
        verb, _, arg = command.partition(" ")
        arg = arg.strip()
        cfg: Config = self.app.config
        if verb in ("quit", "q", "exit"):
            return False
        if verb == "as" and not arg:
            self._people()
            return True
        if verb == "as":
            user, _, name = arg.partition(" ")
            person = cfg.person_by_id.get(user)
            self.user = user
            self.name = (
                name.strip()
                or (person.name if person else None)
                or self._names.get(user)
                or user.split(":")[-1]
            )
            self._names[user] = self.name
            if self.chat not in cfg.building_of_chat and self.chat != cfg.office_chat:
                self.chat = self.user
        elif verb == "in" and arg:
            self.chat = arg
        elif verb == "dm":
            self.chat = self.user
        elif verb == "wait" and arg:
            step = parse_duration(arg)
            if step is None:
                self.out.write('  （时间格式如 "45m"、"2h"、"1d"）\n')
                return True
            await self.wait(step)
        elif verb != "who":
            self.out.write(f"  （未知指令 :{verb}；可用 :as :in :dm :wait :who :quit）\n")
            return True
        self._status()
        return True

    def _people(self) -> None:
        lines = [
            f"    {p.id} {p.name}（{ROLE_NAMES.get(str(p.role), str(p.role))}）"
            for p in self.app.config.people
        ]
        self.out.write(
            "  （用法：:as 编号 [名字]，例如 :as local:head-1，或 :as local:resident-9 老周"
            "（配置里没有的人就是普通居民）。配置里的人：）\n" + "\n".join(lines) + "\n"
        )

    def _status(self) -> None:
        local = self.now().astimezone(self.app.config.timezone).strftime("%Y-%m-%d %H:%M")
        self.out.write(f"  （{self.name} {self.user} 在 {self.chat}，时间 {local}）\n")


async def run_chat(config: Config, inp: IO[str], out: IO[str]) -> None:
    app = await Linli.open(config)
    chat = LocalChat(app, out)
    try:
        await chat.resume_clock()
        await app.start(chat.now())
        await app.tick(chat.now())
        await chat.deliver()
        out.write(
            f"邻里 linli 本地群聊（{config.community_name}）。直接输入消息发言；"
            ":as 切换身份，:in 切换群，:dm 私聊机器人，:wait 快进时间，:quit 退出。\n"
        )
        chat._status()
        while True:
            out.write("> ")
            out.flush()
            line = inp.readline()
            if not line:
                break
            if not await chat.feed(line):
                break
    finally:
        await app.close()
