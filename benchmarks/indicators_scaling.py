"""How indicator extraction and series linking grow with input size (issue 12).

Usage (from the project root)::

    python3 benchmarks/indicators_scaling.py [--quick]

Prints CPU seconds (median of three runs) and the ratio between successive doublings for

* ``extract`` on one long line with no sentence stop (``增长6.6%`` repeated n times);
* the baseline measured in the same run: the same text with ``。`` after every number
  (short sentences, the case that was always linear);
* ``link_series`` + the year table on n copies of the fixture years (the years shifted so
  each copy is a new run of reports).

Linear growth shows as ratios near 2.0 per doubling; the target is at most ~2.2.
"""

from __future__ import annotations

import itertools
import sys
from collections.abc import Callable
from pathlib import Path

import attrs

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from _timing import runs  # noqa: E402

from reportdiff._indicators import extract  # noqa: E402
from reportdiff.tables.trends import tidy_frame, wide_table  # noqa: E402
from reportdiff.trends import link_series  # noqa: E402


def cpu(fn: Callable[[], object], repeat: int = 3) -> float:
    """Median CPU seconds of ``fn``."""
    return runs(fn, repeat).median_cpu


def row(name: str, sizes: list[int], secs: list[float]) -> str:
    """One line: the seconds per size and the ratio of each doubling."""
    ratios = [b / a if a else float("nan") for a, b in itertools.pairwise(secs)]
    cells = "  ".join(f"{n}: {s:.3f}s" for n, s in zip(sizes, secs, strict=True))
    return f"{name:<34} {cells}  doubling ratios {' '.join(f'{r:.2f}' for r in ratios)}"


def main(argv: list[str]) -> int:
    """Run the measurements and print them."""
    quick = "--quick" in argv
    sizes = [1000, 2000, 4000] if quick else [2000, 4000, 8000, 16000]
    long_line = [cpu(lambda n=n: extract("增长6.6%" * n, language="zh")) for n in sizes]
    stops = [cpu(lambda n=n: extract("增长6.6%。" * n, language="zh")) for n in sizes]
    print(row("extract, one line, no stop", sizes, long_line))
    print(row("baseline: extract, 。 after each", sizes, stops))
    print("ratio long line / baseline at the largest size: %.2f" % (long_line[-1] / stops[-1]))
    texts = sorted((ROOT / "fixtures" / "gov-work-report").glob("*.txt"))
    base = [q for p in texts for q in extract(p.read_text(encoding="utf-8-sig"), year=int(p.stem))]
    span = max(q.year for q in base) - min(q.year for q in base) + 1
    copies = [1, 2, 4] if quick else [1, 2, 4, 8]
    def corpus(k: int) -> list[object]:
        return [attrs.evolve(q, year=q.year + i * span) for i in range(k) for q in base]

    link = []
    for k in copies:
        qs = corpus(k)
        link.append(cpu(lambda qs=qs: wide_table(tidy_frame(qs, link_series(qs))), repeat=1))  # type: ignore[arg-type]
    print(row("link_series + year table (copies)", [len(texts) * k for k in copies], link))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
