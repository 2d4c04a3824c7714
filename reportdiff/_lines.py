"""Line iteration shared by the Chinese and English heading finders."""

from __future__ import annotations

from collections.abc import Iterator


def iter_lines(text: str, start: int = 0) -> Iterator[tuple[int, int]]:
    """(start, end) of each line of ``text`` from ``start``; end excludes the line break.

    >>> list(iter_lines("ab\\n\\ncd"))
    [(0, 2), (3, 3), (4, 6)]
    """
    pos = start
    n = len(text)
    while pos < n:
        e = text.find("\n", pos)
        if e < 0:
            e = n
        yield pos, e
        pos = e + 1
