"""Tests of reportdiff._tokens: number tokens from the shared vocabulary, rjieba words, sentences."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportdiff import extract
from reportdiff._tokens import (
    default_segmenter,
    number_family,
    numbers,
    terms,
    tokenize,
)
from reportdiff._vocab import CN_UNITS, CURRENCY_SIGNS, EN_UNITS
from reportdiff.model import Granularity

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"


@pytest.mark.parametrize("unit", sorted({u.text for u in CN_UNITS}))
def test_every_chinese_unit_of_the_vocabulary_ends_a_number_token(unit: str) -> None:
    assert f"3{unit}" in tokenize(f"完成3{unit}。")


@pytest.mark.parametrize("unit", sorted({u.text.replace("-", " ") for u in EN_UNITS}))
def test_every_english_unit_of_the_vocabulary_ends_a_number_token(unit: str) -> None:
    assert f"3{unit}" in tokenize(f"rose 3{unit}.") or f"3 {unit}" in tokenize(f"rose 3 {unit}.")


def test_a_unit_guard_keeps_the_word_it_starts_apart() -> None:
    """``人口`` is a word, not the unit ``人``: the number ends at its magnitude."""
    assert ["1000万"] == [s.of("农村人口减少1000万人口") for s in numbers("农村人口减少1000万人口")]


def test_magnitude_words_belong_to_the_number() -> None:
    text = "投资74.4万亿元，收入$1.2 billion，增加3 million"
    assert ["74.4万亿元", "$1.2 billion", "3 million"] == [s.of(text) for s in numbers(text)]


@pytest.mark.parametrize(
    ("number", "family"),
    [("3个月", "time"), ("54万亿元", "currency"), ("6.6%", "rate"), ("0.2个百分点", "points"),
     ("1300多万人", "count"), ("$1.2 billion", "currency"), ("2.5", ""), ("12 percent", "rate")],
)
def test_number_family_reads_the_unit_after_the_magnitude(number: str, family: str) -> None:
    assert family == number_family(number)


def test_default_segmenter_is_loaded_once() -> None:
    assert default_segmenter() is default_segmenter()


@pytest.fixture(scope="module")
def jieba_reference(tmp_path_factory: pytest.TempPathFactory) -> object:
    """jieba's dictionary segmenter (a test dependency), its cache kept in a private folder."""
    import logging

    import jieba

    logging.getLogger("jieba").setLevel(logging.WARNING)
    tk = jieba.Tokenizer()
    tk.tmp_dir = str(tmp_path_factory.mktemp("jieba"))
    tk.initialize()
    return tk


@pytest.mark.parametrize("name", ["gov-work-report/2018.txt", "xishan-rule-of-law/2022.txt"])
def test_rjieba_gives_jiebas_dictionary_words_on_the_fixtures(name: str, jieba_reference: object) -> None:
    """The segmenter cuts as jieba's dictionary segmenter with HMM off, word for word."""
    text = (FIXTURES / name).read_text(encoding="utf-8")
    assert jieba_reference.lcut(text, HMM=False) == list(default_segmenter()(text))  # type: ignore[attr-defined]


def test_segmenting_writes_no_cache_file(tmp_path: Path) -> None:
    """No dictionary cache in a shared temporary folder that another program could replace."""
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    env = {**os.environ, "TMPDIR": str(tmp), "PYTHONPATH": str(ROOT)}
    code = "from reportdiff._tokens import tokenize; print(tokenize('加快发展'))"
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert "['加快', '发展']\n" == out.stdout
    assert [] == sorted(tmp.iterdir())


def test_a_segmenter_that_loses_characters_falls_back_to_characters() -> None:
    assert ["改", "革", "开", "放"] == tokenize("改革开放", segmenter=lambda run: ["改革"])


def test_word_tokens_use_the_given_segmenter() -> None:
    assert ["改", "革"] == tokenize("改革", segmenter=list)


def test_terms_are_lowercased_words_characters_and_numbers() -> None:
    assert ["gdp", "增", "长", "6.5%", "sales"] == terms("GDP增长6.5%, Sales!")
    assert ["改革开放", "发展"] == terms("改革开放发展", chinese_words=True)


@settings(max_examples=60, deadline=None)
@given(
    text=st.text(alphabet=st.sampled_from(list("改革开放发展年月个人口万亿元%0123., \n。Ab$")), max_size=40),
    granularity=st.sampled_from(list(Granularity)),
)
def test_tokens_partition_the_text_and_keep_numbers_whole(text: str, granularity: Granularity) -> None:
    toks = tokenize(text, granularity)
    assert text == "".join(toks)
    if granularity is not Granularity.SENTENCE:
        starts = {0}
        for t in toks:
            starts.add(max(starts) + len(t))
        for s in numbers(text):
            assert s.start in starts and s.end in starts


@settings(max_examples=100, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list("改革人口万亿元个月%0123.,$ PMab\n。")), max_size=40))
def test_numbers_are_the_matches_of_the_number_pattern(text: str) -> None:
    import re

    from reportdiff._tokens import NUMBER_PATTERN

    assert [m.span() for m in re.finditer(NUMBER_PATTERN, text)] == [
        (s.start, s.end) for s in numbers(text)
    ]


WORDY = st.text(alphabet=st.sampled_from(list("改革人口万亿元个月%0123.,$ Ab'’Σ\n。!")), max_size=40)


@settings(deadline=None)
@given(text=WORDY)
def test_terms_numbers_and_counts_agree_with_a_term_pattern_of_their_own(text: str) -> None:
    # the word scan serves terms, numbers and counts; a separate term pattern (as before
    # the scan was shared) must find the same: words split at apostrophes, each lower-cased
    import re

    from reportdiff._text import CJK
    from reportdiff._tokens import NUMBER_PATTERN, content_count, pieces, sentence_terms, sentences

    term_re = re.compile(rf"(?P<num>{NUMBER_PATTERN})|(?P<cjk>[{CJK}]+)|[^\W\d_{CJK}]+")
    found = list(term_re.finditer(text))
    expected = []
    for m in found:
        if m.lastgroup == "cjk":
            expected += [(ch, m.start() + k, False) for k, ch in enumerate(m.group())]
        else:
            expected.append((m.group(), m.start(), m.lastgroup == "num"))
    assert expected == pieces(text)
    assert [p.lower() if not num else p for p, _, num in expected] == terms(text)
    assert len(expected) == content_count(text)
    assert [(m.start(), m.end()) for m in found if m.lastgroup == "num"] == [
        (s.start, s.end) for s in numbers(text)
    ]
    stops = [s.end for s in sentences(text)]
    ends: list[int] = []  # a sentence's terms end before the first term starting at its end or later
    n, k = 0, 0
    for m in found:
        while k < len(stops) and stops[k] <= m.start():
            if not ends or ends[-1] != n:
                ends.append(n)
            k += 1
        n += len(m.group()) if m.lastgroup == "cjk" else 1
    if n and (not ends or ends[-1] != n):
        ends.append(n)
    assert ([p.lower() if not num else p for p, _, num in expected], ends) == sentence_terms(text)


@given(st.text(alphabet=st.sampled_from(list("改革。开放！ Sales rose. 6.5%, don't\n")), max_size=60))
@settings(deadline=None)
def test_terms_are_those_of_sentence_terms_without_the_sentences(text: str) -> None:
    """terms() skips the sentence scan sentence_terms() needs only for its ends."""
    from reportdiff._tokens import sentence_terms, terms

    assert sentence_terms(text)[0] == terms(text)


def test_traditional_text_is_cut_where_its_simplified_rendering_is() -> None:
    """A Traditional sentence falls into dictionary words (經濟, 發展), not single characters, and its
    words join back to it."""
    import opencc

    from reportdiff._tokens import default_segmenter

    simplified = "我们会继续推动经济发展，加强与内地的合作，提高市民的生活质素。"
    traditional = opencc.OpenCC("s2t").convert(simplified)
    cut = default_segmenter()
    words = cut(traditional)
    assert "".join(words) == traditional
    assert [len(w) for w in cut(simplified)] == [len(w) for w in words]
    assert "經濟" in words and len(words) < len(traditional) * 0.7


@pytest.mark.parametrize("sign", ["S$", "HK$", "US$", "RMB", "₹"])
def test_a_currency_code_before_a_number_is_part_of_its_token_as_the_extractor_reads_it(sign: str) -> None:
    text = f"The deficit was {sign}1.5 billion."
    (q,) = extract(text, year=2021, language="en")
    assert f"{sign}1.5 billion" in tokenize(text, "word")
    assert q.unit.startswith(CURRENCY_SIGNS[sign])


def test_a_currency_code_is_not_the_end_of_a_longer_word() -> None:
    assert ["BUS", "$3"] == tokenize("BUS$3", "word")
