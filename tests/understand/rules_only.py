"""The rules' verdicts alone, without the model (shared by the attack and family tests)."""

from collections.abc import Callable

import pytest

from bot.config.understanding import default_taxonomy
from bot.understand import safety, understand
from bot.understand.lexicon import lexicon_for

_TAXONOMY = default_taxonomy()


def rules_sensitive(text: str) -> bool:
    return safety.judged_text(text, lexicon_for(_TAXONOMY).scan)[0]


def rules_urgent(text: str) -> bool:
    return safety.judged_text(text, lexicon_for(_TAXONOMY).scan)[1]


def assert_urgent(text: str) -> None:
    """Urgent by the rules alone and by the whole of ``understand()``."""
    assert rules_urgent(text), text
    assert understand(text, _TAXONOMY).urgent, text


def urgency_tests(
    urgent: list[str], not_urgent: list[str]
) -> tuple[Callable[[str], None], Callable[[str], None]]:
    """The two tests of an attack file: each of ``urgent`` is urgent by the rules and by
    ``understand()``; none of ``not_urgent`` is urgent by the rules."""

    @pytest.mark.parametrize("text", urgent)
    def test_urgent(text: str) -> None:
        assert_urgent(text)

    @pytest.mark.parametrize("text", not_urgent)
    def test_not_urgent_by_the_rules(text: str) -> None:
        assert not rules_urgent(text), text

    return test_urgent, test_not_urgent_by_the_rules
