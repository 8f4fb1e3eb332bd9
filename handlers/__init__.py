"""Capabilities of the bot, one module each; :func:`default_features` wires them in order.

The order matters for ordinary text: each feature's text handler is asked in turn and the
first that claims the message answers it.
"""

from __future__ import annotations

from bot.feature import Feature


def default_features() -> list[Feature]:
    from handlers import (
        admin,
        alerts,
        checkins,
        events,
        help,
        issues,
        monthly_report,
        patrols,
        polls,
        ratings,
        web,
    )

    # Check-ins first among the text handlers: a private reply is first of all a sign of life
    # (and 好 answers the enrolment question before help's consent question sees it). Ratings
    # before issues: a private "不满意，灯还是闪" answers a rating request first. Each claims
    # only its own pending answers.
    return [
        admin.FEATURE,
        checkins.FEATURE,
        ratings.FEATURE,
        issues.FEATURE,
        help.FEATURE,
        events.FEATURE,
        polls.FEATURE,
        monthly_report.FEATURE,
        patrols.FEATURE,
        alerts.FEATURE,
        web.FEATURE,
    ]
