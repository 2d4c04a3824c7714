"""Loading: bytes → decoded raw text → cleaned text with an offset map back.

Cleaning is a chain of small, regex-driven passes.  Each pass records what it
replaced, so every cleaned character maps back to its raw offset
(:class:`~reportdiff.model.OffsetMap`).  Nothing here knows any particular
document: chrome and licence footers are recognised by patterns kept as data
at the top of this module.
"""

from __future__ import annotations

import bisect
import os
import re
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path

import attrs

from reportdiff._load.html import html_to_text
from reportdiff.errors import DecodeError, EmptyInputError, InputError, YearError
from reportdiff.model import Document, OffsetMap

__all__ = ["MAX_BYTES", "clean_text", "decode", "detect_year", "load", "load_text"]

#: Files larger than this are refused (pass ``max_bytes`` to raise it).
MAX_BYTES = 200 * 1024 * 1024

ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_ZW_CLASS = f"[{ZERO_WIDTH}]"
_HSPACE = "[ \t\u3000\u00a0]"

#: Lines of web page chrome: breadcrumbs, publish/view counters, font-size
#: switches, share/print links, footers.  A line is dropped only when it is
#: short (see ``_CHROME_MAX``) and matches one of these.
CHROME_LINE_PATTERNS: tuple[str, ...] = (
    r"^(当前位置|您的位置|你的位置|您现在的位置|所在位置)\s*[:：]",
    r"(发布时间|发布日期|来源|浏览次数|访问次数|点击数|阅读次数)\s*[:：].{0,80}(浏览次数|字号|来源|作者|点击)",
    r"^(发布时间|发布日期|信息来源|来源|浏览次数)\s*[:：]",
    r"【?\s*字号\s*[:：]?\s*(默认|大|中|小|特大)",
    r"^(网站地图|联系我们|关于我们|网站声明|隐私声明|设为首页|加入收藏)(\s*[|｜/]\s*\S+)*\s*$",
    r"版权所有",
    r"ICP\s*备|ICP证|公安(机关)?备案|公网安备|网站标识码",
    r"^(打印本页|关闭窗口|打印|关闭|返回顶部|分享到)[\s|｜:：]*",
    r"^(扫一扫|微信扫一扫)",
    r"^(Skip to (main )?content|Share this|Print this page|Back to top)\b",
    r"^(Copyright|©)\s",
)
_CHROME_MAX = 120
_CHROME_RES = tuple(re.compile(p, re.IGNORECASE) for p in CHROME_LINE_PATTERNS)

#: A line that starts a licence or source footer: it and everything after it
#: is dropped (when it starts within ``FOOTER_MAX`` characters of the end).
FOOTER_START_PATTERNS: tuple[str, ...] = (
    r"^本作品是中华人民共和国的",
    r"^本作品(在全世界)?(都)?属于公有领域",
    r"^This work is in the public domain",
)
_FOOTER_RES = tuple(re.compile(p) for p in FOOTER_START_PATTERNS)
#: A footer is removed only when it starts within this many characters of the end.
FOOTER_MAX = 3000

_YEAR_IN_NAME = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")
_YEAR_IN_TITLE = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)\s*年")
_EN_YEAR_IN_TITLE = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")

_PUBLISH_DATE = re.compile(
    r"(?:发布时间|发布日期|日期)\s*[:：]\s*(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})"
)
_CN_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")

# A line that starts a numbered heading: used to keep line joins from gluing
# a heading to its neighbour.
_HEADING_START = re.compile(
    r"^[ \t\u3000]*(?:[一二三四五六七八九十百]+(?:、|[.．](?!\d))|[（(][一二三四五六七八九十百\d]+[）)]|"
    r"第[一二三四五六七八九十百\d]+[章节条部分篇]|\d{1,2}[、.．](?!\d)|[①-⑳]|——|#)"
)
_NUMBERED_START = re.compile(_HEADING_START.pattern.replace("|——|#)", ")"))
# Sentence-final punctuation at a line end: a line ending so is a whole paragraph.
_CN_LINE_END = re.compile(r"[。！？；：!?;:…][”’」』）)\]】]*[ \t\u3000]*$")


# --------------------------------------------------------------------------
# edit-tracking substitution
# --------------------------------------------------------------------------


@attrs.frozen
class _Pass:
    """The text after one cleaning pass and the map back to the text before it."""

    text: str
    clean: tuple[int, ...]
    raw: tuple[int, ...]


def _apply(text: str, edits: Sequence[tuple[int, int, str]]) -> _Pass:
    """Replace ``text[start:end]`` by ``new`` for each (sorted, disjoint) edit,
    recording a piecewise-linear offset map."""
    out: list[str] = []
    clean: list[int] = [0]
    raw: list[int] = [0]
    pos = 0
    n = 0  # length of output so far
    for s, e, new in edits:
        out.append(text[pos:s])
        n += s - pos
        clean.append(n)
        raw.append(s)
        out.append(new)
        n += len(new)
        clean.append(n)
        raw.append(e)
        pos = e
    out.append(text[pos:])
    return _Pass("".join(out), tuple(clean), tuple(raw))


def _compose(outer: OffsetMap, inner: _Pass, inner_source_len: int) -> OffsetMap:
    """The map from ``inner.text`` to the raw text, given ``outer`` mapping
    ``inner``'s source to the raw text."""
    # inner: new -> mid (piecewise linear); outer: mid -> raw.
    pts: dict[int, int] = {}
    ic, ir = inner.clean, inner.raw
    for c, r in zip(ic, ir, strict=True):
        pts[c] = outer.to_raw(r) if r < inner_source_len else outer.raw_length
    # Every anchor of ``outer`` inside a linear piece of ``inner`` adds a point.
    for oc in outer.anchors_clean:
        k = bisect.bisect_right(ir, oc) - 1
        if k < 0:
            continue
        # The piece k runs over new [ic[k], ic[k+1]) and mid [ir[k], ...).
        piece_end = ic[k + 1] if k + 1 < len(ic) else len(inner.text)
        x = ic[k] + (oc - ir[k])
        if ic[k] <= x < piece_end and x not in pts:
            pts[x] = outer.to_raw(oc)
    keys = sorted(pts)
    # Drop points implied by the previous linear piece.
    kc: list[int] = []
    kr: list[int] = []
    for c in keys:
        r = pts[c]
        if kc and r - kr[-1] == c - kc[-1]:
            continue
        kc.append(c)
        kr.append(r)
    return OffsetMap(tuple(kc), tuple(kr), outer.raw_length, len(inner.text))


class _Cleaner:
    """Applies passes one after another, keeping the composed offset map."""

    def __init__(self, text: str, offsets: OffsetMap | None = None) -> None:
        self.text = text
        self.offsets = offsets or OffsetMap.identity(len(text))
        self.removed: list[tuple[str, str]] = []  # (what, sample)

    def sub(self, pattern: str | re.Pattern[str], repl: str | Callable[[re.Match[str]], str], what: str = "") -> int:
        rx = re.compile(pattern) if isinstance(pattern, str) else pattern
        fn: Callable[[re.Match[str]], str] = (lambda m: repl) if isinstance(repl, str) else repl
        count = 0

        def counting(m: re.Match[str]) -> str:
            nonlocal count
            new = fn(m)
            if new != m.group():
                count += 1
                if what and len(self.removed) < 50:
                    self.removed.append((what, m.group().strip()[:60]))
            return new

        edits = []
        for m in rx.finditer(self.text):
            new = counting(m)
            if new != m.group():
                edits.append((m.start(), m.end(), new))
        return self.apply(edits)

    def apply(self, edits: Sequence[tuple[int, int, str]]) -> int:
        """Apply sorted, disjoint ``(start, end, new)`` edits; return how many."""
        if edits:
            p = _apply(self.text, edits)
            self.offsets = _compose(self.offsets, p, len(self.text))
            self.text = p.text
        return len(edits)


# --------------------------------------------------------------------------
# reading and decoding
# --------------------------------------------------------------------------


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    name = str(path)
    if not path.exists():
        raise InputError(f"{name}: no such file; check the path")
    if path.is_dir():
        raise InputError(f"{name}: is a folder, not a report file; name the files inside it")
    size = path.stat().st_size
    if size > max_bytes:
        raise InputError(
            f"{name}: {size / 1e6:.1f} MB is larger than the {max_bytes / 1e6:.1f} MB limit; "
            "split the file or pass a larger max_bytes"
        )
    try:
        return path.read_bytes()
    except PermissionError as e:
        raise InputError(f"{name}: permission denied; make the file readable") from e
    except OSError as e:
        raise InputError(f"{name}: cannot read ({e.strerror}); check the file") from e


def _looks_utf16(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) / 2
    if odd > 0.3 * half and even < 0.15 * half and odd > 2 * even:
        return "utf-16-le"
    if even > 0.3 * half and odd < 0.15 * half and even > 2 * odd:
        return "utf-16-be"
    return None


def _is_binary(text: str) -> bool:
    """True when a decoded text holds control characters no report has."""
    sample = text[:65536]
    if not sample:
        return False
    bad = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\t\n\r\f\v") or ch == "\ufffd")
    return bad > max(2, len(sample) // 200)


def _plausible(text: str) -> bool:
    """True when most letters of a guessed decoding are Latin or CJK, as in the
    reports this library reads (a wrong guess gives Cyrillic or symbol soup)."""
    sample = [ch for ch in text[:20000] if not ch.isspace()]
    if not sample:
        return False
    good = sum(1 for ch in sample if ch < "\u0250" or "\u3000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef")
    return good >= 0.9 * len(sample)


def decode(data: bytes, name: str = "<bytes>") -> tuple[str, str]:
    """Decode a report's bytes; return ``(text, encoding)``.

    Tries, in order: a byte-order mark (UTF-8, UTF-16), UTF-16 without BOM,
    UTF-8, GB18030 (a superset of GBK and GB2312), then charset-normalizer's
    best guess.

    Raises:
        InputError: the bytes are binary (NUL bytes, control characters).
        DecodeError: no encoding decodes them.

    >>> decode("年报".encode("gb18030"))
    ('年报', 'gb18030')
    """
    boms = (
        (b"\xef\xbb\xbf", "utf-8-sig"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    )
    candidates: list[str] = []
    for bom, enc in boms:
        if data.startswith(bom):
            candidates.append(enc)
            break
    u16 = None if candidates else _looks_utf16(data)
    if u16:
        candidates.append(u16)
    elif not candidates and b"\x00" in data[:8192]:
        raise InputError(f"{name}: binary file (NUL bytes); give a text, HTML or Markdown report")
    candidates += ["utf-8", "gb18030"]
    for enc in candidates:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if _is_binary(text):
            raise InputError(f"{name}: binary file (control characters); give a text, HTML or Markdown report")
        return text, enc
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - a declared dependency
        best = None
    else:
        best = from_bytes(data[:1_000_000]).best()
    if best is not None and best.encoding:
        try:
            text = data.decode(best.encoding)
        except (UnicodeDecodeError, LookupError):
            text = ""
        if text and not _is_binary(text) and _plausible(text):
            return text, best.encoding
    raise DecodeError(
        f"{name}: cannot decode the bytes as UTF-8, UTF-16 or GB18030; save the file as UTF-8"
    )


# --------------------------------------------------------------------------
# cleaning
# --------------------------------------------------------------------------


def detect_language(text: str) -> str:
    """``zh`` when CJK characters outnumber Latin letters in ``text``, else ``en``.

    >>> detect_language("政府工作报告"), detect_language("Annual letter")
    ('zh', 'en')
    """
    sample = text[:200_000]
    cjk = len(re.findall(r"[\u4e00-\u9fff]", sample))
    latin = len(re.findall(r"[A-Za-z]", sample))
    return "zh" if cjk * 2 >= latin and cjk > 0 else "en"


def _is_chrome_line(line: str) -> bool:
    s = line.strip()
    return bool(s) and len(s) <= _CHROME_MAX and any(rx.search(s) for rx in _CHROME_RES)


def _footer_start(text: str) -> int | None:
    """Offset of a licence-footer line that starts the last few thousand
    characters of ``text`` (a footer is short; text after a long tail is kept)."""
    floor = max(0, len(text) - FOOTER_MAX)
    best: int | None = None
    for rx in _FOOTER_RES:
        for m in re.finditer(rx.pattern, text[floor:], re.MULTILINE):
            if best is None or floor + m.start() < best:
                best = floor + m.start()
            break
    return best


def clean_text(text: str, language: str | None = None) -> tuple[str, OffsetMap, tuple[str, ...], dict[str, str]]:
    """Clean a decoded report text.

    Returns ``(cleaned, offsets, warnings, metadata)``; ``offsets`` maps the
    cleaned text back to ``text``.  The passes: line ends to ``\\n``; lines
    holding only zero-width characters removed with their line break, other
    zero-width characters removed; web page chrome lines and a trailing
    licence footer removed; mid-sentence line breaks joined (Chinese:
    removed; English: a space, with end-of-line hyphenation undone); runs of
    blank lines collapsed to one.

    >>> clean_text("国内生产总值达到74.4\\n\\u200b\\n万亿元。")[0]
    '国内生产总值达到74.4万亿元。'
    """
    c = _Cleaner(text)
    meta: dict[str, str] = {}
    warnings: list[str] = []
    c.sub(r"\r\n?", "\n")
    # Lines of nothing but zero-width characters (and spaces) go with their line break.
    c.sub(rf"\n{_HSPACE}*{_ZW_CLASS}[{ZERO_WIDTH} \t\u3000]*(?=\n|$)", "")
    c.sub(rf"^{_HSPACE}*{_ZW_CLASS}[{ZERO_WIDTH} \t\u3000]*\n", "")
    c.sub(_ZW_CLASS, "")

    # Web page chrome: take the publish date first, then drop the lines.
    m = _PUBLISH_DATE.search(c.text[:5000])
    if m:
        meta["publish_date"] = f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
    n_chrome = c.sub(
        re.compile(r"^[^\n]*(?:\n|$)", re.MULTILINE),
        lambda mm: "" if _is_chrome_line(mm.group()) else mm.group(),
        "chrome",
    )
    if n_chrome:
        warnings.append(f"removed {n_chrome} line(s) of web page chrome")
    start = _footer_start(c.text)
    if start is not None:
        tail = c.text[start:]
        c.apply([(start, len(c.text), "")])
        warnings.append(f"removed a licence/source footer of {len(tail)} characters")

    lang = language or detect_language(c.text)
    if lang == "zh":
        _join_cn_lines(c)
    else:
        _join_en_lines(c)
    # Collapse runs of blank lines (lines of spaces only) to one blank line.
    c.sub(r"\n(?:[ \t\u3000\u00a0]*\n){2,}", "\n\n")
    c.sub(r"\A(?:[ \t\u3000\u00a0]*\n)+", "")
    c.sub(r"(?:\n[ \t\u3000\u00a0]*)+\Z", "\n")
    return c.text, c.offsets, tuple(warnings), meta


def _line_breaks(text: str) -> list[tuple[int, str, str]]:
    """Each single line break between two non-blank lines: (offset, line before, line after)."""
    out: list[tuple[int, str, str]] = []
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    lines = text.split("\n")
    for i in range(len(lines) - 1):
        prev, nxt = lines[i], lines[i + 1]
        if prev.strip() and nxt.strip():
            out.append((starts[i + 1] - 1, prev, nxt))
    return out


def _join_cn_lines(c: _Cleaner) -> None:
    """Remove line breaks that split a Chinese sentence (web links, numbers
    split from their units, subscripts such as ``PM\\n2.5``)."""
    edits: list[tuple[int, int, str]] = []
    for pos, prev, nxt in _line_breaks(c.text):
        if _CN_LINE_END.search(prev) or _HEADING_START.match(nxt):
            continue
        if _NUMBERED_START.match(prev) and len(prev.strip()) <= 40 and "。" not in prev:
            continue  # a numbered heading line stays a line of its own
        edits.append((pos, pos + 1, ""))
    c.apply(edits)


_EN_TABLE_ROW = re.compile(r"\S {3,}\S|\S\t\S|\.{4,}|^\s*[\d$(),.%*\s–—-]+$")
# A line ending a sentence (or clause): what may stand before a heading line.
_EN_SENTENCE_END = re.compile(r"[.!?:;][”’\"')\]]*\s*$")
# A line that could be a heading: starts with a capital or a digit, does not end like prose.
_EN_HEADING_LIKE = re.compile(r"^\s*[A-Z0-9#][^\n]{0,99}(?<![.,;:\s])\s*$")


def _join_en_lines(c: _Cleaner) -> None:
    """Join hard-wrapped English lines inside a paragraph with a space, and
    undo end-of-line hyphenation (``insur-\\nance`` → ``insurance``).

    A line break is kept when either side looks like a table row, the next
    line is indented (a new paragraph), the line before is short (a heading or
    a signature line), or a heading-like line stands between the end of one
    paragraph and the start of the next: after a line that ends a sentence (or
    a blank line) and before a blank or indented line, or, when it is well
    short of the page width, before a flush-left line."""
    text = c.text
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    lines = text.split("\n")
    edges = sorted(len(ln.rstrip()) for ln in lines if len(ln.strip()) > 20)
    width = edges[int(0.9 * (len(edges) - 1))] if edges else 80

    def blank_or_indented(i: int, than: str) -> bool:
        if i >= len(lines) or not lines[i].strip():
            return True
        lead = len(lines[i]) - len(lines[i].lstrip())
        return lead > len(than) - len(than.lstrip()) and not _EN_TABLE_ROW.search(lines[i])

    def ends_before(i: int) -> bool:
        return i < 0 or not lines[i].strip() or bool(_EN_SENTENCE_END.search(lines[i]))

    edits: list[tuple[int, int, str]] = []
    for i in range(len(lines) - 1):
        prev, nxt = lines[i], lines[i + 1]
        if not (prev.strip() and nxt.strip()):
            continue
        pos = starts[i + 1] - 1
        if _EN_TABLE_ROW.search(prev) or _EN_TABLE_ROW.search(nxt):
            continue
        if nxt[:1].isspace() or len(prev.strip()) < 45 or _HEADING_START.match(nxt):
            continue
        if _EN_HEADING_LIKE.match(nxt) and ends_before(i) and blank_or_indented(i + 2, nxt):
            continue  # the next line is a heading standing between two paragraphs
        if _EN_HEADING_LIKE.match(prev) and ends_before(i - 1) and len(prev.rstrip()) < 0.7 * width:
            continue  # this line is a heading over a flush-left paragraph
        if prev.endswith("-") and nxt[:1].islower() and prev[-2:-1].isalpha():
            edits.append((pos - 1, pos + 1, ""))
        else:
            edits.append((pos, pos + 1, " "))
    c.apply(edits)


# --------------------------------------------------------------------------
# title block, year
# --------------------------------------------------------------------------

_TITLE_WORDS = re.compile(r"报告|年报|公报|纲要|致股东|Report|Letter|Annual|Shareholders", re.IGNORECASE)


def _title_block(text: str) -> tuple[str, dict[str, str], int]:
    """The title, metadata, and the offset where the body starts.

    The title block is a run of short lines at the very top whose first line
    looks like a title (it names a report or letter, or carries a year),
    followed only by a date/occasion line (``——2017年3月5日在……会议上``) and a
    speaker line (``国务院总理　李克强``).  A Markdown ``#`` title gives the
    title but stays in the body as a heading.
    """
    meta: dict[str, str] = {}
    lines = list(re.finditer(r"[^\n]*\n?", text[:3000]))
    title = ""
    end = 0
    for m in lines:
        line = m.group().strip()
        if not line:
            if title:
                end = m.end()
            continue
        if not title:
            md = re.match(r"#{1,6}\s+(.+?)\s*#*$", line)
            if md:
                return md.group(1), {}, 0
            if len(line) > 60 or _CN_LINE_END.search(line) or _NUMBERED_START.match(line):
                break
            if not (_TITLE_WORDS.search(line) or _YEAR_IN_TITLE.search(line)):
                break
            title = line
            end = m.end()
            continue
        dm = _CN_DATE.search(line)
        if dm and "date" not in meta and len(line) <= 60:
            meta["date"] = f"{int(dm.group(1)):04d}-{int(dm.group(2)):02d}-{int(dm.group(3)):02d}"
            meta["occasion"] = re.sub(r"^[—\-\s]+", "", line)
        elif "speaker" not in meta and not _NUMBERED_START.match(line) and re.fullmatch(r"[\u4e00-\u9fff]{2,12}[ \u3000]+[\u4e00-\u9fff·]{2,6}", line):
            meta["speaker"] = re.sub(r"[ \u3000]+", " ", line)
        else:
            break
        end = m.end()
    if not title:
        return "", {}, 0
    return title, meta, end


def detect_year(path: str, title: str, text: str) -> int | None:
    """The report's year from the file name, else from its title.

    >>> detect_year("reports/report_2019.html", "", "")
    2019
    >>> detect_year("a.txt", "2022年法治政府建设工作报告", "")
    2022
    """
    stem = Path(path).stem if path else ""
    found = sorted(set(_YEAR_IN_NAME.findall(stem)))
    if len(found) == 1:
        return int(found[0])
    for src in (title, text[:300]):
        ys = sorted(set(_YEAR_IN_TITLE.findall(src)))
        if len(ys) == 1:
            return int(ys[0])
    if title:
        ys = sorted(set(_EN_YEAR_IN_TITLE.findall(title)))
        if len(ys) == 1:
            return int(ys[0])
    return None


# --------------------------------------------------------------------------
# entry points
# --------------------------------------------------------------------------


def _detect_format(name: str, text: str) -> str:
    ext = os.path.splitext(name)[1].lower()
    if ext in (".html", ".htm", ".xhtml", ".shtml"):
        return "html"
    if ext in (".md", ".markdown"):
        return "markdown"
    head = text[:2000].lstrip().lower()
    if head.startswith(("<!doctype html", "<html")) or re.search(r"<(body|div|p)[\s>]", head):
        return "html"
    return "text"


def load_text(
    raw_text: str,
    *,
    path: str = "",
    year: int | None = None,
    encoding: str = "utf-8",
    fmt: str | None = None,
) -> Document:
    """Clean an already decoded report text into a :class:`Document`.

    Args:
        raw_text: the decoded file.
        path: where it came from (used in messages and for the year).
        year: the report's year; found from the path or title when None.
        encoding: the encoding the text was decoded with (recorded only).
        fmt: ``text``, ``html`` or ``markdown``; guessed from the path and content when None.

    Raises:
        EmptyInputError: no text is left after cleaning.
        YearError: ``year`` is None and neither the path nor the title tells it.

    >>> doc = load_text("2019年工作报告\\n\\n一、回顾\\n\\n正文。", path="x.txt")
    >>> doc.year, doc.title
    (2019, '2019年工作报告')
    """
    name = path or "<text>"
    fmt = fmt or _detect_format(path, raw_text)
    if not raw_text.strip():
        raise EmptyInputError(f"{name}: the file is empty; give a report with text")
    if fmt == "html":
        extracted, base = html_to_text(raw_text, name)
    else:
        extracted, base = raw_text, OffsetMap.identity(len(raw_text))
    text, offsets, warnings, meta = clean_text(extracted)
    if fmt == "html":
        offsets = _chain(base, offsets)
    if not text.strip():
        raise EmptyInputError(f"{name}: no report text is left after removing page chrome; check it is the right file")
    title, tmeta, body_start = _title_block(text)
    meta.update(tmeta)
    if year is None:
        year = detect_year(path, title, text)
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
        warnings=warnings,
    )


def _chain(first: OffsetMap, second: OffsetMap) -> OffsetMap:
    """``second`` maps cleaned → extracted, ``first`` extracted → raw: compose."""
    p = _Pass("x" * second.clean_length, second.anchors_clean, second.anchors_raw)
    out = _compose(first, p, second.raw_length)
    return attrs.evolve(out, raw_length=first.raw_length)


def load(path: str | os.PathLike[str], *, year: int | None = None, max_bytes: int = MAX_BYTES) -> Document:
    """Read and clean one report file.

    Args:
        path: a text, HTML or Markdown file in UTF-8 (with or without BOM),
            UTF-16 or GB18030/GBK.
        year: the report's year; from the file name or title when None.
        max_bytes: refuse files larger than this.

    Raises:
        InputError, EmptyInputError, DecodeError, YearError: with a one-line
        message naming the file and the fix.

    >>> load("fixtures/xishan-rule-of-law/2022.txt").year
    2022
    """
    p = Path(path)
    data = _read_bytes(p, max_bytes)
    name = str(path)
    if not data.strip():
        raise EmptyInputError(f"{name}: the file is empty; give a report with text")
    if p.suffix.lower() == ".docx":
        return load_text(_docx_text(data, name), path=name, year=year, encoding="docx", fmt="text")
    text, enc = decode(data, name)
    return load_text(text, path=name, year=year, encoding=enc)


def _docx_text(data: bytes, name: str) -> str:
    """The paragraphs of a Word document, one per line with blank lines between.

    The raw text of a DOCX report is this extracted text (the file itself is a
    zip archive), so raw offsets index it.
    """
    import io
    import zipfile
    from xml.etree import ElementTree

    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            xml = z.read("word/document.xml")
        root = ElementTree.fromstring(xml)
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError) as e:
        raise InputError(f"{name}: not a readable .docx file ({e}); save it again from Word or as text") from e
    paras = []
    for para in root.iter(f"{w}p"):
        parts = []
        for node in para.iter():
            if node.tag == f"{w}t" and node.text:
                parts.append(node.text)
            elif node.tag == f"{w}tab":
                parts.append("\t")
            elif node.tag in (f"{w}br", f"{w}cr"):
                parts.append("\n")
        paras.append("".join(parts))
    return "\n\n".join(paras) + "\n"


def body_start(doc: Document) -> int:
    """Offset in ``doc.text`` where the report body starts (after its title block)."""
    return int(doc.meta.get("body_start", "0"))


def normalize(text: str) -> str:
    """NFKC with zero-width characters removed: for matching, never for display.

    >>> normalize("（一）２００１年")
    '(一)2001年'
    """
    return unicodedata.normalize("NFKC", text).translate(dict.fromkeys(map(ord, ZERO_WIDTH)))
