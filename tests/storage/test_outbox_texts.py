"""What the outbox stores as text is what ``json`` would write: the refs of a sent message
(written directly) and the mentions of a queued one (remembered per tuple of people)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from bot.model import Kind, Mention, Outgoing
from storage.outbox import _MENTIONS, _refs_text


@pytest.mark.parametrize(
    "message",
    [
        Outgoing("c", Kind.ISSUE_CREATED, "t", issue=3),
        Outgoing("c", Kind.ACK_REMINDER, "t", issue=3, issues=(3, 41, 5)),
        Outgoing("c", Kind.HELP_MATCH, "t", request=12, event=0),
        Outgoing("c", Kind.POLL, "t", poll=1, polls=(1, 2), alert=-4),
        Outgoing("c", Kind.COMMUNITY_ALERT, "t", alert=10**20),
    ],
)
def test_refs_are_written_as_json_dumps_writes_them(message: Outgoing) -> None:
    refs = message.refs()
    assert _refs_text(refs) == json.dumps(refs)
    assert json.loads(_refs_text(refs)) == refs


def test_refs_of_another_kind_fall_back_to_json() -> None:
    odd: dict[str, Any] = {"issue": True, "issues": [1, "2"], "note": "王"}
    assert _refs_text(odd) == json.dumps(odd)


def test_mentions_are_stored_as_json_and_the_same_people_give_the_same_text() -> None:
    people = (Mention("local:head-1", "王主任"), Mention("telegram:5", 'a"b\\c'))
    text = _MENTIONS[people]
    assert text == json.dumps([[m.user, m.name] for m in people], ensure_ascii=False)
    assert _MENTIONS[(Mention("local:head-1", "王主任"), Mention("telegram:5", 'a"b\\c'))] is text
    assert _MENTIONS[()] == "[]"
