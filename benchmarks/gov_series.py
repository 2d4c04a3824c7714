"""Benchmark: align and diff the ten government work reports 2010–2019, each against baselines
timed in the same run on the same texts.

Run from the project root::

    PYTHONPATH=$PWD python3 benchmarks/gov_series.py                  # all three measurements
    PYTHONPATH=$PWD python3 benchmarks/gov_series.py --only align --repeat 5
    PYTHONPATH=$PWD python3 benchmarks/gov_series.py --only documents --dmp-timeout 2

``align``
    :func:`reportdiff._align.align` on the ten parsed reports (parsing excluded) against a naive
    matcher: every level-1/level-2 heading of one year against every heading of the next with
    difflib's ``SequenceMatcher.ratio`` (heading text only, best partner above 0.5).
``documents``
    For each consecutive pair of years, on the same two whole texts: reportdiff's ``diff_texts`` at
    word granularity (the default) and at char granularity, moves and statistics included, each
    checked to rebuild both texts exactly; ``difflib.SequenceMatcher(None, a, b).get_opcodes()``
    over characters; raw character-level diff-match-patch ``diff_main`` with a bounded
    ``Diff_Timeout`` (it stops early and returns a coarse diff when the time is up; the table says
    whether it did).
``sections``
    All nine pairs section by section along the alignment (parsing and alignment excluded from the
    time) with ``diff_sections``.

Every figure is the least CPU time of ``--repeat`` runs (the machine is shared; the least is the
least disturbed run), with reportdiff's cache of segmented Chinese runs cleared before each run.
How the diff grows with the length of the texts is ``benchmarks/run.py --only doubling``.
This is a measurement, not a test: times depend on the machine.
"""

from __future__ import annotations

import argparse
import difflib
import itertools
import statistics
import sys
from collections.abc import Sequence
from pathlib import Path

import diff_match_patch

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _timing import Runs, runs

from reportdiff import _diff as rdiff
from reportdiff import _tokens
from reportdiff._align import align
from reportdiff._compare import read_reports
from reportdiff.model import Granularity, Op, Report, SectionsDiff, TextDiff

ROOT = Path(__file__).resolve().parent.parent
SERIES = ROOT / "fixtures" / "gov-work-report"
YEARS = range(2010, 2020)
MEASUREMENTS = ("align", "documents", "sections")


def cold(fn: object, repeat: int) -> Runs:
    """``runs`` with the segmenter's cache cleared before each run, so each segments from scratch."""
    return runs(fn, repeat, before=_tokens._RUN_CACHE.clear)  # type: ignore[arg-type]


def heading_baseline(reports: Sequence[Report]) -> list[tuple[str, str]]:
    """All-pairs heading-only matcher: each section's best-scoring heading of the next year."""
    out = []
    for a, b in itertools.pairwise(reports):
        heads_b = [s.heading for s in b.sections() if s.level in (1, 2) and s.heading]
        for s in a.sections():
            if s.level not in (1, 2) or not s.heading:
                continue
            best = max(heads_b, key=lambda h: difflib.SequenceMatcher(None, s.heading, h).ratio())
            if difflib.SequenceMatcher(None, s.heading, best).ratio() >= 0.5:
                out.append((s.heading, best))
    return out


def measure_align(reports: Sequence[Report], repeat: int) -> None:
    ours = runs(lambda: align(reports), repeat)
    base = runs(lambda: heading_baseline(reports), repeat)
    n_sections = sum(1 for r in reports for s in r.sections() if s.level in (1, 2) and s.heading)
    print(f"align: {len(reports)} reports ({reports[0].year}–{reports[-1].year}), "
          f"{n_sections} level-1/2 sections, parsing excluded")
    print(f"  align                     cpu {ours.best_cpu:.3f} s  wall {ours.median_wall:.3f} s  "
          f"(target < 1 s: {'ok' if ours.best_cpu < 1 else 'MISSED'})")
    print(f"  baseline difflib headings cpu {base.best_cpu:.3f} s  wall {base.median_wall:.3f} s")
    print(f"  ratio align / baseline (cpu): {ours.best_cpu / base.best_cpu:.1f}x\n")


def _check_exact(d: object, a: str, b: str) -> None:
    assert isinstance(d, TextDiff)
    assert not d.approximate
    old = "".join(e.text for e in d.edits if e.op is not Op.INSERT)
    new = "".join(e.text for e in d.edits if e.op is not Op.DELETE)
    assert (old, new) == (a, b), "not exact"


def measure_documents(repeat: int, dmp_timeout: float) -> None:
    texts = {y: (SERIES / f"{y}.txt").read_text(encoding="utf-8") for y in YEARS}
    print("documents: whole texts of each pair of years")
    head = (
        f"{'pair':<10} {'chars':>11} {'rd word':>8} {'rd char':>8} {'difflib':>8} "
        f"{'dmp':>7} {'dmp cut':>7} {'difflib/rd':>10} {'dmp/rd':>7}"
    )
    print(head)
    print("-" * len(head))
    rows = []
    for y in YEARS[:-1]:
        a, b = texts[y], texts[y + 1]
        word = cold(lambda a=a, b=b: rdiff.diff_texts(a, b), repeat)
        char = cold(lambda a=a, b=b: rdiff.diff_texts(a, b, granularity=Granularity.CHAR), repeat)
        for r in (word, char):
            _check_exact(r.result, a, b)
        lib = runs(lambda a=a, b=b: difflib.SequenceMatcher(None, a, b).get_opcodes(), repeat)
        dmp = diff_match_patch.diff_match_patch()
        dmp.Diff_Timeout = dmp_timeout
        raw = runs(lambda a=a, b=b, dmp=dmp: dmp.diff_main(a, b))  # once: it is bounded by its limit
        cut = "yes" if raw.wall[0] >= dmp_timeout else "no"  # its limit is wall time
        row = (word.best_cpu, char.best_cpu, lib.best_cpu, raw.best_cpu)
        rows.append(row)
        print(
            f"{y}→{y + 1:<5} {len(a):>5}/{len(b):<5} {row[0]:>8.3f} {row[1]:>8.3f} {row[2]:>8.3f} "
            f"{row[3]:>7.2f} {cut:>7} {row[2] / row[0]:>9.1f}x {row[3] / row[0]:>6.1f}x"
        )
    tot = [sum(r[i] for r in rows) for i in range(4)]
    print("-" * len(head))
    print(
        f"{'total':<22} {tot[0]:>8.3f} {tot[1]:>8.3f} {tot[2]:>8.3f} {tot[3]:>7.2f} {'':>7} "
        f"{tot[2] / tot[0]:>9.1f}x {tot[3] / tot[0]:>6.1f}x"
    )
    print(f"(CPU seconds, best of {repeat} runs each; dmp run once)")
    print(f"median reportdiff word: {statistics.median(r[0] for r in rows):.3f} s")
    worst = max(max(r[0], r[1]) for r in rows)
    print(f"slowest reportdiff whole-document diff: {worst:.3f} s (target < 0.3 s) "
          f"{'OK' if worst < 0.3 else 'MISSED'}\n")


def aligned_pairs(reports: Sequence[Report]) -> list[list[tuple[str, str]]]:
    """For each consecutive pair of years, the texts of its aligned section pairs.

    Every pair the alignment reports is diffed (level-1 and level-2, splits and
    merges too) on the text each section owns directly, its heading and body
    (a level-1 section's sub-sections are pairs of their own); an added or
    removed section is diffed against ``""``.
    """
    by_year = {r.year: r for r in reports}
    out: dict[tuple[int, int], list[tuple[str, str]]] = {}
    for p in align(reports).pairs:
        ya = p.a.year if p.a else p.b.year - 1  # type: ignore[union-attr]
        texts = []
        for ref in (p.a, p.b):
            s = by_year[ref.year].root.find(ref.path) if ref else None
            texts.append(s.heading + s.body if s else "")
        out.setdefault((ya, ya + 1), []).append((texts[0], texts[1]))
    return [out[k] for k in sorted(out)]


def measure_sections(reports: Sequence[Report], repeat: int) -> None:
    pairs = aligned_pairs(reports)

    def series() -> list[SectionsDiff]:
        return [rdiff.diff_sections(p) for p in pairs]

    r = cold(series, repeat)
    diffs = r.result
    assert all(not sd.approximate for sd in diffs)
    n = sum(len(p) for p in pairs)
    moves = sum(len(sd.moves) for sd in diffs)
    print(
        f"sections: along the alignment, {len(pairs)} pairs of years, {n} section pairs: "
        f"cpu {r.best_cpu:.3f} s (target < 2 s) {'OK' if r.best_cpu < 2 else 'MISSED'}, "
        f"wall {r.median_wall:.3f} s; {moves} moves between sections"
    )


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", action="append", choices=MEASUREMENTS, help="one measurement (repeatable)")
    ap.add_argument("--repeat", type=int, default=3, help="runs per figure; the least CPU time counts")
    ap.add_argument("--dmp-timeout", type=float, default=2.0, help="diff-match-patch's time limit (s)")
    args = ap.parse_args(argv)
    chosen = args.only or list(MEASUREMENTS)
    reports = read_reports([SERIES / f"{y}.txt" for y in YEARS])
    init = runs(lambda: rdiff.diff_texts("开始", "开头"))  # loads rjieba's dictionary once
    print(f"one-time rjieba dictionary load: {init.best_cpu:.2f} s (word granularity only; not in any figure)\n")
    if "align" in chosen:
        measure_align(reports, args.repeat)
    if "documents" in chosen:
        measure_documents(args.repeat, args.dmp_timeout)
    if "sections" in chosen:
        measure_sections(reports, args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
