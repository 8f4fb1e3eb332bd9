"""What the check-in feature (平安打卡) says, in one place."""

from __future__ import annotations

from datetime import datetime

from storage.checkins import Checkin

# (from hour, greeting) in order; the daily question greets by the time it is sent.
_GREETINGS = ((0, "您好"), (5, "早上好"), (11, "中午好"), (13, "下午好"), (18, "晚上好"))


def request(local: datetime) -> str:
    """The daily question (the issue's text: 早上好，今天一切都好吗？回复任何内容即可)."""
    greeting = next(g for hour, g in reversed(_GREETINGS) if local.hour >= hour)
    return f"{greeting}，今天一切都好吗？回复任何内容即可。"


USAGE = (
    "平安打卡（请私聊我办理）：\n"
    "/checkin add 编号 名字 [家属 编号] [时间 09:00] — 为独居老人登记，本人回复“好”后开通\n"
    "/checkin list — 查看登记\n"
    "/checkin pause 编号 3天 — 暂停几天（外出）\n"
    "/checkin resume 编号 — 恢复\n"
    "/checkin remove 编号 — 取消登记\n"
    "本人发送 /checkin stop 可以随时停止。"
)
ADD_USAGE = (
    "请这样登记：/checkin add 编号 名字 [家属 编号] [时间 09:00]，"
    "例如 /checkin add telegram:5551234 王奶奶 家属 telegram:5559876 时间 08:30。"
    "编号是对方在 /whoami 里看到的。"
)
BAD_ID = "“{token}”不像是一个编号，编号是对方发送 /whoami 看到的，例如 telegram:5551234。"
BAD_TIME = "时间请写 24 小时制，例如“时间 08:30”。"
NEED_NAME = "请写上对方的称呼，例如“王奶奶”。"
SELF = "不能为自己登记平安打卡，请让楼栋长或网格员来登记。"
PAUSE_USAGE = "请写上暂停几天，例如：/checkin pause 编号 3天（最多 90 天）。"
NOTHING = "还没有人登记平安打卡。"
STOP_NOTHING = "您没有开通平安打卡，不需要停止。"
STOPPED = "好的，已为您停止平安打卡，以后不再每天问候。需要时请联系楼栋长重新登记。"
CONSENT_NO = "好的，不为您开通。需要时请随时联系楼栋长。"
HEAD_ACK = "好的，谢谢您跟进。已记下，不再转告网格员。"
ANSWER_THANKS = "收到，祝您今天平安顺心！"
# Texts of the questions put to the person are answered with these words.
YES = frozenset({"好", "好的", "好啊", "好呀", "可以", "行", "同意", "嗯", "要", "yes", "ok"})
NO = frozenset({"不用", "不用了", "不要", "不了", "算了", "不", "不同意", "no"})
# A head's answer to a "no answer" notice in their private chat.
# (Not 收到: alone in a private chat the command grammar reads it as an issue number missing.)
HEAD_ANSWERS = frozenset(
    {"已联系", "已联系上", "联系上了", "好", "好的", "知道了", "平安", "没事", "没事了"}
)


def not_found(token: str) -> str:
    return f"没有找到“{token[:30]}”的平安打卡登记。发送 /checkin list 查看。"


def not_yours(c: Checkin) -> str:
    return f"抱歉，{c.name}的平安打卡由{c.head_name}负责，您不能修改。"


def already(c: Checkin) -> str:
    state = "已经开通" if c.active else "正在等本人回复"
    return f"{c.name}的平安打卡{state}（由{c.head_name}登记）。"


def consent_question(name: str, head_name: str, daily_at: str, window: str, family: bool) -> str:
    who = f"{head_name}和您的家属，请他们" if family else f"{head_name}，请她/他"
    return (
        f"{name}您好！楼栋长{head_name}想为您开通“平安打卡”：每天 {daily_at} 我私信问候您一次，"
        f"您回复任何内容就算报了平安；{window}内没有回复，我会告诉{who}看看您。\n"
        f"同意请回复“好”，不需要请回复“不用”。以后发送 /checkin stop 可以随时停止。"
    )


def asked(c: Checkin) -> str:
    return f"已私信询问{c.name}，对方回复“好”后才会开通，我会告诉您结果。"


def enrolled_person(c: Checkin) -> str:
    return (
        f"好的，已为您开通平安打卡。每天 {c.daily_at} 我会问候您，回复任何内容就行。"
        f"出远门前请告诉{c.head_name}暂停。发送 /checkin stop 可以随时停止。"
    )


def enrolled_head(c: Checkin) -> str:
    return f"{c.name}已同意平安打卡，每天 {c.daily_at} 问候。发送 /checkin list 可以查看。"


def declined_head(c: Checkin) -> str:
    return f"{c.name}暂时不需要平安打卡，没有开通。"


def consent_expired(c: Checkin, valid: str) -> str:
    return f"{c.name}在{valid}内没有回复，平安打卡没有开通。需要时可以重新登记。"


def stopped_head(c: Checkin) -> str:
    return f"{c.name}自己停止了平安打卡，以后不再每天问候。"


def removed(c: Checkin) -> str:
    return f"已取消{c.name}的平安打卡，不再每天问候。"


def removed_person(c: Checkin) -> str:
    return f"{c.name}您好，{c.head_name}已为您停止平安打卡，以后不再每天问候。"


def paused(c: Checkin, until: datetime) -> str:
    return (
        f"好的，{c.name}的平安打卡暂停到{until.month}月{until.day}日 {until:%H:%M}，之后自动恢复。"
    )


def resumed(c: Checkin) -> str:
    return f"已恢复{c.name}的平安打卡，每天 {c.daily_at} 问候。"


def _time(at: datetime) -> str:
    return f"{at.month}月{at.day}日 {at:%H:%M}"


def _span(asked_at: datetime, now: datetime) -> tuple[str, str]:
    """``今天 08:30`` / ``10:30``, with dates when the two are not on the same day."""
    if asked_at.date() == now.date():
        return f"今天 {asked_at:%H:%M}", f"{now:%H:%M}"
    return _time(asked_at), _time(now)


def missed(c: Checkin, asked_at: datetime, now: datetime, reason: str | None) -> str:
    """To the head (and family): the person did not answer, or a device saw no sign of life."""
    if reason is None:
        asked, until = _span(asked_at, now)
        what = f"{asked} 的平安打卡，到 {until} 还没有回复"
    else:
        what = f"{reason}（{_time(asked_at)}）"
    return (
        f"【平安打卡】{c.name}{_where(c)}{what}。请打个电话或上门看看。"
        f"联系上了请回复“已联系”。如遇紧急情况请直接拨打 120 或 110。"
    )


def missed_family(c: Checkin, asked_at: datetime, now: datetime, reason: str | None) -> str:
    if reason is None:
        asked, until = _span(asked_at, now)
        what = f"{asked} 的平安问候，到 {until} 还没有回复"
    else:
        what = f"{reason}（{_time(asked_at)}）"
    return (
        f"【平安打卡】您的家人{c.name}{what}，已同时告诉楼栋长{c.head_name}。"
        f"方便的话请联系一下。如遇紧急情况请直接拨打 120 或 110。"
    )


def escalated(c: Checkin, missed_at: datetime, waited: str, reason: str | None) -> str:
    what = "没有回复平安打卡" if reason is None else reason
    return (
        f"【平安打卡·转告网格员】{c.name}{_where(c)}{what}。"
        f"{_time(missed_at)} 已告诉楼栋长{c.head_name}，{waited}内没有回音。"
        f"请尽快联系或上门查看。如遇紧急情况请直接拨打 120 或 110。"
    )


def escalated_head(c: Checkin) -> str:
    return f"{c.name}的平安打卡提醒您还没有回复，已转告网格员。联系上了请回复“已联系”。"


def answered_late(c: Checkin) -> str:
    return f"【平安打卡】{c.name}刚刚回复了，平安。谢谢关心！"


def _where(c: Checkin) -> str:
    return f"（{c.building}）" if c.building else ""


def listing(items: list[tuple[Checkin, str]]) -> str:
    lines = [
        f"{n}. {c.name}（{c.person}）每天 {c.daily_at}{state}"
        for n, (c, state) in enumerate(items, 1)
    ]
    return "平安打卡登记：\n" + "\n".join(lines)


def state_of(c: Checkin, now: datetime, local: datetime | None) -> str:
    """Short state for the listing: waiting for consent, paused, answered today…"""
    parts = []
    if c.family:
        parts.append(f"家属 {c.family}")
    if not c.active:
        parts.append("等本人回复“好”")
    elif c.paused(now) and c.paused_until is not None and local is not None:
        parts.append(f"暂停到{local.month}月{local.day}日")
    elif c.missed_open:
        parts.append("未回复，已提醒")
    elif c.request_open:
        parts.append("今天还没回复")
    elif c.request_at is not None:
        parts.append("已报平安")
    return "；" + "；".join(parts) if parts else ""
