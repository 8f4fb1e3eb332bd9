"""``[help]``: offers, needs and matching between neighbours (握手行动)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from bot.config.reader import Table

# Who is asked about, and may take, a neighbour's help request.
SCOPE_BUILDING = "building"  # residents and staff of the requester's building (default)
SCOPE_COMMUNITY = "community"  # any known resident of the community
SCOPES = (SCOPE_BUILDING, SCOPE_COMMUNITY)


@dataclass(frozen=True, slots=True)
class HelpConfig:
    offer_expiry: timedelta = timedelta(days=90)
    # An offer's owner is reminded this long before it lapses.
    offer_reminder_before: timedelta = timedelta(days=7)
    match_timeout: timedelta = timedelta(hours=2)
    candidates_per_round: int = 3
    # Extra synonym groups from the config, merged with the shipped table.
    synonyms: tuple[tuple[str, ...], ...] = field(default=())
    scope: str = SCOPE_BUILDING

    @property
    def community_wide(self) -> bool:
        return self.scope == SCOPE_COMMUNITY


def parse_help(t: Table) -> HelpConfig:
    base = HelpConfig()
    groups: list[tuple[str, ...]] = []
    syn = t.table("synonyms")
    for name in syn.data:
        words = syn.str_list(name)
        if isinstance(words, tuple):
            groups.append((name, *words))
    syn.done()
    scope = t.str("scope", base.scope)
    if scope not in SCOPES:
        t.problems.add(t.key("scope"), f"expected one of {', '.join(map(repr, SCOPES))}")
        scope = base.scope
    cfg = HelpConfig(
        offer_expiry=t.duration("offer_expiry", base.offer_expiry),
        offer_reminder_before=t.duration("offer_reminder_before", base.offer_reminder_before),
        match_timeout=t.duration("match_timeout", base.match_timeout),
        candidates_per_round=t.int("candidates_per_round", base.candidates_per_round, minimum=1),
        synonyms=tuple(groups),
        scope=scope,
    )
    t.done()
    return cfg
