"""Understanding residents' messages: intent, category, urgency, location, keywords.

:func:`understand` is pure and deterministic: no I/O after the jieba dictionary has loaded
(once per process).
"""

from __future__ import annotations

from bot.understand.classify import (
    Intent,
    Understanding,
    report_category,
    understand,
    understand_as_report,
)

__all__ = ["Intent", "Understanding", "report_category", "understand", "understand_as_report"]
