"""Offset algebra: edits that keep a map from the edited text back to the original.

Every cleaning pass is a list of sorted, disjoint ``(start, end, new)`` edits.
:class:`Cleaner` applies them one pass after another and composes the
piecewise-linear :class:`~reportdiff.model.OffsetMap` of each pass with the
map so far, so every cleaned character maps back to its raw offset.
:func:`to_clean` goes the other way (a source offset to the first cleaned
offset at or after it), which keeps spans found before cleaning valid after it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence

import attrs

from reportdiff.model import OffsetMap, Span

__all__ = ["Cleaner", "chain", "span_to_clean", "to_clean"]


@attrs.frozen
class _Pass:
    """The text after one pass and its anchors back to the text before it."""

    text: str
    clean: tuple[int, ...]
    raw: tuple[int, ...]


def _apply(text: str, edits: Sequence[tuple[int, int, str]]) -> _Pass:
    """Replace ``text[start:end]`` by ``new`` for each (sorted, disjoint) edit."""
    out: list[str] = []
    clean: list[int] = [0]
    raw: list[int] = [0]
    pos = 0
    n = 0  # length of output so far
    for s, e, new in edits:
        out.append(text[pos:s])
        n += s - pos
        clean.append(n)
        raw.append(s)
        out.append(new)
        n += len(new)
        clean.append(n)
        raw.append(e)
        pos = e
    out.append(text[pos:])
    return _Pass("".join(out), tuple(clean), tuple(raw))


def _compose(outer: OffsetMap, inner: _Pass, inner_source_len: int) -> OffsetMap:
    """The map from ``inner.text`` to the raw text, given ``outer`` mapping
    ``inner``'s source to the raw text."""
    pts: dict[int, int] = {}
    ic, ir = inner.clean, inner.raw
    for c, r in zip(ic, ir, strict=True):
        pts[c] = outer.to_raw(r) if r < inner_source_len else outer.raw_length
    # Every anchor of ``outer`` inside a linear piece of ``inner`` adds a point.
    for oc in outer.anchors_clean:
        k = bisect.bisect_right(ir, oc) - 1
        if k < 0:
            continue
        piece_end = ic[k + 1] if k + 1 < len(ic) else len(inner.text)
        x = ic[k] + (oc - ir[k])
        if ic[k] <= x < piece_end and x not in pts:
            pts[x] = outer.to_raw(oc)
    kc: list[int] = []
    kr: list[int] = []
    for c in sorted(pts):
        r = pts[c]
        if kc and r - kr[-1] == c - kc[-1]:
            continue  # implied by the previous linear piece
        kc.append(c)
        kr.append(r)
    return OffsetMap(tuple(kc), tuple(kr), outer.raw_length, len(inner.text))


def chain(first: OffsetMap, second: OffsetMap) -> OffsetMap:
    """Compose two maps: ``second`` maps cleaned → middle, ``first`` middle → raw.

    >>> m = chain(OffsetMap((0, 2), (0, 5), 9, 6), OffsetMap.identity(6))
    >>> [m.to_raw(i) for i in range(4)]
    [0, 1, 5, 6]
    """
    p = _Pass("x" * second.clean_length, second.anchors_clean, second.anchors_raw)
    out = _compose(first, p, second.raw_length)
    return attrs.evolve(out, raw_length=first.raw_length)


def to_clean(offsets: OffsetMap, source: int) -> int:
    """The first cleaned offset whose source offset is at or after ``source``.

    >>> m = OffsetMap((0, 2), (0, 5), 9, 6)  # source characters 2..4 were deleted
    >>> to_clean(m, 1), to_clean(m, 3), to_clean(m, 5)
    (1, 2, 2)
    """
    lo, hi = 0, offsets.clean_length
    while lo < hi:
        mid = (lo + hi) // 2
        if offsets.to_raw(mid) < source:
            lo = mid + 1
        else:
            hi = mid
    return lo


def span_to_clean(offsets: OffsetMap, start: int, end: int) -> Span:
    """The cleaned span holding what is left of source ``[start, end)``."""
    a = to_clean(offsets, start)
    return Span(a, max(a, to_clean(offsets, end)))


class Cleaner:
    """Applies passes one after another, keeping the composed offset map."""

    def __init__(self, text: str, offsets: OffsetMap | None = None) -> None:
        self.text = text
        self.offsets = offsets or OffsetMap.identity(len(text))

    def sub(self, pattern: str | re.Pattern[str], repl: str | Callable[[re.Match[str]], str]) -> int:
        """Replace every match of ``pattern``; return how many matches changed."""
        rx = re.compile(pattern) if isinstance(pattern, str) else pattern
        edits = []
        for m in rx.finditer(self.text):
            new = repl if isinstance(repl, str) else repl(m)
            if new != m.group():
                edits.append((m.start(), m.end(), new))
        return self.apply(edits)

    def apply(self, edits: Sequence[tuple[int, int, str]]) -> int:
        """Apply sorted, disjoint ``(start, end, new)`` edits; return how many."""
        if edits:
            p = _apply(self.text, edits)
            self.offsets = _compose(self.offsets, p, len(self.text))
            self.text = p.text
        return len(edits)
