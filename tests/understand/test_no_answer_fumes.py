"""Nobody answers the door and the fumes of a charcoal or coal fire come out (eighth session:
the verb 叫门 and the smells 炭味 / 煤烟味 were missing from the rule; the model alone found
"烧炭取暖…叫门没人应" with some seeds and not others).

Known limit, left: "三楼那家昨晚生了炭盆，今天叫门一直没人应" is not urgent — the clause reader
takes "昨晚" for an event that is over."""

import pytest

from bot.config.understanding import default_taxonomy
from bot.understand.classify import understand


@pytest.mark.parametrize(
    "text",
    [
        "三楼那家生了炭盆取暖，今天叫门一直没人应",
        "叫门没人应，门缝里一股煤烟味",
        "对门老爷子家叫门半天没反应，楼道里全是炭味",
    ],
)
def test_no_answer_with_fumes_is_urgent(text: str) -> None:
    u = understand(text, default_taxonomy())
    assert u.urgent, text


@pytest.mark.parametrize(
    "text",
    [
        "叫门没人应，可能出去买菜了",
        "楼下在烤红薯，一股炭味，馋死了",
        "过年家里生了炭火，暖和得很",
    ],
)
def test_fumes_or_no_answer_alone_are_not_urgent(text: str) -> None:
    assert not understand(text, default_taxonomy()).urgent, text
