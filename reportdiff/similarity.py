"""Year-over-year similarity: the four measures of "Lazy Prices".

Cohen, Malloy & Nguyen, "Lazy Prices" (Journal of Finance, 2020) compare a
firm's report with the year before by four measures, each in [0, 1]:

* cosine similarity of the term-frequency vectors;
* Jaccard similarity of the term sets;
* minimum-edit similarity, ``1 - levenshtein(a, b) / max(len(a), len(b))``
  over the token sequences;
* simple similarity, the share of tokens a token-level diff leaves unchanged,
  ``2 * lcs(a, b) / (len(a) + len(b))``.

Terms are words for English (lower-cased) and characters for Chinese (or
dictionary words, with ``chinese_words=True``); a number with its unit is one
term (:func:`reportdiff._tokens.terms`).  Punctuation and whitespace are not
terms.  The terms of both texts are encoded once; the edit and LCS measures
come from :mod:`reportdiff._lcs`, exact up to its cell budget and linear in the
length of longer texts (cut at shared rare sequences, see
:func:`reportdiff._lcs.anchored_distances`).
"""

from __future__ import annotations

import collections
import math
from collections.abc import Sequence

from reportdiff import _lcs
from reportdiff._tokens import sentence_terms, terms
from reportdiff.model import Similarity

__all__ = [
    "cosine",
    "cosine_of_counts",
    "edit_similarity",
    "jaccard",
    "jaccard_of_counts",
    "similarity",
    "similarity_of_terms",
    "similarity_of_tokens",
    "simple_similarity",
    "tokens",
]


#: The terms of a text: lower-cased words, Chinese characters, numbers (the one
#: tokeniser of the measures, :func:`reportdiff._tokens.terms`, under its public name).
tokens = terms


def cosine(a: Sequence[str], b: Sequence[str]) -> float:
    """Cosine similarity of the term-frequency vectors (1.0 for two empty texts).

    >>> round(cosine(["a", "b"], ["a", "c"]), 3)
    0.5
    """
    if not a and not b:
        return 1.0
    ca, cb = collections.Counter(a), collections.Counter(b)
    dot = sum(n * cb[t] for t, n in ca.items())
    norm = math.sqrt(sum(n * n for n in ca.values())) * math.sqrt(sum(n * n for n in cb.values()))
    return min(dot / norm, 1.0) if norm else 0.0


def jaccard(a: Sequence[str], b: Sequence[str]) -> float:
    """Jaccard similarity of the term sets (1.0 for two empty texts).

    >>> jaccard(["a", "b", "b"], ["b", "c"])
    0.3333333333333333
    """
    sa, sb = set(a), set(b)
    if not sa and not sb:
        return 1.0
    return len(sa & sb) / len(sa | sb)


def edit_similarity(a: Sequence[str], b: Sequence[str]) -> float:
    """Minimum-edit similarity: ``1 - levenshtein / max(len)`` over the terms.

    >>> edit_similarity(["a", "b", "c", "d"], ["a", "x", "c", "d"])
    0.75
    """
    longest = max(len(a), len(b))
    if not longest:
        return 1.0
    return 1.0 - _lcs.edit_distance(a, b) / longest


def simple_similarity(a: Sequence[str], b: Sequence[str]) -> float:
    """Simple similarity: the share of terms a diff leaves unchanged, ``2·lcs / (|a|+|b|)``.

    >>> simple_similarity(["a", "b", "c", "d"], ["a", "c", "d"])
    0.8571428571428571
    """
    total = len(a) + len(b)
    if not total:
        return 1.0
    return 2 * _lcs.lcs_length(a, b) / total


def similarity_of_tokens(a: Sequence[str], b: Sequence[str]) -> Similarity:
    """The four measures of two term sequences (see :func:`tokens`), rounded to 6 places.

    >>> similarity_of_tokens(["a", "b"], ["a", "b"])
    Similarity(cosine=1.0, jaccard=1.0, edit=1.0, simple=1.0)
    """
    codes = _lcs.Codebook()
    ea, eb = codes.encode(a), codes.encode(b)
    lcs, dist = _lcs.anchored_distances(ea, eb)
    return _measures(len(ea), len(eb), lcs, dist, cosine(ea, eb), jaccard(ea, eb))


def _measures(n_a: int, n_b: int, lcs: int, dist: int, cos: float, jac: float) -> Similarity:
    """The four measures from the term counts of two texts, their LCS length and edit
    distance, and their cosine and Jaccard."""
    total, longest = n_a + n_b, max(n_a, n_b)
    return Similarity(
        cosine=round(cos, 6),
        jaccard=round(jac, 6),
        edit=round(1.0 - dist / longest if longest else 1.0, 6),
        simple=round(2 * lcs / total if total else 1.0, 6),
    )


def similarity(
    a: str, b: str, *, language: str | None = None, chinese_words: bool = False
) -> Similarity:
    """The four Lazy Prices measures of two texts.

    Args:
        a: the earlier text.
        b: the later text.
        language: ``zh``, ``en`` or None.  Terms follow the script of each
            character (words for Latin script, characters for Chinese), so mixed
            text needs no choice; the argument is accepted for callers that know
            it and checked.
        chinese_words: compare Chinese by dictionary words instead of characters.

    Returns:
        A :class:`~reportdiff.model.Similarity`, each measure in [0, 1].

    Raises:
        ValueError: for a language other than ``zh``, ``en`` or None.

    >>> similarity("推进改革开放。", "深化改革开放。").jaccard
    0.5
    >>> similarity("Sales rose.", "sales ROSE!")
    Similarity(cosine=1.0, jaccard=1.0, edit=1.0, simple=1.0)
    """
    if language not in (None, "zh", "en"):
        raise ValueError(f"language {language!r}: expected 'zh', 'en' or None")
    ta, ends_a = sentence_terms(a, chinese_words=chinese_words)
    tb, ends_b = sentence_terms(b, chinese_words=chinese_words)
    return similarity_of_terms(ta, ends_a, tb, ends_b)


def similarity_of_terms(
    ta: Sequence[str], ends_a: Sequence[int], tb: Sequence[str], ends_b: Sequence[int]
) -> Similarity:
    """:func:`similarity` of two texts' terms and sentence ends (:func:`~reportdiff._tokens.sentence_terms`).

    The terms are counted once (for the cosine and Jaccard measures) and the
    most frequent get the smallest codes, which rapidfuzz's LCS and Levenshtein
    look up fastest; the measures do not depend on the codes.

    >>> similarity_of_terms(["a", "b"], [2], ["a", "c"], [2]).cosine
    0.5
    """
    ca, cb = collections.Counter(ta), collections.Counter(tb)
    ea, eb = _lcs.encode_by_frequency(ta, tb, ca + cb)
    lcs, dist = _lcs.chunked_distances(ea, eb, ends_a, ends_b)
    return _measures(len(ea), len(eb), lcs, dist, cosine_of_counts(ca, cb), jaccard_of_counts(ca, cb))


def cosine_of_counts(ca: collections.Counter[str], cb: collections.Counter[str]) -> float:
    """:func:`cosine` of two term counts (``Counter(terms)``), the same float.

    Counts add up: the counts of a text are those of its pieces summed when no term
    spans a cut, so a long text's measure can come from counts made once per piece.

    >>> import collections
    >>> round(cosine_of_counts(collections.Counter("ab"), collections.Counter("ac")), 3)
    0.5
    """
    if not ca and not cb:
        return 1.0
    get = cb.get
    dot = sum(n * get(t, 0) for t, n in ca.items())
    norm = math.sqrt(sum(n * n for n in ca.values())) * math.sqrt(sum(n * n for n in cb.values()))
    return min(dot / norm, 1.0) if norm else 0.0


def jaccard_of_counts(ca: collections.Counter[str], cb: collections.Counter[str]) -> float:
    """:func:`jaccard` of two term counts (``Counter(terms)``), the same float.

    >>> import collections
    >>> jaccard_of_counts(collections.Counter("abb"), collections.Counter("bc"))
    0.3333333333333333
    """
    if not ca and not cb:
        return 1.0
    return len(ca.keys() & cb.keys()) / len(ca.keys() | cb.keys())
