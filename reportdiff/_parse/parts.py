"""Parts of a document whose headings are all unnumbered title lines.

Such a document gives every heading one scheme, so its tree would be flat.
The grouping can still be seen where a part heading is followed directly by
its first sub-heading, with no paragraph between them.  Headings are read in
*runs*: a run is a series of heading-only headings (no paragraph after them)
and the heading with a body that ends it.  A run opens a part when a
heading-only heading in it differs from the heading that ends it; copies of
the ending heading (a source that prints each heading twice) and a line
gluing the part heading to the sub-heading (``Part Sub``) are no grouping cue
by themselves.  A run whose heading-only headings differ from the last one
*and* from each other (a list of contents, a part and a group inside it) is
no cue either.  Only a document that shows at least :data:`MIN_PARTS` such
runs is re-levelled:

* the part heading (the last differing heading of its run) and the lines
  before it in the run are level 1, except copies of the heading that ends
  the run, which take that heading's level; the rest of the run is level 2;
* what follows the run depends on :class:`PartExtent`: with
  :attr:`~PartExtent.OWN_RUN` (the default) only the run is nested and the
  headings after it stay at level 1, since the layout does not show where
  the part ends; with :attr:`~PartExtent.NEXT_PART` the part runs to the
  next part's run, the headings before the first part stay at level 1 (an
  introduction), and so does the last run when it opens no part (a closing
  section).

A part that opens with a lead-in paragraph shows no cue at all: the layout
cannot tell it from a sub-section (with ``NEXT_PART`` it lands inside the
part before it).
"""

from __future__ import annotations

import enum

import attrs

from reportdiff._parse.candidate import Candidate
from reportdiff._text import match_key

__all__ = ["MIN_PARTS", "PartExtent", "drop_reprints", "drop_subtitle", "group_parts"]

#: A document opens parts by layout only when it shows at least this many grouping runs.
MIN_PARTS = 2


class PartExtent(enum.Enum):
    """How far a part opened by a grouping run reaches."""

    OWN_RUN = "own-run"
    """The part holds the rest of its own run only: what the layout shows."""
    NEXT_PART = "next-part"
    """The part holds every heading up to the next part (or a closing section)."""


def _key(title: str) -> str:
    """Letters and digits only, case-folded: two lines that print the same heading have one key."""
    return "".join(ch for ch in match_key(title).casefold() if ch.isalnum())


def _opener(keys: list[str], i: int, j: int) -> int | None:
    """The part heading of the run ``i..j`` (``j`` ends it), or None when the run opens no part."""
    last = keys[j]
    differ = [t for t in range(i, j) if keys[t] != last]
    if not differ:
        return None
    o = differ[-1]
    for t in differ[:-1]:
        if keys[t] != keys[o] and keys[t] != keys[o] + last:
            return None
    return o


def _bare(text: str, cands: list[Candidate]) -> list[bool]:
    """For each heading, whether nothing but blank lines stands between it and the next heading."""
    n = len(cands)
    return [k + 1 < n and not text[cands[k].line_end : cands[k + 1].start].strip() for k in range(n)]


def _runs(text: str, cands: list[Candidate], keys: list[str]) -> list[tuple[int, int, int | None]]:
    """(first, last, part heading or None) of each run of ``cands``."""
    n = len(cands)
    bare = _bare(text, cands)
    runs = []
    i = 0
    while i < n:
        j = i
        while bare[j]:
            j += 1
        runs.append((i, j, _opener(keys, i, j)))
        i = j + 1
    return runs


def group_parts(
    text: str, cands: list[Candidate], *, extent: PartExtent = PartExtent.OWN_RUN
) -> tuple[list[Candidate], list[str]]:
    """Ranks for ``cands`` (unnumbered title lines of one scheme) from the parts their layout shows.

    Args:
        text: the cleaned text.
        cands: the headings, in text order.
        extent: how far a part reaches (see :class:`PartExtent`).

    Returns:
        The headings, each ranked 1 or 2 when the document shows at least
        :data:`MIN_PARTS` grouping runs (else unchanged), and a note saying so.

    >>> def c(s, t): return Candidate(s, s + len(t), s + len(t), "", "en-title", None, t)
    >>> text = "Intro\\n\\nText.\\n\\nPart\\n\\nSub\\n\\nText.\\n\\nNext\\n\\nText.\\n\\nOther\\n\\nItem\\n\\nText.\\n"
    >>> cs = [c(text.index(t + "\\n"), t) for t in ("Intro", "Part", "Sub", "Next", "Other", "Item")]
    >>> [x.rank for x in group_parts(text, cs)[0]]
    [1, 1, 2, 1, 1, 2]
    >>> [x.rank for x in group_parts(text, cs, extent=PartExtent.NEXT_PART)[0]]
    [1, 1, 2, 2, 1, 2]
    """
    n = len(cands)
    if n < 2 or len({c.scheme for c in cands}) != 1 or any(c.number or c.rank is not None for c in cands):
        return cands, []
    keys = [_key(c.title) for c in cands]
    runs = _runs(text, cands, keys)
    parts = [(first, last, o) for first, last, o in runs if o is not None]
    opened = [(first, last, o) for first, last, o in parts if o is not None]  # for the type checker
    if len(parts) < MIN_PARTS:
        return cands, []
    if extent is PartExtent.NEXT_PART:
        rank = [1] * parts[0][0] + [2] * (n - parts[0][0])
        first, last, o = runs[-1]
        if o is None:
            rank[first : last + 1] = [1] * (last + 1 - first)
    else:
        rank = [1] * n
    for first, last, o in opened:
        for k in range(first, last + 1):
            rank[k] = 2 if k > o or keys[k] == keys[last] else 1
    out = [attrs.evolve(c, rank=r) for c, r in zip(cands, rank, strict=True)]
    note = (f"parts from layout ({extent.value}): {len(parts)} heading-only heading(s) directly followed by "
            f"another heading open parts at level 1; {rank.count(2)} heading(s) at level 2")
    return out, [note]


def drop_reprints(text: str, cands: list[Candidate]) -> tuple[list[Candidate], list[str]]:
    """``cands`` without the heading lines that only reprint the headings right after them.

    Some sources print a heading twice (a web page's side heading and its body heading, converted to
    text), or glue a part heading and its first sub-heading onto one line before printing both
    (``Public Finances Prudent Management…``, then ``Public Finances``, then ``Prudent Management…``).
    An unnumbered heading-only line whose letters are those of the next heading, or of the next
    headings joined (all heading-only up to the last), or of a later heading with only heading-only
    lines between them (a sub-heading printed above its part's heading, then again below it), says
    nothing of its own: it is kept as body text of what precedes it, as
    :func:`~reportdiff._parse.layout.drop_repeats` keeps a repeated block, so each heading is one
    section.

    >>> def c(s, t): return Candidate(s, s + len(t), s + len(t), "", "en-title", None, t)
    >>> text = "Part Sub\\n\\nPart\\n\\nSub\\n\\nText.\\n\\nNext\\n\\nNext\\n\\nText.\\n"
    >>> cs = [c(text.index(t + "\\n\\n" + n), t) for t, n in (("Part Sub", "Part"), ("Part", "Sub"),
    ...       ("Sub", "Text"), ("Next", "Next"), ("Next", "Text"))]
    >>> kept, notes = drop_reprints(text, cs)
    >>> [(k.title, k.start) for k in kept], notes
    ([('Part', 10), ('Sub', 16), ('Next', 34)], ['2 heading line(s) reprint the headings after them; kept as body text'])
    """
    n = len(cands)
    if n < 2:
        return cands, []
    keys = [_key(c.title) for c in cands]
    bare = _bare(text, cands)
    drop = set()
    for k in range(n - 1):
        if not bare[k] or cands[k].number or cands[k + 1].number or not keys[k]:
            continue
        joined, m = "", k + 1
        while m < n and not cands[m].number and len(joined) < len(keys[k]):
            joined += keys[m]
            if joined == keys[k]:
                drop.add(k)
                break
            if not bare[m]:
                break
            m += 1
        m = k + 2
        while k not in drop and m < n and bare[m - 1]:
            if keys[m] == keys[k] and not cands[m].number:
                drop.add(k)
            m += 1
    if not drop:
        return cands, []
    kept = [c for k, c in enumerate(cands) if k not in drop]
    return kept, [f"{len(drop)} heading line(s) reprint the headings after them; kept as body text"]


def drop_subtitle(text: str, start: int, cands: list[Candidate]) -> tuple[list[Candidate], list[str]]:
    """``cands`` without a subtitle: the body's first line, an unnumbered heading-only line directly
    followed by a numbered heading, when no later line of its scheme stands so above a numbered heading.

    Such a line (``Budget Statement 2021`` / ``Emerging Stronger Together`` / ``A. Introduction``) would
    otherwise head a part holding the whole numbered series; a line that groups a series is one of
    several (``Review`` / ``A.`` … ``Plans`` / ``D.`` …).  It is kept as text of the title block.

    >>> def c(s, t, n=""): return Candidate(s, s + len(t), s + len(t), n, "letter" if n else "en-title", None, t)
    >>> text = "Sub\\n\\nA. One\\n\\nText.\\n\\nSide\\n\\nText.\\n\\nB. Two\\n\\nText.\\n"
    >>> cs = [c(text.index(t), t, n) for t, n in (("Sub", ""), ("A. One", "A."), ("Side", ""), ("B. Two", "B."))]
    >>> [k.title for k in drop_subtitle(text, 0, cs)[0]]
    ['A. One', 'Side', 'B. Two']
    """
    if len(cands) < 2 or text[start : cands[0].start].strip():
        return cands, []
    first = cands[0]
    bare = _bare(text, cands)
    if first.number or first.rank is not None or not bare[0] or not cands[1].number:
        return cands, []
    for k in range(1, len(cands) - 1):
        c = cands[k]
        if c.scheme == first.scheme and bare[k] and cands[k + 1].number:
            return cands, []
    return cands[1:], [f"the body's first line {first.title!r} heads nothing else: kept with the title block"]
