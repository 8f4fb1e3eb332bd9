"""What the events feature says to residents (Simplified Chinese), in one place."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from storage.events import Event, Roster

WEEKDAYS = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")

USAGE = (
    "活动命令：\n"
    "活动 发布 时间 名称 在地点 [限N人] [发给 全体|楼栋]  发布活动（/event add）\n"
    "  例如：活动 发布 6月20日下午3点 邻居节 在中心广场 限30人\n"
    "活动  近期活动（/event list）\n"
    "活动 名单 编号  报名名单（/event who）\n"
    "活动 取消 编号  取消活动（/event cancel）\n"
    "报名 编号或活动名称（/join）  取消报名 编号（/leave）"
)

WHEN_NO_DATE = "请写上活动日期，例如“6月20日下午3点”“下周六 15:00”或“2026-06-20 15:00”。"
WHEN_NO_TIME = "请写上开始时间，例如“下午3点”或“15:00”。"
WHEN_BAD_DATE = "这个日期不存在，请检查后再发，例如“2026-06-20 15:00”。"
WHEN_BAD_TIME = "这个时间不对，请用 24 小时制，例如“15:00”。"
NO_TITLE = "请在时间后面写上活动名称，例如：活动 发布 6月20日下午3点 邻居节 在中心广场"
NOT_STAFF = "抱歉，只有楼栋长、网格员和社区管理员可以发布或取消活动。"
# Shown for someone who asked to be forgotten.
FORGOTTEN_NAME = "一位邻居"
ROSTER_STAFF_ONLY = "抱歉，活动的报名名单只有发起人、楼栋长、网格员和社区管理员可以查看。"
BAD_LIMIT = "人数限制请写正整数，例如“限30人”。"
NO_EVENTS = "近期没有活动。"


def when(start: datetime, now: datetime) -> str:
    """``6月20日（周六）15:00``; the year is shown only when it is not the current one."""
    year = f"{start.year}年" if start.year != now.year else ""
    return f"{year}{start.month}月{start.day}日（{WEEKDAYS[start.weekday()]}）{start:%H:%M}"


def when_ambiguous_hour(hour: int) -> str:
    return (
        f"“{hour}点”是上午还是下午？请写成“上午{hour}点”或“下午{hour}点”，"
        f"也可以写 24 小时制“{hour + 12}:00”。"
    )


WHEN_TOO_FAR = "活动时间太远了：只能发布一年以内的活动，请检查日期（例如 2026-06-20 15:00）。"


def when_past(start: datetime, now: datetime, explicit_year: bool) -> str:
    if not explicit_year:
        return (
            f"{start.month}月{start.day}日今年已经过去了。如果是指明年，请写上年份，"
            f"例如“{now.year + 1}年{start.month}月{start.day}日 {start:%H:%M}”。"
        )
    return f"{when(start, now)}已经过去了，请换一个以后的时间。"


def duration(delta: timedelta) -> str:
    """``1 天``, ``1 小时``, ``1 小时 30 分钟``, ``30 分钟`` (numbers spaced as in the issue
    texts)."""
    minutes = int(delta.total_seconds() // 60)
    days, rem = divmod(minutes, 1440)
    hours, mins = divmod(rem, 60)
    parts = [f"{days} 天" if days else "", f"{hours} 小时" if hours else ""]
    parts.append(f"{mins} 分钟" if mins else "")
    return " ".join(p for p in parts if p) or "不到 1 分钟"


def _place(event: Event) -> str:
    return f"\n地点：{event.place}" if event.place else ""


def _capacity(event: Event) -> str:
    return f"\n名额：{event.capacity} 人" if event.capacity else ""


def announcement(event: Event, start: datetime, now: datetime) -> str:
    organiser = f"\n发起人：{event.creator_name}" if event.creator else ""
    return (
        f"【社区活动】第 {event.number} 号：{event.title}\n"
        f"时间：{when(start, now)}{_place(event)}{_capacity(event)}{organiser}\n"
        f"想参加请回复“报名 {event.number}”。"
    )


def reminder(event: Event, start: datetime, now: datetime, before: timedelta, signed: int) -> str:
    tail = f"已报名 {signed} 人。" if signed else f"想参加请回复“报名 {event.number}”。"
    place = f"，地点：{event.place}" if event.place else ""
    return (
        f"【活动提醒】第 {event.number} 号活动“{event.title}”还有 {duration(before)}开始："
        f"{when(start, now)}{place}。{tail}"
    )


def created(event: Event, groups: Sequence[str]) -> str:
    return f"已发布第 {event.number} 号活动“{event.title}”，已通知：{'、'.join(groups)}。"


def not_found(number: int) -> str:
    return f"没有找到第 {number} 号活动，请检查编号。发送 /event list 查看近期活动。"


def is_cancelled(event: Event) -> str:
    return f"第 {event.number} 号活动“{event.title}”已取消。"


def has_started(event: Event) -> str:
    return f"第 {event.number} 号活动“{event.title}”已经开始或结束了，不能再报名。"


def not_for_you(event: Event) -> str:
    return f"第 {event.number} 号活动“{event.title}”只面向{'、'.join(event.buildings)}的居民。"


def head_only_own(buildings: Sequence[str]) -> str:
    return f"楼栋长只能给自己负责的楼栋发布活动（{'、'.join(buildings)}）。"


def unknown_building(name: str, known: Sequence[str]) -> str:
    return f"没有“{name}”这个楼栋。可以写：{'、'.join(known)}，或 to all（全社区）。"


def no_target() -> str:
    return "请写明发给哪些楼栋，例如“to 1号楼”，或“to all”发给全社区。"


def joined(event: Event, position: int) -> str:
    return (
        f"报名成功：第 {event.number} 号活动“{event.title}”，您是第 {position} 位。"
        f"不能参加请回复“取消报名 {event.number}”。"
    )


def waiting(event: Event, position: int) -> str:
    return (
        f"第 {event.number} 号活动“{event.title}”名额已满，已为您登记候补第 {position} 位。"
        "有人取消时我会通知您。"
    )


def already(event: Event, confirmed: bool, position: int) -> str:
    where = f"报名第 {position} 位" if confirmed else f"候补第 {position} 位"
    return f"您已经报过第 {event.number} 号活动“{event.title}”了（{where}）。"


def left(event: Event) -> str:
    return f"已为您取消第 {event.number} 号活动“{event.title}”的报名。"


def not_joined(event: Event) -> str:
    return f"您没有报名第 {event.number} 号活动“{event.title}”。"


def promoted(event: Event, start: datetime, now: datetime) -> str:
    return (
        f"好消息：第 {event.number} 号活动“{event.title}”有人取消报名，您已从候补转为正式报名。"
        f"时间：{when(start, now)}{('，地点：' + event.place) if event.place else ''}。"
        f"不能参加请回复“取消报名 {event.number}”。"
    )


def cancelled(event: Event, start: datetime, now: datetime) -> str:
    return (
        f"【活动取消】原定{when(start, now)}的第 {event.number} 号活动“{event.title}”取消了，"
        "给大家带来不便，敬请谅解。"
    )


def cancel_done(event: Event, notified: int) -> str:
    if not notified:
        return f"已取消第 {event.number} 号活动“{event.title}”，还没有人报名。"
    return f"已取消第 {event.number} 号活动“{event.title}”，已通知 {notified} 位报名的居民。"


def not_organiser(event: Event) -> str:
    return f"抱歉，只有第 {event.number} 号活动的发起人、负责的楼栋长、网格员或管理员可以这样做。"


def who(event: Event, roster: Roster) -> str:
    limit = f"/{event.capacity}" if event.capacity else ""
    head = f"第 {event.number} 号活动“{event.title}”报名名单（{len(roster.confirmed)}{limit}）："
    if not roster.everyone:
        return head + "\n还没有人报名。"
    lines = [head, *(f"{i}. {s.name or FORGOTTEN_NAME}" for i, s in enumerate(roster.confirmed, 1))]
    if roster.waiting:
        lines.append("候补：")
        lines.extend(f"{i}. {s.name or FORGOTTEN_NAME}" for i, s in enumerate(roster.waiting, 1))
    return "\n".join(lines)


def listing(items: Sequence[tuple[Event, datetime, int]], now: datetime) -> str:
    if not items:
        return NO_EVENTS
    lines = ["近期活动："]
    for event, start, signed in items:
        place = f" @{event.place}" if event.place else ""
        limit = f"/{event.capacity}" if event.capacity else ""
        lines.append(
            f"第 {event.number} 号 {when(start, now)} {event.title}{place}（已报名 {signed}{limit}）"
        )
    lines.append("报名请回复“报名 编号”。")
    return "\n".join(lines)


def overlap(event: Event, others: Sequence[tuple[Event, datetime]], now: datetime) -> str:
    listed = "；".join(f"第 {e.number} 号“{e.title}”（{when(start, now)}）" for e, start in others)
    return (
        f"提醒：第 {event.number} 号活动“{event.title}”和{listed}时间重叠，"
        f"参加的人可能会分散。如需改时间，请发“活动 取消 {event.number}”后重新发布。"
    )


def which_event(title: str, events: Sequence[tuple[Event, datetime]]) -> str:
    listed = "；".join(f"第 {e.number} 号（{start:%m月%d日 %H:%M}）" for e, start in events)
    return f"有几个“{title}”活动：{listed}。请回复“报名 编号”，例如“报名 {events[0][0].number}”。"


def no_such_title(title: str) -> str:
    return f"没有找到近期的“{title[:20]}”活动。发送“活动”查看近期活动，再回复“报名 编号”。"
