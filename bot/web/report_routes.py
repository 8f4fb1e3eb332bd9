"""The console's charts page, issue exports and Open311 API: the routes the app mounts.

``ROUTES`` (mounted by :mod:`bot.web.app`): ``/charts`` and ``/export/issues.csv``,
``/export/issues.xlsx`` behind the session guard (:class:`bot.web.guard.Guard`), restricted
to the viewer's buildings and filtered by the issue list's query string
(:mod:`bot.web.issue_filter`); ``/open311/v2/...`` is public to the guard and checks its own
key (:func:`bot.web.open311.authorise`).
"""

from __future__ import annotations

import logging
import os

from starlette.background import BackgroundTask
from starlette.requests import Request
from starlette.responses import (
    FileResponse,
    JSONResponse,
    PlainTextResponse,
    Response,
    StreamingResponse,
)
from starlette.routing import BaseRoute, Route

from bot.privacy import mask
from bot.web import exports, open311
from bot.web import report_texts as t
from bot.web.charts_page import charts, period_text
from bot.web.context import console_of, render, viewer_of
from bot.web.issue_filter import FilterError, read_filter
from bot.web.pages import is_number
from bot.web.stats import DEFAULT_MONTHS, gather, resolution_targets
from storage.issue_query import IssueFilter

log = logging.getLogger(__name__)

MONTH_CHOICES = (3, 6, 12, 24)
OPEN311_PREFIX = "/open311/v2/"


async def charts_page(request: Request) -> Response:
    console = console_of(request)
    viewer = viewer_of(request)
    raw = request.query_params.get("months", "")
    months = int(raw) if raw in {str(m) for m in MONTH_CHOICES} else DEFAULT_MONTHS
    stats = await gather(console.store, console.config, viewer.buildings, console.now(), months)
    return render(
        request,
        "charts.html",
        {
            "title": t.CHARTS_TITLE,
            "charts": charts(stats, console.config.taxonomy),
            "period": period_text(stats),
            "months": months,
            "month_choices": MONTH_CHOICES,
        },
    )


def _logged(request: Request) -> dict[str, str]:
    """The query for the log: a search for a phone number is not written out in full."""
    return {k: mask(v) for k, v in request.query_params.items()}


def _attachment(name: str) -> dict[str, str]:
    return {"Content-Disposition": f'attachment; filename="{name}"', "Cache-Control": "no-store"}


def _export_filter(request: Request, kind: str) -> IssueFilter | Response:
    """The list page's filter for an export, limited to the viewer's buildings (logged
    masked), or a 400 answer."""
    console = console_of(request)
    viewer = viewer_of(request)
    try:
        flt = read_filter(request.query_params, viewer.buildings, console.config)
    except FilterError as exc:
        return PlainTextResponse(str(exc), status_code=400)
    log.info("export %s viewer=%s filter=%s", kind, viewer.id, _logged(request))
    return flt


async def export_csv(request: Request) -> Response:
    console = console_of(request)
    flt = _export_filter(request, "csv")
    if isinstance(flt, Response):
        return flt
    now = console.now()
    return StreamingResponse(
        exports.csv_stream(console.store, console.config, flt, now),
        media_type=exports.CSV_TYPE,
        headers=_attachment(exports.filename(now, console.config, "csv")),
    )


async def export_xlsx(request: Request) -> Response:
    console = console_of(request)
    flt = _export_filter(request, "xlsx")
    if isinstance(flt, Response):
        return flt
    now = console.now()
    path = await exports.xlsx_file(console.store, console.config, flt, now)
    return FileResponse(
        path,
        media_type=exports.XLSX_TYPE,
        headers=_attachment(exports.filename(now, console.config, "xlsx")),
        background=BackgroundTask(os.unlink, path),
    )


def _scope(request: Request) -> tuple[str, ...] | None:
    """Who may read: raises :class:`open311.Open311Error` when nobody may."""
    web = console_of(request).config.web
    viewer = request.scope.get("linli_viewer")
    key = os.environ.get(web.open311_key_env) or None
    if key is not None and len(key) < open311.MIN_KEY_CHARS:
        # A short key could be guessed, and it reads every case: it works like no key.
        log.warning(
            "open311 key too short, no key accepted env=%s min_chars=%s",
            web.open311_key_env,
            open311.MIN_KEY_CHARS,
        )
        key = None
    return open311.authorise(
        request.query_params,
        public=web.open311_public,
        key=key,
        signed_in=viewer is not None,
        viewer_buildings=getattr(viewer, "buildings", None),
    )


def _error(exc: open311.Open311Error) -> Response:
    return JSONResponse(exc.body(), status_code=exc.code, headers={"Cache-Control": "no-store"})


def _json(body: object) -> Response:
    return JSONResponse(body, headers={"Cache-Control": "no-store"})


async def open311_services(request: Request) -> Response:
    try:
        _scope(request)
    except open311.Open311Error as exc:
        return _error(exc)
    return _json(open311.services(console_of(request).config))


async def open311_requests(request: Request) -> Response:
    console = console_of(request)
    config = console.config
    try:
        scope = _scope(request)
        query = open311.read_query(request.query_params, scope, config, console.now())
    except open311.Open311Error as exc:
        return _error(exc)
    targets = resolution_targets(config)
    if query.numbers:
        rows = open311.visible(await console.store.issue_query.by_numbers(query.numbers), scope)
    else:
        rows = await console.store.issue_query.page(
            query.filter,
            targets,
            console.now(),
            limit=query.page_size,
            offset=query.offset,
            newest_first=True,
        )
    return _json([open311.service_request(r, config, targets) for r in rows])


async def open311_request(request: Request) -> Response:
    console = console_of(request)
    raw = request.path_params["number"]
    try:
        scope = _scope(request)
        if not is_number(raw):
            raise open311.Open311Error(404, "no such service request")
        rows = open311.visible(await console.store.issue_query.by_numbers([int(raw)]), scope)
        if not rows:
            raise open311.Open311Error(404, "no such service request")
    except open311.Open311Error as exc:
        return _error(exc)
    targets = resolution_targets(console.config)
    return _json([open311.service_request(rows[0], console.config, targets)])


ROUTES: list[BaseRoute] = [
    Route("/charts", charts_page, methods=["GET"], name="charts"),
    Route("/export/issues.csv", export_csv, methods=["GET"], name="export_csv"),
    Route("/export/issues.xlsx", export_xlsx, methods=["GET"], name="export_xlsx"),
    Route(OPEN311_PREFIX + "services.json", open311_services, methods=["GET"]),
    Route(OPEN311_PREFIX + "requests.json", open311_requests, methods=["GET"]),
    Route(OPEN311_PREFIX + "requests/{number}.json", open311_request, methods=["GET"]),
]
