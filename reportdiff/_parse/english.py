"""English heading detection.

Three kinds of heading are found, all by layout and form, never by the
wording of a particular document:

* Markdown ``#`` headings (by :func:`reportdiff._parse.markup.markdown_candidates`),
  ranked by their ``#`` count.  When a document marks headings this way,
  only these are taken (a numbered line there is a list item).
* Numbered headings standing on a line of their own: ``1.``, ``1.1``,
  ``I.``, ``A.``, ``Item 1A.``, ``Part II``.
* Title lines: a short line in Title Case or ALL CAPS that stands alone as a
  block (see :func:`_standalone`), as PDF-extracted letters print them
  (``Insurance``, ``The Annual Meeting``).

A line is *not* a heading when it is a page number, a table row or a table's
caption (the next line is a table row, or a units line such as
``(in millions)``), a chart's label (``Chart 5``), a numbered paragraph of a
document that numbers its paragraphs, a signature (``Warren E. Buffett``,
the role line under it), a memo header (``From: …``), or a salutation or any
other line ending in ``.``, ``,``, ``;`` or ``:``.

Levels (see :func:`_rank_titles`).  A centred title line opens a part
(rank 1); flush-left title lines after the first centred one are its
sub-sections (rank 2), those before it rank 1.  In a document with no centred
title line, title lines carry no rank and nest by scheme like numbered
headings (so ``General`` under ``Item 1. Business`` is one level deeper).
"""

from __future__ import annotations

import bisect
import enum
import re
import statistics
from typing import NamedTuple

from reportdiff._parse.candidate import Candidate
from reportdiff._parse.markup import markdown_candidates
from reportdiff._parse.schemes import outline_scheme
from reportdiff._text import iter_lines

__all__ = ["EnglishScheme", "english_candidates"]


class EnglishScheme(enum.StrEnum):
    """Names of the English heading schemes (:attr:`reportdiff.model.Section.scheme`)."""

    PART = "part"
    ITEM = "item"
    DECIMAL = "decimal"
    ARABIC = "arabic-dot"
    ROMAN = "roman"
    LETTER = "letter"
    LETTER_PAREN = "letter-paren"
    """``(a)``, ``(b)``: items under a lettered or numbered heading."""
    ARABIC_PAREN = "arabic-paren"
    CAPS = "en-caps"
    """An ALL CAPS title line."""
    TITLE = "en-title"
    """A Title Case line."""
    CENTRED = "en-centred"
    """A centred title line: a part."""

_PARAGRAPH_NUMBER = re.compile(r"(\d{1,3})\.")
#: A whole line in Markdown strong emphasis: ``**Insurance**`` (a bold paragraph used as a heading).
_STRONG_LINE = re.compile(r"(\*\*|__)(\S(?:.*?\S)?)\1")
_NUMBERED = re.compile(
    r"((?i:item)\s+\d{1,2}[A-Z]?[.:]?|(?i:part)\s+(?:[IVX]{1,5}|\d{1,2}|[A-H])[.:]?|\d{1,2}(?:\.\d{1,2})+\.?|\d{1,2}\.|[IVX]{1,5}\.|[A-H]\.|\([a-h]\)|\(\d{1,2}\))"
    r"(?:[ \t]+(?:[-–—:][ \t]*)?(?=[A-Z0-9“\"'‘])|[ \t]*$)"
)
# Words left lower-case inside a Title Case heading.
_SMALL = frozenset(
    {"a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "nor", "of", "off"}
    | {"on", "onto", "or", "per", "than", "the", "to", "up", "upon", "via", "vs", "with", "without"}
    # prepositions, possessives and function words that headings also leave lower-case
    | {"about", "across", "after", "against", "among", "before", "between", "beyond", "over"}
    | {"outside", "through", "towards", "toward", "under", "within", "our", "its", "their"}
    | {"that", "is", "are", "be", "not"}
)
# A parenthesised subtitle, which may be in sentence case: ``Float (what it costs us)``.
_SUBTITLE = re.compile(r"\s*\([^()]*\)\s*")
_CAMEL = re.compile(r"[a-z]{1,2}[A-Z]")  # a brand word such as ``iBond``, ``eBay``
_SPACES = re.compile(r"\s{2,}")
_QUOTES = "\"“'‘"
_WORD = re.compile(r"[^\W\d_][\w’'&.-]*|\d[\w,.%$]*")
_TABLE_GAP = re.compile(r"\S(?: {3,}|\t)\S")
_DOT_LEADER = re.compile(r"(?:\.\s?){4,}\S")
_NUMERIC_ROW = re.compile(r"[\d$€£¥(),.%*\s–—-]+")
_PAGE_NUMBER = re.compile(
    r"(?:page\s+)?[-–—\s]*(?:\d{1,4}|(?=[ivxlc])c{0,3}(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3}))"
    r"[-–—\s]*(?:of\s+\d+)?",
    re.IGNORECASE,
)
_MEMO_HEADER = re.compile(
    r"(?:from|to|cc|bcc|re|subject|date|sent|attn|attention)\s*:", re.IGNORECASE
)
# A salutation or a complimentary close: ``Dear Fellow Shareholders``, ``Sincerely``.
_LETTER_FORMULA = re.compile(
    r"(?:dear\b|sincerely|yours\b|(?:very\s+)?(?:truly|faithfully|respectfully|cordially)\b|(?:best|kind|warm)\s+regards)",
    re.IGNORECASE,
)
# A person's name as signed: ``Warren E. Buffett``, ``Charles T. Munger, Jr.``
_NAME = re.compile(
    r"(?:(?:Mr|Mrs|Ms|Dr)\.\s+)?[A-Z][a-z’'-]+\s+(?:[A-Z]\.\s*){1,2}[A-Z][A-Za-z’'-]+(?:,?\s+(?:Jr\.|Sr\.|II|III|IV))?"
)
_DATE = re.compile(
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\s+\d{1,2},?\s+\d{4}"
)
# Characters that end a sentence or clause: a line ending so is prose.
_PROSE_END = ".,;:"
# Characters a line may end with when it closes a paragraph.
_SENTENCE_END = re.compile(r"[.!?:;][”’\"')\]]*$|[”\")]$")
#: The longest numbered heading line, in characters (a longer numbered line is a paragraph).
MAX_TITLE_CHARS = 100
#: The longest unnumbered title line, in characters and in words.  Every word but the small ones
#: must be capitalised, which prose does not do for long: a long Title Case line is still a title
#: ("Promoting Co-operation between the Two Markets, Reinforcing Our Status as a Financial Centre").
MAX_PLAIN_TITLE_CHARS = 160
MAX_TITLE_WORDS = 24
#: The longest table row, in characters: a longer line is a paragraph.
MAX_ROW_CHARS = 200
#: A line indented at most this much is flush-left.
FLUSH_INDENT = 3
#: A line indented at least this much (and twice the paragraph indent) is centred.
CENTRED_INDENT = 16


class _Line(NamedTuple):
    """One line of the text."""

    start: int
    """Offset of the line's first character."""
    end: int
    """Offset of the line end (the ``\\n`` or the text end)."""
    indent: int
    """Leading whitespace, in characters."""
    text: str
    """The line without leading and trailing whitespace (wide gaps made one
    space when the document's prose is full of them)."""
    length: int
    """Length of the line without leading and trailing whitespace, as in the text."""


#: Prose lines at least this long are sampled for wide gaps.
PROSE_SAMPLE = 60
#: When this share of prose lines hold wide gaps, gaps are layout noise, not table columns.
NOISY_GAPS = 0.2


def _split(text: str, start: int) -> list[_Line]:
    """The lines of ``text`` from offset ``start``.

    A document decision: when many prose lines (long, ending a sentence) hold
    runs of spaces, the runs are extraction noise, and are read as one space
    (so a heading or a paragraph with a gap is not a table row).
    """
    raw_lines: list[tuple[int, int, int, str]] = []
    for pos, e in iter_lines(text, start):
        raw = text[pos:e]
        body = raw.lstrip()
        raw_lines.append((pos, e, len(raw) - len(body), body.rstrip()))
    prose = [b for *_, b in raw_lines if len(b) >= PROSE_SAMPLE and _SENTENCE_END.search(b)]
    gappy = sum(1 for b in prose if _TABLE_GAP.search(b))
    noisy = bool(prose) and gappy >= NOISY_GAPS * len(prose)
    return [_Line(p, e, i, _SPACES.sub(" ", b) if noisy else b, len(b)) for p, e, i, b in raw_lines]


def _is_page_number(s: str) -> bool:
    """``12``, ``- 7 -``, ``Page 3``, ``iv``: a line that is only a page number."""
    return bool(_PAGE_NUMBER.fullmatch(s))


def _is_table_row(ln: _Line) -> bool:
    """A row of a table: columns apart by 3+ spaces, dot leaders, or figures only."""
    s = ln.text
    if not s or _NUMERIC_ROW.fullmatch(s):
        return bool(s)
    # A gap or a run of dots inside a long paragraph is not a column.
    return len(s) <= MAX_ROW_CHARS and bool(_TABLE_GAP.search(s) or _DOT_LEADER.search(s))


def _ends_paragraph(ln: _Line) -> bool:
    """True when a line can stand right before a heading: blank, a page
    number, or prose (it has lower-case letters) that ends a sentence."""
    s = ln.text
    if not s or _is_page_number(s):
        return True
    return bool(_SENTENCE_END.search(s)) and s.upper() != s and not _is_table_row(ln)


def _is_title(s: str) -> bool:
    """Title Case or ALL CAPS, short, not ending like prose.

    >>> _is_title("The Annual Meeting"), _is_title("We Buy Some Newspapers . . . Newspapers?")
    (True, True)
    >>> _is_title("A power lunch, Berkshire-style"), _is_title("To the Shareholders of Berkshire Hathaway Inc.:")
    (False, False)
    """
    if not s or len(s) > MAX_PLAIN_TITLE_CHARS or s[-1] in _PROSE_END or s[0] in "*•·-–—([":
        return False
    if _TABLE_GAP.search(s) or _DOT_LEADER.search(s):
        return False
    s = _SUBTITLE.sub(" ", s).strip() or s
    if s[0] in _QUOTES:
        s = s[1:].lstrip()
    if not s:
        return False
    words = _WORD.findall(s)
    lettered = [w for w in words if any(ch.isalpha() for ch in w)]
    if not lettered or len(words) > MAX_TITLE_WORDS or sum(len(w) for w in lettered) < 3:
        return False
    if not (lettered[0][0].isupper() or words[0][0].isdigit() or _CAMEL.match(lettered[0])):
        return False
    if s.upper() == s:
        return True
    for w in lettered[1:]:
        if w.lower() in _SMALL:
            continue
        if not w[0].isupper():
            return False
    return True


def _is_closing(s: str) -> bool:
    """A letter's closing line (``Sincerely,``, ``Yours truly,``, ``Best regards,``), not its salutation.

    >>> _is_closing("Sincerely,"), _is_closing("Dear Shareholders,"), _is_closing("Madam President,")
    (True, False, False)
    """
    return s.endswith(",") and _LETTER_FORMULA.match(s) is not None and not s.lower().startswith("dear")


def _is_signature(ln: _Line, prev: _Line | None) -> bool:
    """A signature block line: a signed name, the role line printed right
    under one, a date line, a memo header, a salutation or a closing."""
    s = ln.text
    if _NAME.fullmatch(s) or _MEMO_HEADER.match(s) or _DATE.match(s) or _LETTER_FORMULA.match(s):
        return True
    if prev is None or not prev.text:
        return False
    last_column = re.split(r" {3,}|\t", prev.text)[-1]
    return bool(_NAME.fullmatch(last_column))


def _next_text(lines: list[_Line], k: int) -> _Line | None:
    """The first non-blank line after line ``k``, or None."""
    for j in range(k + 1, len(lines)):
        if lines[j].text:
            return lines[j]
    return None


def _standalone(lines: list[_Line], k: int) -> bool:
    """True when line ``k`` stands as a block of its own.

    The line before it is blank, a page number, or prose ending a sentence
    (see :func:`_ends_paragraph`); the line after it is blank, the end, or the first line of a
    paragraph set at another indent (the indented first line under a
    flush-left heading, flush-left text under a centred one).
    """
    ln = lines[k]
    prev = lines[k - 1] if k > 0 else None
    nxt = lines[k + 1] if k + 1 < len(lines) else None
    if prev is not None and not _ends_paragraph(prev):
        return False
    if nxt is None or not nxt.text:
        return True
    return nxt.indent != ln.indent and not _is_table_row(nxt) and not _is_page_number(nxt.text)


_UNITS_LINE = re.compile(r"\([^()]{1,40}\)")
# A chart's or table's label: ``Chart 5``, ``Table 3.2``.
_FIGURE_LABEL = re.compile(r"(?:Chart|Table|Figure|Exhibit|Graph|Box|Appendix|Annex)\s+[\dA-Z][\d.]*", re.IGNORECASE)


def _is_caption(lines: list[_Line], k: int) -> bool:
    """True when line ``k`` is a table's caption: the next text line is a
    table row, or a units line such as ``(in millions)`` (a short line in
    brackets) with a table row or another caption line after it."""
    j = _next_index(lines, k)
    if j is None:
        return False
    if _is_table_row(lines[j]):
        return True
    if _UNITS_LINE.fullmatch(lines[j].text):
        after = _next_index(lines, j)
        return after is None or _is_table_row(lines[after]) or not _SENTENCE_END.search(lines[after].text)
    return False


def _next_index(lines: list[_Line], k: int) -> int | None:
    """Index of the first non-blank line after line ``k``, or None."""
    for j in range(k + 1, len(lines)):
        if lines[j].text:
            return j
    return None


#: Schemes that number list items as often as headings: a heading of theirs is in Title Case.
_ITEM_SCHEMES = frozenset({EnglishScheme.LETTER_PAREN, EnglishScheme.ARABIC_PAREN})

_ROMAN = {"I": 1, "V": 5, "X": 10}


def _roman(s: str) -> int:
    """The value of an upper-case Roman numeral of I, V and X (``IV`` → 4)."""
    total = 0
    for a, b in zip(s, s[1:] + " ", strict=True):
        v = _ROMAN[a]
        total += -v if _ROMAN.get(b, 0) > v else v
    return total


def _numbered_scheme(tok: str) -> tuple[EnglishScheme, int | None]:
    """The scheme and ordinal of a numbering token (``Item 1A.`` → item, None)."""
    core = re.sub(r"^(?i:item|part)\s+|[.:]$", "", tok)
    if tok[:4].lower() in (EnglishScheme.PART, EnglishScheme.ITEM):
        scheme = EnglishScheme(tok[:4].lower())
        if core.isdigit():
            return scheme, int(core)
        if re.fullmatch("[IVX]+", core):
            return scheme, _roman(core)
        return scheme, ord(core) - ord("A") + 1 if re.fullmatch("[A-H]", core) else None
    if tok[0] == "(":
        inner = tok[1:-1]
        if inner.isdigit():
            return EnglishScheme.ARABIC_PAREN, int(inner)
        return EnglishScheme.LETTER_PAREN, ord(inner) - ord("a") + 1
    if re.match(r"\d+\.\d", tok):
        return EnglishScheme.DECIMAL, int(core.rstrip(".").split(".")[-1])
    if tok[0].isdigit():
        return EnglishScheme.ARABIC, int(core)
    if re.fullmatch(r"[IVX]+", core):
        return EnglishScheme.ROMAN, _roman(core)
    return EnglishScheme.LETTER, ord(core) - ord("A") + 1


def _paragraph_indent(lines: list[_Line]) -> float:
    """The usual first-line indent of paragraphs (0 when they are flush-left)."""
    indents = [ln.indent for ln in lines if FLUSH_INDENT < ln.indent < 40 and len(ln.text) >= 60]
    return statistics.median(indents) if indents else 0.0


def _is_centred(ln: _Line, paragraph_indent: float) -> bool:
    """Indented well beyond a paragraph's first line: a centred line.

    Lines of the cleaned text are joined paragraphs, so the page width is not
    known; a heading indented at least twice the paragraph indent (and at
    least :data:`CENTRED_INDENT`) is taken as centred.
    """
    return ln.indent >= max(CENTRED_INDENT, 2 * paragraph_indent)


def english_candidates(text: str, *, start: int = 0) -> list[Candidate]:
    """Heading candidates of an English text from offset ``start``.

    Args:
        text: the cleaned text (hard-wrapped lines may remain).
        start: offset where the body starts (after a title block).

    Returns:
        The headings in text order; title lines of a two-tier layout carry an
        explicit ``rank``.

    >>> [(c.title, c.rank) for c in english_candidates("# Review\\n\\n## Scope\\n\\nText.\\n\\n# Plans\\n\\nText.\\n")]
    [('Review', 1), ('Scope', 2), ('Plans', 1)]
    >>> [c.title for c in english_candidates("Insurance\\n\\n    Float grew.\\n\\n7\\n")]
    ['Insurance']
    """

    md = markdown_candidates(text, start, ())
    if md:
        return md
    lines = _split(text, start)
    paragraph_indent = _paragraph_indent(lines)
    out: list[Candidate] = []
    titles: list[tuple[Candidate, bool]] = []  # (candidate, centred)
    before = ""  # the last non-blank line before this one
    long_numbered: list[tuple[int, int]] = []  # (line start, number) of long numbered paragraphs
    for k, ln in enumerate(lines):
        s = ln.text
        if not s:
            continue
        signer, before = _is_closing(before), s
        if signer:
            continue  # ``Sincerely,`` / ``Jeff``: the line after a letter's closing is who signs it
        para = _PARAGRAPH_NUMBER.match(s)
        if para and len(s) > MAX_TITLE_CHARS:
            long_numbered.append((ln.start, int(para.group(1))))
        hs = ln.start + ln.indent
        he = hs + ln.length
        if not _standalone(lines, k) or _is_table_row(ln) or _is_page_number(s):
            continue
        prev = lines[k - 1] if k > 0 else None
        if _is_signature(ln, prev):
            continue
        strong = _STRONG_LINE.fullmatch(s)
        if strong:
            s = strong.group(2)  # a heading set in Markdown bold: judge the words inside
        m = _NUMBERED.match(s)
        if m and len(s) <= MAX_TITLE_CHARS and s[-1] not in _PROSE_END:
            tok = m.group(1)
            scheme, ordinal = _numbered_scheme(tok)
            title = s[m.end() :].strip()
            if scheme in _ITEM_SCHEMES and not _is_title(title):
                continue  # ``(1) describe the system…``: an item of a list, not a heading
            if title or scheme is EnglishScheme.PART:
                # a Part is the outermost division wherever it first appears
                rank = 1 if scheme is EnglishScheme.PART else None
                name = outline_scheme(scheme, tok) if scheme is EnglishScheme.DECIMAL else scheme
                out.append(Candidate(hs, he, ln.end, tok, name, ordinal, title, rank=rank))
            continue
        if _is_title(s) and not _is_caption(lines, k) and not _FIGURE_LABEL.fullmatch(s):
            scheme = EnglishScheme.CAPS if s.upper() == s else EnglishScheme.TITLE
            c = Candidate(hs, he, ln.end, "", scheme, None, s)
            titles.append((c, _is_centred(ln, paragraph_indent)))
            out.append(c)
    out = _drop_numbered_paragraphs(out, long_numbered)
    return _rank_titles(out, titles)


#: A document with at least this many long numbered paragraphs numbers its paragraphs.
MIN_NUMBERED_PARAGRAPHS = 10


def _drop_numbered_paragraphs(out: list[Candidate], long_numbered: list[tuple[int, int]]) -> list[Candidate]:
    """Without the short numbered lines that are paragraphs of the document's
    paragraph numbering: when it numbers its (long) paragraphs, a short ``5.``
    line whose number falls between its neighbours' is paragraph 5, not a heading."""
    if len(long_numbered) < MIN_NUMBERED_PARAGRAPHS:
        return out
    starts = [p for p, _ in long_numbered]
    kept = []
    for c in out:
        if c.scheme is EnglishScheme.ARABIC and c.ordinal is not None:
            k = bisect.bisect_left(starts, c.start)
            lo = long_numbered[k - 1][1] if k else 0
            hi = long_numbered[k][1] if k < len(long_numbered) else c.ordinal + 1
            if lo < c.ordinal < hi:
                continue
        kept.append(c)
    return kept


def _rank_titles(out: list[Candidate], titles: list[tuple[Candidate, bool]]) -> list[Candidate]:
    """Schemes and ranks of title lines, from their layout.

    * Centred title lines are parts: rank 1.  Flush-left title lines after the
      first centred one are rank 2 (its sub-sections); those before it rank 1.
    * With no centred title line, title lines carry no rank and nest by
      scheme; ALL CAPS lines are a scheme of their own (outer to Title Case
      lines) only when the first title line is in ALL CAPS, so that an acronym
      heading (``GEICO``) among Title Case ones stays at their level.
    """
    import attrs

    if not titles:
        return out
    new: dict[int, Candidate] = {}
    centred = [c for c, cen in titles if cen]
    if centred:
        first_part = centred[0].start
        for c, cen in titles:
            if cen:
                new[c.start] = attrs.evolve(c, scheme=EnglishScheme.CENTRED, rank=1)
            else:
                new[c.start] = attrs.evolve(
                    c, scheme=EnglishScheme.TITLE, rank=1 if c.start < first_part else 2
                )
    elif titles[0][0].scheme != EnglishScheme.CAPS:
        for c, _ in titles:
            new[c.start] = attrs.evolve(c, scheme=EnglishScheme.TITLE)
    return [new.get(c.start, c) if not c.number else c for c in out]
