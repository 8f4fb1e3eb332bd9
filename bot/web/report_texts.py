"""What the console's charts, exports and Open311 API say, in one place (Simplified Chinese)."""

from __future__ import annotations

from datetime import timedelta

from handlers import issue_texts
from handlers.report_texts import span

CHARTS_TITLE = "统计图表"
PERIOD = "{start} 至 {end}"
ALL_BUILDINGS = "全部楼栋"
OTHER_CATEGORIES = "其他类别"

CATEGORIES_TITLE = "每月问题数（按类别）"
CATEGORIES_DESC = "{period}每月收到的问题数，按类别分段，共 {total} 件。"

ACK_TITLE = "受理用时（各楼栋）"
ACK_DESC = "{period}报告的问题从报告到受理的用时：中位数和 90% 分位数。{overall}"
RESOLVE_TITLE = "办结用时（各楼栋）"
RESOLVE_DESC = (
    "{period}办结的问题从报告到办结的用时（不含等待第三方的时间）：中位数和 90% 分位数。{overall}"
)
OVERALL = "全部楼栋：{count} 件，中位数 {median}，90% 分位数 {p90}。"
MEDIAN = "中位数"
P90 = "90% 分位数"

OVERDUE_TITLE = "超时未办结（各楼栋）"
OVERDUE_DESC = "目前未办结的问题共 {open} 件，其中超过办结时限 {late} 件。"
OVERDUE = "超时"
NOT_OVERDUE = "未超时"
OVERDUE_ROW = "超时 {late} / 共 {open}"

SATISFACTION_TITLE = "满意度（各楼栋）"
SATISFACTION_DESC = (
    "{period}居民对办结问题的评价共 {total} 条：满意 {good}，基本满意 {fair}，不满意 {bad}。"
)
SATISFIED = "满意"
FAIR = "基本满意"
UNSATISFIED = "不满意"
SATISFACTION_ROW = "满意率 {rate}%（{total} 条）"

SHOWN_TOP = "共 {count} 栋，图中显示前 {shown} 栋；完整数字见下表。"
NO_DATA = "暂无数据"

# Column headers of the CSV and Excel exports (the order of the columns).
EXPORT_HEADERS = (
    "编号",
    "楼栋",
    "类别",
    "状态",
    "紧急",
    "位置",
    "内容",
    "报告时间",
    "受理时间",
    "办结时间",
    "关闭时间",
    "受理用时（小时）",
    "办结用时（小时）",
    "等待时间（小时）",
    "最新备注",
)
EXPORT_SHEET = "问题清单"
YES = "是"
NO = "否"

# The issue states as the chat names them.
STATUS_LABELS = issue_texts.STATUS_LABELS

# Open311 status_notes.
DUPLICATE_OF = "与第 {number} 号问题重复，已合并"


def duration(seconds: float) -> str:
    return span(timedelta(seconds=seconds))
