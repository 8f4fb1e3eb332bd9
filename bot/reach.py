"""Mentions reach each person where they can be reached.

A message posted in a group mentions people (the reporter and the followers of an issue, those
signed up for an event). A building may have groups on several platforms, and someone who
followed an issue from the Telegram group cannot see the WeChat room where it was reported. So
a group message that mentions people of another platform is also posted, with their mentions,
in the same building's group on their platform, or, where the building has none, sent to
each of them privately.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from bot.config import Config
from bot.model import Mention, Outgoing, platform_of


def reach_everyone(
    messages: list[Outgoing], config: Config, is_group: Callable[[str], bool]
) -> list[Outgoing]:
    """``messages`` with a copy for the mentioned people a group of another platform would
    miss; ``is_group`` tells group chats (:func:`bot.privacy.is_group_chat`)."""
    out: list[Outgoing] = []
    for message in messages:
        here = platform_of(message.chat)
        away = [m for m in message.mentions if platform_of(m.user) != here]
        if not away or not is_group(message.chat):
            out.append(message)
            continue
        out.append(replace(message, mentions=tuple(m for m in message.mentions if m not in away)))
        building = config.building_of_chat.get(message.chat)
        targets: dict[str, list[Mention]] = {}
        for person in away:
            chat = _group_on(config, building, platform_of(person.user)) or person.user
            targets.setdefault(chat, []).append(person)
        for chat, people in targets.items():
            out.append(replace(message, chat=chat, mentions=tuple(people), fallback_chat=None))
    return out


def _group_on(config: Config, building: str | None, platform: str) -> str | None:
    if building is None:
        return None
    for chat in config.group_chats(building):
        if platform_of(chat) == platform:
            return chat
    return None
