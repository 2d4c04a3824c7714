"""reportdiff's benchmark suite: each figure beside a floor measured in the same run.

Run from the repository root (the worktree's code is what runs: its root is put first on the
children's PYTHONPATH)::

    python3 benchmarks/run.py                 # everything, medians of 3 runs, 60 s cap per run
    python3 benchmarks/run.py --quick         # smaller sizes, 1 run, 30 s cap: under ~2 minutes
    python3 benchmarks/run.py --only doubling --only indicators --repeat 5 --timeout 120

Every timed command runs as a child process (benchmarks/_child.py): CPU time (user + system)
and peak RSS are that child's own, read from ``os.wait4``'s rusage (the per-child form of
``getrusage(RUSAGE_CHILDREN)``); wall time is measured around it.  A *cold* figure is the whole
process (start-up, imports, work); an *inner* figure is timed by the child around the work
alone, after its imports and a warm-up call (peak memory is still the whole child's); work
under 0.2 s is repeated for 0.2 s and the mean per call counts.  Each
line prints the figure, its floor, the ratio figure / floor (CPU and wall), and peak memory.
Figures are medians of N runs (``--repeat``); a run over ``--timeout`` seconds is killed and
prints ``timeout >Ns`` (and the larger sizes of that measurement are skipped).  Only the CLI
and the top-level package names are used, so the suite survives changes to the internals.
Generated inputs go to a temporary directory, removed at the end.

The measurements and their floors (``--only NAME``):

``cold_diff``
    Cold CLI ``reportdiff diff 2018.txt 2019.txt --format json`` on two ~20K-character
    Chinese reports (fixtures/gov-work-report).  Floor: ``python3 -c`` that starts Python,
    reads both files and computes the character LCS with rapidfuzz ``Indel.opcodes``.
    Target: ratio ≤ 3.
``report``
    ``reportdiff report fixtures/gov-work-report/*.txt -o OUT.html`` (ten years).  Floor:
    ``python3 -c`` that imports pandas and matplotlib, reads the ten files, computes the LCS
    (``Indel.opcodes``) of the nine consecutive pairs and draws one PNG chart of their
    similarity.  Target: ratio ≤ 3, peak memory < 300 MB.
``doubling``
    Inner ``reportdiff.diff_texts(old, new)`` on pairs of ~22K, 44K, 88K, 176K, 352K
    characters, built by concatenating fixture years (old block j = year j mod 9, new block j
    = the year after).  Floor: inner character LCS of the same pair with rapidfuzz
    ``Indel.distance`` (the bit-parallel LCS of ``Indel.opcodes`` without the N x M bit matrix
    that opcodes keeps: 0.9 GB at 88K characters a side, 15 GB at 352K).  Each line also
    prints the time's growth over the previous size (target ≤ ~2.2× per doubling) and the
    floor's.
``indicators``
    Inner ``reportdiff.extract(line)`` on one line ``增长6.6%`` × 2k, 4k, 8k, 16k with no
    sentence stop.  Floor: inner ``re.finditer(r"增长(\\d+(?:\\.\\d+)?)%", line)`` over the same
    line.  Growth per doubling as for ``doubling`` (target ≤ ~2.2×).
``years``
    Cold CLI ``reportdiff align`` and ``reportdiff report`` on 6, 13 and 26 yearly reports made
    from the ten fixture years (cycled back and forth so each pair is two consecutive real
    years, each year perturbed deterministically: a sentence dropped, a number changed, the
    year relabelled in the file name and title).  Prints the time per pair (target: linear in
    pairs, growth exponent ~1).  Floors: for ``align``, ``python3 -c`` reading the files and
    computing the LCS of each consecutive pair; for ``report``, the ``report`` floor above on
    these files.
``sections``
    Inner ``reportdiff.align(reports)`` (parsing excluded) on two years of a report with 10,
    100 and 800 top-level sections generated from fixture sentences (the later year with
    sentences dropped, numbers changed, headings renamed, neighbours swapped).  Floor: inner
    difflib ``SequenceMatcher`` over the two lists of headings (``get_opcodes``, then in each
    replaced block every heading paired with its best ``ratio`` partner).  Prints the
    growth exponent between sizes (target: near-linear, ~1).

``--quick`` takes 1 run per figure, a 30 s cap, and smaller sizes: ``doubling`` up to 88K,
``indicators`` 500/1k/2k, ``years`` ``align`` only on 6 and 13 years, ``sections`` 10 and 100.

Exit status 0 whatever the figures (this is a measurement, not a test); 2 on bad arguments.
"""

from __future__ import annotations

import argparse
import compileall
import dataclasses
import math
import os
import platform
import shutil
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _inputs
from _child import Result, measure, seconds
from _probes import (
    ALIGN_INNER,
    DIFF_INNER,
    EXTRACT_INNER,
    FLOOR_DIFF,
    FLOOR_LCS_PAIRS,
    FLOOR_REPORT,
    HEADINGS_INNER,
    LCS_INNER,
    REGEX_INNER,
)

ROOT = _inputs.ROOT
MB = "MB"


@dataclass(frozen=True)
class Context:
    """What every measurement needs: run settings, the children's environment, a temp dir."""

    repeat: int
    timeout: float
    quick: bool
    tmp: Path
    env: dict[str, str]
    cli: tuple[str, ...]

    def run(self, argv: Sequence[str], *, inner: bool = False, ok: tuple[int, ...] = (0,)) -> Result:
        """The medians of ``self.repeat`` runs of ``argv`` (see ``_child.measure``)."""
        return measure(
            argv,
            repeat=self.repeat,
            timeout=self.timeout,
            env=self.env,
            cwd=ROOT,
            inner=inner,
            ok_codes=ok,
        )

    def py(self, code: str, *args: object, inner: bool = False) -> Result:
        """Run ``python3 -c code args…``."""
        return self.run([sys.executable, "-c", code, *map(str, args)], inner=inner)

    def reportdiff(self, *args: object, ok: tuple[int, ...] = (0,)) -> Result:
        """Run the ``reportdiff`` command cold."""
        return self.run([*self.cli, *map(str, args)], ok=ok)


def cli_command() -> tuple[str, ...]:
    """The ``reportdiff`` console script next to this Python, else ``python -m reportdiff``.

    The script next to ``sys.executable`` is what ``pip install`` wrote; a shim found on PATH
    (pyenv's) would add a shell start-up that is no part of reportdiff.
    """
    script = Path(sys.executable).parent / "reportdiff"
    if script.is_file() and script.read_bytes()[:2] == b"#!" and b"python" in script.read_bytes()[:200]:
        return (sys.executable, str(script))
    return (sys.executable, "-m", "reportdiff")


def child_env() -> dict[str, str]:
    """This environment with the repository first on PYTHONPATH and matplotlib's Agg backend."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    env["MPLBACKEND"] = "Agg"
    return env


# ---- printing -------------------------------------------------------------------------------


def ratio(fig: Result, floor: Result) -> tuple[float, float] | None:
    """figure / floor for CPU and wall time, when both hold figures."""
    if not (fig.ok and floor.ok) or floor.cpu <= 0 or floor.wall <= 0:
        return None
    return fig.cpu / floor.cpu, fig.wall / floor.wall


def growth(now: Result, before: Result | None) -> float | None:
    """CPU time of ``now`` over ``before``, when both hold figures."""
    if before is None or not (now.ok and before.ok) or before.cpu <= 0:
        return None
    return now.cpu / before.cpu


def exponent(now: Result, before: Result | None, n_now: float, n_before: float) -> float | None:
    """The growth exponent k of CPU time ~ n^k between two sizes."""
    g = growth(now, before)
    if g is None or g <= 0 or n_now == n_before:
        return None
    return math.log(g) / math.log(n_now / n_before)


def verdict(value: float | None, limit: float, what: str) -> str:
    """``target ≤3: ok`` / ``MISSED`` / ``n/a``."""
    if value is None:
        return f"{what}: n/a"
    return f"{what}: {'ok' if value <= limit else 'MISSED'}"


def line(name: str, case: str, fig: Result, floor: Result, *notes: str) -> None:
    """One result line: figure | floor | ratios | peak memory | notes."""
    r = ratio(fig, floor)
    ratios = f"ratio cpu {r[0]:7.1f}x wall {r[1]:7.1f}x" if r else f"ratio {'n/a':>23}"
    peak = f"peak {fig.rss_mb:5.0f} {MB} (floor {floor.rss_mb:4.0f})" if fig.ok else f"peak {'n/a':>19}"
    parts = [f"{name:<10} {case:<24}", fig.describe(), f"floor {floor.describe()}", ratios, peak]
    print(" | ".join(parts + [n for n in notes if n]), flush=True)


def fmt(x: float | None, spec: str = ".2f", suffix: str = "") -> str:
    """``x`` formatted, or ``n/a``."""
    return "n/a" if x is None else f"{x:{spec}}{suffix}"


SKIPPED = Result(skipped="a smaller size timed out")


# ---- measurements ---------------------------------------------------------------------------


def cold_diff(ctx: Context) -> None:
    """1. Cold CLI diff of two ~20K-character reports vs Python + read + Indel.opcodes.

    Three lines: the figure as the checkout runs it; the same code byte-compiled, as an
    installed copy runs it (only when this environment stops Python from writing ``.pyc``
    files, so that every run of the checkout compiles its modules from source); and what
    share of the figure start-up, imports and rjieba's dictionary take (:func:`start_share`).
    """
    a, b = _inputs.GOV / "2018.txt", _inputs.GOV / "2019.txt"
    args = ("diff", a, b, "--format", "json")
    fig = ctx.reportdiff(*args, ok=(0, 1))
    floor = ctx.py(FLOOR_DIFF, a, b)
    r = ratio(fig, floor)
    line("cold_diff", "2018→2019 --format json", fig, floor, verdict(r and r[0], 3, "target cpu ≤3x"))
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):
        compiled = dataclasses.replace(ctx, env=_compiled_env(ctx))
        fig_c = compiled.reportdiff(*args, ok=(0, 1))
        r = ratio(fig_c, floor)
        line("cold_diff", "  same, .pyc (installed)", fig_c, floor, verdict(r and r[0], 3, "target cpu ≤3x"),
             "PYTHONDONTWRITEBYTECODE is set here: the line above compiles reportdiff from source each run")
    print(f"{'cold_diff':<10} {'  where it goes':<24} | {start_share(ctx, b, fig)}", flush=True)


def _compiled_env(ctx: Context) -> dict[str, str]:
    """The children's environment with a byte-compiled copy of the package first on PYTHONPATH.

    pip byte-compiles a package when it installs it; a checkout run where Python may not
    write ``.pyc`` files (``PYTHONDONTWRITEBYTECODE``) compiles every module at every start.
    The copy (in the run's temporary directory) is the checkout's code, compiled once.
    """
    site = ctx.tmp / "compiled"
    if not (site / "reportdiff").is_dir():
        shutil.copytree(ROOT / "reportdiff", site / "reportdiff", ignore=shutil.ignore_patterns("__pycache__"))
        compileall.compile_dir(site / "reportdiff", quiet=1)
    env = dict(ctx.env)
    env["PYTHONPATH"] = os.pathsep.join([str(site), env.get("PYTHONPATH", "")])
    return env


def start_share(ctx: Context, same_file: Path, fig: Result) -> str:
    """What the figure pays before any diff work, as CPU medians and shares of the figure.

    ``python3 -c pass`` (Python's start-up), ``python3 -c "import rjieba"`` less that (rjieba
    builds its dictionary when imported), and ``reportdiff diff F F`` (start-up, every
    import, the dictionary, reading and cutting the text, a diff with nothing to find and
    its output): the figure less the last is the work of diffing two different texts.
    """
    startup = ctx.py("pass")
    jieba = ctx.py("import rjieba")
    same = ctx.reportdiff("diff", same_file, same_file, "--format", "json")
    if not (fig.ok and startup.ok and jieba.ok and same.ok):
        return "n/a"

    def part(cpu: float) -> str:
        return f"{seconds(cpu).strip()} ({cpu / fig.cpu:.0%})"

    return (
        f"of the figure's cpu {seconds(fig.cpu).strip()}: python start-up {part(startup.cpu)}, "
        f"rjieba's dictionary {part(jieba.cpu - startup.cpu)}, "
        f"`diff F F` (start-up, imports, dictionary, reading, no change) {part(same.cpu)}, "
        f"so the diff work and its output {part(fig.cpu - same.cpu)}"
    )


def report(ctx: Context) -> None:
    """2. ``reportdiff report`` on the ten fixture years vs the pandas/matplotlib/LCS floor."""
    files = _inputs.fixture_files()
    out = ctx.tmp / "report"
    out.mkdir(exist_ok=True)
    fig = ctx.reportdiff("report", *files, "-o", out / "report.html")
    floor = ctx.py(FLOOR_REPORT, out / "floor.png", *files)
    r = ratio(fig, floor)
    mem = verdict(fig.rss_mb if fig.ok else None, 300, "target peak <300 MB")
    line("report", f"{len(files)} fixture years", fig, floor, verdict(r and r[0], 3, "target cpu ≤3x"), mem)


def doubling(ctx: Context) -> None:
    """3. diff_texts time as document length doubles, beside the LCS floor's."""
    steps = 3 if ctx.quick else 5
    before: tuple[Result, Result, int] | None = None
    timed_out = False
    for size in _inputs.sizes(22_000, steps):
        a, b = _inputs.write_long_pair(ctx.tmp / "doubling" / str(size), size)
        n = len(a.read_text(encoding="utf-8")) + len(b.read_text(encoding="utf-8"))
        fig = SKIPPED if timed_out else ctx.py(DIFF_INNER, a, b, inner=True)
        floor = ctx.py(LCS_INNER, a, b, inner=True)
        timed_out = timed_out or fig.timeout is not None
        g = growth(fig, before[0] if before else None)
        gf = growth(floor, before[1] if before else None)
        size_step = n / before[2] if before else None
        notes = [
            f"step {fmt(g, '.2f', 'x')} (floor {fmt(gf, '.2f', 'x')}, size {fmt(size_step, '.2f', 'x')})" if before else "",
            verdict(g, 2.2, "target step ≤2.2x") if before else "",
        ]
        line("doubling", f"{n // 2:>7,} chars/side", fig, floor, *notes)
        before = (fig, floor, n)


def indicators(ctx: Context) -> None:
    """4. extract() on one long line with no sentence stop, beside a regex finditer."""
    counts = [500, 1000, 2000] if ctx.quick else [2000, 4000, 8000, 16000]
    before: tuple[Result, Result] | None = None
    timed_out = False
    for count in counts:
        path = _inputs.write_long_line(ctx.tmp / "indicators", count)
        fig = SKIPPED if timed_out else ctx.py(EXTRACT_INNER, path, inner=True)
        floor = ctx.py(REGEX_INNER, path, inner=True)
        timed_out = timed_out or fig.timeout is not None
        g = growth(fig, before[0] if before else None)
        gf = growth(floor, before[1] if before else None)
        notes = [
            f"step {fmt(g, '.2f', 'x')} (floor {fmt(gf, '.2f', 'x')})" if before else "",
            verdict(g, 2.2, "target step ≤2.2x") if before else "",
        ]
        line("indicators", f"增长6.6% x {count:>6,}", fig, floor, *notes)
        before = (fig, floor)


def years(ctx: Context) -> None:
    """5. align and report on 6, 13, 26 generated years: time per pair."""
    counts = [6, 13] if ctx.quick else [6, 13, 26]
    Run = Callable[[list[Path], Path], Result]
    commands: list[tuple[str, Run, Run, list[int]]] = [
        (
            "align",
            lambda files, _: ctx.reportdiff("align", *files, "--format", "csv"),
            lambda files, _: ctx.py(FLOOR_LCS_PAIRS, *files),
            counts,
        ),
        (
            "report",
            lambda files, out: ctx.reportdiff("report", *files, "-o", out / "report.html"),
            lambda files, out: ctx.py(FLOOR_REPORT, out / "floor.png", *files),
            [] if ctx.quick else counts,  # --quick: the 10-year `report` figure stands in
        ),
    ]
    for command, figure, floor_of, sizes in commands:
        before: tuple[Result, int] | None = None
        timed_out = False
        for count in sizes:
            files = _inputs.write_years(ctx.tmp / "years" / str(count), count)
            out = ctx.tmp / "years" / f"{count}-out"
            out.mkdir(exist_ok=True)
            fig = SKIPPED if timed_out else figure(files, out)
            floor = floor_of(files, out)
            timed_out = timed_out or fig.timeout is not None
            pairs = count - 1
            k = exponent(fig, before[0], pairs, before[1]) if before else None
            notes = [
                f"{fig.cpu / pairs:.3f}s cpu/pair" if fig.ok else "",
                f"exponent {fmt(k)} vs {before[1]} pairs" if before else "",
                verdict(k, 1.2, "target exponent ~1 (≤1.2)") if before else "",
            ]
            line("years", f"{command} {count} years", fig, floor, *notes)
            before = (fig, pairs)


def sections(ctx: Context) -> None:
    """6. align() for 10, 100, 800 top-level sections vs SequenceMatcher over the headings."""
    counts = [10, 100] if ctx.quick else [10, 100, 800]
    before: tuple[Result, Result, int] | None = None
    timed_out = False
    for count in counts:
        a, b = _inputs.write_parts(ctx.tmp / "sections" / str(count), count)
        fig = SKIPPED if timed_out else ctx.py(ALIGN_INNER, a, b, inner=True)
        floor = ctx.py(HEADINGS_INNER, a, b, inner=True)
        timed_out = timed_out or fig.timeout is not None
        prev_fig, prev_floor, prev_n = before if before else (None, None, count)
        k = exponent(fig, prev_fig, count, prev_n)
        kf = exponent(floor, prev_floor, count, prev_n)
        notes = [
            f"exponent {fmt(k)} (floor {fmt(kf)}) vs {prev_n}" if before else "",
            verdict(k, 1.2, "target exponent ~1 (≤1.2)") if before else "",
        ]
        line("sections", f"{count:>4} parts x 2 years", fig, floor, *notes)
        before = (fig, floor, count)


MEASUREMENTS: dict[str, Callable[[Context], None]] = {
    "cold_diff": cold_diff,
    "report": report,
    "doubling": doubling,
    "indicators": indicators,
    "years": years,
    "sections": sections,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the arguments, run the chosen measurements, print one line per figure."""
    ap = argparse.ArgumentParser(
        description=(__doc__ or "").splitlines()[0],
        epilog="The measurements and their floors are described in benchmarks/README.md.",
    )
    ap.add_argument("--quick", action="store_true", help="smaller sizes, 1 run, 30 s cap")
    ap.add_argument(
        "--only",
        action="append",
        choices=sorted(MEASUREMENTS),
        metavar="NAME",
        help=f"run only this measurement (repeatable): {', '.join(MEASUREMENTS)}",
    )
    ap.add_argument("--repeat", type=int, help="runs per figure, median reported (default 3; 1 with --quick)")
    ap.add_argument("--timeout", type=float, help="seconds per run before it is killed (default 60; 30 with --quick)")
    ap.add_argument("--keep", action="store_true", help="keep the generated inputs and print where")
    args = ap.parse_args(argv)
    repeat = args.repeat if args.repeat is not None else (1 if args.quick else 3)
    timeout = args.timeout if args.timeout is not None else (30.0 if args.quick else 60.0)
    if repeat < 1 or timeout <= 0:
        ap.error("--repeat must be ≥ 1 and --timeout > 0")
    tmp = Path(tempfile.mkdtemp(prefix="reportdiff-bench-"))
    ctx = Context(repeat, timeout, args.quick, tmp, child_env(), cli_command())
    print(
        f"reportdiff benchmarks: {ROOT} | python {platform.python_version()} | "
        f"{os.cpu_count()} cores, load {' '.join(f'{x:.1f}' for x in os.getloadavg())} | "
        f"median of {repeat} run(s), cap {timeout:g} s per run"
    )
    print(f"cli: {' '.join(ctx.cli)} | CPU = user+sys and peak RSS of each child from os.wait4 rusage")
    try:
        for name in args.only or list(MEASUREMENTS):
            MEASUREMENTS[name](ctx)
    finally:
        if args.keep:
            print(f"inputs kept in {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
