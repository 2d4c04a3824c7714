"""Give freed memory back to the operating system between the big steps of a job.

A step that builds and drops many small objects and arrays (the aligner's
vectors and shingles, a diff's tokens) leaves the C allocator holding the
freed pages: the process keeps its peak size although little is alive, and the
next step grows on top of it.  On glibc, ``malloc_trim(0)`` returns those pages
(Dask's workers do the same); elsewhere :func:`release` does nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import sys
from collections.abc import Callable

__all__ = ["release"]


@functools.cache
def _trim() -> Callable[[int], int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        trim: Callable[[int], int] = libc.malloc_trim
    except (OSError, AttributeError):
        return None  # not glibc (musl has no malloc_trim)
    return trim


def release() -> None:
    """Return freed heap pages to the operating system, where the C library can.

    >>> release()  # never raises, returns nothing
    """
    trim = _trim()
    if trim is not None:
        trim(0)
