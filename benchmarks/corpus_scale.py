"""Corpus scale: 1 vs 2 workers, process pool vs Dask, and the cache's gain when a year is added.

Builds ``--series`` synthetic series (default 100) from the bundled fixtures,
``--years`` years each: every year is the year before lightly perturbed
(sentences dropped, numbers changed, sections reordered), deterministically
from the series and the year.  Then, in one run, with warmed workers (their
start-up is timed apart):

1. the corpus on a process pool of 1 worker and of 2 workers (the speed-up);
2. the same on a Dask ``LocalCluster`` of 2 worker processes (tables identical
   to the pool's, and Dask's overhead);
3. the cache: fill it, add one year to every series, and time the cached run
   against the uncached run of the grown corpus (the gain);

and prints the peak resident memory of each worker, as read inside it.

    python3 benchmarks/corpus_scale.py                # 100 series, 4 years each
    python3 benchmarks/corpus_scale.py --series 10    # quick
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import tempfile
import time
from pathlib import Path

import reportdiff
from reportdiff import corpus
from reportdiff.corpus._dispatch import default_executor

ROOT = Path(__file__).resolve().parents[1]
SOURCES = sorted([*ROOT.glob("fixtures/gov-work-report/*.txt"), *ROOT.glob("fixtures/berkshire-letters/*.txt"),
                  *ROOT.glob("fixtures/xishan-rule-of-law/*.txt")])
SENTENCE = re.compile(r"(?<=[。！？；.!?])\s*")
NUMBER = re.compile(r"\d+(?:\.\d+)?")

Sections = list[tuple[str, list[str]]]


def source_sections(path: Path, *, sections: int = 14, sentences: int = 8) -> Sections:
    """The first headed sections (levels 1–2) of a fixture, each with its first sentences."""
    report = reportdiff.read_report(path)
    out: Sections = []
    for s in report.sections():
        if not s.heading or s.level > 2:
            continue
        body = s.text()[len(s.heading):]
        if s.children:
            body = body[: max(0, s.children[0].span.start - s.span.start - len(s.heading))]
        parts = [x.strip() for x in SENTENCE.split(" ".join(body.split())) if x.strip()]
        out.append((s.heading.strip(), parts[:sentences]))
        if len(out) >= sections:
            break
    return out


def perturb(sections: Sections, rng: random.Random) -> Sections:
    """Next year's sections: ~10% of sentences dropped, ~30% of numbers changed, maybe two sections swapped."""
    def renumber(text: str) -> str:
        def one(m: re.Match[str]) -> str:
            if rng.random() >= 0.3:
                return m.group()
            value = float(m.group()) * rng.uniform(0.9, 1.2)
            return f"{value:.1f}" if "." in m.group() else str(max(1, round(value)))
        return NUMBER.sub(one, text)

    out = [(h, [renumber(x) for x in body if rng.random() >= 0.1]) for h, body in sections]
    if len(out) > 3 and rng.random() < 0.3:
        i = rng.randrange(1, len(out) - 1)
        out[i], out[i + 1] = out[i + 1], out[i]
    return out


def write_series(root: Path, index: int, years: int, base: dict[Path, Sections]) -> None:
    """Series ``index``: ``years`` files, ``2001.txt`` onwards, each perturbed from the one before."""
    src = SOURCES[index % len(SOURCES)]
    sections = base[src]
    folder = root / f"series-{index:03d}"
    folder.mkdir(parents=True, exist_ok=True)
    for k in range(years):
        sections = perturb(sections, random.Random(f"{index}/{k}"))
        text = "\n\n".join(f"{h}\n{' '.join(body) if src.parent.name == 'berkshire-letters' else ''.join(body)}"
                           for h, body in sections)
        (folder / f"{2001 + k}.txt").write_text(text + "\n", encoding="utf-8")


def _warm(seconds: float) -> int:
    """Load the library (and its word lists) in a worker; sleep so every worker gets one."""
    import os

    reportdiff.diff_texts("预热一下。Warm up.", "预热两下。Warm up now.")
    time.sleep(seconds)
    return os.getpid()


def timed(series: Path, executor: object, cache: Path | None = None) -> tuple[float, corpus.CorpusResult]:
    t = time.perf_counter()
    result = corpus.run(series, executor=executor, cache=cache)
    return time.perf_counter() - t, result


def csvs(result: corpus.CorpusResult) -> dict[str, str]:
    return {name: t.to_csv(index=False) for name, t in result.tables().items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--series", type=int, default=100, help="synthetic series to build (default 100)")
    ap.add_argument("--years", type=int, default=9, help="years per series before one is added (default 9)")
    ap.add_argument("--no-dask", action="store_true", help="skip the Dask LocalCluster run")
    args = ap.parse_args()

    work = Path(tempfile.mkdtemp(prefix="reportdiff-corpus-bench-"))
    try:
        base = {p: source_sections(p) for p in SOURCES}
        for i in range(args.series):
            write_series(work / "corpus", i, args.years, base)
        chars = sum(len(p.read_text(encoding="utf-8")) for p in (work / "corpus").rglob("*.txt"))
        print(f"{args.series} series × {args.years} years, {chars / args.series / args.years:,.0f} characters "
              f"per report on average ({len(SOURCES)} fixture sources)")
        peaks: list[float] = []

        pools = {}
        for n in (1, 2):
            t = time.perf_counter()
            pool = default_executor(n)
            list(pool.map(_warm, [0.5] * n))
            pools[n] = pool
            print(f"process pool of {n}: started and warmed in {time.perf_counter() - t:.1f} s")
        t1, r1 = timed(work / "corpus", pools[1])
        t2, r2 = timed(work / "corpus", pools[2])
        peaks += [*r1.peak_mb.values(), *r2.peak_mb.values()]
        assert csvs(r1) == csvs(r2), "1 and 2 workers gave different tables"
        print(f"1 worker : {t1:7.2f} s   ({r1.work.pairs_compared} pairs, {len(r1.errors)} errors; "
              f"{r1.cpu_seconds:.1f} CPU s in the worker)")
        print(f"2 workers: {t2:7.2f} s   speed-up {t1 / t2:.2f}× (target ≥ 1.7×); tables identical; "
              f"{r2.cpu_seconds:.1f} CPU s in the workers = {r2.cpu_seconds / t2:.2f} cores busy on average")

        if not args.no_dask:
            from distributed import Client, LocalCluster

            t = time.perf_counter()
            with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                              dashboard_address=None) as cluster, Client(cluster) as client:
                client.run(_warm, 0.0)
                start = time.perf_counter() - t
                td, rd = timed(work / "corpus", client)
            peaks += list(rd.peak_mb.values())
            same = csvs(rd) == csvs(r2)
            print(f"Dask LocalCluster(2): {td:7.2f} s   vs pool {t2:.2f} s: overhead {100 * (td / t2 - 1):+.1f}% "
                  f"(cluster start {start:.1f} s, not counted; {rd.cpu_seconds:.1f} CPU s in the workers); "
                  f"tables identical: {same}")
            assert same, "Dask and the process pool gave different tables"

        cache = work / "cache"
        tfill, _ = timed(work / "corpus", pools[2], cache)
        for i in range(args.series):
            write_series(work / "corpus", i, args.years + 1, base)
        tinc, rinc = timed(work / "corpus", pools[2], cache)
        tfull, rfull = timed(work / "corpus", pools[2])
        peaks += [*rinc.peak_mb.values(), *rfull.peak_mb.values()]
        assert csvs(rinc) == csvs(rfull), "the cached run differs from the uncached one"
        w = rinc.work
        print(f"cache: filling took {tfill:.2f} s; one year added to every series: uncached {tfull:.2f} s, "
              f"cached {tinc:.2f} s, gain {tfull / tinc:.1f}× (target ≥ 5×); tables identical")
        print(f"       in worker CPU seconds: uncached {rfull.cpu_seconds:.1f}, cached {rinc.cpu_seconds:.1f}, "
              f"gain {rfull.cpu_seconds / max(rinc.cpu_seconds, 1e-9):.1f}×")
        print(f"       cached run parsed {w.reports_parsed} reports ({w.reports_cached} from the cache) and "
              f"compared {w.pairs_compared} pairs ({w.pairs_cached} from the cache); relinked {w.links_made} series")
        print(f"peak memory per worker (ru_maxrss inside the worker): max {max(peaks):.0f} MB "
              f"(target < 300 MB), min {min(peaks):.0f} MB over {len(peaks)} worker readings")
        for pool in pools.values():
            pool.shutdown()
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
