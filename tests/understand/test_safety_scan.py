"""``safety.urgent`` with the lexicon's scan: the words of the Mandarin reading of dialect are
found, and a word of what frames the message (blanked by ``clauses.without_attended``) stays
blanked whether a scan is given or not (lead, fifteenth session)."""

from __future__ import annotations

from bot.config.understanding import default_taxonomy
from bot.understand import safety
from bot.understand.lexicon import Hit, Role, lexicon_for
from bot.understand.normalise import normalise_words

_SCAN = lexicon_for(default_taxonomy()).scan


def test_a_word_of_the_frame_stays_blanked_with_a_scan() -> None:
    # An admin's urgent word that is also a frame word ("视频" of a video call).
    text = "刚跟我妈视频，她说楼下有人喊"
    hit = Hit("视频", text.index("视频"), frozenset({(Role.URGENT, "admin")}))
    assert not safety.urgent(text, [hit])
    assert not safety.urgent(text, [hit], scan=_SCAN)


def test_the_urgent_word_of_a_dialect_reading_is_found_with_a_scan() -> None:
    text = normalise_words("泳池有个细路好似遇溺，救生员唔见人")
    assert not safety.urgent(text, _SCAN(text))
    assert safety.urgent(text, _SCAN(text), scan=_SCAN)
