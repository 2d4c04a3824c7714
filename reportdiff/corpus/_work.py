"""The unit of work of a corpus run: one series, computed in a worker.

A :class:`SeriesJob` names the files of one series and the options; it is a
small picklable record, so it travels to a process pool or a Dask worker as
is.  :func:`run_series` computes the series' rows, reusing the on-disk cache
when one is given:

* per report (parse + indicators), keyed by the file's bytes and name;
* per consecutive pair of years (alignment + document and section diffs),
  keyed by the two reports' keys and the diff options;
* the series links (indicator ids and the trend rows), keyed by every report
  key of the series: they depend on every year, so a new or changed year
  relinks its series.

Each key also holds the library version and a fingerprint of the installed
package's source, so a changed library never reads an old entry.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import os
import time
from collections import defaultdict
from pathlib import Path

import attrs

from reportdiff._compare import compare, read_report
from reportdiff._indicators import extract_report
from reportdiff.corpus import _rows
from reportdiff.corpus._cache import Cache, content_key
from reportdiff.errors import ReportDiffError
from reportdiff.model import Quantity, Report

__all__ = ["FileError", "Options", "SeriesJob", "SeriesResult", "Work", "run_series"]


@attrs.frozen
class Options:
    """The options of a corpus run that change its results."""

    granularity: str = "word"
    """The unit of the text diffs (``char``, ``word`` or ``sentence``)."""
    timeout: float | None = None
    """Seconds each diff may take (None: no limit, always exact)."""

    def key(self) -> str:
        """The options as one string for the cache key."""
        return f"granularity={self.granularity};timeout={self.timeout!r}"


@attrs.frozen
class SeriesJob:
    """One series to compute: its name, its files, the options, the cache folder."""

    name: str
    paths: tuple[str, ...]
    options: Options = Options()
    cache: str | None = None


@attrs.frozen
class FileError:
    """A file (or a pair of files) that could not be computed, and why."""

    series: str
    file: str
    message: str


@attrs.frozen
class Work:
    """What a run computed and what it read back from the cache."""

    reports_parsed: int = 0
    reports_cached: int = 0
    pairs_compared: int = 0
    pairs_cached: int = 0
    links_made: int = 0
    """Series whose indicators were linked (their set of reports changed, or no cache)."""
    links_cached: int = 0

    def __add__(self, other: Work) -> Work:
        return Work(*(a + b for a, b in zip(attrs.astuple(self), attrs.astuple(other), strict=True)))


@attrs.frozen(eq=False)
class SeriesResult:
    """The rows of one series (by table name), its errors, its work and its worker."""

    name: str
    tables: dict[str, list[_rows.Row]]
    errors: tuple[FileError, ...]
    work: Work
    pid: int
    peak_mb: float
    """The worker process's peak resident memory so far, in MiB."""
    cpu_s: float = 0.0
    """CPU seconds the worker spent on this series."""


@attrs.frozen
class _ReportEntry:
    year: int
    report: Report
    sections: tuple[_rows.Row, ...]
    quantities: tuple[Quantity, ...]


@attrs.frozen
class _PairEntry:
    alignment: tuple[_rows.Row, ...]
    documents: tuple[_rows.Row, ...]
    section_diffs: tuple[_rows.Row, ...]


@functools.cache
def code_fingerprint() -> str:
    """A hash of the installed package's Python source (so a changed library misses the cache)."""
    root = Path(__file__).resolve().parents[1]
    h = hashlib.sha256()
    for path in sorted(root.rglob("*.py")):
        h.update(path.relative_to(root).as_posix().encode("utf-8"))
        h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


def peak_memory_mb() -> float:
    """This process's peak resident set size in MiB (0.0 where the OS does not tell)."""
    try:
        import resource
    except ImportError:  # pragma: no cover - Windows
        return 0.0
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def _internal(e: Exception) -> str:
    return f"unexpected {type(e).__name__}: {e} (a bug in reportdiff: please report it with this file)"


def _store(job: SeriesJob, cache: Cache | None, kind: str, key: str, value: object,
           errors: list[FileError]) -> None:
    """Write a cache entry; a cache that cannot be written is an error, the result is kept."""
    if cache is None:
        return
    try:
        cache.put(kind, key, value)
    except OSError as e:
        err = FileError(job.name, str(cache.root), f"cannot write the cache {cache.root} ({e.strerror or e}); "
                                                   "check it is writable and has space, or run without a cache")
        if err not in errors:
            errors.append(err)


def _load_entry(job: SeriesJob, path: str, cache: Cache | None,
                errors: list[FileError], work: dict[str, int]) -> tuple[str, _ReportEntry] | None:
    try:
        data = Path(path).read_bytes()
    except OSError as e:
        errors.append(FileError(job.name, path, f"cannot read {path}: {e.strerror or e}; check that it exists "
                                                "and is readable"))
        return None
    key = content_key("report", code_fingerprint(), hashlib.sha256(data).hexdigest(), Path(path).name)
    hit = cache.get("report", key) if cache else None
    if isinstance(hit, _ReportEntry):
        work["reports_cached"] += 1
        return key, hit
    try:
        report = read_report(path)
        quantities = tuple(extract_report(report))
    except ReportDiffError as e:
        errors.append(FileError(job.name, path, str(e)))
        return None
    except Exception as e:  # one broken file must not lose the corpus
        errors.append(FileError(job.name, path, f"{path}: {_internal(e)}"))
        return None
    entry = _ReportEntry(report.year, report, tuple(_rows.section_rows(report)), quantities)
    work["reports_parsed"] += 1
    _store(job, cache, "report", key, entry, errors)
    return key, entry


def _pair(job: SeriesJob, a: tuple[str, str, _ReportEntry], b: tuple[str, str, _ReportEntry],
          cache: Cache | None, errors: list[FileError], work: dict[str, int]) -> _PairEntry | None:
    key = content_key("pair", code_fingerprint(), a[1], b[1], job.options.key())
    hit = cache.get("pair", key) if cache else None
    if isinstance(hit, _PairEntry):
        work["pairs_cached"] += 1
        return hit
    try:
        c = compare([a[2].report, b[2].report], granularity=job.options.granularity, timeout=job.options.timeout)
    except ReportDiffError as e:
        errors.append(FileError(job.name, f"{a[0]} → {b[0]}", str(e)))
        return None
    except Exception as e:
        errors.append(FileError(job.name, f"{a[0]} → {b[0]}", _internal(e)))
        return None
    entry = _PairEntry(tuple(_rows.alignment_rows(c)), tuple(_rows.document_row(c)),
                       tuple(_rows.section_diff_rows(c)))
    work["pairs_compared"] += 1
    _store(job, cache, "pair", key, entry, errors)
    return entry


def _links(job: SeriesJob, series: list[tuple[str, str, _ReportEntry]], cache: Cache | None,
           errors: list[FileError], work: dict[str, int]) -> tuple[tuple[_rows.Row, ...], tuple[_rows.Row, ...]]:
    """The indicator and trend rows of the whole series: linked anew whenever its reports change."""
    from reportdiff.trends import link_series

    key = content_key("links", code_fingerprint(), *(k for _path, k, _entry in series))
    hit = cache.get("links", key) if cache else None
    if isinstance(hit, tuple) and len(hit) == 2:
        work["links_cached"] += 1
        return hit
    quantities = [q for _path, _key, entry in series for q in entry.quantities]
    ids = link_series(quantities) if quantities else {}
    rows = (tuple(_rows.indicator_rows(quantities, ids)), tuple(_rows.trend_rows(quantities, ids)))
    work["links_made"] += 1
    _store(job, cache, "links", key, rows, errors)
    return rows


def run_series(job: SeriesJob) -> SeriesResult:
    """Compute one series: its reports, its consecutive pairs and its links.

    A file that cannot be read or parsed is named in the result's errors and
    left out; the series goes on with its other files (its pairs then join
    the readable years that are next to each other).

    Args:
        job: the series.

    Returns:
        The series' rows by table name, its errors and the work done.

    >>> job = SeriesJob("xishan", ("fixtures/xishan-rule-of-law/2022.txt",))
    >>> result = run_series(job)
    >>> result.work.reports_parsed, len(result.tables["sections"]) > 5, result.errors
    (1, True, ())
    """
    cpu = time.process_time()
    cache = Cache(job.cache) if job.cache else None
    errors: list[FileError] = []
    work: dict[str, int] = defaultdict(int)
    loaded = []
    for path in sorted(job.paths):
        got = _load_entry(job, path, cache, errors, work)
        if got is not None:
            loaded.append((path, got[0], got[1]))
    by_year: dict[int, list[tuple[str, str, _ReportEntry]]] = defaultdict(list)
    for item in loaded:
        by_year[item[2].year].append(item)
    series: list[tuple[str, str, _ReportEntry]] = []
    for year in sorted(by_year):
        same = by_year[year]
        if len(same) > 1:
            names = ", ".join(p for p, _, _ in same)
            errors.extend(FileError(job.name, p, f"{names} all give the year {year}; rename the file so its name "
                                                 "tells the year (2019.txt)") for p, _, _ in same)
            continue
        series.append(same[0])
    tables: dict[str, list[_rows.Row]] = {name: [] for name in
                                          ("sections", "alignment", "documents", "section_diffs")}
    for _path, _key, entry in series:
        tables["sections"].extend(entry.sections)
    for a, b in itertools.pairwise(series):
        pair = _pair(job, a, b, cache, errors, work)
        if pair is not None:
            tables["alignment"].extend(pair.alignment)
            tables["documents"].extend(pair.documents)
            tables["section_diffs"].extend(pair.section_diffs)
    links = _links(job, series, cache, errors, work)
    tables["indicators"], tables["trends"] = list(links[0]), list(links[1])
    return SeriesResult(job.name, tables, tuple(errors), Work(**work), os.getpid(), peak_memory_mb(),
                        time.process_time() - cpu)
