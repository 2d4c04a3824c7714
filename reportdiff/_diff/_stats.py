"""What a diff changed: characters, tokens, sentences, similarity and changed numbers."""

from __future__ import annotations

import collections
from collections.abc import Sequence

from rapidfuzz.distance import Indel

from reportdiff._diff._texts import Prepared
from reportdiff._lcs import Codebook
from reportdiff._tokens import number_family, numbers, pieces
from reportdiff.model import DiffStats, Edit, NumberChange, Op, Span
from reportdiff.similarity import similarity_of_terms

__all__ = ["changed_numbers", "stats"]

def _pieces(text: str, base: int) -> list[tuple[str, Span | None]]:
    """``text``'s numbers (with their spans), words and Chinese characters."""
    return [(p, Span(base + at, base + at + len(p)) if num else None) for p, at, num in pieces(text)]


def _run_changes(
    old: list[tuple[str, Span | None]], new: list[tuple[str, Span | None]], a_end: int, b_end: int
) -> list[NumberChange]:
    """The number changes of one run of changes (its deleted and its inserted text).

    Numbers printed the same on both sides are kept as they are (an LCS over
    the numbers); the others stand for their unit family, and an LCS over the
    run's words and characters with those stand-ins pairs an old number with a
    new one only where it has the same family of unit and sits in the same
    place: next to a word that matched too, or at the same end of the run.
    Whatever is left was removed or added.
    """
    old_nums = [p for p, s in old if s is not None]
    new_nums = [p for p, s in new if s is not None]
    if not old_nums or not new_nums:  # nothing to pair: all removed, or all added
        return [NumberChange(p, "", s, Span(b_end, b_end)) for p, s in old if s is not None] + [
            NumberChange("", p, Span(a_end, a_end), s) for p, s in new if s is not None
        ]
    book = Codebook()
    same_a: set[int] = set()
    same_b: set[int] = set()
    for op in Indel.opcodes(book.encode(old_nums), book.encode(new_nums)):
        if op.tag == "equal":
            same_a.update(range(op.src_start, op.src_end))
            same_b.update(range(op.dest_start, op.dest_end))

    def stand_ins(pieces: list[tuple[str, Span | None]], same: set[int]) -> list[str]:
        out, k = [], 0
        for p, s in pieces:
            if s is None:
                out.append(p)
                continue
            out.append(f"\0{p}" if k in same else f"\0\0{number_family(p)}")
            k += 1
        return out

    ca, cb = book.encode(stand_ins(old, same_a)), book.encode(stand_ins(new, same_b))
    changes: list[NumberChange] = []
    gone: list[tuple[str, Span]] = []
    came: list[tuple[str, Span]] = []
    for op in [*Indel.opcodes(ca, cb), None]:
        if op is not None and op.tag != "equal":
            gone += [(p, s) for p, s in old[op.src_start : op.src_end] if s is not None]
            came += [(p, s) for p, s in new[op.dest_start : op.dest_end] if s is not None]
            continue
        changes += [NumberChange(o, "", sa, Span(b_end, b_end)) for o, sa in gone]
        changes += [NumberChange("", n, Span(a_end, a_end), sb) for n, sb in came]
        gone, came = [], []
        if op is None:
            break
        size = op.src_end - op.src_start
        for j in range(size):
            (o, sa), (n, sb) = old[op.src_start + j], new[op.dest_start + j]
            if sa is None or sb is None or o == n:
                continue
            ia, ib = op.src_start + j, op.dest_start + j
            # in place: a neighbour matched too, or both stand at the same end of the run
            if size > 1 or (ia == ib == 0) or (ia == len(old) - 1 and ib == len(new) - 1):
                changes.append(NumberChange(o, n, sa, sb))
            else:
                changes += [NumberChange(o, "", sa, Span(b_end, b_end)),
                            NumberChange("", n, Span(a_end, a_end), sb)]
    return changes


def changed_numbers(edits: Sequence[Edit]) -> tuple[NumberChange, ...]:
    """Numbers replaced, removed or added in each run of changes.

    A number is paired only with the number that replaced it in the same
    position and of the same unit family (``54万亿元`` never pairs with ``6.6%``).

    >>> from reportdiff._diff import diff_texts
    >>> d = diff_texts("投资54万亿元。", "增长6.6%。")
    >>> [(c.old, c.new) for c in changed_numbers(d.edits)]
    [('54万亿元', ''), ('', '6.6%')]
    """
    out: list[NumberChange] = []
    k = 0
    while k < len(edits):
        if edits[k].op is Op.EQUAL:
            k += 1
            continue
        j = k
        while j < len(edits) and edits[j].op is not Op.EQUAL:
            j += 1
        run = edits[k:j]
        k = j
        a_end, b_end = run[-1].a.end, run[-1].b.end
        gone = [(s.of(e.text), Span(e.a.start + s.start, e.a.start + s.end))
                for e in run if e.op is Op.DELETE for s in numbers(e.text)]
        came = [(s.of(e.text), Span(e.b.start + s.start, e.b.start + s.end))
                for e in run if e.op is Op.INSERT for s in numbers(e.text)]
        if not gone or not came:  # nothing to pair (the common case): no context needed
            out += [NumberChange(n, "", sa, Span(b_end, b_end)) for n, sa in gone]
            out += [NumberChange("", n, Span(a_end, a_end), sb) for n, sb in came]
            continue
        old = [p for e in run if e.op is Op.DELETE for p in _pieces(e.text, e.a.start)]
        new = [p for e in run if e.op is Op.INSERT for p in _pieces(e.text, e.b.start)]
        out += _run_changes(old, new, a_end, b_end)
    return tuple(out)


def stats(edits: Sequence[Edit], counts: Sequence[int], old: Prepared, new: Prepared) -> DiffStats:
    """The :class:`DiffStats` of a diff: its edits with their token counts, and the
    :class:`~reportdiff._diff._texts.Prepared` of its two texts (sentences, terms)."""
    chars = collections.Counter[Op]()
    toks = collections.Counter[Op]()
    for e, n in zip(edits, counts, strict=True):
        chars[e.op] += len(e.text)
        toks[e.op] += n
    unchanged = sum((old.sentence_counts & new.sentence_counts).values())
    return DiffStats(
        chars_equal=chars[Op.EQUAL],
        chars_deleted=chars[Op.DELETE],
        chars_inserted=chars[Op.INSERT],
        tokens_equal=toks[Op.EQUAL],
        tokens_deleted=toks[Op.DELETE],
        tokens_inserted=toks[Op.INSERT],
        sentences_old=len(old.sentences),
        sentences_new=len(new.sentences),
        sentences_unchanged=unchanged,
        unchanged_share=round(unchanged / len(new.sentences), 4) if new.sentences else 1.0,
        similarity=similarity_of_terms(old.terms, old.ends, new.terms, new.ends),
        changed_numbers=changed_numbers(edits),
    )
