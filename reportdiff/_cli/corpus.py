"""``reportdiff corpus ROOT -o OUTDIR``: many series on a process pool or a Dask cluster."""

from __future__ import annotations

import argparse
import contextlib
import importlib
import importlib.util
import json
import os
import sys
from collections.abc import Iterator
from typing import Any

import attrs

from reportdiff.errors import InputError, ReportDiffError

HELP = """\
Compare every series under ROOT (a folder per series, a report file per year)
and write the tables with a leading series column: sections, alignment,
documents and section_diffs (the Lazy Prices measures per pair of years and
per section pair), indicators and trends, as CSV (and Parquet when pyarrow is
installed), plus summary.json.  A file that cannot be read is named on
standard error and in summary.json; the other series are still written, and
the exit status is 2.

example:
  reportdiff corpus reports/ -o out/
  reportdiff corpus reports/ --workers 2 --cache .reportdiff-cache -o out/
  reportdiff corpus reports/ --executor dask --scheduler tcp://10.0.0.5:8786 -o out/
"""


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the ``corpus`` subcommand."""
    p = sub.add_parser("corpus", help="compare many series on a process pool or a Dask cluster", description=HELP,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("root", metavar="ROOT", help="a folder holding one folder of reports per series")
    p.add_argument("-o", "--output", metavar="OUTDIR", required=True, help="the folder to write the tables to")
    p.add_argument("--executor", choices=["process", "thread", "dask"], default="process",
                   help="where the series run (default: process, a pool on this machine)")
    p.add_argument("--workers", type=int, default=None, metavar="N",
                   help="workers of the pool or of the local Dask cluster (default: one per core)")
    p.add_argument("--scheduler", metavar="ADDRESS", default=None,
                   help="a running Dask scheduler (tcp://host:8786) for --executor dask; "
                        "without it a local cluster is started")
    p.add_argument("--cache", metavar="DIR", default=None,
                   help="reuse results of unchanged reports and pairs from DIR (created when missing)")
    p.add_argument("--granularity", choices=["char", "word", "sentence"], default="word",
                   help="the unit of the text diffs (default: word)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress lines on standard error")
    p.set_defaults(func=run)


def _check(args: argparse.Namespace) -> None:
    if args.workers is not None and args.workers < 1:
        raise InputError(f"--workers {args.workers}: give 1 or more workers")
    if args.scheduler and args.executor != "dask":
        raise InputError("--scheduler is a Dask scheduler's address: add --executor dask")


@contextlib.contextmanager
def _executor(args: argparse.Namespace) -> Iterator[Any]:
    if args.executor == "dask":
        try:
            distributed: Any = importlib.import_module("distributed")
        except ImportError as e:
            raise InputError("--executor dask needs Dask: pip install 'reportdiff[dask]'") from e
        if args.scheduler:
            with distributed.Client(args.scheduler) as client:
                yield client
        else:
            with distributed.LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                                          dashboard_address=None) as cluster, distributed.Client(cluster) as client:
                yield client
    elif args.executor == "thread":
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(args.workers) as pool:
            yield pool
    else:
        from reportdiff.corpus._dispatch import default_executor

        with default_executor(args.workers) as pool:
            yield pool


def _parquet() -> bool:
    return importlib.util.find_spec("pyarrow") is not None


def run(args: argparse.Namespace) -> int:
    """Run ``reportdiff corpus``: write the tables and the summary; 2 when a file failed."""
    from reportdiff import corpus
    from reportdiff._cli.progress import StatusLine

    _check(args)
    series = corpus.discover(args.root)
    out = args.output
    try:
        os.makedirs(out, exist_ok=True)
    except OSError as e:
        raise InputError(f"{out}: cannot create the output folder ({e.strerror}); choose another -o") from e
    status = StatusLine(quiet=args.quiet)

    def progress(name: str, done: int, total: int) -> None:
        status(f"series {name}", done, total)

    try:
        with _executor(args) as ex:
            result = corpus.run(series, executor=ex, cache=args.cache, granularity=args.granularity,
                                progress=progress)
    except OSError as e:
        if isinstance(e, ReportDiffError):
            raise
        where = args.scheduler or "the workers"
        raise InputError(f"cannot reach {where} ({e}); check the --scheduler address") from e
    finally:
        status.close()
    parquet = _parquet()
    written = []
    for name, table in result.tables().items():
        path = os.path.join(out, f"{name}.csv")
        try:
            table.to_csv(path, index=False, lineterminator="\n", float_format="%.10g")
            written.append(path)
            if parquet:
                table.to_parquet(os.path.join(out, f"{name}.parquet"), index=False)
        except OSError as e:
            raise InputError(f"{path}: cannot write ({e.strerror}); check the folder is writable") from e
    summary = {
        "series": len(series),
        "reports": sum(len(v) for v in series.values()),
        "rows": {name: len(t) for name, t in result.tables().items()},
        "work": attrs.asdict(result.work),
        "errors": [{"series": e.series, "file": e.file, "message": e.message} for e in result.errors],
        "executor": args.executor,
        "peak_mb_per_worker": sorted(round(v, 1) for v in result.peak_mb.values()),
    }
    with open(os.path.join(out, "summary.json"), "w", encoding="utf-8") as fh:
        json.dump(summary, fh, ensure_ascii=False, indent=2)
        fh.write("\n")
    for err in result.errors:
        where = "" if err.file in err.message else f"{err.file}: "
        print(f"reportdiff: error: series {err.series}: {where}{err.message}", file=sys.stderr)
    if not args.quiet and sys.stderr.isatty():
        w = result.work
        print(f"{len(series)} series: {w.reports_parsed} reports parsed ({w.reports_cached} cached), "
              f"{w.pairs_compared} pairs compared ({w.pairs_cached} cached), {len(result.errors)} errors; "
              f"tables in {out}", file=sys.stderr)
    return 2 if result.errors else 0
