"""/help: a short overview in the words people use, and the full list on request."""

from __future__ import annotations

import re

from bot.app import Linli
from handlers.admin import SHORT_HELP_RESIDENT, SHORT_HELP_STAFF
from tests.conftest import say


def test_every_phrase_of_the_short_help_is_a_real_command(app: Linli) -> None:
    parser = app.dispatcher.parser
    for line in (*SHORT_HELP_RESIDENT[1:], *SHORT_HELP_STAFF):
        for phrase in re.sub(r"^【.*?】", "", line).split(" · "):
            words = re.sub(r"（.*?）", "", phrase).split()
            example = " ".join(w if w != "编号" else "3" for w in words)
            assert parser.parse(example) is not None, phrase


async def test_short_help_is_short_and_full_help_is_complete(app: Linli) -> None:
    short = (await app.handle(say("/help")))[0].text
    assert len(short.splitlines()) <= 6 and "收到 编号" not in short
    staff = (await app.handle(say("帮助", sender="local:head-1", name="张阿姨", minutes=1)))[0].text
    assert "收到 编号" in staff
    full = (await app.handle(say("/help 全部", minutes=2)))[0].text
    assert "/report" in full and "/join" in full and "/offer" in full


async def test_full_help_asked_in_a_group_goes_privately_with_a_pointer(app: Linli) -> None:
    outs = await app.handle(say("/help 全部", minutes=3))
    assert [o.chat for o in outs] == ["local:resident-1", "local:building-1"]
    private, pointer = outs
    assert "/report" in private.text and len(private.text.splitlines()) > 20
    assert len(pointer.text.splitlines()) == 1 and "私聊" in pointer.text
    assert pointer.mentions[0].user == "local:resident-1"
    alone = await app.handle(
        say("/help 全部", chat="local:resident-1", sender="local:resident-1", minutes=4)
    )
    assert [o.chat for o in alone] == ["local:resident-1"] and "/report" in alone[0].text


def test_every_feature_has_a_chinese_section_title() -> None:
    from handlers import default_features
    from handlers.admin import SECTION_TITLES

    assert {f.name for f in default_features() if f.commands} <= set(SECTION_TITLES)
