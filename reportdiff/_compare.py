"""Orchestration: files in, parsed reports (and comparisons) out."""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Mapping, Sequence

import attrs

from reportdiff._load import load
from reportdiff._parse import parse
from reportdiff.errors import ParseError, YearError
from reportdiff.model import Alignment, Granularity, Quantity, Report, SectionPair, TextDiff
from reportdiff.model._summary import html_table, year_range

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
    sections: tuple[tuple[SectionPair, TextDiff], ...]
    """The diff of each aligned section pair with a section on both sides."""
    quantities: tuple[Quantity, ...]
    """The indicators of every report, in year and text order."""

    def __repr__(self) -> str:
        years = [r.year for r in self.reports]
        return (
            f"Comparison({len(self.reports)} reports {year_range(years)}, "
            f"{len(self.documents)} document diffs, {len(self.sections)} section diffs, "
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
    from reportdiff._diff import diff_reports, diff_texts
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
    for k, (a, b) in enumerate(itertools.pairwise(rs)):
        tick("diff documents", k, len(rs) - 1)
        documents.append(diff_reports(a, b, granularity=granularity, timeout=timeout))
    section_diffs = []
    both = [p for p in alignment.pairs if p.a is not None and p.b is not None]
    for k, pair in enumerate(both):
        if k % 10 == 0:
            tick("diff sections", k, len(both))
        assert pair.a is not None and pair.b is not None
        sa = by_year[pair.a.year].root.find(pair.a.path)
        sb = by_year[pair.b.year].root.find(pair.b.path)
        if sa is None or sb is None:
            continue
        section_diffs.append((pair, diff_texts(sa.text(), sb.text(), granularity=granularity, timeout=timeout)))
    quantities_list: list[Quantity] = []
    for k, r in enumerate(rs):
        tick("indicators", k, len(rs))
        quantities_list.extend(extract_report(r))
    tick("indicators", len(rs), len(rs))
    quantities = tuple(quantities_list)
    return Comparison(rs, alignment, tuple(documents), tuple(section_diffs), quantities)


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
