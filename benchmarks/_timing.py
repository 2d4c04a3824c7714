"""The timing helper of the in-process benchmark scripts: run a callable N times, keep CPU and wall.

``run.py`` times whole child processes (``_child.py``); the scripts that time a function inside
one process (``gov_series.py``, ``align_scale.py``, ``indicators_scaling.py``) use this instead, so
they all take their figures the same way: ``time.process_time`` (CPU seconds of this process,
what to read on a shared machine) and ``time.perf_counter`` (wall seconds) around each run.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Runs:
    """The CPU and wall seconds of each run of one callable, and the last run's result."""

    cpu: tuple[float, ...]
    wall: tuple[float, ...]
    result: Any

    @property
    def best_cpu(self) -> float:
        """The least CPU time: the run the machine disturbed least."""
        return min(self.cpu)

    @property
    def median_cpu(self) -> float:
        """The median CPU time."""
        return statistics.median(self.cpu)

    @property
    def median_wall(self) -> float:
        """The median wall time."""
        return statistics.median(self.wall)


def runs(fn: Callable[[], object], repeat: int = 1, *, before: Callable[[], object] | None = None) -> Runs:
    """Call ``fn`` ``repeat`` times (at least once), timing each call.

    Args:
        fn: the work to time.
        repeat: how many runs.
        before: called before each run, outside the time (e.g. to clear a cache so every
            run starts cold).
    """
    cpu, wall = [], []
    result: object = None
    for _ in range(max(1, repeat)):
        if before is not None:
            before()
        c, w = time.process_time(), time.perf_counter()
        result = fn()
        cpu.append(time.process_time() - c)
        wall.append(time.perf_counter() - w)
    return Runs(tuple(cpu), tuple(wall), result)
