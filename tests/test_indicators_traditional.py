"""Quantities in Traditional Chinese read as in Simplified, and print in the source's own characters."""

from __future__ import annotations

import re

import opencc
import pytest
from conftest import GOV

from reportdiff import extract
from reportdiff._text import to_simplified
from reportdiff.model import Kind

_S2T = opencc.OpenCC("s2t")


def _paragraphs(year: int) -> list[str]:
    """The paragraphs of a bundled Simplified report that hold a number."""
    text = (GOV / f"{year}.txt").read_text(encoding="utf-8")
    return [p for p in text.split("\n") if re.search(r"\d|[一二三四五六七八九十]", p) and len(p) > 20]


def _reading(text: str) -> list[tuple[str, str, str, str, str, Kind, str]]:
    """What extraction reads in ``text``, in Simplified characters (so both scripts compare)."""
    return [(to_simplified(q.label), q.value, to_simplified(q.unit), to_simplified(q.qualifier), q.base_unit, q.kind,
             q.direction.value) for q in extract(text)]


@pytest.mark.parametrize("year", [2016, 2019])
def test_a_traditional_rendering_of_a_report_reads_as_the_simplified_one(year: int) -> None:
    """OpenCC's Traditional rendering of a report gives the same quantities: values, units,
    qualifiers, kinds (預計 / 將 / 目標 are target cues as 预计 / 将 / 目标 are) and labels."""
    simplified = "\n".join(_paragraphs(year))
    traditional = _S2T.convert(simplified)
    assert traditional != simplified and len(traditional) == len(simplified)
    expected = _reading(simplified)
    assert any(k is Kind.TARGET for *_, k, _ in expected)
    assert expected == _reading(traditional)


def test_what_is_shown_is_in_the_sources_characters() -> None:
    """Labels, units, qualifiers and quotes are the source's own text, never the folded view."""
    text = _S2T.convert("\n".join(_paragraphs(2019)))
    found = extract(text)
    assert found
    for q in found:
        assert q.quote in text
        for shown in (q.label, q.unit, q.qualifier):
            assert to_simplified(shown) != shown or not re.search(r"[国万个将预计长]", shown), shown
    units = {q.unit for q in found}
    assert "萬人" in units and "万人" not in units


def test_two_traditional_characters_with_one_simplified_form_each_print_as_written() -> None:
    """係 and 繫 both fold to 系, and 系 is a character of its own: each label keeps what is printed."""
    text = "今年維繫關係系統投資三億元，預計明年增加兩個項目。"
    first, second = extract(text)
    assert "維繫關係系統投資" == first.label
    assert ("3", "億元") == (first.value, first.unit)
    assert (Kind.TARGET, "個", "个") == (second.kind, second.unit, second.base_unit)


def test_a_month_count_in_traditional_is_a_time_unit() -> None:
    """八個月 is eight months (個月), as 八个月 is, not eight of something."""
    (s,) = [q for q in extract("审批用时八个月，比去年缩短百分之七。") if q.value == "8"]
    (t,) = [q for q in extract("審批用時八個月，比去年縮短百分之七。") if q.value == "8"]
    assert ("个月", "個月") == (s.unit, t.unit)
    assert s.base_unit == t.base_unit


def test_a_series_that_changes_script_links_as_one() -> None:
    """A label printed in Traditional one year and Simplified the next is the same label for linking."""
    from reportdiff.trends import label_similarity

    assert 1.0 == label_similarity("國內生產總值增長", "国内生产总值增长")
    assert label_similarity("國內生產總值增長", "城镇新增就业") < 0.5


@pytest.mark.parametrize("number", ["52. ", "52．", "52.\t", "（三）", "三、"])
def test_a_paragraph_number_is_no_part_of_a_label(number: str) -> None:
    """Numbered paragraphs (a policy address numbers every one): the number opens no label, nor quote."""
    (q,) = extract(f"{number}我們會增設三千個長者日間護理名額。")
    assert "我們會增設長者日間護理名額" == q.label
    assert "我們會增設三千個長者日間護理名額" == q.quote
