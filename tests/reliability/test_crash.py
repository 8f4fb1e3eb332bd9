"""Crash safety: SIGKILL the bot at random points while it works through a script (issues,
help requests, events, polls, ratings, daily check-ins and community alerts, ticks), restart it,
and compare what it queued with an uninterrupted run.

The bot runs as ``linli replay --database DB`` in a subprocess. A killed run is simply started
again on the same database: redelivered messages are deduplicated by the inbox, timers that
fired are marked done, and what was queued but not sent is still in the outbox. Every message
the bot ever queued is compared as a multiset (time, chat, kind, text, numbers) with the
reference run: a difference means something was lost, or done twice.

``LINLI_CRASH_RUNS`` sets how many interrupted runs to do (default 6).
"""

from __future__ import annotations

import json
import os
import random
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path

from tests.conftest import EXAMPLE_CONFIG, ROOT, SHANGHAI

RUNS = int(os.environ.get("LINLI_CRASH_RUNS", "5"))
REPORTS = [
    "{u}单元楼道灯坏了好几天了",
    "{u}单元电梯坏了，一直停在{f}楼",
    "{u}单元门口垃圾堆满了没人清",
    "地下车库{u}号出口有车乱停",
    "{u}单元{f}楼水管漏水了",
]
CHAT = ["大家早上好", "收到", "谢谢张阿姨", "今天天气不错", "哈哈哈"]
OFFERS = ["/offer 修电脑 周末", "/offer 陪诊", "/offer 缝纫", "/offer 理发"]
NEEDS = ["谁能帮我修电脑", "/need 明天谁能陪我妈去医院", "/need 谁会补衣服", "谁会理发"]


def build_script(seed: int, lines: int = 250) -> list[str]:
    rng = random.Random(seed)
    at = datetime(2026, 5, 1, 8, 0, tzinfo=SHANGHAI)
    reported = {"1号楼": 0, "2号楼": 0}
    number = 0
    building_of: dict[int, str] = {}
    reporter_of: dict[int, str] = {1: "local:r1"}
    polls = 0
    out = []
    for i in range(lines):
        at += timedelta(minutes=rng.choice([1, 2, 5, 17, 40]))
        b = rng.choice(["1号楼", "2号楼"])
        chat = "local:building-1" if b == "1号楼" else "local:building-2"
        head = "local:head-1" if b == "1号楼" else "local:head-2"
        roll = rng.random()
        if roll < 0.3:
            text = rng.choice(REPORTS).format(u=rng.randint(1, 9), f=rng.randint(2, 30))
            item = {
                "chat": chat,
                "from": f"local:r{rng.randint(1, 40)}",
                "name": "居民",
                "text": text,
            }
            number += 1
            reported[b] += 1
            building_of[number] = b
            reporter_of[number] = item["from"]
        elif roll < 0.45 and building_of:
            n = rng.choice(list(building_of))
            owner = building_of[n]
            item = {
                "chat": "local:building-1" if owner == "1号楼" else "local:building-2",
                "from": "local:head-1" if owner == "1号楼" else "local:head-2",
                "name": "楼栋长",
                # Acknowledged, resolved, or closed (which asks for ratings, 评事).
                "text": rng.choice([f"/ack {n}", f"/resolve {n} 已处理", f"/confirm {n}"]),
            }
        elif roll < 0.55:
            out.append(json.dumps({"at": at.isoformat(), "tick": True}))
            continue
        elif roll < 0.64:
            # Check-ins (daily questions, missed windows, escalations) and community alerts.
            elder = f"local:e{rng.randint(1, 5)}"
            text, chat_of, sender = rng.choice(
                [
                    (
                        f"/checkin add {elder} 老人{elder[-1]} 时间 {rng.randint(6, 20):02d}:00",
                        head,
                        head,
                    ),
                    ("好", elder, elder),
                    ("我很好", elder, elder),
                    (f"/checkin pause {elder} 1天", head, head),
                    ("已联系", head, head),
                    ("/alert 有位老人走失，穿灰色外套", "local:grid-1", "local:grid-1"),
                    (f"/alert close {rng.randint(1, 3)} 已找到", "local:grid-1", "local:grid-1"),
                ]
            )
            item = {"chat": chat_of, "from": sender, "name": "邻居", "text": text}
            if text.startswith("/checkin add"):
                # Most say yes a minute later; the enrolment starts only then.
                out.append(json.dumps({"at": at.isoformat(), **item, "id": f"s{i}a"}))
                at += timedelta(minutes=1)
                item = {"chat": elder, "from": elder, "name": "老人", "text": "好"}
        elif roll < 0.75:
            # Help between neighbours and events: their own timers and numbering.
            resident = f"local:r{rng.randint(1, 40)}"
            rated = rng.choice(list(reporter_of))
            rater = reporter_of[rated]
            when = (at + timedelta(days=1, hours=3)).strftime("%Y-%m-%d %H:%M")
            text, chat_of, sender = rng.choice(
                [
                    (rng.choice(OFFERS), chat, resident),
                    (rng.choice(NEEDS), chat, resident),
                    (f"/accept {rng.randint(1, 4)}", resident, resident),
                    (f"/decline {rng.randint(1, 4)}", resident, resident),
                    (f"/event add {when} 邻里茶话会 @活动室 limit 3", chat, head),
                    (f"报名 {rng.randint(1, 3)}", chat, resident),
                    (f"取消报名 {rng.randint(1, 3)}", chat, resident),
                    # 议事: polls whose deadlines fall inside the script, and votes.
                    (f"/poll 换不换物业 | 换 | 不换 截止 {when}", chat, head),
                    (f"投票 {rng.randint(1, 3)} {rng.randint(1, 2)}", chat, resident),
                    (f"/vote {rng.randint(1, 3)} {rng.randint(1, 2)}", resident, resident),
                    (f"/rate {rated} {rng.randint(1, 3)}", rater, rater),
                    (rng.choice(["满意", "不满意，还是老样子"]), rater, rater),
                ]
            )
            polls += text.startswith("/poll ")
            item = {"chat": chat_of, "from": sender, "name": "邻居", "text": text}
        else:
            item = {
                "chat": chat,
                "from": f"local:r{rng.randint(1, 40)}",
                "name": "居民",
                "text": rng.choice(CHAT),
            }
        item = {"at": at.isoformat(), **item, "id": f"s{i}"}
        out.append(json.dumps(item, ensure_ascii=False))
    out.extend(civic_tail(at, polls + 1, building_of, reporter_of))
    out.append(json.dumps({"at": (at + timedelta(hours=6)).isoformat(), "tick": True}))
    return out


def civic_tail(
    at: datetime, poll: int, building_of: dict[int, str], reporter_of: dict[int, str]
) -> list[str]:
    """A poll that closes inside the script, and closed issues rated by their reporters (so
    that every run exercises 议事 and 评事 whatever the random part did)."""
    lines: list[dict[str, object]] = []
    closes = (at + timedelta(hours=2)).strftime("%Y-%m-%d %H:%M")
    b1, head = "local:building-1", "local:head-1"
    lines.append({"chat": b1, "from": head, "text": f"/poll 收尾投票 | 好 | 不好 截止 {closes}"})
    for k in range(1, 6):
        lines.append({"chat": b1, "from": f"local:v{k}", "text": "大家好"})
        lines.append({"chat": b1, "from": f"local:v{k}", "text": f"/vote {poll} {k % 2 + 1}"})
    mine = [n for n, b in building_of.items() if b == "1号楼"][:4]
    for i, n in enumerate(mine):
        reporter = reporter_of[n]
        lines.append({"chat": b1, "from": head, "text": f"/resolve {n} 已处理"})
        lines.append({"chat": b1, "from": head, "text": f"/confirm {n}"})
        answer = ["满意", "不满意，还是老样子", f"/rate {n} 2", f"/rate {n} 1 没人来"][i]
        lines.append({"chat": reporter, "from": reporter, "text": answer})
    out = []
    for i, line in enumerate(lines):
        at += timedelta(minutes=1)
        item = {"at": at.isoformat(), "name": "邻居", **line, "id": f"t{i}"}
        out.append(json.dumps(item, ensure_ascii=False))
    return out


def replay_cmd(script: Path, db: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "bot.cli",
        "replay",
        str(script),
        "--database",
        str(db),
        "--config",
        str(EXAMPLE_CONFIG),
    ]


def queued(db: Path) -> Counter[tuple[object, ...]]:
    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            "SELECT created_at, chat, kind, text, issue, request, event, poll, alert FROM outbox"
        ).fetchall()
    return Counter(rows)


def handled(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute("SELECT count(*) FROM inbox WHERE status='handled'").fetchone()[0])


def inbox_size(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return int(conn.execute("SELECT count(*) FROM inbox").fetchone()[0])
    except sqlite3.Error:
        return 0  # not created or not migrated yet


#: How many messages before the end of the script a kill is planned at the latest.
KILL_MARGIN = 10


def run_to_completion(script: Path, db: Path, rng: random.Random, kills: int, total: int) -> int:
    """Run, killing the process ``kills`` times, each when the inbox has grown to a random
    point of the script (so kills land while messages are being handled); then finish."""
    done = 0
    while True:
        proc = subprocess.Popen(
            replay_cmd(script, db), cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        low = inbox_size(db) + 1
        # Not in the last few messages: a kill planned there can come after the process has
        # already finished (it exits within the 20 ms below), and then no kill happens at all.
        if done < kills and low <= total - KILL_MARGIN:
            target = rng.randint(low, total - KILL_MARGIN)
            deadline = time.monotonic() + 120
            while proc.poll() is None and time.monotonic() < deadline:
                if inbox_size(db) >= target:
                    time.sleep(rng.uniform(0, 0.02))  # somewhere inside the next message
                    proc.kill()
                    break
                time.sleep(0.005)
            proc.wait()
            if proc.returncode == -9:
                done += 1
                continue
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err.decode()
        return done


def test_sigkill_at_random_points_loses_and_repeats_nothing(tmp_path: Path) -> None:
    script = tmp_path / "script.jsonl"
    script.write_text("\n".join(build_script(seed=7)) + "\n", encoding="utf-8")
    reference_db = tmp_path / "reference.db"
    subprocess.run(
        replay_cmd(script, reference_db), cwd=ROOT, check=True, capture_output=True, timeout=120
    )
    total = inbox_size(reference_db)
    reference = queued(reference_db)
    assert sum(reference.values()) > 40  # the script makes the bot work
    kinds = Counter(row[2] for row in reference.elements())
    assert kinds["poll"] and kinds["poll_result"], kinds  # polls opened and closed
    assert kinds["rating_request"], kinds  # closed issues asked for ratings ...
    assert any("的评价：" in str(row[3]) for row in reference)  # ... and were rated

    rng = random.Random(2026)
    total_kills = 0
    discrepancies = 0
    for run in range(RUNS):
        db = tmp_path / f"crash-{run}.db"
        total_kills += run_to_completion(script, db, rng, rng.randint(1, 3), total)
        got = queued(db)
        if got != reference or handled(db) != handled(reference_db):
            discrepancies += 1
            missing = reference - got
            extra = got - reference
            raise AssertionError(f"run {run}: missing {list(missing)[:3]} extra {list(extra)[:3]}")
    print(
        f"crash safety: {RUNS} runs, {total_kills} kill points, {discrepancies} discrepancies ({total} messages)"
    )
    assert total_kills >= RUNS  # the kills really happened mid-run
