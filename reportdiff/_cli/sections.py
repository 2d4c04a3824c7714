"""``reportdiff sections FILE...``: print each report's section tree."""

from __future__ import annotations

import argparse

from reportdiff._cli.common import add_files, add_format, emit, load_reports
from reportdiff._formats import Table, terminal_safe
from reportdiff.model import Report, SectionKind

HELP = """\
Print the section tree of each report: level, path, heading, characters.

example:
  reportdiff sections fixtures/gov-work-report/2018.txt fixtures/gov-work-report/2019.txt
  reportdiff sections report.html --year report.html=2022 --format csv
  reportdiff sections --warnings report.txt   # also the inferred heading scheme (lines with ~)
"""

CSV_COLUMNS = ("year", "level", "path", "heading", "title", "kind", "start", "end", "raw_start", "raw_end", "chars", "warnings")


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("sections", help="print each report's section tree", description=HELP,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    add_files(p)
    add_format(p, ("text", "csv", "json"), "text")
    p.add_argument("--warnings", action="store_true", help="list every section's warnings (text format)")
    p.set_defaults(func=run)


def rows(report: Report) -> list[tuple[object, ...]]:
    out: list[tuple[object, ...]] = []
    for s in report.root.walk():
        heading = s.heading if s.kind is not SectionKind.BLOCK else ""
        out.append((report.year, s.level, s.path, heading, s.title, s.kind.value, s.span.start, s.span.end,
                    s.raw_span.start, s.raw_span.end, len(s.span), " | ".join(s.warnings)))
    return out


def safe(text: str) -> str:
    r"""``text`` on one line, its control characters shown as escapes (see
    :func:`reportdiff._formats.terminal_safe`), so report text cannot drive the terminal.

    >>> print(safe("a\x1b[31mb" + chr(9) + "c"))
    a\x1b[31mb c
    """
    return terminal_safe(text.replace("\t", " ").replace("\n", " "))


def render_text(reports: list[Report], show_warnings: bool) -> str:
    lines = []
    for r in reports:
        lines.append(safe(f"{r.year}  {r.path}  ({r.document.encoding}, {len(r.text)} characters)"
                          + (f"  {r.title}" if r.title else "")))
        for w in r.document.warnings:
            lines.append(f"  ! {safe(w)}")
        if show_warnings:
            lines.extend(f"  ~ {safe(w)}" for w in r.root.warnings)
        for s in r.sections():
            label = safe(s.heading.strip() if s.heading else f"[{s.title}]")
            flag = "  !" if s.warnings else ""
            lines.append(f"{'  ' * s.level}{s.level} {safe(s.path):<12} {label}  ({len(s.span)}){flag}")
            if show_warnings:
                lines.extend(f"{'  ' * s.level}    ! {safe(w)}" for w in s.warnings)
        n_warn = sum(len(s.warnings) for s in r.sections())
        if n_warn and not show_warnings:
            lines.append(f"  ({n_warn} warning(s) on doubtful boundaries: add --warnings to list them)")
        lines.append("")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    reports = load_reports(args)
    table = Table(CSV_COLUMNS, tuple(row for r in reports for row in rows(r)))
    emit(args, table, text=lambda: render_text(reports, args.warnings),
         json_value=lambda: [{"year": r.year, "path": r.path, "title": r.title, "encoding": r.document.encoding,
                              "warnings": list(r.document.warnings), "scheme": list(r.root.warnings),
                              "sections": [dict(zip(CSV_COLUMNS, row, strict=True)) for row in rows(r)]}
                             for r in reports])
    return 0
