"""Help, identity and chat binding: /help, /whoami, /bind, /start."""

from __future__ import annotations

from bot.commands import AliasForm, CommandCall
from bot.feature import Command, Context, Feature
from bot.model import Incoming, Kind, Mention, Outgoing, Role
from bot.permissions import ADMIN, EVERYONE

SECTION_TITLES = {
    "admin": "常用",
    "issues": "报事",
    "help": "邻里互助",
    "events": "社区活动",
    "polls": "楼栋议事",
    "ratings": "评价",
    "patrols": "定期巡查",
    "checkin": "平安打卡",
    "alerts": "全域联动",
    "web": "网页后台",
}

ROLE_LABELS = {
    Role.UNKNOWN: "未登记",
    Role.RESIDENT: "居民",
    Role.HEAD: "楼栋长",
    Role.GRID_WORKER: "网格员",
    Role.ADMIN: "社区管理员",
}


# The short /help: what most people need, said the way they would say it (many heads are
# elderly and use the Chinese forms). Every phrase here is a registered alias (tested).
SHORT_HELP_RESIDENT = (
    "在楼栋群里直接说出问题（例如“3单元楼道灯坏了”），我会记下来并通知楼栋长。",
    "【报事】我的问题 · 确认 编号（修好了） · 还没修好 编号 · 我也是 编号",
    "【邻里互助】我能帮忙 技能 · 求助 需要什么 · 接单 编号 · 已完成 编号",
    "【社区活动】活动（看近期活动） · 报名 编号 · 取消报名 编号",
)
SHORT_HELP_STAFF = ("【楼栋长】收到 编号 · 进展 编号 说明 · 办结 编号 · 问题清单 · 上报 编号",)
FULL_HELP_WORDS = frozenset({"全部", "all", "更多"})
FULL_HELP_SENT_PRIVATELY = (
    "完整的命令列表比较长，我私聊发给您了。没收到的话，请先私聊我一次（发送 /start），"
    "再发“帮助 全部”。"
)


async def help_(msg: Incoming, ctx: Context, call: CommandCall) -> list[Outgoing]:
    if call.args.strip().lower() not in FULL_HELP_WORDS:
        lines = [*SHORT_HELP_RESIDENT, *(SHORT_HELP_STAFF if ctx.is_staff else ())]
        lines.append("发送“帮助 全部”查看所有命令和用法。")
        return [Outgoing(msg.chat, Kind.COMMAND_REPLY, "\n".join(lines))]
    from handlers import default_features

    lines = ["我能帮您做这些事："]
    for feature in default_features():
        shown = [c for c in feature.commands if ctx.is_staff or not c.staff_only]
        if not shown:
            continue
        lines.append(f"【{SECTION_TITLES.get(feature.name, feature.name)}】")
        for cmd in shown:
            lines.append(_full_help_line(cmd))
    lines.append("在楼栋群里直接说出问题（例如“3单元楼道灯坏了”），我会记录下来。")
    full = "\n".join(lines)
    if not ctx.in_group:
        return [Outgoing(msg.chat, Kind.COMMAND_REPLY, full)]
    # About 45 lines would bury the building's conversation: privately, and a pointer here.
    return [
        Outgoing(msg.sender, Kind.COMMAND_REPLY, full),
        Outgoing(
            msg.chat,
            Kind.COMMAND_REPLY,
            FULL_HELP_SENT_PRIVATELY,
            mentions=(Mention(msg.sender, msg.sender_name),),
        ),
    ]


def _full_help_line(cmd: Command) -> str:
    """``接单 编号（/accept 编号）  接下求助``: the Chinese words first, the slash form after."""
    usage = cmd.usage or f"/{cmd.name}"
    if not cmd.aliases:
        return f"{usage}  {cmd.help}"
    _, _, args = usage.partition(" ")
    if args[:1].isascii() and args[:1].isalpha():
        # "/event add …": the Chinese form has its own sub-words (活动 发布 …).
        return f"{usage}  {cmd.help}（也可以说“{cmd.aliases[0]}”）"
    spoken = f"{cmd.aliases[0]} {args}".strip()
    return f"{spoken}（{usage}）  {cmd.help}"


async def whoami(msg: Incoming, ctx: Context, call: CommandCall) -> list[Outgoing]:
    person = ctx.config.person_by_id.get(msg.sender)
    # Staff are shown every building they look after, not only this chat's one.
    buildings = person.buildings if person and person.buildings else ()
    shown = "、".join(buildings) if buildings else ctx.building
    where = f"，{shown}" if shown else ""
    text = f"{msg.sender_name}：{ROLE_LABELS[ctx.role]}{where}。您的编号是 {msg.sender}"
    return [Outgoing(msg.chat, Kind.COMMAND_REPLY, text)]


async def bind(msg: Incoming, ctx: Context, call: CommandCall) -> list[Outgoing]:
    building = ctx.config.building_of_chat.get(msg.chat)
    if building:
        text = f"本群已绑定 {building}，群编号：{msg.chat}"
    else:
        text = (
            f"本群编号：{msg.chat}\n"
            "请把它写入配置文件对应楼栋的 chats 列表，然后重启机器人。我不会自动绑定。"
        )
    return [Outgoing(msg.chat, Kind.COMMAND_REPLY, text)]


async def start(msg: Incoming, ctx: Context, call: CommandCall) -> list[Outgoing]:
    text = "您好，我是邻里助手。楼里的问题、邻里互助和社区活动，都可以找我。发送 /help 查看用法。"
    return [Outgoing(msg.chat, Kind.COMMAND_REPLY, text)]


FEATURE = Feature(
    name="admin",
    commands=(
        Command(
            "help",
            help_,
            "查看可用命令",
            aliases=("帮助",),
            alias_needs_number=False,
            alias_form=AliasForm.ALONE,
            alias_words=tuple(FULL_HELP_WORDS),
            permission=EVERYONE,
        ),
        Command("whoami", whoami, "查看我的身份", permission=EVERYONE),
        Command("bind", bind, "查看本群编号（管理员）", staff_only=True, permission=ADMIN),
        Command("start", start, "开始使用", permission=EVERYONE),
    ),
)
