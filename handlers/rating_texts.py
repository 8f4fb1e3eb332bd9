"""What the ratings feature (评事) says (Simplified Chinese), in one place."""

from __future__ import annotations

from storage.issues import Issue
from storage.ratings import Score

SCORE_WORDS = {Score.SATISFIED: "满意", Score.FAIR: "基本满意", Score.UNSATISFIED: "不满意"}
NOTHING_TO_RATE = "您目前没有需要评价的问题。"
BAD_SCORE = "请写 1 到 3：3 满意，2 基本满意，1 不满意。例如“/rate 3 3”或“评价 3 满意”。"


def _what(issue: Issue, label: str) -> str:
    place = f"（{issue.location}）" if issue.location else ""
    return f"第 {issue.number} 号问题：{label}{place}"


def request(issue: Issue, label: str) -> str:
    n = issue.number
    return (
        f"{_what(issue, label)}已关闭。您对这次处理满意吗？\n"
        f"请直接回复“满意”“基本满意”或“不满意”，可以在后面写几句意见；"
        f"也可以回复“/rate {n} 3”（3 满意，2 基本满意，1 不满意）。"
    )


def thanks(issue: Issue, score: Score, changed: bool) -> str:
    word = SCORE_WORDS[score]
    again = "已更新" if changed else "已收到"
    if score is Score.UNSATISFIED:
        return (
            f"{again}您对第 {issue.number} 号问题的评价：{word}。很抱歉没有让您满意，"
            "已转告楼栋长和网格员，他们会联系您了解情况。"
        )
    return f"{again}您对第 {issue.number} 号问题的评价：{word}。谢谢您！"


def not_asked(number: int) -> str:
    return f"第 {number} 号问题还没有关闭，或不是您反映或关注的问题，暂时不能评价。"


def unsatisfied_notice(issue: Issue, label: str, name: str, comment: str | None) -> str:
    said = f"，意见：“{comment}”" if comment else ""
    return (
        f"【居民不满意】{_what(issue, label)}，{name}对处理结果不满意{said}。"
        f"请回访了解情况；需要时可发送“重开 {issue.number}”继续处理。"
    )


def more_waiting(numbers: list[int]) -> str:
    listed = "、".join(f"第 {n} 号" for n in numbers[:5])
    return f"\n您还有{listed}问题待评价，可以回复“/rate 编号 1-3”。"
