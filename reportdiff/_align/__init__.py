"""Alignment: the sections of N years → pairs between consecutive years and
lineages across all years.

Per pair of consecutive years (see ``docs/alignment.md``):

1. **Parts** (level 1): a one-to-one assignment above the calibrated threshold,
   then extra split/merge pairs where both sides hold a real share.
2. **Nested**: the sub-sections of each one-to-one pair of parts, one to one.
3. **Leftovers**: sections still alone may pair anywhere (across levels, across
   split/merge parts), above the threshold where their parts are paired and
   above every null score elsewhere; then extra split/merge/cross-level pairs.
4. **Orphans** (also after stage 1, for parts): a section in no pair is paired
   with its main continuation, even when that section is paired already.

A one-to-one pair of sub-sections needs one side to be the other's main
continuation (``Thresholds.main`` of its text flows there), and it and an extra
pair of parts need more phrasing in common than chance (``Thresholds.phrase_quantile``
of the null pairs' phrase cosines).  Heading-only
sections are not units: each takes the pairs of the next section at its level
(:func:`~reportdiff._align.relations.with_stand_ins`).

Thresholds are calibrated per series from the scores of pairs that cannot be
the same (:mod:`reportdiff._align.calibrate`).  Nothing here knows a topic, a
keyword or a year: it is all similarity, position and grammar.

The modules: :mod:`~reportdiff._align.vectors` (tokens, TF-IDF),
:mod:`~reportdiff._align.units`, :mod:`~reportdiff._align.carry` (carried
sentences), :mod:`~reportdiff._align.roles`, :mod:`~reportdiff._align.evidence`,
:mod:`~reportdiff._align.calibrate`, :mod:`~reportdiff._align.assign`,
:mod:`~reportdiff._align.relations`, :mod:`~reportdiff._align.lineages`.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reportdiff._align.assign import Found, extras, one_to_one, orphans
from reportdiff._align.calibrate import null_mask, threshold
from reportdiff._align.evidence import PairEvidence, evidence
from reportdiff._align.lineages import lineages
from reportdiff._align.options import Scorer, Thresholds, Weights, default_scorer
from reportdiff._align.pieces import apportion
from reportdiff._align.relations import relations, with_stand_ins
from reportdiff._align.units import Unit, Year, year_units
from reportdiff._align.vectors import Tokenizer, Vectors, tokenize
from reportdiff.model import Report
from reportdiff.model.alignment import (
    Alignment,
    Calibration,
    Evidence,
    SectionPair,
    SectionRef,
    Stage,
)

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    Matrix = npt.NDArray[np.float64]

__all__ = ["Scorer", "Thresholds", "Tokenizer", "Weights", "align", "apportion", "default_scorer", "tokenize"]


def _score(scorer: Scorer, ev: PairEvidence, allowed: Matrix) -> Matrix:
    """The score of every allowed pair (vectorised for :class:`Weights`)."""
    import numpy as np

    if isinstance(scorer, Weights):
        out: Matrix = scorer.matrix(ev) * allowed
        return out
    score: Matrix = np.zeros(allowed.shape)
    for i, j in zip(*np.nonzero(allowed), strict=True):
        score[i, j] = scorer(_record(ev, int(i), int(j), 0.0, Stage.NONE))
    return score


def _record(ev: PairEvidence, i: int, j: int, chance: float, stage: Stage) -> Evidence:
    def r(m: Matrix) -> float:
        return round(float(m[i, j]), 4)

    return Evidence(r(ev.heading), r(ev.body), r(ev.position), cosine=r(ev.cos), flow_a=r(ev.flow_a),
                    flow_b=r(ev.flow_b), carried_a=r(ev.carried_a), carried_b=r(ev.carried_b), role=r(ev.role),
                    chance=round(chance, 4), stage=stage)


@dataclass
class _Level:
    """The evidence and scores of one level of one pair of years, over all allowed pairs."""

    ev: PairEvidence
    score: Matrix
    allowed: Matrix
    null: Matrix
    null_phrases: Matrix
    """The phrase cosines of the null pairs."""


def _bodied(ev: PairEvidence, th: Thresholds) -> Matrix:
    """1 where the two texts share enough to be paired at all: ``min_cosine``, or
    half of it for two sections with the same title."""
    out: Matrix = ((ev.cos >= th.min_cosine) | ((ev.heading >= 0.999) & (ev.cos >= th.min_cosine / 2))).astype(float)
    return out


def _phrased(ev: PairEvidence, least: float) -> Matrix:
    """1 where the two texts share at least ``least`` phrase cosine."""
    out: Matrix = (ev.phrases >= least).astype(float)
    return out


def _main(ev: PairEvidence, least: float) -> Matrix:
    """1 where at least ``least`` of one side's text flows to the other."""
    import numpy as np

    out: Matrix = (np.maximum(ev.flow_a, ev.flow_b) >= least).astype(float)
    return out


def _taken(ua: Sequence[Unit], ub: Sequence[Unit], found: Found) -> tuple[set[SectionRef], set[SectionRef]]:
    """The sections of each side that are in a pair of ``found``."""
    return {ua[i].ref for i in found.rows()}, {ub[j].ref for j in found.cols()}


def _alone(units: Sequence[Unit], taken: set[SectionRef], th: Thresholds) -> list[bool]:
    """For each unit: in no pair, and long enough (``orphan_paragraphs``) for its flows to be evidence."""
    return [u.ref not in taken and len(u.chunks) >= th.orphan_paragraphs for u in units]


def _levels(units: Sequence[Unit]) -> npt.NDArray[np.int64]:
    import numpy as np

    return np.array([u.level for u in units], dtype=np.int64)


def _paired(la: Sequence[Unit], lb: Sequence[Unit], part_pairs: set[tuple[int, int]]) -> npt.NDArray[np.bool_]:
    """Leaves × leaves: True where the two leaves' parts are paired."""
    import numpy as np

    n_a = max((u.part for u in la), default=-1) + 1
    n_b = max((u.part for u in lb), default=-1) + 1
    pp = np.zeros((n_a, n_b), dtype=bool)
    for i, j in part_pairs:
        if i < n_a and j < n_b:
            pp[i, j] = True
    ia = np.array([u.part for u in la], dtype=np.int64)
    ib = np.array([u.part for u in lb], dtype=np.int64)
    out: npt.NDArray[np.bool_] = pp[np.ix_(ia, ib)] if len(ia) and len(ib) else np.zeros((len(la), len(lb)), bool)
    return out


def _prepare(vec: Vectors, pvec: Vectors, ya: Year, yb: Year, scorer: Scorer, th: Thresholds) -> tuple[_Level, _Level]:
    import numpy as np

    la, lb = ya.leaves, yb.leaves
    out = []
    for level, allowed in (
        (1, np.ones((len(ya.parts), len(yb.parts)))),
        (2, ((_levels(la)[:, None] == 2) | (_levels(lb)[None, :] == 2)).astype(float)),
    ):
        ev = evidence(vec, ya, yb, level, allowed, phrase_vectors=pvec)
        score = _score(scorer, ev, allowed)
        null = null_mask(score, allowed, th.top)
        out.append(_Level(ev, score, allowed, score[null], ev.phrases[null]))
    return out[0], out[1]


def _within(vec: Vectors, year: Year, level: int, scorer: Scorer) -> Matrix:
    """Scores of a year's units against its other units: different sections of one
    report, so pairs that cannot be the same (the null of a report with few sections)."""
    import numpy as np

    n = len(year.units(level))
    if n < 2:
        return np.zeros(0)
    allowed = 1.0 - np.eye(n)
    if level == 2:
        lv = _levels(year.leaves)
        allowed *= ((lv[:, None] == 2) | (lv[None, :] == 2))
    score = _score(scorer, evidence(vec, year, year, level, allowed, destinations=1.0 - np.eye(n)), allowed)
    out: Matrix = score[allowed > 0]
    return out


def _linked(ev: PairEvidence) -> Matrix:
    """1 where something ties the two texts: a paragraph of one is closest to the other, a sentence
    is carried over, or the titles share a word.  Two parts with none of these, above chance on
    shared everyday words and their place alone, are not the same part."""
    import numpy as np

    out: Matrix = ((np.maximum(ev.flow_a, ev.flow_b) > 0) | (np.maximum(ev.carried_a, ev.carried_b) > 0)
                   | (ev.heading > 0)).astype(float)
    return out


def _align_two(ya: Year, yb: Year, parts: _Level, leaves: _Level, cal: Sequence[tuple[float, float, float]],
               th: Thresholds) -> list[SectionPair]:
    import numpy as np

    (t1, _, p1), (t2, t2_strong, p2) = cal
    # 1. parts, one to one, then split/merge parts
    ok = parts.allowed * _bodied(parts.ev, th)
    found_parts = Found()
    for i, j in one_to_one(parts.score, ok * _linked(parts.ev), t1):
        found_parts.add(i, j, float(parts.score[i, j]), Stage.PARTS, t1, parts.ev)
    one = set(found_parts.pairs)
    extras(parts.ev, parts.score, ok * _phrased(parts.ev, p1), t1, th, found_parts, Stage.PART_EXTRA)
    taken_a, taken_b = _taken(ya.parts, yb.parts, found_parts)
    orphans(parts.ev, parts.score, ok, t1, th, _alone(ya.parts, taken_a, th), _alone(yb.parts, taken_b, th),
            found_parts, Stage.ORPHAN)
    paired_parts = set(found_parts.pairs)

    # 2. sub-sections under the one-to-one pairs of parts
    la, lb = ya.leaves, yb.leaves
    nested = (_paired(la, lb, one) & (_levels(la)[:, None] == 2) & (_levels(lb)[None, :] == 2)).astype(float)
    found = Found()
    if nested.any():
        gate = _bodied(leaves.ev, th) * _main(leaves.ev, th.main) * _phrased(leaves.ev, p2)
        for i, j in one_to_one(leaves.score, nested * gate, t2):
            found.add(i, j, float(leaves.score[i, j]), Stage.NESTED, t2, leaves.ev)

    # 3. leftovers anywhere: the usual threshold under paired parts, the strong one elsewhere
    chance = np.where(_paired(la, lb, paired_parts), t2, t2_strong)
    ev = leaves.ev
    ok = leaves.allowed * _bodied(ev, th)
    rows, cols = found.rows(), found.cols()
    free_a = np.array([i not in rows for i in range(len(la))], dtype=bool)
    free_b = np.array([j not in cols for j in range(len(lb))], dtype=bool)
    free = (free_a[:, None] & free_b[None, :]).astype(float)
    # cross-level pairs (a block restated in a part's intro) are not held to the phrase gate
    phrased = np.where((_levels(la)[:, None] == 2) & (_levels(lb)[None, :] == 2), _phrased(ev, p2), 1.0)
    for i, j in one_to_one(leaves.score, ok * free * _main(ev, th.main) * phrased, chance):
        found.add(i, j, float(leaves.score[i, j]), Stage.LEFTOVER, float(chance[i, j]), ev)
    extras(ev, leaves.score, ok, chance, th, found, Stage.EXTRA)
    # 4. sections in no pair yet (a part paired in stage 1 is paired) and their main continuation
    taken_a, taken_b = _taken(la, lb, found)
    parts_a, parts_b = _taken(ya.parts, yb.parts, found_parts)
    orphans(ev, leaves.score, ok, chance, th, _alone(la, taken_a | parts_a, th), _alone(lb, taken_b | parts_b, th),
            found, Stage.ORPHAN)

    best: dict[tuple[SectionRef, SectionRef], tuple[float, Evidence]] = {}
    for units_a, units_b, f in ((ya.parts, yb.parts, found_parts), (la, lb, found)):
        for (i, j), (s, stage, c, e) in sorted(f.pairs.items()):
            a, b = units_a[i], units_b[j]
            if f is found and a.level == 1 and b.level == 1:
                continue  # two parts: decided in stage 1
            key = (a.ref, b.ref)
            if key not in best or s > best[key][0]:
                best[key] = (s, _record(e, i, j, c, stage))
    return with_stand_ins(ya, yb, relations(ya, yb, best))


def _phrase_gate(lv: _Level, th: Thresholds) -> float:
    """The least phrase cosine of a gated pair: ``phrase_quantile`` of the null pairs'
    phrase cosines of this pair of years and level; 0 (no gate) when that null holds
    fewer than ``min_null`` pairs (the gate only removes pairs when chance is measured)."""
    import numpy as np

    if th.phrase_quantile is None or len(lv.null_phrases) < th.min_null:
        return 0.0
    return round(float(np.quantile(lv.null_phrases, th.phrase_quantile)), 6)


def _calibrated(ya: Year, yb: Year, levels: tuple[_Level, _Level], pooled: dict[int, list[Matrix]],
                th: Thresholds) -> tuple[list[Calibration], list[SectionPair]]:
    """The calibration of one pair of years (from its nulls, or the pooled ones) and its pairs."""
    cal, out = [], []
    for level, lv in zip((1, 2), levels, strict=True):
        t, size, median = threshold(lv.null, pooled[level], th, th.quantile)
        strong, _, _ = threshold(lv.null, pooled[level], th, th.strong_quantile)
        cal.append((t, max(t, strong), _phrase_gate(lv, th)))
        out.append(Calibration(ya.report.year, yb.report.year, level, t, size, median))
    return out, _align_two(ya, yb, levels[0], levels[1], cal, th)


def align(
    reports: Iterable[Report],
    *,
    scorer: Scorer = default_scorer,
    tokenizer: Tokenizer = tokenize,
    thresholds: Thresholds = Thresholds(),  # noqa: B008 - a frozen record
) -> Alignment:
    """Align the sections of each year with those of the next, and chain them
    into lineages across all years.

    Level-1 and level-2 sections are aligned (numbered or headed); blocks
    without a heading (a preamble, a closing passage) are not, except a
    top-level block that holds sub-sections, which counts as a part.

    Args:
        reports: the reports of one series, in any order (sorted by year here).
        scorer: combines a pair's :class:`~reportdiff.model.Evidence` into its score
            (a :class:`Weights` record is applied to whole matrices at once).
        tokenizer: ``(text, language) -> tokens`` for the similarity measures.
        thresholds: how the match thresholds are calibrated and what counts as a
            real share (see :class:`Thresholds` for the defaults).

    Returns:
        The pairs between consecutive years (``added`` pairs have no ``a``,
        ``removed`` ones no ``b``), the lineages, both in a stable order, and the
        calibrated threshold of each pair of years and level.

    >>> from reportdiff._compare import read_reports
    >>> rs = read_reports(["fixtures/gov-work-report/2018.txt", "fixtures/gov-work-report/2019.txt"])
    >>> al = align(rs)
    >>> al.years
    (2018, 2019)
    >>> [(p.b.heading, p.relation.value) for p in al.pairs if p.a and p.b and p.a.path == "二"]
    [('二、2019年经济社会发展总体要求和政策取向', 'renamed')]
    >>> al.calibration[0].level, 0.0 < al.calibration[0].threshold < 1.0
    (1, True)
    """
    ordered = sorted(reports, key=lambda r: r.year)
    years = [year_units(r, tokenizer) for r in ordered]
    vec = Vectors([c for y in years for c in y.counts], tokenizer)
    pvec = Vectors([c for y in years for c in y.phrase_counts], tokenizer)
    th = thresholds
    # a pair of years whose own nulls are large enough is calibrated and aligned at once
    # (its evidence matrices are then dropped); the others wait for the series' pooled nulls
    done: dict[int, tuple[list[Calibration], list[SectionPair]]] = {}
    waiting: dict[int, tuple[_Level, _Level]] = {}
    nulls: dict[int, list[Matrix]] = {1: [], 2: []}
    for k, (ya, yb) in enumerate(itertools.pairwise(years)):
        levels = _prepare(vec, pvec, ya, yb, scorer, th)
        ya.cache.clear()  # both of its pairs are prepared: its vectors and shingles are done with
        for level in (1, 2):
            nulls[level].append(levels[level - 1].null)
        if all(len(lv.null) >= th.min_null for lv in levels):
            done[k] = _calibrated(ya, yb, levels, {1: [], 2: []}, th)
        else:
            waiting[k] = levels
    for level in (1, 2):
        if waiting and sum(len(x) for x in nulls[level]) < th.min_null:
            # too few sections for a null across years: add the pairs of different
            # sections within each report
            nulls[level].extend(_within(vec, y, level, scorer) for y in years)
    pairs: list[SectionPair] = []
    calibration: list[Calibration] = []
    for k, (ya, yb) in enumerate(itertools.pairwise(years)):
        cal, found = done[k] if k in done else _calibrated(ya, yb, waiting.pop(k), nulls, th)
        calibration.extend(cal)
        pairs.extend(found)
    return Alignment(tuple(r.year for r in ordered), tuple(pairs), lineages(years, pairs), tuple(calibration))
