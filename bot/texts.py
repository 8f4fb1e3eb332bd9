"""Text the bot shows people that is not owned by one feature (Simplified Chinese)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.feature import Command

INTERNAL_ERROR = "抱歉，刚才处理出了点问题，请稍后再试一次。"
UNBOUND_CHAT = "本群还没有绑定楼栋。请社区管理员发送 /bind 获取本群编号，写入配置文件后重启机器人。"
PRIVATE_HINT = "您好，我是邻里助手。发送 /help 可以查看我能做的事。"
# Permission refusals (bot/permissions.py).
STAFF_ONLY = "抱歉，这个命令需要楼栋长、网格员或社区管理员来用。"
ADMIN_ONLY = "抱歉，这个命令只有社区管理员可以用。"
MEMBERS_ONLY = (
    "抱歉，这个功能只为本社区的居民服务。请先在您所在楼栋的群里说句话，我认识您之后就可以用了。"
)
PRIVATE_ONLY = "为保护隐私，这个命令请私聊我使用。"
GROUP_ONLY = "这个命令请在楼栋群里使用。"
NOT_HERE = "这个命令不能在这个群里使用。"
SLOW_DOWN = "您发消息有点快了，请稍等一会儿再发，谢谢理解。"


def unknown_command(name: str) -> str:
    return f"没有 /{name[:32]} 这个命令。发送 /help 查看可用的命令。"


def bad_arguments(problem: str, cmd: Command) -> str:
    usage = f"\n用法：{cmd.usage}" if cmd.usage else ""
    return f"{problem}{usage}"


def command_hint(word: str, problem: str, *, titled: bool) -> str:
    """A short hint for a command word that came without a usable number."""
    if titled:
        return f"{problem}请写“{word} 编号”或活动名称，例如“{word} 2”。发送“活动”可以查看近期活动。"
    lead = problem or "没看懂是哪一个编号。"
    return f"{lead}请写“{word} 编号”，例如“{word} 3”；几个一起写“{word} 3 4 5”。"


def with_note(text: str, name: str, note: str | None) -> str:
    """A status text with the note its author wrote after the number."""
    return f"{text}\n{name}说：{note}" if note else text
