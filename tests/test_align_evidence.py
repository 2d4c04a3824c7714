"""Tests for the aligner's evidence modules: carried sentences
(reportdiff._align.carry), role cues (reportdiff._align.roles) and the
calibration of thresholds (reportdiff._align.calibrate)."""

from __future__ import annotations

import hypothesis.strategies as st
import numpy as np
from conftest import GOV, fixture_report
from hypothesis import given, settings

from reportdiff._align import Thresholds, tokenize
from reportdiff._align.calibrate import null_scores, threshold
from reportdiff._align.carry import _hits, _Shingled, carried
from reportdiff._align.roles import role, role_agreement
from reportdiff._align.units import fold_script, year_units
from reportdiff._load import load_text
from reportdiff._parse import parse
from reportdiff._text import Language
from reportdiff.model import Report

SENTENCES = [
    "全面推进农村土地承包经营权确权登记颁证工作，稳定农户承包关系。",
    "加快建设高速宽带网络，推动移动互联网和工业互联网融合发展。",
    "严格执行大气污染防治行动计划，淘汰燃煤小锅炉和黄标车。",
    "扩大中西部地区高校招生规模，让更多农村孩子接受高等教育。",
]


def _report(year: int, sections: list[str]) -> Report:
    lines = [f"{year}年报告", "", "一、工作", ""]
    for k, text in enumerate(sections):
        lines += [f"（{'一二三四'[k]}）第{k + 1}项", text, ""]
    return parse(load_text("\n".join(lines), path=f"{year}.txt", year=year))


def test_a_sentence_carried_verbatim_counts_for_the_section_it_went_to() -> None:
    a = year_units(_report(2019, [SENTENCES[0] + SENTENCES[1], SENTENCES[2]]), tokenize)
    b = year_units(_report(2020, [SENTENCES[2], SENTENCES[0] + "另写一句毫不相干的话。"]), tokenize)
    m = carried(a, b, 2)
    leaves_a = [u.title for u in a.leaves]
    leaves_b = [u.title for u in b.leaves]
    i, j = leaves_a.index("第1项"), leaves_b.index("第2项")
    assert m[i, j] > 0.3, "SENTENCES[0] went from A's first section to B's second"
    assert 0.0 == m[i, leaves_b.index("第1项")]
    assert m[leaves_a.index("第2项"), leaves_b.index("第1项")] > 0.8, "all but the heading line"


def test_figures_changed_in_a_carried_sentence_still_count() -> None:
    a = year_units(_report(2019, ["今年新增就业1100万人以上，城镇登记失业率控制在4.5%以内。"]), tokenize)
    b = year_units(_report(2020, ["今年新增就业900万人以上，城镇登记失业率控制在5.5%以内。"]), tokenize)
    assert carried(a, b, 2)[0].max() > 0.8, "all but the heading line is carried"


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(range(len(SENTENCES))), min_size=1, max_size=3),
       st.lists(st.sampled_from(range(len(SENTENCES))), min_size=1, max_size=3))
def test_carried_shares_are_in_unit_range(picks_a: list[int], picks_b: list[int]) -> None:
    """Property: each A unit's carried shares sum to at most 1."""
    a = year_units(_report(2019, [SENTENCES[k] for k in picks_a]), tokenize)
    b = year_units(_report(2020, [SENTENCES[k] for k in picks_b]), tokenize)
    m = carried(a, b, 2)
    assert (m >= 0).all()
    assert (m.sum(axis=1) <= 1.0 + 1e-9).all()


def test_carried_shares_are_the_same_whichever_level_is_shingled_first() -> None:
    """The shingles of a year's sentences are kept for its other level: carried shares at
    each level are those computed on a fresh year, in either order."""
    ra, rb = (fixture_report(GOV / f"{y}.txt") for y in (2018, 2019))

    def shares(order: tuple[int, ...]) -> dict[int, np.ndarray]:
        ya, yb = year_units(ra, tokenize), year_units(rb, tokenize)
        return {level: carried(ya, yb, level) for level in order}

    fresh = {level: shares((level,))[level] for level in (1, 2)}
    for order in ((1, 2), (2, 1)):
        got = shares(order)
        assert all(np.array_equal(fresh[level], got[level]) for level in (1, 2))
    assert fresh[2].any()


def test_review_text_and_plan_text_have_opposite_roles() -> None:
    review = role("过去一年，我们已经完成了主要目标，取得了显著成效。", Language.ZH, 2020)
    plan = role("今年要坚持稳中求进，将推进改革，拟安排专项债券。", Language.ZH, 2020)
    assert review < 0 < plan
    assert role("We earned record profits and bought two companies.", Language.EN, 2020) < 0
    assert role("We will buy more businesses and shall keep our cash.", Language.EN, 2020) > 0


def test_years_before_the_report_year_read_as_review() -> None:
    assert role("2018年和2019年", Language.ZH, 2020) < role("2020年和2021年", Language.ZH, 2020)


def test_role_agreement_is_one_for_equal_roles_and_zero_for_opposite() -> None:
    assert [[1.0, 0.0], [0.0, 1.0]] == role_agreement([-1.0, 1.0], [-1.0, 1.0]).tolist()


def test_traditional_and_simplified_share_their_features() -> None:
    assert tokenize(fold_script("經濟發展", Language.ZH), "zh") == tokenize("经济发展", "zh")
    assert "Economic growth" == fold_script("Economic growth", Language.EN)


def test_null_leaves_out_each_sections_best_candidates() -> None:
    s = np.array([[0.9, 0.2, 0.1], [0.3, 0.8, 0.2], [0.1, 0.3, 0.7]])
    assert [0.1, 0.1] == sorted(null_scores(s, np.ones((3, 3)), 2).tolist())
    assert [0.1, 0.1, 0.2, 0.2, 0.3, 0.3] == sorted(null_scores(s, np.ones((3, 3)), 1).tolist())


def test_null_ignores_pairs_that_are_not_allowed() -> None:
    s = np.array([[0.9, 0.2, 0.1], [0.3, 0.8, 0.2], [0.1, 0.3, 0.7]])
    allowed = np.ones((3, 3))
    allowed[0, 2] = allowed[2, 0] = 0.0
    assert 0.1 not in null_scores(s, allowed, 1).tolist()


def test_threshold_is_a_quantile_of_the_null_never_below_the_floor() -> None:
    th = Thresholds(floor=0.2, min_null=3)
    null = np.linspace(0.0, 0.5, 101)
    t, size, median = threshold(null, [], th, 0.9)
    assert (0.45, 101, 0.25) == (round(t, 6), size, round(median, 6))
    assert 0.2 == threshold(np.array([0.0, 0.01, 0.02]), [], th, 0.99)[0]


def test_a_small_null_is_pooled_over_the_series() -> None:
    th = Thresholds(floor=0.0, min_null=5)
    t, size, _ = threshold(np.array([0.9]), [np.array([0.1, 0.2, 0.3, 0.4])], th, 1.0)
    assert (0.9, 5) == (t, size)


def _sparse_hits(a: _Shingled, b: _Shingled, n_sent: int, common: int) -> tuple[np.ndarray, ...]:
    """The counts of :func:`reportdiff._align.carry._hits` as sparse products (how they were made)."""
    from scipy import sparse

    uniq, inv = np.unique(np.concatenate([a.sentence_hashes, b.unit_hashes]), return_inverse=True)
    n_sh = len(a.sentence_hashes)
    s = sparse.csr_matrix((np.ones(n_sh), (a.sentence_rows, inv[:n_sh])), shape=(n_sent, len(uniq)))
    n_units = int(b.unit_rows.max()) + 1 if len(b.unit_rows) else 1
    u = sparse.csr_matrix((np.ones(len(b.unit_hashes)), (b.unit_rows, inv[n_sh:])), shape=(n_units, len(uniq)))
    in_b = np.asarray(u.sum(axis=0)).ravel()
    s_good = sparse.csr_matrix(s @ sparse.diags((in_b <= common).astype(float)))
    hits = sparse.csr_matrix(s_good @ u.T)
    hits.sort_indices()
    return (np.asarray(s.sum(axis=1)).ravel(), np.asarray(s_good.sum(axis=1)).ravel(),
            np.asarray(hits.max(axis=1).toarray()).ravel(), np.asarray(hits.argmax(axis=1)).ravel())


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 7), st.integers(0, 12)), min_size=1, max_size=60),
       st.lists(st.tuples(st.integers(0, 5), st.integers(0, 12)), min_size=1, max_size=60),
       st.integers(1, 4))
def test_carried_counts_are_the_sparse_products(sentence_shingles: list[tuple[int, int]],
                                                unit_shingles: list[tuple[int, int]], common: int) -> None:
    """The joined counts (own and informative shingles, the best unit's hits and the lowest unit
    of a tie) equal those of the sparse products, with repeated shingles (hash collisions), ties
    and shingles held by more than ``common`` units."""
    rows, hashes = (np.array(v, dtype=np.int64) for v in zip(*sentence_shingles, strict=True))
    u_rows, u_hashes = (np.array(v, dtype=np.int64) for v in zip(*unit_shingles, strict=True))
    n_sent = int(rows.max()) + 1
    empty = np.zeros(0)
    a = _Shingled(np.zeros(n_sent, dtype=np.int64), empty, empty, rows, hashes, empty.astype(np.int64), empty)
    b = _Shingled(empty.astype(np.int64), empty, empty, empty.astype(np.int64), empty, u_rows, u_hashes)
    expected = _sparse_hits(a, b, n_sent, common)
    actual = _hits(a, b, n_sent, common)
    assert all(np.array_equal(e, g) for e, g in zip(expected, actual, strict=True))
