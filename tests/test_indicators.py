"""Behaviour of reportdiff._indicators: numbers, units, qualifiers, labels, kinds, exclusions."""

from __future__ import annotations

import csv
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportdiff._indicators import extract, extract_report
from reportdiff._load import load_text
from reportdiff._numerals import int_to_chinese
from reportdiff._parse import parse
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
        ("组织培训36场次。", ("36", "场次", "")),  # a count of occasions, like 人次
        ("抽检食品1200批次。", ("1200", "批次", "")),
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


@given(st.lists(st.sampled_from(["1", "23", "/", "分之", "三", "百", "又", "负", "\n", "，", " ", "1,000", "增长", ".5"]),
                max_size=30))
@settings(deadline=None)
def test_fractions_read_line_by_line_are_the_whole_texts_matches(parts: list[str]) -> None:
    """The fraction scan reads only the lines with a / or 分之: the same matches as one scan."""
    from reportdiff._indicators._scan_zh import _FRACTION_RE, _fraction_matches

    view = "".join(parts)
    assert [m.span() for m in _FRACTION_RE.finditer(view)] == [m.span() for m in _fraction_matches(view)]


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


# --------------------------------------------------------------------------
# defects found by outside test suites (issue 11): each one pinned
# --------------------------------------------------------------------------


def vals(text: str, language: str | None = None) -> list[tuple[str, str, str, str]]:
    """(value, unit, qualifier, bound) of every quantity."""
    return [(q.value, q.unit, q.qualifier, q.bound.value) for q in extract(text, language=language)]


def test_a_magnitude_at_the_end_of_the_text_does_not_crash() -> None:
    assert [("5", "万", "", "")] == vals("收入5万")


@pytest.mark.parametrize(("text", "expected"), [
    ("10% growth in revenue.", ("10", "%")), ("$5 million in sales.", ("5", "$ million"))])
def test_a_quantity_at_the_very_start_keeps_its_first_character(text: str, expected: tuple[str, str]) -> None:
    qs = extract(text)
    assert [expected] == [(q.value, q.unit) for q in qs] and 0 == qs[0].span.start


def test_printed_signs_are_kept() -> None:
    assert [("财政赤字率", "-2.8")] == [(q.label, q.value) for q in extract("财政赤字率-2.8%。")]
    assert ["-3.9"] == [q.value for q in extract("增速为负3.9%。")]
    assert [("-99.99", "$")] == [(q.value, q.unit) for q in extract("a loss of ($99.99)", language="en")]


@pytest.mark.parametrize(("text", "low", "high"), [
    ("增长6-7%。", ("6", "%"), ("7", "%")), ("增长6－7%。", ("6", "%"), ("7", "%")),
    ("增长6~7%。", ("6", "%"), ("7", "%")), ("增长6至7%。", ("6", "%"), ("7", "%")),
    ("补贴两到三万元。", ("2", "万元"), ("3", "万元")), ("补贴1万-5万元。", ("1", "万元"), ("5", "万元")),
    ("增长百分之六到七。", ("6", "百分之"), ("7", "百分之")), ("增长6.5%－7%。", ("6.5", "%"), ("7", "%")),
])
def test_ranges_are_two_bounds(text: str, low: tuple[str, str], high: tuple[str, str]) -> None:
    assert [(*low, "", "low"), (*high, "", "high")] == vals(text)


def test_range_bounds_share_one_label() -> None:
    qs = extract("补贴两到三万元。")
    assert qs[0].label == qs[1].label and "万元" != qs[0].label and not qs[0].label.startswith("到")


def test_dates_and_codes_are_not_ranges() -> None:
    assert [] == vals("发布时间:2023-02-08，电话0510-88265001。1至9月份。")


@pytest.mark.parametrize(("text", "value", "unit", "base"), [
    ("装机300千瓦。", "300", "千瓦", 300.0), ("重20千克。", "20", "千克", 40.0), ("长5千米。", "5", "千米", 5000.0)])
def test_units_starting_with_qian_after_arabic_digits(text: str, value: str, unit: str, base: float) -> None:
    q = extract(text)[0]
    assert (value, unit, base) == (q.value, q.unit, q.base_value)


@pytest.mark.parametrize(("text", "value", "unit", "qualifier"), [
    ("惠及几十万人。", "10", "万人", "几"), ("投资数十亿元。", "10", "亿元", "数"), ("举办十几场。", "10", "场", "几")])
def test_approximate_amounts_are_marked_approximate(text: str, value: str, unit: str, qualifier: str) -> None:
    q = extract(text)[0]
    assert (value, unit, qualifier, True) == (q.value, q.unit, q.qualifier, q.approximate)


@pytest.mark.parametrize(("text", "expected"), [
    ("国内生产总值达到五十二点八万亿元。", [("52.8", "万亿元", "", "")]),
    ("二〇二〇年，二0二0年。", []),
    ("经济总量翻一番。", [("1", "番", "", "")]),
    ("我国有十三亿多人。", [("13", "亿人", "多", "")]),
    ("投资壹萬貳仟元，共三萬人，參加者兩千人。", [("12000", "元", "", ""), ("3", "萬人", "", ""), ("2000", "人", "", "")]),
    ("招录2 800名，另招2\u00a0800名，投资1,250亿元。", [("2800", "名", "", ""), ("2800", "名", "", ""),
                                                  ("1250", "亿元", "", "")]),
    ("年满七周岁。", [("7", "周岁", "", "")]),
    ("花了一万三元，二百五元。", [("13000", "元", "", ""), ("250", "元", "", "")]),
    ("见 http://x.gov.cn/a%20b%E4%B8%AD 和 www.x.cn/50%25 。", []),
])
def test_chinese_numeral_forms(text: str, expected: list[tuple[str, str, str, str]]) -> None:
    assert expected == vals(text)


def test_currency_letters_keep_the_magnitude() -> None:
    qs = extract("Sales of €10M and debt of $2.174T.", language="en")
    assert [(10e6, "€"), (2.174e12, "$")] == [(q.base_value, q.base_unit) for q in qs]


def test_spoken_forms_are_never_a_wrong_value() -> None:
    """一万三 is 13000 and 二百五 is 250 as speakers mean them, not 10003 and 205."""
    assert [13000.0, 250.0] == [q.base_value for q in extract("一万三元，二百五元。")]


def test_a_duplicate_qualifier_for_ranges_is_gone() -> None:
    """The range is the Bound; the CSV contract's 区间下限/区间上限 are derived from it."""
    qs = extract("增长6.5%－7%左右。")
    assert [("", "区间下限"), ("左右", "左右")] == [(q.qualifier, q.range_label) for q in qs]


# --------------------------------------------------------------------------
# labels and kinds (issue 11)
# --------------------------------------------------------------------------


def labels(text: str) -> list[str]:
    return [q.label for q in extract(text)]


def test_the_noun_after_the_amount_of_a_verb_joins_the_label() -> None:
    assert ["中央财政安排专项奖补资金"] == labels("中央财政安排1000亿元专项奖补资金，支持地方。")


def test_a_comparison_base_with_a_year_marks_the_start_value() -> None:
    qs = extract("研发经费占国内生产总值比重由2007年的1.4%提高到2012年的1.97%。")
    assert [("研发经费占国内生产总值比重", True), ("研发经费占国内生产总值比重", False)] == [
        (q.label, q.start_value) for q in qs]


@pytest.mark.parametrize(("text", "expected"), [
    ("出口和进口分别增长5.1%和3.2%。", ["出口增长", "进口增长"]),
    ("城镇和农村居民收入分别增长8%、9%。", ["城镇居民收入增长", "农村居民收入增长"]),
    ("一般公共预算收入和支出分别为10万亿元和12万亿元。", ["一般公共预算收入", "一般公共预算支出"]),
    ("城镇居民人均可支配收入和农村居民人均纯收入实际增长8.4％和11.4％。",
     ["城镇居民人均可支配收入实际增长", "农村居民人均纯收入实际增长"]),
    ("城镇居民人均可支配收入17175元，农村居民人均纯收入5153元，实际增长9.8%和8.5%。",
     ["城镇居民人均可支配收入", "农村居民人均纯收入", "城镇居民人均可支配收入实际增长", "农村居民人均纯收入实际增长"]),
])
def test_distributive_lists_give_each_number_its_subject(text: str, expected: list[str]) -> None:
    assert expected == labels(text)


def test_items_of_a_bulleted_list_inherit_the_lead_in_of_the_list() -> None:
    text = ("今年发展的主要预期目标是：\n——国内生产总值增长5%左右；\n——城镇新增就业1200万人以上；\n"
            "——居民消费价格涨幅3%左右。\n去年国内生产总值增长5.2%。")
    assert [("国内生产总值增长", Kind.TARGET), ("城镇新增就业", Kind.TARGET), ("居民消费价格涨幅", Kind.TARGET),
            ("国内生产总值增长", Kind.ACTUAL)] == [(q.label, q.kind) for q in extract(text)]


def test_a_long_line_without_stops_keeps_kinds_local() -> None:
    """The target cue is looked for in a bounded stretch before the number, so far-away cues do not leak."""
    text = "预期目标是增长5%" + "，完成" * 300 + "，增长6.6%"
    assert [Kind.TARGET, Kind.ACTUAL] == [q.kind for q in extract(text)]


def test_traditional_magnitudes_keep_their_print_and_scale() -> None:
    qs = extract("仍有三十多萬人從事傳統工業，興建最少八萬五千個單位。")
    assert [("30", "萬人", "多", 300000.0), ("85000", "個", "最少", 85000.0)] == [
        (q.value, q.unit, q.qualifier, q.base_value) for q in qs]


def test_an_english_target_cue_counts_only_in_its_own_sentence() -> None:
    text = ("As for rates, I will maintain the charge at 5 per cent. Since rateable values fell by an average "
            "of 8 per cent last year, rates will be lower. We will spend $5 billion.")
    assert [Kind.TARGET, Kind.ACTUAL, Kind.TARGET] == [q.kind for q in extract(text, language="en")]


@pytest.mark.parametrize(("text", "expected"), [
    ("重点高校专项招收农村和贫困地区学生人数由1万人增加到10万人。", ["重点高校专项招收农村和贫困地区学生人数"] * 2),
    ("出境旅游人次增加到1.3亿人次。", ["出境旅游人次"]),
    ("中央财政安排1000亿元专项奖补资金予以支持。", ["中央财政安排专项奖补资金"]),
])
def test_the_noun_after_an_amount_stops_where_a_change_of_the_amount_begins(text: str, expected: list[str]) -> None:
    assert expected == labels(text)


# --------------------------------------------------------------------------
# invariants
# --------------------------------------------------------------------------

_REPORT_CHARS = st.sampled_from(list("增长下降约近多余万亿元人个项%％-－~至到和、，。；：“”《》0123456789一二两三十百千点分之负 \n\u200b"))


@settings(deadline=None)
@given(st.text(_REPORT_CHARS, max_size=60) | st.text(max_size=40))
def test_extract_never_fails_and_spans_index_the_text(text: str) -> None:
    for q in extract(text):
        assert 0 <= q.span.start <= q.span.end <= len(text)
        assert q.quote == q.quote_span.of(text).strip()


@settings(deadline=None)
@given(st.integers(min_value=1, max_value=10**12))
def test_a_written_out_amount_reads_back_as_its_value(n: int) -> None:
    qs = extract(f"金额为{int_to_chinese(n)}元。")
    assert [float(n)] == [q.base_value for q in qs]


@settings(deadline=None)
@given(st.integers(min_value=1, max_value=999), st.integers(min_value=1, max_value=999))
def test_a_printed_range_gives_its_two_ends(a: int, b: int) -> None:
    low, high = sorted((a, b))
    qs = extract(f"增长{low}-{high}%。") if low != high else extract(f"增长{low}%。")
    assert [float(v) for v in sorted({low, high})] == [q.base_value for q in qs]


def test_liang_is_a_unit_only_when_no_measure_word_follows() -> None:
    assert [["30两"], []] == [[q.display for q in extract(t)] for t in ("三十两黄金。", "来了一两个人。")]


def test_a_line_wrapped_inside_an_english_paragraph_is_a_space() -> None:
    """Hard-wrapped letters keep their words apart; a number split by a wrap (PM\\n2.5) still joins."""
    qs = extract("savings for a couple could run to\n$1,000 and our\nregulators see this 100%.", language="en")
    assert [("savings couple run", "$1000"), ("regulators see", "100%")] == [
        (q.label, q.display) for q in qs]
    assert () == extract("PM\n2.5浓度下降。")


def test_an_actual_repeating_a_target_of_the_same_text_is_that_target() -> None:
    text = "今年主要预期目标是：居民消费价格涨幅3％左右。\n提出居民消费价格涨幅3％左右，综合考虑了去年价格变动。去年居民消费价格涨幅3%。"
    assert [Kind.TARGET, Kind.TARGET, Kind.ACTUAL] == [q.kind for q in extract(text)]


@pytest.mark.parametrize(("text", "display", "base", "unit"), [
    ("超过三成的企业。", "3成", 30.0, "%"), ("减少达五成半。", "5.5成", 55.0, "%"),
    ("千分之2.4。", "千分之2.4", 2.4, "‰"), ("增长百分之十二点一。", "百分之12.1", 12.1, "%")])
def test_tenths_and_per_mille_are_rates(text: str, display: str, base: float, unit: str) -> None:
    q = extract(text)[0]
    assert (display, base, unit) == (q.display, q.base_value, q.base_unit)


def test_cheng_inside_a_word_is_no_rate() -> None:
    assert () == extract("一成不变，成本下降，成为标杆。")


def test_a_bare_change_of_an_amount_is_of_the_amount_just_named_not_the_sentence_head() -> None:
    qs = extract("赤字率拟按3%安排，赤字规模4.06万亿元，比年初预算增加1.6万亿元。")
    assert ["赤字率", "赤字规模", "赤字规模比年初预算增加"] == [q.label for q in qs]
    # a rate after an amount still takes the head when the amount's label is long
    qs = extract("国内生产总值超过126万亿元，增长5.2%。")
    assert ["国内生产总值", "国内生产总值增长"] == [q.label for q in qs]


@pytest.mark.parametrize(("text", "values"), [
    ("The maximum deduction rises to $60,000.\n\n67. The allowance will be raised.", ["60000"]),
    ("推動科技發展\n52. 我們會撥款五億元。", ["5"]),
    ("国内生产总值达到74.4\n\u200b\n万亿元。", ["74.4"]),
])
def test_a_paragraph_number_after_a_line_break_starts_a_paragraph(text: str, values: list[str]) -> None:
    """A line opening with a paragraph number (``67. ``) ends the line before it: the number does not
    run on into it (``$60,000.67``), nor does a heading glue onto the label; a number broken over lines
    still joins."""
    found = extract(text)
    assert values == [q.value for q in found]
    assert all(not q.label[:1].isdigit() and "科技發展" not in q.label for q in found)


@pytest.mark.parametrize(
    ("text", "label", "direction"),
    [
        ("全市进出口总额负增长1.5%。", "进出口总额负增长", Direction.DOWN),
        ("工业品出厂价格同比下滑1.2%。", "工业品出厂价格同比下滑", Direction.DOWN),
        ("全区商品房销售面积下跌3.4%。", "商品房销售面积下跌", Direction.DOWN),
        ("居民收入增速回升至5.1%。", "居民收入增速", Direction.UP),
        ("全市失业率回落到4.2%。", "失业率", Direction.DOWN),
        ("小微企业贷款利率降至4.1%。", "小微企业贷款利率", Direction.DOWN),
        ("全市托育机构数量增至320家。", "托育机构数量", Direction.UP),
    ],
)
def test_direction_words_of_falls_rebounds_and_one_character_changes(text: str, label: str,
                                                                       direction: Direction) -> None:
    (q,) = extract(text)
    assert (q.label, q.direction) == (label, direction)


@pytest.mark.parametrize("verb", ["增至", "升至", "降至", "减至"])
def test_a_start_value_before_a_one_character_change_verb_keeps_its_own_label(verb: str) -> None:
    start, end = extract(f"参加培训的社区工作者人数由800人{verb}1200人。")
    assert (start.start_value, start.label, start.quote) == (True, "参加培训的社区工作者人数", "参加培训的社区工作者人数由800人")
    assert (end.start_value, end.label) == (False, "参加培训的社区工作者人数")
    a, b = extract(f"养老床位由三万张{verb}三万五千张。")  # Chinese numerals: the noun after 张 is no noun
    assert (a.label, a.value, a.unit, b.label, b.value) == ("养老床位", "3", "万张", "养老床位", "35000")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("实际利用外资超5亿美元。", ("5", "亿美元", "超")),
        ("全年旅客吞吐量超1000万人次。", ("1000", "万人次", "超")),
        ("户籍人口约为150万人。", ("150", "万人", "约")),
        ("本港人均本地生產總值約為四萬八千美元。", ("48000", "美元", "約")),
    ],
)
def test_chao_before_a_number_and_yue_wei_are_qualifiers(text: str, expected: tuple[str, str, str]) -> None:
    assert one(text) == expected
    assert extract(text)[0].label in ("实际利用外资", "旅客吞吐量", "户籍人口", "本港人均本地生產總值")


def test_an_yearly_comparison_is_a_base() -> None:
    (q,) = extract("本港出口货值按年下跌8.6%。")
    assert (q.base, q.direction) == ("按年", Direction.DOWN)


def test_value_added_is_a_noun_not_an_increase() -> None:
    (q,) = extract("全区数字经济核心产业增加值达到380亿元。")
    assert (q.label, q.direction) == ("数字经济核心产业增加值", Direction.NONE)
    (g,) = extract("文化产业增加值增长12%。")
    assert g.direction == Direction.UP


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("全年一般公共预算收入预计完成300亿元。", "一般公共预算收入"),
        ("社会消费品零售总额预计为4500亿元。", "社会消费品零售总额"),
        ("全年地区生产总值预计增长6%左右。", "地区生产总值增长"),
        ("预计全年新增减税降费超过2000亿元。", "新增减税降费"),
    ],
)
def test_the_forecast_cue_makes_a_target_and_is_no_part_of_the_label(text: str, label: str) -> None:
    (q,) = extract(text)
    assert (q.label, q.kind) == (label, Kind.TARGET)


def test_yici_lists_distribute_like_fenbie() -> None:
    a, b = extract("城镇、农村居民人均可支配收入依次为58000元和32000元。")
    assert (a.label, a.value, b.label, b.value) == ("城镇居民人均可支配收入", "58000", "农村居民人均可支配收入", "32000")


@pytest.mark.parametrize(("text", "year", "kind"), [
    ("到2035年，城镇化率达到70%。", 2031, Kind.TARGET),  # a year after the report's: a goal
    ("2030年前完成改造3000套。", 2029, Kind.TARGET),
    ("2030年前完成改造3000套。", 2031, Kind.ACTUAL),  # that year is past: a result
    ("到二〇三五年，森林覆盖率达到25%。", 2031, Kind.TARGET),
    ("去年城镇化率达到65%。", 2031, Kind.ACTUAL),
])
def test_a_figure_set_in_a_year_after_the_reports_is_a_target(text: str, year: int, kind: Kind) -> None:
    (q,) = extract(text, year=year)
    assert kind is q.kind


def test_the_start_of_a_change_to_a_future_year_stays_todays_level() -> None:
    start, end = extract("到2035年，劳动生产率从人均8万元提高到12万元。", year=2031)
    assert (Kind.ACTUAL, Kind.TARGET) == (start.kind, end.kind)


def _report_quantities(text: str, year: int = 2021) -> dict[str, Kind]:
    report = parse(load_text(text, path=f"{year}.txt", year=year))
    return {q.quote: q.kind for q in extract_report(report)}


def test_figures_under_a_plan_heading_are_goals_unless_their_sentence_reports_what_is() -> None:
    kinds = _report_quantities(
        "2021年某省政府工作报告\n\n一、2020年工作回顾\n\n城镇新增就业65万人。新建5G基站3.2万个。\n\n"
        "二、2021年主要目标\n\n城镇新增就业60万人以上。单位生产总值能耗下降3%。明年要完成棚户区改造10万户。"
        "去年已改造8万户。目前仍有12万户待改造。\n")
    assert Kind.ACTUAL == kinds["城镇新增就业65万人"] == kinds["新建5G基站3.2万个"]
    assert Kind.TARGET == kinds["城镇新增就业60万人以上"] == kinds["单位生产总值能耗下降3%"]
    assert Kind.TARGET == kinds["明年要完成棚户区改造10万户"]  # 要完成: a plan's verb
    assert Kind.ACTUAL == kinds["去年已改造8万户"] == kinds["目前仍有12万户待改造"]


def test_a_heading_naming_the_report_year_is_no_plan_by_itself() -> None:
    # the report year's work section often opens with last year's results
    kinds = _report_quantities("2021年报告\n\n一、2021年的工作\n\n城镇新增就业65万人。\n")
    assert Kind.ACTUAL == kinds["城镇新增就业65万人"]


def test_english_figures_under_a_priorities_heading_are_goals_unless_in_the_past() -> None:
    kinds = _report_quantities(
        "Annual Address 2021\n\nReview of the Year\n\nWe completed 20,000 flats.\n\n"
        "Priorities for the Year Ahead\n\nA further 30,000 public rental flats. Last year we sold 12 sites.\n")
    assert Kind.ACTUAL == kinds["We completed 20,000 flats"]
    assert Kind.TARGET == kinds["A further 30,000 public rental flats"]
    assert Kind.ACTUAL == kinds["Last year we sold 12 sites"]


def test_a_time_to_come_before_jiang_or_yao_makes_a_target() -> None:
    kinds = {q.quote: q.kind for q in extract("明年将新建保障性住房3000套。今年要完成改造2万户。去年新建住房2000套。")}
    assert Kind.TARGET == kinds["明年将新建保障性住房3000套"] == kinds["今年要完成改造2万户"]
    assert Kind.ACTUAL == kinds["去年新建住房2000套"]


def test_the_text_counting_its_own_aspects_is_no_goal() -> None:
    (q,) = extract("今年要重点抓好八个方面工作。")
    assert Kind.ACTUAL == q.kind  # a discourse count, like 两个指标
