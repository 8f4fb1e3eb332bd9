"""Rules compiled with a first-character lookahead match exactly as the plain regex."""

from __future__ import annotations

import random
import re

import pytest

from bot.understand import (
    alarms,
    clauses,
    dialect,
    forms,
    hazards,
    incidents,
    location,
    quiet,
    routine,
    rules,
    safety,
    sensitivity,
    signs,
    situations,
    understated,
    weather,
)
from bot.understand.corpus import training_examples
from bot.understand.normalise import normalise
from bot.understand.patterns import first_chars, original, rule


def test_first_chars_of_alternatives_groups_and_repeats() -> None:
    assert first_chars("家暴|(?:老公|丈夫).{0,4}打") == "[丈家老]"
    assert first_chars(r"(?<!不)通了|\d+岁") == r"[\d通]"
    assert first_chars("(?:没有)?人|[a-c]区") == "[a-c人没]"


def test_unbounded_patterns_stay_plain() -> None:
    assert first_chars(".{0,3}的话") is None  # any character can start it
    assert first_chars("[^。]+了") is None  # a negated class
    assert first_chars("(?:好)?") is None  # matches the empty string anywhere
    assert rule("[^。]+了").pattern == "[^。]+了"


def test_patterns_the_engine_already_scans_stay_plain() -> None:
    assert rule("虚惊一场|没事了|误报").pattern == "虚惊一场|没事了|误报"
    guarded = rule("(?:老公|丈夫).{0,4}打|家暴")
    assert guarded.pattern.startswith("(?=[")
    assert original(guarded) == "(?:老公|丈夫).{0,4}打|家暴"


def _module_rules() -> list[tuple[str, re.Pattern[str]]]:
    found = []
    for module in (
        safety,
        hazards,
        clauses,
        situations,
        alarms,
        weather,
        incidents,
        forms,
        quiet,
        understated,
        routine,
        signs,
        dialect,
        sensitivity,
        rules,
        location,
    ):
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern):
                found.append((f"{module.__name__}.{name}", value))
    return found


@pytest.fixture(scope="module")
def texts() -> list[str]:
    corpus = [normalise(ex.text) for ex in training_examples()]
    rng = random.Random(3)
    chars = "".join(sorted(set("".join(corpus))))
    noise = ["".join(rng.choice(chars) for _ in range(rng.randint(0, 40))) for _ in range(2_000)]
    return corpus + noise


def test_some_rules_are_guarded() -> None:
    guarded = [name for name, p in _module_rules() if original(p) != p.pattern]
    assert "bot.understand.sensitivity._SENSITIVE" in guarded
    assert len(guarded) >= 10


@pytest.mark.parametrize(("name", "pattern"), _module_rules(), ids=lambda v: str(v)[:40])
def test_every_rule_matches_as_its_plain_regex(
    name: str, pattern: re.Pattern[str], texts: list[str]
) -> None:
    plain = re.compile(original(pattern))
    for text in texts:
        ours = [(m.span(), m.groups()) for m in pattern.finditer(text)]
        assert ours == [(m.span(), m.groups()) for m in plain.finditer(text)], (name, text)


@pytest.mark.parametrize(("name", "pattern"), _module_rules(), ids=lambda v: str(v)[:40])
def test_every_rule_is_what_re_compile_makes_of_its_source(
    name: str, pattern: re.Pattern[str]
) -> None:
    # rule() compiles from its own parse of the rule (patterns._compiled): Pattern equality
    # compares the flags, the source and the compiled code.
    plain = re.compile(pattern.pattern)
    assert pattern == plain, name
    assert (pattern.groups, pattern.groupindex) == (plain.groups, plain.groupindex), name


def test_rules_with_groups_and_flags_compile_as_re_does() -> None:
    for source in (
        r"(?P<who>老人|孩子)(?:摔|跌)倒|(?P<what>着火)了?",
        r"(?i)\bstuck in\b|(gas) (?:leak|smell)",
        r"^(?:我也是|同问)",
        r"[^。]+了",
        r"(?<!不)通了|\d+岁",
    ):
        compiled = rule(source)
        plain = re.compile(compiled.pattern)
        assert compiled == plain, source
        assert (compiled.groups, compiled.groupindex) == (plain.groups, plain.groupindex)
    assert rule(r"(?P<who>老人|孩子)(?:摔|跌)倒").search("昨天老人摔倒了").group("who") == "老人"


def test_a_case_insensitive_rule_keeps_its_flag_in_front() -> None:
    source = r"(?i)\bstuck in\b|\bsmoke\b|gas (?:leak|smell)"
    guarded = rule(source)
    assert guarded.pattern.startswith("(?i)(?=[")
    assert original(guarded) == source
    plain = re.compile(source)
    for text in ("Help! STUCK IN the lift", "smoke!", "Gas Smell here", "ſmoke", "gases", ""):
        assert [m.span() for m in guarded.finditer(text)] == [
            m.span() for m in plain.finditer(text)
        ]


def test_required_chars_of_sequences_alternatives_and_repeats() -> None:
    from bot.understand.patterns import required_chars, required_set

    assert required_set(rule("电梯.{0,4}困")) == frozenset("困")  # the rarer of the two
    assert required_set(rule("(?:摔|跌)倒|滑倒")) == frozenset("倒")  # one both branches need
    assert required_set(rule("(?:摔|跌)了|滑跤")) == frozenset("摔跌滑")  # one per branch
    assert required_set(rule("电梯|客梯|(?<!楼)梯|轿厢")) == frozenset("梯轿")
    assert required_set(rule("(?:摔|跌)了|滑了")) == frozenset("摔跌滑")
    assert required_set(rule("(?:好)?烫")) == frozenset("烫")  # an optional item guarantees nothing
    assert required_set(rule("[^。]+")) is None  # a negated class guarantees nothing
    assert required_set(rule("(?i)help")) is None  # letters under IGNORECASE: see the class
    gate = required_chars(rule("(?i)help"))
    assert gate is not None and gate.search("HELP") and not gate.search("救命")


def _gated_rules() -> list[tuple[str, re.Pattern[str], re.Pattern[str]]]:
    from bot.understand.patterns import required_chars

    found = []
    for name, pattern in _module_rules():
        gate = required_chars(pattern)
        if gate is not None:
            found.append((name, pattern, gate))
    return found


def test_the_situation_families_are_gated() -> None:
    names = {name for name, _, _ in _gated_rules()}
    short = {
        name.rsplit(".", 1)[1]
        for name in names
        if ".situations." in name
        or ".alarms." in name
        or ".weather." in name
        or ".incidents." in name
        or ".forms." in name
        or ".quiet." in name
        or ".understated." in name
        or ".routine." in name
        or ".signs." in name
    }
    assert {n.upper() for n, _ in situations.FAMILIES} <= short


@pytest.mark.parametrize(("name", "pattern", "gate"), _gated_rules(), ids=lambda v: str(v)[:40])
def test_a_text_a_rule_matches_holds_one_of_its_gate_characters(
    name: str, pattern: re.Pattern[str], gate: re.Pattern[str], texts: list[str]
) -> None:
    for text in texts:
        if pattern.search(text):
            assert gate.search(text), (name, text)


def test_candidates_are_the_families_whose_gate_the_text_passes(texts: list[str]) -> None:
    for text in texts[:3000]:
        chosen = {name for name, _ in situations.candidates(text)}
        for name, pattern in situations.FAMILIES:
            if pattern.search(text):
                assert name in chosen, (name, text)


def test_required_branches_name_every_part_of_each_alternative() -> None:
    from bot.understand.patterns import required_branches

    branches = required_branches(rule("(?:人|我)[^，。]{0,4}?在电梯里|卡(?:住|死)了"))
    assert branches is not None
    assert {frozenset("人我"), frozenset("在"), frozenset("电"), frozenset("梯")} <= set(
        branches[0]
    )
    assert set(branches[1]) == {frozenset("卡"), frozenset("住死"), frozenset("了")}
    assert required_branches(rule("(?:好)?烫|[^。]+")) is None  # an alternative needs nothing


def test_a_gate_admits_only_texts_holding_every_part_of_an_alternative() -> None:
    from bot.understand.patterns import Gate

    who_where_what = rule("(?:孩子|老人)[^，。]{0,6}?在电梯里[^。]{0,6}?(?:哭|喊)|火灾")
    gate = Gate([who_where_what, rule("煤气")])
    assert gate.admitted("孩子在电梯里一直哭") == {0}
    assert gate.admitted("孩子在哭，老人在喊") == set()  # who and what, but no lift
    assert gate.admitted("电梯里有人在哭") == set()  # nobody of the rule's who
    assert gate.admitted("楼下火灾，煤气味") == {0, 1}
    assert gate.admits("闻到煤气") and not gate.admits("今天天气不错")
    assert Gate([rule("[^。]+")]).admits("") is True  # a rule it cannot bound is always tried


@pytest.mark.parametrize(
    "gated",
    ["situations", "sensitive", "events", "violence"],
)
def test_a_text_a_gated_rule_matches_is_admitted_by_its_gate(gated: str, texts: list[str]) -> None:
    gate, patterns = {
        "situations": (situations._GATE, [p for _, p in situations.FAMILIES]),
        "sensitive": (
            sensitivity._SENSITIVE_GATE,
            [
                sensitivity._SENSITIVE,
                sensitivity._SENSITIVE_MORE,
                sensitivity._SENSITIVE_WALLS,
                sensitivity._SENSITIVE_SENS11,
                sensitivity._CONTROL,
                sensitivity._FAREWELL,
                sensitivity._LEDGE,
            ],
        ),
        "events": (safety._EVENT_GATE, list(safety._EVENTS)),
        "violence": (safety._EVENT_GATE, [*safety._EVENTS, hazards.VIOLENCE_NOW]),
    }[gated]
    for text in texts:
        matching = {i for i, p in enumerate(patterns) if p.search(text)}
        assert matching <= gate.admitted(text), (gated, text)
