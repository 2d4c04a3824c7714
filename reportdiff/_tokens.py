"""Tokens: the units a diff and the similarity measures compare.

A number with its unit (``100件``, ``74.4万亿元``, ``3个月``, ``6.5%``,
``$1.2 billion``) is one token in every granularity; its units come from
:mod:`reportdiff._vocab`, the table the indicator extractor reads too, so the
diff and the indicators agree on what ``3个月`` is.  Chinese runs are cut into
dictionary words by ``rjieba`` (jieba-rs, HMM off: the same words as jieba's
dictionary segmenter, loaded once per process, lazily, with no cache file).
"""

from __future__ import annotations

import functools
import importlib
import re
import sys
from collections.abc import Callable, Sequence

from reportdiff._text import CJK, simplified_table
from reportdiff._vocab import CN_UNITS, CURRENCY_SIGNS, EN_UNITS, MAGNITUDES, unit_of, unit_pattern
from reportdiff.model import Granularity, Span

__all__ = [
    "CLOSERS",
    "ENDS",
    "NUMBER_PATTERN",
    "Segmenter",
    "char_segmenter",
    "content_count",
    "default_segmenter",
    "number_family",
    "numbers",
    "pieces",
    "sentence_terms",
    "sentences",
    "terms",
    "tokenize",
    "word_matches",
]

Segmenter = Callable[[str], Sequence[str]]
"""Cuts Chinese text into words.  It is called once per text with the runs of
Chinese characters joined by newlines; its words must join back to its input,
each newline a word of its own."""

ENDS = "。！？；!?"
"""Characters that end a sentence wherever they stand."""
CLOSERS = '”’"』」）)》】'
"""Closing quotes and brackets that stay with the sentence end before them."""

_CURRENCY_SIGNS = "(?:" + "|".join(
    ("(?<![^\\W\\d_])" if c[0].isalpha() else "") + re.escape(c)
    for c in sorted(CURRENCY_SIGNS, key=lambda c: (-len(c), c))) + ")"
"""A currency sign or code before a number (``$``, ``HK$``, ``S$``, ``RMB``: :data:`~reportdiff._vocab.CURRENCY_SIGNS`,
the extractor's table), not the end of a longer word."""
_LATIN_MAGNITUDES = sorted((m for m in MAGNITUDES if m.isascii()), key=lambda m: (-len(m), m))
_CJK_MAGNITUDES = sorted((m for m in MAGNITUDES if not m.isascii()), key=lambda m: (-len(m), m))
_EN_WORD_UNITS = tuple(u for u in EN_UNITS if u.text[0].isalpha())
_SYMBOL_UNITS = sorted({u.text for u in (*CN_UNITS, *EN_UNITS) if not u.text[0].isalnum()})

NUMBER_PATTERN = (
    rf"(?:{_CURRENCY_SIGNS}[ ]?)?\d+(?:,\d{{3}}(?!\d))*(?:\.\d+)?"
    r"(?:[ \u00a0]?(?:"
    + "|".join([unit_pattern(_EN_WORD_UNITS), *(m for m in _LATIN_MAGNITUDES)])
    + r")\b"
    + "|[" + re.escape("".join(_SYMBOL_UNITS)) + "]"
    + r"|[多余]?(?:" + "|".join(_CJK_MAGNITUDES) + r")?[多余]?(?:"
    + unit_pattern(tuple(u for u in CN_UNITS if u.text[0].isalnum()))
    + r")?)"
)
"""A number with its unit: ``100件``, ``74.4万亿元``, ``3个月``, ``6.5%``, ``$1.2 billion``.

Units and magnitude words are :mod:`reportdiff._vocab`'s (``CN_UNITS``,
``EN_UNITS``, ``MAGNITUDES``), with their guards (``1000万人口`` ends at ``万``)."""



@functools.cache
def _number_parts_re() -> re.Pattern[str]:
    """A number token's sign and unit, compiled on first use (only changed numbers need it)."""
    return re.compile(
        rf"(?P<sign>{_CURRENCY_SIGNS})?[ ]?[\d,.]+[ \u00a0]?[多余]?"
        rf"(?:{'|'.join([*_CJK_MAGNITUDES, *_LATIN_MAGNITUDES])})?[多余]?[ ]?(?P<unit>.*)",
        re.S,
    )


@functools.cache
def _char_re() -> re.Pattern[str]:
    """Character tokens (numbers whole), compiled on first use: word diffs never need it."""
    return re.compile(rf"(?P<num>{NUMBER_PATTERN})|(?P<other>.)", re.S)


_WORD_RE = re.compile(
    rf"(?P<num>{NUMBER_PATTERN})|(?P<cjk>[{CJK}]+)"
    rf"|(?P<word>[^\W\d_{CJK}]+(?:['’][^\W\d_{CJK}]+)*)|(?P<space>\s+)|(?P<other>.)",
    re.S,
)
_DIGIT_RE = re.compile(r"\d")
_SENTENCE_RE = re.compile(
    rf"\s+|[^\n]+?(?:[{ENDS}]+[{CLOSERS}]*|\.+[{CLOSERS}]*(?=\s+(?![a-z0-9])|\s*$)|(?=\n)|$)"
)


def char_segmenter(run: str) -> list[str]:
    """One word per character: the segmenter when no dictionary is available.

    >>> char_segmenter("改革")
    ['改', '革']
    """
    return list(run)


@functools.cache
def default_segmenter() -> Segmenter:
    """rjieba's dictionary segmenter with HMM off, loaded on first use.

    rjieba's own instance, loaded when rjieba is first imported (a second,
    private instance would load the dictionary twice); reportdiff never adds
    words to it, and a program that does changes its word diffs.  HMM off, so
    unknown words fall apart into characters, the same way every time.  rjieba
    gives the same words as jieba's ``Tokenizer().lcut(text, HMM=False)``
    (checked token for token on the development corpus) in a fraction of the
    time and keeps no cache file.  Without rjieba, Chinese falls back to one
    word per character, with a warning.

    Traditional characters are cut as their Simplified forms are (OpenCC ``t2s`` one character
    for one, :func:`reportdiff._text.simplified_table`), so a Traditional report is compared word by
    word too, not character by character.

    >>> default_segmenter()("加快发展")
    ['加快', '发展']
    >>> default_segmenter()("加快發展")
    ['加快', '發展']
    """
    try:
        rjieba = importlib.import_module("rjieba")  # imported by name: loaded only for word diffs
    except ImportError:  # pragma: no cover - rjieba is a declared dependency
        import logging  # only for this warning: the module is slow to import

        logging.getLogger(__name__).warning("rjieba is not installed: Chinese words are compared character by character")
        return char_segmenter
    jieba = rjieba

    def cut(run: str) -> list[str]:
        table = simplified_table(run)
        if not table:
            words: list[str] = jieba.cut(run, hmm=False)
            return words
        # Traditional characters: cut the Simplified rendering (the dictionary's), then the text
        # itself at the same places (the fold is one character for one)
        out, pos = [], 0
        for w in jieba.cut(run.translate(table), hmm=False):
            out.append(run[pos:pos + len(w)])
            pos += len(w)
        return out

    return cut


def word_matches(text: str) -> list[re.Match[str]]:
    """``text`` cut by the word pattern: each match's ``lastgroup`` is ``num`` (a
    number with its unit), ``cjk`` (a run of Chinese characters), ``word`` (a
    Latin-script word, ``don't`` whole), ``space`` or ``other`` (one character).

    One scan serves the word tokens, the similarity terms, the numbers and the
    content count of a text (:func:`tokenize`, :func:`sentence_terms`).

    >>> [(m.lastgroup, m.group()) for m in word_matches("改革 don't 6%")]
    [('cjk', '改革'), ('space', ' '), ('word', "don't"), ('space', ' '), ('num', '6%')]
    """
    return list(_WORD_RE.finditer(text))


def _word_parts(word: str) -> list[str]:
    """The similarity terms of a word match: its parts between apostrophes."""
    return word.replace("’", "'").split("'") if "'" in word or "’" in word else [word]


def tokenize(
    text: str,
    granularity: Granularity | str = Granularity.WORD,
    *,
    segmenter: Segmenter | None = None,
    matches: Sequence[re.Match[str]] | None = None,
) -> list[str]:
    """Cut ``text`` into the tokens a diff compares; they join back to ``text``.

    Args:
        text: any text.
        granularity: ``char`` (characters), ``word`` (Chinese words, English
            words, spaces and punctuation) or ``sentence`` (sentences ending in
            。！？；.!? or at a line end, and the whitespace between them).  A number
            with its unit is one token in every granularity.
        segmenter: cuts runs of Chinese characters into words in ``word``
            granularity; default :func:`default_segmenter`.
        matches: ``word_matches(text)``, when the caller has them already
            (``word`` granularity only).

    Returns:
        The tokens, in order.

    >>> tokenize("增长6.5%，达到100件。", "char")
    ['增', '长', '6.5%', '，', '达', '到', '100件', '。']
    >>> tokenize("Sales rose $1.2 billion.", "word")
    ['Sales', ' ', 'rose', ' ', '$1.2 billion', '.']
    >>> tokenize("工期3个月", "word")
    ['工期', '3个月']
    """
    g = Granularity(granularity)
    if g is Granularity.CHAR:
        return [m.group() for m in _char_re().finditer(text)]
    if g is Granularity.SENTENCE:
        return [m.group() for m in _SENTENCE_RE.finditer(text)]
    if matches is None:
        matches = word_matches(text)
    runs = [m.group() for m in matches if m.lastgroup == "cjk"]
    words = _segment_cached(runs) if segmenter is None else _segment(runs, segmenter)
    out: list[str] = []
    k = 0
    for m in matches:
        if m.lastgroup == "cjk":
            out.extend(words[k])
            k += 1
        else:
            out.append(m.group())
    return out


_RUN_CACHE: dict[str, list[str]] = {}
_RUN_CACHE_SIZE = 200_000
"""Most runs of Chinese characters whose default segmentation is remembered."""


def _segment_cached(runs: Sequence[str]) -> list[list[str]]:
    """:func:`_segment` with the default segmenter, remembering each run's words.

    Reports of consecutive years (and a section and its parent) share most of
    their runs, so diffing a series segments each run once.  The cache lives in
    this process only.
    """
    cache = _RUN_CACHE
    missing = list(dict.fromkeys(r for r in runs if r not in cache))
    if missing:
        if len(cache) + len(missing) > _RUN_CACHE_SIZE:
            cache.clear()
        cache.update(zip(missing, _segment(missing, default_segmenter()), strict=True))
    return [cache[r] for r in runs]


def _segment(runs: Sequence[str], cut: Segmenter) -> list[list[str]]:
    """Each run of Chinese characters cut into words, with one call of ``cut``.

    A run whose words do not join back to it falls back to characters.
    """
    if not runs:
        return []
    out: list[list[str]] = [[]]
    for w in cut("\n".join(runs)):
        if w == "\n":
            out.append([])
        elif w:
            out[-1].append(w)
    if len(out) != len(runs):
        return [list(r) for r in runs]
    return [ws if "".join(ws) == r else list(r) for ws, r in zip(out, runs, strict=True)]


def sentences(text: str) -> list[Span]:
    """The spans of ``text``'s sentences, whitespace around them excluded.

    >>> t = "一是稳增长。二是调结构！\\nThe end. Really?"
    >>> [s.of(t) for s in sentences(t)]
    ['一是稳增长。', '二是调结构！', 'The end.', 'Really?']
    """
    return [
        Span(m.start(), m.end()) for m in _SENTENCE_RE.finditer(text) if not m.group().isspace()
    ]


def pieces(text: str) -> list[tuple[str, int, bool]]:
    """The numbers (with their units), words and Chinese characters of ``text``, with
    their offsets; True marks a number.  Punctuation and whitespace are left out.

    >>> pieces("GDP增长6.5%。")
    [('GDP', 0, False), ('增', 3, False), ('长', 4, False), ('6.5%', 5, True)]
    """
    out: list[tuple[str, int, bool]] = []
    for m in _WORD_RE.finditer(text):
        g = m.lastgroup
        if g == "cjk":
            out.extend((ch, m.start() + k, False) for k, ch in enumerate(m.group()))
        elif g == "num":
            out.append((m.group(), m.start(), True))
        elif g == "word":
            at = m.start()
            for part in _word_parts(m.group()):
                out.append((part, at, False))
                at += len(part) + 1
    return out


def numbers(text: str) -> list[Span]:
    """The spans of the numbers (with their units) in ``text``.

    >>> t = "粮食产量1.2万亿斤，增长6.5%，用时3个月"
    >>> [s.of(t) for s in numbers(t)]
    ['1.2万亿斤', '6.5%', '3个月']
    """
    if not _DIGIT_RE.search(text):  # every number has a digit: most sentences have none
        return []
    return [Span(m.start(), m.end()) for m in _WORD_RE.finditer(text) if m.lastgroup == "num"]


def number_family(number: str) -> str:
    """The unit family of a number token (:class:`~reportdiff._vocab.UnitFamily`
    value), ``currency`` for a currency sign, or ``""`` for a bare number.

    >>> number_family("54万亿元"), number_family("6.6%"), number_family("2.5"), number_family("$3 million")
    ('currency', 'rate', '', 'currency')
    """
    m = _number_parts_re().fullmatch(number)
    if m is None:
        return ""
    unit = unit_of(m.group("unit"))
    if unit is not None:
        return str(unit.family)
    return "currency" if m.group("sign") else m.group("unit")


def terms(text: str, *, chinese_words: bool = False) -> list[str]:
    """The similarity terms of ``text``: lower-cased words, Chinese characters, numbers.

    Args:
        text: any text, Chinese, English or mixed.
        chinese_words: cut Chinese into dictionary words instead of characters.

    Returns:
        The terms in order (punctuation and whitespace dropped).

    >>> terms("GDP增长6.5%, Sales rose.")
    ['gdp', '增', '长', '6.5%', 'sales', 'rose']
    """
    return sentence_terms(text, chinese_words=chinese_words, stops=())[0]  # the terms need no sentences


_intern = sys.intern


def sentence_terms(
    text: str,
    *,
    chinese_words: bool = False,
    matches: Sequence[re.Match[str]] | None = None,
    stops: Sequence[int] | None = None,
) -> tuple[list[str], list[int]]:
    """:func:`terms`, and where each sentence's terms end (indices into the terms).

    ``matches`` (:func:`word_matches`) and ``stops`` (where each of
    :func:`sentences` ends) save their scans when the caller has them.

    >>> sentence_terms("改革。Sales rose. 增长6%")
    (['改', '革', 'sales', 'rose', '增', '长', '6%'], [2, 4, 7])
    """
    if matches is None:
        matches = word_matches(text)
    if stops is None:
        stops = [s.end for s in sentences(text)]
    out: list[str] = []
    ends: list[int] = []
    k, n_stops = 0, len(stops)
    stop = stops[0] if stops else len(text) + 1
    for m in matches:
        g = m.lastgroup
        if g == "space" or g == "other":
            continue
        if stop <= m.start():  # no sentence ends inside a match: its start decides
            while k < n_stops and stops[k] <= m.start():
                if not ends or ends[-1] != len(out):
                    ends.append(len(out))
                k += 1
            stop = stops[k] if k < n_stops else len(text) + 1
        if g == "cjk":
            if chinese_words:
                out.extend(tokenize(m.group(), Granularity.WORD))
            else:
                # one str object per distinct character (a report's 15K characters are ~2K
                # distinct): the terms of a text take a tenth of the memory
                out.extend(map(_intern, m.group()))
        elif g == "num":
            out.append(m.group())
        else:
            w = m.group()
            if "'" in w or "’" in w:
                out.extend(part.lower() for part in _word_parts(w))  # lower each: final sigma
            else:
                out.append(w.lower())
    if out and (not ends or ends[-1] != len(out)):
        ends.append(len(out))
    return out, ends


def content_count(text: str) -> int:
    """How many words (Chinese: characters) and numbers ``text`` holds.

    >>> content_count("推进改革, 2019年 reform.")
    6
    """
    n = 0
    for m in _WORD_RE.finditer(text):
        g = m.lastgroup
        if g == "cjk":
            n += m.end() - m.start()
        elif g == "num":
            n += 1
        elif g == "word":
            w = m.group()
            n += 1 + w.count("'") + w.count("’")
    return n
