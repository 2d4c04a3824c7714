"""Behaviour of reportdiff._indicators: numbers, units, qualifiers, labels, kinds, exclusions."""

from __future__ import annotations

import csv
import unicodedata
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reportdiff._indicators import extract
from reportdiff._numerals import format_decimal, int_to_chinese, parse_arabic, parse_chinese
from reportdiff.model import Bound, Direction, Kind

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def one(text: str) -> tuple[str, str, str]:
    """(value, unit, qualifier) of the single quantity in ``text``."""
    qs = extract(text)
    assert 1 == len(qs), qs
    return qs[0].value, qs[0].unit, qs[0].qualifier


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("共受理行政复议申请100件。", ("100", "件", "")),
        ("调解成功13534起。", ("13534", "起", "")),
        ("成功率达99.99%。", ("99.99", "%", "")),
        ("核减金额15468.7万元。", ("15468.7", "万元", "")),
        ("城镇新增就业1244万人。", ("1244", "万人", "")),
        ("国内生产总值增长5%左右。", ("5", "%", "左右")),
        ("6600多万农村人口饮水安全问题得到解决。", ("6600", "万", "多")),
        ("开展专题培训十余场。", ("10", "场", "余")),
        ("增长百分之十二点一。", ("12.1", "百分之", "")),
        ("总量达到九万五千九百三十三亿元。", ("95933", "亿元", "")),
        ("惠及两亿五千多万人口。", ("25000", "万", "多")),
        ("经济总量翻两番。", ("2", "番", "")),
        ("总量达到９５９３３亿元。", ("95933", "亿元", "")),
        ("比重达到77．7％。", ("77.7", "%", "")),  # units are NFKC-folded
        ("国内生产总值达到39.8 万亿元。", ("39.8", "万亿元", "")),
        ("收入47.264287亿元。", ("47.264287", "亿元", "")),
        ("投资100000万美元。", ("100000", "万美元", "")),
        ("新增就业1,100万人。", ("1100", "万人", "")),
        ("注册3万4000人。", ("34000", "人", "")),
        ("发行一万五千亿元。", ("15000", "亿元", "")),
        ("贡献率上升3个百分点。", ("3", "个百分点", "")),
        ("出境旅游超过1亿人次。", ("1", "亿人次", "超过")),
        ("13亿多人口的大国。", ("13", "亿", "多")),
        ("“8小时内”办结。", ("8", "小时", "内")),
        ("实现连续6年增产。", ("6", "年", "")),
        ("粮食产量实现“九连增”。", ("9", "连增", "")),
        ("完成了天津、广东两地的登记。", ("2", "地", "")),
        ("国内生产总值达到74.4\n\u200b\n万亿元。", ("74.4", "万亿元", "")),
    ],
)
def test_issue_examples_value_unit_and_qualifier_as_printed(text: str, expected: tuple[str, str, str]) -> None:
    assert expected == one(text)


@pytest.mark.parametrize(
    ("text", "base_value", "base_unit"),
    [
        ("核减金额15468.7万元。", 154687000.0, "元"),
        ("城镇新增就业1244万人。", 12440000.0, "人"),
        ("总量达到九万五千九百三十三亿元。", 9.5933e12, "元"),
        ("投资100000万美元。", 1e9, "美元"),
        ("增长百分之十二点一。", 12.1, "%"),
    ],
)
def test_normalised_value_is_in_base_units(text: str, base_value: float, base_unit: str) -> None:
    q = extract(text)[0]
    assert (base_value, base_unit) == (pytest.approx(q.base_value), q.base_unit)


def test_range_is_two_bounds_sharing_a_quote() -> None:
    qs = extract("今年发展的主要预期目标是：国内生产总值增长6.5%－7%。")
    assert [("6.5", "", Bound.LOW, "区间下限"), ("7", "", Bound.HIGH, "区间上限")] == [
        (q.value, q.qualifier, q.bound, q.range_label) for q in qs
    ]
    assert qs[0].quote == qs[1].quote
    assert {Kind.TARGET} == {q.kind for q in qs}


@pytest.mark.parametrize(
    "text",
    [
        "围绕“苏政40条”等助企纾困政策。",
        "“十四五”开局之年。",
        "贯彻落实党的二十大精神。",
        "2019年，是新中国成立70周年。",
        "完善“1+9”政务服务业务平台建设。",
        "印发《2022年度锡山区重大行政决策目录》。",
        "苏ICP备05003427号-1，电话0510-88265001。",
        "第一次会议，一是加强领导，一批文件，一体化政务服务。",
        "这五年，我国经济实力跃上新台阶。",
        "发布时间:2023-02-08",
        "PM2.5浓度下降。",
        "“15分钟医保服务圈”省级示范区。",
    ],
)
def test_names_dates_ordinals_and_codes_are_not_quantities(text: str) -> None:
    assert [] == [(q.value, q.unit) for q in extract(text)]


def test_percent_and_percentage_points_are_kept_apart() -> None:
    qs = extract("消费对经济增长的贡献率上升3个百分点，达到51.2%。")
    assert [("个百分点", "points"), ("%", "rate")] == [(q.unit, q.unit_family) for q in qs]


def test_direction_and_base_are_recorded() -> None:
    qs = extract("国内生产总值达到33.5万亿元，比上年增长8.7%；工业企业利润由上年下降2.3%转为增长8.5%。")
    assert [Direction.NONE, Direction.UP, Direction.DOWN, Direction.UP] == [q.direction for q in qs]
    assert "比上年" == qs[1].base


def test_label_inherits_the_subject_of_a_bare_verb() -> None:
    qs = extract("国内生产总值达到33.5万亿元，比上年增长8.7%；财政收入6.85万亿元，增长11.7%。")
    assert ["国内生产总值", "国内生产总值比上年增长", "财政收入", "财政收入增长"] == [q.label for q in qs]


def test_label_of_a_counter_is_what_it_counts() -> None:
    qs = extract("共废止2件区级行政规范性文件、27件政策性文件,宣布失效12件政策性文件。")
    assert ["废止区级行政规范性文件", "废止政策性文件", "宣布失效政策性文件"] == [q.label for q in qs]


def test_kind_target_in_plans_and_actual_for_back_references() -> None:
    qs = extract("今年拟安排财政赤字1.62万亿元，比去年增加2700亿元，赤字率从去年的2.1%提高到2.3%。")
    assert [Kind.TARGET, Kind.TARGET, Kind.ACTUAL, Kind.TARGET] == [q.kind for q in qs]


def test_exceeding_a_target_is_still_an_actual() -> None:
    assert Kind.ACTUAL == extract("城镇新增就业1312万人，超过全年预期目标。")[0].kind


def test_results_after_reaching_the_targets_are_actuals() -> None:
    qs = extract("全面实现年初确定的主要目标，国内生产总值增长7.8%，城镇新增就业1266万人。")
    assert [Kind.ACTUAL, Kind.ACTUAL] == [q.kind for q in qs]


def test_a_plan_paragraph_goes_on_without_plan_words() -> None:
    qs = extract("今年拟安排财政赤字13500亿元。财政赤字有所增加，但赤字率稳定在2.1%。")
    assert [Kind.TARGET, Kind.TARGET] == [q.kind for q in qs]
    qs = extract("中央财政安排补助资金551亿元。新建保障性住房200万套。")
    assert Kind.ACTUAL == qs[1].kind


def test_start_value_of_a_change_is_marked_as_such() -> None:
    qs = extract("国内生产总值从26.6万亿元增加到51.9万亿元。赤字率从去年的2.1%提高到2.3%。")
    assert [("国内生产总值", True), ("国内生产总值", False), ("赤字率", True), ("赤字率", False)] == [
        (q.label, q.start_value) for q in qs]
    assert "去年" == qs[2].base


def test_quote_is_verbatim_text_at_the_span() -> None:
    text = "　　国内生产总值达到39.8 万亿元，年均增长11.2%。"
    for q in extract(text):
        assert q.quote == q.quote_span.of(text)
        assert q.value in unicodedata.normalize("NFKC", q.span.of(text)).replace(" ", "")


def test_english_quantities() -> None:
    qs = extract("Net earnings rose 12% to $2.5 billion, and we will buy about 1,000 shares.", language="en")
    assert [("12", "%"), ("2.5", "$ billion"), ("1000", "shares")] == [(q.value, q.unit) for q in qs]
    assert pytest.approx(2.5e9) == qs[1].base_value
    assert Direction.UP == qs[0].direction
    assert "about" == qs[2].qualifier


@given(st.decimals(min_value=Decimal("0.000001"), max_value=Decimal("1e12"), places=6, allow_nan=False))
def test_format_then_parse_a_decimal_round_trips(d: Decimal) -> None:
    assert d == parse_arabic(format_decimal(d))


@given(st.integers(min_value=0, max_value=10**15))
def test_write_then_read_a_chinese_numeral_round_trips(n: int) -> None:
    assert Decimal(n) == parse_chinese(int_to_chinese(n))


def test_real_fixtures_cover_the_gold_rows() -> None:
    """Every gold row of the copied gold is found in its year's fixture (value, unit)."""
    found: dict[int, set[tuple[float, str]]] = {}
    for path in sorted((FIXTURES / "gov-work-report").glob("*.txt")):
        year = int(path.stem)
        qs = extract(path.read_text(encoding="utf-8-sig"), year=year)
        found[year] = {(q.number, unicodedata.normalize("NFKC", q.unit)) for q in qs}
    with open(FIXTURES / "gold" / "indicators" / "gov-work-report.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    missing = [r for r in rows
               if (float(r["value"]), unicodedata.normalize("NFKC", r["unit"])) not in found[int(r["year"])]]
    assert [] == missing
