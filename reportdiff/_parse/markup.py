"""Markup is structure: headings the source marks, as ranked candidates.

Two sources, both language-independent:

* :attr:`reportdiff.model.Document.markup_headings`, filled by the loader
  from HTML ``<h1>``–``<h6>``, Markdown ``#`` and DOCX heading styles;
* Markdown headings found in the text itself, outside fenced code blocks, for
  text the loader read as plain text: ATX (``## 一、总体要求``) and setext (a
  standalone line underlined by ``===`` or ``---``).

A numbering token at the start of a marked heading (``一、``, ``（二）``) is
kept as the section's number; the level is the marked level, made dense
(``<h2>``/``<h4>`` only → levels 1 and 2).  A first heading that is the only one
of its level, above all others, is the document's title, not a section
(``<h1>`` report title over ``<h2>`` parts: the parts are level 1).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reportdiff._parse.candidate import Candidate
from reportdiff._parse.chinese import strip_title
from reportdiff._parse.schemes import Scheme
from reportdiff._text import markdown_headings
from reportdiff.model import MarkupHeading

__all__ = ["is_flat", "markdown_candidates", "markup_candidates", "titled", "without_title"]

_MD = re.compile(r"(#{1,6})[ \t]+(\S.*?)(?:[ \t]+#+)?[ \t]*$")


def _number(title: str, schemes: Sequence[Scheme]) -> tuple[str, int | None, str]:
    """The numbering token at the start of ``title``, its value, and the rest."""
    for sch in schemes:
        m = sch.pattern.match(title)
        if m and title[m.end() :].strip():
            tok = m.group().rstrip()
            return tok, sch.value(tok), strip_title(title, m.group())
    return "", None, title.strip()


def _dense(levels: Sequence[int]) -> dict[int, int]:
    return {lv: k for k, lv in enumerate(sorted(set(levels)), start=1)}


def titled(levels: Sequence[int]) -> bool:
    """True when the first of the marked levels (in text order) is the document's title:
    the only heading of its level, above every other (``<h1>`` over ``<h2>`` parts).

    >>> titled([1, 2, 3, 2]), titled([1, 2, 1]), titled([2, 2]), titled([1])
    (True, False, False, False)
    """
    return len(levels) >= 2 and levels[0] < min(levels[1:])


def without_title(headings: Sequence[MarkupHeading]) -> list[MarkupHeading]:
    """The marked headings in text order, without a first one that is the document's
    title (see :func:`titled`): its parts are the top level, not its children."""
    ordered = sorted(headings, key=lambda h: h.span.start)
    return ordered[1:] if titled([h.level for h in ordered]) else ordered


def is_flat(headings: Sequence[MarkupHeading]) -> bool:
    """True when marked headings give no hierarchy worth using (at most one heading, or one level only)."""
    return len(headings) < 2 or len({h.level for h in headings}) < 2


def markup_candidates(text: str, headings: Sequence[MarkupHeading], schemes: Sequence[Scheme]) -> list[Candidate]:
    """Ranked candidates of the headings the source marked.

    >>> from reportdiff.model import Span
    >>> t = "一、总体\\n正文\\n（一）目标\\n"
    >>> [(c.number, c.rank) for c in markup_candidates(t, [MarkupHeading(Span(0, 4), 2), MarkupHeading(Span(8, 13), 3)], ())]
    [('', 1), ('', 2)]
    """
    dense = _dense([h.level for h in headings])
    out = []
    for h in sorted(headings, key=lambda h: h.span.start):
        raw = text[h.span.start : h.span.end]
        lead = len(raw) - len(raw.lstrip())
        body = raw.strip()
        if not body:
            continue
        m = _MD.fullmatch(body)
        title = m.group(2) if m else body
        number, ordinal, clean = _number(title, schemes)
        le = text.find("\n", h.span.end)
        s = h.span.start + lead
        out.append(Candidate(s, s + len(body), len(text) if le < 0 else le, number,
                             f"h{h.level}", ordinal, clean, rank=dense[h.level]))
    return out


def markdown_candidates(text: str, start: int, schemes: Sequence[Scheme]) -> list[Candidate]:
    """Markdown headings of ``text`` from ``start`` (ATX ``#`` and setext underlined ones, see
    :func:`reportdiff._text.markdown_headings`), ranked by level.

    >>> [(c.number, c.title, c.rank) for c in markdown_candidates("## 一、总体要求\\n\\n正文。\\n", 0, ())]
    [('', '一、总体要求', 1)]
    """
    found = markdown_headings(text, start, plain=True)
    levels = [lv for *_, lv in found]
    if titled(levels):
        found, levels = found[1:], levels[1:]
    dense = _dense(levels)
    out = []
    for s, e, lv in found:
        m = _MD.fullmatch(text[s:e])
        le = text.find("\n", e)
        number, ordinal, clean = _number(m.group(2) if m else text[s:e], schemes)
        out.append(Candidate(s, e, len(text) if le < 0 else le, number, f"md{lv}", ordinal, clean, rank=dense[lv]))
    return out
