"""Quantities across reports: series linking and target → outcome pairs (no pandas here).

Linking is global: every pair of observations in reports at most ``max_gap`` reports
apart (counted in reports of the series, not calendar years, so a five-yearly report
links) is scored by label similarity, value continuity, qualifier and section; the
best pairs are taken first over the whole input, each observation having at most one
predecessor and one successor.  Labels that stand side by side in one report
(城镇登记失业率 and 城镇调查失业率) name different things and never link to each other.
The pandas tables built from these records live in :mod:`reportdiff.tables.trends`.

>>> from reportdiff._indicators import extract
>>> qs = extract("城镇新增就业1310万人。", year=2014) + extract("城镇新增就业1322万人。", year=2015)
>>> sorted(set(link_series(qs).values()))
['城镇新增就业']
"""

from __future__ import annotations

import functools
import itertools
import math
import re
from collections.abc import Callable, Iterable, Sequence

import attrs
from rapidfuzz import fuzz

from reportdiff._indicators import normalise_label
from reportdiff._text import cjk_count, nfkc, simplified_table, to_simplified
from reportdiff._vocab import (
    DOWN_WORDS,
    MASS_KG,
    UP_WORDS,
    Meaning,
    UnitFamily,
    meaning_of,
    unit_of,
)
from reportdiff.model import Bound, Kind, Quantity

__all__ = [
    "Observation",
    "TargetOutcome",
    "label_similarity",
    "link_series",
    "met",
    "observations",
    "target_outcome_pairs",
]

Scorer = Callable[[str, str], float]

#: Direction words that say the same thing (降低 / 下降): folded before labels are compared.
_SAME_DIRECTION = {w: "下降" for w in ("降低", "减少", "回落", "下调", "缩小", "压减")} | {
    w: "增长" for w in ("增加", "提高", "上升", "扩大")}


def _bigrams(s: str) -> set[str]:
    return {s[i : i + 2] for i in range(len(s) - 1)} if len(s) > 1 else {s}


@functools.lru_cache(maxsize=65536)
def _comparable(label: str) -> str:
    """:func:`normalise_label` in Simplified characters with synonymous direction words folded
    (a series that changes script, 國內生產總值 one year and 国内生产总值 the next, stays one)."""
    x = to_simplified(normalise_label(label))
    for w, canon in _SAME_DIRECTION.items():
        if x.endswith(w):
            return x[: -len(w)] + canon
    return x


def _topic(x: str) -> str:
    """A comparable label without its final direction word (what the number is about)."""
    for w in sorted(UP_WORDS + DOWN_WORDS, key=len, reverse=True):
        if len(w) >= 2 and x.endswith(w) and len(x) - len(w) >= 2:
            return x[: -len(w)]
    return x


@functools.lru_cache(maxsize=262144)
def _similarity(x: str, y: str) -> float:
    if not x or not y:
        return 0.0
    if x == y:
        return 1.0
    ba, bb = _bigrams(x), _bigrams(y)
    jac = len(ba & bb) / len(ba | bb)
    ratio = fuzz.ratio(x, y) / 100.0
    short, long_ = sorted((x, y), key=len)
    contain = 0.9 if len(short) >= 3 and short in long_ else 0.0
    k = 0
    while k < min(len(x), len(y)) and x[-1 - k] == y[-1 - k]:
        k += 1
    suffix = 0.75 * k / len(short) if k >= 2 else 0.0
    score = max(jac, ratio, contain, suffix)
    return 0.0 if score < 0.2 else round(score, 6)


def label_similarity(a: str, b: str) -> float:
    """Similarity in [0, 1] of two labels after :func:`normalise_label`.

    The best of: bigram Jaccard, the indel ratio, containment of the shorter
    label (``城镇调查失业率`` in ``全国城镇调查失业率``), and a shared head
    (Chinese labels end in what they measure: 财政收入 / 一般公共预算收入).
    Synonymous direction words (降低 / 下降) are folded first.  Cached.

    Args:
        a: a label.
        b: another label.

    Returns:
        The similarity.

    >>> label_similarity("财政收入", "公共财政收入") > 0.6
    True
    >>> label_similarity("能耗强度降低", "能耗强度下降")
    1.0
    >>> label_similarity("城镇新增就业", "粮食产量")
    0.0
    """
    x, y = _comparable(a), _comparable(b)
    return _similarity(x, y) if x <= y else _similarity(y, x)


@attrs.frozen
class Observation:
    """One number mention of one report, or the two ends of a printed range."""

    year: int
    position: int
    members: tuple[Quantity, ...]

    @property
    def lead(self) -> Quantity:
        """The first member (a range's lower end)."""
        return self.members[0]

    @property
    def key(self) -> tuple[int, int]:
        """(year, position): unique within the input."""
        return (self.year, self.position)


def observations(quantities: Iterable[Quantity]) -> list[Observation]:
    """Quantities grouped into observations (a range's two ends together), by year and position.

    >>> from reportdiff._indicators import extract
    >>> [len(o.members) for o in observations(extract("增长6.5%－7%，新增就业1100万人。"))]
    [2, 1]
    """
    groups: dict[tuple[int, int], list[Quantity]] = {}
    for q in quantities:
        start = q.quote_span.start if q.bound != Bound.NONE else q.span.start
        groups.setdefault((q.year, start), []).append(q)
    return [Observation(y, p, tuple(sorted(v, key=lambda q: (q.bound != Bound.LOW, q.span.start))))
            for (y, p), v in sorted(groups.items())]




def _family(q: Quantity) -> str:
    """The unit family, with units of one dimension (吨, 斤) taken together."""
    return _family_of(q.base_unit)


@functools.cache
def _family_of(base_unit: str) -> str:
    """:attr:`Quantity.unit_family` of a base unit, with the units of mass as one."""
    if base_unit in MASS_KG:
        return "mass"
    u = unit_of(base_unit)
    if u is not None and u.family in (UnitFamily.RATE, UnitFamily.POINTS):
        return str(u.family)
    return base_unit


def _magnitude(q: Quantity) -> float:
    return float(q.base_value) * MASS_KG.get(q.base_unit, 1.0)


def _distance(a: Quantity, b: Quantity) -> float:
    """How far apart two values of one family are (|log ratio|; 0 for equal values)."""
    x, y = abs(_magnitude(a)), abs(_magnitude(b))
    if x == y:
        return 0.0
    if not x or not y or math.isnan(x) or math.isnan(y):
        return math.inf
    return abs(math.log(x / y))


def _linkable(q: Quantity) -> bool:
    return not q.start_value and len(_comparable(q.label)) >= 2


GENERIC_VALUES = 3
"""A label one report gives this many different values (of one kind and unit family) names no
indicator: it is a phrase (我们会拨款, 政府已预留) that each paragraph fills with its own amount."""


def _specific(obs: list[Observation]) -> list[Observation]:
    """``obs`` without those whose label is generic in some report (:data:`GENERIC_VALUES`).

    Computed from the reports themselves: an indicator is printed once or twice a report (a result,
    a target), a phrase as often as the text has amounts to give.
    """
    keys = [(_comparable(o.lead.label), o.lead.kind.value, _family(o.lead)) for o in obs]
    values: dict[tuple[int, tuple[str, str, str]], set[float]] = {}
    for o, key in zip(obs, keys, strict=True):
        values.setdefault((o.year, key), set()).add(_magnitude(o.lead))
    generic = {key for (_year, key), vs in values.items() if len(vs) >= GENERIC_VALUES}
    return [o for o, key in zip(obs, keys, strict=True) if key not in generic] if generic else obs


def link_series(
    quantities: Iterable[Quantity],
    *,
    scorer: Scorer = label_similarity,
    threshold: float = 0.6,
    max_gap: int = 3,
) -> dict[Quantity, str]:
    """Link the same indicator across reports into series.

    Two observations may link when their reports are at most ``max_gap`` reports
    apart (in the order of the years present), they have the same kind and unit
    family (units of one dimension, 吨 and 斤, count as one), their labels score at
    least ``threshold`` with ``scorer``, and their labels do not stand side by side
    in one report (look-alikes such as 城镇登记失业率 / 城镇调查失业率).  Candidate links
    are ranked over the whole input: links between neighbouring reports first (a
    link that skips a report only joins what those left open), then by label score,
    value continuity (log ratio), same qualifier meaning, section and text order;
    each observation takes at most one predecessor and one successor.  Start values
    of a change (``Quantity.start_value``) are not linked; series seen in one report
    only are left unlinked.

    Args:
        quantities: quantities of several reports.
        scorer: label similarity in [0, 1].
        threshold: the least similarity that links.
        max_gap: the most reports apart two consecutive observations of a series may be
            (1: only neighbouring reports).

    Returns:
        Series id of each linked quantity (the two ends of a range share one).

    >>> from reportdiff._indicators import extract
    >>> qs = extract("财政收入6.85万亿元。", year=2010) + extract("公共财政收入10.37万亿元。", year=2012)
    >>> sorted(set(link_series(qs).values()))
    ['财政收入']
    """
    obs = [o for o in observations(quantities) if _linkable(o.lead)]
    obs = _specific(obs)
    years = sorted({o.year for o in obs})
    rank = {y: i for i, y in enumerate(years)}
    by_report: dict[int, list[int]] = {}
    for i, o in enumerate(obs):
        by_report.setdefault(rank[o.year], []).append(i)
    labels = [_comparable(o.lead.label) for o in obs]
    contrast = _side_by_side(obs, labels, by_report)
    index = [_BigramIndex(obs, labels, by_report.get(r, [])) for r in range(len(years))]
    cands: list[tuple[tuple[float, ...], int, int]] = []
    for r in range(len(years)):
        for gap in range(1, max_gap + 1):
            if r + gap >= len(years):
                break
            for ai in by_report[r]:
                a = obs[ai]
                for bi in index[r + gap].near(labels[ai], a):
                    b = obs[bi]
                    if (labels[ai], labels[bi]) in contrast:
                        continue
                    score = scorer(a.lead.label, b.lead.label)
                    if score < threshold:
                        continue
                    dist = min(_distance(a.lead, b.lead), 10.0)
                    same_q = meaning_of(a.lead.qualifier) is meaning_of(b.lead.qualifier)
                    same_s = a.lead.section == b.lead.section
                    key = (gap, -round(score, 3), round(dist, 3), -same_q, -same_s, a.position, b.position)
                    cands.append((key, ai, bi))
    cands.sort()
    succ: dict[int, int] = {}
    pred: dict[int, int] = {}
    for _key, ai, bi in cands:
        if ai in succ or bi in pred:
            continue
        succ[ai] = bi
        pred[bi] = ai
    out: dict[Quantity, str] = {}
    taken: dict[str, int] = {}
    for head in sorted((i for i in succ if i not in pred), key=lambda i: obs[i].key):
        chain = [head]
        while chain[-1] in succ:
            chain.append(succ[chain[-1]])
        base = series_name(obs[head].lead)
        n = taken.get(base, 0) + 1
        taken[base] = n
        sid = base if n == 1 else f"{base}#{n}"
        for i in chain:
            for q in obs[i].members:
                out[q] = sid
    return out


def series_name(q: Quantity) -> str:
    """The readable id of the series a quantity starts: its reduced label, marked when a target.

    Chinese labels are reduced as for linking (``国内生产总值增长·目标``); a label with no
    Chinese keeps its words and spaces (``book value per share (target)``).

    >>> from reportdiff._indicators import extract
    >>> series_name(extract("今年主要预期目标是：国内生产总值增长6.5%左右。")[0])
    '国内生产总值增长·目标'
    >>> series_name(extract("今年主要預期目標是：國內生產總值增長百分之六。")[0])
    '國內生產總值增長·目標'
    >>> series_name(extract("Book value per share grew 8.3% last year.")[0])
    'book value per share grew'
    """
    if cjk_count(q.label):
        mark = ("·目標" if simplified_table(q.label) else "·目标") if q.kind == Kind.TARGET else ""
        return normalise_label(q.label) + mark  # the mark in the label's own script
    words = " ".join(re.sub(r"[^\w$%&'’-]+", " ", nfkc(q.label)).split()).lower() or q.unit
    return words + (" (target)" if q.kind == Kind.TARGET else "")


def _side_by_side(obs: Sequence[Observation], labels: Sequence[str],
                  by_report: dict[int, list[int]]) -> set[tuple[str, str]]:
    """Pairs of different labels that one report uses side by side for one kind and family.

    Only look-alikes count (same length, one stretch replaced: 登记 / 调查): a report
    that writes both means two things.
    """
    out: set[tuple[str, str]] = set()
    for members in by_report.values():
        groups: dict[tuple[Kind, str, int], set[str]] = {}
        for i in members:
            groups.setdefault((obs[i].lead.kind, _family(obs[i].lead), len(labels[i])), set()).add(labels[i])
        for group in groups.values():
            if len(group) < 2 or len(group) > 50:
                continue
            for x in group:
                for y in group:
                    if x != y and _look_alike(x, y):
                        out.add((x, y))
    return out


def _look_alike(x: str, y: str) -> bool:
    """Same length, same head and tail, a short stretch in the middle replaced (登记 / 调查)."""
    p = 0
    while p < len(x) and x[p] == y[p]:
        p += 1
    s = 0
    while s < len(x) - p and x[-1 - s] == y[-1 - s]:
        s += 1
    return len(x) >= 4 and p + s >= len(x) - 2


class _BigramIndex:
    """Observations of one report by label bigram, so only labels that share one are scored."""

    def __init__(self, obs: Sequence[Observation], labels: Sequence[str], members: Sequence[int]) -> None:
        self.obs = obs
        self.by_gram: dict[str, list[int]] = {}
        for i in members:
            for g in sorted(_bigrams(labels[i])):
                self.by_gram.setdefault(g, []).append(i)

    def near(self, label: str, a: Observation) -> list[int]:
        """Observations sharing a label bigram with ``label`` and the kind and family of ``a``."""
        found: set[int] = set()
        for g in _bigrams(label):
            found.update(self.by_gram.get(g, ()))
        kind, fam = a.lead.kind, _family(a.lead)
        return sorted(i for i in found if self.obs[i].lead.kind == kind and _family(self.obs[i].lead) == fam)


def met(target: Sequence[Quantity], outcome: Quantity) -> bool:
    """Whether ``outcome`` meets ``target`` (one quantity, or the two ends of a range).

    The target's qualifier is read by :func:`reportdiff._vocab.meaning_of`, the meaning
    the extractor uses: at least (以上, 超过), at most (以内, 不到), about (左右, 接近: within
    0.5 points for rates, 5 % otherwise), a range (inside it), none (a floor).

    >>> from reportdiff._indicators import extract
    >>> met(extract("物价涨幅不到3%。"), extract("物价涨幅2%。")[0])
    True
    """
    a = outcome.base_value
    if len(target) == 2:
        return target[0].base_value <= a <= target[1].base_value
    t = target[0]
    v = t.base_value
    meaning = meaning_of(t.qualifier)
    if meaning is Meaning.AT_LEAST:
        return a >= v
    if meaning is Meaning.AT_MOST:
        return a <= v
    if meaning is Meaning.ABOUT:
        tol = 0.5 if t.unit_family == "rate" else 0.05 * abs(v)
        return abs(a - v) <= tol
    return a >= v  # a bare target (7.5%) is a floor


@attrs.frozen
class TargetOutcome:
    """A target of one report and the result the next report gives for it."""

    target: tuple[Quantity, ...]
    outcome: Quantity
    met: bool


def target_outcome_pairs(
    quantities: Iterable[Quantity],
    *,
    scorer: Scorer = label_similarity,
    threshold: float = 0.6,
) -> list[TargetOutcome]:
    """Targets set in one report linked to the results the next report gives.

    A target links to the actual quantity of the next report (in the order of the
    years present) with the most similar label and the same unit family; ``met``
    as :func:`met`.

    Args:
        quantities: quantities of several reports.
        scorer: label similarity in [0, 1].
        threshold: the least similarity that links.

    Returns:
        The pairs, in target order.

    >>> from reportdiff._indicators import extract
    >>> qs = (extract("今年主要预期目标是：城镇新增就业1000万人以上。", year=2014)
    ...       + extract("城镇新增就业1322万人。", year=2015))
    >>> [(p.target[0].value, p.outcome.value, p.met) for p in target_outcome_pairs(qs)]
    [('1000', '1322', True)]
    """
    obs = observations(quantities)
    years = sorted({o.year for o in obs})
    nxt = dict(itertools.pairwise(years))
    targets = [o for o in obs if o.lead.kind == Kind.TARGET and _linkable(o.lead)]
    actual: dict[int, list[Observation]] = {}
    for o in obs:
        if o.lead.kind == Kind.ACTUAL and _linkable(o.lead):
            actual.setdefault(o.year, []).append(o)
    out = []
    used: set[tuple[int, int]] = set()
    for t in targets:
        best: tuple[float, int, Observation] | None = None
        for a in actual.get(nxt.get(t.year, -1), ()):
            if a.key in used or _family(a.lead) != _family(t.lead):
                continue
            score = scorer(t.lead.label, a.lead.label)
            if score >= threshold and (best is None or (score, -a.position) > (best[0], -best[1])):
                best = (score, a.position, a)
        if best is None:
            continue
        a = best[2]
        used.add(a.key)
        out.append(TargetOutcome(t.members, a.lead, met(t.members, a.lead)))
    return out
