"""What the monthly report (晒事) says (Simplified Chinese), in one place."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import timedelta


@dataclass(frozen=True, slots=True)
class OpenItem:
    number: int
    label: str
    location: str | None
    days: int


@dataclass(slots=True)
class BuildingFigures:
    """One building's month (the office report adds them up)."""

    building: str
    received: int = 0
    resolved: int = 0
    ack_median: timedelta | None = None
    resolve_median: timedelta | None = None
    still_open: list[OpenItem] = field(default_factory=list)
    ratings: dict[int, int] = field(default_factory=dict)  # score -> count
    thanked: list[str] = field(default_factory=list)
    thanked_hidden: int = 0
    patrols_done: list[str] = field(default_factory=list)
    patrols_missed: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (
            self.received
            or self.resolved
            or self.still_open
            or self.ratings
            or self.thanked
            or self.thanked_hidden
            or self.patrols_done
            or self.patrols_missed
        )


def span(delta: timedelta) -> str:
    """``25 分钟``, ``3 小时 10 分钟``, ``2 天 4 小时`` (two units at most)."""
    minutes = max(int(delta.total_seconds() // 60), 0)
    days, rem = divmod(minutes, 1440)
    hours, mins = divmod(rem, 60)
    if days:
        return f"{days} 天" + (f" {hours} 小时" if hours else "")
    if hours:
        return f"{hours} 小时" + (f" {mins} 分钟" if mins else "")
    return f"{mins} 分钟" if mins else "不到 1 分钟"


def _issues_line(f: BuildingFigures) -> str:
    line = f"收到问题 {f.received} 件，办结 {f.resolved} 件"
    medians = []
    if f.ack_median is not None:
        medians.append(f"受理用时中位数 {span(f.ack_median)}")
    if f.resolve_median is not None:
        medians.append(f"办结用时中位数 {span(f.resolve_median)}")
    return line + ("；" + "，".join(medians) if medians else "") + "。"


def _open_line(f: BuildingFigures) -> str:
    if not f.still_open:
        return "目前没有未办结的问题。"
    shown = "、".join(
        f"第 {i.number} 号 {i.label}" + (f"（{i.location}）" if i.location else "")
        for i in f.still_open[:5]
    )
    more = f" 等 {len(f.still_open)} 件" if len(f.still_open) > 5 else ""
    return f"还未办结 {len(f.still_open)} 件：{shown}{more}。"


def _ratings_line(f: BuildingFigures) -> str | None:
    total = sum(f.ratings.values())
    if not total:
        return None
    good = f.ratings.get(3, 0)
    return (
        f"居民评价 {total} 条：满意 {good}，基本满意 {f.ratings.get(2, 0)}，"
        f"不满意 {f.ratings.get(1, 0)}（满意率 {round(good * 100 / total)}%）。"
    )


def _thanks_line(f: BuildingFigures) -> str | None:
    if f.thanked:
        others = f"等 {len(f.thanked) + f.thanked_hidden} 位邻居" if f.thanked_hidden else ""
        return f"邻家好人：{'、'.join(f.thanked)}{others}热心帮忙，谢谢！"
    if f.thanked_hidden:
        return f"邻家好人：{f.thanked_hidden} 位邻居热心帮忙，谢谢！"
    return None


def _counted(names: list[str]) -> str:
    """``消防巡查、卫生巡查 2 次``: each name once, with how often when more than once."""
    counts: dict[str, int] = {}
    for name in names:
        counts[name] = counts.get(name, 0) + 1
    return "、".join(f"{n} {c} 次" if c > 1 else n for n, c in counts.items())


def _patrol_line(f: BuildingFigures) -> str | None:
    parts = []
    if f.patrols_done:
        parts.append(f"按时完成 {_counted(f.patrols_done)}")
    if f.patrols_missed:
        parts.append(f"未按时完成 {_counted(f.patrols_missed)}")
    return f"定期巡查：{'；'.join(parts)}。" if parts else None


def building_report(month: int, f: BuildingFigures) -> str:
    lines = [f"【晒事】{f.building} {month}月工作报告", _issues_line(f), _open_line(f)]
    lines += [x for x in (_ratings_line(f), _thanks_line(f), _patrol_line(f)) if x]
    lines.append("有问题随时在群里说，我们一起把楼栋管好。")
    return "\n".join(lines)


def office_report(month: int, community: str, figures: Sequence[BuildingFigures]) -> str:
    total = BuildingFigures(community)
    for f in figures:
        total.received += f.received
        total.resolved += f.resolved
        total.still_open += f.still_open
        for score, n in f.ratings.items():
            total.ratings[score] = total.ratings.get(score, 0) + n
    lines = [
        f"【晒事】{community} {month}月工作报告（各楼栋）",
        f"全社区：收到问题 {total.received} 件，办结 {total.resolved} 件，"
        f"未办结 {len(total.still_open)} 件。",
    ]
    if rated := _ratings_line(total):
        lines.append(f"全社区{rated}")
    for f in figures:
        line = f"{f.building}：收到 {f.received}，办结 {f.resolved}，未办结 {len(f.still_open)}"
        if f.ack_median is not None:
            line += f"，受理中位数 {span(f.ack_median)}"
        if f.resolve_median is not None:
            line += f"，办结中位数 {span(f.resolve_median)}"
        unsatisfied = f.ratings.get(1, 0)
        if unsatisfied:
            line += f"，不满意 {unsatisfied} 条"
        if f.patrols_missed:
            line += f"，未按时巡查 {len(f.patrols_missed)} 次"
        lines.append(line + "。")
    return "\n".join(lines)
