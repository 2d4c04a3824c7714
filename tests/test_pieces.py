"""The part of a merged (or split) section that continues each partner."""

from __future__ import annotations

import hypothesis.strategies as st
from hypothesis import given, settings

from reportdiff._align import apportion

FARM = "加强农业基础设施建设，提高粮食产量，增加农民收入，推进农村水利建设，稳定粮食播种面积。"
AIR = "加强生态环境保护，治理大气污染和水污染，推进节能减排，发展清洁能源，严格控制煤炭消费。"
SCHOOL = "促进教育公平，提高义务教育质量，加强教师队伍建设，发展职业教育和高等教育，改善办学条件。"


def test_each_paragraph_goes_to_the_partner_it_continues() -> None:
    whole = f"（一）农业和环境\n{FARM}\n{AIR}\n{FARM}\n{AIR}\n"
    farm, air = apportion(whole, [f"农业\n{FARM}", f"环境\n{AIR}"], "zh")
    assert (f"（一）农业和环境\n{FARM}\n{FARM}\n", f"{AIR}\n{AIR}\n") == (farm, air)


def test_english_paragraphs_and_a_paragraph_like_none_stays_with_the_one_before() -> None:
    rail = "The railroad moved more carloads, invested in track and locomotives, and improved safety. " * 3
    power = "The utility built wind and solar capacity and earned regulated returns on its equity. " * 3
    other = "Xylophones quietly zigzag " * 10
    whole = f"Operations\n\n{rail}\n\n{other}\n\n{power}\n"
    r, p = apportion(whole, [rail, power], "en")
    # blank lines and the heading go with the paragraph after them
    assert (f"Operations\n\n{rail}\n\n{other}\n", f"\n{power}\n") == (r, p)


def test_one_partner_gets_the_whole_text() -> None:
    assert ["全文"] == apportion("全文", ["别的"], "zh")


lines = st.sampled_from([FARM, AIR, SCHOOL, "", "标题", "（二）小标题"])


@settings(max_examples=60, deadline=None, derandomize=True)
@given(st.lists(lines, max_size=12), st.lists(st.sampled_from([FARM, AIR, SCHOOL, "无关"]), min_size=2, max_size=4),
       st.booleans())
def test_the_parts_hold_every_line_of_the_text_once(body: list[str], partners: list[str], newline: bool) -> None:
    whole = "\n".join(body) + ("\n" if newline else "")
    parts = apportion(whole, partners, "zh")
    assert len(partners) == len(parts)
    assert sum(len(p) for p in parts) == len(whole)
    assert sorted(whole.splitlines()) == sorted(line for p in parts for line in p.splitlines())
