"""A diff of a whole text put together from the diffs of its consecutive pieces.

A parent section's text is its own heading and body followed by its children's
texts.  When the children of two aligned parents are paired one to one and in
order, the parents' diff is the diffs of the pieces laid end to end: nothing
is diffed twice.  Moves are then looked for over the whole composed diff (so a
sentence moved from one child to another is still found), and the statistics
are those of the whole texts.

The composed edits can differ from a direct diff of the two whole texts only
where the direct LCS would match text across a piece boundary (an insertion
at the end of one child lining up with text at the start of the next); both
are exact (they rebuild both texts).
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from reportdiff._diff._moves import moves_within
from reportdiff._diff._options import MOVE_MIN_TOKENS, MOVE_THRESHOLD
from reportdiff._diff._stats import stats
from reportdiff._diff._texts import prepare
from reportdiff._tokens import Segmenter
from reportdiff.errors import ParseError
from reportdiff.model import DiffSide, Edit, Move, Span, TextDiff

__all__ = ["compose"]


def _merged(parts: Sequence[TextDiff]) -> list[Edit]:
    """The parts' edits with absolute spans, adjacent runs of one op joined."""
    out: list[Edit] = []
    a0 = b0 = 0
    for d in parts:
        for e in d.edits:
            a = Span(e.a.start + a0, e.a.end + a0)
            b = Span(e.b.start + b0, e.b.end + b0)
            if out and out[-1].op is e.op and out[-1].a.end == a.start and out[-1].b.end == b.start:
                last = out[-1]
                out[-1] = Edit(e.op, last.text + e.text, Span(last.a.start, a.end), Span(last.b.start, b.end))
            else:
                out.append(Edit(e.op, e.text, a, b))
        a0 += len(d.old.text)
        b0 += len(d.new.text)
    return out


def compose(
    old: DiffSide,
    new: DiffSide,
    parts: Sequence[TextDiff],
    *,
    detect_moves: bool = True,
    segmenter: Segmenter | None = None,
    move_threshold: float = MOVE_THRESHOLD,
    move_min_tokens: int = MOVE_MIN_TOKENS,
) -> TextDiff:
    """The diff of ``old`` and ``new`` from the diffs of their consecutive pieces.

    Args:
        old: the whole earlier text (its ``text`` is the parts' old texts, concatenated).
        new: the whole later text (the parts' new texts, concatenated).
        parts: diffs of consecutive pieces, in text order, all of one granularity
            (a piece present on one side only is diffed against ``""``).
        detect_moves: look for moved sentences over the whole composed diff.
        segmenter: as for :func:`~reportdiff._diff.diff_texts` (the words of a move's inner diff).
        move_threshold: as for :func:`~reportdiff._diff.diff_texts`.
        move_min_tokens: as for :func:`~reportdiff._diff.diff_texts`.

    Returns:
        A :class:`TextDiff` of the whole texts: exact edits, moves over the
        whole, statistics of the whole texts; ``approximate`` if any part is.

    Raises:
        ParseError: when the parts do not rebuild ``old`` and ``new``, or mix granularities.

    >>> from reportdiff._diff import diff_texts
    >>> p = [diff_texts("一、甲。", "一、乙。"), diff_texts("受理100件。", "受理120件。")]
    >>> d = compose(DiffSide("一、甲。受理100件。"), DiffSide("一、乙。受理120件。"), p)
    >>> [(e.op.value, e.text) for e in d.edits][1:3], d.stats.changed_numbers[0].new
    ([('delete', '甲'), ('insert', '乙')], '120件')
    """
    if not parts:
        raise ParseError("compose needs at least one part (diff the two texts instead)")
    granularity = parts[0].granularity
    if any(d.granularity is not granularity for d in parts):
        raise ParseError("compose: the parts are diffs of different granularities; diff them with one")
    if "".join(d.old.text for d in parts) != old.text or "".join(d.new.text for d in parts) != new.text:
        raise ParseError("compose: the parts' texts do not concatenate to the two whole texts")
    a, b = old.text, new.text
    edits = _merged(parts)
    pa, pb = prepare(a, None, None), prepare(b, None, None)  # sentences and terms: no tokens needed
    moves: list[Move] = []
    if detect_moves:
        moves = moves_within(edits, a, b, pa.sentences, pb.sentences, min_tokens=move_min_tokens,
                             threshold=move_threshold, segmenter=segmenter)
    whole = stats(edits, [0] * len(edits), pa, pb)
    whole = attrs.evolve(
        whole,
        tokens_equal=sum(d.stats.tokens_equal for d in parts),
        tokens_deleted=sum(d.stats.tokens_deleted for d in parts),
        tokens_inserted=sum(d.stats.tokens_inserted for d in parts),
    )
    return TextDiff(
        old=old,
        new=new,
        granularity=granularity,
        edits=tuple(edits),
        moves=tuple(moves),
        stats=whole,
        approximate=any(d.approximate for d in parts),
    )
