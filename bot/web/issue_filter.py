"""The issue filters of the console's query string, read into a :class:`IssueFilter`.

One reader for the list page, the exports ("filtered like the list page") and the charts:
``building``, ``category``, ``state`` (a state such as ``new``, or ``open``/``closed``),
``urgent`` (``1``/``0``), ``overdue`` (``1``), ``q`` (words in the text or place) and ``month``
(``2026-05``, local time). Empty values do not filter. A value that makes no sense raises
:class:`FilterError` with a message for the person; nothing is guessed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta

from bot.config import Config
from storage.issue_query import IssueFilter
from storage.issues import OPEN_STATUSES, IssueStatus

MAX_SEARCH = 50
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$", re.ASCII)
OPEN = tuple(str(s) for s in OPEN_STATUSES)
CLOSED = (str(IssueStatus.RESOLVED), str(IssueStatus.CLOSED), str(IssueStatus.REJECTED))


class FilterError(ValueError):
    """A filter value the console cannot use; the message is for the person (Chinese)."""


def _flag(params: Mapping[str, str], name: str) -> bool | None:
    raw = (params.get(name) or "").strip()
    if not raw:
        return None
    if raw in ("1", "true", "yes", "on"):
        return True
    if raw in ("0", "false", "no", "off"):
        return False
    raise FilterError(f"筛选条件 {name} 只能是 1 或 0。")


def month_range(raw: str, config: Config) -> tuple[datetime, datetime]:
    """``2026-05`` -> the start of May and of June 2026, local time."""
    match = _MONTH.match(raw.strip())
    if not match or not 1 <= int(match.group(2)) <= 12 or not 2000 <= int(match.group(1)) <= 9000:
        raise FilterError("月份的写法是 2026-05。")
    start = datetime(int(match.group(1)), int(match.group(2)), 1, tzinfo=config.timezone)
    end = (start + timedelta(days=32)).replace(day=1)
    return start, end


def read_filter(
    params: Mapping[str, str], buildings: Sequence[str] | None, config: Config
) -> IssueFilter:
    """The filter the query string asks for, within the reader's ``buildings`` (``None``:
    every building)."""
    building = (params.get("building") or "").strip() or None
    category = (params.get("category") or "").strip() or None
    if category is not None and category not in config.taxonomy.codes:
        raise FilterError("没有这个类别。")
    state = (params.get("state") or "").strip()
    statuses: tuple[str, ...] = ()
    if state == "open":
        statuses = OPEN
    elif state == "closed":
        statuses = CLOSED
    elif state:
        if state not in {str(s) for s in IssueStatus}:
            raise FilterError("没有这个状态。")
        statuses = (state,)
    search = (params.get("q") or "").strip() or None
    if search is not None and len(search) > MAX_SEARCH:
        raise FilterError(f"搜索的字不能超过 {MAX_SEARCH} 个。")
    created_from = created_before = None
    month = (params.get("month") or "").strip()
    if month:
        created_from, created_before = month_range(month, config)
    return IssueFilter(
        buildings=tuple(buildings) if buildings is not None else None,
        building=building,
        category=category,
        statuses=statuses,
        urgent=_flag(params, "urgent"),
        overdue=bool(_flag(params, "overdue")),
        search=search,
        created_from=created_from,
        created_before=created_before,
    )
