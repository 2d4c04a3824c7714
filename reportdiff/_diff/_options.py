"""The knobs of a diff, in one frozen record with documented defaults."""

from __future__ import annotations

from typing import Any

import attrs

from reportdiff._lcs import CELL_BUDGET
from reportdiff._tokens import Segmenter
from reportdiff.errors import ParseError
from reportdiff.model import Granularity

__all__ = ["MOVE_MIN_TOKENS", "MOVE_THRESHOLD", "DiffOptions"]

MOVE_THRESHOLD = 0.85
"""Default least character similarity of a deleted and an inserted sentence for a move."""

MOVE_MIN_TOKENS = 6
"""Default least number of words (Chinese: characters) in a sentence that can move."""


def _check(o: DiffOptions, attribute: attrs.Attribute[Any], value: object) -> None:
    name = attribute.name
    if name == "timeout" and value is not None and not (isinstance(value, int | float) and value >= 0):
        raise ParseError(f"timeout={value!r}: give seconds ≥ 0, or None for no limit")
    if name == "cell_budget" and not (isinstance(value, int) and value > 0):
        raise ParseError(f"cell_budget={value!r}: give a positive whole number of LCS cells")
    if name == "move_threshold" and not (isinstance(value, int | float) and 0 < value <= 1):
        raise ParseError(f"move_threshold={value!r}: give a similarity in (0, 1]")
    if name == "move_min_tokens" and not (isinstance(value, int) and value >= 1):
        raise ParseError(f"move_min_tokens={value!r}: give a whole number ≥ 1")


def _granularity(value: Granularity | str) -> Granularity:
    try:
        return Granularity(value)
    except ValueError:
        choices = ", ".join(g.value for g in Granularity)
        raise ParseError(f"granularity={value!r}: choose one of {choices}") from None


@attrs.frozen(kw_only=True)
class DiffOptions:
    """How a diff is made.  Every field is a keyword of :func:`~reportdiff._diff.diff_texts`.

    >>> DiffOptions(move_threshold=0.9).cell_budget
    400000000
    >>> DiffOptions(granularity="char").granularity
    <Granularity.CHAR: 'char'>
    """

    granularity: Granularity = attrs.field(default=Granularity.WORD, converter=_granularity)
    """The tokens compared: ``word`` (default), ``char`` or ``sentence``."""
    timeout: float | None = attrs.field(default=None, validator=_check)
    """Seconds the diff may take; None (default) for no limit."""
    detect_moves: bool = True
    """Report sentences deleted in one place and inserted in another as moves."""
    cleanup: bool = True
    """Merge trivial equalities for reading (semantic cleanup)."""
    segmenter: Segmenter | None = None
    """How Chinese runs are cut into words; None for rjieba's dictionary."""
    cell_budget: int = attrs.field(default=CELL_BUDGET, validator=_check)
    """Largest ``len(a) * len(b)`` in tokens given to one exact LCS (its bit matrix
    takes ``cell_budget / 8`` bytes); larger texts are anchored on unchanged sentences."""
    move_threshold: float = attrs.field(default=MOVE_THRESHOLD, validator=_check)
    """Least character similarity of a deleted and an inserted sentence for a move."""
    move_min_tokens: int = attrs.field(default=MOVE_MIN_TOKENS, validator=_check)
    """Least number of words (Chinese: characters) in a sentence that can move."""

    def as_kwargs(self) -> dict[str, Any]:
        """The options as keywords of :func:`~reportdiff._diff.diff_texts`.

        >>> sorted(DiffOptions().as_kwargs())[:3]
        ['cell_budget', 'cleanup', 'detect_moves']
        """
        return attrs.asdict(self, recurse=False)
