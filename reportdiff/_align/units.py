"""The units the aligner pairs: a year's level-1 parts, and its leaves
(level-2 sections, parts without sub-sections, and the own text of a part
that has sub-sections), each with its paragraphs.

A section with a heading and no text of its own (a grouping heading over the
items that follow it, or a heading line the source repeats) has nothing to be
compared by: it is not a unit but *stands in* for the next section at its
level and takes that section's pairs
(:func:`reportdiff._align.relations.with_stand_ins`)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from reportdiff._align.vectors import Tokenizer, paragraphs, phrases
from reportdiff._text import Language, match_key, to_simplified
from reportdiff.model import Report, Section, SectionKind, SectionRef

__all__ = ["Unit", "Year", "title_of", "year_units"]

_NUMBERING = re.compile(
    r"^\s*(?:[(][^)]{1,4}[)]|[一二三四五六七八九十百零〇]{1,4}[、.]|[甲乙丙丁戊己庚辛壬癸][、.\s]"
    r"|\d{1,2}(?:\.\d{1,2})+\.?\s*|\d{1,3}[、.)]\s*)")


def fold_script(text: str, language: Language) -> str:
    """Chinese text in Simplified characters (OpenCC ``t2s``), so that a series that
    changes script (Traditional one year, Simplified the next) still shares its
    features; other text unchanged.

    >>> fold_script("維護法治 保障安寧", Language.ZH)
    '维护法治 保障安宁'
    """
    if language != Language.ZH:
        return text
    return to_simplified(text)


def title_of(section: Section) -> str:
    """The heading without numbering and final punctuation, NFKC, for comparing
    headings across years."""
    t = match_key(section.title or section.heading)
    return _NUMBERING.sub("", t).strip().rstrip("。.，,；;：:")


@dataclass
class Unit:
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
    order: int = 0
    """Index among its siblings (the parts, or the sub-sections of its part)."""
    chunks: list[int] = field(default_factory=list)
    """Indexes of its paragraphs in :attr:`Year.chunks`."""

    @property
    def size(self) -> int:
        return self.section.span.end - self.section.span.start


@dataclass
class Year:
    """One report, cut into units and paragraphs."""

    report: Report
    language: Language
    parts: list[Unit]
    leaves: list[Unit]
    chunks: list[str]
    counts: list[Counter[str]] = field(default_factory=list)
    """Token counts of each paragraph."""
    phrase_counts: list[Counter[str]] = field(default_factory=list)
    """Phrase counts of each paragraph (:func:`~reportdiff._align.vectors.phrases`)."""
    cache: dict[tuple[str, int], Any] = field(default_factory=dict)
    """What the evidence computes once per year and level (vectors, shingles)."""
    stand_ins: list[tuple[Unit, SectionRef]] = field(default_factory=list)
    """Heading-only sections (not units: nothing to compare them by) and the next
    section at their level, whose pairs they take."""

    def units(self, level: int) -> list[Unit]:
        return self.parts if level == 1 else self.leaves


def _heading_only_before(sections: list[Section]) -> list[bool]:
    """For each section: heading-only, and some later section of the list is not
    (so there is a section to stand in for)."""
    out = [False] * len(sections)
    later = False
    for i in range(len(sections) - 1, -1, -1):
        empty = sections[i].heading_only
        out[i] = empty and later
        later = later or not empty
    return out


def _ref(report: Report, s: Section) -> SectionRef:
    return SectionRef(report.year, s.path, s.label, s.level)


def year_units(report: Report, tokenizer: Tokenizer, *, min_chars_zh: int = 40, min_chars_en: int = 200) -> Year:
    """Cut a report into units and paragraphs.

    Args:
        report: a parsed report.
        tokenizer: the tokens of a paragraph.
        min_chars_zh: the shortest Chinese paragraph; shorter lines join the next.
        min_chars_en: the same for other languages.
    """
    language = Language(report.document.language)
    min_chars = min_chars_zh if language == Language.ZH else min_chars_en
    n = max(1, len(report.text))
    year = Year(report, language, [], [], [])

    def add(text: str) -> list[int]:
        first = len(year.chunks)
        year.chunks.extend(paragraphs(fold_script(text, language), language, min_chars))
        return list(range(first, len(year.chunks)))

    tops = [t for t in report.root.children
            if t.kind is not SectionKind.BLOCK or any(c.kind is not SectionKind.BLOCK for c in t.children)]
    pending: list[Unit] = []  # heading-only parts waiting for the next part

    def stand_in(s: Section, part: int, level: int, order: int) -> Unit:
        title = fold_script(title_of(s), language)
        return Unit(_ref(report, s), s, part, level, False, title, (s.span.start + s.span.end) / 2 / n, order)

    for top, empty in zip(tops, _heading_only_before(tops), strict=True):
        kids = [c for c in top.children if c.kind is not SectionKind.BLOCK]
        k = len(year.parts)
        if empty:
            pending.append(stand_in(top, k, 1, k))
            continue
        center = (top.span.start + top.span.end) / 2 / n
        part = Unit(_ref(report, top), top, k, 1, False, fold_script(title_of(top), language), center, k)
        year.parts.append(part)
        year.stand_ins.extend((u, part.ref) for u in pending)
        pending.clear()
        if not kids:
            part.chunks = add(top.text())
            year.leaves.append(Unit(part.ref, top, k, 1, False, part.title, center, k, part.chunks))
            continue
        own = top.heading + top.body + "".join(c.text() for c in top.children if c.kind is SectionKind.BLOCK)
        part.chunks = add(own)
        if len(own.strip()) >= 2 * min_chars:
            mid = (top.span.start + top.body_span.end) / 2 / n
            year.leaves.append(Unit(part.ref, top, k, 1, True, part.title, mid, k, list(part.chunks)))
        waiting: list[Unit] = []
        for o, (c, c_empty) in enumerate(zip(kids, _heading_only_before(kids), strict=True)):
            if c_empty:
                waiting.append(stand_in(c, k, 2, o))
                continue
            title = fold_script(title_of(c), language)
            u = Unit(_ref(report, c), c, k, 2, False, title, (c.span.start + c.span.end) / 2 / n, o)
            u.chunks = add(c.text())
            part.chunks.extend(u.chunks)
            year.leaves.append(u)
            year.stand_ins.extend((w, u.ref) for w in waiting)
            waiting.clear()
    year.counts = [Counter(tokenizer(c, language)) for c in year.chunks]
    year.phrase_counts = [Counter(phrases(c, language)) for c in year.chunks]
    return year
