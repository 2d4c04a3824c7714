"""Benchmark: how align time grows with the number of sections (10, 100, 800
top-level parts), against a baseline timed in the same run.

Two synthetic "years" of an English report: N parts, each a heading and two
paragraphs drawn from a fixed vocabulary (seeded, so every run times the same
input); the second year shuffles a tenth of the parts, rewords a third of the
sentences, drops 5% of the parts and adds as many new ones.  Trees are built
directly from the headings (parsing is not timed).  The baseline is what a
naive aligner does: difflib's ``SequenceMatcher.ratio`` of every heading of
year A against every heading of year B (quadratic).

Run from the project root::

    PYTHONPATH=$PWD python3 benchmarks/align_scale.py [--sizes 10 100 800] [--repeat 3]
"""

from __future__ import annotations

import argparse
import difflib
import random
import sys
import tracemalloc
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _timing import runs
from align_gold import gold_tree

from reportdiff._align import align
from reportdiff._load import load_text
from reportdiff._parse import parse
from reportdiff.model import Report

WORDS = [f"w{i:04d}" for i in range(3000)]


def _sentence(rng: random.Random, topic: list[str]) -> str:
    words = [rng.choice(topic) if rng.random() < 0.6 else rng.choice(WORDS) for _ in range(rng.randint(12, 20))]
    return " ".join(words).capitalize() + "."


def _year(year: int, parts: Sequence[tuple[str, list[str]]]) -> Report:
    lines = [f"Report {year}", ""]
    heads = []
    for title, paras in parts:
        lines += [title, "", *(p + "\n" for p in paras)]
        heads.append((1, title))
    text = "\n".join(lines)
    report = parse(load_text(text, path=f"{year}.txt", year=year))
    return gold_tree(report, heads)


def series(n: int, seed: int = 7) -> list[Report]:
    """Two years with ``n`` parts each."""
    rng = random.Random(seed)
    topics = [[rng.choice(WORDS) for _ in range(25)] for _ in range(n + n // 20 + 1)]
    a = []
    for k in range(n):
        paras = [" ".join(_sentence(rng, topics[k]) for _ in range(4)) for _ in range(2)]
        a.append((f"Section {' '.join(rng.sample(topics[k], 3))}", paras))
    b = []
    for k, (title, paras) in enumerate(a):
        if rng.random() < 0.05:
            continue
        new = [" ".join(s if rng.random() > 0.33 else _sentence(rng, topics[k]) for s in p.split(". ")) for p in paras]
        b.append((title if rng.random() > 0.3 else f"Section {' '.join(rng.sample(topics[k], 3))}", new))
    for k in range(n, n + n - len(b)):
        b.append((f"Section {' '.join(rng.sample(topics[k % len(topics)], 3))} new",
                  [" ".join(_sentence(rng, topics[k % len(topics)]) for _ in range(4)) for _ in range(2)]))
    for _ in range(n // 10):
        i, j = rng.randrange(len(b)), rng.randrange(len(b))
        b[i], b[j] = b[j], b[i]
    return [_year(2020, a), _year(2021, b)]


def baseline(reports: Sequence[Report]) -> int:
    """Every heading of A against every heading of B with difflib; pairs above 0.5."""
    ha = [s.heading for s in reports[0].sections() if s.level == 1 and s.heading]
    hb = [s.heading for s in reports[1].sections() if s.level == 1 and s.heading]
    found = 0
    for h in ha:
        best = max((difflib.SequenceMatcher(None, h, x).ratio() for x in hb), default=0.0)
        found += best >= 0.5
    return found


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 800])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    print(f"{'parts':>6} {'align s':>9} {'baseline s':>11} {'align/base':>11} {'align s/part':>13} {'peak MB':>8}")
    first: float | None = None
    align(series(5))  # warm up: imports and caches are not what is measured
    for n in args.sizes:
        rs = series(n)
        t_align = runs(lambda rs=rs: align(rs), args.repeat).median_wall
        t_base = runs(lambda rs=rs: baseline(rs), args.repeat).median_wall
        tracemalloc.start()
        align(rs)
        peak = tracemalloc.get_traced_memory()[1] / 1e6
        tracemalloc.stop()
        per = t_align / n
        first = first or per
        print(f"{n:>6} {t_align:>9.3f} {t_base:>11.3f} {t_align / t_base:>11.2f} {per:>13.5f} {peak:>8.1f}"
              f"   (per-part cost ×{per / first:.2f} of the smallest size)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
