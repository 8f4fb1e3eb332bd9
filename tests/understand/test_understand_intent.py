"""Intent: report, help request, offer, or chat — and chat must not become a report."""

from __future__ import annotations

import pytest

from bot.config.understanding import default_taxonomy
from bot.understand import Intent, understand


def intent(text: str) -> Intent:
    return understand(text, default_taxonomy()).intent


@pytest.mark.parametrize(
    "text",
    [
        "3单元楼道灯坏了好几天了",
        "楼下广场舞十点了还在放",
        "又有人把车停在消防通道上了",
        "投诉XX小区物业无故停水，没有任何提前通知",
        "又停水？？？能不能提前说一声啊",
        "家里没水了，是停水了还是我家的问题？隔壁也没水",
        "单元门口一地的烟头，没人打扫吗",  # rhetorical, not a status question
        "物业真是负责啊，电梯坏了一个礼拜都没人修，👍👍👍",  # sarcasm
        "谢谢物业让我们每天摸黑锻炼身体，楼道灯坏一个月了",  # sarcastic thanks
        "电梯修好了，但是楼道灯又坏了",  # a fix, then a new problem
        "物业能不能帮忙处理一下，楼道一直漏水",  # put to the management: a report
        "谁能管管楼下的广场舞，吵死了",
        "那个电梯啊又坏了嘛我跟你说我今天拎着菜爬了十五层",  # voice-to-text
    ],
)
def test_reports(text: str) -> None:
    assert intent(text) is Intent.REPORT


@pytest.mark.parametrize(
    "text",
    [
        "谁会修自行车",
        "谁家有梯子借我",
        "明天谁能陪我妈去医院",
        "谁会通马桶，我家马桶堵了",  # own problem, asks neighbours
        "有没有人懂电脑的，我家电脑开不了机了",
        "誰會修電腦啊，求幫忙",
    ],
)
def test_help_requests(text: str) -> None:
    assert intent(text) is Intent.HELP_REQUEST


@pytest.mark.parametrize(
    "text",
    [
        "我会缝纫可以帮大家补衣服",
        "家里有闲置婴儿车谁要",
        "我是退休医生，量血压可以来找我",
        "我有梯子，谁要借来找我",
        "閒置嬰兒床一張，需要的鄰居私聊我",
    ],
)
def test_offers(text: str) -> None:
    assert intent(text) is Intent.OFFER


@pytest.mark.parametrize(
    "text",
    [
        "楼道灯修好了，谢谢",
        "电梯是不是修好了？",
        "收到",
        "谢谢物业，水已经来了👍",
        "来电了来电了",
        "停电了吗？还是我家跳闸了",  # a status question
        "明天几点停水？",
        "停水通知：明天8点到12点停水，请提前储水",  # a notice
        "我也是，我家也停电了，等着吧",  # joins a report already made
        "刚才的烟是有人在烧烤，虚惊一场，没事了",  # all clear
        "今天保安大叔帮我拎东西，好感动",  # a story, not a request
        "大家早上好",
        "",
    ],
)
def test_chat(text: str) -> None:
    assert intent(text) is Intent.CHAT


def test_only_reports_carry_category_and_location() -> None:
    u = understand("3单元谁家有梯子借我", default_taxonomy())
    assert (u.intent, u.category, u.location, u.urgent) == (
        Intent.HELP_REQUEST,
        None,
        None,
        False,
    )


def test_keywords_explain_the_decision() -> None:
    u = understand("5号楼楼道灯又不亮了", default_taxonomy())
    assert "楼道灯" in u.keywords and "不亮" in u.keywords and "5号楼" in u.keywords
    assert understand("谁会修自行车", default_taxonomy()).keywords == ("谁会",)


def test_chat_keywords_can_be_skipped_where_nobody_reads_them() -> None:
    from bot.config.understanding import default_taxonomy
    from bot.understand import understand

    taxonomy = default_taxonomy()
    full = understand("楼道灯修好了，谢谢李师傅！", taxonomy)
    lean = understand("楼道灯修好了，谢谢李师傅！", taxonomy, chat_keywords=False)
    assert full.intent == lean.intent == "chat"
    assert full.keywords and lean.keywords == ()
    report = understand("3单元楼道灯坏了", taxonomy, chat_keywords=False)
    assert report.intent == "report" and report.keywords


def test_pointing_people_elsewhere_is_not_an_offer() -> None:
    from bot.config.understanding import default_taxonomy
    from bot.understand import Intent, understand

    taxonomy = default_taxonomy()
    assert understand("楼下超市打折，需要的可以去", taxonomy).intent is Intent.CHAT
    assert understand("家里有闲置婴儿车，需要的可以来拿", taxonomy).intent is Intent.OFFER
