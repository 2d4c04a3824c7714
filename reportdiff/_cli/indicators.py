"""``reportdiff indicators FILE...`` and ``reportdiff trends FILE...``."""

from __future__ import annotations

import argparse

from reportdiff._cli.common import add_files, add_format, emit, load_reports
from reportdiff._formats import Table
from reportdiff.model import Quantity

IND_HELP = """\
Extract every quantity (number, unit, qualifier, label, kind) from each report,
with the series id that links it across years.

example:
  reportdiff indicators fixtures/gov-work-report/2014.txt fixtures/gov-work-report/2015.txt --format csv
"""

TRENDS_HELP = """\
Print the trend table: one row per linked indicator, one column per year
(normalised values), and the change over the last two years.

example:
  reportdiff trends fixtures/gov-work-report/*.txt --format md
"""

#: The CSV contract read by ../shared/eval/score.py: keep these first columns stable.
CSV_COLUMNS = (
    "year", "section", "label", "value", "unit", "qualifier", "kind", "quote", "series",
    "base_value", "base_unit", "direction", "base", "bound", "start", "end", "raw_start", "raw_end",
)


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the ``indicators`` and ``trends`` subcommands."""
    p = sub.add_parser("indicators", help="extract the quantities of each report", description=IND_HELP,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    add_files(p)
    add_format(p, ("text", "csv", "json"), "text")
    p.set_defaults(func=run_indicators)
    t = sub.add_parser("trends", help="tabulate linked indicators across years", description=TRENDS_HELP,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    add_files(t)
    add_format(t, ("csv", "md"), "md")
    t.set_defaults(func=run_trends)


def _quantities(args: argparse.Namespace) -> list[Quantity]:
    from reportdiff._indicators import extract_report

    out: list[Quantity] = []
    for r in load_reports(args):
        out.extend(extract_report(r))
    return out


def _row(q: Quantity, series: str) -> tuple[object, ...]:
    return (q.year, q.section, q.label, q.value, q.unit, q.range_label, q.kind.value, q.quote, series,
            f"{q.base_value:.10g}", q.base_unit, q.direction.value, q.base, q.bound.value,
            q.span.start, q.span.end, q.raw_span.start, q.raw_span.end)


def run_indicators(args: argparse.Namespace) -> int:
    """Print the quantities as text, CSV or JSON."""
    from reportdiff.trends import link_series

    qs = _quantities(args)
    ids = link_series(qs)
    rows = tuple(_row(q, ids.get(q, "")) for q in qs)

    def text() -> str:
        lines = []
        for r in rows:
            year, section, label, value, unit, qual, kind, quote, series = r[:9]
            lines.append(f"{year} {section or '-':<10} {label} = {value}{unit}{qual}  [{kind}]"
                         + (f"  <{series}>" if series else "") + f"  «{quote}»")
        return "\n".join(lines)

    emit(args, Table(CSV_COLUMNS, rows), text=text)
    return 0


def run_trends(args: argparse.Namespace) -> int:
    """Print the wide trend table as CSV or Markdown."""
    from reportdiff.tables.trends import tidy_frame, wide_table

    table = wide_table(tidy_frame(_quantities(args)))
    columns = ("series", *[str(c) for c in table.columns])

    def cell(v: object) -> object:
        if isinstance(v, float):
            return "" if v != v else f"{v:.10g}" if args.format == "csv" else f"{v:.6g}"
        return v

    rows = tuple((str(sid), *(cell(v) for v in row.tolist())) for sid, row in table.iterrows())
    emit(args, Table(columns, rows))
    return 0
