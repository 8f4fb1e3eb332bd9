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
