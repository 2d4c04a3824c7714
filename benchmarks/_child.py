"""Run one timed command as a child process: CPU, wall time and peak memory, with a timeout.

Every figure of benchmarks/run.py comes from here.  The child is started in its own session
and reaped with ``os.wait4``, whose ``rusage`` is that one child's (its user + system CPU
time and its peak resident set size, ``ru_maxrss``).  This is the per-child form of
``resource.getrusage(RUSAGE_CHILDREN)``: the CPU deltas would be the same, but
``RUSAGE_CHILDREN``'s ``ru_maxrss`` is the largest of *all* children so far, so a delta
cannot isolate one child's peak, and ``wait4`` can.

A command is either *cold* (the figure is the whole process: start-up, imports, work) or
*inner* (the child times its own work after its imports and prints one JSON line
``{"cpu": s, "wall": s}`` last on standard output; the figure is that, the memory is still
the whole child's peak).
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import statistics
import subprocess
import tempfile
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path


def seconds(x: float) -> str:
    """A time in 8 characters: ``12.345 s``, ``123.4 ms``, `` 56.7 µs``."""
    if x >= 1:
        return f"{x:6.3f} s"
    if x >= 1e-3:
        return f"{x * 1e3:5.1f} ms"
    return f"{x * 1e6:5.1f} µs"


@dataclass(frozen=True)
class Result:
    """The median of the runs of one command (or why there is none).

    ``cpu`` and ``wall`` are medians in seconds; ``rss_mb`` is the largest peak RSS of the
    runs in MiB.  ``timeout`` is the limit in seconds when a run hit it (``cpu`` is then the
    CPU time the killed child had used); ``error`` names a failed run; ``skipped`` says why a
    run was not made.  A result with none of the three holds figures.
    """

    cpu: float = 0.0
    wall: float = 0.0
    rss_mb: float = 0.0
    runs: int = 0
    timeout: float | None = None
    error: str | None = None
    skipped: str | None = None

    @property
    def ok(self) -> bool:
        """Whether the result holds figures."""
        return self.timeout is None and self.error is None and self.skipped is None

    def describe(self) -> str:
        """``cpu 1.23 s wall 2.34 s``, ``timeout >60s (cpu 21.0 s)``, ``error: …``, ``skipped: …``."""
        if self.timeout is not None:
            return f"timeout >{self.timeout:g}s (cpu {seconds(self.cpu).strip()} used)"
        if self.skipped is not None:
            return f"skipped: {self.skipped}"
        if self.error is not None:
            return f"error: {self.error}"
        return f"cpu {seconds(self.cpu)} wall {seconds(self.wall)}"


@dataclass(frozen=True)
class _Run:
    cpu: float
    wall: float
    rss_mb: float


def _kill_group(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pid, signal.SIGKILL)


def run_once(
    argv: Sequence[str],
    *,
    timeout: float,
    env: Mapping[str, str],
    cwd: Path,
    inner: bool = False,
    ok_codes: tuple[int, ...] = (0,),
) -> _Run | Result:
    """Run ``argv`` once; its figures, or a :class:`Result` saying it timed out or failed."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(
            list(argv), stdout=out, stderr=err, env=dict(env), cwd=cwd, start_new_session=True
        )
        timer = threading.Timer(timeout, _kill_group, args=(proc.pid,))
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        _kill_group(proc.pid)  # anything the child left behind in its session
        if wall >= timeout or proc.returncode == -signal.SIGKILL:
            return Result(cpu=usage.ru_utime + usage.ru_stime, timeout=timeout)
        if proc.returncode not in ok_codes:
            err.seek(0)
            tail = err.read().decode("utf-8", "replace").strip().splitlines()[-1:]
            return Result(error=f"exit {proc.returncode}: {' '.join(tail)[:200]}")
        rss_mb = usage.ru_maxrss / 1024  # kilobytes on Linux
        if not inner:
            return _Run(usage.ru_utime + usage.ru_stime, wall, rss_mb)
        out.seek(0)
        lines = out.read().decode("utf-8", "replace").strip().splitlines()
        try:
            figures = json.loads(lines[-1])
            return _Run(float(figures["cpu"]), float(figures["wall"]), rss_mb)
        except (IndexError, ValueError, KeyError, TypeError):
            return Result(error="the child printed no timing line")


def measure(
    argv: Sequence[str],
    *,
    repeat: int,
    timeout: float,
    env: Mapping[str, str],
    cwd: Path,
    inner: bool = False,
    ok_codes: tuple[int, ...] = (0,),
) -> Result:
    """The medians of ``repeat`` runs of ``argv``; the first timeout or failure ends the runs."""
    runs: list[_Run] = []
    for _ in range(repeat):
        got = run_once(argv, timeout=timeout, env=env, cwd=cwd, inner=inner, ok_codes=ok_codes)
        if isinstance(got, Result):
            return got
        runs.append(got)
    return Result(
        cpu=statistics.median(r.cpu for r in runs),
        wall=statistics.median(r.wall for r in runs),
        rss_mb=max(r.rss_mb for r in runs),
        runs=len(runs),
    )
