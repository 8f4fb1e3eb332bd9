"""``linli learn``: retrain a community's model from the shipped corpus and its corrections.

Staff corrections (``/report`` as a reply, ``/notissue``, ``/recat``) are stored as labelled
examples in the community's database. Learning trains on the shipped training split plus
those examples (each repeated :data:`CORRECTION_WEIGHT` times: one community's word for its
own messages counts for more than one line of a general corpus), writes the model next to
the database, and prints figures before and after on the held-out split and on the
corrections themselves. The running bot picks the new model up on SIGHUP.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from bot.config import Config
from bot.understand import model
from bot.understand.corpus import Example, heldout_examples, training_examples
from bot.understand.evaluate import Figures, answer, figures

#: How many times a staff correction counts against one line of the shipped corpus.
CORRECTION_WEIGHT = 20


class LearnError(RuntimeError):
    """Learning could not run (the message says why, for the person at the terminal)."""


async def corrections_of(config: Config) -> list[Example]:
    """The community's corrections as labelled examples (oldest first)."""
    from storage import Store

    if (
        config.storage_url is None
        and str(config.database) != ":memory:"
        and not config.database.exists()
    ):
        return []
    store = await Store.open(
        config.storage_target, config.storage_engine, password=config.storage_password()
    )
    try:
        rows = await store.corrections.all()
    finally:
        await store.close()
    return [
        Example(
            intent=row.intent,
            category=row.category if row.intent == "report" else None,
            urgent=row.urgent,
            location=None,
            sensitive=False,
            text=row.text,
            source=f"correction:{row.source}",
        )
        for row in rows
    ]


def learn(config: Config, corrections: list[Example], say: Callable[[str], None] = print) -> Path:
    """Train the community's model and report on it; returns where it was written."""
    from bot.understand.train import TrainingUnavailable, train

    target = model.community_model_path(config.database)
    if target is None:
        raise LearnError("the database is in memory: there is nowhere to keep a learnt model")
    heldout = heldout_examples()
    model.use(target)
    before, before_fixed = _measure(heldout, corrections, config)
    examples = training_examples() + corrections * CORRECTION_WEIGHT
    try:
        train(examples, target)
    except TrainingUnavailable as exc:
        raise LearnError(str(exc)) from exc
    model.use(target)
    after, after_fixed = _measure(heldout, corrections, config)
    say(f"corrections by staff: {len(corrections)}")
    say(f"model written to {target} ({target.stat().st_size:,} bytes)")
    say("held-out split            before   after")
    for name, get in _ROWS:
        say(f"  {name:<23} {get(before):6.3f}  {get(after):6.3f}")
    if corrections:
        say(
            f"  {'corrections understood':<23} {before_fixed:6.3f}  {after_fixed:6.3f}"
            "  (on the corrected messages themselves)"
        )
    say("the running bot uses it after SIGHUP (kill -HUP <pid>) or a restart")
    return target


_ROWS: tuple[tuple[str, Callable[[Figures], float]], ...] = (
    ("intent macro-F1", lambda f: f.macro_f1),
    ("category (reports)", lambda f: f.category),
    ("urgent recall", lambda f: f.urgent_recall),
    ("urgent precision", lambda f: f.urgent_precision),
    ("chat filed as report", lambda f: f.false_report_rate),
)


def _measure(
    heldout: list[Example], corrections: list[Example], config: Config
) -> tuple[Figures, float]:
    held = figures(answer(heldout, config.taxonomy))
    fixed = answer(corrections, config.taxonomy)
    right = sum(
        1
        for ex, u in fixed
        if u.intent == ex.intent and (ex.intent != "report" or u.category == ex.category)
    )
    return held, right / len(fixed) if fixed else 1.0
