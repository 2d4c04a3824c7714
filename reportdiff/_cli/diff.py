"""``reportdiff diff OLD NEW``: the text diff of two reports, or of one section.

Exit status as diff(1): 0 when the texts are the same, 1 when they differ,
2 on error.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable

from reportdiff import render
from reportdiff._cli.common import add_format, add_year, parse_year_options, write_output
from reportdiff.model import DiffSide, TextDiff

HELP = """\
Compare two reports (or one section of each) and show what changed.

Exit status: 0 same, 1 different, 2 error (like diff).

examples:
  reportdiff diff fixtures/gov-work-report/2018.txt fixtures/gov-work-report/2019.txt
  reportdiff diff 2018.txt 2019.txt --section 二 --granularity char
  reportdiff diff 2018.txt 2019.txt --format html --view side-by-side -o diff.html
  reportdiff diff 2018.txt 2019.txt --format json | jq '.stats.similarity'
"""

#: Each output format and how it renders a diff, given the parsed arguments.
RENDERERS: dict[str, Callable[[TextDiff, argparse.Namespace], str]] = {
    "text": lambda d, args: render.to_text(d, color=_color(args.output)),
    "html": lambda d, args: render.to_html(d, view=args.view),
    "md": lambda d, args: render.to_markdown(d),
    "json": lambda d, args: render.to_json(d),
}


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the ``diff`` subcommand."""
    p = sub.add_parser(
        "diff",
        help="show what changed between two reports",
        description=HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("old", metavar="OLD", help="the earlier report (text, HTML or Markdown)")
    p.add_argument("new", metavar="NEW", help="the later report")
    p.add_argument(
        "--section",
        metavar="PATH",
        default=None,
        help="compare only this section, by its path as `reportdiff sections` prints it (二/（三）)",
    )
    p.add_argument(
        "--granularity",
        choices=("char", "word", "sentence"),
        default="word",
        help="the unit of change (default: word; a number with its unit is always one unit)",
    )
    add_format(p, tuple(RENDERERS), "text")
    p.add_argument(
        "--view",
        choices=("inline", "side-by-side"),
        default="inline",
        help="HTML layout (default: inline)",
    )
    p.add_argument(
        "--timeout",
        type=float,
        default=None,
        metavar="SECONDS",
        help="give up refining after SECONDS; the output then says it is approximate (default: no limit)",
    )
    p.add_argument("--no-moves", action="store_true", help="do not look for moved sentences")
    add_year(p)
    p.set_defaults(func=run)


def _color(output: str | None) -> bool:
    if output not in (None, "-") or os.environ.get("NO_COLOR"):
        return False
    isatty = getattr(sys.stdout, "isatty", None)
    return bool(isatty and isatty())


def run(args: argparse.Namespace) -> int:
    """Diff the two files; return 0 if they are the same, 1 if not."""
    from reportdiff._diff import diff_reports, diff_texts

    years = parse_year_options([args.old, args.new], args.year or [])
    if args.section:
        from reportdiff._compare import read_report

        old = read_report(args.old, year=years.get(args.old))
        new = read_report(args.new, year=years.get(args.new))
        d = diff_reports(old, new, section=args.section, granularity=args.granularity,
                         timeout=args.timeout, detect_moves=not args.no_moves)
    else:  # the whole texts: no section tree is needed, so the files are loaded, not parsed
        from reportdiff._load import load

        a, b = (load(p, year=years.get(p)) for p in (args.old, args.new))
        d = diff_texts(DiffSide(a.text, a.path, a.year), DiffSide(b.text, b.path, b.year),
                       granularity=args.granularity, timeout=args.timeout, detect_moves=not args.no_moves)
    write_output(RENDERERS[args.format](d, args), args.output)
    if d.approximate:
        print(f"reportdiff: warning: {render.APPROXIMATE_NOTE}", file=sys.stderr)
    return 0 if d.identical else 1
