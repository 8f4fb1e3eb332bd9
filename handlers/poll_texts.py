"""What the polls feature (议事) says to residents (Simplified Chinese), in one place."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from handlers.event_texts import when
from storage.polls import Poll

USAGE = (
    "议事投票：\n"
    "/poll 问题 | 选项一 | 选项二 [| …] [截止 6月30日20点] [匿名]  发起投票（楼栋长、网格员）\n"
    "  例如：/poll 楼下空地做什么？ | 停车位 | 小花园 截止 6月30日20点\n"
    "/vote 编号 选项（投票 1 2）  投票，截止前可以改\n"
    "/poll 编号  查看票数    /poll  进行中的投票"
)
NEED_OPTIONS = "请用“|”隔开问题和至少两个选项，例如：/poll 楼下空地做什么？ | 停车位 | 小花园"
NO_QUESTION = "请先写投票的问题，例如：/poll 楼下空地做什么？ | 停车位 | 小花园"
EMPTY_OPTION = "选项不能是空的，请检查“|”之间的文字。"
DUPLICATE_OPTION = "有两个选项是一样的，请改一下再发。"
DEADLINE_NO_DATE = "请写清截止日期和时间，例如“截止 6月30日20点”或“截止 2026-06-30 20:00”。"
NOT_A_VOTER = "抱歉，只有本楼栋的居民可以参加这次投票。"
ANONYMOUS_IN_GROUP = "已收到您的投票（匿名投票，不公开您的选择）。下次可以私聊我投票。"
NO_OPEN_POLLS = "目前没有进行中的投票。"
WHICH_BUILDING = (
    "您负责多个楼栋，请在问题前写上楼栋，例如：/poll 1号楼 楼下空地做什么？ | 停车位 | 小花园"
)
FORGOTTEN_NAME = "一位邻居"


def too_many_options(limit: int) -> str:
    return f"选项最多 {limit} 个，请精简一下再发。"


def too_long(limit: int) -> str:
    return f"问题或选项太长了，请控制在 {limit} 个字以内。"


def deadline_problem(problem: str) -> str:
    return f"截止时间：{problem}"


def deadline_too_far(days: int) -> str:
    return f"截止时间最多在 {days} 天以后，请改一个近一点的时间。"


def not_found(number: int) -> str:
    return f"没有找到第 {number} 号投票，请检查编号。发送 /poll 可以查看进行中的投票。"


def not_yours(building: str) -> str:
    return f"抱歉，您只能为自己负责的楼栋发起投票（{building}不在其中）。"


def unknown_building(name: str, known: Sequence[str]) -> str:
    return f"没有叫“{name}”的楼栋。可选：{'、'.join(known)}。"


def not_your_building(poll: Poll) -> str:
    return f"抱歉，第 {poll.number} 号投票是{poll.building}的，只有该楼居民可以投票和查看。"


def bad_choice(poll: Poll) -> str:
    return (
        f"第 {poll.number} 号投票的选项是 1 到 {len(poll.options)}，"
        f"例如“投票 {poll.number} 1”表示选“{poll.options[0]}”。"
    )


def closed(poll: Poll) -> str:
    return f"第 {poll.number} 号投票已经截止，不能再投票了。"


def _options(poll: Poll) -> str:
    return "\n".join(f"{i}. {text}" for i, text in enumerate(poll.options, 1))


def announcement(poll: Poll, closes: datetime, now: datetime) -> str:
    how = (
        f"请私聊我回复“投票 {poll.number} 选项编号”，例如“投票 {poll.number} 1”。"
        "这是匿名投票，只公布票数。"
        if poll.anonymous
        else f"请回复“投票 {poll.number} 选项编号”，例如“投票 {poll.number} 1”。"
    )
    return (
        f"【楼栋议事】第 {poll.number} 号投票：{poll.question}\n"
        f"{_options(poll)}\n"
        f"截止：{when(closes, now)}\n"
        f"{how}截止前可以改票。本楼每位居民一票。"
    )


def started_elsewhere(poll: Poll) -> str:
    return f"已在{poll.building}群里发起第 {poll.number} 号投票：{poll.question}"


def voted(poll: Poll, choice: int, previous: int) -> str:
    option = poll.options[choice - 1]
    if previous == choice:
        return f"您在第 {poll.number} 号投票中已经选了“{option}”，不用再投。"
    if previous:
        return f"已改票：第 {poll.number} 号投票，您现在选的是“{option}”。"
    return f"已投票：第 {poll.number} 号投票，您选的是“{option}”。截止前可以改票。"


@dataclass(frozen=True, slots=True)
class Tally:
    """Counts per option (1-based order), voters and the building's known residents."""

    counts: tuple[int, ...]
    voters: int
    electorate: int
    names: tuple[tuple[str, ...], ...] = ()  # per option; empty for anonymous polls

    @property
    def turnout(self) -> float:
        return self.voters / self.electorate if self.electorate else 0.0


def _percent(value: float) -> str:
    return f"{round(value * 100)}%"


def _count_lines(poll: Poll, tally: Tally) -> str:
    lines = []
    for i, (text, count) in enumerate(zip(poll.options, tally.counts, strict=True), 1):
        share = f"（{_percent(count / tally.voters)}）" if tally.voters else ""
        line = f"{i}. {text}：{count} 票{share}"
        if tally.names and tally.names[i - 1]:
            shown = tally.names[i - 1][:20]
            more = f" 等 {len(tally.names[i - 1])} 人" if len(tally.names[i - 1]) > 20 else ""
            line += f" — {'、'.join(shown)}{more}"
        lines.append(line)
    return "\n".join(lines)


def _floor_percent(value: float) -> str:
    # Rounded down, so that a turnout short of the quorum never reads as reaching it.
    return f"{int(value * 100 + 1e-9)}%"


def _turnout(tally: Tally) -> str:
    return (
        f"参与：{tally.voters} 人，本楼已知居民 {tally.electorate} 人，"
        f"参与率 {_floor_percent(tally.turnout)}"
    )


def tally_so_far(poll: Poll, tally: Tally, closes: datetime, now: datetime) -> str:
    state = f"截止：{when(closes, now)}" if poll.is_open else "已截止"
    return (
        f"第 {poll.number} 号投票：{poll.question}\n{_count_lines(poll, tally)}\n"
        f"{_turnout(tally)}\n{state}"
    )


def verdict(poll: Poll, tally: Tally, quorum: float | None, majority: float) -> str:
    """Whether it carried, when the config sets a quorum; empty otherwise."""
    if quorum is None:
        return ""
    if tally.turnout < quorum:
        return f"参与率未达到 {_percent(quorum)}，本次投票不成立。"
    best = max(tally.counts)
    leaders = [i for i, c in enumerate(tally.counts) if c == best]
    if len(leaders) == 1 and tally.voters and best / tally.voters > majority:
        return f"结果：“{poll.options[leaders[0]]}”获得通过（超过 {_percent(majority)} 的票数）。"
    return f"没有选项超过 {_percent(majority)} 的票数，本次未通过。"


def result(poll: Poll, tally: Tally, quorum: float | None, majority: float) -> str:
    verdict_line = verdict(poll, tally, quorum, majority)
    return (
        f"【投票结果】第 {poll.number} 号：{poll.question}\n{_count_lines(poll, tally)}\n"
        f"{_turnout(tally)}" + (f"\n{verdict_line}" if verdict_line else "") + "\n谢谢大家参与！"
    )


def listing(items: Sequence[tuple[Poll, datetime]], now: datetime) -> str:
    lines = ["进行中的投票："]
    for poll, closes in items:
        lines.append(
            f"第 {poll.number} 号（{poll.building}）{poll.question} — 截止 {when(closes, now)}"
        )
    lines.append("查看票数：/poll 编号；投票：投票 编号 选项")
    return "\n".join(lines)
