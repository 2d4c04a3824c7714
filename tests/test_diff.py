"""Tests of reportdiff._diff: exact edits, number tokens, moves, stats, options, time limits."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import reportdiff
from reportdiff import _diff as rdiff
from reportdiff._diff import diff_sections, diff_texts, numbers, sentences, tokenize
from reportdiff._diff._moves import Candidate, match_moves
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


def test_large_inputs_are_anchored_on_sentences_and_stay_exact() -> None:
    old = (FIXTURES / "gov-work-report/2016.txt").read_text(encoding="utf-8")[:6000]
    new = (FIXTURES / "gov-work-report/2017.txt").read_text(encoding="utf-8")[:6000]
    new = old[:2000] + new + old[2000:4000]
    d = diff_texts(old, new, granularity="char", cell_budget=100_000)
    assert (old, new) == rebuild(d)
    assert d.approximate is False
    assert d.stats.chars_equal >= 4000


def test_time_limit_marks_the_diff_approximate_but_exact() -> None:
    old = (FIXTURES / "gov-work-report/2016.txt").read_text(encoding="utf-8")[:3000]
    new = (FIXTURES / "gov-work-report/2017.txt").read_text(encoding="utf-8")[:3000]
    d = diff_texts(old, new, granularity="char", timeout=0.0, cell_budget=1000)
    assert d.approximate is True
    assert (old, new) == rebuild(d)


def test_no_time_limit_is_never_approximate() -> None:
    d = diff_texts(S1 + S2 + S3, S3 + S2 + S1, granularity="char", cell_budget=100)
    assert d.approximate is False
    assert (S1 + S2 + S3, S3 + S2 + S1) == rebuild(d)


def test_a_jump_of_the_wall_clock_does_not_cut_a_timed_diff(monkeypatch: pytest.MonkeyPatch) -> None:
    """The limit is kept on the monotonic clock only: a wall clock set a day
    ahead mid-diff neither coarsens the diff nor marks it approximate."""
    import time

    old = (FIXTURES / "gov-work-report/2016.txt").read_text(encoding="utf-8")[:3000]
    new = (FIXTURES / "gov-work-report/2017.txt").read_text(encoding="utf-8")[:3000]
    exact = diff_texts(old, new, granularity="char", cell_budget=1000)
    real = time.time
    monkeypatch.setattr(time, "time", lambda: real() + 86_400.0)
    d = diff_texts(old, new, granularity="char", timeout=600.0, cell_budget=1000)
    assert d.approximate is False
    assert exact.edits == d.edits


@pytest.mark.parametrize(
    ("option", "value"),
    [("cell_budget", 0), ("move_threshold", 1.5), ("timeout", -1.0), ("granularity", "page")],
)
def test_an_option_out_of_range_is_one_clear_error(option: str, value: object) -> None:
    with pytest.raises(ParseError, match=option):
        diff_texts("甲", "乙", **{option: value})  # type: ignore[arg-type]


def test_move_threshold_is_a_parameter() -> None:
    edited = S1.replace("合理区间", "合理的区间范围内")
    assert 1 == len(diff_texts(S1 + S2 + S3, S2 + S3 + edited, move_threshold=0.8).moves)
    assert () == diff_texts(S1 + S2 + S3, S2 + S3 + edited, move_threshold=0.99).moves


def test_diff_options_record_gives_the_keywords_of_diff_texts() -> None:
    opts = rdiff.DiffOptions(granularity="char", move_threshold=0.9)
    assert diff_texts(S1, S2, granularity="char", move_threshold=0.9) == diff_texts(
        S1, S2, **opts.as_kwargs()
    )


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


# --------------------------------------------------------------------------
# changed numbers: same position, same unit family, the vocabulary's units
# --------------------------------------------------------------------------


def test_a_number_with_a_two_character_unit_changes_as_one_value() -> None:
    """``3个月`` is read with its unit ``个月`` (the vocabulary's), not as ``3个``."""
    d = diff_texts("用时3个月", "用时2个月")
    assert [("3个月", "2个月")] == [(c.old, c.new) for c in d.stats.changed_numbers]


def test_the_cli_lists_the_changed_number_with_its_unit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    from reportdiff.cli import main

    a, b = tmp_path / "2020.txt", tmp_path / "2021.txt"
    a.write_text("用时3个月。\n", encoding="utf-8")
    b.write_text("用时2个月。\n", encoding="utf-8")
    assert 1 == main(["diff", str(a), str(b), "--format", "json"])
    changed = json.loads(capsys.readouterr().out)["stats"]["changed_numbers"]
    assert [("3个月", "2个月")] == [(c["old"], c["new"]) for c in changed]


def test_diff_number_tokens_and_extracted_quantities_agree_on_units() -> None:
    """The diff's number tokens and the indicator extractor read the same units."""
    text = (
        "今年用时3个月，受理案件100件，投资54万亿元，国内生产总值增长6.5%，城镇新增就业1300万人，"
        "整治面积2.5平方公里，粮食产量1.2万亿斤，赤字率提高0.2个百分点，培训3000人次，新建2.4万公里。"
    )
    extracted = [q.span.of(text) for q in reportdiff.extract(text)]
    assert extracted == [s.of(text) for s in numbers(text)]
    assert set(extracted) <= set(tokenize(text))


def test_numbers_of_different_unit_families_are_not_paired() -> None:
    d = diff_texts("投资54万亿元。", "增长6.6%。")
    assert [("54万亿元", ""), ("", "6.6%")] == [(c.old, c.new) for c in d.stats.changed_numbers]


def test_a_number_inside_a_name_is_not_the_replacement_of_a_rate() -> None:
    d = diff_texts("工业增加值增长10.2%。", "细颗粒物PM2.5浓度下降。")
    assert [("10.2%", ""), ("", "2.5")] == [(c.old, c.new) for c in d.stats.changed_numbers]


def test_numbers_pair_by_position_among_the_same_words() -> None:
    d = diff_texts("粮食增产100万吨，造林2000万亩。", "造林3000万亩，新建水库12座。")
    assert [("2000万亩", "3000万亩")] == [
        (c.old, c.new) for c in d.stats.changed_numbers if c.old and c.new
    ]


def test_a_number_printed_the_same_on_both_sides_is_not_a_change() -> None:
    d = diff_texts("增长6.5%，就业1300万人。", "就业1300万人，增长7%。")
    changes = [(c.old, c.new) for c in d.stats.changed_numbers]
    assert ("1300万人", "1300万人") not in changes
    assert all(c.old != c.new for c in d.stats.changed_numbers)


@settings(max_examples=40, deadline=None)
@given(old=TEXTS, new=TEXTS)
def test_changed_numbers_point_at_numbers_of_one_family(old: str, new: str) -> None:
    from reportdiff._tokens import number_family

    d = diff_texts(old, new)
    for c in d.stats.changed_numbers:
        if c.old:
            assert c.old == c.a.of(old)
        if c.new:
            assert c.new == c.b.of(new)
        if c.old and c.new:
            assert number_family(c.old) == number_family(c.new)


# --------------------------------------------------------------------------
# move candidates are pre-filtered without losing a match
# --------------------------------------------------------------------------


def _brute_force_moves(
    dels: list[Candidate], ins: list[Candidate], threshold: float
) -> list[tuple[Candidate, Candidate, float]]:
    from rapidfuzz.distance import Indel

    scored = []
    for d in dels:
        for i in ins:
            if (i.hunk, i.rank) == (d.hunk, d.rank):
                continue
            sim = Indel.normalized_similarity(d.text, i.text)
            if sim >= threshold:
                scored.append((-sim, d.pair, d.span.start, i.pair, i.span.start, d, i))
    scored.sort(key=lambda x: x[:5])
    used_a, used_b, out = set(), set(), []
    for neg, _, _, _, _, d, i in scored:
        if d.span.start in used_a or i.span.start in used_b:
            continue
        used_a.add(d.span.start)
        used_b.add(i.span.start)
        out.append((d, i, -neg))
    return out


SENTENCE = st.lists(st.sampled_from(list("改革开放发展加快强建设推进新的")), min_size=6, max_size=30).map(
    "".join
)


@settings(max_examples=60, deadline=None)
@given(
    old=st.lists(SENTENCE, min_size=1, max_size=6),
    edits=st.lists(st.tuples(st.integers(0, 29), st.sampled_from(list("改革新区"))), max_size=4),
    threshold=st.sampled_from([0.7, 0.85, 0.95]),
)
def test_rare_bigram_filter_and_band_scan_find_every_move_all_pairs_would(
    old: list[str], edits: list[tuple[int, str]], threshold: float
) -> None:
    new = []
    for k, s in enumerate(reversed(old)):
        for pos, ch in edits:
            if k % 2 == 0 and pos < len(s):
                s = s[:pos] + ch + s[pos + 1 :]
        new.append(s)
    start = 0
    dels = []
    for k, s in enumerate(old):
        dels.append(Candidate(Span(start, start + len(s)), s, 0, k))
        start += len(s) + 1
    start = 0
    ins = []
    for k, s in enumerate(new):
        ins.append(Candidate(Span(start, start + len(s)), s, 1, k))
        start += len(s) + 1
    expected = _brute_force_moves(dels, ins, threshold)
    assert expected == match_moves(dels, ins, same_pair=True, threshold=threshold, filter_from=0)
    assert expected == match_moves(dels, ins, same_pair=True, threshold=threshold)


@pytest.mark.parametrize("granularity", ["word", "char", "sentence"])
def test_a_shared_text_cache_gives_the_diffs_made_without_it(granularity: str) -> None:
    """A series diffed pair by pair with one TextCache (each text cut once for its two
    diffs) gives the same diffs as without, and the cache never holds more than its size."""
    texts = [(FIXTURES / "gov-work-report" / f"{y}.txt").read_text(encoding="utf-8")[:3000] for y in (2016, 2017, 2018)]
    texts.append(texts[0])  # a text seen again after it left the cache
    import itertools

    cache = rdiff.TextCache(size=2)
    pairs = list(itertools.pairwise(texts))
    with_cache = [diff_texts(a, b, granularity=granularity, cache=cache) for a, b in pairs]
    again = [diff_texts(a, b, granularity=granularity, cache=cache) for a, b in pairs]
    without = [diff_texts(a, b, granularity=granularity) for a, b in pairs]
    assert without == with_cache == again
    assert 2 == len(cache._known)


def test_the_words_between_two_changed_figures_stay_unchanged_text() -> None:
    d = diff_texts("Employment totaled a record 330,745, up 42,283 from last year.",
                   "Employment totaled a record 340,499, up 9,754 from last year.")
    equal = [e.text for e in d.edits if e.op is Op.EQUAL]
    assert any("up" in t for t in equal)  # not [-330,745, up 42,283-]{+340,499, up 9,754+}
    assert [("330,745", "340,499"), ("42,283", "9,754")] == [(c.old, c.new) for c in d.stats.changed_numbers]


def test_the_words_beside_a_changed_figure_stay_unchanged_text() -> None:
    d = diff_texts("We will spend $12,300 million on schools, up 4.5%.",
                   "We will spend $12,900 million on schools and hospitals, up 5%.")
    equal = [e.text for e in d.edits if e.op is Op.EQUAL]
    assert any("on schools" in t for t in equal)  # not [-$12,300 million on schools-]{+… and hospitals+}
    assert ("$12,300 million", "$12,900 million") == (d.stats.changed_numbers[0].old, d.stats.changed_numbers[0].new)


def test_a_text_cache_told_the_uses_keeps_each_text_from_its_first_use_to_its_last() -> None:
    """With ``uses`` (how often each text will be asked for) the cache gives the diffs made
    without it, hands out the same prepared text until its last use, and holds nothing after."""
    import collections
    import itertools

    texts = [(FIXTURES / "gov-work-report" / f"{y}.txt").read_text(encoding="utf-8")[:2000] for y in (2016, 2017, 2018)]
    pairs = [*itertools.pairwise(texts), (texts[2], texts[2])]
    uses = collections.Counter(t for ab in pairs for t in ab)
    cache = rdiff.TextCache(uses=uses)
    held = []
    with_cache = []
    for a, b in pairs:
        with_cache.append(diff_texts(a, b, cache=cache))
        held.append(len(cache._known))
    assert [diff_texts(a, b) for a, b in pairs] == with_cache
    assert [1, 1, 0] == held  # 2016 goes after its one use, 2017 after its second, 2018 after its third
    first = rdiff.TextCache(uses={"甲乙。": 2})
    assert first.get("甲乙。", rdiff.Granularity.WORD, None) is first.get("甲乙。", rdiff.Granularity.WORD, None)
    assert {} == first._known
