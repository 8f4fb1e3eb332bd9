"""What the Telegram adapter itself says in chats and logs (chat text in Simplified Chinese)."""

from __future__ import annotations

PRIVACY_WARNING = (
    "Telegram privacy mode is ON for this bot: in groups it only sees commands and replies to "
    "it, so reports written as ordinary messages are missed. Fix: in @BotFather send "
    "/setprivacy, choose the bot, Disable; or make the bot a group admin. Then remove the bot "
    "from each group and add it again (Telegram applies the change on re-adding)."
)


def group_upgraded(old: str, new: str) -> str:
    return (
        f"本群已升级为超级群，群编号由 {old} 变为 {new}。"
        f"我会继续按原来的楼栋绑定工作；请社区管理员把配置文件里的 {old} 改为 {new}，方便日后核对。"
    )
