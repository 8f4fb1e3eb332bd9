"""What the bot says about the office web console (Simplified Chinese)."""

from __future__ import annotations

# Refused in a group: the link is never posted where others can read it.
ASK_PRIVATELY = "为保护隐私，后台登录链接只在私聊中发送：请私聊我发送 /web 或“后台”。"
STAFF_ONLY = "抱歉，网页后台只对楼栋长、网格员和社区管理员开放。"


def sign_in_link(url: str, minutes: int) -> str:
    return (
        f"这是您的网页后台登录链接，{minutes} 分钟内有效，只能用一次：\n{url}\n"
        "请不要转发给别人。链接过期了再发一次 /web 即可。"
    )


# To the link's owner, privately, when their link was posted in a group (nothing is said there).
LINK_POSTED_IN_GROUP = (
    "您的网页后台登录链接被发到了群里，为了安全已经作废。需要登录时，请私聊我重新发送 /web。"
)
