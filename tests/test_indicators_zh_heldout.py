"""Chinese phrasings found on a hand gold of a Traditional report never fitted on (made up sentences here).

Each sentence below is written for the test, in the kinds of phrasing a policy address uses: a
funded amount named by what it sets up, a causer before the measured thing, a qualifier kept apart
from its number by 有 / 佔 / a currency, the future modal 會, a goal noun after the amount.
"""

from __future__ import annotations

import pytest

from reportdiff import extract
from reportdiff.model import Kind, Quantity


def _one(text: str) -> Quantity:
    found = extract(text, language="zh")
    assert len(found) == 1, [(q.label, q.value, q.unit) for q in found]
    return found[0]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("展覽為期三星期。", "3", "星期"),
        ("焚化爐每日處理二千公噸垃圾。", "2000", "公噸"),
        ("焚化炉每日处理二千公吨垃圾。", "2000", "公吨"),
    ],
)
def test_weeks_and_metric_tons_are_units(text: str, value: str, unit: str) -> None:
    """星期 is a unit of time and 公噸 / 公吨 of mass, as printed."""
    q = _one(text)
    assert (value, unit) == (q.value, q.unit)


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        ("目前約有五千名市民參與。", "5000", "約"),
        ("出口額接近港幣三百億元。", "300", "接近"),
        ("開支增加了差不多兩倍。", "2", "差不多"),
        ("私家車約佔四成。", "4", "約"),
        ("收入约达二十亿元。", "20", "约"),
    ],
)
def test_a_qualifier_reaches_over_one_gap_word(text: str, value: str, qualifier: str) -> None:
    """約有, 約佔, 約達 and a currency named before the amount (接近港幣…) keep the qualifier;
    差不多 is one; the gap word is in neither the label nor the qualifier."""
    q = _one(text)
    assert (value, qualifier) == (q.value, q.qualifier)
    assert qualifier not in q.label


def test_a_gap_word_alone_is_no_qualifier() -> None:
    """有 with no qualifier before it leaves the number exact."""
    assert "" == _one("目前有五千名市民參與。").qualifier


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("我們預測明年出口增長百分之三。", Kind.TARGET),
        ("政府承諾提供五百個名額。", Kind.TARGET),
        ("我們打算增加三百名教師。", Kind.TARGET),
        ("明年失業率會上升至百分之六。", Kind.TARGET),
        ("新措施可望創造八千個職位。", Kind.TARGET),
        ("社會上有三萬名長者獨居。", Kind.ACTUAL),
        ("委員會共有十五名成員。", Kind.ACTUAL),
        ("大會邀請了二百名嘉賓。", Kind.ACTUAL),
    ],
)
def test_future_words_of_a_policy_address_mark_targets(text: str, kind: Kind) -> None:
    """預測, 承諾, 打算, 可望 and the modal 會 make a target; 會 inside 社會, 委員會, 大會 does not."""
    assert kind == _one(text).kind


def test_the_modal_counts_in_the_numbers_own_clause_only() -> None:
    """會 of a concession before (雖然…也會…) says what can happen, not what the number will be."""
    assert Kind.ACTUAL == _one("雖然天氣也會影響收成，稻米約佔三成。").kind


def test_a_clause_that_says_already_is_actual_after_a_forecast() -> None:
    """After a forecast and a semicolon, 已經 in the number's own clause makes it a result."""
    qs = extract("我們預測經濟會放緩；通脹已經回落至百分之二。", language="zh")
    assert [Kind.ACTUAL] == [q.kind for q in qs]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("政府定下五萬個單位的建屋目標。", Kind.TARGET),
        ("政府已實現三萬個單位的建屋目標。", Kind.ACTUAL),
        ("五萬個單位的建屋目標已提前完成。", Kind.ACTUAL),
    ],
)
def test_a_goal_noun_after_the_amount(text: str, kind: Kind) -> None:
    """An amount headed by 目標 is a goal, unless its sentence says the goal was met."""
    q = _one(text)
    assert kind == q.kind
    assert q.label.endswith("建屋目標")


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("我們已撥出十億元設立創業基金。", "創業基金撥出"),
        ("政府會斥資八億元在沙田興建體育館。", "體育館斥資"),
        ("今年撥款三千萬元予青年發展基金，以支援培訓。", "青年發展基金撥款"),
        ("我们已拨出十亿元设立创业基金。", "创业基金拨出"),
    ],
)
def test_a_funded_amount_is_named_by_what_it_funds(text: str, label: str) -> None:
    """A funding verb with only its agent before it (我們已撥出) takes its label from the purpose after
    the amount (設立…, 在沙田興建…, 予…), and the quote runs to it."""
    q = _one(text)
    assert label == q.label
    assert q.quote.endswith(label[:-2])


def test_a_funding_verb_without_a_purpose_keeps_its_clause() -> None:
    """No purpose after the amount: the words before it stay the label."""
    assert "政府向研究基金注資" == _one("政府向研究基金注資五億元，作為營運資金。").label


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("這些措施會令超過二萬名學生受惠。", "學生受惠"),
        ("預計新計劃會令醫院每年的經常開支增加三億元。", "醫院每年的經常開支增加"),
    ],
)
def test_a_causer_is_not_the_measured_thing(text: str, label: str) -> None:
    """After 令 / 使, the words name the measure when the causer only points back (這些…) or when they
    are a measure themselves."""
    assert label == _one(text).label


def test_a_named_causer_stays() -> None:
    """``供水工程使農民受益``: the works are what the count is about; they stay in the label."""
    assert "供水工程" in _one("供水工程使農民受益六百萬人。").label


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("英國在一九九六年的出口總值約為三千億元。", "英國出口總值"),
        ("港口處理的貨物也達到五千公噸。", "港口處理的貨物"),
        ("全港百分之六十的家庭使用寬頻。", "全港家庭使用寬頻"),
        ("這些計劃會令三十萬名中、小學學生受惠。", "中、小學學生受惠"),
        ("約有八千名有需要的長者正在輪候。", "有需要的長者正在輪候"),
    ],
)
def test_labels_lose_dates_and_adverbs_and_keep_their_noun(text: str, label: str) -> None:
    """A date inside a label (在一九九六年的), an adverb before the verb (也), the noun after a share's
    的, a list of words after a count (中、小學), a relative clause with 有 (有需要的長者)."""
    assert label == _one(text).label


def test_a_change_against_a_year_takes_the_subject_before() -> None:
    """``較一九九五年增加一倍`` is a bare change measured against a year: it takes the subject of the
    quantity before it."""
    qs = extract("出口總值達到五百億元，較一九九五年增加一倍。", language="zh")
    assert ["出口總值", "出口總值較一九九五年增加"] == [q.label for q in qs]
    assert "較一九九五年" == qs[1].base


@pytest.mark.parametrize("text", ["过去十八个月，失业率上升。", "在未来十五个月内完成。", "今年头八个月出口回升。",
                                  "前三个月进展顺利。", "最近两周客流回升。", "過去十八個月，失業率上升。"])
def test_a_period_that_frames_a_figure_is_no_quantity(text: str) -> None:
    """过去 / 未来 / 头 / 前 + a count of months, weeks or days names the period (a framing period, as
    这五年 is), not a quantity."""
    assert [] == [q for q in extract(text) if q.base_unit in ("个月", "周", "天")]


@pytest.mark.parametrize(("text", "value"), [("审批用时3个月。", "3"), ("连续八个月增长。", "8"),
                                             ("工期缩短两个月。", "2")])
def test_a_duration_stays_a_quantity(text: str, value: str) -> None:
    assert [value] == [q.value for q in extract(text)]
