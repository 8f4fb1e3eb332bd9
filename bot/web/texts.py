"""What the console shows people (Simplified Chinese), apart from the templates."""

from __future__ import annotations

from handlers.issue_texts import STATUS_LABELS

SIGN_IN_FIRST = "请先登录：在私聊中向邻里助手发送 /web 获取登录链接。"
CSRF_REFUSED = "页面已过期或来源不明，请返回刷新页面后再试。"
TOO_LARGE = "提交的内容太长了。"
LINK_INVALID = (
    "这个登录链接无效、已经用过或已过期（有效期 10 分钟）。请在私聊中向邻里助手重新发送 /web。"
)
NOT_STAFF = "抱歉，网页后台只对楼栋长、网格员和社区管理员开放。"
NOT_FOUND = "没有找到这个页面。"
ISSUE_NOT_FOUND = "没有找到这个问题，或者它不属于您负责的楼栋。"

# The same words as the chat's messages and the exports.
STATUS_NAMES = STATUS_LABELS

ACTION_NAMES = {
    "report": "报告",
    "ack": "受理",
    "assign": "指派",
    "progress": "进展",
    "wait": "等待",
    "resolve": "办结",
    "reject": "驳回",
    "confirm": "确认",
    "reopen": "重开",
    "escalate": "上报",
    "merge": "合并",
    "follow": "关注",
    "urgent": "升级为紧急",
    "recat": "改类别",
    "auto_close": "自动关闭",
    "notissue": "标为非问题",
}

UNKNOWN_ACTION = "没有这个操作。"
ACTION_DONE = "已完成，楼栋群已收到通知。"
ACTION_FAILED = "没有完成，请稍后再试。"
