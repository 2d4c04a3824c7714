"""The one translation of the engine's ``(op, token characters)`` tuples into :class:`Edit` records."""

from __future__ import annotations

from reportdiff._lcs import DEL, EQ, Codebook, Diffs
from reportdiff.model import Edit, Op, Span

__all__ = ["edits_of"]


def edits_of(diffs: Diffs, codebook: Codebook, a0: int = 0, b0: int = 0) -> tuple[list[Edit], list[int]]:
    """Edits with absolute spans (offset by ``a0``/``b0``), and each edit's token count.

    >>> from reportdiff._lcs import Codebook
    >>> c = Codebook()
    >>> code = c.encode(["甲", "乙"])
    >>> [(e.op.value, e.text, e.a.start) for e in edits_of([(0, code[0]), (1, code[1])], c, 5)[0]]
    [('equal', '甲', 5), ('insert', '乙', 6)]
    """
    edits: list[Edit] = []
    counts: list[int] = []
    a, b = a0, b0
    for op, code in diffs:
        text = codebook.decode(code)
        n = len(text)
        if op == EQ:
            edits.append(Edit(Op.EQUAL, text, Span(a, a + n), Span(b, b + n)))
            a, b = a + n, b + n
        elif op == DEL:
            edits.append(Edit(Op.DELETE, text, Span(a, a + n), Span(b, b)))
            a += n
        else:
            edits.append(Edit(Op.INSERT, text, Span(a, a), Span(b, b + n)))
            b += n
        counts.append(len(code))
    return edits, counts
