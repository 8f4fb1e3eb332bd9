"""Telegram command menus (``setMyCommands``): residents' commands by default, the staff
menu in staff's private chats and for each staff member in the groups of their buildings."""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Sequence

from telegram import (
    Bot,
    BotCommand,
    BotCommandScope,
    BotCommandScopeChat,
    BotCommandScopeChatMember,
    BotCommandScopeDefault,
)
from telegram.error import RetryAfter, TelegramError

from bot.adapters.telegram_receive import retry_after_seconds
from bot.adapters.telegram_translate import numeric_id
from bot.config import Config
from bot.feature import Feature
from bot.model import Role

log = logging.getLogger(__name__)

_COMMAND_NAME = re.compile(r"^[a-z0-9_]{1,32}$")
_STAFF = (Role.HEAD, Role.GRID_WORKER, Role.ADMIN)


def menus(features: Sequence[Feature]) -> tuple[list[BotCommand], list[BotCommand]]:
    """(residents' menu, staff menu) from the features' commands."""
    residents: list[BotCommand] = []
    staff: list[BotCommand] = []
    for feature in features:
        for cmd in feature.commands:
            if not _COMMAND_NAME.match(cmd.name):
                log.warning("command /%s cannot be in a telegram menu", cmd.name)
                continue
            entry = BotCommand(cmd.name, (cmd.help or cmd.name)[:256])
            staff.append(entry)
            if not cmd.staff_only:
                residents.append(entry)
    return residents, staff


def staff_scopes(
    cfg: Config, migrations: dict[str, str]
) -> list[BotCommandScopeChat | BotCommandScopeChatMember]:
    """Where the staff menu shows: staff's private chats, and each staff member in the
    groups where they hold their role."""
    scopes: list[BotCommandScopeChat | BotCommandScopeChatMember] = []
    for person in cfg.people:
        user_id = numeric_id(person.id)
        if user_id is None:
            continue
        scopes.append(BotCommandScopeChat(user_id))
        for building in cfg.buildings:
            if cfg.role_of(person.id, building.name) not in _STAFF:
                continue
            for chat in building.chats:
                chat_id = numeric_id(migrations.get(chat, chat))
                if chat_id is not None:
                    scopes.append(BotCommandScopeChatMember(chat_id, user_id))
        office = numeric_id(cfg.office_chat or "")
        if office is not None and person.role in (Role.ADMIN, Role.GRID_WORKER):
            scopes.append(BotCommandScopeChatMember(office, user_id))
    return scopes


async def register_commands(
    bot: Bot, cfg: Config, features: Sequence[Feature], migrations: dict[str, str]
) -> None:
    """setMyCommands: residents' menu by default, staff menu per scope. Failures are
    logged (a head who is not in the group yet) and never stop the bot."""
    residents, staff = menus(features)
    calls: list[tuple[list[BotCommand], BotCommandScope]] = [(residents, BotCommandScopeDefault())]
    calls += [(staff, scope) for scope in staff_scopes(cfg, migrations)]
    for commands, scope in calls:
        for _ in range(3):
            try:
                await bot.set_my_commands(commands, scope=scope)
                break
            except RetryAfter as exc:
                await asyncio.sleep(retry_after_seconds(exc))
            except TelegramError as exc:
                log.warning("telegram command menu not set scope=%s: %s", scope, exc)
                break
    log.info("telegram command menus registered scopes=%s", len(calls))
