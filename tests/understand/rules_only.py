"""The rules' verdicts alone, without the model (shared by the attack and family tests)."""

from bot.config.understanding import default_taxonomy
from bot.understand import safety, understand
from bot.understand.lexicon import lexicon_for
from bot.understand.normalise import normalise_words

_TAXONOMY = default_taxonomy()


def rules_sensitive(text: str) -> bool:
    return safety.sensitive(normalise_words(text))


def rules_urgent(text: str) -> bool:
    norm = normalise_words(text)
    scan = lexicon_for(_TAXONOMY).scan
    return safety.urgent(norm, scan(norm), scan=scan)


def assert_urgent(text: str) -> None:
    """Urgent by the rules alone and by the whole of ``understand()``."""
    assert rules_urgent(text), text
    assert understand(text, _TAXONOMY).urgent, text
