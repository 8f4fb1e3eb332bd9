"""Skills match by meaning through the shipped synonym table and the config's additions."""

from __future__ import annotations

from handlers.help_skills import match_score, parse_offer_args, skill_table


def test_shipped_synonyms_share_one_skill() -> None:
    table = skill_table()
    assert {table.canonical(w) for w in ("补衣服", "缝纫", "针线活")} == {"缝纫"}
    assert table.canonical("修电脑") == table.canonical("电脑维修")
    assert table.canonical("陪诊") == table.canonical("陪看病")


def test_skills_are_found_in_free_text_longest_first() -> None:
    table = skill_table()
    assert table.find("明天谁能陪我妈去医院？") == ("陪诊",)
    assert table.find("谁会修自行车，顺便想找人补衣服") == ("自行车维修", "缝纫")
    assert table.find("大家早上好") == ()


def test_config_synonyms_extend_the_table() -> None:
    base = skill_table()
    extended = skill_table((("理发", "剃头", "推平头"), ("广场舞", "跳舞")))
    assert base.canonical("推平头") == "推平头"
    assert extended.canonical("推平头") == "理发"
    assert extended.find("想学跳舞") == ("广场舞",)


def test_offer_arguments_split_skills_note_and_expiry() -> None:
    parsed = parse_offer_args("缝纫、修电脑 周末有空 30天", skill_table())
    assert parsed.skills == ("缝纫", "修电脑")
    assert parsed.note == "周末有空"
    assert parsed.days == 30


def test_match_score_prefers_the_same_skill() -> None:
    table = skill_table()
    same, words = match_score(("缝纫",), ("针线活", "修电脑"), table)
    unrelated, _ = match_score(("缝纫",), ("修电脑",), table)
    assert same > unrelated == 0
    assert words == ("针线活",)
