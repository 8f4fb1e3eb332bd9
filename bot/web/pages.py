"""The console's issue pages: the list with filters and search, one issue with its history.

Every read is limited to the viewer's buildings; an issue outside them is "not found", the
same answer as an issue that does not exist (a URL reveals nothing about other buildings).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import urlencode

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from bot.config import Config
from bot.web import texts as t
from bot.web.context import Viewer, console_of, fmt_time, masked, render, viewer_of
from bot.web.issue_filter import FilterError, read_filter
from bot.web.stats import resolution_targets
from handlers.issue_flow import is_overdue, resolution_due
from storage.issue_query import IssueRow, ResolutionTargets
from storage.issues import OPEN_STATUSES, Issue, IssueStatus, LogEntry

PAGE_SIZE = 50
TEXT_CHARS = 80
FILTER_KEYS = ("building", "category", "state", "urgent", "overdue", "q")
DEFAULT_STATE = "open"


@dataclass(frozen=True, slots=True)
class ListRow:
    number: int
    building: str
    category: str
    text: str
    status: str
    status_name: str
    urgent: bool
    overdue: bool
    created: str


def is_number(raw: str) -> bool:
    """An issue number as a URL carries it: 1 to 9 ASCII digits (``str.isdigit`` also takes
    "²" and other digits that ``int`` refuses)."""
    return raw.isascii() and raw.isdigit() and len(raw) <= 9


def overdue(row: IssueRow, targets: ResolutionTargets, now: datetime) -> bool:
    """Open, not waiting, and past its resolution target (waiting time does not count)."""
    if row.status not in OPEN_STATUSES or row.status is IssueStatus.WAITING:
        return False
    target = targets.by_category.get(row.category, targets.default)
    return now > row.created_at + timedelta(seconds=row.paused_seconds) + target


def filter_params(request: Request) -> dict[str, str]:
    """The filters of the query string; ``state`` is "open" unless the URL says otherwise
    (``state=`` shows every state)."""
    params = {k: request.query_params.get(k, "") for k in FILTER_KEYS}
    if "state" not in request.query_params:
        params["state"] = DEFAULT_STATE
    return params


def _list_row(row: IssueRow, config: Config, targets: ResolutionTargets, now: datetime) -> ListRow:
    text = masked(row.text)
    return ListRow(
        number=row.number,
        building=row.building,
        category=config.taxonomy.label(row.category),
        text=text if len(text) <= TEXT_CHARS else text[: TEXT_CHARS - 1] + "…",
        status=str(row.status),
        status_name=t.STATUS_NAMES.get(row.status, str(row.status)),
        urgent=row.urgent,
        overdue=overdue(row, targets, now),
        created=fmt_time(row.created_at, config),
    )


def _choices(viewer: Viewer, config: Config) -> dict[str, list[tuple[str, str]]]:
    states = [("open", "未办结"), ("", "全部"), ("closed", "已办结/关闭/驳回")]
    states += [(str(s), name) for s, name in t.STATUS_NAMES.items()]
    return {
        "buildings": [("", "全部楼栋")] + [(b, b) for b in viewer.visible(config)],
        "categories": [("", "全部类别")] + [(c.code, c.label) for c in config.taxonomy.categories],
        "states": states,
    }


def _query(params: Mapping[str, str], **more: object) -> str:
    kept = {k: v for k, v in params.items() if v}
    if params.get("state") == "":
        kept["state"] = ""
    kept.update({k: str(v) for k, v in more.items()})
    return urlencode(kept)


async def home(request: Request) -> Response:
    return RedirectResponse("/issues", status_code=303)


async def issue_list(request: Request) -> Response:
    console, viewer = console_of(request), viewer_of(request)
    config, now = console.config, console.now()
    params = filter_params(request)
    context: dict[str, object] = {"title": "问题", "params": params, **_choices(viewer, config)}
    try:
        flt = read_filter(params, viewer.buildings, config)
    except FilterError as exc:
        return render(request, "issues.html", {**context, "error": str(exc)}, status_code=400)
    before_raw = request.query_params.get("before", "")
    before = int(before_raw) if is_number(before_raw) else None
    targets = resolution_targets(config)
    page = await console.store.issue_query.page(
        flt, targets, now, before=before, limit=PAGE_SIZE + 1, newest_first=True
    )
    total = await console.store.issue_query.count(flt, targets, now)
    more = len(page) > PAGE_SIZE
    page = page[:PAGE_SIZE]
    context.update(
        rows=[_list_row(r, config, targets, now) for r in page],
        total=total,
        next_query=_query(params, before=page[-1].number) if more else None,
        export_query=_query(params),
    )
    return render(request, "issues.html", context)


@dataclass(frozen=True, slots=True)
class HistoryLine:
    at: str
    who: str
    action: str
    note: str


def actor_name(config: Config, issue: Issue, actor: str) -> str:
    """Staff by their name, the reporter by theirs; other residents are not named."""
    person = config.person_by_id.get(actor)
    if person is not None:
        return person.name
    if actor == issue.reporter:
        return masked(issue.reporter_name)
    if actor == "bot":
        return "邻里助手"
    return "居民"


def _history(config: Config, issue: Issue, entries: list[LogEntry]) -> list[HistoryLine]:
    return [
        HistoryLine(
            at=fmt_time(e.at, config),
            who=actor_name(config, issue, e.actor),
            action=t.ACTION_NAMES.get(e.action, e.action),
            note=masked(e.note),
        )
        for e in entries
    ]


async def visible_issue(request: Request, number_raw: str) -> Issue:
    """The issue of the URL if the viewer may see it; 404 otherwise (also when it exists in
    another building: the answer must not tell)."""
    console, viewer = console_of(request), viewer_of(request)
    if not is_number(number_raw):
        raise HTTPException(404, t.ISSUE_NOT_FOUND)
    issue = await console.store.issues.get(int(number_raw))
    if issue is None or not viewer.may_see(issue.building):
        raise HTTPException(404, t.ISSUE_NOT_FOUND)
    return issue


async def issue_page(request: Request) -> Response:
    console = console_of(request)
    config, now = console.config, console.now()
    issue = await visible_issue(request, request.path_params["number"])
    history = await console.store.issues.history(issue.number)
    followers = await console.store.issues.followers(issue.number)
    # The chat's own rule (handlers.issue_flow): waiting time does not count.
    due = resolution_due(config, issue, now)
    flash = request.session.pop("flash", None)
    return render(
        request,
        "issue.html",
        {
            "title": f"第 {issue.number} 号问题",
            "issue": issue,
            "text": masked(issue.text),
            "location": masked(issue.location),
            "reporter": masked(issue.reporter_name),
            "assignee": masked(issue.assignee),
            "category": config.taxonomy.label(issue.category),
            "status_name": t.STATUS_NAMES.get(issue.status, str(issue.status)),
            "created": fmt_time(issue.created_at, config),
            "acked": fmt_time(issue.acked_at, config),
            "resolved": fmt_time(issue.resolved_at, config),
            "due": fmt_time(due, config) if issue.is_open else "",
            "is_overdue": is_overdue(config, issue, now),
            "followers": len(followers),
            "history": _history(config, issue, history),
            "flash": flash if isinstance(flash, dict) else None,
            "can_ack": issue.status is IssueStatus.NEW,
            "is_open": issue.is_open,
        },
    )


ROUTES = [
    Route("/", home, methods=["GET"]),
    Route("/issues", issue_list, methods=["GET"]),
    Route("/issues/{number}", issue_page, methods=["GET"]),
]
