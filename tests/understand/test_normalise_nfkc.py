"""The fast NFKC step gives what normalising the whole text around placeholders gave."""

from __future__ import annotations

import random
import unicodedata

from bot.understand.normalise import _nfkc

_CJK_PUNCT = "，！？：；（）"
_HIDE = str.maketrans({ch: chr(0xE000 + i) for i, ch in enumerate(_CJK_PUNCT)})
_SHOW = str.maketrans({chr(0xE000 + i): ch for i, ch in enumerate(_CJK_PUNCT)})


def _reference(text: str) -> str:
    return unicodedata.normalize("NFKC", text.translate(_HIDE)).translate(_SHOW)


def test_keeps_chinese_punctuation_and_folds_full_width() -> None:
    assert _nfkc("３号楼，电梯坏了！（急）ＡＢ") == "3号楼，电梯坏了！（急）AB"


def test_same_as_the_reference_on_random_text() -> None:
    rng = random.Random(11)
    pool = (
        "电梯坏了楼道灯漏水abc123 。、"
        + _CJK_PUNCT
        + "".join(chr(0xE000 + i) for i in range(8))  # the placeholders themselves
        + "ｱｲｳ１２３ＡＢＣ①②ﬁ\u0301\u0300e\u00e9\u1100\u1161\uac00\u2126\u212b℃°\u3000"
    )
    for _ in range(20_000):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(0, 30)))
        assert _nfkc(text) == _reference(text), text
