"""A realistic replay script for the real-path bench (``bench/realpath.py``).

The district of ``bench/_community.py`` (1,000 buildings, a head each, 100,000 residents)
writes in its building chats over a day or more. The mix, per script line:

- 79% chit-chat (corpus ``chat`` lines, the lines of other intents the corpus does not have
  enough of are not used for chat);
- 10% reports (corpus ``report`` lines) — most open an issue, some merge into one;
- 5% help: 2% help requests and 2% offers in free text (corpus ``help_request``/``offer``),
  1% answers in private chats (``/yes`` to "register this offer?", ``/accept N``);
- 5% head commands in their building chat: ``收到 N`` 2.5%, ``/progress N ...`` 1%,
  ``/resolve N ...`` 1%, ``/list`` 0.3%, ``/event add ...`` 0.2%;
- 1% resident commands: ``/help``, ``/my``, ``/join N``;
- a ``{"tick": true}`` line every 200 lines (besides the clock advancing before every line).

Timing: a message every 4.3 s on average (exponential gaps, about 20,000 a day for the
district, i.e. 20 per building chat), and one message in four arrives in the same second as
the one before it (bursts: several chats talking at once). The script starts on a Monday at
07:00, so ack reminders, escalations (quiet hours 22:00-07:00), the daily digest at 08:00,
help match timeouts and event reminders all fire during a 20,000-line run.

Issue numbers in head commands are guessed from the reports of the head's building so far
(a report that merged shifts them): like real heads, some commands name a wrong number.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bench import _community as c

TZ = ZoneInfo("Asia/Shanghai")
START = datetime(2026, 5, 4, 7, 0, tzinfo=TZ)  # a Monday
MEAN_GAP_S = 4.3
BURST_SHARE = 0.25
TICK_EVERY = 200

# (share, kind) per script line; the rest is chit-chat.
MIX: tuple[tuple[float, str], ...] = (
    (0.10, "report"),
    (0.02, "help_request"),
    (0.02, "offer"),
    (0.01, "help_answer"),
    (0.025, "ack"),
    (0.01, "progress"),
    (0.01, "resolve"),
    (0.003, "list"),
    (0.002, "event"),
    (0.01, "resident_command"),
)
MIX_DOC = (
    "79% chit-chat, 10% reports, 5% help (2% requests, 2% offers, 1% private answers),"
    " 5% head commands (收到 N, /progress, /resolve, /list, /event add), 1% resident"
    " commands; a tick line every 200 lines; mean gap 4.3 s, a quarter in bursts"
)


def _pools() -> dict[str, list[str]]:
    samples, _ = c.corpus()
    pools: dict[str, list[str]] = {}
    for s in samples:
        pools.setdefault(s.intent, []).append(s.text)
    return pools


def lines(n: int, *, seed: int = 1, start: datetime = START) -> Iterator[dict[str, object]]:
    """``n`` script lines (messages and ticks) as dicts in the replay format."""
    rng = random.Random(seed)
    pools = _pools()
    reports_in: dict[int, list[int]] = {}  # building -> guessed issue numbers
    issue_guess = 0
    requests = 0
    events = 0
    offered: list[int] = []  # residents asked "register this offer?"
    at = start
    for k in range(n):
        if k and k % TICK_EVERY == 0:
            yield {"at": at.isoformat(timespec="seconds"), "tick": True}
        if rng.random() >= BURST_SHARE:
            at += timedelta(seconds=max(1, round(rng.expovariate(1 / MEAN_GAP_S))))
        roll = rng.random()
        kind = "chat"
        acc = 0.0
        for share, name in MIX:
            acc += share
            if roll < acc:
                kind = name
                break
        j = rng.randrange(c.RESIDENTS)
        b = c.resident_building(j)
        chat, sender, name = c.building_chat(b), c.resident_id(j), f"邻居{j + 1}"
        text: str
        if kind in ("chat", "report", "help_request", "offer"):
            text = rng.choice(pools.get(kind) or pools["chat"])
            if kind == "report":
                issue_guess += 1
                reports_in.setdefault(b, []).append(issue_guess)
            elif kind == "help_request":
                requests += 1
            elif kind == "offer":
                offered.append(j)
        elif kind == "help_answer":
            if offered and rng.random() < 0.6:
                j = offered.pop(rng.randrange(len(offered)))
                text = "/yes"
            else:
                text = f"/accept {rng.randint(1, max(1, requests))}"
            chat = sender = c.resident_id(j)
            name = f"邻居{j + 1}"
        elif kind in ("ack", "progress", "resolve", "list", "event"):
            busy = [x for x in reports_in if reports_in[x]] if kind != "list" else []
            if kind in ("ack", "progress", "resolve") and busy:
                b = rng.choice(busy)
            chat, sender, name = c.building_chat(b), c.head_id(b), f"楼栋长{b + 1}"
            numbers = reports_in.get(b) or [max(1, issue_guess)]
            number = rng.choice(numbers[-5:])
            if kind == "ack":
                text = f"收到 {number}"
            elif kind == "progress":
                text = f"/progress {number} 已联系物业，明天上午来修"
            elif kind == "resolve":
                text = f"/resolve {number} 已修好"
                if number in numbers:
                    numbers.remove(number)
            elif kind == "list":
                text = "/list"
            else:
                events += 1
                day = (at + timedelta(days=rng.randint(1, 3))).strftime("%Y-%m-%d")
                text = f"/event add {day} 19:00 楼栋议事会{events} @{b + 1}号楼一层大厅"
        else:
            text = rng.choice(["/help", "/my", f"/join {rng.randint(1, max(1, events))}"])
        line: dict[str, object] = {
            "at": at.isoformat(timespec="seconds"),
            "chat": chat,
            "from": sender,
            "name": name,
            "text": text,
        }
        yield line


def write(path: str, n: int, *, seed: int = 1) -> list[str]:
    """Write an ``n``-message script to ``path``; returns the message texts in order."""
    texts: list[str] = []
    with open(path, "w", encoding="utf-8") as fh:
        for line in lines(n, seed=seed):
            if "text" in line:
                texts.append(str(line["text"]))
            fh.write(json.dumps(line, ensure_ascii=False) + "\n")
    return texts
