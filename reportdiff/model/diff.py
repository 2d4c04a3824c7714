"""Records of text diffs: edits, moves, number changes and statistics."""

from __future__ import annotations

import enum
import html
from collections.abc import Callable

import attrs

from reportdiff.model.document import Span


@attrs.frozen
class Similarity:
    """The four year-over-year similarity measures of Cohen, Malloy & Nguyen,
    "Lazy Prices" (Journal of Finance, 2020), each in [0, 1]."""

    cosine: float
    jaccard: float
    edit: float
    """Minimum-edit similarity."""
    simple: float
    """Simple similarity (share of unchanged tokens in a token-level diff)."""


class Op(enum.Enum):
    """An edit operation."""

    EQUAL = "equal"
    INSERT = "insert"
    DELETE = "delete"


class Granularity(enum.Enum):
    """The unit a diff works in."""

    CHAR = "char"
    WORD = "word"
    SENTENCE = "sentence"


@attrs.frozen
class Edit:
    """One run of equal, inserted or deleted text, with its spans in both texts.

    An insertion has an empty span in the old text (where it goes), a deletion an
    empty span in the new text; ``a.of(old) == text`` unless the op is INSERT and
    ``b.of(new) == text`` unless the op is DELETE.
    """

    op: Op
    """What happened to the text."""
    text: str
    """The text of the run."""
    a: Span
    """Where the run is in the old text (empty for an insertion)."""
    b: Span
    """Where the run is in the new text (empty for a deletion)."""


@attrs.frozen
class Move:
    """A deleted span of the old text that reappears, near-identical, as an
    inserted span of the new text."""

    a: Span
    """The deleted sentence in the old text."""
    b: Span
    """The inserted sentence in the new text."""
    similarity: float
    """Character similarity of the two sentences in [0, 1] (1 when moved unchanged)."""
    edits: tuple[Edit, ...] = ()
    """The word diff from the old sentence to the new one, with offsets into the
    whole old and new texts: a moved-and-edited sentence shows its inner edits."""


@attrs.frozen
class DiffSide:
    """One of the two texts a diff compared."""

    text: str
    """The text that was compared (a report's cleaned text, or a section's)."""
    path: str = ""
    """The file it came from; empty when diffing strings."""
    year: int | None = None
    """The report's year, when known."""
    section: str = ""
    """The section path (``三/（二）``) when a single section was compared."""


@attrs.frozen
class NumberChange:
    """A number (with its unit) that a diff replaced, removed or added."""

    old: str
    """The number as printed in the old text (``100件``); empty if added."""
    new: str
    """The number as printed in the new text (``120件``); empty if removed."""
    a: Span
    """Where it is in the old text (empty where an added number goes)."""
    b: Span
    """Where it is in the new text (empty where a removed number was)."""


@attrs.frozen
class DiffStats:
    """What a diff changed, in characters, tokens and sentences.

    Tokens are the diff's own units (words, characters or sentences, a number
    with its unit always counting as one).
    """

    chars_equal: int
    chars_deleted: int
    chars_inserted: int
    tokens_equal: int
    tokens_deleted: int
    tokens_inserted: int
    sentences_old: int
    """Sentences in the old text."""
    sentences_new: int
    """Sentences in the new text."""
    sentences_unchanged: int
    """Sentences of the new text found verbatim in the old (each old one used once)."""
    unchanged_share: float
    """``sentences_unchanged / sentences_new``: the boilerplate share (1.0 when
    the new text has no sentences)."""
    similarity: Similarity
    """The Lazy Prices measures of the two texts."""
    changed_numbers: tuple[NumberChange, ...] = ()
    """Numbers replaced, removed or added, in order of the new text."""


@attrs.frozen(repr=False)
class TextDiff:
    """The diff of two texts: exact edits, moves and statistics.

    Concatenating the EQUAL and DELETE edits gives ``old.text``; the EQUAL and
    INSERT edits give ``new.text``.
    """

    old: DiffSide
    new: DiffSide
    granularity: Granularity
    edits: tuple[Edit, ...]
    moves: tuple[Move, ...]
    stats: DiffStats
    approximate: bool = False
    """True only if a time limit cut the diff short (then it is coarser than it
    could be, but still exact)."""

    @property
    def identical(self) -> bool:
        """Whether the two texts are the same."""
        return all(e.op is Op.EQUAL for e in self.edits)

    def __repr__(self) -> str:
        changed = sum(1 for e in self.edits if e.op is not Op.EQUAL)
        years = f"{self.old.year}→{self.new.year}, " if self.old.year or self.new.year else ""
        return (
            f"TextDiff({years}{self.granularity.value}, {changed} changes, {len(self.moves)} moves, "
            f"+{self.stats.chars_inserted}/-{self.stats.chars_deleted} chars, "
            f"cosine {self.stats.similarity.cosine:.3f}{', approximate' if self.approximate else ''})"
        )

    def _repr_html_(self) -> str:
        """A redline in a notebook (drawn by :mod:`reportdiff.render`, which registers itself)."""
        if _HTML_RENDERER:
            return _HTML_RENDERER[0](self)
        return f"<pre>{html.escape(repr(self))}</pre>"


_HTML_RENDERER: list[Callable[[TextDiff], str]] = []
"""The notebook renderer of :class:`TextDiff`: set by :mod:`reportdiff.render`, which
lives above this module and so cannot be imported from it."""


def register_html_renderer(render: Callable[[TextDiff], str]) -> None:
    """Make ``render`` draw :class:`TextDiff` in notebooks (called by :mod:`reportdiff.render`)."""
    _HTML_RENDERER[:] = [render]


@attrs.frozen
class SectionMove:
    """A sentence moved from one aligned section pair to another."""

    a_pair: int
    """Index of the pair whose old section lost the sentence."""
    b_pair: int
    """Index of the pair whose new section gained it."""
    move: Move
    """Spans into ``a_pair``'s old text and ``b_pair``'s new text."""


@attrs.frozen(repr=False)
class SectionsDiff:
    """Diffs of several aligned section pairs, with the moves between them."""

    diffs: tuple[TextDiff, ...]
    """One diff per pair, in the order given (each with its own in-pair moves)."""
    moves: tuple[SectionMove, ...]
    """Sentences that left one pair's old section for another pair's new section."""

    @property
    def approximate(self) -> bool:
        """Whether a time limit cut any of the diffs short."""
        return any(d.approximate for d in self.diffs)

    def __repr__(self) -> str:
        return f"SectionsDiff({len(self.diffs)} section diffs, {len(self.moves)} moves between sections)"
