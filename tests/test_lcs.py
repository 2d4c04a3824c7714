"""Tests of reportdiff._lcs: the token codebook, the exact LCS, one-pass cleanup, one clock."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import Indel, Levenshtein

from reportdiff._lcs import (
    DEL,
    EQ,
    INS,
    Clock,
    Codebook,
    Diffs,
    TokenDMP,
    anchored_distances,
    edit_distance,
    lcs_length,
    token_diffs,
)

TOKENS = st.lists(st.sampled_from(["改革", "开放", "。", "\n", " ", "发展", "6.5%", "a", "b."]), max_size=30)


def _reference_cleanup(dmp: TokenDMP, diffs: Diffs) -> None:
    """diff-match-patch's semantic-cleanup scan (back to the previous equality after each
    merge), with the same weights and kept equalities: what the one pass must equal."""
    changes = False
    equalities: list[int] = []
    last: str | None = None
    pointer = 0
    ins1 = del1 = ins2 = del2 = 0
    while pointer < len(diffs):
        op, code = diffs[pointer]
        if op == EQ:
            equalities.append(pointer)
            ins1, ins2, del1, del2 = ins2, 0, del2, 0
            last = code
        else:
            if op == INS:
                ins2 += dmp._weight(code)
            else:
                del2 += dmp._weight(code)
            if (
                last
                and dmp._weight(last) <= max(ins1, del1)
                and dmp._weight(last) <= max(ins2, del2)
                and not dmp._keeps(last)
            ):
                diffs.insert(equalities[-1], (DEL, last))
                diffs[equalities[-1] + 1] = (INS, diffs[equalities[-1] + 1][1])
                equalities.pop()
                if equalities:
                    equalities.pop()
                pointer = equalities[-1] if equalities else -1
                ins1 = del1 = ins2 = del2 = 0
                last = None
                changes = True
        pointer += 1
    if changes:
        dmp.diff_cleanupMerge(diffs)


@settings(deadline=None)
@given(a=TOKENS, b=TOKENS)
def test_one_pass_cleanup_merges_what_the_rescanning_scan_merges(a: list[str], b: list[str]) -> None:
    book = Codebook()
    dmp = TokenDMP(book)
    raw = token_diffs(a, b, book, Clock(None), cleanup=False, semantic=False)
    expected = list(raw)
    _reference_cleanup(dmp, expected)
    actual = list(raw)
    dmp.diff_cleanupSemantic(actual)
    # the one pass also slides edits and splits overlaps after merging; undo neither:
    # compare the merge step alone by running the same later steps on the reference
    dmp.diff_cleanupSemanticLossless(expected)
    dmp._split_overlaps(expected)
    assert expected == actual


@settings(max_examples=100, deadline=None)
@given(a=TOKENS, b=TOKENS, cleanup=st.booleans())
def test_token_diffs_rebuild_both_token_strings(a: list[str], b: list[str], cleanup: bool) -> None:
    book = Codebook()
    diffs = token_diffs(a, b, book, Clock(None), cleanup=cleanup, semantic=True)
    assert "".join(a) == "".join(book.decode(s) for op, s in diffs if op != INS)
    assert "".join(b) == "".join(book.decode(s) for op, s in diffs if op != DEL)


def test_codebook_skips_the_surrogates() -> None:
    book = Codebook()
    code = book.encode([str(k) for k in range(0xD800 + 10)])
    assert not any(0xD800 <= ord(c) <= 0xDFFF for c in code)
    assert ["55295", "55296"] == [book.token(code[0xD7FF]), book.token(code[0xD800])]


def test_an_expired_clock_cuts_a_bisection_and_says_so() -> None:
    clock = Clock(0.0)
    dmp = TokenDMP(Codebook(), clock)
    assert [(DEL, "abcdef"), (INS, "abxdefg")] == dmp.diff_bisect("abcdef", "abxdefg", 0.0)
    assert clock.cut is True


def test_bisection_ignores_the_wall_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    clock = Clock(600.0)
    dmp = TokenDMP(Codebook(), clock)
    monkeypatch.setattr(time, "time", lambda: 1e12)
    assert [(EQ, "ab"), (DEL, "c"), (INS, "x"), (EQ, "def"), (INS, "g")] == dmp.diff_bisect(
        "abcdef", "abxdefg", 0.0
    )
    assert clock.cut is False


def test_without_a_limit_the_clock_never_expires() -> None:
    assert Clock(None).expired() is False


def test_distances_on_tokens() -> None:
    assert 1 == edit_distance(["改革", "开放"], ["深化", "开放"])
    assert 1 == lcs_length(["改革", "开放"], ["深化", "开放"])


CODES = st.text(alphabet=st.sampled_from(list("abcdefgh")), max_size=200)


@settings(deadline=None)
@given(a=CODES, b=CODES, budget=st.sampled_from([1, 50, 10**9]))
def test_anchored_distances_bound_the_exact_ones(a: str, b: str, budget: int) -> None:
    lcs, dist = anchored_distances(a, b, cell_budget=budget)
    exact_lcs = (len(a) + len(b) - Indel.distance(a, b)) // 2
    exact_dist = Levenshtein.distance(a, b)
    assert lcs <= exact_lcs and dist >= exact_dist
    assert dist <= max(len(a), len(b))
    if budget == 10**9:
        assert (exact_lcs, exact_dist) == (lcs, dist)


def test_anchored_distances_are_exact_for_a_revision_past_the_budget() -> None:
    import random

    rng = random.Random(7)
    a = "".join(chr(0x4E00 + rng.randrange(3000)) for _ in range(20_000))
    b = a[:5000] + "新增一句" + a[5000:12000] + a[12500:]
    exact = ((len(a) + len(b) - Indel.distance(a, b)) // 2, Levenshtein.distance(a, b))
    assert exact == anchored_distances(a, b, cell_budget=1_000_000)


@settings(deadline=None)
@given(
    a=CODES,
    b=CODES,
    cuts=st.lists(st.integers(1, 20), min_size=1, max_size=20),
    budget=st.sampled_from([1, 50, 10**9]),
)
def test_chunked_distances_bound_the_exact_ones(a: str, b: str, cuts: list[int], budget: int) -> None:
    from reportdiff._lcs import chunked_distances

    def ends(s: str) -> list[int]:
        out, at = [], 0
        for c in cuts:
            at += c
            if at >= len(s):
                break
            out.append(at)
        return [*out, len(s)] if s else []

    lcs, dist = chunked_distances(a, b, ends(a), ends(b), cell_budget=budget)
    exact_lcs = (len(a) + len(b) - Indel.distance(a, b)) // 2
    exact_dist = Levenshtein.distance(a, b)
    assert lcs <= exact_lcs and exact_dist <= dist <= max(len(a), len(b))
    if budget == 10**9:
        assert (exact_lcs, exact_dist) == (lcs, dist)


RAW_DIFFS = st.lists(
    st.tuples(st.sampled_from([DEL, EQ, INS]), st.text(alphabet="ab", max_size=3)), max_size=10
)


@settings(deadline=None)
@given(diffs=RAW_DIFFS)
def test_cleanup_merge_gives_diff_match_patchs_result(diffs: Diffs) -> None:
    import diff_match_patch

    expected, actual = list(diffs), list(diffs)
    diff_match_patch.diff_match_patch().diff_cleanupMerge(expected)
    TokenDMP(Codebook()).diff_cleanupMerge(actual)
    assert expected == actual


@settings(max_examples=100, deadline=None)
@given(a=TOKENS, b=TOKENS)
def test_frequency_codes_give_the_codebooks_distances(a: list[str], b: list[str]) -> None:
    import collections

    from reportdiff._lcs import encode_by_frequency

    fa, fb = encode_by_frequency(a, b, collections.Counter(a) + collections.Counter(b))
    book = Codebook()
    ea, eb = book.encode(a), book.encode(b)
    assert Indel.distance(fa, fb) == Indel.distance(ea, eb)
    assert Levenshtein.distance(fa, fb) == Levenshtein.distance(ea, eb)
    assert [a.count(t) for t in a] == [fa.count(c) for c in fa]  # one code per token


def test_codebook_decodes_and_measures_what_it_encoded() -> None:
    book = Codebook()
    code = book.encode(["改革", "", "6.5%", "改革"])
    assert "改革6.5%改革" == book.decode(code)
    assert [2, 0, 4, 2] == [book.width(c) for c in code]
    assert 8 == book.width(code)
