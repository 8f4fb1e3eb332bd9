"""Text the bot shows people that is not owned by one feature (Simplified Chinese)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.feature import Command

INTERNAL_ERROR = "抱歉，刚才处理出了点问题，请稍后再试一次。"
UNBOUND_CHAT = "本群还没有绑定楼栋。请社区管理员发送 /bind 获取本群编号，写入配置文件后重启机器人。"
PRIVATE_HINT = "您好，我是邻里助手。发送 /help 可以查看我能做的事。"
NOT_ALLOWED = "抱歉，这个操作需要楼栋长、网格员或社区管理员来做。"
SLOW_DOWN = "您发消息有点快了，请稍等一会儿再发，谢谢理解。"


def unknown_command(name: str) -> str:
    return f"没有 /{name[:32]} 这个命令。发送 /help 查看可用的命令。"


def bad_arguments(problem: str, cmd: Command) -> str:
    usage = f"\n用法：{cmd.usage}" if cmd.usage else ""
    return f"{problem}{usage}"
