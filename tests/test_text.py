"""_text.nfkc's fast path and the indicator view's run copying give what the slow forms give."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from reportdiff._indicators._view import View
from reportdiff._text import nfkc

_WIDE = [chr(c) for c in (*range(0xFF01, 0xFF5F), 0x3000)]
_MARKS = [*(chr(c) for c in range(0x300, 0x370)), "\u3099", "\u309a", "\u0338", "\u20d2"]
_OTHER = [*"aZ1 .,中文改革。、…“”\n\t", "\u00a0", "\u2028", "\u200b", "\ufeff", "\u00ad", "\u2460", "\ufb01", "ｶ", "\u1100"]


def test_nfkc_folds_every_full_width_form_with_the_marks_after_it_as_unicodedata_does() -> None:
    for w in _WIDE:
        for m in _MARKS:
            for s in (w + m, m + w, w + m + m, "a" + w + m, w + "\u0316" + m, "中" + w + "\u3099"):
                assert nfkc(s) == unicodedata.normalize("NFKC", s), ascii(s)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_WIDE + _MARKS + _OTHER), max_size=40).map("".join))
def test_nfkc_is_unicodedatas_nfkc(text: str) -> None:
    assert nfkc(text) == unicodedata.normalize("NFKC", text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*"增长6.5%万亿元，,。 \n\t１２．％（）", "\u200b", "\u3000", "ab", "\u00a0"]),
                max_size=40).map("".join))
def test_the_view_maps_each_of_its_characters_back_to_the_text(text: str) -> None:
    v = View.of(text)
    assert len(v.text) == len(v.index)
    assert list(v.index) == sorted(set(v.index))
    for ch, i in zip(v.text, v.index, strict=True):
        src = text[i]
        assert ch == src or (src.isspace() and ch in " \n") or ch == unicodedata.normalize("NFKC", src) \
            or (src == "，" and ch == ",")


def test_a_text_with_nothing_to_fold_is_its_own_view() -> None:
    text = "国内生产总值增长6.6%。GDP rose"
    v = View.of(text)
    assert v.text == text and v.index == tuple(range(len(text)))
