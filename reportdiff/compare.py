"""Orchestration: files in, parsed reports (and comparisons) out."""

from __future__ import annotations

import itertools
import os
from collections.abc import Mapping, Sequence

from reportdiff.errors import YearError
from reportdiff.load import load
from reportdiff.model import Report
from reportdiff.parse import parse

__all__ = ["read_report", "read_reports"]


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
