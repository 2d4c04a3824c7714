"""Benchmark: align the ten government work reports 2010–2019 (parsing excluded).

Compares :func:`reportdiff._align.align` with a naive baseline measured in the
same run: every level-1/level-2 heading of one year against every heading of the
next with difflib's ``SequenceMatcher.ratio`` (heading text only, best partner
above 0.5).  Run from the project root:

    python3 examples/bench_align.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import difflib
import itertools
import statistics
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from reportdiff._align import align
from reportdiff._compare import read_reports
from reportdiff.model import Report

ROOT = Path(__file__).resolve().parent.parent
FILES = [ROOT / "fixtures" / "gov-work-report" / f"{y}.txt" for y in range(2010, 2020)]


def baseline(reports: Sequence[Report]) -> list[tuple[str, str]]:
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


def timed(fn: Callable[[], object], repeat: int) -> float:
    """The median wall time of ``repeat`` runs, in seconds."""
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per measurement (median is reported)")
    args = parser.parse_args()
    t = time.perf_counter()
    reports = read_reports(FILES)
    parse_s = time.perf_counter() - t
    ours = timed(lambda: align(reports), args.repeat)
    base = timed(lambda: baseline(reports), args.repeat)
    n_sections = sum(1 for r in reports for s in r.sections() if s.level in (1, 2) and s.heading)
    print(f"reports: {len(reports)} ({reports[0].year}–{reports[-1].year}), {n_sections} level-1/2 sections; "
          f"parsing (excluded): {parse_s:.3f} s")
    print(f"align (median of {args.repeat}):            {ours:.3f} s  (target < 1 s: {'ok' if ours < 1 else 'MISSED'})")
    print(f"baseline difflib headings (median of {args.repeat}): {base:.3f} s")
    print(f"ratio align / baseline: {ours / base:.1f}x")


if __name__ == "__main__":
    main()
