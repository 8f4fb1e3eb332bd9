"""What residents and staff read about sensitive messages and staff corrections."""

from __future__ import annotations

from storage.issues import Issue

SENSITIVE_TO_SENDER = (
    "您好，看到您刚才的消息，我们很关心您和家人的安全。"
    "如果有人正受到伤害或有生命危险，请立即拨打 110 报警，需要急救请拨打 120。"
    "我已私下告诉楼栋长和网格员，他们会尽快私下联系您。这件事不会在群里公开。"
)


def sensitive_to_staff(building: str | None, name: str, text: str) -> str:
    where = f"{building}群里" if building else "私聊中"
    return (
        f"【私下提醒，请勿在群里转发】{where}{name}的一条消息可能涉及家庭暴力、孩子受伤害或轻生："
        f"“{text[:200]}”。请尽快私下联系、关心，必要时拨打 110 / 120。"
    )


def not_an_issue(issue: Issue) -> str:
    return f"抱歉，刚才把这条消息误记成了第 {issue.number} 号问题，已经撤销，您不用做什么。"


def not_an_issue_done(issue: Issue) -> str:
    return f"已撤销第 {issue.number} 号问题，我会记住这类消息不是问题。"


def recategorised(issue: Issue, label: str) -> str:
    return f"第 {issue.number} 号问题的类别已改为：{label}。"


def unknown_category(word: str, labels: list[str]) -> str:
    return f"没有“{word}”这个类别。可选：{'、'.join(labels)}。"


RECAT_USAGE = "请写上编号和类别，例如：/recat 3 供水"
NOTISSUE_STATE = "这个问题已经处理完或撤销了，不能再撤销。"
REPLY_NOT_FOUND = "找不到您回复的那条消息（可能太早了），请用 /report 加上问题描述来报告。"
REPLY_NOT_A_RESIDENT = "那条消息是工作人员发的，请直接用 /report 加上问题描述来报告。"
