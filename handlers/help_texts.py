"""What the help feature says to residents (Simplified Chinese, short and polite)."""

from __future__ import annotations

import re
from datetime import date

OFFER_USAGE = "请写上您能帮忙的事，例如：/offer 缝纫 修电脑 周末有空"
OFFER_NOTHING = "您还没有登记能帮忙的事。发送 /offer 技能 登记，例如：/offer 缝纫 周末有空"
OFFER_REMOVE_USAGE = "请写上要撤下的编号或技能，例如：/offer remove 2，或 /offer remove 全部"
NEED_USAGE = "请说说需要什么帮忙，例如：/need 明天上午想请人陪我妈去医院"
NO_PENDING = "现在没有需要您确认的事。"
CONSENT_NO = "好的，不登记。以后想登记，随时发送 /offer 加上您能帮忙的事。"
CONTACT_IN_GROUP = "为保护隐私，联系方式请私聊我设置（发送 /contact 电话 号码），不要发在群里。"
CONTACT_CLEARED = "好的，已清除。有邻居和您对接时，我会请对方通过私聊联系您。"
OFFER_HAS_NUMBER = (
    "为了保护您的隐私，登记帮忙时请不要写电话号码。"
    "想让对接的邻居联系到您，请私聊我发送“/contact 电话 号码”，只有对接成功时才会告诉对方。"
)
FORGOTTEN = "已删除您在邻里互助中登记的帮忙、求助和联系方式，以及我保存的您的称呼和发过的消息。谢谢您曾经的参与。"
PRIVACY_HIDDEN = "好的，每月的“邻家好人”感谢帖里不会写您的名字。想恢复，发送 /privacy 公开。"
PRIVACY_SHOWN = "好的，每月的“邻家好人”感谢帖里会写上您的名字，谢谢您！"
NEEDS_NONE = "您没有进行中的求助。"
OFFER_EXPIRED = "这项登记已经到期或撤下了。"

_STATUS = {
    "searching": "正在联系邻居",
    "waiting": "暂时没找到",
    "posted": "已发到楼栋群",
    "connected": "已对接",
    "done": "已完成",
    "cancelled": "已撤回",
}


def skills_label(skills: tuple[str, ...]) -> str:
    return "、".join(skills) if skills else "帮忙"


_FULL_WIDTH = str.maketrans({",": "，", "?": "？", "!": "！", ";": "；"})


def quote(text: str, limit: int = 40) -> str:
    """The person's words in quotes, shortened; commands normalise punctuation to ASCII, so
    it is turned back into Chinese punctuation for display."""
    text = " ".join(text.split()).translate(_FULL_WIDTH)
    return f"“{text[:limit]}…”" if len(text) > limit else f"“{text}”"


def day(d: date) -> str:
    return f"{d.month}月{d.day}日"


def offer_registered(skills: tuple[str, ...], note: str | None, until: date) -> str:
    when = f"（{note}）" if note else ""
    return (
        f"已登记您能帮忙的事：{skills_label(skills)}{when}，有效期到{day(until)}，到期前我会提醒您。"
        "有邻居需要时我会先私下问您，您的联系方式不会公开。"
    )


def offers_list(lines: list[str]) -> str:
    return "您登记的帮忙：\n" + "\n".join(lines) + "\n撤下某一项：/offer remove 编号"


def offer_line(offer_id: int, skills: tuple[str, ...], note: str | None, until: date) -> str:
    when = f"（{note}）" if note else ""
    return f"{offer_id}. {skills_label(skills)}{when}，到{day(until)}"


def offers_removed(skills: tuple[str, ...]) -> str:
    return f"已撤下：{skills_label(skills)}。谢谢您一直以来的热心！"


def offer_not_found(what: str) -> str:
    return f"没有找到您登记的“{what[:20]}”。发送 /offers 看看您登记了什么。"


def offer_renewed(offer_id: int, until: date) -> str:
    return f"第 {offer_id} 项登记已续期到{day(until)}，谢谢您！"


def offer_expiring(offer_id: int, skills: tuple[str, ...], until: date) -> str:
    return (
        f"您登记的帮忙“{skills_label(skills)}”将在{day(until)}到期。"
        f"还愿意帮忙的话，发送 /offer renew {offer_id} 续期；不回复就到期自动撤下。"
    )


def consent_question(said: str, skills: tuple[str, ...]) -> str:
    return (
        f"您好！看到您在群里说{quote(said)}。要把“{skills_label(skills)}”登记为您能帮邻居的事吗？"
        "有人需要时我会先私下问您。回复“好”登记，回复“不用”就算了。"
    )


def request_opened(number: int, skills: tuple[str, ...]) -> str:
    return (
        f"已收到第 {number} 号求助（{skills_label(skills)}）。我正在私下问问能帮忙的邻居，"
        "有人答应后会私聊告诉您。"
    )


def no_candidate(number: int) -> str:
    return (
        f"第 {number} 号求助：暂时没有找到能帮这个忙的邻居，真抱歉。"
        f"需要的话，回复“发到群 {number}”，我把求助发到楼栋群里，请大家搭把手。"
    )


def match(number: int, where: str, text: str, matched: tuple[str, ...]) -> str:
    because = f"您登记过“{skills_label(matched)}”，" if matched else ""
    return (
        f"邻里求助（第 {number} 号）：{where}一位邻居需要帮忙——{quote(text, 80)}。"
        f"{because}方便的话回复“接单 {number}”；"
        f"不方便请回复“帮不了 {number}”，没关系的。"
    )


def posted(number: int, text: str) -> str:
    return (
        f"邻里求助（第 {number} 号）：本楼一位邻居需要帮忙——{quote(text, 80)}。"
        f"能搭把手的邻居请回复“接单 {number}”，我会私下帮你们联系。"
    )


def posted_ack(number: int) -> str:
    return f"第 {number} 号求助已发到楼栋群，有邻居接下后我会私聊告诉您。"


def declined_ack(number: int) -> str:
    return f"好的，没关系。第 {number} 号求助我再问问别的邻居，谢谢您！"


def taken(number: int) -> str:
    return f"第 {number} 号求助已经有邻居接下了，不用再麻烦您，谢谢您的热心！"


def withdrawn(number: int) -> str:
    return f"第 {number} 号求助已撤回，不用再麻烦您了，谢谢！"


def contact_line(name: str, contact: str | None, own: str | None = None) -> str:
    """How to reach ``name``: their contact; or, when only you left one, that they have it;
    when neither did, how to exchange one through the bot (a private message between two
    neighbours who are not friends is often impossible on WeChat)."""
    if contact:
        return f"联系方式：{contact}"
    if own:
        return f"{name}没有留联系方式，我已把您留的联系方式告诉对方，请留意{name}联系您"
    return (
        f"你们都还没有留联系方式：在这里回复“/contact 电话 号码”（写微信号也行），"
        f"我会马上转告{name}，只告诉对方，不会公开"
    )


# The contact in a sent help_connected message (see contact_line and the two texts below).
_CONTACT_IN_TEXT = re.compile(r"联系方式：.*?。(?=事情办好后|$)", re.DOTALL)


def without_contact(text: str) -> str:
    """``text`` with any shared contact taken out (for ``/forget``)."""
    return _CONTACT_IN_TEXT.sub("联系方式：（已删除）。", text)


def connected_requester(
    number: int, helper: str, contact: str | None, own: str | None = None
) -> str:
    return (
        f"好消息！第 {number} 号求助：邻居{helper}愿意帮您。{contact_line(helper, contact, own)}。"
        f"事情办好后，请回复“已完成 {number}”告诉我。"
    )


def connected_helper(
    number: int, requester: str, text: str, contact: str | None, own: str | None = None
) -> str:
    return (
        f"谢谢您！第 {number} 号求助由您来帮忙：{quote(text, 80)}。"
        f"求助的邻居是{requester}，{contact_line(requester, contact, own)}。"
    )


def contact_passed_on(number: int, name: str, contact: str) -> str:
    return f"第 {number} 号求助：{name}留了联系方式：{contact}。"


def match_moved_on(number: int) -> str:
    return (
        f"第 {number} 号求助您没来得及回复，没关系，这次就不麻烦您了。"
        f"如果还没有人接下，您仍然可以回复“接单 {number}”。"
    )


def consent_explained(skills: tuple[str, ...]) -> str:
    return (
        f"我是楼里的邻里助手。您在群里说过能帮忙“{skills_label(skills)}”，我想问问要不要登记下来："
        "登记后，有邻居需要这方面的帮忙时，我会先私下问您方不方便，您可以答应，也可以说帮不了；"
        "您的联系方式不会公开。愿意就回复“好”，不想登记就回复“不用”。"
    )


def accept_too_late(number: int) -> str:
    return f"谢谢您！第 {number} 号求助刚刚已经有邻居接下了。"


OFFER_BAD_DAYS = "有效期请写 1 到 365 天，例如：/offer 缝纫 30天"
HAS_LINK = (
    "为了大家的安全，求助和登记帮忙里不能带网址链接，我不会转发。"
    "请用文字说明需要什么帮忙，然后再发一次。"
)


def other_building(number: int) -> str:
    return f"第 {number} 号求助是别的楼栋邻居发的，由那栋楼的邻居来帮忙。谢谢您的热心！"


def not_asked(number: int) -> str:
    return f"第 {number} 号求助没有发给您，暂时不能接下。谢谢您的热心！"


def own_request(number: int) -> str:
    return f"第 {number} 号求助是您自己发起的哦。"


def request_not_found(number: int) -> str:
    return f"没有找到第 {number} 号求助，请检查编号。"


def request_closed(number: int) -> str:
    return f"第 {number} 号求助已经结束了。"


def not_requester(number: int) -> str:
    return f"只有发起第 {number} 号求助的邻居可以这样做。"


def not_connected(number: int) -> str:
    return f"第 {number} 号求助还没有邻居接下，想撤回请回复“撤回求助 {number}”。"


def done_requester(number: int, helper: str) -> str:
    return f"太好了！第 {number} 号求助已完成。我替您谢谢{helper}！"


def done_helper(number: int, requester: str) -> str:
    return f"{requester}说第 {number} 号求助已经办好了，谢谢您的帮忙！远亲不如近邻。"


def cancelled(number: int) -> str:
    return f"第 {number} 号求助已撤回。"


def cancelled_helper(number: int, requester: str) -> str:
    return f"{requester}撤回了第 {number} 号求助，不用再麻烦您了，谢谢！"


def cannot_post(number: int) -> str:
    return f"第 {number} 号求助正在联系邻居或已经结束，现在不用发到群里。"


def contact_set(contact: str) -> str:
    return f"好的，有邻居和您对接时，我会告诉对方：{contact}。发送 /contact 清除 可以撤回。"


def contact_show(contact: str | None) -> str:
    if contact:
        return f"对接时我会告诉对方：{contact}。修改请发送 /contact 新的联系方式。"
    return "对接时我会请对方私聊联系您。想留电话，请发送 /contact 电话 号码。"


def needs_list(lines: list[str]) -> str:
    return "您的求助：\n" + "\n".join(lines)


def need_line(number: int, text: str, status: str) -> str:
    return f"第 {number} 号 {quote(text, 20)}：{_STATUS.get(status, status)}"


def monthly_thanks(month: int, names: list[str], total: int) -> str:
    who = "、".join(names)
    if who:
        return (
            f"邻家好人：{month}月里，{who}热心帮助了邻居，本楼邻居互相帮忙共 {total} 次。"
            "谢谢你们！远亲不如近邻。"
        )
    return f"邻家好人：{month}月里，本楼邻居互相帮忙共 {total} 次。谢谢每一位热心的邻居！"


def accepted_in_group(number: int) -> str:
    return f"谢谢您接下第 {number} 号求助！对接方式我已私聊发给您和求助的邻居。"
