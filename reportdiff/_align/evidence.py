"""Pairwise evidence between the units of two years, as dense matrices.

For units ``a`` of year A and ``b`` of year B (all in [0, 1]):

- ``cos``: TF-IDF cosine of their whole texts;
- ``flow_a``: the share of a's text whose paragraphs are closer to b than to
  any other allowed unit of B (paragraphs with cosine below ``floor`` to every
  candidate flow nowhere); ``flow_b`` the same from b's side;
- ``carried_a`` / ``carried_b``: the share of a's (b's) text in sentences
  carried over verbatim or nearly (see :mod:`reportdiff._align.carry`);
- ``heading``: RapidFuzz ratio of the titles without numbering;
- ``position``: ``1 - |Δ|`` of the centres as shares of the report;
- ``role``: agreement of their roles (see :mod:`reportdiff._align.roles`);
- ``phrases``: TF-IDF cosine of their phrases (windows of four Chinese characters,
  pairs of words; :func:`~reportdiff._align.vectors.phrases`), zero without phrase
  vectors.  Not scored: a gate on some kinds of pairs (see ``Thresholds.phrase_quantile``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reportdiff._align.carry import carried
from reportdiff._align.roles import role_agreement, roles
from reportdiff._align.units import Unit, Year
from reportdiff._align.vectors import Vectors, cosine
from reportdiff._text import Language

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt
    from scipy import sparse

    Matrix = npt.NDArray[np.float64]

__all__ = ["PairEvidence", "evidence"]


@dataclass
class PairEvidence:
    """Evidence matrices, rows = A units, columns = B units."""

    cos: Matrix
    flow_a: Matrix
    flow_b: Matrix
    carried_a: Matrix
    carried_b: Matrix
    heading: Matrix
    position: Matrix
    role: Matrix
    phrases: Matrix
    """TF-IDF cosine of the two units' phrases."""
    body: Matrix = field(init=False)
    """``0.5·cos + 0.25·flow_a + 0.25·flow_b``."""
    carried: Matrix = field(init=False)
    """The mean of ``carried_a`` and ``carried_b``."""

    def __post_init__(self) -> None:
        self.body = 0.5 * self.cos + 0.25 * self.flow_a + 0.25 * self.flow_b
        self.carried = 0.5 * (self.carried_a + self.carried_b)


#: A unit of at most this many paragraphs sends all or nothing of its text to one destination, so each
#: of its paragraphs flows only when its closest unit stands out: at least ``OUTLIER_Z`` robust
#: standard deviations (1.4826 × MAD) above the median of its similarities to all units of the other
#: year (taken when there are at least ``OUTLIER_MIN`` of them).  z = 3 was chosen on the corpora:
#: Budget Speech all pairs 0.671 -> 0.675, the other series unchanged; z = 4 lowered every series.
OUTLIER_PARAGRAPHS = 2
OUTLIER_Z = 3.0
OUTLIER_MIN = 8


def _flows(year: Year, units: Sequence[Unit], sims: Matrix, allowed: Matrix, floor: float, role: Matrix) -> Matrix:
    """For each unit, the share of its text whose paragraphs are closest to each
    allowed unit of the other year; ``sims`` is this year's paragraphs × other units.
    A paragraph's similarity to a destination is weighed by the two units' role
    agreement, so a review paragraph flows to the review of the other year rather
    than to the plan of the same topic."""
    import numpy as np

    out: Matrix = np.zeros((len(units), sims.shape[1]))
    for i, u in enumerate(units):
        if not u.chunks or not allowed[i].any():
            continue
        s = np.where(allowed[i] > 0, sims[u.chunks] * (0.5 + 0.5 * role[i]), -1.0)
        best = s.argmax(axis=1)
        top = s[np.arange(len(u.chunks)), best]
        ok = top >= floor
        if len(u.chunks) <= OUTLIER_PARAGRAPHS and (allowed[i] > 0).sum() >= OUTLIER_MIN:
            # the closest unit must stand out from the paragraph's similarities to all of them: new
            # text is about as close to every unit (shared words), a continuation far closer to one
            vals = np.where(allowed[i] > 0, s, np.nan)
            med = np.nanmedian(vals, axis=1)
            mad = np.nanmedian(np.abs(vals - med[:, None]), axis=1) * 1.4826
            ok &= top >= med + OUTLIER_Z * mad
        sizes = np.array([len(year.chunks[c]) for c in u.chunks], dtype=float)
        np.add.at(out[i], best[ok], sizes[ok] / sizes.sum())
    return out


def _rows(vec: Vectors, year: Year, level: int, *, phrases: bool = False) -> sparse.csr_matrix:
    """The TF-IDF rows of a year's units of ``level`` (0: its paragraphs), computed once;
    of their phrases with ``phrases`` (``vec`` is then the phrase vectors)."""
    kind = "phrases" if phrases else "vectors"
    key = (kind, level)
    if key not in year.cache:
        if (kind, -1) not in year.cache:
            year.cache[(kind, -1)] = vec.counts(year.phrase_counts if phrases else year.counts)
        groups = [[i] for i in range(len(year.chunks))] if level == 0 else [u.chunks for u in year.units(level)]
        year.cache[key] = vec.rows(year.cache[(kind, -1)], groups)
    out: sparse.csr_matrix = year.cache[key]
    return out


def _title_rows(vec: Vectors, year: Year, level: int) -> sparse.csr_matrix:
    """IDF-weighted token sets of the titles (rows sum to 1)."""
    import numpy as np
    from scipy import sparse

    key = ("titles", level)
    if key not in year.cache:
        r: list[int] = []
        c: list[int] = []
        v: list[float] = []
        for k, u in enumerate(year.units(level)):
            toks = sorted({vec.vocab[t] for t in vec.tokenize(u.title, year.language) if t in vec.vocab})
            total = sum(vec.idf_of(t) for t in toks) or 1.0
            for t in toks:
                r.append(k)
                c.append(t)
                v.append(vec.idf_of(t) / total)
        year.cache[key] = sparse.csr_matrix((np.array(v), (np.array(r, dtype=np.int64), np.array(c, dtype=np.int64))),
                                            shape=(len(year.units(level)), max(1, len(vec.vocab))))
    out: sparse.csr_matrix = year.cache[key]
    return out


def _headings(vec: Vectors, ya: Year, yb: Year, level: int) -> Matrix:
    """Heading similarity: the IDF-weighted share of title tokens the two titles have
    in common (a weighted Dice coefficient), so that set words (and, of, 加强) weigh little.
    Titles that are equal score 1."""
    import numpy as np

    ta, tb = _title_rows(vec, ya, level), _title_rows(vec, yb, level)
    bin_a, bin_b = ta.copy(), tb.copy()
    bin_a.data[:] = 1.0
    bin_b.data[:] = 1.0
    # weight of the shared tokens on each side, averaged
    shared_a = np.asarray((ta @ bin_b.T).toarray())
    shared_b = np.asarray((bin_a @ tb.T).toarray())
    out: Matrix = np.clip(0.5 * (shared_a + shared_b), 0.0, 1.0)
    same = np.array([[a.title == b.title and bool(a.title) for b in yb.units(level)] for a in ya.units(level)])
    out[same.reshape(out.shape)] = 1.0
    return out


def _roles(year: Year, level: int) -> list[float]:
    key = ("roles", level)
    if key not in year.cache:
        year.cache[key] = roles(year, year.units(level))
    out: list[float] = year.cache[key]
    return out


def _carried(ya: Year, yb: Year, level: int) -> Matrix:
    key = (f"carried:{yb.report.year}", level)
    if key not in ya.cache:
        ya.cache[key] = carried(ya, yb, level)
    out: Matrix = ya.cache[key]
    return out


def evidence(vec: Vectors, ya: Year, yb: Year, level: int, allowed: Matrix, *, floor: float = 0.05,
             destinations: Matrix | None = None, phrase_vectors: Vectors | None = None) -> PairEvidence:
    """The evidence between the units of ``level`` (1: parts, 2: leaves) of two years.

    Args:
        vec: the series' TF-IDF.
        ya, yb: the two years.
        level: which units.
        allowed: 1 where a pair may be made (other entries are 0); flows are computed
            against every unit of the other year, then masked.
        floor: a paragraph whose cosine with every candidate is below this flows nowhere.
        destinations: where paragraphs may flow (default: every unit of the other year).
        phrase_vectors: the series' TF-IDF of phrases (None: ``phrases`` is all zeros).
    """
    import numpy as np
    from rapidfuzz import fuzz, process

    ua, ub = ya.units(level), yb.units(level)
    va, vb = _rows(vec, ya, level), _rows(vec, yb, level)
    ca, cb = _rows(vec, ya, 0), _rows(vec, yb, 0)
    cos = cosine(va, vb) * allowed
    # flows go to the closest unit of the whole other year, so that a restricted
    # candidate set never makes a weak partner look like the only destination
    every = np.ones_like(allowed) if destinations is None else destinations
    role = role_agreement(_roles(ya, level), _roles(yb, level)).reshape(len(ua), len(ub))
    flow_a = _flows(ya, ua, cosine(ca, vb), every, floor, role) * allowed
    flow_b = _flows(yb, ub, cosine(cb, va), every.T, floor, role.T).T * allowed
    car_a = _carried(ya, yb, level) * allowed
    car_b = _carried(yb, ya, level).T * allowed
    shape = (len(ua), len(ub))
    if not ua or not ub:
        heading = np.zeros(shape)
    elif ya.language == Language.ZH:
        # a Chinese character is a morpheme: the edit ratio of the titles is meaningful
        heading = np.asarray(process.cdist([u.title for u in ua], [u.title for u in ub], scorer=fuzz.ratio),
                             dtype=float) / 100.0
    else:
        # letters are not: unrelated English titles share half their letters
        heading = _headings(vec, ya, yb, level)
    position = 1.0 - np.abs(np.array([u.center for u in ua])[:, None] - np.array([u.center for u in ub])[None, :])
    if phrase_vectors is None:
        phr = np.zeros(shape)
    else:
        phr = cosine(_rows(phrase_vectors, ya, level, phrases=True), _rows(phrase_vectors, yb, level, phrases=True))
    return PairEvidence(cos, flow_a, flow_b, car_a, car_b, heading.reshape(shape) * allowed,
                        position.reshape(shape) * allowed, role.reshape(shape), phr.reshape(shape) * allowed)
