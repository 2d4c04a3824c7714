"""Moved sentences: deleted in one place, inserted near-identical in another.

Candidates are whole sentences inside deleted and inserted runs.  A pair of
candidates is scored (rapidfuzz's normalised Indel similarity over characters)
only when they share a rare character bigram: two sentences as similar as the
threshold must share many bigrams (see :func:`_min_shared_bigrams`), so by the
prefix-filtering lemma they share one among the rarest of each, and no pair
that could pass is skipped.  Where a sentence's rarest bigrams are still common
(English has few distinct bigrams) the filter would cost more than it saves,
and that sentence is scored against the sentences of a possible length at once
(rapidfuzz, in C++).  Either way the moves are those of comparing every
deletion with every insertion.
"""

from __future__ import annotations

import bisect
import collections
import math
from collections.abc import Sequence

import attrs
from rapidfuzz import process
from rapidfuzz.distance import Indel

from reportdiff._diff._edits import edits_of
from reportdiff._lcs import Clock, Codebook, token_diffs
from reportdiff._tokens import CLOSERS, ENDS, Segmenter, content_count, tokenize
from reportdiff.model import Edit, Granularity, Move, Op, Span

__all__ = ["Candidate", "candidates", "make_move", "match_moves"]

_EDGE_PUNCT = ENDS + CLOSERS + '.,;:，、：“‘"(（《【 '


@attrs.frozen
class Candidate:
    """A whole sentence inside a deleted (or inserted) run."""

    span: Span
    text: str
    hunk: int
    """Which run of changes (between two equalities) the sentence is in."""
    rank: int
    """Its place among the candidates of its run."""
    pair: int = 0


def _core(span: Span, text: str) -> Span:
    """A sentence's span without the punctuation at its ends."""
    piece = span.of(text)
    lead = len(piece) - len(piece.lstrip(_EDGE_PUNCT))
    core = piece.strip(_EDGE_PUNCT)
    return Span(span.start + lead, span.start + lead + len(core))


def candidates(
    edits: Sequence[Edit],
    op: Op,
    text: str,
    spans: Sequence[Span],
    pair: int = 0,
    *,
    min_tokens: int,
) -> list[Candidate]:
    """Whole sentences lying inside the ``op`` edits, with at least ``min_tokens`` words."""
    starts = [s.start for s in spans]
    out: list[Candidate] = []
    hunk = rank = 0
    for e in edits:
        if e.op is Op.EQUAL:
            hunk += 1
            rank = 0
            continue
        if e.op is not op:
            continue
        where = e.a if op is Op.DELETE else e.b
        k = max(bisect.bisect_right(starts, where.start) - 1, 0)
        while k < len(spans) and spans[k].start < where.end:
            s = _core(spans[k], text)
            if where.start <= s.start and s.end <= where.end:
                t = s.of(text)
                if content_count(t) >= min_tokens:
                    out.append(Candidate(s, t, hunk, rank, pair))
                    rank += 1
            k += 1
    return out


def _min_shared_bigrams(n: float, m: float, t: float) -> int:
    """Least number of character bigrams (with multiplicity) that texts of lengths
    ``n`` and ``m`` with normalised Indel similarity ≥ ``t`` share.

    Their LCS holds ``L ≥ t(n+m)/2`` characters in at most ``n+m-2L+1`` runs
    common to both, and a run of ``r`` characters gives ``r-1`` shared bigrams:
    at least ``3L - (n+m) - 1 ≥ (1.5t - 1)(n+m) - 1``, which grows with ``n+m``.

    >>> _min_shared_bigrams(20, 20, 0.85)
    10
    """
    return math.ceil((1.5 * t - 1) * (n + m) - 1 - 1e-9)


def _bigrams(text: str) -> list[tuple[str, int]]:
    """The bigrams of ``text``, each occurrence numbered (a multiset as a set)."""
    seen: dict[str, int] = {}
    out = []
    for g in map(str.__add__, text, text[1:]):
        k = seen.get(g, 0)
        seen[g] = k + 1
        out.append((g, k))
    return out


def _length_band(n: int, t: float) -> tuple[float, float]:
    """Lengths a text of ``n`` characters can be matched with at similarity ``t``."""
    # a hair of slack: a pair exactly at ``t`` must not fall out on a rounding error
    return n * t / (2 - t) - _EPS, n * (2 - t) / t + _EPS


_EPS = 1e-9
"""Slack on comparisons with the threshold, so a pair exactly at it never falls out on rounding."""
_CUTOFF_SLACK = 1e-6
"""Slack on rapidfuzz's ``score_cutoff``, which it turns into a distance bound with its own
rounding: a cutoff of exactly 0.85 (or 0.85 − 1e-9) drops a pair whose similarity is 34/40 = 0.85.
The exact comparison with the threshold is made afterwards (:func:`_keep`)."""


def match_moves(
    dels: Sequence[Candidate],
    ins: Sequence[Candidate],
    *,
    same_pair: bool,
    threshold: float,
    filter_from: int | None = None,
) -> list[tuple[Candidate, Candidate, float]]:
    """Pairs of near-identical deleted and inserted sentences, each used once, best first.

    Args:
        dels: deleted sentences.
        ins: inserted sentences.
        same_pair: the candidates come from one diff (a pair replacing each
            other in place is then an edit, not a move); else only pairs from
            different diffs match.
        threshold: least normalised Indel similarity of a move.
        filter_from: use the bigram filter when ``len(dels) * len(ins)`` exceeds
            this many times ``len(dels) + len(ins)`` (default :data:`_FILTER_FROM`);
            a choice of speed only, both ways find the same moves.

    Returns:
        ``(deleted, inserted, similarity)`` triples, best first, one-to-one.
    """
    t = threshold
    least = _FILTER_FROM if filter_from is None else filter_from
    if len(dels) * len(ins) <= least * (len(dels) + len(ins)):
        return _best_pairs(_band_hits(dels, ins, t, same_pair=same_pair))
    grams_d = [_bigrams(c.text) for c in dels]
    grams_i = [_bigrams(c.text) for c in ins]
    freq: collections.Counter[str] = collections.Counter()
    for gs in (*grams_d, *grams_i):
        freq.update(g for g, _ in gs)
    # one global order, rarest first (ties by the bigram itself): the prefix filter needs it
    rarity = {g: k for k, g in enumerate(sorted(freq, key=lambda g: (freq[g], g)))}

    def prefix(c: Candidate, gs: list[tuple[str, int]]) -> list[tuple[str, int]]:
        n = len(c.text)
        alpha = _min_shared_bigrams(n, _length_band(n, t)[0], t)
        if alpha < 1:
            return gs  # too short (or too low a threshold) for a guarantee: keep every bigram
        ordered = sorted(gs, key=lambda g: (rarity[g[0]], g[1]))
        return ordered[: max(len(ordered) - alpha + 1, 0)]

    index: dict[tuple[str, int], list[int]] = collections.defaultdict(list)
    bare = []  # insertions with no bigram (one character): compared with every deletion
    for k, (c, gs) in enumerate(zip(ins, grams_i, strict=True)):
        bare += [] if gs else [k]
        for g in prefix(c, gs):
            index[g].append(k)
    by_len = sorted(range(len(ins)), key=lambda k: (len(ins[k].text), k))
    lens = [len(ins[k].text) for k in by_len]
    scored: list[_Scored] = []
    for d, gs in zip(dels, grams_d, strict=True):
        lo, hi = _length_band(len(d.text), t)
        band = by_len[bisect.bisect_left(lens, lo) : bisect.bisect_right(lens, hi)]
        grams = prefix(d, gs)
        if gs and sum(len(index.get(g, ())) for g in grams) + len(bare) < len(band):
            near = sorted({*bare, *(k for g in grams for k in index.get(g, ()))})
            hits = _extract(d, ins, near, t)  # the same scorer as the band scan: same cut at exactly t
        else:  # bigrams too common to filter (or none): score the length band at once, in C++
            hits = _extract(d, ins, band, t)
        scored += _keep(d, ins, hits, t, same_pair=same_pair)
    return _best_pairs(scored)


_FILTER_FROM = 1500
"""The bigram filter pays when the deletions and insertions are many: it is used
when ``len(dels) * len(ins)`` exceeds this many times ``len(dels) + len(ins)``
(about 3,000 sentences a side).  A choice of speed only (both ways find the
same moves), from timing both on the fixtures: the filter costs ~2.5 µs per
character in Python, the C++ length-band scan ~0.15 µs per pair."""

_Scored = tuple[float, int, int, int, int, Candidate, Candidate]


def _extract(
    d: Candidate, ins: Sequence[Candidate], band: Sequence[int], t: float, texts: Sequence[str] | None = None
) -> list[tuple[int, float]]:
    """Similarities of ``d`` with the insertions ``band`` (indices) that reach ``t``, in C++;
    ``texts`` are the band's texts when the caller has them in a list already."""
    found = process.extract(
        d.text, [ins[k].text for k in band] if texts is None else texts,
        scorer=Indel.normalized_similarity, score_cutoff=max(0.0, t - _CUTOFF_SLACK), limit=None,
    )
    return [(band[j], sim) for _, sim, j in found]


def _keep(
    d: Candidate, ins: Sequence[Candidate], hits: Sequence[tuple[int, float]], t: float, *, same_pair: bool
) -> list[_Scored]:
    lo, hi = _length_band(len(d.text), t)
    out: list[_Scored] = []
    for k, sim in hits:
        i = ins[k]
        if sim < t - _EPS or not lo <= len(i.text) <= hi:
            continue
        if same_pair and (i.hunk, i.rank) == (d.hunk, d.rank):
            continue  # replaced in place: an edit, not a move
        if not same_pair and i.pair == d.pair:
            continue
        out.append((-sim, d.pair, d.span.start, i.pair, i.span.start, d, i))
    return out


def _band_hits(
    dels: Sequence[Candidate], ins: Sequence[Candidate], t: float, *, same_pair: bool
) -> list[_Scored]:
    """Every deletion scored against the insertions of a possible length."""
    by_len = sorted(range(len(ins)), key=lambda k: (len(ins[k].text), k))
    lens = [len(ins[k].text) for k in by_len]
    texts = [ins[k].text for k in by_len]  # a band's texts are a slice: no list built per deletion
    scored: list[_Scored] = []
    for d in dels:
        lo, hi = _length_band(len(d.text), t)
        i, j = bisect.bisect_left(lens, lo), bisect.bisect_right(lens, hi)
        if i < j:
            hits = _extract(d, ins, by_len[i:j], t, texts[i:j])
            scored += _keep(d, ins, hits, t, same_pair=same_pair)
    return scored


def _best_pairs(scored: list[_Scored]) -> list[tuple[Candidate, Candidate, float]]:
    """The scored pairs best first, each deletion and insertion used once."""
    scored.sort(key=lambda x: x[:5])
    used_a: set[tuple[int, int]] = set()
    used_b: set[tuple[int, int]] = set()
    out = []
    for neg, _, _, _, _, d, i in scored:
        ka, kb = (d.pair, d.span.start), (i.pair, i.span.start)
        if ka in used_a or kb in used_b:
            continue
        used_a.add(ka)
        used_b.add(kb)
        out.append((d, i, -neg))
    return out


def make_move(d: Candidate, i: Candidate, sim: float, segmenter: Segmenter | None) -> Move:
    """The :class:`Move` of a matched pair, with the word diff between its sentences."""
    codebook = Codebook()
    ta = tokenize(d.text, Granularity.WORD, segmenter=segmenter)
    tb = tokenize(i.text, Granularity.WORD, segmenter=segmenter)
    diffs = token_diffs(ta, tb, codebook, Clock(None), cleanup=True, semantic=True)
    inner, _ = edits_of(diffs, codebook, d.span.start, i.span.start)
    return Move(d.span, i.span, round(sim, 4), tuple(inner))


def moves_within(
    edits: Sequence[Edit],
    a: str,
    b: str,
    sent_a: Sequence[Span],
    sent_b: Sequence[Span],
    *,
    min_tokens: int,
    threshold: float,
    segmenter: Segmenter | None,
) -> list[Move]:
    """The sentences of one diff deleted in one place and inserted, near-identical, in another.

    Args:
        edits: the diff's edits over ``a`` (old) and ``b`` (new).
        a: the old text.
        b: the new text.
        sent_a: the old text's sentence spans.
        sent_b: the new text's sentence spans.
        min_tokens: least words (Chinese: characters) of a moved sentence.
        threshold: least character similarity of a moved sentence.
        segmenter: how the inner word diff of a move cuts Chinese.

    Returns:
        The moves, in old-text order.
    """
    dels = candidates(edits, Op.DELETE, a, sent_a, min_tokens=min_tokens)
    ins = candidates(edits, Op.INSERT, b, sent_b, min_tokens=min_tokens)
    found = match_moves(dels, ins, same_pair=True, threshold=threshold)
    return sorted((make_move(d, i, s, segmenter) for d, i, s in found), key=lambda m: m.a)
