"""The aligner's knobs: how evidence is weighed (:class:`Weights`, the default
scorer) and the thresholds that are not derived from the data (:class:`Thresholds`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import attrs

from reportdiff.model.alignment import Evidence

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from reportdiff._align.evidence import PairEvidence

    Matrix = npt.NDArray[np.float64]

__all__ = ["Scorer", "Thresholds", "Weights", "default_scorer"]

#: Combines the evidence for a pair into one score in [0, 1].
Scorer = Callable[[Evidence], float]


@attrs.frozen
class Weights:
    """A linear scorer: the weighted mean of the evidence (weights need not sum to 1).

    Being a record, it is also applied to whole evidence matrices at once; any
    other :data:`Scorer` callable is applied pair by pair.

    >>> Weights()(Evidence(heading=1.0, body=0.5, position=1.0, carried_a=0.5, carried_b=0.5, role=1.0))
    0.675
    """

    body: float = 0.5
    """``0.5·cosine + 0.25·flow_a + 0.25·flow_b``."""
    carried: float = 0.15
    """The mean of ``carried_a`` and ``carried_b``."""
    heading: float = 0.2
    position: float = 0.1
    role: float = 0.05

    @property
    def total(self) -> float:
        return self.body + self.carried + self.heading + self.position + self.role

    def __call__(self, ev: Evidence) -> float:
        s = (self.body * ev.body + self.carried * 0.5 * (ev.carried_a + ev.carried_b) + self.heading * ev.heading
             + self.position * ev.position + self.role * ev.role)
        return round(s / (self.total or 1.0), 10)

    def matrix(self, ev: PairEvidence) -> Matrix:
        """The score of every pair at once."""
        out: Matrix = (self.body * ev.body + self.carried * ev.carried + self.heading * ev.heading
                       + self.position * ev.position + self.role * ev.role) / (self.total or 1.0)
        return out


#: The default way to weigh the evidence.
default_scorer = Weights()


@attrs.frozen
class Thresholds:
    """Numbers the aligner cannot derive from the series, with their defaults.

    The match threshold itself is derived per pair of years and level from the
    scores of pairs that cannot be the same (see :mod:`reportdiff._align.calibrate`);
    these numbers say how that is done and what counts as a real share.
    """

    quantile: float = 0.99
    """The match threshold is this quantile of the null scores."""
    strong_quantile: float = 1.0
    """A leftover pairs across parts only above this quantile of the null scores."""
    floor: float = 0.15
    """The match threshold is never below this (a null of unrelated but similar texts can be low)."""
    min_null: int = 12
    """A pair of years with fewer null scores than this uses the series' pooled null."""
    share: float = 0.2
    """An extra (split, merge, cross-level) pair needs this share of one side's text to flow to the other…"""
    minor: float = 0.08
    """…and this share of the other side's (both sides hold a real share)."""
    min_cosine: float = 0.1
    """The least TF-IDF cosine of any pair (half of it for two sections with the same
    title): heading and position alone never pair two sections."""
    orphan: float | None = 0.6
    """A section in no pair is paired with the section where this share of its text flows
    (its main continuation), even if that section is paired already; None: never…"""
    orphan_paragraphs: int = 3
    """…if it has at least this many paragraphs: the share of one or two paragraphs is all
    or nothing (a one-paragraph section flows 100% to its nearest neighbour), no evidence."""
    min_role: float = 0.5
    """An extra pair needs at least this role agreement (a review part never absorbs a plan part)."""
    top: int = 2
    """A pair is in the null when neither side ranks the other among its ``top`` best candidates."""
    main: float = 0.4
    """A one-to-one pair of sub-sections (nested or leftover) needs this share of one
    side's text to flow to the other: one of the two is the other's main continuation,
    not a topic that happens to score above chance."""
    phrase_quantile: float | None = 0.95
    """A one-to-one pair of sub-sections (nested or leftover) and an extra pair of parts
    need a phrase cosine (shared names and set terms, not single words) at least this
    quantile of the null pairs' phrase cosines: more phrasing in common than sections
    that cannot be the same have.  None: no such gate."""
