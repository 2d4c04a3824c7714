"""Loading: bytes → decoded raw text → cleaned text with an offset map back.

The stage in modules, one concern each:

- :mod:`~reportdiff._load.read`: a file's bytes, never more than a byte budget (pipes, devices);
- :mod:`~reportdiff._load.encoding`: decoding by evidence (UTF-8/16, GB18030, Big5…);
- :mod:`~reportdiff._load.html`, :mod:`~reportdiff._load.docx`: the text and headings of a page or a Word file;
- :mod:`~reportdiff._load.clean`: cleaning passes (zero-width characters, chrome, footers, broken lines);
- :mod:`~reportdiff._load.offsets`: the offset algebra that keeps every cleaned character's raw offset;
- :mod:`~reportdiff._load.title`: the title block and the year.

This module holds the entry points, :func:`load` and :func:`load_text`.
"""

from __future__ import annotations

import os
import re
from pathlib import PurePath

from reportdiff._load.clean import clean_text
from reportdiff._load.encoding import check_script, decode
from reportdiff._load.offsets import chain, span_to_clean
from reportdiff._load.read import (
    MAX_BYTES,
    MAX_RATIO,
    PIPE_WAIT_SECONDS,
    PathArg,
    display_name,
    read_bytes,
)
from reportdiff._load.title import PLAUSIBLE_YEARS, check_year, detect_year, title_block
from reportdiff._text import detect_language, markdown_headings
from reportdiff.errors import EmptyInputError, InputError, YearError
from reportdiff.model import Document, Format, MarkupHeading, OffsetMap, Span

__all__ = [
    "MAX_BYTES",
    "PLAUSIBLE_YEARS",
    "clean_text",
    "decode",
    "detect_year",
    "load",
    "load_text",
]

#: Files that are not reports in a text format, by their first bytes, and the fix.
REFUSED_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF file; extract its text first (for example `pdftotext -layout FILE.pdf`) and give the text file"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office file (.doc, .xls); save it as .docx or as text"),
    (b"{\\rtf", "an RTF file; save it as .docx or as text"),
    (b"\x1f\x8b", "a gzip archive; uncompress it and give the report inside"),
)
_ZIP = b"PK\x03\x04"
#: A text file is read as Markdown when it has at least this many ``#`` heading lines.
MARKDOWN_MIN_HEADINGS = 2
_HTML_EXT = (".html", ".htm", ".xhtml", ".shtml")
_MD_EXT = (".md", ".markdown")


def _detect_format(name: str, text: str) -> Format:
    ext = os.path.splitext(name)[1].lower()
    if ext in _HTML_EXT:
        return Format.HTML
    if ext in _MD_EXT:
        return Format.MARKDOWN
    head = text[:2000].lstrip().lower()
    if head.startswith(("<!doctype html", "<html")) or re.search(r"<(body|div|p)[\s>]", head):
        return Format.HTML
    if len(markdown_headings(text[:200_000], limit=MARKDOWN_MIN_HEADINGS, plain=True)) >= MARKDOWN_MIN_HEADINGS:
        return Format.MARKDOWN
    return Format.TEXT


def _clean_headings(text: str, offsets: OffsetMap, found: tuple[tuple[int, int, int], ...]) -> list[MarkupHeading]:
    """Headings found in the text before cleaning, as spans of the cleaned text."""
    out: dict[Span, int] = {}
    for s, e, level in found:
        span = span_to_clean(offsets, s, e)
        piece = span.of(text)
        if not piece.strip():
            continue  # cleaning removed it (page chrome, a footer)
        start = span.start + len(piece) - len(piece.lstrip())
        end = span.start + len(piece.rstrip())
        out.setdefault(Span(start, end), level)
    return [MarkupHeading(sp, lv) for sp, lv in sorted(out.items())]


def load_text(
    raw_text: str,
    *,
    path: str = "",
    year: int | None = None,
    encoding: str = "utf-8",
    fmt: Format | str | None = None,
    years: range = PLAUSIBLE_YEARS,
) -> Document:
    """Clean an already decoded report text into a :class:`Document`.

    Args:
        raw_text: the decoded file.
        path: where it came from (used in messages and for the year).
        year: the report's year; found from the path or title when None.
        encoding: the encoding the text was decoded with (recorded only).
        fmt: ``text``, ``html`` or ``markdown``; guessed from the path and content when None.
        years: the plausible years; a year outside them is refused.

    Returns:
        The cleaned document, with the headings its markup marks.

    Raises:
        EmptyInputError: no text is left after cleaning.
        YearError: the year is not told (by ``year``, the path or the title) or is implausible.
        InputError: the text is Japanese or Korean.

    >>> doc = load_text("2019年工作报告\\n\\n一、回顾\\n\\n正文。", path="x.txt")
    >>> doc.year, doc.title
    (2019, '2019年工作报告')
    """
    name = path or "<text>"
    form = Format(fmt) if fmt is not None else _detect_format(path, raw_text)
    if not raw_text.strip():
        raise EmptyInputError(f"{name}: the file is empty; give a report with text")
    if form is Format.HTML:
        from reportdiff._load.html import html_to_text  # only HTML input needs the parser

        page = html_to_text(raw_text, name)
        return _document(raw_text, page.text, page.offsets, page.headings, page.warnings,
                         path=path, year=year, encoding=encoding, fmt=form, years=years)
    return _document(raw_text, raw_text, None, (), (), path=path, year=year, encoding=encoding, fmt=form, years=years)


def _document(
    raw_text: str,
    extracted: str,
    base: OffsetMap | None,
    found: tuple[tuple[int, int, int], ...],
    extract_warnings: tuple[str, ...],
    *,
    path: str,
    year: int | None,
    encoding: str,
    fmt: Format,
    years: range,
) -> Document:
    name = path or "<text>"
    text, offsets, warnings, meta = clean_text(extracted)
    if not text.strip():
        raise EmptyInputError(f"{name}: no report text is left after removing page chrome; check it is the right file")
    check_script(text, name, encoding)
    if fmt is Format.MARKDOWN:
        headings = [MarkupHeading(Span(s, e), lv) for s, e, lv in markdown_headings(text)]
    else:
        headings = _clean_headings(text, offsets, found)
    if base is not None:
        offsets = chain(base, offsets)
    title, tmeta, body_start = title_block(text)
    meta.update(tmeta)
    if year is not None:
        year = check_year(year, name, years=years)
    else:
        year = detect_year(path, title, name=name, years=years)
    if year is None:
        raise YearError(
            f"{name}: cannot tell the report's year from its file name or title; "
            "name the file like 2019.txt or pass the year (--year FILE=2019, or year=2019)"
        )
    if body_start:
        meta["body_start"] = str(body_start)
    return Document(
        path=path,
        year=year,
        title=title,
        encoding=encoding,
        fmt=fmt,
        language=detect_language(text),
        raw_text=raw_text,
        text=text,
        offsets=offsets,
        metadata=tuple(sorted(meta.items())),
        warnings=(*extract_warnings, *warnings),
        markup_headings=tuple(headings),
    )


def load(
    path: PathArg,
    *,
    year: int | None = None,
    max_bytes: int = MAX_BYTES,
    max_ratio: int = MAX_RATIO,
    pipe_wait: float = PIPE_WAIT_SECONDS,
    years: range = PLAUSIBLE_YEARS,
) -> Document:
    """Read and clean one report file.

    Args:
        path: a text, HTML, Markdown or .docx file; text in UTF-8 (with or
            without BOM), UTF-16, GB18030/GBK or Big5.  A ``bytes`` name that is
            not UTF-8 is read as it is and shown with ``\\xNN`` escapes.
        year: the report's year; from the file name or title when None.
        max_bytes: refuse files (and the XML inside a .docx) larger than this.
        max_ratio: refuse a .docx member that expands more than this many times.
        pipe_wait: seconds to wait for a pipe's writer.
        years: the plausible years; a year outside them is refused.

    Returns:
        The cleaned document.

    Raises:
        InputError, EmptyInputError, DecodeError, YearError: with a one-line
        message naming the file and the fix.

    >>> load("fixtures/xishan-rule-of-law/2022.txt").year
    2022
    """
    name = display_name(path)
    data = read_bytes(path, max_bytes=max_bytes, pipe_wait=pipe_wait)
    if not data.strip():
        raise EmptyInputError(f"{name}: the file is empty; give a report with text")
    head = data[:16].lstrip(b"\xef\xbb\xbf \t\r\n")
    for magic, what in REFUSED_MAGIC:
        if head.startswith(magic):
            raise InputError(f"{name}: {what}")
    is_docx = PurePath(name).suffix.lower() == ".docx"
    if data.startswith(_ZIP) and not is_docx:
        if b"word/document.xml" not in data:
            raise InputError(f"{name}: a zip archive; unzip it and give the report inside")
        is_docx = True
    if is_docx:
        from reportdiff._load.docx import docx_text  # zipfile and ElementTree only for Word files

        docx = docx_text(data, name, max_bytes=max_bytes, max_ratio=max_ratio)
        return _document(docx.text, docx.text, None, docx.headings, (),
                         path=name, year=year, encoding="docx", fmt=Format.DOCX, years=years)
    text, enc = decode(data, name)
    return load_text(text, path=name, year=year, encoding=enc, years=years)
