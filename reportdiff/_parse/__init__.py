"""Parsing: cleaned text → a lossless section tree.

The stage in four steps, one module each:

1. **Candidates** — lines that may be headings: marked headings
   (:mod:`~reportdiff._parse.markup`: the loader's
   :attr:`~reportdiff.model.Document.markup_headings`, Markdown ``#`` in the
   text), else the line rules of the document's language
   (:mod:`~reportdiff._parse.chinese` over the scheme registry
   :data:`SCHEMES`, :mod:`~reportdiff._parse.english`).
2. **Document-level decision** (:mod:`~reportdiff._parse.layout`): which
   candidate schemes number paragraphs (dropped), which unnumbered short
   lines are titles (added), which heading blocks the source repeated
   (dropped).
   In a document of unnumbered English title lines, parts from heading-only
   headings directly followed by another heading
   (:mod:`~reportdiff._parse.parts`).
3. **Tree** (:mod:`~reportdiff._parse.tree`): levels from how schemes nest.
4. **Report**: the inferred scheme and any doubt as warnings on the root
   (``reportdiff sections --warnings`` prints them).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

import attrs

from reportdiff._parse.candidate import Candidate
from reportdiff._parse.chinese import chinese_candidates, line_start, numbered_lines
from reportdiff._parse.english import english_candidates
from reportdiff._parse.layout import (
    describe,
    drop_repeats,
    outline_tops,
    paragraph_schemes,
    recover_first,
    split_glued,
    split_joined,
    title_candidates,
)
from reportdiff._parse.markup import is_flat, markdown_candidates, markup_candidates, without_title
from reportdiff._parse.parts import PartExtent, drop_reprints, drop_subtitle, group_parts
from reportdiff._parse.schemes import SCHEMES, Scheme, chinese_ordinal
from reportdiff._parse.tree import build, finish
from reportdiff._text import Language, iter_lines
from reportdiff.model import Document, Report, Section

__all__ = ["SCHEMES", "Candidate", "PartExtent", "Scheme", "chinese_ordinal", "find_candidates", "parse"]


def find_candidates(
    text: str, *, language: Language | str = Language.ZH, start: int = 0, schemes: Sequence[Scheme] = SCHEMES
) -> list[Candidate]:
    """Every line of ``text`` from ``start`` that opens with a heading, by the line rules alone.

    >>> [c.number for c in find_candidates("一、回顾\\n（一）成就。正文。\\n")]
    ['一、', '（一）']
    """
    if Language(language) is not Language.ZH:
        return english_candidates(text, start=start)
    return chinese_candidates(text, start=start, schemes=schemes)


def _decide(
    doc: Document, start: int, schemes: Sequence[Scheme], extent: PartExtent = PartExtent.OWN_RUN
) -> tuple[list[Candidate], dict[str, str], list[str]]:
    """The document's headings, the schemes taken as paragraph numbering, and notes."""
    text = doc.text
    notes: list[str] = []
    marked = without_title(doc.markup_headings)
    if len(marked) < len(doc.markup_headings):
        notes.append("the first marked heading, alone at its level above all others, is the title")
    if marked and not is_flat(marked):
        return markup_candidates(text, marked, schemes), {}, [*notes, "headings as marked by the source"]
    if marked:
        notes.append(f"the source marks {len(marked)} heading(s) at one level only: read from the text instead")
    md = markdown_candidates(text, start, schemes)
    if md:
        return md, {}, [*notes, "Markdown headings"]
    if doc.language is not Language.ZH:
        cands, repeats = drop_repeats(_with_outline_tops(text, start, english_candidates(text, start=start)))
        cands, reprints = drop_reprints(text, cands)
        cands, subtitle = drop_subtitle(text, start, cands)
        cands, parts = group_parts(text, cands, extent=extent)
        return cands, {}, notes + repeats + reprints + subtitle + parts
    cands, repeats = drop_repeats(_with_outline_tops(text, start, chinese_candidates(text, start=start, schemes=schemes)))
    # numbered lines too long to be headings still show how a scheme runs on
    at = {c.start for c in cands}
    lines = [c for c in numbered_lines(text, start=start, schemes=schemes) if c.start not in at]
    paragraphs = paragraph_schemes(sorted([*cands, *lines], key=lambda c: c.start))
    para = [c for c in cands if c.scheme in paragraphs]
    cands, split_off = split_joined(doc, split_glued([c for c in cands if c.scheme not in paragraphs], para, text))
    cands = sorted([*cands, *recover_first(text, start, cands, schemes)], key=lambda c: c.start)
    kept_at = sorted(c.start for c in cands)
    titles = title_candidates(text, start, cands, paragraphs=para)
    titles = [t for t in titles if not _holds_any(kept_at, t.start, t.line_end)] + split_off
    merged, repeats2 = drop_repeats(sorted([*cands, *titles], key=lambda c: c.start))
    return merged, paragraphs, notes + repeats + repeats2


def _with_outline_tops(text: str, start: int, cands: list[Candidate]) -> list[Candidate]:
    """``cands`` with the bare-number lines that open an outline (:func:`outline_tops`), which
    replace what else was read on those lines (a title line ``1 Overview``)."""
    tops = outline_tops(text, start, cands)
    if not tops:
        return cands
    at = {t.start for t in tops}
    return sorted([*(c for c in cands if c.start not in at), *tops], key=lambda c: c.start)


def _holds_any(points: list[int], start: int, end: int) -> bool:
    """True when a sorted offset of ``points`` lies in ``[start, end]``."""
    k = bisect.bisect_left(points, start)
    return k < len(points) and points[k] <= end


def _heading_like_in_body(sec: Section, schemes: Sequence[Scheme]) -> Section:
    """Warn when a body holds a line that opens like a numbered heading."""
    found = []
    body = sec.body
    for ls, le in iter_lines(body):
        s = line_start(body, ls)
        line = body[s:le]
        for sch in schemes:
            tm = sch.pattern.match(line)
            if tm and line[len(tm.group()) :].strip():
                found.append(line[: len(tm.group()) + 8])
                break
    kids = tuple(_heading_like_in_body(k, schemes) for k in sec.children)
    if found:
        w = f"{len(found)} heading-like line(s) kept as body text, first: {found[0]!r}"
        return attrs.evolve(sec, children=kids, warnings=(*sec.warnings, w))
    return attrs.evolve(sec, children=kids)


def parse(doc: Document, *, schemes: Sequence[Scheme] = SCHEMES, part_extent: PartExtent = PartExtent.OWN_RUN) -> Report:
    """Parse a loaded document into a :class:`Report` with its section tree.

    Args:
        doc: the loaded document.
        schemes: the Chinese numbering schemes to try, in order.
        part_extent: in a document of unnumbered title lines whose layout
            shows parts (a heading-only heading directly followed by another
            heading), how far each part reaches
            (:mod:`~reportdiff._parse.parts`).

    Returns:
        The report; ``report.root.text() == doc.text``, and the root's
        warnings name the inferred heading scheme.

    >>> from reportdiff._load import load_text
    >>> r = parse(load_text("2020年报告\\n\\n一、回顾\\n\\n（一）稳增长。正文。\\n", path="x.txt"))
    >>> [(s.level, s.path, s.heading) for s in r.sections()]
    [(1, '一', '一、回顾'), (2, '一/（一）', '（一）稳增长。')]
    >>> r.root.warnings[0]
    'inferred heading scheme: L1 cn-dun ×1; L2 cn-paren ×1'
    """
    text = doc.text
    start = int(doc.meta.get("body_start", "0"))
    cands, paragraphs, notes = _decide(doc, start, schemes, part_extent)
    sec = finish(text, doc, build(text, start, cands))
    if doc.language is Language.ZH:
        sec = _heading_like_in_body(sec, [s for s in schemes if s.name not in paragraphs])
    sec = attrs.evolve(sec, warnings=(*describe(sec, paragraphs, notes), *sec.warnings))
    return Report(document=doc, root=sec)
