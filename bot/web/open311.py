"""Open311 GeoReport v2, read only: city platforms pull the community's cases.

Paths (contract): ``/open311/v2/services.json``, ``/open311/v2/requests.json`` and
``/open311/v2/requests/{id}.json``; JSON only. Field names follow the GeoReport v2 spec
(https://wiki.open311.org/GeoReport_v2): a service is a report category; a service request is
an issue (``service_request_id`` is its number), ``status`` is ``open`` or ``closed``. Merged
duplicates are left out of the list (they would count a case twice) but can be read by number;
rejected reports are never given (``/notissue`` rejects chat that was taken for a report).
Descriptions, places and notes are masked like the groups' messages; who reported is never
given. Errors are GeoReport error lists: ``[{"code": 400, "description": "..."}]``.

Access (:func:`authorise`): anyone when ``[web] open311_public = true``; otherwise the
``api_key`` parameter must equal the key in the environment variable ``[web] open311_key_env``
(compared in constant time) — the key reads the whole community; or a signed-in console
session, which reads only its own buildings.
"""

from __future__ import annotations

import hmac
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from bot.config import Config
from bot.privacy import mask
from bot.web import report_texts as t
from storage.issue_query import IssueFilter, IssueRow, ResolutionTargets
from storage.issues import OPEN_STATUSES, IssueStatus

# GeoReport v2: a date range "may not span more than 90 days"; without one, the last 90 days.
MAX_SPAN = timedelta(days=90)
DEFAULT_PAGE_SIZE = 100
MAX_PAGE_SIZE = 1000
MAX_IDS = 100
MIN_YEAR, MAX_YEAR = 1970, 9000
# The API key reads every case of the community: a key shorter than this is refused as unsafe.
MIN_KEY_CHARS = 12
_OPEN = tuple(str(s) for s in OPEN_STATUSES)
# Rejected reports are never published: /notissue files chat that was taken for a report
# under "rejected", and a conversation is not a case for the city.
_CLOSED = (str(IssueStatus.RESOLVED), str(IssueStatus.CLOSED))


class Open311Error(Exception):
    """A request the API refuses: an HTTP status and a description for the caller."""

    def __init__(self, code: int, description: str) -> None:
        super().__init__(description)
        self.code = code
        self.description = description

    def body(self) -> list[dict[str, Any]]:
        return [{"code": self.code, "description": self.description}]


def authorise(
    params: Mapping[str, str],
    *,
    public: bool,
    key: str | None,
    signed_in: bool = False,
    viewer_buildings: tuple[str, ...] | None = None,
) -> tuple[str, ...] | None:
    """The buildings the caller may read (``None``: the whole community), or raise
    :class:`Open311Error` (401 without a key, 403 with a wrong one). A caller with a
    console session (``signed_in``) and no key reads the viewer's buildings."""
    if public:
        return None
    given = params.get("api_key")
    if given:
        if key and hmac.compare_digest(given.encode("utf-8"), key.encode("utf-8")):
            return None
        raise Open311Error(403, "api_key is not valid")
    if signed_in:
        return viewer_buildings
    raise Open311Error(401, "api_key required")


def services(config: Config) -> list[dict[str, Any]]:
    """The service list: one service per report category."""
    return [
        {
            "service_code": c.code,
            "service_name": c.label,
            "description": c.label,
            "metadata": False,
            "type": "realtime",
            "keywords": ",".join(c.keywords[:10]),
            "group": config.community_name,
        }
        for c in config.taxonomy.categories
    ]


def _w3c(when: datetime | None, config: Config) -> str | None:
    return None if when is None else when.astimezone(config.timezone).isoformat(timespec="seconds")


def _date(raw: str, name: str, config: Config) -> datetime:
    try:
        when = datetime.fromisoformat(raw.strip().replace(" ", "+"))
    except ValueError:
        raise Open311Error(
            400, f"{name} is not a W3C datetime (e.g. 2026-05-01T00:00:00+08:00)"
        ) from None
    if not MIN_YEAR <= when.year <= MAX_YEAR:
        # Far dates overflow when the 90-day span is added or taken away.
        raise Open311Error(400, f"{name} must be between the years {MIN_YEAR} and {MAX_YEAR}")
    return when if when.tzinfo else when.replace(tzinfo=config.timezone)


def _int(params: Mapping[str, str], name: str, default: int, low: int, high: int) -> int:
    raw = (params.get(name) or "").strip()
    if not raw:
        return default
    # ASCII digits, and few of them: int() refuses "²" and strings over 4,300 digits.
    if not (raw.isascii() and raw.isdigit() and len(raw) <= 9) or not low <= int(raw) <= high:
        raise Open311Error(400, f"{name} must be a whole number from {low} to {high}")
    return int(raw)


def _list(params: Mapping[str, str], name: str) -> list[str]:
    return [x.strip() for x in (params.get(name) or "").split(",") if x.strip()]


@dataclass(frozen=True, slots=True)
class RequestQuery:
    """What ``requests.json`` asks for: by numbers, or a filter with a page."""

    numbers: tuple[int, ...]
    filter: IssueFilter
    page_size: int
    offset: int


def read_query(
    params: Mapping[str, str], scope: tuple[str, ...] | None, config: Config, now: datetime
) -> RequestQuery:
    """Parse ``requests.json``'s parameters (``service_request_id`` overrides the others, as
    the spec says); raise :class:`Open311Error` (400) for a value it cannot use."""
    page_size = _int(params, "page_size", DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE)
    page = _int(params, "page", 1, 1, 10_000)
    ids = _list(params, "service_request_id")
    if ids:
        if len(ids) > MAX_IDS or not all(i.isascii() and i.isdigit() and len(i) < 10 for i in ids):
            raise Open311Error(400, f"service_request_id must be up to {MAX_IDS} numbers")
        return RequestQuery(tuple(int(i) for i in ids), IssueFilter(buildings=scope), page_size, 0)
    codes = _list(params, "service_code")
    unknown = [c for c in codes if c not in config.taxonomy.codes]
    if unknown:
        raise Open311Error(400, f"unknown service_code: {unknown[0][:40]}")
    statuses: list[str] = []
    for status in _list(params, "status"):
        if status == "open":
            statuses += _OPEN
        elif status == "closed":
            statuses += _CLOSED
        else:
            raise Open311Error(400, "status must be open or closed")
    if not statuses:
        statuses = [*_OPEN, *_CLOSED]
    start_raw, end_raw = params.get("start_date"), params.get("end_date")
    start = _date(start_raw, "start_date", config) if start_raw else None
    end = _date(end_raw, "end_date", config) if end_raw else None
    # Without end_date: up to now, including what was reported this very second.
    before = end
    if start is None:
        start = (end or now) - MAX_SPAN
    if end is None and start_raw:
        before = start + MAX_SPAN
    if before is not None and before <= start:
        raise Open311Error(400, "end_date must be after start_date")
    if before is not None and before - start > MAX_SPAN:
        raise Open311Error(400, "start_date and end_date may not span more than 90 days")
    flt = IssueFilter(
        buildings=scope,
        statuses=tuple(dict.fromkeys(statuses)),
        categories=tuple(dict.fromkeys(codes)),
        created_from=start,
        created_before=before,
    )
    return RequestQuery((), flt, page_size, (page - 1) * page_size)


def service_request(row: IssueRow, config: Config, targets: ResolutionTargets) -> dict[str, Any]:
    """One issue as a GeoReport v2 service request."""
    is_open = row.status in OPEN_STATUSES
    if row.status is IssueStatus.DUPLICATE and row.duplicate_of is not None:
        notes = t.DUPLICATE_OF.format(number=row.duplicate_of)
    else:
        label = t.STATUS_LABELS[row.status]
        notes = f"{label}：{mask(row.note)}" if row.note else label
    expected = None
    if is_open and row.status is not IssueStatus.WAITING:
        expected = (
            row.created_at
            + targets.by_category.get(row.category, targets.default)
            + timedelta(seconds=row.paused_seconds)
        )
    place = f"{row.building} {mask(row.location)}" if row.location else row.building
    return {
        "service_request_id": str(row.number),
        "status": "open" if is_open else "closed",
        "status_notes": notes,
        "service_name": config.taxonomy.label(row.category),
        "service_code": row.category,
        "description": mask(row.text),
        "agency_responsible": config.community_name,
        "service_notice": None,
        "requested_datetime": _w3c(row.created_at, config),
        "updated_datetime": _w3c(row.updated_at, config),
        "expected_datetime": _w3c(expected, config),
        "address": f"{config.community_name} {place}",
        "address_id": None,
        "zipcode": None,
        "lat": None,
        "long": None,
        "media_url": None,
    }


def visible(rows: Sequence[IssueRow], scope: tuple[str, ...] | None) -> list[IssueRow]:
    """The rows a caller reading ``scope`` may see by number (never rejected ones)."""
    return [
        r
        for r in rows
        if (scope is None or r.building in scope) and r.status is not IssueStatus.REJECTED
    ]
