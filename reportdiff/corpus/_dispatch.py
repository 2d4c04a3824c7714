"""Running series jobs on a ``concurrent.futures.Executor`` or a Dask ``Client``.

Both are driven the same way: submit one job per series, collect the results
as they complete.  A Dask client is recognised by its type's module, so Dask
is imported only when a client is passed in.
"""

from __future__ import annotations

import concurrent.futures as cf
import importlib
import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from reportdiff.corpus._work import FileError, SeriesJob, SeriesResult, Work, run_series

__all__ = ["default_executor", "is_dask_client", "results"]

Progress = Callable[[str, int, int], None]
"""``progress(series, done, total)``, called as each series completes."""


def is_dask_client(executor: object) -> bool:
    """Whether ``executor`` is a ``dask.distributed.Client`` (without importing Dask)."""
    module = type(executor).__module__ or ""
    return module.split(".")[0] == "distributed" and hasattr(executor, "gather") and hasattr(executor, "submit")


def default_executor(workers: int | None) -> cf.ProcessPoolExecutor:
    """A process pool of ``workers`` processes (default: one per core).

    Workers start from a fork server where the platform has one (safe when
    the caller runs threads, and quicker than spawning), else by spawning.
    """
    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    return cf.ProcessPoolExecutor(max_workers=workers, mp_context=ctx)


def _failed(job: SeriesJob, e: BaseException) -> SeriesResult:
    where = os.path.dirname(job.paths[0]) if job.paths else job.name
    msg = f"series {job.name} ({where}) failed in its worker: {type(e).__name__}: {e}"
    return SeriesResult(job.name, {}, (FileError(job.name, where, msg),), Work(), 0, 0.0)


def _dask(client: Any, jobs: Sequence[SeriesJob]) -> Iterator[SeriesResult]:
    as_completed: Any = importlib.import_module("distributed").as_completed
    futures = {client.submit(run_series, job, pure=False): job for job in jobs}
    for fut in as_completed(list(futures)):
        job = futures[fut]
        try:
            result: SeriesResult = fut.result()
        except Exception as e:
            result = _failed(job, e)
        fut.release()
        yield result


def _pool(executor: cf.Executor, jobs: Sequence[SeriesJob]) -> Iterator[SeriesResult]:
    futures = {executor.submit(run_series, job): job for job in jobs}
    for fut in cf.as_completed(futures):
        job = futures[fut]
        try:
            result = fut.result()
        except Exception as e:
            result = _failed(job, e)
        yield result


def results(executor: object, jobs: Sequence[SeriesJob], progress: Progress | None = None) -> list[SeriesResult]:
    """Run ``jobs`` on ``executor`` and return their results in job order.

    Args:
        executor: a ``concurrent.futures.Executor`` or a ``dask.distributed.Client``.
        jobs: one job per series.
        progress: called as ``progress(series, done, total)`` as each series completes.

    Returns:
        One result per job; a job whose worker died gives a result holding only its error.
    """
    run = _dask(executor, jobs) if is_dask_client(executor) else _pool(executor, jobs)  # type: ignore[arg-type]
    done: dict[str, SeriesResult] = {}
    for k, result in enumerate(run, start=1):
        done[result.name] = result
        if progress is not None:
            progress(result.name, k, len(jobs))
    return [done[job.name] for job in jobs]
