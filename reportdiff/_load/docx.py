"""Word documents (.docx): paragraphs and heading styles, read within a budget.

A .docx file is a zip archive, so what it expands to is bounded before and
while it is read: a member that is encrypted, compressed with a method other
than stored or deflate (Deflate64, bzip2…), declared larger than the budget
or than ``max_ratio`` times its compressed size is refused, and the
decompression stops at the budget whatever the declared size says.  A corrupt
stream is a message, never a traceback.

Headings come from paragraph styles: a paragraph's outline level, its style's
outline level (following ``basedOn``), or a style named ``Heading N`` /
``heading N`` / ``标题 N`` / ``標題 N``.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from xml.etree import ElementTree

import attrs

from reportdiff._load.read import MAX_RATIO
from reportdiff.errors import InputError

__all__ = ["MAX_RATIO", "DocxText", "docx_text"]  # MAX_RATIO lives in .read


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADING_NAME = re.compile(r"^(?:heading|标题|標題|見出し)\s*([1-9])$", re.IGNORECASE)
_DOCUMENT = "word/document.xml"
_STYLES = "word/styles.xml"


@attrs.frozen
class DocxText:
    """The paragraphs of a Word document as text, and its headings."""

    text: str
    """One paragraph per line, blank lines between."""
    headings: tuple[tuple[int, int, int], ...] = ()
    """``(start, end, level)`` of each heading paragraph in :attr:`text`."""


def _refuse(name: str, why: str) -> InputError:
    return InputError(f"{name}: {why}; save it again from Word as .docx, or as text")


def _read_member(z: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, budget: int, max_ratio: int) -> bytes:
    if info.flag_bits & 0x1:
        raise InputError(f"{name}: the document is encrypted; remove its password in Word and save it again")
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise _refuse(name, f"{info.filename} is compressed with method {info.compress_type}, not deflate")
    limit = min(budget, max(max_ratio * info.compress_size, 1 << 16))
    if info.file_size > limit:
        raise _refuse(name, f"{info.filename} expands to {info.file_size:,} bytes, more than the {limit:,}-byte limit "
                      "(a zip bomb, or pass a larger max_bytes)")
    buf = bytearray()
    with z.open(info) as fh:
        while chunk := fh.read(min(1 << 20, limit + 1 - len(buf))):
            buf += chunk
            if len(buf) > limit:
                raise _refuse(name, f"{info.filename} expands past the {limit:,}-byte limit (a zip bomb, or pass a larger max_bytes)")
    return bytes(buf)


def _parse_xml(data: bytes, name: str, member: str) -> ElementTree.Element:
    if b"<!DOCTYPE" in data[:4096] or b"<!ENTITY" in data:
        raise _refuse(name, f"{member} declares XML entities, which Word never writes")
    try:
        return ElementTree.fromstring(data)
    except ElementTree.ParseError as e:
        raise _refuse(name, f"{member} is not well-formed XML ({e})") from e


def _style_levels(root: ElementTree.Element | None) -> dict[str, int]:
    """Heading level (1–9) of each paragraph style id that marks headings."""
    if root is None:
        return {}
    own: dict[str, int] = {}
    based: dict[str, str] = {}
    for st in root.iter(f"{_W}style"):
        sid = st.get(f"{_W}styleId") or ""
        if not sid or st.get(f"{_W}type", "paragraph") != "paragraph":
            continue
        ol = st.find(f"{_W}pPr/{_W}outlineLvl")
        nm = st.find(f"{_W}name")
        m = _HEADING_NAME.match((nm.get(f"{_W}val") or "") if nm is not None else "") or _HEADING_NAME.match(sid)
        if ol is not None and (ol.get(f"{_W}val") or "").isdigit():
            lvl = int(ol.get(f"{_W}val") or "9")
            if lvl < 9:
                own[sid] = lvl + 1
        elif m:
            own[sid] = int(m.group(1))
        parent = st.find(f"{_W}basedOn")
        if parent is not None and parent.get(f"{_W}val"):
            based[sid] = parent.get(f"{_W}val") or ""
    out: dict[str, int] = {}
    for sid in sorted(set(own) | set(based)):
        cur, seen = sid, set()
        while cur not in own and cur in based and cur not in seen:
            seen.add(cur)
            cur = based[cur]
        if cur in own:
            out[sid] = own[cur]
    return out


def _paragraph_level(para: ElementTree.Element, styles: dict[str, int]) -> int | None:
    ppr = para.find(f"{_W}pPr")
    if ppr is None:
        return None
    ol = ppr.find(f"{_W}outlineLvl")
    if ol is not None and (ol.get(f"{_W}val") or "").isdigit():
        lvl = int(ol.get(f"{_W}val") or "9")
        return lvl + 1 if lvl < 9 else None
    ps = ppr.find(f"{_W}pStyle")
    sid = (ps.get(f"{_W}val") or "") if ps is not None else ""
    if sid in styles:
        return styles[sid]
    m = _HEADING_NAME.match(sid)
    return int(m.group(1)) if m else None


def docx_text(data: bytes, name: str, *, max_bytes: int, max_ratio: int = MAX_RATIO) -> DocxText:
    """The paragraphs of a Word document, one per line with blank lines between, and its headings.

    The raw text of a DOCX report is this extracted text (the file itself is a
    zip archive), so raw offsets index it.

    Args:
        data: the .docx file's bytes.
        name: the file, for messages.
        max_bytes: the most the document's XML may expand to.
        max_ratio: refuse a member expanding to more than this many times its compressed size.

    Returns:
        The text and the ``(start, end, level)`` of each heading paragraph.

    Raises:
        InputError: not a readable .docx (corrupt, encrypted, unsupported compression, a zip bomb).
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            members = {i.filename: i for i in z.infolist()}
            if _DOCUMENT not in members:
                raise _refuse(name, f"not a readable .docx file (no {_DOCUMENT})")
            doc_xml = _read_member(z, members[_DOCUMENT], name, max_bytes, max_ratio)
            styles_xml = (
                _read_member(z, members[_STYLES], name, max_bytes, max_ratio) if _STYLES in members else None
            )
    except InputError:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError, NotImplementedError, ValueError) as e:
        raise _refuse(name, f"not a readable .docx file ({e})") from e
    root = _parse_xml(doc_xml, name, _DOCUMENT)
    styles = _style_levels(_parse_xml(styles_xml, name, _STYLES) if styles_xml is not None else None)
    parts: list[str] = []
    headings: list[tuple[int, int, int]] = []
    pos = 0
    for para in root.iter(f"{_W}p"):
        pieces = []
        for node in para.iter():
            if node.tag == f"{_W}t" and node.text:
                pieces.append(node.text)
            elif node.tag == f"{_W}tab":
                pieces.append("\t")
            elif node.tag in (f"{_W}br", f"{_W}cr"):
                pieces.append("\n")
        text = "".join(pieces)
        level = _paragraph_level(para, styles)
        if level is not None and text.strip():
            lead = len(text) - len(text.lstrip())
            headings.append((pos + lead, pos + len(text.rstrip()), level))
        parts.append(text)
        pos += len(text) + 2
    return DocxText("\n\n".join(parts) + "\n", tuple(headings))
