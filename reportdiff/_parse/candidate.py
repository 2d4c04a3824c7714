"""A heading found in the text, before the section tree is built."""

from __future__ import annotations

import attrs


@attrs.frozen
class Candidate:
    """A heading found in the text, before the tree is built."""

    start: int
    """Offset of the numbering token (or the heading's first character)."""
    end: int
    """End of the heading text."""
    line_end: int
    """End of the line that holds the heading."""
    number: str
    scheme: str
    ordinal: int | None
    title: str
    rank: int | None = None
    """An explicit level for schemes that carry one (Markdown ``#``), else None."""
    warnings: tuple[str, ...] = ()
