"""What the community-wide alert (全域联动) says, in one place."""

from __future__ import annotations

import re

from storage.alerts import Alert
from storage.issues import Issue

USAGE = (
    "全域联动（楼栋长、网格员、社区管理员）：\n"
    "/alert 描述 — 发到全社区每个楼栋群，并私信每位楼栋长和网格员，例如：\n"
    "/alert 6岁男孩走失，穿红色上衣，最后在小区南门出现\n"
    "/alert close 编号 已找到 — 解除并告诉所有人\n"
    "全域 N — 把第 N 号紧急报告升级为全域联动\n"
    "紧急情况请先拨打 110 / 120。"
)
CLOSE_USAGE = "请这样解除：/alert close 编号 已找到"
DEFAULT_CLOSE_NOTE = "已解决"
TOO_LONG = "描述请控制在 500 字以内。"

# Words in an urgent report that mean a person is missing: the head is offered 全域 N.
MISSING_PERSON = re.compile(
    r"孩子不见|小孩不见|孩子找不到|小孩找不到|孩子丢|走丢|走失|失踪|不见了|找不到人|"
    r"找不到回家|迷路|寻人|老人不见|老人找不到"
)


def is_missing_person(text: str) -> bool:
    return MISSING_PERSON.search(text) is not None


def raise_offer(issue_number: int) -> str:
    return f"\n如需全社区一起找（所有楼栋群、楼栋长和网格员），请回复“全域 {issue_number}”。"


def _by(alert: Alert) -> str:
    who = alert.creator_name or "社区工作人员"
    return f"{alert.building}{who}" if alert.building else who


def raised(alert: Alert) -> str:
    return (
        f"【全域联动】第 {alert.number} 号（{_by(alert)}发起）：{alert.text}\n"
        f"请大家一起留意并转告邻居，有线索请马上在群里说或联系楼栋长；"
        f"紧急情况请直接拨打 110 / 120。"
    )


def closed(alert: Alert, note: str) -> str:
    return f"【全域联动·解除】第 {alert.number} 号：{note}。感谢大家的帮助！"


def from_issue(issue: Issue) -> str:
    place = f"{issue.building}" + (f"{issue.location}" if issue.location else "")
    return f"{place}居民报告：“{issue.text[:300]}”"


def sent(alert: Alert, groups: int, people: int) -> str:
    return (
        f"已发出第 {alert.number} 号全域联动：{groups} 个群，{people} 位楼栋长和网格员。"
        f"解除请发送“/alert close {alert.number} 已找到”。"
    )


def close_sent(alert: Alert) -> str:
    return f"第 {alert.number} 号全域联动已解除，已告诉所有人。"


def not_found(number: int) -> str:
    return f"没有第 {number} 号全域联动，请检查编号。"


def already_closed(alert: Alert) -> str:
    return f"第 {alert.number} 号全域联动已经解除了。"


def issue_not_found(number: int) -> str:
    return f"没有第 {number} 号问题，请检查编号。"


def issue_not_yours(number: int) -> str:
    return f"抱歉，第 {number} 号问题不在您负责的楼栋，请联系该楼栋长或网格员。"


def issue_already(alert: Alert, issue_number: int) -> str:
    state = "进行中" if alert.is_open else "已解除"
    return f"第 {issue_number} 号问题已经发起过全域联动（第 {alert.number} 号，{state}）。"


def open_list(alerts: list[Alert]) -> str:
    if not alerts:
        return "现在没有进行中的全域联动。\n" + USAGE
    lines = [f"第 {a.number} 号：{a.text[:40]}" for a in alerts]
    return "进行中的全域联动：\n" + "\n".join(lines)
