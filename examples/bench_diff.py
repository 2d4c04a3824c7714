"""Benchmark reportdiff's text diff against difflib and raw diff-match-patch.

Run from the repository root::

    python3 examples/bench_diff.py            # all nine pairs 2010→2019
    python3 examples/bench_diff.py --dmp-timeout 2
    python3 examples/bench_diff.py --scaling  # doubling the length, up to ~350K characters

For each consecutive pair of fixtures/gov-work-report it times, on the same
two whole texts:

* reportdiff ``diff_texts`` at word granularity (the default) and at char
  granularity, moves and statistics included;
* ``difflib.SequenceMatcher(None, a, b).get_opcodes()`` over characters;
* raw character-level diff-match-patch ``diff_main`` with a bounded
  ``Diff_Timeout`` (it stops early and returns a coarse diff when the time is
  up; the table says whether it did).

Then it diffs all nine pairs section by section along the alignment
(``reportdiff._align``; parsing and alignment excluded from the time) with
:func:`diff_sections`.

``--scaling`` instead diffs texts made by joining 1, 2, 4, 8 and 16 fixture
years (about 22K to 350K characters; year ``y`` against year ``y+1`` for each
slot) and prints each size's time, its growth over the size before (the
target is at most ~2.2x per doubling) and its ratio to a floor timed in the
same run: cutting both texts into word tokens (linear in the length).
This is a script, not a test: times depend on the machine.
"""

from __future__ import annotations

import argparse
import difflib
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import diff_match_patch

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reportdiff import _diff as rdiff  # noqa: E402
from reportdiff import _tokens  # noqa: E402
from reportdiff.model import Granularity, Op, SectionsDiff, TextDiff  # noqa: E402

SERIES = ROOT / "fixtures" / "gov-work-report"
YEARS = range(2010, 2020)


def timed(fn: Callable[[], object]) -> tuple[float, object]:
    start = time.process_time()  # CPU seconds: the machine is shared
    result = fn()
    return time.process_time() - start, result


def best_of(n: int, fn: Callable[[], object]) -> tuple[float, object]:
    """The least time of ``n`` runs (the machine is shared; the minimum is the
    least disturbed run).  reportdiff's cache of segmented Chinese runs is
    cleared before each run, so every run segments both texts from scratch."""
    best = float("inf")
    result: object = None
    for _ in range(n):
        _tokens._RUN_CACHE.clear()
        seconds, result = timed(fn)
        best = min(best, seconds)
    return best, result


def diff_sections(pairs_of_texts: Sequence[tuple[str, str]]) -> tuple[float, SectionsDiff]:
    """Time reportdiff's section-by-section diff of ``(old, new)`` text pairs.

    Returns the seconds taken and the result (moves between pairs included).
    """
    seconds, result = timed(lambda: rdiff.diff_sections(pairs_of_texts))
    assert isinstance(result, SectionsDiff)
    return seconds, result


def aligned_pairs(years: Sequence[int]) -> list[list[tuple[str, str]]]:
    """For each consecutive pair of years, the texts of its aligned section pairs.

    Every pair the alignment reports is diffed (level-1 and level-2, splits and
    merges too) on the text each section owns directly, its heading and body
    (a level-1 section's sub-sections are pairs of their own); an added or
    removed section is diffed against ``""``.
    """
    from reportdiff._align import align
    from reportdiff._compare import read_reports

    reports = read_reports([SERIES / f"{y}.txt" for y in years])
    by_year = {r.year: r for r in reports}
    alignment = align(reports)
    out: dict[tuple[int, int], list[tuple[str, str]]] = {}
    for p in alignment.pairs:
        ya = p.a.year if p.a else p.b.year - 1  # type: ignore[union-attr]
        texts = []
        for ref in (p.a, p.b):
            s = by_year[ref.year].root.find(ref.path) if ref else None
            texts.append(s.heading + s.body if s else "")
        out.setdefault((ya, ya + 1), []).append((texts[0], texts[1]))
    return [out[k] for k in sorted(out)]


def scaling(repeat: int) -> int:
    """Diff time as the texts double, against a linear floor timed alongside."""
    texts = [(SERIES / f"{y}.txt").read_text(encoding="utf-8") for y in YEARS]
    rdiff.diff_texts("开始", "开头")  # loads the segmenter once
    print(f"{'slots':>5} {'chars':>15} {'diff s':>8} {'growth':>7} {'floor s':>8} {'diff/floor':>10}")
    prev = None
    worst = 0.0
    for k in (1, 2, 4, 8, 16):
        a = "\n\n".join(texts[i % 9] for i in range(k))
        b = "\n\n".join(texts[i % 9 + 1] for i in range(k))
        t_diff, d = best_of(repeat, lambda a=a, b=b: rdiff.diff_texts(a, b))
        assert isinstance(d, TextDiff) and not d.approximate
        t_floor, _ = best_of(
            repeat, lambda a=a, b=b: (rdiff.tokenize(a), rdiff.tokenize(b))
        )
        growth = t_diff / prev if prev else float("nan")
        if prev:
            worst = max(worst, growth)
        prev = t_diff
        print(
            f"{k:>5} {len(a):>7}/{len(b):<7} {t_diff:>8.3f} {growth:>6.2f}x {t_floor:>8.3f} "
            f"{t_diff / t_floor:>9.1f}x"
        )
    print(f"(CPU seconds, best of {repeat}; floor: word tokens of both texts, segmenter cache cleared)")
    print(f"largest growth per doubling: {worst:.2f}x (target <= 2.2x) {'OK' if worst <= 2.2 else 'MISSED'}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument(
        "--dmp-timeout", type=float, default=2.0, help="diff-match-patch's time limit (s)"
    )
    ap.add_argument("--no-sections", action="store_true", help="skip the section-by-section run")
    ap.add_argument(
        "--repeat", type=int, default=3, help="runs per measurement; the least time counts"
    )
    ap.add_argument("--scaling", action="store_true", help="time doubling lengths instead")
    args = ap.parse_args(argv)
    if args.scaling:
        return scaling(args.repeat)

    texts = {y: (SERIES / f"{y}.txt").read_text(encoding="utf-8") for y in YEARS}
    init, _ = timed(lambda: rdiff.diff_texts("开始", "开头"))  # loads rjieba's dictionary once
    print(f"one-time rjieba dictionary load: {init:.2f} s (word granularity only)\n")

    head = (
        f"{'pair':<10} {'chars':>11} {'rd word':>8} {'rd char':>8} {'difflib':>8} "
        f"{'dmp':>7} {'dmp cut':>7} {'difflib/rd':>10} {'dmp/rd':>7}"
    )
    print(head)
    print("-" * len(head))
    worst = 0.0
    rows = []
    for y in YEARS[:-1]:
        a, b = texts[y], texts[y + 1]
        t_word, d = best_of(args.repeat, lambda a=a, b=b: rdiff.diff_texts(a, b))
        t_char, dc = best_of(
            args.repeat, lambda a=a, b=b: rdiff.diff_texts(a, b, granularity=Granularity.CHAR)
        )
        for res in (d, dc):
            assert isinstance(res, TextDiff)
            assert not res.approximate
            old = "".join(e.text for e in res.edits if e.op is not Op.INSERT)
            new = "".join(e.text for e in res.edits if e.op is not Op.DELETE)
            assert (old, new) == (a, b), "not exact"
        t_difflib, _ = best_of(
            args.repeat, lambda a=a, b=b: difflib.SequenceMatcher(None, a, b).get_opcodes()
        )
        dmp = diff_match_patch.diff_match_patch()
        dmp.Diff_Timeout = args.dmp_timeout
        wall = time.perf_counter()
        t_dmp, _ = timed(lambda a=a, b=b, dmp=dmp: dmp.diff_main(a, b))
        cut = "yes" if time.perf_counter() - wall >= args.dmp_timeout else "no"  # its limit is wall time
        worst = max(worst, t_word, t_char)
        rows.append((t_word, t_char, t_difflib, t_dmp))
        print(
            f"{y}→{y + 1:<5} {len(a):>5}/{len(b):<5} {t_word:>8.3f} {t_char:>8.3f} {t_difflib:>8.3f} "
            f"{t_dmp:>7.2f} {cut:>7} {t_difflib / t_word:>9.1f}x {t_dmp / t_word:>6.1f}x"
        )
    tot = [sum(r[i] for r in rows) for i in range(4)]
    print("-" * len(head))
    print(
        f"{'total':<22} {tot[0]:>8.3f} {tot[1]:>8.3f} {tot[2]:>8.3f} {tot[3]:>7.2f} {'':>7} "
        f"{tot[2] / tot[0]:>9.1f}x {tot[3] / tot[0]:>6.1f}x"
    )
    print(f"(best of {args.repeat} runs each; dmp run once)")
    print(f"median reportdiff word: {statistics.median(r[0] for r in rows):.3f} s")
    print(
        f"slowest reportdiff whole-document diff: {worst:.3f} s (target < 0.3 s) "
        f"{'OK' if worst < 0.3 else 'MISSED'}"
    )

    if not args.no_sections:
        try:
            pairs = aligned_pairs(list(YEARS))
        except ImportError as e:  # the alignment module is not there yet
            print(f"\nsection-by-section: skipped ({e})")
            return 0
        total = float("inf")
        for _ in range(args.repeat):  # the whole series, cold cache each time
            _tokens._RUN_CACHE.clear()
            run_total = 0.0
            n = moves = 0
            for p in pairs:
                seconds, sd = diff_sections(p)
                assert not sd.approximate
                run_total += seconds
                n += len(p)
                moves += len(sd.moves)
            total = min(total, run_total)
        print(
            f"\nsection-by-section along the alignment, 9 pairs, {n} section pairs: "
            f"{total:.3f} s (target < 2 s) {'OK' if total < 2 else 'MISSED'}; "
            f"{moves} moves between sections"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
