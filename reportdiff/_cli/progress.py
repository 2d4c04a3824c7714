"""A status line on standard error for long runs: shown only on a terminal, never with ``--quiet``."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class StatusLine:
    """Writes ``step done/total`` over itself on a terminal; silent when piped or quiet.

    Output goes to standard error, so piped standard output never holds it.
    """

    def __init__(self, *, quiet: bool = False, stream: TextIO | None = None, interval: float = 0.2) -> None:
        self.stream = stream if stream is not None else sys.stderr
        isatty = getattr(self.stream, "isatty", None)
        self.enabled = not quiet and bool(isatty and isatty())
        self.interval = interval
        self._last = 0.0
        self._shown = False

    def __call__(self, step: str, done: int, total: int) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if done < total and now - self._last < self.interval:
            return
        self._last = now
        self.stream.write(f"\r\x1b[K{step} {done}/{total}")
        self.stream.flush()
        self._shown = True

    def close(self) -> None:
        """Clear the line (call before printing a final status)."""
        if self.enabled and self._shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
