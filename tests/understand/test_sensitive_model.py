"""The model may add the sensitive flag to a quiet disclosure the rules do not know, never to an
urgent message (a child in danger is posted so that every neighbour can help), and never
removes it. A child on a ledge is in danger, not at risk of self-harm; an adult there is."""

from __future__ import annotations

import pytest

from bot.config.understanding import default_taxonomy
from bot.understand import safety, understand
from bot.understand.normalise import normalise

TAXONOMY = default_taxonomy()

# Written for this test, after the model was trained; none is in the corpus.
QUIET_DISCLOSURES = [
    "隔壁那个小姑娘说她继父晚上老进她屋，她不敢睡觉",
    # (Was "我老公喝了酒就摔东西…": the rules know drinking and violence since the tenth session.)
    "我老公一不顺心就摔东西，我和孩子晚上都不敢在家待",
    "我最近总觉得活着好累，什么都不想做，也不想见人",
]


@pytest.mark.parametrize("text", QUIET_DISCLOSURES)
def test_the_model_adds_sensitivity_the_rules_miss(text: str) -> None:
    assert not safety.sensitive(normalise(text))  # the rules alone do not see it
    u = understand(text, TAXONOMY)
    assert u.sensitive and not u.urgent


@pytest.mark.parametrize(
    "text",
    [
        "有个小孩坐在窗台外面，腿悬在外面，快找家长",
        "对面楼有个小朋友站在栏杆外边，谁家的孩子",
    ],
)
def test_a_child_on_a_ledge_is_urgent_and_public(text: str) -> None:
    u = understand(text, TAXONOMY)
    assert u.urgent and not u.sensitive


@pytest.mark.parametrize(
    "text",
    ["有个小伙子坐在天台边上，一直往下看", "三楼那个阿姨站在阳台外面，喊她也不理"],
)
def test_an_adult_on_a_ledge_is_still_sensitive(text: str) -> None:
    assert understand(text, TAXONOMY).sensitive


@pytest.mark.parametrize(
    "text",
    ["电视剧里那个男的打老婆，看得我好气", "3单元楼道灯坏了好几天了", "周末一起去爬山吗"],
)
def test_look_alikes_stay_public(text: str) -> None:
    assert not understand(text, TAXONOMY).sensitive
