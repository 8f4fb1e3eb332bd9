"""``[help]``: offers, needs and matching between neighbours (握手行动)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from bot.config.reader import Table


@dataclass(frozen=True, slots=True)
class HelpConfig:
    offer_expiry: timedelta = timedelta(days=90)
    # An offer's owner is reminded this long before it lapses.
    offer_reminder_before: timedelta = timedelta(days=7)
    match_timeout: timedelta = timedelta(hours=2)
    candidates_per_round: int = 3
    # Extra synonym groups from the config, merged with the shipped table.
    synonyms: tuple[tuple[str, ...], ...] = field(default=())


def parse_help(t: Table) -> HelpConfig:
    base = HelpConfig()
    groups: list[tuple[str, ...]] = []
    syn = t.table("synonyms")
    for name in syn.data:
        words = syn.str_list(name)
        if isinstance(words, tuple):
            groups.append((name, *words))
    syn.done()
    cfg = HelpConfig(
        offer_expiry=t.duration("offer_expiry", base.offer_expiry),
        offer_reminder_before=t.duration("offer_reminder_before", base.offer_reminder_before),
        match_timeout=t.duration("match_timeout", base.match_timeout),
        candidates_per_round=t.int("candidates_per_round", base.candidates_per_round, minimum=1),
        synonyms=tuple(groups),
    )
    t.done()
    return cfg
