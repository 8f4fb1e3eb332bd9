"""Issue exports for the monthly report to the street office: CSV and Excel (xlsx).

Both carry the same columns (:data:`bot.web.report_texts.EXPORT_HEADERS`): number, building,
category, state, urgent, place, text, the times (reported, acknowledged, resolved, closed;
local time) and the durations in hours. What residents wrote is masked as in the groups
(phone, ID card and plate numbers, :func:`bot.privacy.mask`); the reporter is not exported.

Spreadsheet programs run a cell that starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or
carriage return) as a formula — "CSV injection": such text cells get a leading apostrophe.

Rows are read a page at a time (keyset pagination, :class:`storage.issue_query.IssueQueryRepo`)
and never held all at once: the CSV is streamed as it is read; the workbook is written by
openpyxl's write-only mode into a temporary file on a worker thread, so the event loop (which
may be running the bot) only reads pages.
"""

from __future__ import annotations

import asyncio
import csv
import io
import os
import tempfile
from collections.abc import AsyncIterator
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Any

from bot.config import Config
from bot.privacy import mask
from bot.web import report_texts as t
from bot.web.stats import resolution_targets
from storage import Store
from storage.issue_query import MAX_PAGE, IssueFilter, IssueRow

# A district's whole history fits (100,000 issues); more is cut here, and said in the last row.
MAX_EXPORT_ROWS = 200_000
BOM = "\ufeff"  # so that Excel opens a UTF-8 CSV as UTF-8 (Chinese text) and not as GBK
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_TYPE = "text/csv; charset=utf-8"


def neutralise(value: str) -> str:
    """A text cell a spreadsheet will show as text, never run as a formula."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def _hours(seconds: float | None) -> float | None:
    return None if seconds is None else round(max(seconds, 0.0) / 3600, 2)


def _local(when: datetime | None, tz: tzinfo) -> datetime | None:
    """Local wall-clock time without a zone (what a spreadsheet cell holds)."""
    return None if when is None else when.astimezone(tz).replace(tzinfo=None)


def row_values(row: IssueRow, config: Config) -> list[Any]:
    """One issue as export cells: texts masked and neutralised, times local, durations in
    hours (time to resolve without waiting; an issue confirmed fixed without /resolve counts
    at closing)."""
    tz = config.timezone
    resolved = row.resolved_at or (row.closed_at if row.status == "closed" else None)
    ack_s = (row.acked_at - row.created_at).total_seconds() if row.acked_at else None
    fix_s = (resolved - row.created_at).total_seconds() - row.paused_seconds if resolved else None
    texts = [
        row.building,
        config.taxonomy.label(row.category),
        t.STATUS_LABELS[row.status],
        t.YES if row.urgent else t.NO,
        mask(row.location or ""),
        mask(row.text),
    ]
    return [
        row.number,
        *(neutralise(x) for x in texts),
        _local(row.created_at, tz),
        _local(row.acked_at, tz),
        _local(resolved, tz),
        _local(row.closed_at, tz),
        _hours(ack_s),
        _hours(fix_s),
        _hours(row.paused_seconds) if row.paused_seconds else None,
        neutralise(mask(row.note or "")),
    ]


async def rows(
    store: Store, config: Config, flt: IssueFilter, now: datetime
) -> AsyncIterator[list[list[Any]]]:
    """The export's rows, a page at a time, by issue number; at most MAX_EXPORT_ROWS."""
    targets = resolution_targets(config)
    after: int | None = None
    done = 0
    while done < MAX_EXPORT_ROWS:
        page = await store.issue_query.page(
            flt, targets, now, after=after, limit=min(MAX_PAGE, MAX_EXPORT_ROWS - done)
        )
        if not page:
            return
        done += len(page)
        after = page[-1].number
        # Masking a thousand texts takes tens of milliseconds: off the event loop.
        yield await asyncio.to_thread(_shape, page, config)


def _shape(page: list[IssueRow], config: Config) -> list[list[Any]]:
    return [row_values(r, config) for r in page]


def _csv_cell(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return "" if value is None else value


async def csv_stream(
    store: Store, config: Config, flt: IssueFilter, now: datetime
) -> AsyncIterator[bytes]:
    """The CSV (UTF-8 with a BOM, CRLF line ends), one chunk per page of issues."""
    buffer = io.StringIO()
    csv.writer(buffer).writerow(t.EXPORT_HEADERS)
    yield (BOM + buffer.getvalue()).encode("utf-8")
    async for page in rows(store, config, flt, now):
        yield await asyncio.to_thread(_csv_chunk, page)


def _csv_chunk(page: list[list[Any]]) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer).writerows([_csv_cell(v) for v in r] for r in page)
    return buffer.getvalue().encode("utf-8")


async def xlsx_file(
    store: Store, config: Config, flt: IssueFilter, now: datetime, directory: str | None = None
) -> Path:
    """Write the workbook to a new temporary file and return its path (the caller deletes it).
    openpyxl runs on a worker thread, one page at a time; only the reads use the loop."""
    from openpyxl import Workbook  # imported here: only the exports need it

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(t.EXPORT_SHEET)
    widths = (8, 12, 10, 10, 6, 14, 40, 17, 17, 17, 17, 10, 10, 10, 30)
    for i, width in enumerate(widths):
        sheet.column_dimensions[_column(i)].width = width
    sheet.freeze_panes = "A2"
    sheet.append(list(t.EXPORT_HEADERS))
    async for page in rows(store, config, flt, now):
        await asyncio.to_thread(_append, sheet, page)
    fd, name = tempfile.mkstemp(prefix="linli-export-", suffix=".xlsx", dir=directory)
    os.close(fd)
    try:
        await asyncio.to_thread(workbook.save, name)
    except BaseException:
        os.unlink(name)
        raise
    return Path(name)


# Excel holds at most this many characters in a cell.
MAX_CELL = 32_767


def _append(sheet: Any, page: list[list[Any]]) -> None:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    for r in page:
        # Control characters make a workbook Excel refuses to open (openpyxl raises on them).
        sheet.append(
            [ILLEGAL_CHARACTERS_RE.sub("", v)[:MAX_CELL] if isinstance(v, str) else v for v in r]
        )


def _column(index: int) -> str:
    return chr(ord("A") + index)  # fewer than 26 columns


def filename(now: datetime, config: Config, extension: str) -> str:
    """``issues-20260520.xlsx``: ASCII, so no browser mangles it."""
    return f"issues-{now.astimezone(config.timezone):%Y%m%d}.{extension}"
