"""Orchestration: files in, parsed reports (and comparisons) out."""

from __future__ import annotations

import collections
import functools
import itertools
import os
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

import attrs

from reportdiff._load import load
from reportdiff._parse import parse
from reportdiff._text import Language
from reportdiff.errors import ParseError, YearError
from reportdiff.model import (
    Alignment,
    DiffSide,
    Granularity,
    Quantity,
    Report,
    Section,
    SectionPair,
    SectionRef,
    TextDiff,
)
from reportdiff.model._summary import html_table, year_range

if TYPE_CHECKING:
    from reportdiff._diff import TextCache

__all__ = ["Comparison", "Progress", "compare", "read_report", "read_reports"]

Progress = Callable[[str, int, int], None]
"""A progress callback: ``progress(step, done, total)``."""


def _silent(step: str, done: int, total: int) -> None:
    del step, done, total


@attrs.frozen(repr=False)
class Comparison:
    """Everything reportdiff finds in a series of reports, ready to render."""

    reports: tuple[Report, ...]
    """The reports, sorted by year."""
    alignment: Alignment
    """Section pairs between consecutive years and lineages over all years."""
    documents: tuple[TextDiff, ...]
    """The whole-document diff of each consecutive pair of years."""
    own: tuple[tuple[SectionPair, TextDiff], ...]
    """The diff of each aligned section pair with a section on both sides, in alignment
    order, over the pair's own text (heading and body, without children): every piece of
    text once.  For a leaf section it is its whole diff.  A section merged into (or split
    from) several partners shows each partner only the part of its text that continues
    it, so each of its paragraphs is in one redline; a heading-only section standing in
    for the next is compared by its heading alone."""
    quantities: tuple[Quantity, ...]
    """The indicators of every report, in year and text order."""
    granularity: Granularity = Granularity.WORD
    """The unit of the diffs."""
    timeout: float | None = None
    """Seconds each diff may take (None: no limit)."""

    @functools.cached_property
    def sections(self) -> tuple[tuple[SectionPair, TextDiff], ...]:
        """The diff of the whole texts (children included) of each pair of :attr:`own`.

        Made on first use (the HTML report does not need it).  A leaf's is its own
        diff; a parent's is composed from its own text's diff and its children's when
        they are paired one to one and in order within the two parents (see
        :func:`reportdiff._diff.compose`), else the two whole texts are diffed.
        A composed diff rebuilds both texts exactly but never matches text across a
        child's boundary, so it can show more change than a direct diff of the two
        whole texts (on the fixture series 1–15% more inserted characters); its
        similarity measures are those of the whole texts either way.
        """
        return _whole_diffs(self.reports, self.own, granularity=self.granularity, timeout=self.timeout)

    def __repr__(self) -> str:
        years = [r.year for r in self.reports]
        return (
            f"Comparison({len(self.reports)} reports {year_range(years)}, "
            f"{len(self.documents)} document diffs, {len(self.own)} section diffs, "
            f"{self.alignment!r}, {len(self.quantities)} quantities)"
        )

    def _repr_html_(self) -> str:
        rows = []
        for d in self.documents:
            s = d.stats.similarity
            rows.append((f"{d.old.year}→{d.new.year}", f"{s.cosine:.3f}", f"{s.jaccard:.3f}", f"{s.edit:.3f}",
                         f"{s.simple:.3f}", d.stats.chars_inserted, d.stats.chars_deleted))
        caption = (f"{len(self.reports)} reports {year_range([r.year for r in self.reports])}: "
                   f"{len(self.alignment.pairs)} section pairs, {len(self.quantities)} quantities")
        header = ["years", "cosine", "jaccard", "edit", "simple", "chars inserted", "chars deleted"]
        return html_table(caption, header, rows)


def compare(
    reports: Sequence[Report],
    *,
    granularity: Granularity | str = Granularity.WORD,
    timeout: float | None = None,
    progress: Progress | None = None,
) -> Comparison:
    """Align, diff and extract indicators from a series of parsed reports.

    Args:
        reports: two or more reports of one series (any order).
        granularity: the unit of the text diffs.
        timeout: seconds each diff may take (None: no limit, always exact).
        progress: called as ``progress(step, done, total)`` as the work goes on
            (``step`` is ``align``, ``diff documents``, ``diff sections`` or ``indicators``).

    Raises:
        ParseError: fewer than two reports.

    >>> rs = read_reports(["fixtures/gov-work-report/2018.txt", "fixtures/gov-work-report/2019.txt"])
    >>> c = compare(rs)
    >>> [d.new.year for d in c.documents], len(c.sections) > 10
    ([2019], True)
    """
    from reportdiff._align import align
    from reportdiff._diff import TextCache, diff_reports
    from reportdiff._indicators import extract_report

    rs = tuple(sorted(reports, key=lambda r: r.year))
    if len(rs) < 2:
        raise ParseError("compare needs the reports of at least two years; give two or more files")
    tick = progress or _silent
    tick("align", 0, 1)
    alignment = align(rs)
    tick("align", 1, 1)
    by_year = {r.year: r for r in rs}
    documents: list[TextDiff] = []
    cache = TextCache(size=2)  # each report's text is in the diff with the year before and after
    for k, (a, b) in enumerate(itertools.pairwise(rs)):
        tick("diff documents", k, len(rs) - 1)
        documents.append(diff_reports(a, b, granularity=granularity, timeout=timeout, cache=cache))
    del cache
    found = _found(by_year, alignment.pairs)
    texts = _own_texts(found, {r.year: Language(r.document.language) for r in rs})
    own: list[tuple[SectionPair, TextDiff]] = []
    # a section's own text is in its pair with the year before and the one with the year after:
    # its tokens, sentences and terms are kept from the first diff to the second, then dropped
    distinct = set(texts.values())  # (a text pair is diffed once)
    diff = _Differ(granularity, timeout, TextCache(uses=collections.Counter(t for ab in distinct for t in ab)))
    for k, p in enumerate(found):
        if k % 10 == 0:
            tick("diff sections", k, len(found))
        own.append((p, diff(*texts[p])))
    tick("diff sections", len(found), len(found))
    quantities_list: list[Quantity] = []
    for k, r in enumerate(rs):
        tick("indicators", k, len(rs))
        quantities_list.extend(extract_report(r))
    tick("indicators", len(rs), len(rs))
    quantities = tuple(quantities_list)
    return Comparison(rs, alignment, tuple(documents), tuple(own), quantities, Granularity(granularity), timeout)


class _Differ:
    """``diff_texts`` with the options of one comparison; a text pair is diffed once."""

    def __init__(self, granularity: Granularity | str, timeout: float | None, texts: TextCache | None = None) -> None:
        self.granularity, self.timeout, self.texts = granularity, timeout, texts
        self.cache: dict[tuple[str, str], TextDiff] = {}

    def __call__(self, a: str, b: str) -> TextDiff:
        from reportdiff._diff import diff_texts

        key = (a, b)
        if key not in self.cache:
            self.cache[key] = diff_texts(a, b, granularity=self.granularity, timeout=self.timeout, cache=self.texts)
        return self.cache[key]


def _own(s: Section) -> str:
    return s.heading + s.body


def _own_texts(found: Mapping[SectionPair, tuple[Section, Section]],
               languages: Mapping[int, Language]) -> dict[SectionPair, tuple[str, str]]:
    """The two texts each pair's own diff compares: the sections' own texts, except
    that a section with several partners on the other side (merged into, or split
    from) shows each partner only the part that continues it
    (:func:`reportdiff._align.apportion`), so that every paragraph of it is in one
    redline.  A heading-only section (standing in for the next one) is compared by
    its heading alone: its partner's text is in the pair of the section it stands for."""
    from reportdiff._align import apportion

    partners: dict[tuple[bool, SectionRef], list[SectionPair]] = {}
    for p in found:
        assert p.a is not None and p.b is not None
        partners.setdefault((True, p.a), []).append(p)
        partners.setdefault((False, p.b), []).append(p)
    texts = {p: [_own(sa), _own(sb)] for p, (sa, sb) in found.items()}
    for p, (sa, sb) in found.items():
        if sa.heading_only or sb.heading_only:
            # a heading standing in for the next section: nothing to compare but the headings
            texts[p] = [sa.heading if sa.heading_only else _own(sa), sb.heading if sb.heading_only else _own(sb)]
    for (side_a, ref), ps in partners.items():
        other = [p for p in ps if found[p][1 if side_a else 0].has_own_text]
        if len(other) < 2:
            continue
        whole = _own(found[ps[0]][0 if side_a else 1])
        pieces = apportion(whole, [_own(found[p][1 if side_a else 0]) for p in other], languages[ref.year])
        for p, piece in zip(other, pieces, strict=True):
            texts[p][0 if side_a else 1] = piece
    return {p: (a, b) for p, (a, b) in texts.items()}


def _covers(d: TextDiff, sa: Section, sb: Section, *, own: bool = False) -> bool:
    """True if ``d`` compares the two sections' whole texts (own texts with ``own``)."""
    ta, tb = (_own(sa), _own(sb)) if own else (sa.text(), sb.text())
    return d.old.text == ta and d.new.text == tb


def _found(by_year: Mapping[int, Report], pairs: Sequence[SectionPair]) -> dict[SectionPair, tuple[Section, Section]]:
    """The two sections of each pair with a section on both sides, in alignment order."""
    found: dict[SectionPair, tuple[Section, Section]] = {}
    for p in pairs:
        if p.a is None or p.b is None:
            continue
        sa = by_year[p.a.year].root.find(p.a.path)
        sb = by_year[p.b.year].root.find(p.b.path)
        if sa is not None and sb is not None:
            found[p] = (sa, sb)
    return found


def _whole_diffs(
    reports: Sequence[Report], own: Sequence[tuple[SectionPair, TextDiff]], *, granularity: Granularity | str,
    timeout: float | None,
) -> tuple[tuple[SectionPair, TextDiff], ...]:
    """Each pair's whole-text diff, in the order of ``own``, every text pair diffed once.

    A leaf's whole text is its own text.  A parent's whole diff is composed from
    its own text's diff and its children's whole diffs when its children are
    paired one to one and in order within the two parents (a child without a
    partner there counts as deleted or inserted whole); otherwise (a merge, a
    split, a crossing) the two whole texts are diffed directly.
    """
    from reportdiff._diff import compose

    by_year = {r.year: r for r in reports}
    found = _found(by_year, [p for p, _ in own])
    mine = dict(own)
    diff = _Differ(granularity, timeout)
    whole: dict[SectionPair, TextDiff] = {}
    # children before parents: deepest pairs first, then alignment order
    for p in sorted(found, key=lambda p: -max(found[p][0].level, found[p][1].level)):
        sa, sb = found[p]
        if not (sa.children or sb.children):
            # a leaf's own diff, unless it shows only a part of a merged or split section
            whole[p] = mine[p] if _covers(mine[p], sa, sb) else diff(sa.text(), sb.text())
            continue
        assert p.a is not None and p.b is not None
        parts = _parts(sa, sb, p.a.year, p.b.year, found, whole)
        if parts is None:
            whole[p] = diff(sa.text(), sb.text())
            continue
        head = mine[p] if _covers(mine[p], sa, sb, own=True) else diff(_own(sa), _own(sb))
        pieces = [head] + [x if isinstance(x, TextDiff) else diff(*x) for x in parts]
        whole[p] = compose(DiffSide(sa.text()), DiffSide(sb.text()), pieces)
    return tuple((p, whole[p]) for p, _ in own if p in whole)


def _parts(
    sa: Section, sb: Section, ya: int, yb: int, found: Mapping[SectionPair, tuple[Section, Section]],
    whole: Mapping[SectionPair, TextDiff],
) -> list[TextDiff | tuple[str, str]] | None:
    """The children's diffs (or text pairs still to diff) in text order, or None if the
    children are not paired one to one and in order within the two parents.

    Only the pairs between a child of ``sa`` and a child of ``sb`` count: a child also
    paired elsewhere keeps its pair here; a child with no partner here is deleted or
    inserted whole.
    """
    index_a = {c.path: k for k, c in enumerate(sa.children)}
    index_b = {c.path: k for k, c in enumerate(sb.children)}
    inside = sorted((
        (index_a[p.a.path], index_b[p.b.path], p)
        for p in found
        if p.a is not None and p.b is not None and p.a.year == ya and p.b.year == yb
        and p.a.path in index_a and p.b.path in index_b
        and found[p][0] is sa.children[index_a[p.a.path]] and found[p][1] is sb.children[index_b[p.b.path]]
    ), key=lambda t: (t[0], t[1]))
    ks = [k for k, _, _ in inside]
    js = [j for _, j, _ in inside]
    if len(set(ks)) != len(ks) or len(set(js)) != len(js) or js != sorted(js):
        return None
    out: list[TextDiff | tuple[str, str]] = []
    i = j = 0
    for k, m, p in inside:
        if p not in whole:
            return None
        out += [(c.text(), "") for c in sa.children[i:k]]
        out += [("", d.text()) for d in sb.children[j:m]]
        out.append(whole[p])
        i, j = k + 1, m + 1
    out += [(c.text(), "") for c in sa.children[i:]]
    out += [("", d.text()) for d in sb.children[j:]]
    return out


def read_report(path: str | os.PathLike[str], *, year: int | None = None) -> Report:
    """Load and parse one report file.

    Args:
        path: a text, HTML or Markdown file (UTF-8, UTF-16 or GB18030).
        year: the report's year, when neither the file name nor its title tells it.

    Raises:
        ReportDiffError: with a one-line message naming the file and the fix.

    >>> r = read_report("fixtures/xishan-rule-of-law/2022.txt")
    >>> r.year, [s.heading for s in r.root.children][1]
    (2022, '一、坚持强化组织领导,夯实法治政府建设基础')
    """
    return parse(load(path, year=year))


def read_reports(
    paths: Sequence[str | os.PathLike[str]], *, years: Mapping[str, int] | None = None
) -> list[Report]:
    """Load and parse the reports of a series, sorted by year.

    Args:
        paths: the report files, in any order.
        years: the year of each file (by the path as given) that does not tell its own.

    Raises:
        YearError: two files claim the same year.
    """
    years = years or {}
    reports = [read_report(p, year=years.get(str(p))) for p in paths]
    reports.sort(key=lambda r: r.year)
    for a, b in itertools.pairwise(reports):
        if a.year == b.year:
            raise YearError(
                f"{a.path} and {b.path} both give the year {a.year}; "
                f"pass the right one with --year {b.path}=YEAR (or years={{path: year}})"
            )
    return reports
