"""Score the aligner on section trees built from the gold sections, so that
alignment is measured apart from parsing.

For each series with a sections gold (``../shared/gold/sections/<series>/<year>.csv``)
the text is loaded as usual, then its tree is rebuilt from the gold headings
(each found as a line of the text, in order; a level-2 heading nests under the
level-1 heading before it).  The aligner runs on those trees, its CSV is written
in the ``reportdiff align --format csv`` contract and scored with
``../shared/eval/score.py align``, on all pairs and on an early/late split of
the years (to report figures on years the defaults were not fitted on).

Run from the project root::

    python3 benchmarks/align_gold.py [SERIES ...] [-v]
"""

from __future__ import annotations

import argparse
import csv
import itertools
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

import attrs

from reportdiff._align import align
from reportdiff._cli.align import CSV_COLUMNS, pair_rows
from reportdiff._compare import read_reports
from reportdiff._formats import Table, to_csv
from reportdiff._text import iter_lines
from reportdiff.model import Report, Section, SectionKind, Span

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SERIES = {
    "gov-work-report": "alignment",
    "hk-policy-address": "alignment-hk-policy-address",
    "hk-budget-speech": "alignment-hk-budget-speech",
    "berkshire-letters": "alignment-berkshire",
}


def _squash(s: str) -> str:
    return "".join(s.split())


def gold_headings(series: str, year: int) -> list[tuple[int, str]]:
    """(level, heading) of one year's sections gold, in document order."""
    path = SHARED / "gold" / "sections" / series / f"{year}.csv"
    with open(path, encoding="utf-8", newline="") as fh:
        return [(int(r["level"]), r["heading"]) for r in csv.DictReader(fh)]


def _find(text: str, heading: str, start: int) -> tuple[int, int] | None:
    """The heading's span in the first line at or after ``start`` that is the heading
    (whitespace ignored), else in the first line that starts with it (an inline heading),
    else in the first that ends with it (a heading the loader glued to a salutation
    line before it, ``主席女士∶甲、引言``)."""
    key = _squash(heading)
    prefix = suffix = None
    for pos, end in iter_lines(text, start):
        line = _squash(text[pos:end])
        if line == key:
            return _cut(text, pos, end, key)
        if prefix is None and line.startswith(key) and len(key) >= 2:
            prefix = _cut(text, pos, end, key)
        if suffix is None and line.endswith(key) and len(key) >= 2:
            suffix = _tail(text, pos, end, key)
    return prefix or suffix


def _tail(text: str, pos: int, end: int, key: str) -> tuple[int, int]:
    """The span of ``key`` (spaces inside kept) at the end of the line ``pos:end``."""
    while end > pos and text[end - 1].isspace():
        end -= 1
    i, n = end, 0
    while i > pos and n < len(key):
        if not text[i - 1].isspace():
            n += 1
        i -= 1
    return i, end


def _cut(text: str, pos: int, end: int, key: str) -> tuple[int, int]:
    """From the line's first non-space character to the end of ``key`` (spaces inside kept)."""
    while pos < end and text[pos].isspace():
        pos += 1
    i, n = pos, 0
    while i < end and n < len(key):
        if not text[i].isspace():
            n += 1
        i += 1
    return pos, i


def _section(text: str, heading: Span, end: int, level: int, path: str, kids: tuple[Section, ...]) -> Section:
    body_end = kids[0].span.start if kids else end
    h = heading.of(text)
    return Section(heading=h, title=h.strip(), number="", scheme="", ordinal=None, level=level, path=path,
                   body=text[heading.end:body_end], children=kids, span=Span(heading.start, end),
                   heading_span=heading, body_span=Span(heading.end, body_end), raw_span=Span(heading.start, end),
                   kind=SectionKind.HEADED)


def _block(text: str, start: int, end: int, level: int, path: str) -> Section:
    return Section(heading="", title="", number="", scheme="", ordinal=None, level=level, path=path,
                   body=text[start:end], children=(), span=Span(start, end), heading_span=Span(start, start),
                   body_span=Span(start, end), raw_span=Span(start, end), kind=SectionKind.BLOCK)


def gold_tree(report: Report, headings: Sequence[tuple[int, str]]) -> Report:
    """The report with its tree rebuilt from the gold headings (lossless: the root's text is the text)."""
    text = report.text
    found: list[tuple[int, Span]] = []
    pos = 0
    for level, h in headings:
        hit = _find(text, h, pos)
        if hit is None:
            print(f"  {report.year}: heading not found: {h[:40]!r}", file=sys.stderr)
            continue
        found.append((level, Span(*hit)))
        pos = hit[1]
    tops: list[Section] = []
    first = found[0][1].start if found else len(text)
    if first > 0:
        tops.append(_block(text, 0, first, 1, "#0"))
    i = 0
    while i < len(found):
        level, span = found[i]
        j = i + 1
        while j < len(found) and found[j][0] > 1:
            j += 1
        end = found[j][1].start if j < len(found) else len(text)
        k = len(tops)
        kids = []
        for n, (_, ks) in enumerate(found[i + 1 : j]):
            kend = found[i + 2 + n][1].start if i + 2 + n < j else end
            kids.append(_section(text, ks, kend, 2, f"#{k}/#{n}", ()))
        tops.append(_section(text, span, end, 1, f"#{k}", tuple(kids)))
        i = j
    root = attrs.evolve(report.root, body="", children=tuple(tops), span=Span(0, len(text)),
                        body_span=Span(0, 0))
    assert root.text() == text
    return attrs.evolve(report, root=root)


def series_reports(series: str, gold: bool) -> list[Report]:
    files = sorted((SHARED / "corpus" / series).glob("*.txt"))
    reports = read_reports([str(f) for f in files])
    if not gold or not (SHARED / "gold" / "sections" / series).is_dir():
        return reports  # no sections gold (the parser's trees are the gold's)
    return [gold_tree(r, gold_headings(series, r.year)) for r in reports]


def score(series: str, csv_path: Path, pairs: str | None, verbose: bool) -> str:
    cmd = [sys.executable, str(SHARED / "eval" / "score.py"), "align", "--gold",
           str(SHARED / "gold" / SERIES[series]), "--pred", str(csv_path)]
    if pairs:
        cmd += ["--pairs", pairs]
    if verbose:
        cmd.append("-v")
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    if verbose:
        return out
    lines = out.strip().splitlines()
    extra = [ln for ln in lines if ln.startswith("added/removed")]
    return " | ".join([lines[-1], *extra])


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("series", nargs="*", default=list(SERIES))
    ap.add_argument("--parsed", action="store_true", help="use the parser's trees instead of the gold trees")
    ap.add_argument("-v", action="store_true", help="print the scorer's misses")
    args = ap.parse_args(argv)
    for series in args.series:
        reports = series_reports(series, gold=not args.parsed)
        al = align(reports)
        years = [r.year for r in reports]
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "al.csv"
            path.write_text(to_csv(Table(CSV_COLUMNS, tuple(pair_rows(al))), guard=False), encoding="utf-8")
            pairs = [f"{a}-{b}" for a, b in itertools.pairwise(years)]
            half = len(pairs) // 2
            print(f"{series} ({'parsed' if args.parsed else 'gold'} trees)")
            print(f"  all   {score(series, path, None, args.v)}")
            print(f"  early {','.join(pairs[:half])}: {score(series, path, ','.join(pairs[:half]), False)}")
            print(f"  late  {','.join(pairs[half:])}: {score(series, path, ','.join(pairs[half:]), False)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
