"""A first, simple rule set (the walking skeleton); the understanding issue replaces it."""

from __future__ import annotations

import enum
import re
import unicodedata
from dataclasses import dataclass

import jieba

from bot.config.understanding import Taxonomy

jieba.setLogLevel(60)

MAX_TEXT = 2000
_PROBLEM = ("坏", "不亮", "漏", "堵", "停水", "停电", "吵", "臭", "着火", "冒烟", "乱停", "占用")
_LOCATION = re.compile(r"(\d+号楼|\d+单元|\d+楼|\d{3,4}室?|地下车库|楼道|电梯间|[A-Z]区)")


class Intent(enum.StrEnum):
    REPORT = "report"
    HELP_REQUEST = "help_request"
    OFFER = "offer"
    CHAT = "chat"


@dataclass(frozen=True, slots=True)
class Understanding:
    text: str
    intent: Intent
    category: str | None
    urgent: bool
    location: str | None
    keywords: tuple[str, ...]


def understand(text: str, taxonomy: Taxonomy) -> Understanding:
    norm = unicodedata.normalize("NFKC", text[:MAX_TEXT]).strip()
    words = [w for w in jieba.lcut(norm) if w.strip()]
    is_report = any(p in norm for p in _PROBLEM)
    if not is_report:
        return Understanding(norm, Intent.CHAT, None, False, None, ())
    category = "other"
    for cat in taxonomy.categories:
        if any(k and k in norm for k in cat.keywords):
            category = cat.code
            break
    urgent = any(k in norm for k in taxonomy.urgent_keywords)
    loc = _LOCATION.search(norm)
    keywords = tuple(w for w in words if len(w) > 1)[:5]
    return Understanding(
        norm, Intent.REPORT, category, urgent, loc.group(1) if loc else None, keywords
    )
