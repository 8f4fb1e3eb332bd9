"""What residents and staff read about issues (Simplified Chinese, short and polite)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo

from bot.records import quick_init
from storage.issues import Issue, IssueStatus, LogEntry

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

ACTION_LABELS = {
    "report": "报告",
    "merge": "同类反映",
    "urgent": "升级为紧急",
    "follow": "关注",
    "ack": "受理",
    "assign": "指派",
    "progress": "进展",
    "wait": "等待",
    "resolve": "办结",
    "reject": "驳回",
    "escalate": "上报",
    "auto_escalate": "超时上报",
    "confirm": "确认修好",
    "reopen": "重开",
    "auto_close": "自动关闭",
}


# What the building group and the reporter read about each state ("第 6 号问题已经关闭了").
STATE_PHRASES = {
    IssueStatus.NEW: "还没有受理",
    IssueStatus.ACKNOWLEDGED: "已经受理了",
    IssueStatus.IN_PROGRESS: "正在处理中",
    IssueStatus.WAITING: "正在等待第三方",
    IssueStatus.RESOLVED: "已经办结了",
    IssueStatus.CLOSED: "已经关闭了",
    IssueStatus.DUPLICATE: "已经合并到别的问题里了",
    IssueStatus.REJECTED: "已经驳回了",
}

# Per category: the follow-up question after /resolve and what "not done" is called, so that
# noise or rubbish is not asked whether it is "修好" (reviewed in tests/issues/test_issue_texts_table.py).
FOLLOW_UPS: dict[str, tuple[str, str, str]] = {
    # category: (question, "yes, done", "not done")
    "fire_safety": ("隐患消除了吗", "消除了", "隐患还在"),
    "elevator": ("电梯修好了吗", "修好了", "电梯还没修好"),
    "lighting": ("灯修好了吗", "修好了", "灯还没修好"),
    "power": ("来电了吗", "来电了", "还没来电"),
    "water": ("供水恢复了吗", "恢复了", "还没恢复"),
    "drainage": ("排水通了吗", "通了", "还是堵着"),
    "sanitation": ("清理干净了吗", "干净了", "还没清理干净"),
    "noise": ("噪音停了吗", "停了", "噪音还在"),
    "parking": ("车挪走了吗", "挪走了", "车还没挪走"),
    "security": ("隐患处理好了吗", "处理好了", "还没处理好"),
    "greening": ("处理好了吗", "处理好了", "还没处理好"),
    "facilities": ("修好了吗", "修好了", "还没修好"),
    "dispute": ("协调好了吗", "协调好了", "还没解决"),
    "property": ("解决了吗", "解决了", "还没解决"),
    "pets": ("解决了吗", "解决了", "还没解决"),
}
DEFAULT_FOLLOW_UP = ("解决了吗", "解决了", "还没解决")
# Categories whose "not done" is a repair: the reply is "还没修好 N", otherwise "还没解决 N"
# (both are aliases of /reopen).
REPAIRS = frozenset({"elevator", "lighting", "facilities"})
LEVEL_NAMES = {1: "网格员", 2: "社区"}


def follow_up(issue: Issue) -> tuple[str, str, str, str]:
    """(question, "done", "not done", the reopen words to reply) for the issue's category."""
    question, done, not_done = FOLLOW_UPS.get(issue.category, DEFAULT_FOLLOW_UP)
    reply = "还没修好" if issue.category in REPAIRS else "还没解决"
    return question, done, not_done, f"{reply} {issue.number}"


def where(issue: Issue) -> str:
    return f"（{issue.location}）" if issue.location else ""


_HALF_TO_FULL = str.maketrans({",": "，", ":": "：", ";": "；", "?": "？", "!": "！"})


def tidy(note: str) -> str:
    """Chinese punctuation back in a note (commands are NFKC-normalised, which turns ，into ,)."""
    if any("\u4e00" <= ch <= "\u9fff" for ch in note):
        return note.translate(_HALF_TO_FULL)
    return note


def with_note(note: str | None) -> str:
    """``：NOTE。`` (or just ``。``) to end a sentence with an optional note."""
    if not note:
        return "。"
    return f"：{note}" + ("" if note[-1] in "。！？.!?" else "。")


def what(issue: Issue, label: str) -> str:
    """``照明，3单元`` — the category and the place, for use inside brackets."""
    return f"{label}，{issue.location}" if issue.location else label


def clock(at: datetime, tz: tzinfo) -> str:
    """``5月4日 09:00``, written like the dates of events and help offers."""
    local = at.astimezone(tz)
    return f"{local.month}月{local.day}日 {local:%H:%M}"


def duration(span: timedelta) -> str:
    minutes = max(int(span.total_seconds() // 60), 0)
    if minutes < 60:
        return f"{minutes} 分钟"
    hours, rest = divmod(minutes, 60)
    if hours < 48:
        return f"{hours} 小时" + (f" {rest} 分钟" if rest else "")
    return f"{hours // 24} 天"


def summary(issue: Issue, label: str) -> str:
    urgent = "【紧急】" if issue.urgent else ""
    # "1号楼后面路灯不亮" in 1号楼's group: the place is the building, say it once.
    place = label if issue.location == issue.building else what(issue, label)
    return f"{urgent}第 {issue.number} 号问题（{issue.building}，{place}）"


# --- reports ---------------------------------------------------------------------------


def created(issue: Issue, label: str) -> str:
    if issue.urgent:
        return (
            f"【紧急】已记录为第 {issue.number} 号问题：{label}{where(issue)}，"
            f"已立即通知楼栋长和网格员。如有人身危险，请马上拨打 119（火警）、"
            f"120（急救）或 110（报警）。"
        )
    return (
        f"已记录为第 {issue.number} 号问题：{label}{where(issue)}。"
        f"已通知楼栋长，处理进展会在这里告诉您。"
    )


def urgent_alert(issue: Issue, label: str) -> str:
    return (
        f"{summary(issue, label)}刚刚报告。"
        f"原话：“{issue.text[:80]}”（{issue.reporter_name}）。"
        f"请尽快到场或联系处置，受理请回复“收到 {issue.number}”。"
    )


def merged_urgent(issue: Issue, label: str) -> str:
    """A report that made an ordinary issue urgent (``issue`` is already urgent)."""
    return (
        f"【紧急】已并入第 {issue.number} 号问题（{what(issue, label)}），并升级为紧急，"
        f"已立即通知楼栋长和网格员。如有人身危险，请马上拨打 119（火警）、"
        f"120（急救）或 110（报警）。"
    )


def urgent_upgrade_alert(issue: Issue, label: str, text: str, name: str) -> str:
    ask = f"受理请回复“收到 {issue.number}”。" if issue.status is IssueStatus.NEW else ""
    return (
        f"{summary(issue, label)}有人报告了紧急情况：“{text[:80]}”（{name}）。"
        f"请尽快到场或联系处置。{ask}"
    )


def merged(issue: Issue, label: str) -> str:
    same = (
        f"这和第 {issue.number} 号问题（{what(issue, label)}，{STATUS_LABELS[issue.status]}）"
        f"是同一件事，已把您加为关注人，有进展会一起通知您。"
    )
    if issue.urgent:
        return f"【紧急】{same}如有人身危险，请马上拨打 119（火警）、120（急救）或 110（报警）。"
    return same


NO_BUILDING = "请在楼栋群里发送，或先在楼栋群里说句话，我才知道您住哪栋楼。"


def report_which_building(buildings: tuple[str, ...] | list[str]) -> str:
    example = buildings[0] if buildings else "1号楼"
    return (
        f"您负责 {'、'.join(buildings)}，请写明是哪栋楼，"
        f"例如：/report {example} 3单元门口垃圾没人清"
    )


REPORT_EMPTY = "请在 /report 后面写上问题，例如：/report 3单元楼道灯坏了"


# --- status changes (to the reporter and followers, in the group) ------------------------


def acknowledged(issue: Issue, by: str) -> str:
    return f"第 {issue.number} 号问题已由{by}受理，会尽快处理。"


def assigned(issue: Issue, by: str, who: str) -> str:
    return f"第 {issue.number} 号问题已由{by}交给{who}处理。"


def progress(issue: Issue, by: str, note: str) -> str:
    return f"第 {issue.number} 号问题有新进展（{by}）：{note}"


def waiting(issue: Issue, by: str, note: str) -> str:
    return f"第 {issue.number} 号问题正在等待：{note}（{by}）。等待期间不计入办理时限。"


def resolved(issue: Issue, by: str, note: str | None) -> str:
    _, _, not_done, reply = follow_up(issue)
    return f"第 {issue.number} 号问题已由{by}办结{with_note(note)}如果{not_done}，请回复“{reply}”。"


def rejected(issue: Issue, by: str, reason: str) -> str:
    return f"抱歉，第 {issue.number} 号问题不予受理（{by}）：{reason}"


def escalated(issue: Issue, by: str, to: str) -> str:
    return f"第 {issue.number} 号问题已由{by}上报{to}。"


def numbers(ns: list[int]) -> str:
    """``第 1、2 号``."""
    return "第 " + "、".join(str(n) for n in ns) + " 号"


def escalated_neutral(ns: list[int], to: str) -> str:
    """The building group's one line about escalations (only with ``group_notice = "neutral"``):
    no waiting time, no blame."""
    return f"{numbers(ns)}问题已请{to}协助跟进，有进展会在群里告诉大家。"


def confirmed(issue: Issue) -> str:
    return f"第 {issue.number} 号问题已确认修好，已关闭。谢谢反馈！"


def reopened(issue: Issue, by: str, note: str | None) -> str:
    return (
        f"第 {issue.number} 号问题已重新打开（{by}反映还没修好）{with_note(note)}楼栋长会继续跟进。"
    )


def auto_closed(issue: Issue) -> str:
    return f"第 {issue.number} 号问题办结后没有收到反馈，已自动关闭。如仍有问题请重新反映。"


def ask_confirm(issue: Issue, label: str) -> str:
    question, done, not_done, reply = follow_up(issue)
    return (
        f"您反映的第 {issue.number} 号问题（{what(issue, label)}）已办结，{question}？"
        f"{done}请回复“确认 {issue.number}”，{not_done}请回复“{reply}”。"
    )


# Named when the actor writes from another platform than the issue's group.
GROUP_OF_PLATFORM = {"telegram": "Telegram 群", "wechat": "微信群"}


def done_for_actor(issue: Issue, status: IssueStatus, group_elsewhere: str | None = None) -> str:
    """``group_elsewhere``: the platform of the issue's group when the actor is on another."""
    where = GROUP_OF_PLATFORM.get(group_elsewhere or "", "群")
    return f"好的，第 {issue.number} 号问题{STATE_PHRASES[status]}，已在{where}里同步。"


def followed(issue: Issue) -> str:
    return f"已关注第 {issue.number} 号问题，有进展会通知您。"


def already_following(issue: Issue) -> str:
    return f"您已经在关注第 {issue.number} 号问题了。"


# --- staff: reminders, escalations, digest ------------------------------------------------


_MINUTE = timedelta(minutes=1)


@quick_init
@dataclass(frozen=True, slots=True)
class Waited:
    """How long an issue has waited: ``real`` time and ``waking`` time (quiet hours left out)."""

    since: datetime
    real: timedelta
    waking: timedelta
    tz: tzinfo

    @property
    def over_night(self) -> bool:
        return self.real - self.waking >= _MINUTE


def waited(w: Waited) -> str:
    """``已等待 30 分钟``; over a night it does not count the night against the head."""
    if not w.over_night:
        return f"已等待 {duration(w.real)}"
    if w.waking < _MINUTE:
        return f"是 {clock(w.since, w.tz)} 报告的"
    return f"{clock(w.since, w.tz)} 报告，不算夜间已等待 {duration(w.waking)}"


def _said(issue: Issue) -> str:
    return f"原话：“{issue.text[:60]}”（{issue.reporter_name}）"


def ack_reminder(issue: Issue, label: str, w: Waited) -> str:
    return (
        f"提醒：{summary(issue, label)}{waited(w)}，还没有受理。{_said(issue)}。"
        f"受理请回复“收到 {issue.number}”。"
    )


def numbers_of(items: list[tuple[Issue, str, Waited]]) -> str:
    return " ".join(str(i.number) for i, _, _ in items)


def ack_reminders(items: list[tuple[Issue, str, Waited]]) -> str:
    """One reminder for one issue or a list of several."""
    if len(items) == 1:
        return ack_reminder(*items[0])
    lines = [f"· {summary(i, label)}{waited(w)}。{_said(i)}" for i, label, w in items]
    return (
        f"提醒：有 {len(items)} 个问题还没有受理：\n"
        + "\n".join(lines)
        + f"\n受理请回复“收到 编号”，几个一起也行，例如“收到 {numbers_of(items)}”。"
    )


def _unacked(w: Waited) -> str:
    if not w.over_night:
        return f"报告后 {duration(w.real)}仍未受理"
    return f"{waited(w)}，仍未受理"


def escalations(items: list[tuple[Issue, str, Waited]]) -> str:
    """The automatic 吹哨 for one issue or a list of several."""
    if len(items) == 1:
        issue, label, w = items[0]
        return f"【吹哨】{summary(issue, label)}{_unacked(w)}，请督办。{_said(issue)}。"
    lines = [f"· {summary(i, label)}{waited(w)}。{_said(i)}" for i, label, w in items]
    return f"【吹哨】有 {len(items)} 个问题仍未受理，请督办：\n" + "\n".join(lines)


def escalation(
    issue: Issue, label: str, waited: timedelta, manual_by: str | None, note: str | None = None
) -> str:
    why = f"{manual_by}上报" if manual_by else f"报告后 {duration(waited)}仍未受理"
    said = f"{manual_by}说明：{note}。" if manual_by and note else ""
    return f"【吹哨】{summary(issue, label)}{why}，请督办。{said}{_said(issue)}。"


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of an escalated issue, for whoever it was escalated to."""

    issue: Issue
    label: str
    outcome: str  # ack | resolve | reject
    by: str
    note: str | None


def _outcome_line(o: Outcome) -> str:
    head = summary(o.issue, o.label)
    if o.outcome == "resolve":
        return f"{head}已由{o.by}办结{with_note(o.note)}"
    if o.outcome == "reject":
        return f"{head}已由{o.by}驳回{with_note(o.note)}"
    return f"{head}已由{o.by}受理。"


def outcomes(items: list[Outcome]) -> str:
    """督办结果: whoever an issue was escalated to hears how it ended."""
    if len(items) == 1:
        return f"督办结果：{_outcome_line(items[0])}谢谢跟进！"
    return "督办结果：\n" + "\n".join(f"· {_outcome_line(o)}" for o in items) + "\n谢谢跟进！"


def reopened_for_staff(issue: Issue, label: str, note: str | None) -> str:
    return f"{summary(issue, label)}有人反映还没修好，已重新打开{with_note(note)}请继续跟进。"


def list_line(issue: Issue, label: str, tz: tzinfo, overdue: bool) -> str:
    mark = "【超时】" if overdue else ""
    urgent = "【紧急】" if issue.urgent else ""
    return (
        f"{mark}{urgent}#{issue.number} {issue.building} {label}{where(issue)}"
        f" {STATUS_LABELS[issue.status]}，{clock(issue.created_at, tz)} 报告"
    )


def open_list(lines: list[str]) -> str:
    if not lines:
        return "您负责的楼栋目前没有未办结的问题。"
    return f"未办结的问题（{len(lines)} 个，最早的在前）：\n" + "\n".join(lines)


def my_list(lines: list[str]) -> str:
    if not lines:
        return "您还没有报告或关注的问题。"
    return "您报告或关注的问题：\n" + "\n".join(lines)


def my_line(issue: Issue, label: str) -> str:
    return f"#{issue.number} {label}{where(issue)} {STATUS_LABELS[issue.status]}"


def show(
    issue: Issue,
    label: str,
    tz: tzinfo,
    due: datetime,
    overdue: bool,
    followers: int,
    log: list[LogEntry],
) -> str:
    lines = [
        f"{summary(issue, label)}：{STATUS_LABELS[issue.status]}" + ("【超时】" if overdue else ""),
        f"报告：{issue.reporter_name}，{clock(issue.created_at, tz)}：“{issue.text[:100]}”",
    ]
    if issue.assignee:
        lines.append(f"负责人：{issue.assignee}")
    if issue.note:
        lines.append(f"说明：{issue.note}")
    if issue.is_open:
        paused = "（等待中，暂停计时）" if issue.status is IssueStatus.WAITING else ""
        lines.append(f"办理时限：{clock(due, tz)}{paused}")
    lines.append(f"关注：{followers} 人")
    for entry in log[-6:]:
        note = f"：{entry.note}" if entry.note else ""
        lines.append(
            f"· {clock(entry.at, tz)} {ACTION_LABELS.get(entry.action, entry.action)}{note}"
        )
    return "\n".join(lines)


def digest(day: str, lines: list[str], overdue: int, waiting: int) -> str:
    """``day`` comes as ``05-05``; it is shown as ``5月5日`` like every other date."""
    month, _, dom = day.partition("-")
    if month.isdigit() and dom.isdigit():
        day = f"{int(month)}月{int(dom)}日"
    return (
        f"{day}早报：未办结 {len(lines)} 个，其中超时 {overdue} 个、等待中 {waiting} 个。\n"
        + "\n".join(lines)
    )


# --- refusals -------------------------------------------------------------------------------


def not_found(number: int) -> str:
    return f"没有找到第 {number} 号问题，请核对编号。"


def not_yours(number: int) -> str:
    return f"抱歉，第 {number} 号问题不属于您负责的楼栋，无法操作。"


def wrong_state(issue: Issue, action: str) -> str:
    """Why ``action`` (受理, 再受理, 指派, 确认, 重开…) does not fit the issue's state, in
    plain words: "第 6 号问题已经受理过了。"."""
    n, state, verb = issue.number, STATE_PHRASES[issue.status], action.removeprefix("再")
    handled = (IssueStatus.ACKNOWLEDGED, IssueStatus.IN_PROGRESS, IssueStatus.WAITING)
    if verb == "受理" and issue.status in handled:
        now = "" if issue.status is IssueStatus.ACKNOWLEDGED else f"，现在{state}"
        return f"第 {n} 号问题已经受理过了{now}。"
    if verb == "重开" and issue.is_open:
        return f"第 {n} 号问题还没有办结，不用重开；有新情况可以直接在群里说。"
    if verb == "确认":
        return f"第 {n} 号问题{state}，不用再确认了。"
    if issue.status is IssueStatus.RESOLVED:
        _, _, not_done, reply = follow_up(issue)
        return f"第 {n} 号问题{state}，不能再{verb}了。如果{not_done}，请回复“{reply}”。"
    again = "如果问题又出现了，请重新反映。" if not issue.is_open else ""
    return f"第 {n} 号问题{state}，不能再{verb}了。{again}"


def only_reporter(number: int) -> str:
    return f"抱歉，只有第 {number} 号问题的报告人或楼栋长可以这样做。"


def other_building(number: int) -> str:
    return f"抱歉，第 {number} 号问题不是您所在楼栋的。"


def needs_text(what: str, usage: str) -> str:
    return f"请写上{what}，例如：{usage}"


STAFF_ONLY = "抱歉，这个命令需要楼栋长、网格员或社区管理员来用。"
NO_ESCALATION_TARGET = "没有可以上报的对象，请联系社区管理员配置网格员或社区群。"
