"""Behaviour of reportdiff._vocab: units and families, qualifier meanings, the words every stage shares."""

from __future__ import annotations

import re

import pytest

from reportdiff._indicators import extract
from reportdiff._vocab import (
    CN_UNITS,
    MAGNITUDES,
    NOT_AMOUNTS,
    Meaning,
    UnitFamily,
    family_of,
    is_approximate,
    meaning_of,
    unit_of,
    unit_pattern,
)


def test_unit_pattern_is_longest_first_and_guarded() -> None:
    pat = re.compile(unit_pattern())
    assert ["个月", "周岁", "千瓦时", None] == [
        (m.group() if (m := pat.match(t)) else None) for t in ("个月以来", "周岁", "千瓦时", "人口")]


@pytest.mark.parametrize(
    ("unit", "family"),
    [("%", "rate"), ("个百分点", "points"), ("万元", "currency"), ("亿美元", "currency"), ("个月", "time"),
     ("千米", "length"), ("公斤", "mass"), ("周岁", "age"), ("连增", "count"), ("widgets", "widgets")],
)
def test_family_of(unit: str, family: str) -> None:
    assert family == family_of(unit)


def test_scaled_units_convert_to_their_base() -> None:
    km, kg = unit_of("千米"), unit_of("千克")
    assert km is not None and kg is not None
    assert [("米", 1000, UnitFamily.LENGTH), ("斤", 2, UnitFamily.MASS)] == [
        (km.base_unit, km.scale, km.family), (kg.base_unit, kg.scale, kg.family)]


@pytest.mark.parametrize(
    ("qualifier", "meaning"),
    [("不到", Meaning.AT_MOST), ("以内", Meaning.AT_MOST), ("接近", Meaning.ABOUT), ("左右", Meaning.ABOUT),
     ("以上", Meaning.AT_LEAST), ("多", Meaning.AT_LEAST), ("几", Meaning.AT_LEAST), ("", Meaning.EXACT),
     ("about", Meaning.ABOUT), ("区间下限", Meaning.EXACT)],
)
def test_meaning_of(qualifier: str, meaning: Meaning) -> None:
    """One meaning per qualifier; the range end is a Bound, not a qualifier word."""
    assert meaning is meaning_of(qualifier)


def test_every_qualifier_the_extractor_prints_has_a_meaning() -> None:
    """Extraction and ``met`` read qualifiers the same way: every printed qualifier is in the table."""
    text = ("增长不到3%，接近5.5%，超过100万人，1000万人以上，13亿多人，十余场，几十万人，5%左右，"
            "“8小时内”办结，近70万亿元，不低于90%。")
    quals = {q.qualifier for q in extract(text)}
    assert "" not in quals
    assert [] == sorted(q for q in quals if meaning_of(q) is Meaning.EXACT)
    assert all(is_approximate(q) for q in quals)


def test_dates_and_ordinals_stay_units_for_the_diff_but_not_amounts() -> None:
    texts = {u.text for u in CN_UNITS}
    assert {"月", "日", "届"} <= texts and NOT_AMOUNTS >= {"月", "日", "届"}
    assert () == extract("3月8日召开十三届全国人大一次会议。")


def test_magnitudes_scale_and_are_not_units() -> None:
    assert (10**4, 10**8, 10**12, None) == (MAGNITUDES["万"], MAGNITUDES["亿"], MAGNITUDES["万亿"], unit_of("万"))
