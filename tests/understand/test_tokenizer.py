"""linli's segmenter cuts exactly as jieba's ``Tokenizer.lcut(text, HMM=False)`` does."""

from __future__ import annotations

import random

import pytest

from bot.config.understanding import default_taxonomy
from bot.understand import tokenizer
from bot.understand.corpus import training_examples
from bot.understand.lexicon import lexicon_for


@pytest.fixture(scope="module")
def jieba_cut() -> object:
    lexicon_for(default_taxonomy())  # the taxonomy's words, as in understand()
    tok = tokenizer.tokenizer()
    return lambda text: tok.lcut(text, HMM=False)


def test_same_words_as_jieba_on_the_training_corpus(jieba_cut) -> None:
    texts = [ex.text for ex in training_examples()]
    differ = [t for t in texts if tokenizer.lcut(t) != jieba_cut(t)]
    assert len(texts) > 5_000
    assert differ == []


def test_same_words_as_jieba_on_random_text(jieba_cut) -> None:
    rng = random.Random(5)
    chars = "电梯楼道灯坏了漏水停电物业的一是在不了有人我他这中大来上国个到说们为子和你地出道也时年"
    chars += "abcXYZ0129 \t\r\n.-_%#&+，。！？💡"
    for _ in range(3_000):
        text = "".join(rng.choice(chars) for _ in range(rng.randint(0, 50)))
        assert tokenizer.lcut(text) == jieba_cut(text), text


def test_words_added_later_are_cut_whole(jieba_cut) -> None:
    before = tokenizer.lcut("楼下的滑板车车库门坏了")
    tokenizer.add_words({"滑板车车库"})
    after = tokenizer.lcut("楼下的滑板车车库门坏了")
    assert "滑板车车库" not in before
    assert "滑板车车库" in after
    assert after == jieba_cut("楼下的滑板车车库门坏了")


def test_same_words_as_jieba_on_strings_of_dictionary_words(jieba_cut) -> None:
    # Words laid end to end give routes of equal or near scores, where the tie-breaking of
    # jieba-rs (which does the dynamic programming) must be jieba's; rare characters and
    # extension-block characters (outside jieba's Han range: the block splits there) too.
    rng = random.Random(11)
    words = sorted(w for w, f in tokenizer.tokenizer().FREQ.items() if f)
    extra = ["𨋢", "䢂", "冇", "咗", "喺", "嘅", "a", "B7", "3", "-", "%", "."]
    for _ in range(3_000):
        text = "".join(
            rng.choice(extra) if rng.random() < 0.1 else rng.choice(words)
            for _ in range(rng.randint(1, 12))
        )
        assert tokenizer.lcut(text) == jieba_cut(text), text


def test_rjieba_imported_later_reuses_the_native_module_linli_loaded() -> None:
    # linli loads jieba-rs's native module without its package's __init__ (which builds a
    # default segmenter at import); a later ``import rjieba`` must not load it a second time.
    import rjieba

    assert rjieba.Jieba is tokenizer.jieba_rs.Jieba
    assert rjieba.Jieba.empty().cut("楼道灯", False) == ["楼", "道", "灯"]
