"""Tests of reportdiff.similarity: the four Lazy Prices measures."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportdiff.model import Similarity
from reportdiff.similarity import (
    cosine,
    cosine_of_counts,
    edit_similarity,
    jaccard,
    jaccard_of_counts,
    similarity,
    simple_similarity,
    tokens,
)

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
TEXTS = st.text(alphabet=st.sampled_from(list("改革开放发展 abc ABC 12.%。，")), max_size=30)


def test_identical_texts_score_one_on_every_measure() -> None:
    assert Similarity(1.0, 1.0, 1.0, 1.0) == similarity("深化改革开放。", "深化改革开放。")


def test_texts_without_shared_terms_score_zero() -> None:
    assert Similarity(0.0, 0.0, 0.0, 0.0) == similarity("改革", "dogs")


def test_two_empty_texts_are_identical_and_one_empty_text_shares_nothing() -> None:
    assert Similarity(1.0, 1.0, 1.0, 1.0) == similarity("", "")
    assert Similarity(0.0, 0.0, 0.0, 0.0) == similarity("", "改革")


def test_chinese_terms_are_characters_and_english_terms_lowercased_words() -> None:
    assert ["改", "革", "sales", "rose", "6.5%"] == tokens("改革，Sales ROSE 6.5%。")


def test_chinese_words_option_cuts_dictionary_words() -> None:
    assert ["改革开放", "发展"] == tokens("改革开放发展", chinese_words=True)


def test_punctuation_and_spacing_do_not_change_similarity() -> None:
    assert Similarity(1.0, 1.0, 1.0, 1.0) == similarity("Sales rose.", "sales,  ROSE!")


def test_measures_match_their_definitions() -> None:
    a, b = list("abcd"), list("axcd")
    assert 0.75 == pytest.approx(cosine(a, b))
    assert 3 / 5 == pytest.approx(jaccard(a, b))
    assert 0.75 == pytest.approx(edit_similarity(a, b))
    assert 0.75 == pytest.approx(simple_similarity(a, b))


def test_simple_similarity_counts_order_and_jaccard_does_not() -> None:
    s = similarity("甲乙丙丁", "丁丙乙甲")
    assert (1.0, 1.0) == (s.cosine, s.jaccard)
    assert s.simple < 0.5 and s.edit < 0.5


def test_unknown_language_is_refused_with_the_choices() -> None:
    with pytest.raises(ValueError, match="expected 'zh', 'en' or None"):
        similarity("a", "b", language="fr")


@settings(max_examples=60, deadline=None)
@given(a=TEXTS, b=TEXTS)
def test_measures_are_symmetric_and_within_unit_interval(a: str, b: str) -> None:
    s, r = similarity(a, b), similarity(b, a)
    assert s == r
    for v in (s.cosine, s.jaccard, s.edit, s.simple):
        assert 0.0 <= v <= 1.0


def test_long_texts_give_the_exact_measures_of_a_revised_report() -> None:
    """Texts past the exact budget are cut at shared rare runs; on a revised
    report (here three fixture years joined, against a revision of them) the
    measures are the exact ones."""
    from rapidfuzz.distance import Indel, Levenshtein

    from reportdiff import _lcs

    text = "".join((FIXTURES / f"gov-work-report/{y}.txt").read_text(encoding="utf-8") for y in (2016, 2017, 2018))
    revised = text.replace("发展", "发展进步").replace("改革", "深化改革")[5000:] + "新增内容。"
    a, b = tokens(text), tokens(revised)
    assert len(a) * len(b) > _lcs.CELL_BUDGET  # the linear path
    codes = _lcs.Codebook()
    ea, eb = codes.encode(a), codes.encode(b)
    lcs = (len(ea) + len(eb) - Indel.distance(ea, eb)) // 2
    assert (lcs, Levenshtein.distance(ea, eb)) == _lcs.anchored_distances(ea, eb)
    s = similarity(text, revised)
    assert round(2 * lcs / (len(a) + len(b)), 6) == s.simple


def test_measures_are_those_of_the_terms() -> None:
    a, b = "加快改革开放，GDP增长6.5%。", "深化改革开放，GDP增长6.6%。"
    ta, tb = tokens(a), tokens(b)
    assert Similarity(
        round(cosine(ta, tb), 6),
        round(jaccard(ta, tb), 6),
        round(edit_similarity(ta, tb), 6),
        round(simple_similarity(ta, tb), 6),
    ) == similarity(a, b)


PIECES = st.lists(st.text(alphabet=st.sampled_from(list("改革 ab12.%$,'\n")), max_size=12), min_size=1, max_size=4)


@given(PIECES, PIECES)
@settings(deadline=None)
def test_measures_of_counts_of_pieces_cut_after_line_breaks_are_those_of_the_whole_texts(a, b) -> None:  # type: ignore[no-untyped-def]
    """What the report's section heatmap relies on: the counts of a text cut after line
    breaks are the sum of its pieces' counts, and the measures of counts are the same
    floats as those of the terms."""
    import collections

    def whole_and_summed(pieces):  # type: ignore[no-untyped-def]
        cut = [p if k == len(pieces) - 1 or p.endswith("\n") else p + "\n" for k, p in enumerate(pieces)]
        summed: collections.Counter[str] = collections.Counter()
        for piece in cut:
            summed.update(tokens(piece))
        return "".join(cut), summed

    ta, ca = whole_and_summed(a)
    tb, cb = whole_and_summed(b)
    assert collections.Counter(tokens(ta)) == ca
    assert (cosine(tokens(ta), tokens(tb)), jaccard(tokens(ta), tokens(tb))) == (
        cosine_of_counts(ca, cb), jaccard_of_counts(ca, cb))
