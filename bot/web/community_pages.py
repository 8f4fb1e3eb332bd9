"""The console's help (握手行动) and events pages.

Help: how many neighbours offer help and how many requests are open, connected or done, per
building, and the open requests by number, building and skill — never who asked, what they
wrote or how to reach anyone. Events: upcoming events for the viewer's buildings (or the whole
community) with their sign-up lists (names, masked like the groups; other buildings' residents
only for those who may manage the event, as in the chat).
"""

from __future__ import annotations

from dataclasses import dataclass

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from bot.web.context import console_of, fmt_time, masked, render, viewer_of
from handlers.events import may_manage
from storage.console_reads import ConsoleReads
from storage.events import Event
from storage.help_records import OPEN_REQUEST, RequestStatus

MAX_EVENTS = 50
REQUEST_STATUS_NAMES = {
    RequestStatus.SEARCHING: "正在找人",
    RequestStatus.WAITING: "待发到群里",
    RequestStatus.POSTED: "已发到群里",
    RequestStatus.CONNECTED: "已对接",
    RequestStatus.DONE: "已完成",
    RequestStatus.CANCELLED: "已取消",
}


@dataclass(frozen=True, slots=True)
class HelpRow:
    building: str
    offers: int
    open: int
    connected: int
    done: int
    cancelled: int


async def help_page(request: Request) -> Response:
    console, viewer = console_of(request), viewer_of(request)
    config, now = console.config, console.now()
    reads = ConsoleReads(console.store.db)
    counts = await reads.help_counts(viewer.buildings, now)
    names = list(viewer.visible(config))
    if viewer.buildings is None:
        names += sorted(b for b in {*counts.offers, *counts.requests} if b not in names)
    rows = []
    for name in names:
        by_status = counts.requests.get(name, {})
        rows.append(
            HelpRow(
                building=name or "未知楼栋",
                offers=counts.offers.get(name, 0),
                open=sum(by_status.get(str(s), 0) for s in OPEN_REQUEST),
                connected=by_status.get(str(RequestStatus.CONNECTED), 0),
                done=by_status.get(str(RequestStatus.DONE), 0),
                cancelled=by_status.get(str(RequestStatus.CANCELLED), 0),
            )
        )
    open_requests = [
        {
            "number": r.number,
            "building": r.building,
            "skills": "、".join(r.skills) or "其他",
            "status": REQUEST_STATUS_NAMES.get(RequestStatus(r.status), r.status),
            "created": fmt_time(r.created_at, config),
        }
        for r in await reads.open_requests(viewer.buildings)
    ]
    totals = HelpRow(
        building="合计",
        offers=sum(r.offers for r in rows),
        open=sum(r.open for r in rows),
        connected=sum(r.connected for r in rows),
        done=sum(r.done for r in rows),
        cancelled=sum(r.cancelled for r in rows),
    )
    return render(
        request,
        "help.html",
        {"title": "邻里互助", "rows": rows, "totals": totals, "open_requests": open_requests},
    )


def _visible(event: Event, buildings: tuple[str, ...] | None) -> bool:
    if buildings is None or not event.buildings:
        return True
    return any(b in buildings for b in event.buildings)


async def events_page(request: Request) -> Response:
    console, viewer = console_of(request), viewer_of(request)
    config, now = console.config, console.now()
    shown = [e for e in await console.store.events.upcoming(now) if _visible(e, viewer.buildings)]
    events = []
    for event in shown[:MAX_EVENTS]:
        roster = await console.store.events.roster(event)
        # Names as in the chat's /event who: all of them for whoever may manage the event;
        # otherwise only the viewer's own buildings' (the others are counted, not named).
        everyone = viewer.buildings is None or may_manage(config, event, viewer.id)
        named = [
            [s for s in signups if everyone or (s.building or "") in (viewer.buildings or ())]
            for signups in (roster.confirmed, roster.waiting)
        ]
        events.append(
            {
                "number": event.number,
                "title": masked(event.title),
                "place": masked(event.place),
                "starts": fmt_time(event.starts_at, config),
                "buildings": "、".join(event.buildings) or "全社区",
                "capacity": event.capacity,
                "confirmed": [(masked(s.name), s.building or "") for s in named[0]],
                "waiting": [(masked(s.name), s.building or "") for s in named[1]],
                "confirmed_count": len(roster.confirmed),
                "waiting_count": len(roster.waiting),
                "unnamed": len(roster.confirmed)
                + len(roster.waiting)
                - len(named[0])
                - len(named[1]),
            }
        )
    return render(
        request,
        "events.html",
        {"title": "社区活动", "events": events, "more": max(0, len(shown) - MAX_EVENTS)},
    )


ROUTES = [
    Route("/help", help_page, methods=["GET"]),
    Route("/events", events_page, methods=["GET"]),
]
