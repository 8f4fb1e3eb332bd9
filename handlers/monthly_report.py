"""The monthly report (晒事): what was done for each building last month, in its group, and
one overview for the office chat.

A stored timer (``monthly_report``, ref 0) fires on ``[reports] day`` at ``at`` (local time);
each firing plans the next one, so a restart neither repeats nor loses a report. The report
covers the calendar month before the one it is sent in: issues received and resolved, the
median time to acknowledge (issues reported that month) and to resolve (issues resolved that
month, waiting time not counted), what is still open, the ratings given (评事), the neighbours
thanked for completed help (邻家好人, without those who asked to be left out) and the patrols
(定期巡). A building with nothing at all to report gets no post.
"""

from __future__ import annotations

import logging
import statistics
from datetime import datetime, timedelta
from types import MappingProxyType

from bot.feature import Context, Feature
from bot.model import Kind, Outgoing
from handlers import report_texts as t
from storage.issues import OPEN_STATUSES, IssueStatus
from storage.reports import IssueFacts
from storage.timers import Timer

log = logging.getLogger(__name__)

REPORT_TIMER = "monthly_report"
# Sent late after a downtime only within this; older reports are skipped (and logged).
LATE_LIMIT = timedelta(days=3)


def next_report_at(ctx: Context, after: datetime) -> datetime:
    """The first report time strictly after ``after``."""
    cfg = ctx.config.reports
    local = after.astimezone(ctx.config.timezone)
    due = local.replace(
        day=cfg.day, hour=cfg.at.hour, minute=cfg.at.minute, second=0, microsecond=0
    )
    while due <= local:
        year, month = (due.year + 1, 1) if due.month == 12 else (due.year, due.month + 1)
        due = due.replace(year=year, month=month)
    return due


def month_before(ctx: Context, at: datetime) -> tuple[datetime, datetime]:
    """[start, end) of the calendar month before the one ``at`` falls in (local time)."""
    local = at.astimezone(ctx.config.timezone)
    end = local.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    start = (end - timedelta(days=1)).replace(day=1)
    return start, end


def _median(values: list[timedelta]) -> timedelta | None:
    if not values:
        return None
    return timedelta(seconds=statistics.median(v.total_seconds() for v in values))


def _within(when: datetime | None, start: datetime, end: datetime) -> bool:
    return when is not None and start <= when < end


def _resolved_at(issue: IssueFacts) -> datetime | None:
    """When it was resolved; an issue confirmed fixed without ``/resolve`` counts at closing."""
    if issue.resolved_at is not None:
        return issue.resolved_at
    return issue.closed_at if issue.status is IssueStatus.CLOSED else None


async def figures(ctx: Context, building: str, start: datetime, end: datetime) -> t.BuildingFigures:
    f = t.BuildingFigures(building)
    acks: list[timedelta] = []
    fixes: list[timedelta] = []
    for issue in await ctx.store.reports.issues_during(building, start, end):
        if _within(issue.created_at, start, end):
            f.received += 1
            if issue.acked_at is not None:
                acks.append(issue.acked_at - issue.created_at)
        resolved = _resolved_at(issue)
        if issue.status is not IssueStatus.REJECTED and _within(resolved, start, end):
            assert resolved is not None
            f.resolved += 1
            fixes.append(resolved - issue.created_at - timedelta(seconds=issue.paused_seconds))
        if issue.status in OPEN_STATUSES:
            f.still_open.append(
                t.OpenItem(
                    issue.number,
                    ctx.config.taxonomy.label(issue.category),
                    issue.location,
                    (ctx.now - issue.created_at).days,
                )
            )
    f.ack_median = _median(acks)
    f.resolve_median = _median(fixes)
    return f


async def on_report(timer: Timer, ctx: Context) -> list[Outgoing]:
    # Planned from now, so that after a long downtime missed months are not caught up.
    await ctx.store.timers.add(REPORT_TIMER, 0, next_report_at(ctx, max(timer.due_at, ctx.now)))
    if not ctx.config.reports.enabled:
        return []
    if ctx.now - timer.due_at > LATE_LIMIT:
        log.warning(
            "monthly report skipped due_at=%s now=%s (missed while down)",
            timer.due_at.isoformat(),
            ctx.now.isoformat(),
        )
        return []
    start, end = month_before(ctx, timer.due_at)
    ratings = await ctx.store.ratings.rated_between(start, end)
    helpers = await ctx.store.help.completed_by_helper(start, end)
    rounds = await ctx.store.patrols.of_period(start, end)
    outs: list[Outgoing] = []
    reported: list[t.BuildingFigures] = []
    for building in ctx.config.buildings:
        f = await figures(ctx, building.name, start, end)
        for rating in ratings:
            if rating.building == building.name and rating.score is not None:
                f.ratings[int(rating.score)] = f.ratings.get(int(rating.score), 0) + 1
        for helper in helpers:
            if helper.building != building.name:
                continue
            if helper.hidden or not helper.name:
                f.thanked_hidden += 1
            else:
                f.thanked.append(helper.name)
        for r in rounds:
            if r.building != building.name:
                continue
            in_time = r.done_at is not None and r.done_at <= r.due_at
            (f.patrols_done if in_time else f.patrols_missed).append(r.patrol)
        if f.empty:
            continue
        reported.append(f)
        text = t.building_report(start.month, f)
        outs += [Outgoing(chat, Kind.MONTHLY_REPORT, text) for chat in building.chats]
    office = ctx.config.office_chat
    if office and reported:
        text = t.office_report(start.month, ctx.config.community_name, reported)
        outs.append(Outgoing(office, Kind.MONTHLY_REPORT, text))
    return outs


async def on_start(ctx: Context) -> None:
    """Exactly one pending report timer (a changed day or time applies from the next one)."""
    if not await ctx.store.timers.pending_for(REPORT_TIMER, 0):
        await ctx.store.timers.add(REPORT_TIMER, 0, next_report_at(ctx, ctx.now))


FEATURE = Feature(
    name="monthly_report",
    timers=MappingProxyType({REPORT_TIMER: on_report}),
    on_start=on_start,
)
