"""Alignment: the sections of N years → pairs between consecutive years and
lineages across all years.

The algorithm (see ``docs/alignment.md``) works in two passes per pair of
consecutive years, on text features that need no segmenter: character
bigrams for Chinese, words for English.

1. **Parts** (level 1): TF-IDF cosine of the parts' whole text, the share of
   each part's paragraphs that are closest to the other part ("flow"),
   heading and position similarity; an optimal one-to-one assignment, then
   extra split/merge pairs where a large share of one part flows into another.
2. **Leaves** (level-2 sections, parts without sub-sections, and a part's own
   intro): the same evidence, computed only between leaves whose parts were
   paired in pass 1.  Level-2 sections get an optimal one-to-one assignment;
   split, merge and cross-level pairs come from the flows; a leaf left without
   a partner takes its best candidate when the evidence is good enough.

Nothing here knows a topic, a keyword or a year: it is all similarity.
"""

from __future__ import annotations

import itertools
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from rapidfuzz import fuzz

from reportdiff.model import (
    Alignment,
    Evidence,
    Lineage,
    Relation,
    Report,
    Section,
    SectionKind,
    SectionPair,
    SectionRef,
)

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt
    import pandas as pd

    Matrix = npt.NDArray[np.float64]

__all__ = [
    "Scorer",
    "Tokenizer",
    "align",
    "default_scorer",
    "document_similarity",
    "lineage_similarity",
    "pair_similarity",
    "tokenize",
]

#: Combines the evidence for a pair into one score in [0, 1].
Scorer = Callable[[Evidence], float]
#: Splits a text into the tokens similarity is computed on: ``(text, language) -> tokens``.
Tokenizer = Callable[[str, str], list[str]]

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_NUMBERING = re.compile(r"^\s*(?:[（(][^）)]{1,4}[）)]|[一二三四五六七八九十百零〇]{1,4}[、.．]|\d{1,3}[、.．)]\s*)")


def tokenize(text: str, language: str) -> list[str]:
    """The tokens similarity works on: character bigrams of each run of Chinese
    characters, lower-cased words of other scripts; digits and punctuation are
    dropped (figures change every year and say nothing about the topic).

    Args:
        text: any text.
        language: ``zh`` or ``en`` (only decides how Latin words are kept).

    Returns:
        The tokens in text order.

    >>> tokenize("加强农业，促进增收2.5%", "zh")
    ['加强', '强农', '农业', '促进', '进增', '增收']
    >>> tokenize("Our GEICO float grew 7%.", "en")
    ['our', 'geico', 'float', 'grew']
    """
    text = unicodedata.normalize("NFKC", text)
    out: list[str] = []
    if language == "zh":
        for run in _CJK.findall(text):
            if len(run) == 1:
                out.append(run)
            out.extend(run[i : i + 2] for i in range(len(run) - 1))
        out.extend(w.lower() for w in _WORD.findall(_CJK.sub(" ", text)) if len(w) > 1)
        return out
    return [w.lower() for w in _WORD.findall(text)]


def default_scorer(ev: Evidence) -> float:
    """The default way to weigh the evidence: mostly the body, then the heading,
    then position.

    Args:
        ev: heading, body and position similarity, each in [0, 1].

    Returns:
        ``0.6 * body + 0.25 * heading + 0.15 * position``.

    >>> default_scorer(Evidence(heading=1.0, body=0.5, position=1.0))
    0.7
    """
    return round(0.6 * ev.body + 0.25 * ev.heading + 0.15 * ev.position, 10)


# --------------------------------------------------------------------------
# units: the sections that are aligned, with their text
# --------------------------------------------------------------------------


@dataclass
class _Unit:
    """A section (or a part's own intro) as the aligner sees it."""

    ref: SectionRef
    section: Section
    part: int
    """Index of its level-1 part among the year's parts."""
    level: int
    intro: bool
    """The own text (heading and body) of a part that has sub-sections."""
    title: str
    center: float
    """Middle of the section, as a share of the report's length."""
    chunks: list[int] = field(default_factory=list)
    """Indexes of its paragraphs in :attr:`_Year.chunks`."""


@dataclass
class _Year:
    report: Report
    parts: list[_Unit]
    leaves: list[_Unit]
    chunks: list[str]
    counts: list[Counter[str]] = field(default_factory=list)
    """Token counts of each chunk."""
    bags: dict[str, _Bag] = field(default_factory=dict)
    """TF-IDF vectors of the chunks, parts and leaves (set by :func:`_weigh`)."""


@dataclass
class _Bag:
    """Unit-length TF-IDF rows in coordinate form, over the series' vocabulary."""

    rows: Any
    cols: Any
    vals: Any
    n: int


def _title(section: Section) -> str:
    t = section.title or _NUMBERING.sub("", section.heading)
    return unicodedata.normalize("NFKC", t).strip()


def _split(text: str, language: str, min_chars: int) -> list[str]:
    """Paragraphs, short lines (run-in headings) joined to the next one."""
    sep = "\n\n" if language != "zh" else "\n"
    out: list[str] = []
    buf = ""
    for piece in text.split(sep):
        buf = f"{buf}\n{piece}" if buf else piece
        if len(buf.strip()) >= min_chars:
            out.append(buf)
            buf = ""
    if buf.strip():
        if out:
            out[-1] += "\n" + buf
        else:
            out.append(buf)
    return out


def _ref(report: Report, s: Section) -> SectionRef:
    return SectionRef(report.year, s.path, s.label, s.level)


def _units(report: Report, tokenizer: Tokenizer) -> _Year:
    language = report.document.language
    min_chars = 40 if language == "zh" else 200
    n = max(1, len(report.text))
    year = _Year(report, [], [], [])

    def add(text: str) -> list[int]:
        first = len(year.chunks)
        year.chunks.extend(_split(text, language, min_chars))
        return list(range(first, len(year.chunks)))

    for top in report.root.children:
        kids = [c for c in top.children if c.kind is not SectionKind.BLOCK]
        if top.kind is SectionKind.BLOCK and not kids:
            continue
        k = len(year.parts)
        center = (top.span.start + top.span.end) / 2 / n
        part = _Unit(_ref(report, top), top, k, 1, False, _title(top), center)
        year.parts.append(part)
        if not kids:
            part.chunks = add(top.text())
            year.leaves.append(_Unit(part.ref, top, k, 1, False, part.title, center, part.chunks))
            continue
        own = top.heading + top.body + "".join(c.text() for c in top.children if c.kind is SectionKind.BLOCK)
        part.chunks = add(own)
        if len(own.strip()) >= 2 * min_chars:
            mid = (top.span.start + top.body_span.end) / 2 / n
            year.leaves.append(_Unit(part.ref, top, k, 1, True, part.title, mid, list(part.chunks)))
        for c in kids:
            u = _Unit(_ref(report, c), c, k, 2, False, _title(c), (c.span.start + c.span.end) / 2 / n)
            u.chunks = add(c.text())
            part.chunks.extend(u.chunks)
            year.leaves.append(u)
    year.counts = [Counter(tokenizer(c, language)) for c in year.chunks]
    return year


def _weigh(years: Sequence[_Year]) -> None:
    """TF-IDF over the whole series: a paragraph is a document for the IDF,
    term frequencies are dampened (``1 + log tf``)."""
    import numpy as np

    df: Counter[str] = Counter()
    for y in years:
        for c in y.counts:
            df.update(c.keys())
    n_docs = sum(len(y.counts) for y in years)
    vocab = {t: i for i, t in enumerate(sorted(df))}
    idf = {t: math.log((1 + n_docs) / (1 + d)) + 1.0 for t, d in df.items()}
    for y in years:
        units = {"chunk": [[i] for i in range(len(y.chunks))],
                 "part": [u.chunks for u in y.parts], "leaf": [u.chunks for u in y.leaves]}
        for name, groups in units.items():
            rows: list[int] = []
            cols: list[int] = []
            vals: list[float] = []
            for r, group in enumerate(groups):
                total: Counter[str] = Counter()
                for i in group:
                    total.update(y.counts[i])
                w = {t: (1.0 + math.log(c)) * idf[t] for t, c in total.items()}
                norm = math.sqrt(sum(v * v for v in w.values())) or 1.0
                for t, v in w.items():
                    rows.append(r)
                    cols.append(vocab[t])
                    vals.append(v / norm)
            y.bags[name] = _Bag(np.array(rows, dtype=np.int64), np.array(cols, dtype=np.int64),
                                np.array(vals), len(groups))


def _dense(a: _Bag, b: _Bag) -> tuple[Matrix, Matrix]:
    """The two bags as dense matrices over the tokens they share."""
    import numpy as np

    shared = np.intersect1d(a.cols, b.cols)
    out = []
    for bag in (a, b):
        pos = np.searchsorted(shared, bag.cols)
        pos[pos >= len(shared)] = 0
        keep = shared[pos] == bag.cols if len(shared) else np.zeros(len(bag.cols), dtype=bool)
        m = np.zeros((bag.n, max(1, len(shared))))
        m[bag.rows[keep], pos[keep]] = bag.vals[keep]
        out.append(m)
    return out[0], out[1]


# --------------------------------------------------------------------------
# evidence
# --------------------------------------------------------------------------


@dataclass
class _Evidence:
    """Pairwise evidence between the units of two years."""

    cos: Matrix
    flow_a: Matrix
    """Share of each A unit's text whose closest B unit (among its candidates) is that B unit."""
    flow_b: Matrix
    heading: Matrix
    position: Matrix


def _evidence(ya: _Year, yb: _Year, kind: str, allowed: Matrix) -> _Evidence:
    import numpy as np

    units_a = ya.parts if kind == "part" else ya.leaves
    units_b = yb.parts if kind == "part" else yb.leaves
    ua, ub = _dense(ya.bags[kind], yb.bags[kind])
    cos: Matrix = np.clip(ua @ ub.T, 0.0, 1.0) * allowed
    ca, ub2 = _dense(ya.bags["chunk"], yb.bags[kind])
    cb, ua2 = _dense(yb.bags["chunk"], ya.bags[kind])
    flow_a = _flows(ya, units_a, ca @ ub2.T, allowed, _own(ya, kind, units_a))
    flow_b = _flows(yb, units_b, cb @ ua2.T, allowed.T, _own(yb, kind, units_b)).T
    heading = np.array([[fuzz.ratio(a.title, b.title) / 100 for b in units_b] for a in units_a])
    heading = heading.reshape(len(units_a), len(units_b))
    position = 1.0 - np.abs(
        np.array([a.center for a in units_a])[:, None] - np.array([b.center for b in units_b])[None, :]
    )
    return _Evidence(cos, flow_a, flow_b, heading * allowed, position * allowed)


#: A paragraph whose cosine with every candidate is below this flows nowhere.
_FLOOR = 0.05


def _own(year: _Year, kind: str, units: Sequence[_Unit]) -> list[Matrix]:
    """For each unit, the cosine of each of its paragraphs with the unit itself."""
    c, u = _dense(year.bags["chunk"], year.bags[kind])
    return [c[unit.chunks] @ u[i] for i, unit in enumerate(units)]


def _flows(year: _Year, units: Sequence[_Unit], sims: Matrix, allowed: Matrix, own: list[Matrix]) -> Matrix:
    """For each unit, the share of its text whose paragraphs are closest to each
    (allowed) unit of the other year; ``sims`` is paragraphs × other units."""
    import numpy as np

    out: Matrix = np.zeros((len(units), sims.shape[1]))
    for i, u in enumerate(units):
        if not u.chunks or not allowed[i].any():
            continue
        s = np.where(allowed[i] > 0, sims[u.chunks], -1.0)
        best = s.argmax(axis=1)
        ok = s[np.arange(len(u.chunks)), best] >= _FLOOR
        sizes = np.array([len(year.chunks[c]) for c in u.chunks], dtype=float)
        np.add.at(out[i], best[ok], sizes[ok] / sizes.sum())
    return out


# --------------------------------------------------------------------------
# assignment
# --------------------------------------------------------------------------


def _hungarian(score: Sequence[Sequence[float]]) -> list[tuple[int, int]]:
    """A maximum-total-score one-to-one assignment of rows to columns.

    The O(n³) shortest augmenting path method; rows or columns left over in a
    rectangular matrix stay unassigned.  Deterministic: ties go to the lowest index.
    """
    n_rows = len(score)
    n_cols = len(score[0]) if n_rows else 0
    if not n_rows or not n_cols:
        return []
    transposed = n_rows > n_cols
    if transposed:
        score = [list(col) for col in zip(*score, strict=True)]
        n_rows, n_cols = n_cols, n_rows
    top = max(max(r) for r in score)
    cost = [[top - v for v in r] for r in score]
    inf = math.inf
    u = [0.0] * (n_rows + 1)
    v = [0.0] * (n_cols + 1)
    p = [0] * (n_cols + 1)
    way = [0] * (n_cols + 1)
    for i in range(1, n_rows + 1):
        p[0] = i
        j0 = 0
        minv = [inf] * (n_cols + 1)
        used = [False] * (n_cols + 1)
        while True:
            used[j0] = True
            i0 = p[j0]
            delta = inf
            j1 = 0
            for j in range(1, n_cols + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j] - 1e-12:
                        minv[j] = cur
                        way[j] = j0
                    if minv[j] < delta - 1e-12:
                        delta = minv[j]
                        j1 = j
            for j in range(n_cols + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while True:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
            if j0 == 0:
                break
    pairs = [(p[j] - 1, j - 1) for j in range(1, n_cols + 1) if p[j]]
    if transposed:
        pairs = [(c, r) for r, c in pairs]
    return sorted(pairs)


# --------------------------------------------------------------------------
# the two passes
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Params:
    scorer: Scorer
    tokenizer: Tokenizer
    threshold: float
    share: float
    cover: float
    min_cosine: float


@dataclass
class _Found:
    """Pairs found between two years, by unit index."""

    score: dict[tuple[int, int], float] = field(default_factory=dict)
    evidence: dict[tuple[int, int], Evidence] = field(default_factory=dict)

    def add(self, i: int, j: int, score: float, ev: Evidence) -> None:
        self.score[(i, j)] = score
        self.evidence[(i, j)] = ev


def _scores(ev: _Evidence, allowed: Matrix, params: _Params) -> tuple[Matrix, list[list[Evidence]]]:
    import numpy as np

    n, m = allowed.shape
    body = 0.5 * ev.cos + 0.25 * ev.flow_a + 0.25 * ev.flow_b
    evs = [
        [Evidence(round(float(ev.heading[i, j]), 4), round(float(body[i, j]), 4), round(float(ev.position[i, j]), 4))
         for j in range(m)]
        for i in range(n)
    ]
    score = np.array([[params.scorer(evs[i][j]) if allowed[i, j] else 0.0 for j in range(m)] for i in range(n)])
    return score.reshape(n, m), evs


def _match(
    ev: _Evidence,
    allowed: Matrix,
    params: _Params,
    one_to_one: Callable[[int, int], bool],
    cover: Callable[[int], bool],
    cover_b: Callable[[int], bool],
) -> _Found:
    """One-to-one assignment where ``one_to_one(i, j)``, then flow pairs, then cover."""
    score, evs = _scores(ev, allowed, params)
    n, m = score.shape
    found = _Found()
    rows = [i for i in range(n) if any(one_to_one(i, j) for j in range(m))]
    cols = [j for j in range(m) if any(one_to_one(i, j) for i in range(n))]
    sub = [[float(score[i, j]) if one_to_one(i, j) else 0.0 for j in cols] for i in rows]
    for r, c in _hungarian(sub):
        i, j = rows[r], cols[c]
        if sub[r][c] >= params.threshold and ev.cos[i, j] >= params.min_cosine:
            found.add(i, j, float(score[i, j]), evs[i][j])
    for i in range(n):
        for j in range(m):
            if not allowed[i, j] or (i, j) in found.score:
                continue
            if max(ev.flow_a[i, j], ev.flow_b[i, j]) >= params.share and score[i, j] >= params.cover \
                    and ev.cos[i, j] >= params.min_cosine:
                found.add(i, j, float(score[i, j]), evs[i][j])
    paired_a = {i for i, _ in found.score}
    paired_b = {j for _, j in found.score}
    for i in range(n):
        if i not in paired_a and cover(i) and allowed[i].any():
            j = int(score[i].argmax())
            if score[i, j] >= params.cover and ev.cos[i, j] >= params.min_cosine:
                found.add(i, j, float(score[i, j]), evs[i][j])
    for j in range(m):
        if j not in paired_b and cover_b(j) and allowed[:, j].any():
            i = int(score[:, j].argmax())
            if score[i, j] >= params.cover and ev.cos[i, j] >= params.min_cosine:
                found.add(i, j, float(score[i, j]), evs[i][j])
    return found


def _align_two(ya: _Year, yb: _Year, params: _Params) -> list[SectionPair]:
    import numpy as np

    pa, pb = ya.parts, yb.parts
    allowed = np.ones((len(pa), len(pb)))
    ev = _evidence(ya, yb, "part", allowed)
    parts = _match(ev, allowed, params, lambda i, j: True, lambda i: True, lambda j: True)
    part_pairs = set(parts.score)

    la, lb = ya.leaves, yb.leaves
    allowed = np.array(
        [[1.0 if (a.part, b.part) in part_pairs and 2 in (a.level, b.level) else 0.0 for b in lb] for a in la]
    ).reshape(len(la), len(lb))
    ev = _evidence(ya, yb, "leaf", allowed)
    leaves = _match(
        ev,
        allowed,
        params,
        lambda i, j: la[i].level == 2 and lb[j].level == 2,
        lambda i: not la[i].intro,
        lambda j: not lb[j].intro,
    )

    best: dict[tuple[SectionRef, SectionRef], tuple[float, Evidence]] = {}
    for units_a, units_b, found in ((pa, pb, parts), (la, lb, leaves)):
        for (i, j), s in sorted(found.score.items()):
            key = (units_a[i].ref, units_b[j].ref)
            if key not in best or s > best[key][0]:
                best[key] = (s, found.evidence[(i, j)])
    return _relations(ya, yb, best)


def _relations(
    ya: _Year, yb: _Year, best: dict[tuple[SectionRef, SectionRef], tuple[float, Evidence]]
) -> list[SectionPair]:
    # degrees count same-level and cross-level pairs apart: a part that continues
    # as a part and also absorbs sub-sections of the year before is not "merged"
    deg_a: dict[tuple[SectionRef, bool], int] = {}
    deg_b: dict[tuple[SectionRef, bool], int] = {}
    for a, b in best:
        cross = a.level != b.level
        deg_a[(a, cross)] = deg_a.get((a, cross), 0) + 1
        deg_b[(b, cross)] = deg_b.get((b, cross), 0) + 1
    sections = {u.ref: u for u in [*ya.parts, *ya.leaves, *yb.parts, *yb.leaves] if not u.intro}
    out: list[SectionPair] = []
    for (a, b), (s, ev) in best.items():
        da, db = deg_a[(a, a.level != b.level)], deg_b[(b, a.level != b.level)]
        if da > 1 or db > 1:
            rel = Relation.SPLIT if da >= db else Relation.MERGED
        elif sections[a].title == sections[b].title:
            same_place = a.level == b.level and a.path.rsplit("/", 1)[-1] == b.path.rsplit("/", 1)[-1]
            rel = Relation.MATCHED if same_place else Relation.MOVED
        else:
            rel = Relation.RENAMED if a.level == b.level else Relation.MOVED
        out.append(SectionPair(a, b, rel, round(s, 4), ev))
    none = Evidence(0.0, 0.0, 0.0)
    for year, side in ((ya, "a"), (yb, "b")):
        seen = {ref for ref, _ in (deg_a if side == "a" else deg_b)}
        for u in [*year.parts, *year.leaves]:
            if u.intro or u.ref in seen:
                continue
            seen.add(u.ref)
            if side == "a":
                out.append(SectionPair(u.ref, None, Relation.REMOVED, 0.0, none))
            else:
                out.append(SectionPair(None, u.ref, Relation.ADDED, 0.0, none))
    return sorted(out, key=_pair_order)


def _pair_order(p: SectionPair) -> tuple[object, ...]:
    a = p.a or p.b
    b = p.b or p.a
    assert a is not None and b is not None
    return (a.year, p.a is None, _doc_order(a), _doc_order(b), p.relation.value)


def _doc_order(ref: SectionRef) -> tuple[int, str]:
    return (ref.level, ref.path)


# --------------------------------------------------------------------------
# lineages
# --------------------------------------------------------------------------


def _lineages(years: Sequence[_Year], pairs: Sequence[SectionPair]) -> tuple[Lineage, ...]:
    """Chains of mutual best partners across years."""
    best_next: dict[SectionRef, tuple[float, SectionRef]] = {}
    best_prev: dict[SectionRef, tuple[float, SectionRef]] = {}
    for p in pairs:
        if p.a is None or p.b is None:
            continue
        if p.a not in best_next or (p.score, _neg(p.b)) > (best_next[p.a][0], _neg(best_next[p.a][1])):
            best_next[p.a] = (p.score, p.b)
        if p.b not in best_prev or (p.score, _neg(p.a)) > (best_prev[p.b][0], _neg(best_prev[p.b][1])):
            best_prev[p.b] = (p.score, p.a)
    out: list[Lineage] = []
    seen: set[SectionRef] = set()
    for y in years:
        for u in [*y.parts, *y.leaves]:
            if u.intro or u.ref in seen:
                continue
            seen.add(u.ref)
            prev = best_prev.get(u.ref)
            if prev is not None and best_next.get(prev[1], (0.0, None))[1] == u.ref:
                continue  # continues a lineage that started earlier
            members = [u.ref]
            cur = u.ref
            while cur in best_next:
                nxt = best_next[cur][1]
                if best_prev.get(nxt, (0.0, None))[1] != cur:
                    break
                members.append(nxt)
                cur = nxt
            out.append(Lineage(f"{u.ref.year}:{u.ref.path}", tuple(members)))
    return tuple(sorted(out, key=lambda lin: (lin.members[0].year, _doc_order(lin.members[0]))))


def _neg(ref: SectionRef) -> tuple[int, ...]:
    return tuple(-ord(c) for c in f"{ref.level}{ref.path}")


# --------------------------------------------------------------------------
# the entry point
# --------------------------------------------------------------------------


def align(
    reports: Iterable[Report],
    *,
    scorer: Scorer = default_scorer,
    tokenizer: Tokenizer = tokenize,
    threshold: float = 0.3,
    share: float = 0.3,
    cover: float = 0.25,
    min_cosine: float = 0.1,
) -> Alignment:
    """Align the sections of each year with those of the next, and chain them
    into lineages across all years.

    Level-1 and level-2 sections are aligned (numbered or headed); blocks
    without a heading (a preamble, a closing passage) are not, except a
    top-level block that holds sub-sections, which counts as a part.

    Args:
        reports: the reports of one series, in any order (sorted by year here).
        scorer: combines a pair's :class:`~reportdiff.model.Evidence` into its score.
        tokenizer: ``(text, language) -> tokens`` for the similarity measures.
        threshold: the least score of a one-to-one pair (matched, renamed, moved).
        share: the least share of one section's text that must flow into another
            for an extra (split, merge or cross-level) pair.
        cover: the least score for an extra pair, and for the best partner of a
            section that would otherwise be added or removed.
        min_cosine: the least TF-IDF cosine of two sections' texts for any pair:
            heading and position alone never pair two sections.

    Returns:
        The pairs between consecutive years (``added`` pairs have no ``a``,
        ``removed`` ones no ``b``) and the lineages, both in a stable order.

    >>> from reportdiff._compare import read_reports
    >>> rs = read_reports(["fixtures/gov-work-report/2018.txt", "fixtures/gov-work-report/2019.txt"])
    >>> al = align(rs)
    >>> al.years
    (2018, 2019)
    >>> [(p.a.heading, p.b.heading, p.relation.value) for p in al.pairs if p.a and p.a.path == "二"]
    [('二、2018年经济社会发展总体要求和政策取向', '二、2019年经济社会发展总体要求和政策取向', 'renamed')]
    """
    ordered = sorted(reports, key=lambda r: r.year)
    params = _Params(scorer, tokenizer, threshold, share, cover, min_cosine)
    years = [_units(r, tokenizer) for r in ordered]
    _weigh(years)
    pairs: list[SectionPair] = []
    for ya, yb in itertools.pairwise(years):
        pairs.extend(_align_two(ya, yb, params))
    return Alignment(tuple(r.year for r in ordered), tuple(pairs), _lineages(years, pairs))


# --------------------------------------------------------------------------
# year-over-year similarity (Lazy Prices) as tables
# --------------------------------------------------------------------------

_MEASURES = ("cosine", "jaccard", "edit", "simple")


def _texts(reports: Iterable[Report]) -> dict[tuple[int, str], tuple[str, str]]:
    """(year, path) → (section text, language) for every section of every report."""
    out: dict[tuple[int, str], tuple[str, str]] = {}
    for r in reports:
        for s in r.sections():
            out[(r.year, s.path)] = (s.text(), r.document.language)
    return out


def _measures(a: str, b: str, language: str) -> dict[str, float]:
    from reportdiff.similarity import similarity

    sim = similarity(a, b, language=language if language in ("zh", "en") else None)
    return {m: float(getattr(sim, m)) for m in _MEASURES}


def pair_similarity(alignment: Alignment, reports: Iterable[Report]) -> pd.DataFrame:
    """The four Lazy Prices measures (cosine, Jaccard, minimum-edit, simple) of
    every pair that has both sides: one row per pair.

    Args:
        alignment: what :func:`align` returned for ``reports``.
        reports: the reports that were aligned.

    Returns:
        A DataFrame with the columns ``year_a, path_a, heading_a, level_a,
        year_b, path_b, heading_b, level_b, relation, score, cosine, jaccard,
        edit, simple``.

    >>> from reportdiff._compare import read_reports
    >>> rs = read_reports(["fixtures/gov-work-report/2018.txt", "fixtures/gov-work-report/2019.txt"])
    >>> df = pair_similarity(align(rs), rs)
    >>> row = df[df.path_a == "二"].iloc[0]
    >>> row.path_b, bool(0.0 < row.cosine <= 1.0)
    ('二', True)
    """
    import pandas as pd

    texts = _texts(reports)
    rows = []
    for p in alignment.pairs:
        if p.a is None or p.b is None:
            continue
        (ta, lang), (tb, _) = texts[(p.a.year, p.a.path)], texts[(p.b.year, p.b.path)]
        rows.append({"year_a": p.a.year, "path_a": p.a.path, "heading_a": p.a.heading, "level_a": p.a.level,
                     "year_b": p.b.year, "path_b": p.b.path, "heading_b": p.b.heading, "level_b": p.b.level,
                     "relation": p.relation.value, "score": p.score, **_measures(ta, tb, lang)})
    columns = ["year_a", "path_a", "heading_a", "level_a", "year_b", "path_b", "heading_b", "level_b",
               "relation", "score", *_MEASURES]
    return pd.DataFrame(rows, columns=columns)


def lineage_similarity(
    alignment: Alignment, reports: Iterable[Report], *, measure: str | None = None
) -> pd.DataFrame:
    """The Lazy Prices measures of each lineage, year over year: each member
    compared with the member of the year before.

    Args:
        alignment: what :func:`align` returned for ``reports``.
        reports: the reports that were aligned.
        measure: ``cosine``, ``jaccard``, ``edit`` or ``simple`` for a wide table
            (one row per lineage, one column per year: a heatmap's input), or
            None for the long table with every measure.

    Returns:
        Long: one row per lineage × year (from its second year on) with the
        columns ``lineage, year, path, heading, level, cosine, jaccard, edit,
        simple``.  Wide: lineage ids as the index, years as the columns, NaN
        where a lineage has no member (or no previous member).

    Raises:
        ValueError: ``measure`` is not one of the four.

    >>> from reportdiff._compare import read_reports
    >>> rs = read_reports(["fixtures/gov-work-report/2018.txt", "fixtures/gov-work-report/2019.txt"])
    >>> wide = lineage_similarity(align(rs), rs, measure="cosine")
    >>> list(wide.columns), bool(wide.loc["2018:二", 2019] > 0.5)
    ([2019], True)
    """
    import pandas as pd

    if measure is not None and measure not in _MEASURES:
        raise ValueError(f"measure {measure!r}: expected one of {', '.join(_MEASURES)}")
    texts = _texts(reports)
    rows = []
    for lin in alignment.lineages:
        for prev, cur in zip(lin.members, lin.members[1:], strict=False):
            (ta, lang), (tb, _) = texts[(prev.year, prev.path)], texts[(cur.year, cur.path)]
            rows.append({"lineage": lin.id, "year": cur.year, "path": cur.path, "heading": cur.heading,
                         "level": cur.level, **_measures(ta, tb, lang)})
    long = pd.DataFrame(rows, columns=["lineage", "year", "path", "heading", "level", *_MEASURES])
    if measure is None:
        return long
    wide = long.pivot(index="lineage", columns="year", values=measure)
    order = [lin.id for lin in alignment.lineages if lin.id in wide.index]
    wide = wide.reindex(index=order, columns=list(alignment.years[1:]))
    wide.columns.name = "year"
    return wide


def document_similarity(reports: Iterable[Report]) -> pd.DataFrame:
    """The Lazy Prices measures of each whole report against the year before.

    Args:
        reports: the reports of one series, in any order.

    Returns:
        One row per pair of consecutive years: ``year_a, year_b, cosine,
        jaccard, edit, simple``.

    >>> from reportdiff._compare import read_reports
    >>> rs = read_reports(["fixtures/gov-work-report/2018.txt", "fixtures/gov-work-report/2019.txt"])
    >>> df = document_similarity(rs)
    >>> list(df.year_a), bool(df.cosine.iloc[0] > df.jaccard.iloc[0])
    ([2018], True)
    """
    import pandas as pd

    ordered = sorted(reports, key=lambda r: r.year)
    rows = [{"year_a": a.year, "year_b": b.year, **_measures(a.text, b.text, a.document.language)}
            for a, b in itertools.pairwise(ordered)]
    return pd.DataFrame(rows, columns=["year_a", "year_b", *_MEASURES])
