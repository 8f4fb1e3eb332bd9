"""bot.records.quick_init: the same records as the dataclass's own ``__init__``."""

from __future__ import annotations

import dataclasses
import inspect
import pickle
from dataclasses import dataclass, field
from datetime import UTC, datetime

import pytest

from bot.model import Incoming, Kind, Mention, Outgoing
from bot.records import quick_init
from storage.timers import Timer


@dataclass(frozen=True, slots=True)
class _Plain:
    a: int
    b: str = "b"
    c: tuple[int, ...] = field(default=())
    d: list[int] = field(default_factory=list)


@quick_init
@dataclass(frozen=True, slots=True)
class _Quick:
    a: int
    b: str = "b"
    c: tuple[int, ...] = field(default=())
    d: list[int] = field(default_factory=list)


@quick_init
@dataclass(frozen=True, slots=True)
class _Checked:
    n: int
    seen: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.n < 0:
            object.__setattr__(self, "n", 0)
        self.seen.append(self.n)


def _fields(obj: object) -> tuple[object, ...]:
    return tuple(getattr(obj, f.name) for f in dataclasses.fields(obj))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("args", "kwargs"),
    [
        ((1,), {}),
        ((1, "x"), {}),
        ((1,), {"c": (2, 3)}),
        ((), {"a": 4, "d": [5]}),
        ((1, "y", (7,), [8]), {}),
    ],
)
def test_same_fields_as_the_dataclass_init(args: tuple[object, ...], kwargs: dict) -> None:
    assert _fields(_Quick(*args, **kwargs)) == _fields(_Plain(*args, **kwargs))


def test_same_signature_and_errors() -> None:
    assert inspect.signature(_Quick) == inspect.signature(_Plain)
    for bad_args, bad_kwargs in [
        ((), {}),
        ((1, 2, 3, 4, 5), {}),
        ((1,), {"e": 1}),
        ((1,), {"a": 2}),
    ]:
        with pytest.raises(TypeError):
            _Plain(*bad_args, **bad_kwargs)
        with pytest.raises(TypeError):
            _Quick(*bad_args, **bad_kwargs)


def test_default_factory_called_each_time() -> None:
    one, two = _Quick(1), _Quick(2)
    assert one.d == [] and two.d == [] and one.d is not two.d
    given = [9]
    assert _Quick(1, d=given).d is given


def test_still_frozen_hashable_and_equal() -> None:
    record = _Quick(1, "x", (2,))
    with pytest.raises(dataclasses.FrozenInstanceError):
        record.a = 2  # type: ignore[misc]
    assert record == _Quick(1, "x", (2,)) and record != _Quick(2, "x", (2,))
    assert repr(record) == "_Quick(a=1, b='x', c=(2,), d=[])"
    assert dataclasses.replace(record, a=5) == _Quick(5, "x", (2,))
    assert pickle.loads(pickle.dumps(record)) == record


def test_post_init_runs_after_the_fields() -> None:
    assert _Checked(-3).n == 0 and _Checked(-3).seen == [0]
    assert _Checked(4).seen == [4]


def test_refuses_what_it_does_not_support() -> None:
    with pytest.raises(TypeError):
        quick_init(_Plain.__mro__[1])  # object: not a dataclass

    @dataclass(slots=True)
    class Mutable:
        a: int

    with pytest.raises(TypeError):
        quick_init(Mutable)

    @dataclass(frozen=True, slots=True)
    class KeywordOnly:
        a: int = field(kw_only=True)

    with pytest.raises(TypeError):
        quick_init(KeywordOnly)

    @dataclass(frozen=True, slots=True)
    class NotInit:
        a: int = field(init=False, default=1)

    with pytest.raises(TypeError):
        quick_init(NotInit)


def test_the_message_records_behave_as_before() -> None:
    at = datetime(2026, 11, 28, 8, 0, tzinfo=UTC)
    msg = Incoming("local:b1", "local:r1", "  王  阿姨 ", "漏水\x00了", at, "m1")
    assert (msg.sender_name, msg.text, msg.private, msg.reply_to) == (
        "王 阿姨",
        "漏水了",
        False,
        None,
    )
    out = Outgoing("local:h1", Kind.ACK_REMINDER, "请确认", issue=3, issues=(3, 4))
    assert out.mentions == () and out.refs() == {"issue": 3, "issues": [3, 4]}
    assert Mention("u", "n") == Mention(user="u", name="n")
    timer = Timer(1, "issue_ack_reminder", 3, at, {"to": "local:h1"})
    assert timer == Timer(1, "issue_ack_reminder", 3, at, {"to": "local:h1"})
