"""Text diffs: exact, readable in Chinese and English, and fast.

The stage that turns two texts into a :class:`~reportdiff.model.TextDiff` of
:class:`~reportdiff.model.Edit` records.  The parts:

- :mod:`reportdiff._tokens`: tokens (a number with its unit is one token,
  Chinese words by rjieba), sentences, numbers;
- :mod:`reportdiff._lcs`: the exact LCS engine (rapidfuzz's ``Indel.opcodes``)
  and diff-match-patch's semantic cleanup, over tokens encoded as characters;
- :mod:`._edits`: the engine's tuples as ``Edit`` records; :mod:`._moves`:
  moved sentences; :mod:`._stats`: statistics and changed numbers;
  :mod:`._options`: the knobs (:class:`DiffOptions`).

How a diff is made:

1. Both texts are cut into tokens of the chosen :class:`Granularity`.  The
   tokens partition the text exactly.
2. Each distinct token becomes one character, so the LCS and the cleanup run
   over tokens.
3. When the two token strings are small enough (``cell_budget``), one exact LCS
   runs over them.  Larger inputs are first aligned sentence by sentence and
   the LCS runs in each gap between unchanged sentences; a gap still too large
   goes to diff-match-patch's linear-memory bisection, under the time limit.
4. Semantic cleanup, then moved sentences, then statistics.

Nothing here depends on the clock unless a ``timeout`` is given; without one
the diff always finishes and ``approximate`` is False.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from reportdiff._diff._edits import edits_of
from reportdiff._diff._moves import Candidate, candidates, make_move, match_moves, moves_within
from reportdiff._diff._options import MOVE_MIN_TOKENS, MOVE_THRESHOLD, DiffOptions
from reportdiff._diff._stats import changed_numbers, stats
from reportdiff._diff._texts import TextCache, prepare
from reportdiff._lcs import CELL_BUDGET, Clock, Codebook, edit_distance, lcs_length, token_diffs
from reportdiff._tokens import NUMBER_PATTERN, Segmenter, numbers, sentences, tokenize
from reportdiff.errors import ParseError
from reportdiff.model import (
    DiffSide,
    Granularity,
    Move,
    Op,
    Report,
    SectionMove,
    SectionsDiff,
    TextDiff,
)

__all__ = [
    "CELL_BUDGET",
    "MOVE_MIN_TOKENS",
    "MOVE_THRESHOLD",
    "NUMBER_PATTERN",
    "DiffOptions",
    "Segmenter",
    "TextCache",
    "changed_numbers",
    "compose",
    "diff_reports",
    "diff_sections",
    "diff_texts",
    "edit_distance",
    "lcs_length",
    "numbers",
    "sentences",
    "tokenize",
]


if TYPE_CHECKING:
    from reportdiff._diff._compose import compose


def __getattr__(name: str) -> Any:
    """``compose`` on first use (PEP 562): only a comparison's whole-section diffs need it."""
    if name == "compose":
        from reportdiff._diff._compose import compose

        return compose
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _side(x: str | DiffSide) -> DiffSide:
    return x if isinstance(x, DiffSide) else DiffSide(x)


def _diff(a_side: DiffSide, b_side: DiffSide, o: DiffOptions, clock: Clock, cache: TextCache | None) -> TextDiff:
    a, b = a_side.text, b_side.text
    g = o.granularity
    codebook = Codebook()
    if cache is None:
        pa, pb = prepare(a, g, o.segmenter), prepare(b, g, o.segmenter)
    else:
        pa, pb = cache.get(a, g, o.segmenter), cache.get(b, g, o.segmenter)
    diffs = token_diffs(
        pa.tokens, pb.tokens, codebook, clock, cleanup=o.cleanup, semantic=g is not Granularity.SENTENCE,
        cell_budget=o.cell_budget,
    )
    edits, counts = edits_of(diffs, codebook)
    moves: list[Move] = []
    if o.detect_moves:
        moves = moves_within(edits, a, b, pa.sentences, pb.sentences, min_tokens=o.move_min_tokens,
                             threshold=o.move_threshold, segmenter=o.segmenter)
    return TextDiff(
        old=a_side,
        new=b_side,
        granularity=g,
        edits=tuple(edits),
        moves=tuple(moves),
        stats=stats(edits, counts, pa, pb),
        approximate=clock.cut,
    )


def diff_texts(
    old: str | DiffSide,
    new: str | DiffSide,
    *,
    granularity: Granularity | str = Granularity.WORD,
    timeout: float | None = None,
    detect_moves: bool = True,
    cleanup: bool = True,
    segmenter: Segmenter | None = None,
    cell_budget: int = CELL_BUDGET,
    move_threshold: float = MOVE_THRESHOLD,
    move_min_tokens: int = MOVE_MIN_TOKENS,
    cache: TextCache | None = None,
) -> TextDiff:
    """The exact diff of two texts.

    Args:
        old: the earlier text (or a :class:`DiffSide` naming its file and year).
        new: the later text.
        granularity: ``word`` (default), ``char`` or ``sentence``; see :func:`tokenize`.
        timeout: seconds the diff may take; None (default) for no limit.  If the
            limit cuts the diff short, the result is coarser but still exact and
            its ``approximate`` is True.
        detect_moves: report sentences deleted in one place and inserted,
            near-identical, in another as moves.
        cleanup: merge trivial equalities for readability (diff-match-patch's
            semantic cleanup; sentence diffs only merge adjacent runs).
        segmenter: how Chinese runs are cut into words (``word`` granularity).
        cell_budget: largest ``len(a) * len(b)`` in tokens given to one exact
            LCS (50 MB of bit matrix by default); larger texts are first aligned
            on unchanged sentences.
        move_threshold: least character similarity of a moved sentence.
        move_min_tokens: least words (Chinese: characters) of a moved sentence.
        cache: a :class:`TextCache` shared by the diffs of a series, so that a text
            diffed with the year before and the year after is cut into tokens,
            sentences and terms once; the result is the same without it.

    Returns:
        A :class:`TextDiff`: edits that rebuild both texts, moves and statistics.

    Raises:
        ParseError: for an option out of its range (named in the message).

    >>> d = diff_texts("受理案件100件。", "受理案件120件。")
    >>> [(e.op.value, e.text) for e in d.edits]
    [('equal', '受理案件'), ('delete', '100件'), ('insert', '120件'), ('equal', '。')]
    >>> d.stats.changed_numbers[0].new
    '120件'
    """
    o = DiffOptions(
        granularity=granularity,  # the converter takes strings
        timeout=timeout,
        detect_moves=detect_moves,
        cleanup=cleanup,
        segmenter=segmenter,
        cell_budget=cell_budget,
        move_threshold=move_threshold,
        move_min_tokens=move_min_tokens,
    )
    return _diff(_side(old), _side(new), o, Clock(o.timeout), cache)


def diff_reports(
    old: Report,
    new: Report,
    *,
    section: str | None = None,
    granularity: Granularity | str = Granularity.WORD,
    timeout: float | None = None,
    detect_moves: bool = True,
    cleanup: bool = True,
    segmenter: Segmenter | None = None,
    cell_budget: int = CELL_BUDGET,
    move_threshold: float = MOVE_THRESHOLD,
    move_min_tokens: int = MOVE_MIN_TOKENS,
    cache: TextCache | None = None,
) -> TextDiff:
    """The diff of two parsed reports, whole or one section.

    Args:
        old: the earlier report.
        new: the later report.
        section: a section path (``三/（二）``) to compare instead of the whole text.
        granularity: as for :func:`diff_texts`, like the other options.
        timeout: as for :func:`diff_texts`.
        detect_moves: as for :func:`diff_texts`.
        cleanup: as for :func:`diff_texts`.
        segmenter: as for :func:`diff_texts`.
        cell_budget: as for :func:`diff_texts`.
        move_threshold: as for :func:`diff_texts`.
        move_min_tokens: as for :func:`diff_texts`.
        cache: as for :func:`diff_texts`.

    Returns:
        A :class:`TextDiff` whose sides carry the reports' paths and years.

    Raises:
        ParseError: when a report has no section at ``section``, or an option
            is out of its range.

    >>> from reportdiff._compare import read_report
    >>> r = read_report("fixtures/xishan-rule-of-law/2022.txt")
    >>> diff_reports(r, r, section="一").identical
    True
    """
    sides = []
    for r in (old, new):
        text = r.text
        if section:
            s = r.root.find(section)
            if s is None:
                paths = ", ".join(x.path for x in r.sections() if x.level == 1)
                raise ParseError(
                    f"{r.path or 'report'}: no section {section!r}; "
                    f"its top-level sections are: {paths or 'none'} "
                    "(list them all with `reportdiff sections FILE`)"
                )
            text = s.text()
        sides.append(DiffSide(text, r.path, r.year, section or ""))
    return diff_texts(
        sides[0],
        sides[1],
        granularity=granularity,
        timeout=timeout,
        detect_moves=detect_moves,
        cleanup=cleanup,
        segmenter=segmenter,
        cell_budget=cell_budget,
        move_threshold=move_threshold,
        move_min_tokens=move_min_tokens,
        cache=cache,
    )


def diff_sections(
    pairs: Sequence[tuple[str | DiffSide, str | DiffSide]],
    *,
    granularity: Granularity | str = Granularity.WORD,
    timeout: float | None = None,
    detect_moves: bool = True,
    cleanup: bool = True,
    segmenter: Segmenter | None = None,
    cell_budget: int = CELL_BUDGET,
    move_threshold: float = MOVE_THRESHOLD,
    move_min_tokens: int = MOVE_MIN_TOKENS,
) -> SectionsDiff:
    """Diff aligned section pairs, finding sentences that moved between pairs too.

    Args:
        pairs: ``(old, new)`` texts of aligned sections (use ``""`` for the
            missing side of an added or removed section).
        granularity: as for :func:`diff_texts`, like the other options.
        timeout: seconds for all pairs together; None for no limit.
        detect_moves: find moves within and between pairs.
        cleanup: as for :func:`diff_texts`.
        segmenter: as for :func:`diff_texts`.
        cell_budget: as for :func:`diff_texts`.
        move_threshold: as for :func:`diff_texts`.
        move_min_tokens: as for :func:`diff_texts`.

    Returns:
        A :class:`SectionsDiff`: one diff per pair and the moves between pairs.

    Raises:
        ParseError: for an option out of its range.

    >>> sd = diff_sections([("甲乙丙丁戊己庚辛壬癸。", ""), ("", "甲乙丙丁戊己庚辛壬癸。")])
    >>> [(m.a_pair, m.b_pair, m.move.similarity) for m in sd.moves]
    [(0, 1, 1.0)]
    """
    o = DiffOptions(
        granularity=granularity,  # the converter takes strings
        timeout=timeout,
        detect_moves=detect_moves,
        cleanup=cleanup,
        segmenter=segmenter,
        cell_budget=cell_budget,
        move_threshold=move_threshold,
        move_min_tokens=move_min_tokens,
    )
    start = time.monotonic()
    diffs = []
    for old, new in pairs:
        left = None if o.timeout is None else max(o.timeout - (time.monotonic() - start), 0.0)
        diffs.append(_diff(_side(old), _side(new), o, Clock(left), None))
    cross: list[SectionMove] = []
    if o.detect_moves:
        dels: list[Candidate] = []
        ins: list[Candidate] = []
        for k, d in enumerate(diffs):
            moved_a = {m.a for m in d.moves}
            moved_b = {m.b for m in d.moves}
            dels += [
                c
                for c in candidates(
                    d.edits, Op.DELETE, d.old.text, sentences(d.old.text), k,
                    min_tokens=o.move_min_tokens,
                )
                if c.span not in moved_a
            ]
            ins += [
                c
                for c in candidates(
                    d.edits, Op.INSERT, d.new.text, sentences(d.new.text), k,
                    min_tokens=o.move_min_tokens,
                )
                if c.span not in moved_b
            ]
        for dc, ic, s in match_moves(dels, ins, same_pair=False, threshold=o.move_threshold):
            cross.append(SectionMove(dc.pair, ic.pair, make_move(dc, ic, s, o.segmenter)))
        cross.sort(key=lambda m: (m.a_pair, m.move.a, m.b_pair))
    return SectionsDiff(tuple(diffs), tuple(cross))
