"""``reportdiff report FILE... -o report.html``: the whole comparison as one HTML page."""

from __future__ import annotations

import argparse

from reportdiff._cli.common import add_files, load_reports, write_output

HELP = """\
Compare the reports of a series and write one self-contained HTML page:
year-over-year similarity, the section alignment of each pair of years with a
redline of every changed section, and the indicator trends with charts.

example:
  reportdiff report fixtures/gov-work-report/*.txt -o out/gov-work-report.html
"""


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("report", help="write the whole comparison as one HTML page", description=HELP,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    add_files(p)
    p.add_argument("-o", "--output", metavar="FILE", default="reportdiff-report.html",
                   help="the HTML file to write (default: reportdiff-report.html; - for standard output)")
    p.add_argument("--granularity", choices=("char", "word", "sentence"), default="word",
                   help="unit of the text diffs (default: word)")
    p.add_argument("--no-charts", action="store_true", help="leave out the charts (faster)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress or status lines on standard error")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    import sys

    from reportdiff._cli.progress import StatusLine
    from reportdiff._compare import compare
    from reportdiff.report_html import to_html
    from reportdiff.tables.report import build

    status = StatusLine(quiet=args.quiet)
    reports = load_reports(args)
    comparison = compare(reports, granularity=args.granularity, progress=status)
    status("tables and charts", 0, 1)
    page = to_html(build(comparison, charts=not args.no_charts))
    status.close()
    write_output(page, args.output)
    if args.output not in (None, "-") and not args.quiet:
        years = [r.year for r in reports]
        print(f"wrote {args.output}: {len(reports)} reports {years[0]}–{years[-1]}, "
              f"{len(comparison.alignment.pairs)} section pairs, {len(comparison.quantities)} quantities",
              file=sys.stderr)
    return 0
