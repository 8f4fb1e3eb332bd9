"""The domain user dictionary for jieba, loaded once per process."""

from __future__ import annotations

from pathlib import Path

import jieba

USER_DICT = Path(__file__).resolve().parent / "data" / "userdict.txt"

jieba.setLogLevel(60)
_loaded = False


def load_user_dictionary() -> None:
    """Load ``data/userdict.txt`` into jieba (idempotent; jieba's dictionary is process-wide).

    jieba builds its main dictionary from a cache file in the temp directory, so start-up
    stays well under a second after the first run on a machine.
    """
    global _loaded
    if not _loaded:
        jieba.load_userdict(str(USER_DICT))
        _loaded = True
