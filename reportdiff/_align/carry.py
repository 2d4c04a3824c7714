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

import itertools
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reportdiff._align.units import Unit, Year
from reportdiff._text import CJK, Language, nfkc

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    Matrix = npt.NDArray[np.float64]
    Floats = npt.NDArray[np.float64]
    Ints = npt.NDArray[np.int64]

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


@dataclass
class _Shingled:
    """A year's units of one level as hashed shingles (computed once per year and level)."""

    sentence_unit: Ints
    """The unit of each sentence."""
    sentence_length: Floats
    """Each sentence's length in characters."""
    unit_total: Floats
    """Each unit's length: the sum of its sentences' lengths (at least 1)."""
    sentence_rows: Ints
    sentence_hashes: Ints
    """(sentence, shingle hash) of the shingles that are not set phrases of this year."""
    unit_rows: Ints
    unit_hashes: Ints
    """(unit, shingle hash) of every shingle of each unit, once per unit."""
    _by_shingle: tuple[Ints, Ints, Ints, Ints] | None = field(default=None, repr=False, compare=False)
    _sentence_order: Ints | None = field(default=None, repr=False, compare=False)

    def sentence_order(self) -> Ints:
        """The order that sorts :attr:`sentence_hashes` (made once: sorted look-ups are faster)."""
        if self._sentence_order is None:
            import numpy as np

            self._sentence_order = np.argsort(self.sentence_hashes, kind="stable")
        return self._sentence_order

    def by_shingle(self) -> tuple[Ints, Ints, Ints, Ints]:
        """The distinct unit shingle hashes (sorted), where each one's units start in the
        last array, how many units hold it, and the units grouped by hash (made once)."""
        if self._by_shingle is None:
            import numpy as np

            order = np.argsort(self.unit_hashes, kind="stable")
            ordered = self.unit_hashes[order]
            starts = np.flatnonzero(np.concatenate([[True], ordered[1:] != ordered[:-1]])) if len(ordered) else order
            counts = np.diff(np.append(starts, len(ordered)))
            self._by_shingle = (ordered[starts], starts, counts, self.unit_rows[order])
        return self._by_shingle


def _shingled(year: Year, level: int, common: int) -> _Shingled:
    import numpy as np

    key = (f"shingles:{common}", level)
    if key not in year.cache:
        units = year.units(level)
        # a sentence is in a unit of each level: its shingles are made once for both
        known: dict[str, set[str]] = year.cache.setdefault(("shingles of sentences", 0), {})
        sents = [[(len(s), known[s] if s in known else known.setdefault(s, _shingles(s, year.language)))
                  for s in _sentences(year, u)] for u in units]
        sets = [set().union(*(sh for _, sh in ss)) if ss else set() for ss in sents]
        freq: Counter[str] = Counter()
        for st in sets:
            freq.update(st)
        # each distinct shingle numbered once, with its hash and its count; the occurrences are
        # then arrays read in C, in the order of the sentences and of each set
        number = dict(zip(freq, itertools.count()))
        hashes = np.fromiter(map(hash, freq), dtype=np.int64, count=len(number))
        rare = np.fromiter(freq.values(), dtype=np.int64, count=len(number)) <= common
        flat = [sh for ss in sents for _, sh in ss]
        s_unit = np.repeat(np.arange(len(sents), dtype=np.int64), [len(ss) for ss in sents])
        s_len = np.array([n for ss in sents for n, _ in ss], dtype=float)
        s_ids = np.fromiter(map(number.__getitem__, itertools.chain.from_iterable(flat)), dtype=np.int64,
                            count=sum(map(len, flat)))
        s_rows = np.repeat(np.arange(len(flat), dtype=np.int64), [len(sh) for sh in flat])
        s_keep = rare[s_ids]
        u_ids = np.fromiter(map(number.__getitem__, itertools.chain.from_iterable(sets)), dtype=np.int64,
                            count=sum(map(len, sets)))
        u_rows = np.repeat(np.arange(len(sets), dtype=np.int64), [len(st) for st in sets])
        totals = np.ones(len(units))
        np.add.at(totals, s_unit, s_len)
        totals = np.maximum(totals - 1.0, 1.0)
        year.cache[key] = _Shingled(s_unit, s_len, totals, s_rows[s_keep], hashes[s_ids[s_keep]],
                                    u_rows, hashes[u_ids])
    out: _Shingled = year.cache[key]
    return out


def carried(ya: Year, yb: Year, level: int, *, near: float = 0.6, common: int = 4, least: int = 3) -> Matrix:
    """For each A unit, the share of its text (in characters) whose sentences
    are carried into each B unit.

    A sentence is carried into the B unit that holds most of its informative
    shingles (those that are set phrases in neither year), when that unit holds
    at least ``near`` of them.  The counts are joins of each informative shingle with
    the few B units holding it (:func:`_hits`), so the cost stays proportional to the
    shingles, whatever the number of units.

    Args:
        ya, yb: the two years.
        level: which units (rows: A's, columns: B's).
        near: the least share of a sentence's informative shingles that a B unit
            must hold for the sentence to count as carried into it.
        common: a shingle in more than this many units of either year is a set
            phrase and is ignored.
        least: a sentence needs this many shingles that are not set phrases of its year.

    Returns:
        A ``len(units_a) × len(units_b)`` matrix with rows summing to at most 1.
    """
    import numpy as np

    a, b = _shingled(ya, level, common), _shingled(yb, level, common)
    n_units_a, n_units_b = len(ya.units(level)), len(yb.units(level))
    out: Matrix = np.zeros((n_units_a, n_units_b))
    n_sent = len(a.sentence_unit)
    if not n_sent or not n_units_b or not len(a.sentence_hashes):
        return out
    own, informative, best, where = _hits(a, b, n_sent, common)
    ok = (own >= least) & (best > 0) & (best >= near * informative)
    rows = a.sentence_unit[ok]
    np.add.at(out, (rows, where[ok]), a.sentence_length[ok] / a.unit_total[rows])
    return out


def _hits(a: _Shingled, b: _Shingled, n_sent: int, common: int) -> tuple[Floats, Floats, Floats, Ints]:
    """Per sentence of ``a``: how many shingles it has, how many of them are set phrases of
    neither year (in at most ``common`` units of ``b``; ``a``'s own are already left out), how
    many of those the B unit holding most of them holds, and that unit (the lowest of a tie; 0
    when it holds none).

    The counts are integers, so they are the same whichever way they are summed: each
    sentence's informative shingles are looked up in ``b``'s shingles (sorted once per year
    and level) and joined with the few B units holding each (at most ``common``), and the
    pairs counted, in time proportional to the shingles.
    """
    import numpy as np

    shingles, first, in_b, units_by_shingle = b.by_shingle()
    hashes = a.sentence_hashes
    order = a.sentence_order()
    at = np.empty(len(hashes), dtype=np.int64)
    at[order] = np.searchsorted(shingles, hashes[order])  # in sorted order: the look-ups stay in cache
    at = np.minimum(at, max(len(shingles) - 1, 0))
    found = shingles[at] == hashes if len(shingles) else np.zeros(len(hashes), dtype=bool)
    holders = np.where(found, in_b[at] if len(shingles) else 0, 0)
    good = holders <= common
    own = np.bincount(a.sentence_rows, minlength=n_sent).astype(float)
    informative = np.bincount(a.sentence_rows[good], minlength=n_sent).astype(float)
    joined = good & found
    rows, at, per = a.sentence_rows[joined], at[joined], holders[joined]
    pair_rows = np.repeat(rows, per)
    offsets = np.arange(int(per.sum()), dtype=np.int64) - np.repeat(np.cumsum(per) - per, per)
    pair_units = units_by_shingle[np.repeat(first[at], per) + offsets]
    best = np.zeros(n_sent)
    where = np.zeros(n_sent, dtype=np.int64)
    if len(pair_rows):
        n_units = int(units_by_shingle.max()) + 1
        keys, counts = np.unique(pair_rows * n_units + pair_units, return_counts=True)
        sent, unit = keys // n_units, keys % n_units
        # per sentence, the largest count first and of those the lowest unit
        pick = np.lexsort((unit, -counts, sent))
        head = pick[np.concatenate([[True], sent[pick][1:] != sent[pick][:-1]])]
        best[sent[head]] = counts[head]
        where[sent[head]] = unit[head]
    return own, informative, best, where
