"""Calibrated match thresholds: what score do pairs that cannot be the same reach?

In a pair of years, each section has at most a few true partners, so most
entries of the score matrix are pairs of different sections.  The *null* of a
matrix is the set of pairs where neither side ranks the other among its
``top`` best candidates; its high quantile is the score that chance reaches in
this series, and a pair is only made above it.  When a pair of years holds too
few null scores (three parts against three), the null is pooled over all pairs
of years of the series at that level.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from reportdiff._align.options import Thresholds

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    Matrix = npt.NDArray[np.float64]

__all__ = ["null_mask", "null_scores", "threshold"]


def null_scores(score: Matrix, allowed: Matrix, top: int) -> Matrix:
    """The scores of the pairs where neither side ranks the other among its ``top`` best.

    >>> import numpy as np
    >>> s = np.array([[0.9, 0.1, 0.2], [0.1, 0.8, 0.3], [0.2, 0.1, 0.7]])
    >>> sorted(null_scores(s, np.ones((3, 3)), 1).tolist())
    [0.1, 0.1, 0.1, 0.2, 0.2, 0.3]
    """
    out: Matrix = score[null_mask(score, allowed, top)]
    return out


def null_mask(score: Matrix, allowed: Matrix, top: int) -> npt.NDArray[np.bool_]:
    """True for the pairs where neither side ranks the other among its ``top`` best
    (by ``score``): the pairs of the null, whose other evidence can be read off too."""
    import numpy as np

    n, m = score.shape
    if not n or not m:
        return np.zeros(score.shape, dtype=bool)
    masked = np.where(allowed > 0, score, -np.inf)
    k_row, k_col = min(top, m), min(top, n)
    row_rank = np.argsort(np.argsort(-masked, axis=1, kind="stable"), axis=1, kind="stable")
    col_rank = np.argsort(np.argsort(-masked, axis=0, kind="stable"), axis=0, kind="stable")
    keep: npt.NDArray[np.bool_] = (row_rank >= k_row) & (col_rank >= k_col) & (allowed > 0)
    return keep


def threshold(null: Matrix, pooled: Sequence[Matrix], thresholds: Thresholds, quantile: float) -> tuple[float, int, float]:
    """The threshold from ``null`` (or from the pooled nulls when it is too small).

    Returns:
        (threshold, null size, null median).
    """
    import numpy as np

    sample = null
    if len(sample) < thresholds.min_null:
        sample = np.concatenate([*pooled, null]) if pooled else null
    if not len(sample):
        return thresholds.floor, 0, 0.0
    t = float(np.quantile(sample, quantile))
    return max(thresholds.floor, round(t, 6)), len(sample), round(float(np.median(sample)), 6)
