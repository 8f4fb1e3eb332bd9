"""What the patrols feature (定期巡) says (Simplified Chinese), in one place."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from handlers.event_texts import when
from storage.patrols import Answer, PatrolRound

USAGE = (
    "巡查回复：巡查 编号 然后逐项写“好”或“坏:情况”，例如：巡查 1 好 好 坏:3楼应急灯不亮 好\n"
    "也可以一项一项回复：巡查 1 第3项 坏:3楼应急灯不亮\n"
    "/patrol  查看待完成的巡查"
)
NOT_STAFF = "抱歉，巡查由本楼栋的楼栋长、网格员或社区管理员填写。"
NO_OPEN = "目前没有待完成的巡查。"
FORGOT_NOTE = "（未写明情况）"


def _items(checklist: Sequence[str]) -> str:
    return "\n".join(f"{i}. {item}" for i, item in enumerate(checklist, 1))


def example(r: PatrolRound) -> str:
    words = ["好"] * len(r.checklist)
    if len(words) > 1:
        words[-2] = "坏:情况"
    return f"巡查 {r.number} {' '.join(words)}"


def reminder(r: PatrolRound, due: datetime, now: datetime) -> str:
    return (
        f"【定期巡查】第 {r.number} 号：{r.patrol}（{r.building}），请在{when(due, now)}前完成。\n"
        f"检查项：\n{_items(r.checklist)}\n"
        f"查完请逐项回复“好”或“坏:情况”，例如：{example(r)}\n"
        f"也可以一项一项回复，例如“巡查 {r.number} 第1项 好”。有问题的项会登记为本楼的问题。"
    )


def overdue(r: PatrolRound, due: datetime, now: datetime) -> str:
    left = "、".join(r.checklist[i - 1] for i in r.unanswered)
    return (
        f"提醒：第 {r.number} 号巡查（{r.patrol}，{r.building}）应在{when(due, now)}前完成，"
        f"还没有完成（待查：{left}）。请尽快巡查并回复，例如：{example(r)}"
    )


def escalated(r: PatrolRound, due: datetime, now: datetime, head: str) -> str:
    return (
        f"【巡查超时】第 {r.number} 号巡查（{r.patrol}，{r.building}）应在{when(due, now)}前完成，"
        f"至今未完成（楼栋长：{head}）。请跟进。"
    )


def not_found(number: int) -> str:
    return f"没有找到第 {number} 号巡查，请检查编号。发送 /patrol 可以查看待完成的巡查。"


def not_yours(r: PatrolRound) -> str:
    return f"抱歉，第 {r.number} 号巡查是{r.building}的，由该楼的楼栋长或网格员填写。"


def already_done(r: PatrolRound) -> str:
    return f"第 {r.number} 号巡查已经完成，谢谢！"


def bad_answer(r: PatrolRound, token: str) -> str:
    return (
        f"“{token[:20]}”没看懂。请对每一项写“好”或“坏:情况”，"
        f"第 {r.number} 号巡查共 {len(r.checklist)} 项，例如：{example(r)}"
    )


def too_many(r: PatrolRound) -> str:
    return f"第 {r.number} 号巡查只有 {len(r.checklist)} 项，回复多了，请检查后再发。"


def bad_item(r: PatrolRound) -> str:
    return f"第 {r.number} 号巡查的检查项是 1 到 {len(r.checklist)}。"


def progress(r: PatrolRound) -> str:
    left = "、".join(f"{i}. {r.checklist[i - 1]}" for i in r.unanswered)
    return f"已记下第 {r.number} 号巡查的回复。还差：{left}。"


def finished(r: PatrolRound, failed: Sequence[tuple[str, Answer]], issues: Sequence[int]) -> str:
    total = len(r.checklist)
    if not failed:
        return f"第 {r.number} 号巡查（{r.patrol}）已完成：{total} 项全部正常，辛苦了！"
    numbers = "、".join(f"第 {n} 号" for n in issues)
    listed = "；".join(f"{item}：{a.note or FORGOT_NOTE}" for item, a in failed)
    return (
        f"第 {r.number} 号巡查（{r.patrol}）已完成：{total} 项中 {total - len(failed)} 项正常，"
        f"{len(failed)} 项有问题（{listed}），已登记为{numbers}问题，辛苦了！"
    )


def issue_text(item: str, answer: Answer) -> str:
    """The report filed for a failed item."""
    return f"{answer.note}（巡查：{item}）" if answer.note else f"巡查发现{item}不合格"


def listing(rounds: Sequence[PatrolRound], dues: Sequence[datetime], now: datetime) -> str:
    lines = ["待完成的巡查："]
    for r, due in zip(rounds, dues, strict=True):
        done = len(r.checklist) - len(r.unanswered)
        lines.append(
            f"第 {r.number} 号 {r.patrol}（{r.building}），已查 {done}/{len(r.checklist)} 项，"
            f"{when(due, now)}前完成"
        )
    return "\n".join(lines)
