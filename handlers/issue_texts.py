"""What residents and staff read about issues (Simplified Chinese, short and polite)."""

from __future__ import annotations

from storage.issues import Issue, IssueStatus

STATUS_LABELS = {
    IssueStatus.NEW: "待受理",
    IssueStatus.ACKNOWLEDGED: "已受理",
    IssueStatus.IN_PROGRESS: "处理中",
    IssueStatus.WAITING: "等待中",
    IssueStatus.RESOLVED: "已办结",
    IssueStatus.CLOSED: "已关闭",
    IssueStatus.DUPLICATE: "已合并",
    IssueStatus.REJECTED: "不予受理",
}


def where(issue: Issue) -> str:
    return f"（{issue.location}）" if issue.location else ""


def created(issue: Issue, label: str) -> str:
    urgent = "【紧急】" if issue.urgent else ""
    return (
        f"{urgent}已记录为第 {issue.number} 号问题：{label}{where(issue)}。"
        f"已通知楼栋长，处理进展会在这里告诉您。"
    )


def acknowledged(issue: Issue, by: str) -> str:
    return f"第 {issue.number} 号问题已由{by}受理，会尽快处理。"


def not_found(number: int) -> str:
    return f"没有找到第 {number} 号问题，请核对编号。"


def not_yours(number: int) -> str:
    return f"抱歉，第 {number} 号问题不属于您负责的楼栋，无法操作。"
