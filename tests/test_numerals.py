"""Behaviour of reportdiff._numerals: Chinese, mixed and English numerals, formatting round trips."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reportdiff._numerals import (
    fold_numerals,
    format_decimal,
    int_to_chinese,
    parse_arabic,
    parse_chinese,
    parse_english,
    parse_mixed,
    split_magnitude,
)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("九万五千九百三十三", "95933"), ("十二点一", "12.1"), ("两亿", "200000000"), ("十五", "15"),
        ("五十二点八万亿", "52800000000000"), ("一千零十二", "1012"), ("零十", "10"), ("四万万", "400000000"),
        ("二十万亿", "20000000000000"), ("五兆六十二亿四万五千二", "5006200045200"),
        ("一万三", "13000"), ("二百五", "250"), ("一千陆", "1600"), ("两千三点一", "2300.1"),
        ("壹佰伍拾", "150"), ("肆拾肆", "44"), ("萬", None), ("万万", None), ("十四五", None), ("二〇二二", None),
        ("两两", None), ("十百", None), ("亿万", None),
    ],
)
def test_parse_chinese(text: str, value: str | None) -> None:
    assert (Decimal(value) if value else None) == parse_chinese(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [("3万4000", "34000"), ("1.2万亿", "1200000000000"), ("5万4千6百", "54600"), ("2千零30万", "20300000"),
     ("1,100.9亿", "110090000000"), ("10万万", "1000000000"), ("13亿5千万", "1350000000"), ("3万4", "34")],
)
def test_parse_mixed(text: str, value: str) -> None:
    """Arabic digits are read literally: no spoken short form after them (3万4 is not 34000)."""
    expected = Decimal(value) if text != "3万4" else Decimal(30004)
    assert expected == parse_mixed(text)


def test_fold_numerals_is_one_for_one() -> None:
    assert ("一万二千", 4) == (fold_numerals("壹萬貳仟"), len(fold_numerals("壹萬貳仟")))


@pytest.mark.parametrize(
    ("text", "value"),
    [("thirteen", 13), ("forty-five", 45), ("three thousand two hundred", 3200), ("five million", 5000000),
     ("one", 1), ("million", None), ("and", None), ("apple", None)],
)
def test_parse_english(text: str, value: int | None) -> None:
    assert (Decimal(value) if value is not None else None) == parse_english(text)


def test_split_magnitude_keeps_an_inner_magnitude() -> None:
    assert [("九万五千九百三十三", "亿"), ("1.2", "万亿"), ("3万4000", "")] == [
        split_magnitude(t) for t in ("九万五千九百三十三亿", "1.2万亿", "3万4000")]


@given(st.decimals(min_value=Decimal("0.000001"), max_value=Decimal("1e12"), places=6, allow_nan=False))
def test_format_then_parse_a_decimal_round_trips(d: Decimal) -> None:
    assert d == parse_arabic(format_decimal(d))


@given(st.integers(min_value=0, max_value=10**15))
def test_write_then_read_a_chinese_numeral_round_trips(n: int) -> None:
    assert Decimal(n) == parse_chinese(int_to_chinese(n))


@given(st.integers(min_value=1, max_value=10**12))
def test_traditional_numerals_read_as_simplified(n: int) -> None:
    simple = int_to_chinese(n)
    table = str.maketrans("一二三四五六七八九十百千万亿", "壹貳參肆伍陸柒捌玖拾佰仟萬億")
    assert parse_chinese(simple) == parse_chinese(simple.translate(table))
