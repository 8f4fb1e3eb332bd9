"""Capabilities of the bot, one module each; :func:`default_features` wires them in order.

The order matters for ordinary text: each feature's text handler is asked in turn and the
first that claims the message answers it.
"""

from __future__ import annotations

from bot.feature import Feature


def default_features() -> list[Feature]:
    from handlers import admin, events, help, issues, monthly_report, patrols, polls, ratings

    # Ratings before issues: a private "不满意，灯还是闪" answers a rating request first.
    return [
        admin.FEATURE,
        ratings.FEATURE,
        issues.FEATURE,
        help.FEATURE,
        events.FEATURE,
        polls.FEATURE,
        monthly_report.FEATURE,
        patrols.FEATURE,
    ]
