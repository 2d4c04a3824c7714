"""Corpus scale: many series of reports, computed on a process pool or a Dask cluster.

:func:`run` takes many series (a folder per series under a root, or a mapping
of series name → files), computes each series in a worker (sections,
alignment and diffs of each consecutive pair of years, indicators and their
links) and returns the single-series tables with a leading ``series`` column.
The same call runs on any ``concurrent.futures.Executor`` and on a
``dask.distributed.Client``; the tables are the same whichever ran them.

Each consecutive pair of years is compared on its own (``compare([a, b])``),
so a pair's rows equal ``reportdiff align A B`` on those two files, and adding
a year leaves the other pairs' results, and their cache entries, unchanged.
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import attrs
import pandas as pd

from reportdiff.corpus._dispatch import Progress, default_executor, is_dask_client, results
from reportdiff.corpus._tables import TABLES, long_table, trends_table
from reportdiff.corpus._work import FileError, Options, SeriesJob, SeriesResult, Work
from reportdiff.errors import InputError

__all__ = ["REPORT_SUFFIXES", "CorpusResult", "FileError", "Work", "discover", "is_dask_client", "run"]

#: File name endings taken as reports when a series is a folder.
REPORT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".docx")


@attrs.frozen(eq=False)
class CorpusResult:
    """The tables of a corpus run, its errors and the work it did.

    Every table has ``series`` as its first column and is sorted by series
    name, then in each series' own order (year, then document or alignment order).
    """

    sections: pd.DataFrame
    """Each report's section tree (the columns of ``reportdiff sections --format csv``)."""
    alignment: pd.DataFrame
    """Section pairs of each consecutive pair of years (the columns of ``reportdiff align --format csv``)."""
    documents: pd.DataFrame
    """The Lazy Prices measures (cosine, jaccard, edit, simple) and change counts per pair of years."""
    section_diffs: pd.DataFrame
    """The Lazy Prices measures and change counts per aligned section pair."""
    indicators: pd.DataFrame
    """Every quantity (the columns of ``reportdiff indicators --format csv``; its link id is ``indicator``)."""
    trends: pd.DataFrame
    """Series × indicator rows with a column per year, the unit and the last change."""
    errors: tuple[FileError, ...]
    """Files that could not be computed, each with a message naming it."""
    work: Work
    """Reports parsed and pairs compared, and how many of each came from the cache."""
    peak_mb: dict[int, float]
    """Each worker process's peak resident memory (MiB), by process id, as read inside it."""
    cpu_seconds: float = 0.0
    """CPU seconds the workers spent on the series (not counting their start-up)."""

    def tables(self) -> dict[str, pd.DataFrame]:
        """The tables by name, in a fixed order."""
        return {name: getattr(self, name) for name in TABLES}


def discover(root: str | os.PathLike[str], *, suffixes: Sequence[str] = REPORT_SUFFIXES) -> dict[str, list[str]]:
    """The series under ``root``: each sub-folder is a series, its report files its years.

    Args:
        root: a folder holding one folder per series.
        suffixes: the file name endings taken as reports (case-insensitive); hidden files are skipped.

    Returns:
        Series name (the folder's name) → its report files, both sorted.

    Raises:
        InputError: ``root`` is not a folder, or holds no series folder with a report.

    >>> discover("fixtures")["gov-work-report"][:2]
    ['fixtures/gov-work-report/2010.txt', 'fixtures/gov-work-report/2011.txt']
    """
    base = Path(root)
    if not base.is_dir():
        raise InputError(f"{root}: not a folder; give a folder holding one folder of reports per series")
    ends = tuple(s.lower() for s in suffixes)
    out: dict[str, list[str]] = {}
    for folder in sorted(p for p in base.iterdir() if p.is_dir() and not p.name.startswith(".")):
        files = sorted(str(f) for f in folder.iterdir()
                       if f.is_file() and not f.name.startswith(".") and f.name.lower().endswith(ends))
        if files:
            out[folder.name] = files
    if not out:
        raise InputError(f"{root}: no series found; put each series' reports ({', '.join(suffixes)}) in a "
                         "folder of its own under it")
    return out


def _series(series: Mapping[str, Iterable[str | os.PathLike[str]]] | str | os.PathLike[str]) -> dict[str, list[str]]:
    if isinstance(series, (str, os.PathLike)):
        return discover(series)
    return {str(name): sorted(str(p) for p in paths) for name, paths in sorted(series.items())}


def run(
    series: Mapping[str, Iterable[str | os.PathLike[str]]] | str | os.PathLike[str],
    *,
    executor: object | None = None,
    workers: int | None = None,
    cache: str | os.PathLike[str] | None = None,
    granularity: str = "word",
    timeout: float | None = None,
    progress: Progress | None = None,
) -> CorpusResult:
    """Compute many series of reports, one worker task per series.

    Args:
        series: a mapping of series name → report files, or a folder holding a folder per series.
        executor: a ``concurrent.futures.Executor`` or a ``dask.distributed.Client`` (the caller
            keeps owning it); None starts a process pool of ``workers`` processes for this call.
        workers: the size of the default process pool (default: one per core).
        cache: a folder for the on-disk cache (None: no cache).  Entries are keyed by the
            files' bytes, the options, the library version and source; a Dask cluster's
            workers must all see this folder (and the report files) at the same path.
        granularity: the unit of the text diffs (``char``, ``word``, ``sentence``).
        timeout: seconds each diff may take (None: no limit, always exact).
        progress: called as ``progress(series, done, total)`` as each series completes.

    Returns:
        The tables, the errors (a broken file is named there; the other series are complete)
        and the work done.

    Raises:
        InputError: the root is not a folder or holds no series.

    >>> from concurrent.futures import ThreadPoolExecutor
    >>> with ThreadPoolExecutor(1) as pool:
    ...     result = run({"xishan": ["fixtures/xishan-rule-of-law/2022.txt"]}, executor=pool)
    >>> list(result.sections.columns[:3]), result.errors
    (['series', 'year', 'level'], ())
    """
    named = _series(series)
    options = Options(granularity=str(getattr(granularity, "value", granularity)), timeout=timeout)
    where = None if cache is None else str(Path(cache).resolve())
    jobs = [SeriesJob(name, tuple(paths), options, where) for name, paths in named.items()]
    if executor is None:
        with default_executor(workers) as pool:
            done = results(pool, jobs, progress)
    else:
        done = results(executor, jobs, progress)
    return _assemble(done)


def _assemble(done: Sequence[SeriesResult]) -> CorpusResult:
    tables = {name: long_table(name, done) for name in TABLES if name != "trends"}
    errors = tuple(sorted((e for r in done for e in r.errors), key=lambda e: (e.series, e.file, e.message)))
    work = sum((r.work for r in done), Work())
    peak: dict[int, float] = {}
    for r in done:
        if r.pid:
            peak[r.pid] = max(peak.get(r.pid, 0.0), r.peak_mb)
    return CorpusResult(trends=trends_table(done), errors=errors, work=work, peak_mb=peak,
                        cpu_seconds=math.fsum(r.cpu_s for r in done), **tables)



