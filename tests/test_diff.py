"""Tests of reportdiff._diff: exact edits, number tokens, moves, stats, time limits."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportdiff import _diff as rdiff
from reportdiff._diff import diff_sections, diff_texts, numbers, sentences, tokenize
from reportdiff.errors import ParseError
from reportdiff.model import DiffSide, Granularity, Op, Span, TextDiff

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
GRANULARITIES = list(Granularity)

# Chinese, English, digits, units, punctuation of both scripts, whitespace, emoji.
ALPHABET = st.sampled_from(
    list("改革开放发展加快强年件元万亿%")
    + list("abc XYZ")
    + list("0123.,$")
    + list("。，！？；.!?\n ")
    + ["😀", "👍🏽", "é", "\u200d", "\u0301"]
)
TEXTS = st.lists(ALPHABET, max_size=40).map("".join)


def rebuild(d: TextDiff) -> tuple[str, str]:
    old = "".join(e.text for e in d.edits if e.op is not Op.INSERT)
    new = "".join(e.text for e in d.edits if e.op is not Op.DELETE)
    return old, new


def ops(d: TextDiff) -> list[tuple[str, str]]:
    return [(e.op.value, e.text) for e in d.edits]


def assert_spans_consistent(d: TextDiff) -> None:
    a = b = 0
    for e in d.edits:
        assert e.a.start == a and e.b.start == b
        if e.op is not Op.INSERT:
            assert e.text == e.a.of(d.old.text)
        if e.op is not Op.DELETE:
            assert e.text == e.b.of(d.new.text)
        a, b = e.a.end, e.b.end
    assert (len(d.old.text), len(d.new.text)) == (a, b)


# --------------------------------------------------------------------------
# exactness
# --------------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(old=TEXTS, new=TEXTS, granularity=st.sampled_from(GRANULARITIES))
def test_edits_rebuild_both_texts_exactly(old: str, new: str, granularity: Granularity) -> None:
    d = diff_texts(old, new, granularity=granularity)
    assert (old, new) == rebuild(d)
    assert_spans_consistent(d)
    assert d.approximate is False
    assert (old == new) == d.identical


@settings(max_examples=40, deadline=None)
@given(text=TEXTS, granularity=st.sampled_from(GRANULARITIES))
def test_tokens_join_back_to_the_text(text: str, granularity: Granularity) -> None:
    assert text == "".join(tokenize(text, granularity))


@settings(max_examples=30, deadline=None)
@given(old=TEXTS, new=TEXTS)
def test_moves_point_at_deleted_and_inserted_text(old: str, new: str) -> None:
    d = diff_texts(
        old + "。甲乙丙丁戊己庚辛壬癸子丑。" + new, new + "。" + old + "甲乙丙丁戊己庚辛壬癸子丑。"
    )
    for m in d.moves:
        inner = [e for e in m.edits if e.op is not Op.INSERT]
        assert m.a.of(d.old.text) == "".join(e.text for e in inner)
        assert m.b.of(d.new.text) == "".join(e.text for e in m.edits if e.op is not Op.DELETE)


@pytest.mark.parametrize("granularity", GRANULARITIES)
def test_empty_texts_give_no_edits_and_are_identical(granularity: Granularity) -> None:
    d = diff_texts("", "", granularity=granularity)
    assert () == d.edits
    assert d.identical
    assert [("insert", "新增内容。")] == ops(diff_texts("", "新增内容。", granularity=granularity))
    assert [("delete", "old text.")] == ops(diff_texts("old text.", "", granularity=granularity))


def test_whole_report_pair_is_exact_and_not_approximate() -> None:
    old = (FIXTURES / "gov-work-report/2013.txt").read_text(encoding="utf-8")
    new = (FIXTURES / "gov-work-report/2014.txt").read_text(encoding="utf-8")
    d = diff_texts(old, new)
    assert (old, new) == rebuild(d)
    assert d.approximate is False
    assert len(old) == d.stats.chars_equal + d.stats.chars_deleted
    assert len(new) == d.stats.chars_equal + d.stats.chars_inserted


def test_diff_is_deterministic() -> None:
    old = (FIXTURES / "xishan-rule-of-law/2022.txt").read_text(encoding="utf-8")
    new = old.replace("法治", "依法治理").replace("2022", "2023")
    assert diff_texts(old, new) == diff_texts(old, new)


# --------------------------------------------------------------------------
# tokens: numbers with units, Chinese words, sentences
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "number", ["100件", "74.4万亿元", "6.5%", "$1.2 billion", "0.5个百分点", "1,234"]
)
@pytest.mark.parametrize("granularity", [Granularity.CHAR, Granularity.WORD])
def test_number_with_unit_is_one_token(number: str, granularity: Granularity) -> None:
    assert number in tokenize(f"增长 {number}。", granularity)


@pytest.mark.parametrize("granularity", GRANULARITIES)
def test_changed_number_reads_as_one_replaced_value(granularity: Granularity) -> None:
    d = diff_texts("全年受理案件100件。", "全年受理案件120件。", granularity=granularity)
    if granularity is not Granularity.SENTENCE:
        assert [
            ("equal", "全年受理案件"),
            ("delete", "100件"),
            ("insert", "120件"),
            ("equal", "。"),
        ] == ops(d)
    change = d.stats.changed_numbers
    assert [("100件", "120件", Span(6, 10), Span(6, 10))] == [
        (c.old, c.new, c.a, c.b) for c in change
    ]


def test_word_mode_replaces_whole_chinese_words() -> None:
    d = diff_texts("要加快发展", "要加强发展", granularity="word")
    assert [("equal", "要"), ("delete", "加快"), ("insert", "加强"), ("equal", "发展")] == ops(d)


def test_char_mode_replaces_single_characters() -> None:
    d = diff_texts("要加快发展", "要加强发展", granularity="char")
    assert [("equal", "要加"), ("delete", "快"), ("insert", "强"), ("equal", "发展")] == ops(d)


def test_english_words_split_on_spaces_and_punctuation() -> None:
    assert ["Berkshire", "’s", " ", "book", "-", "value", "."] != tokenize(
        "Berkshire’s book-value."
    )
    assert ["Berkshire’s", " ", "book", "-", "value", "."] == tokenize("Berkshire’s book-value.")


def test_sentences_end_at_chinese_and_english_stops() -> None:
    text = "一是稳增长；二是调结构。能做到吗？\nWe grew 6.5% in the U.S. market. Why?"
    assert [
        "一是稳增长；",
        "二是调结构。",
        "能做到吗？",
        "We grew 6.5% in the U.S. market.",
        "Why?",
    ] == [s.of(text) for s in sentences(text)]


def test_sentence_mode_compares_whole_sentences() -> None:
    d = diff_texts("甲。乙。丙。", "甲。乙改。丙。", granularity="sentence")
    assert [("equal", "甲。"), ("delete", "乙。"), ("insert", "乙改。"), ("equal", "丙。")] == ops(
        d
    )


def test_numbers_finds_values_with_units() -> None:
    text = "粮食产量1.2万亿斤，增长6.5%，投资$3 million。"
    assert ["1.2万亿斤", "6.5%", "$3 million"] == [s.of(text) for s in numbers(text)]


def test_sentence_end_is_kept_between_rewritten_sentences() -> None:
    d = diff_texts("受理案件100件。加快发展。", "受理案件120件。加强发展。")
    assert ("equal", "。") in ops(d)


# --------------------------------------------------------------------------
# moves
# --------------------------------------------------------------------------

S1 = "坚持稳中求进工作总基调，保持经济运行在合理区间。"
S2 = "深化供给侧结构性改革，推动高质量发展取得新进展。"
S3 = "加强生态环境保护，打好污染防治攻坚战。"


def test_moved_sentence_is_reported_as_a_move() -> None:
    d = diff_texts(S1 + S2 + S3, S2 + S3 + S1)
    assert 1 == len(d.moves)
    m = d.moves[0]
    assert S1.rstrip("。") == m.a.of(d.old.text)
    assert S1.rstrip("。") == m.b.of(d.new.text)
    assert 1.0 == m.similarity


def test_moved_and_edited_sentence_shows_its_inner_edits() -> None:
    edited = S1.replace("合理区间", "合理区间内")
    d = diff_texts(S1 + S2 + S3, S2 + S3 + edited)
    assert 1 == len(d.moves)
    inner = [(e.op.value, e.text) for e in d.moves[0].edits if e.op is not Op.EQUAL]
    assert [("insert", "内")] == inner
    assert d.moves[0].similarity < 1.0


def test_unrelated_sentences_are_not_moves() -> None:
    d = diff_texts(S1 + S2, S2 + "今年发展主要预期目标是国内生产总值增长六左右。")
    assert () == d.moves


def test_short_sentences_never_move() -> None:
    d = diff_texts("好。" + S2 + S3, S2 + S3 + "好。")
    assert () == d.moves


def test_sentence_edited_in_place_is_not_a_move() -> None:
    d = diff_texts(S1 + S2, S1.replace("稳中求进", "稳字当头") + S2, granularity="sentence")
    assert () == d.moves


def test_moves_can_be_turned_off() -> None:
    assert () == diff_texts(S1 + S2 + S3, S2 + S3 + S1, detect_moves=False).moves


def test_sentence_moved_between_section_pairs_is_a_cross_move() -> None:
    sd = diff_sections([(S1 + S2, S2), (S3, S3 + S1)])
    assert [(0, 1)] == [(m.a_pair, m.b_pair) for m in sd.moves]
    m = sd.moves[0].move
    assert S1.rstrip("。") == m.a.of(sd.diffs[0].old.text)
    assert S1.rstrip("。") == m.b.of(sd.diffs[1].new.text)


# --------------------------------------------------------------------------
# statistics
# --------------------------------------------------------------------------


def test_stats_count_characters_tokens_and_unchanged_sentences() -> None:
    d = diff_texts(S1 + S2, S1 + S3)
    s = d.stats
    assert (len(S1 + S2), len(S1 + S3)) == (
        s.chars_equal + s.chars_deleted,
        s.chars_equal + s.chars_inserted,
    )
    assert (2, 2, 1, 0.5) == (
        s.sentences_old,
        s.sentences_new,
        s.sentences_unchanged,
        s.unchanged_share,
    )
    assert s.tokens_equal > 0 and s.tokens_deleted > 0 and s.tokens_inserted > 0
    assert 0.0 < s.similarity.cosine < 1.0


def test_removed_and_added_numbers_are_listed() -> None:
    d = diff_texts("投资100亿元，新增就业。", "投资，新增就业1300万人。")
    assert [("100亿元", ""), ("", "1300万人")] == [(c.old, c.new) for c in d.stats.changed_numbers]


# --------------------------------------------------------------------------
# large inputs and time limits
# --------------------------------------------------------------------------


def test_large_inputs_are_anchored_on_sentences_and_stay_exact(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    old = (FIXTURES / "gov-work-report/2016.txt").read_text(encoding="utf-8")[:6000]
    new = (FIXTURES / "gov-work-report/2017.txt").read_text(encoding="utf-8")[:6000]
    new = old[:2000] + new + old[2000:4000]
    monkeypatch.setattr(rdiff, "CELL_BUDGET", 100_000)
    d = diff_texts(old, new, granularity="char")
    assert (old, new) == rebuild(d)
    assert d.approximate is False
    assert d.stats.chars_equal >= 4000


def test_time_limit_marks_the_diff_approximate_but_exact(monkeypatch: pytest.MonkeyPatch) -> None:
    old = (FIXTURES / "gov-work-report/2016.txt").read_text(encoding="utf-8")[:3000]
    new = (FIXTURES / "gov-work-report/2017.txt").read_text(encoding="utf-8")[:3000]
    monkeypatch.setattr(rdiff, "CELL_BUDGET", 1000)
    d = diff_texts(old, new, granularity="char", timeout=0.0)
    assert d.approximate is True
    assert (old, new) == rebuild(d)


def test_no_time_limit_is_never_approximate(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rdiff, "CELL_BUDGET", 100)
    d = diff_texts(S1 + S2 + S3, S3 + S2 + S1, granularity="char")
    assert d.approximate is False
    assert (S1 + S2 + S3, S3 + S2 + S1) == rebuild(d)


# --------------------------------------------------------------------------
# reports
# --------------------------------------------------------------------------


def test_diff_reports_compares_one_section_and_names_the_files() -> None:
    from reportdiff._compare import read_report

    r = read_report(FIXTURES / "xishan-rule-of-law/2022.txt")
    d = rdiff.diff_reports(r, r, section="一")
    assert d.identical
    assert DiffSide(r.root.find("一").text(), r.path, 2022, "一") == d.old  # type: ignore[union-attr]


def test_diff_reports_names_the_missing_section() -> None:
    from reportdiff._compare import read_report

    r = read_report(FIXTURES / "xishan-rule-of-law/2022.txt")
    with pytest.raises(ParseError, match=r"no section '九十九'.*reportdiff sections"):
        rdiff.diff_reports(r, r, section="九十九")


def test_edit_distance_and_lcs_length_work_on_tokens() -> None:
    assert 1 == rdiff.edit_distance(["改革", "开放"], ["深化", "开放"])
    assert 1 == rdiff.lcs_length(["改革", "开放"], ["深化", "开放"])
