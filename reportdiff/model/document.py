"""Offsets and the document tree: :class:`Span`, :class:`OffsetMap`, :class:`Document`, :class:`Report`, :class:`Section`.

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

from reportdiff._text import Language
from reportdiff.model._summary import html_table, shorten

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


@attrs.frozen(repr=False)
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
    """Name of the numbering scheme (see :mod:`reportdiff._parse`); empty if none."""
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

    @property
    def heading_only(self) -> bool:
        """No sub-sections and no letter or digit past the heading: a grouping heading, or
        a heading line the source prints twice (it has nothing of its own to compare)."""
        return not self.children and not self.has_own_text

    @property
    def has_own_text(self) -> bool:
        """A letter or digit in the body (the text past the heading, children excluded)."""
        return any(ch.isalnum() for ch in self.body)

    def text(self) -> str:
        """The section's full text: heading, body and all descendants."""
        return self.heading + self.body + "".join(c.text() for c in self.children)

    def walk(self) -> Iterator[Section]:
        """This section and all its descendants, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()

    def __repr__(self) -> str:
        return (
            f"Section({self.path or '(root)'!r}, {shorten(self.heading)!r}, level={self.level}, "
            f"{len(self.children)} children, {len(self.span)} chars)"
        )

    def find(self, path: str) -> Section | None:
        """The descendant (or self) whose :attr:`path` is ``path``, or None."""
        for s in self.walk():
            if s.path == path:
                return s
        return None


class Format(enum.StrEnum):
    """The input format of a report: a :class:`str` enum, so ``Format.HTML == "html"``."""

    TEXT = "text"
    """Plain text."""
    HTML = "html"
    """An HTML page (the article text is extracted)."""
    MARKDOWN = "markdown"
    """Markdown (``#`` headings stay in the text)."""
    DOCX = "docx"
    """A Word document (its paragraphs are extracted)."""


@attrs.frozen
class MarkupHeading:
    """A heading the source marked as one: an HTML ``<h2>``, a Markdown ``##``, a DOCX ``Heading 2``."""

    span: Span
    """The heading's line in the cleaned text, outer spaces left out (for Markdown the
    ``#`` markers are part of the text and of the span)."""
    level: int
    """The level as marked: 1 for ``<h1>``, ``#`` or ``Heading 1``."""


@attrs.frozen(repr=False)
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
    fmt: Format = attrs.field(converter=Format)
    """The input format: ``text``, ``html``, ``markdown`` or ``docx``."""
    language: Language = attrs.field(converter=Language)
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
    markup_headings: tuple[MarkupHeading, ...] = ()
    """Headings the source marked as such (HTML ``<h1>``–``<h6>``, Markdown ``#``, DOCX
    heading styles), in text order; empty for plain text."""

    def __repr__(self) -> str:
        where = self.path or "(string)"
        return f"Document({where!r}, {self.year}, {self.language}, {self.fmt}, {len(self.text)} chars)"

    @property
    def meta(self) -> dict[str, str]:
        """:attr:`metadata` as a dict."""
        return dict(self.metadata)


@attrs.frozen(repr=False)
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

    def __repr__(self) -> str:
        n = sum(1 for _ in self.sections())
        where = self.path or "(string)"
        return f"Report({self.year}, {shorten(self.title)!r}, {n} sections, {len(self.text)} chars, {where!r})"

    def _repr_html_(self) -> str:
        rows = [(s.path, s.level, s.heading, len(s.span)) for s in self.sections()]
        caption = f"{self.year} {self.title} ({len(rows)} sections)"
        return html_table(caption, ["path", "level", "heading", "chars"], rows)
