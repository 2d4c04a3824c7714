"""Where the CPU time of ``reportdiff report`` goes: one line per stage, in one process.

Not a figure with a floor (``run.py``'s ``report`` measurement is that): this splits the same
job into its stages so the next speed work knows where to look.  CPU seconds
(``time.process_time``) and the peak resident set so far (``ru_maxrss``) after each stage::

    cd /path/to/reportdiff && PYTHONPATH=$PWD python3 benchmarks/stages.py              # the ten fixture years
    PYTHONPATH=$PWD python3 benchmarks/stages.py --years 26                             # generated years (as run.py's)
    PYTHONPATH=$PWD python3 benchmarks/stages.py --charts-each                          # also each chart

The stages: imports (reportdiff, pandas, matplotlib), read and parse, then compare's own
steps as its ``progress`` callback reports them (``align``, ``diff documents``, ``diff
sections``, ``indicators``), then the page's tables without charts, the charts alone (the
difference of ``build`` with and without them) and the HTML layout.  Uses only
``reportdiff.read_reports``, ``reportdiff.compare``, ``reportdiff.tables.report.build`` and
``reportdiff.report_html.to_html``.  Always exits 0.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _peak() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


def _line(name: str, cpu: float, peak: int | None = None) -> None:
    print(f"{name:18s} cpu {cpu:7.3f} s | peak so far {peak or _peak():5d} MB", flush=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--years", type=int, default=0, help="generated years (0: the ten fixture years)")
    ap.add_argument("--charts-each", action="store_true", help="also print the CPU time of each chart")
    args = ap.parse_args(argv)
    t = time.process_time()
    import matplotlib  # noqa: F401
    import pandas  # noqa: F401

    import reportdiff
    from reportdiff import plot
    from reportdiff.report_html import to_html
    from reportdiff.tables.report import build

    _line("imports", time.process_time() - t)
    with tempfile.TemporaryDirectory() as tmp:
        if args.years:
            sys.path.insert(0, str(ROOT / "benchmarks"))
            from _inputs import write_years

            files = write_years(Path(tmp), args.years)
        else:
            files = sorted((ROOT / "fixtures" / "gov-work-report").glob("*.txt"))
        t = time.process_time()
        reports = reportdiff.read_reports(files)
        _line(f"read {len(files)} files", time.process_time() - t)
    spent: dict[str, float] = {}
    peaks: dict[str, int] = {}
    last: list[object] = [time.process_time(), None]

    def progress(step: str, done: int, total: int) -> None:
        del done, total
        now = time.process_time()
        if isinstance(last[1], str):
            spent[last[1]] = spent.get(last[1], 0.0) + now - float(last[0])  # type: ignore[arg-type]
            peaks[last[1]] = _peak()
        last[0], last[1] = now, step

    t = time.process_time()
    c = reportdiff.compare(reports, progress=progress)
    total = time.process_time() - t
    for step, cpu in spent.items():
        _line(f"  {step}", cpu, peaks.get(step))
    _line("compare", total)
    t = time.process_time()
    build(c, charts=False)
    tables = time.process_time() - t
    _line("tables", tables)
    if args.charts_each:
        original = plot.png

        def timed(draw, **kw):  # type: ignore[no-untyped-def]
            t0 = time.process_time()
            out = original(draw, **kw)
            print(f"    chart {kw.get('size')}: {time.process_time() - t0:.3f} s, {len(out):,} bytes")
            return out

        plot.png = timed  # type: ignore[assignment]
    t = time.process_time()
    data = build(c)
    _line("charts", time.process_time() - t - tables)
    t = time.process_time()
    page = to_html(data)
    _line("html", time.process_time() - t)
    print(f"{len(data.charts)} charts, page {len(page):,} characters")
    return 0


if __name__ == "__main__":
    sys.exit(main())
