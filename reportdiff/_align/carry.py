"""Sentences carried over from one year to the next, verbatim or nearly.

Each sentence is reduced to its shingles (runs of 5 Chinese characters, or 3
words; digits and punctuation dropped, since figures change every year), and
the shingles are hashed into an index of the other year's units.  A sentence
is *carried* into a unit of the other year when most of its distinctive
shingles occur there.  Shingles found in many units of a year (set phrases)
say nothing about which unit a sentence went to and are left out, so the cost
stays proportional to the text.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import TYPE_CHECKING

from reportdiff._align.units import Unit, Year
from reportdiff._text import CJK, Language, nfkc

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    Matrix = npt.NDArray[np.float64]

__all__ = ["carried"]

_SENTENCE_END = re.compile(r"(?<=[。！？；!?;])|(?<=[.])\s+|\n")
_CJK_RUN = re.compile(f"[{CJK}]+")
_WORD = re.compile(r"[^\W\d_]+")


def _shingles(sentence: str, language: Language) -> set[str]:
    """The shingles of an NFKC sentence."""
    text = sentence.lower()
    if language == Language.ZH:
        runs = "".join(_CJK_RUN.findall(text))
        return {runs[i : i + 5] for i in range(len(runs) - 4)}
    words = _WORD.findall(text)
    return {" ".join(words[i : i + 3]) for i in range(len(words) - 2)}


def _sentences(year: Year, unit: Unit) -> list[str]:
    text = nfkc("\n".join(year.chunks[c] for c in unit.chunks))
    return [s for s in _SENTENCE_END.split(text) if s and s.strip()]


def _shingled(year: Year, level: int, common: int) -> tuple[list[list[tuple[int, set[str]]]], list[set[str]], Counter[str]]:
    """Per unit of ``level``: its sentences as (length, shingles); its shingle set;
    and in how many units each shingle occurs.  Computed once per year and level."""
    key = ("shingles", level)
    if key not in year.cache:
        sents = [[(len(s), _shingles(s, year.language)) for s in _sentences(year, u)] for u in year.units(level)]
        sets = [set().union(*(sh for _, sh in ss)) if ss else set() for ss in sents]
        freq: Counter[str] = Counter()
        for st in sets:
            freq.update(st)
        # keep, per sentence, only the shingles that are not set phrases of this year
        sents = [[(n, {x for x in sh if freq[x] <= common}) for n, sh in ss] for ss in sents]
        year.cache[key] = (sents, sets, freq)
    out: tuple[list[list[tuple[int, set[str]]]], list[set[str]], Counter[str]] = year.cache[key]
    return out


def carried(ya: Year, yb: Year, level: int, *, near: float = 0.6, common: int = 4, least: int = 3) -> Matrix:
    """For each A unit, the share of its text (in characters) whose sentences
    are carried into each B unit.

    Args:
        ya, yb: the two years.
        level: which units (rows: A's, columns: B's).
        near: the least share of a sentence's distinctive shingles that a B unit
            must hold for the sentence to count as carried into it.
        common: a shingle in more than this many units of either year is a set
            phrase and is ignored.
        least: a sentence needs this many distinctive shingles to count.

    Returns:
        A ``len(units_a) × len(units_b)`` matrix with rows summing to at most 1.
    """
    import numpy as np

    sents_a, _, _ = _shingled(ya, level, common)
    _, sets_b, _ = _shingled(yb, level, common)
    index: dict[str, list[int]] = defaultdict(list)
    for j, sh in enumerate(sets_b):
        for x in sh:
            index[x].append(j)
    out: Matrix = np.zeros((len(sents_a), len(sets_b)))
    for i, sents in enumerate(sents_a):
        total = sum(n for n, _ in sents) or 1
        for length, sh in sents:
            if len(sh) < least:
                continue
            hits: dict[int, int] = {}
            informative = 0
            for x in sh:
                js = index.get(x, ())
                if len(js) <= common:
                    # a sentence's shared shingles are counted against all of its shingles
                    # that are not set phrases, so a sentence sharing a few words is not carried
                    informative += 1
                    for j in js:
                        hits[j] = hits.get(j, 0) + 1
            if not hits:
                continue
            j, n = min(hits.items(), key=lambda kv: (-kv[1], kv[0]))
            if n >= near * informative:
                out[i, j] += length / total
    return out
