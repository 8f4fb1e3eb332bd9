"""Records of the help feature: statuses, offers, profiles, requests, candidates, and how
rows become them. The repository is :mod:`storage.help`."""

from __future__ import annotations

import enum
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from bot.records import quick_init
from storage.columns import to_optional_time, to_time

FORGOTTEN = ""


class RequestStatus(enum.StrEnum):
    SEARCHING = "searching"  # candidates have been asked privately
    WAITING = "waiting"  # nobody left to ask; the requester may post it to the group
    POSTED = "posted"  # posted to the building group: anyone there may accept
    CONNECTED = "connected"
    DONE = "done"
    CANCELLED = "cancelled"


OPEN_REQUEST = (RequestStatus.SEARCHING, RequestStatus.WAITING, RequestStatus.POSTED)


class CandidateStatus(enum.StrEnum):
    NOTIFIED = "notified"
    DECLINED = "declined"
    EXPIRED = "expired"  # did not answer in time; may still accept while the request is open
    ACCEPTED = "accepted"
    TAKEN = "taken"  # someone else accepted
    CLOSED = "closed"  # the request was withdrawn


@quick_init
@dataclass(frozen=True, slots=True)
class Offer:
    id: int
    user: str
    name: str
    building: str | None
    skills: tuple[str, ...]
    note: str | None
    created_at: datetime
    expires_at: datetime


@dataclass(frozen=True, slots=True)
class Profile:
    user: str
    name: str
    building: str | None
    contact: str | None
    hide_in_thanks: bool
    last_helped_at: datetime | None
    prompt_declined_at: datetime | None


@dataclass(frozen=True, slots=True)
class PendingOffer:
    user: str
    name: str
    building: str | None
    skills: tuple[str, ...]
    note: str | None
    asked_at: datetime


@dataclass(frozen=True, slots=True)
class HelpRequest:
    number: int
    requester: str
    requester_name: str
    building: str | None
    chat: str
    text: str
    skills: tuple[str, ...]
    status: RequestStatus
    helper: str | None
    helper_name: str | None
    helper_building: str | None
    created_at: datetime
    closed_at: datetime | None

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_REQUEST


@dataclass(frozen=True, slots=True)
class Candidate:
    request: int
    user: str
    name: str
    status: CandidateStatus
    notified_at: datetime


@dataclass(frozen=True, slots=True)
class HelperCount:
    """Completed help by one helper in a period (for the monthly thank-you post)."""

    helper: str
    name: str
    building: str | None
    count: int
    hidden: bool


def json_list(items: tuple[str, ...]) -> str:
    return json.dumps(list(items), ensure_ascii=False)


def pending_offer_from_row(r: Any) -> PendingOffer:
    return PendingOffer(
        r["user"],
        r["name"],
        r["building"],
        tuple(json.loads(r["skills"])),
        r["note"],
        to_time(r["asked_at"]),
    )


def offer_from_row(r: Any) -> Offer:
    return Offer(
        r["id"],
        r["user"],
        r["name"],
        r["building"],
        tuple(json.loads(r["skills"])),
        r["note"],
        to_time(r["created_at"]),
        to_time(r["expires_at"]),
    )


def profile_from_row(r: Any) -> Profile:
    return Profile(
        r["user"],
        r["name"],
        r["building"],
        r["contact"],
        bool(r["hide_in_thanks"]),
        to_optional_time(r["last_helped_at"]),
        to_optional_time(r["prompt_declined_at"]),
    )


def request_from_row(r: Any) -> HelpRequest:
    return HelpRequest(
        number=r["number"],
        requester=r["requester"],
        requester_name=r["requester_name"],
        building=r["building"],
        chat=r["chat"],
        text=r["text"],
        skills=tuple(json.loads(r["skills"])),
        status=RequestStatus(r["status"]),
        helper=r["helper"],
        helper_name=r["helper_name"],
        helper_building=r["helper_building"],
        created_at=to_time(r["created_at"]),
        closed_at=to_optional_time(r["closed_at"]),
    )
