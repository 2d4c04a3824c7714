"""The domain records of reportdiff: frozen attrs classes and enums.

Every record is immutable and compares by value; change one with
``attrs.evolve``.  This module imports nothing of the package but
:mod:`reportdiff.errors`.

Offsets: a :class:`Span` is a half-open ``[start, end)`` range of character
offsets.  Spans into the *cleaned* text index :attr:`Document.text`; raw spans
index :attr:`Document.raw_text`, the decoded file exactly as read (line ends
and all), which :attr:`Document.offsets` maps back to.
"""

from __future__ import annotations

import bisect
import enum
from collections.abc import Iterator

import attrs

__all__ = [
    "Alignment",
    "Bound",
    "DiffSide",
    "DiffStats",
    "Direction",
    "Document",
    "Edit",
    "Evidence",
    "Granularity",
    "Kind",
    "Lineage",
    "Move",
    "NumberChange",
    "OffsetMap",
    "Op",
    "Quantity",
    "Relation",
    "Report",
    "Section",
    "SectionKind",
    "SectionMove",
    "SectionPair",
    "SectionRef",
    "SectionsDiff",
    "Similarity",
    "Span",
    "TextDiff",
]


# --------------------------------------------------------------------------
# offsets
# --------------------------------------------------------------------------


@attrs.frozen(order=True)
class Span:
    """A half-open range ``[start, end)`` of character offsets."""

    start: int
    """First offset in the range."""
    end: int
    """One past the last offset."""

    def __len__(self) -> int:
        return self.end - self.start

    def of(self, text: str) -> str:
        """The piece of ``text`` this span covers."""
        return text[self.start : self.end]

    def shift(self, by: int) -> Span:
        """This span moved ``by`` characters."""
        return Span(self.start + by, self.end + by)


@attrs.frozen
class OffsetMap:
    """Maps offsets in the cleaned text back to offsets in the raw text.

    The map is piecewise linear: ``anchors_clean[k]`` in the cleaned text
    corresponds to ``anchors_raw[k]`` in the raw text, and offsets between two
    anchors advance together.  Cleaning deletes and replaces characters, so a
    document needs one anchor per edit, not one per character.
    """

    anchors_clean: tuple[int, ...]
    """Cleaned-text offsets where a linear piece starts, ascending."""
    anchors_raw: tuple[int, ...]
    """The raw-text offset of each anchor."""
    raw_length: int = 0
    """Length of the raw text (the image of the end of the cleaned text)."""
    clean_length: int = 0
    """Length of the cleaned text."""

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        """The map of a text that cleaning left unchanged."""
        return cls((0,), (0,), length, length)

    def to_raw(self, offset: int) -> int:
        """The raw offset of cleaned ``offset`` (``0 <= offset <= clean_length``)."""
        if offset >= self.clean_length:
            return self.raw_length
        k = bisect.bisect_right(self.anchors_clean, offset) - 1
        if k < 0:
            return offset
        return self.anchors_raw[k] + (offset - self.anchors_clean[k])

    def span_to_raw(self, span: Span) -> Span:
        """The raw span that a cleaned span came from.

        The end maps as the position just after the span's last character,
        so deleted characters after a span are not included in it.
        """
        if len(span) == 0:
            r = self.to_raw(span.start)
            return Span(r, r)
        return Span(self.to_raw(span.start), self.to_raw(span.end - 1) + 1)


# --------------------------------------------------------------------------
# documents and sections
# --------------------------------------------------------------------------


class SectionKind(enum.Enum):
    """What made a section."""

    ROOT = "root"
    """The whole report."""
    NUMBERED = "numbered"
    """A heading with a numbering token such as ``一、`` or ``（二）`` or ``1.``."""
    HEADED = "headed"
    """A heading without numbering (a Markdown heading, a standalone title line)."""
    BLOCK = "block"
    """An unnumbered run of paragraphs with no heading of its own (a preamble,
    a closing passage, a plan section that restarts a numbered series)."""


@attrs.frozen
class Section:
    """One node of a report's section tree.

    The tree is lossless: ``heading + body + children`` of every node,
    concatenated in order, reproduce the node's span of the cleaned text, and
    the root's span is the whole cleaned text (see :meth:`text`).
    """

    heading: str
    """The heading exactly as printed in the cleaned text, numbering and final
    punctuation included (``（一）深入学习宣传贯彻习近平法治思想。``); empty for
    the root and for blocks."""
    title: str
    """The heading without numbering and final punctuation; for a block, a short
    label taken from its first sentence."""
    number: str
    """The numbering token as printed (``三、``, ``（二）``, ``1.``); empty if none."""
    scheme: str
    """Name of the numbering scheme (see :mod:`reportdiff.parse`); empty if none."""
    ordinal: int | None
    """The number's value (``三、`` → 3), or None."""
    level: int
    """Depth in the tree: 0 for the root, 1 for the top parts, and so on."""
    path: str
    """Numbering tokens from the root, joined by ``/`` (``三/（二）``); blocks and
    unnumbered headings contribute ``#k`` (their position among siblings)."""
    body: str
    """The text the section owns directly: after its heading, before its first child."""
    children: tuple[Section, ...]
    """Sub-sections in document order."""
    span: Span
    """The whole section (heading, body and children) in the cleaned text."""
    heading_span: Span
    """The heading in the cleaned text (empty for the root and blocks)."""
    body_span: Span
    """The body in the cleaned text."""
    raw_span: Span
    """The whole section in the raw text."""
    kind: SectionKind = SectionKind.NUMBERED
    """What made this section."""
    warnings: tuple[str, ...] = ()
    """Doubts about this section's boundaries, one sentence each."""

    @property
    def label(self) -> str:
        """The heading, or the title for sections without one."""
        return self.heading.strip() or self.title

    def text(self) -> str:
        """The section's full text: heading, body and all descendants."""
        return self.heading + self.body + "".join(c.text() for c in self.children)

    def walk(self) -> Iterator[Section]:
        """This section and all its descendants, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()

    def find(self, path: str) -> Section | None:
        """The descendant (or self) whose :attr:`path` is ``path``, or None."""
        for s in self.walk():
            if s.path == path:
                return s
        return None


@attrs.frozen
class Document:
    """A loaded, cleaned report before parsing."""

    path: str
    """The file it came from (empty when loaded from a string)."""
    year: int
    """The year the report belongs to (its title year, or as given)."""
    title: str
    """The report's title, when found."""
    encoding: str
    """The encoding the bytes were decoded with (``utf-8``, ``utf-8-sig``, ``gb18030``…)."""
    fmt: str
    """The input format: ``text``, ``html`` or ``markdown``."""
    language: str
    """``zh`` or ``en``: the script most of the text is in."""
    raw_text: str
    """The decoded file, unchanged."""
    text: str
    """The cleaned text that everything downstream works on."""
    offsets: OffsetMap
    """Maps offsets in :attr:`text` back to :attr:`raw_text`."""
    metadata: tuple[tuple[str, str], ...] = ()
    """Facts found in the title block: ``publish_date``, ``speaker``, ``period``…"""
    warnings: tuple[str, ...] = ()
    """What cleaning removed or doubted, one sentence each."""

    @property
    def meta(self) -> dict[str, str]:
        """:attr:`metadata` as a dict."""
        return dict(self.metadata)


@attrs.frozen
class Report:
    """A parsed report: a :class:`Document` and its section tree."""

    document: Document
    """The loaded text."""
    root: Section
    """The section tree; ``root.text() == document.text``."""

    @property
    def year(self) -> int:
        """The report's year."""
        return self.document.year

    @property
    def text(self) -> str:
        """The cleaned text."""
        return self.document.text

    @property
    def title(self) -> str:
        """The report's title."""
        return self.document.title

    @property
    def path(self) -> str:
        """The file the report came from."""
        return self.document.path

    def sections(self) -> Iterator[Section]:
        """Every section but the root, in document order."""
        it = self.root.walk()
        next(it)
        yield from it

    @property
    def warnings(self) -> tuple[str, ...]:
        """Loading warnings and every section's warnings, prefixed by its path."""
        out = list(self.document.warnings)
        for s in self.sections():
            out.extend(f"{s.path}: {w}" for w in s.warnings)
        return tuple(out)


# --------------------------------------------------------------------------
# similarity (shared by align and diff)
# --------------------------------------------------------------------------


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


# --------------------------------------------------------------------------
# alignment (issue 3)
# --------------------------------------------------------------------------


class Relation(enum.Enum):
    """How a section of one year continues in the next."""

    MATCHED = "matched"
    RENAMED = "renamed"
    MOVED = "moved"
    SPLIT = "split"
    MERGED = "merged"
    ADDED = "added"
    REMOVED = "removed"


@attrs.frozen(order=True)
class SectionRef:
    """Names one section of one year."""

    year: int
    path: str
    heading: str
    level: int


@attrs.frozen
class Evidence:
    """Why two sections were paired: each score in [0, 1]."""

    heading: float
    body: float
    position: float


@attrs.frozen
class SectionPair:
    """One section of year A paired with one of year B (or with nothing)."""

    a: SectionRef | None
    b: SectionRef | None
    relation: Relation
    score: float
    evidence: Evidence


@attrs.frozen
class Lineage:
    """One topic followed across years: its sections, in year order."""

    id: str
    members: tuple[SectionRef, ...]


@attrs.frozen
class Alignment:
    """The result of aligning the reports of a series."""

    years: tuple[int, ...]
    pairs: tuple[SectionPair, ...]
    lineages: tuple[Lineage, ...]


# --------------------------------------------------------------------------
# diff (issue 4)
# --------------------------------------------------------------------------


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


@attrs.frozen
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

    def _repr_html_(self) -> str:
        from reportdiff.render import to_html  # lazy: render builds on model

        return to_html(self, page=False)


@attrs.frozen
class SectionMove:
    """A sentence moved from one aligned section pair to another."""

    a_pair: int
    """Index of the pair whose old section lost the sentence."""
    b_pair: int
    """Index of the pair whose new section gained it."""
    move: Move
    """Spans into ``a_pair``'s old text and ``b_pair``'s new text."""


@attrs.frozen
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


# --------------------------------------------------------------------------
# indicators (issue 5)
# --------------------------------------------------------------------------


class Kind(enum.Enum):
    """Whether a quantity reports a result or sets a goal."""

    ACTUAL = "actual"
    TARGET = "target"


class Direction(enum.Enum):
    """The sign a direction word gives a change."""

    UP = "up"
    DOWN = "down"
    NONE = ""


class Bound(enum.Enum):
    """Which end of a printed range (``6.5%－7%``) a quantity is."""

    NONE = ""
    """Not part of a range."""
    LOW = "low"
    """The lower end."""
    HIGH = "high"
    """The upper end."""


@attrs.frozen
class Quantity:
    """One number mention with its unit, label and provenance.

    ``value`` and ``unit`` are as printed (``1244``, ``万人``); ``base_value``
    and ``base_unit`` are the same quantity in base units (``12440000``, ``人``).
    """

    label: str
    """The phrase the number measures (``城镇新增就业``, ``受理行政复议申请``)."""
    value: str
    """The number as printed, as a plain decimal (``15468.7``; Chinese numerals converted)."""
    unit: str
    """The unit as printed, magnitude word included (``万元``, ``%``, ``个百分点``)."""
    base_value: float
    """The value in base units (``15468.7万元`` → 154687000.0)."""
    base_unit: str
    """The unit without magnitude (``元``, ``人``, ``%``, ``个百分点``)."""
    qualifier: str = ""
    """The approximation or bound word printed with the number (左右, 以上, 多, about…)."""
    bound: Bound = Bound.NONE
    """Which end of a range this is, if any."""
    direction: Direction = Direction.NONE
    """The sign a direction word (增长, 下降, rose…) gives the number."""
    base: str = ""
    """The comparison base as printed (``比上年``, ``同比``), if any."""
    kind: Kind = Kind.ACTUAL
    """A reported result or a goal."""
    year: int = 0
    """The report's year."""
    section: str = ""
    """The path of the section holding the number."""
    quote: str = ""
    """Verbatim cleaned text holding the number, its unit and qualifier."""
    span: Span = Span(0, 0)
    """The number and unit in the cleaned text."""
    quote_span: Span = Span(0, 0)
    """The quote in the cleaned text."""
    raw_span: Span = Span(0, 0)
    """The number and unit in the raw file."""

    @property
    def number(self) -> float:
        """:attr:`value` as a float."""
        return float(self.value)

    @property
    def unit_family(self) -> str:
        """What kind of measure this is: ``rate`` (%), ``points`` (个百分点) or the base unit."""
        if self.base_unit in ("%", "‰"):
            return "rate"
        if self.base_unit in ("个百分点", "百分点", "percentage points"):
            return "points"
        return self.base_unit
