"""A synthetic district for the benchmarks: 1,000 buildings, 100,000 residents, a message mix.

The community is written as a TOML config in a directory and read back with
:func:`bot.config.load_config`, so the config loader is exercised at that size too. Messages
come from the project's labelled corpus (``bot/understand/data/corpus/train/``) when it exists, or from a
small built-in list.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from bot.model import Incoming

BUILDINGS = 1_000
RESIDENTS = 100_000
GRID_WORKERS = 10  # each covers 100 buildings

# Used until the labelled corpus exists: (intent, text).
_BUILTIN: tuple[tuple[str, str], ...] = (
    ("chat", "大家早上好"),
    ("chat", "今天天气不错，出去走走"),
    ("chat", "收到，谢谢"),
    ("chat", "谁家的快递放错了，在3单元门口"),
    ("chat", "晚上小区广场有人跳广场舞吗"),
    ("chat", "楼下新开的超市东西挺便宜的"),
    ("chat", "周末有没有一起去爬山的邻居"),
    ("chat", "孩子们放学了注意安全"),
    ("chat", "好的好的"),
    ("chat", "哈哈哈太好笑了"),
    ("report", "3单元楼道灯坏了好几天了"),
    ("report", "5号楼电梯又坏了，老人上下楼很不方便"),
    ("report", "地下车库有车乱停，堵住了出口"),
    ("report", "2单元楼顶漏水，墙都湿了"),
    ("report", "楼下垃圾桶满了好几天没人清，臭得很"),
    ("report", "着火了！7号楼302冒烟"),
    ("help_request", "谁能帮忙修一下电脑，系统开不了机"),
    ("help_request", "有没有邻居周六能帮我接一下孩子"),
    ("offer", "我是退休电工，家里电路有问题可以找我"),
    ("offer", "我会理发，老人行动不便的可以上门"),
)


@dataclass(frozen=True, slots=True)
class Sample:
    intent: str
    text: str


def corpus() -> tuple[list[Sample], str]:
    """Labelled samples and where they came from (the training split of the corpus)."""
    from bot.understand.corpus import TRAIN_DIR, training_examples

    samples = [Sample(ex.intent, ex.text) for ex in training_examples()]
    if len(samples) >= 20:
        files = ", ".join(p.name for p in sorted(TRAIN_DIR.glob("*.tsv")))
        return samples, f"{files} ({len(samples)} lines)"
    return [Sample(i, t) for i, t in _BUILTIN], f"built-in list ({len(_BUILTIN)} lines)"


def building_name(i: int) -> str:
    return f"{i + 1}号楼"


def building_chat(i: int) -> str:
    return f"local:b{i + 1}"


def head_id(i: int) -> str:
    return f"local:head-{i + 1}"


def resident_id(j: int) -> str:
    return f"local:r{j + 1}"


def resident_building(j: int) -> int:
    return j % BUILDINGS


def write_config(directory: Path, database: str = "linli.db") -> Path:
    """Write the 1,000-building config into ``directory``; returns its path."""
    lines = [
        "[community]",
        'name = "基准测试街道"',
        'timezone = "Asia/Shanghai"',
        'office_chat = "local:office"',
        "",
        "[storage]",
        f'database = "{database}"',
        "",
    ]
    for i in range(BUILDINGS):
        lines += [
            "[[buildings]]",
            f'name = "{building_name(i)}"',
            f'chats = ["{building_chat(i)}"]',
        ]
    lines += ["", "[[people]]", 'id = "local:admin"', 'name = "社区管理员"', 'role = "admin"']
    per = BUILDINGS // GRID_WORKERS
    for g in range(GRID_WORKERS):
        covered = ", ".join(f'"{building_name(i)}"' for i in range(g * per, (g + 1) * per))
        lines += [
            "[[people]]",
            f'id = "local:grid-{g + 1}"',
            f'name = "网格员{g + 1}"',
            'role = "grid_worker"',
            f"buildings = [{covered}]",
        ]
    for i in range(BUILDINGS):
        lines += [
            "[[people]]",
            f'id = "{head_id(i)}"',
            f'name = "楼栋长{i + 1}"',
            'role = "head"',
            f'buildings = ["{building_name(i)}"]',
        ]
    path = directory / "community.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# Share of each kind of message in the mix (the rest is chat).
MIX = {"report": 0.08, "help_request": 0.03, "offer": 0.02, "command": 0.04}


def messages(
    n: int, start: datetime, *, seed: int = 10, step: timedelta = timedelta(milliseconds=200)
) -> Iterator[Incoming]:
    """``n`` messages from random residents in their building chats, mostly chat, some
    reports, help requests and offers, and commands (a head acknowledging ``收到 N``, /help).
    Message ids are unique per run (``seed`` distinguishes runs on one database)."""
    rng = random.Random(seed)
    samples, _ = corpus()
    by_intent: dict[str, list[str]] = {}
    for s in samples:
        by_intent.setdefault(s.intent, []).append(s.text)
    chat_texts = by_intent.get("chat") or [t for _, t in _BUILTIN if _ == "chat"]
    at = start
    for k in range(n):
        roll = rng.random()
        kind = "chat"
        acc = 0.0
        for name, share in MIX.items():
            acc += share
            if roll < acc:
                kind = name
                break
        at += step
        if kind == "command":
            b = rng.randrange(BUILDINGS)
            if rng.random() < 0.5:
                text, sender, name = f"收到 {rng.randint(1, max(1, k // 12))}", head_id(b), "楼栋长"
            else:
                j = rng.randrange(RESIDENTS)
                b = resident_building(j)
                text, sender, name = "/help", resident_id(j), f"邻居{j + 1}"
        else:
            pool = by_intent.get(kind) or chat_texts
            text = rng.choice(pool)
            j = rng.randrange(RESIDENTS)
            b = resident_building(j)
            sender, name = resident_id(j), f"邻居{j + 1}"
        yield Incoming(
            chat=building_chat(b),
            sender=sender,
            sender_name=name,
            text=text,
            at=at,
            message_id=f"s{seed}-{k}",
        )
