"""HTML → text, keeping the article body and an offset map to the raw page.

Uses the standard library's lenient :class:`html.parser.HTMLParser`, so
malformed pages (unclosed tags, stray end tags) still give their text.
Navigation, headers, footers, sidebars, share and print widgets, scripts and
styles are dropped by element name and by class/id words.  A page cut off
inside a tag or a comment (``<b cla``, ``<!-- …``) loses the cut piece, as a
browser would show it, with a warning.  ``<h1>``–``<h6>`` are kept as
headings (their offsets in the extracted text).
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import attrs

from reportdiff._text import CJK
from reportdiff.errors import ParseError
from reportdiff.model import OffsetMap

DROP_TAGS = frozenset(
    ["script", "style", "noscript", "template", "head", "nav", "header", "footer", "aside", "form", "button", "select", "iframe", "svg", "canvas", "object", "embed", "video", "audio", "map"]
)
BLOCK_TAGS = frozenset(
    ["p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "tbody", "thead", "section", "article", "main", "blockquote", "pre", "hr", "dl", "dt", "dd", "center", "title", "figure", "figcaption", "address"]
)
VOID_TAGS = frozenset(["br", "img", "meta", "input", "hr", "link", "area", "base", "col", "embed", "param", "source", "track", "wbr"])
#: class/id words that mark page furniture rather than content.
DROP_ATTR = re.compile(
    r"(^|[\s_-])(nav|navbar|menu|breadcrumbs?|crumbs?|share|sharing|social|footer|foot|sidebar|"
    r"toolbar|copyright|banner|print|fontsize|font-size|topbar|header|position|location|pager|"
    r"related|comment|ads?|advert)([\s_-]|$)",
    re.IGNORECASE,
)


# Ideographs and CJK/full-width punctuation: a line break between them is no space.
_WIDE = re.compile(f"[{CJK}\u3000-\u30ff\uff00-\uffef]")
_HEADING_TAGS = {f"h{k}": k for k in range(1, 7)}
# Where the unparsed tail of a cut-off page starts markup: a tag, end tag, comment or declaration.
_CUT_MARKUP = re.compile(r"<[A-Za-z/!?]")


@attrs.frozen
class HtmlText:
    """The visible text of a page, its map back to the page, and its headings."""

    text: str
    """The extracted text."""
    offsets: OffsetMap
    """Maps offsets in :attr:`text` to the raw page."""
    headings: tuple[tuple[int, int, int], ...] = ()
    """``(start, end, level)`` of each ``<h1>``–``<h6>`` in :attr:`text`."""
    warnings: tuple[str, ...] = ()
    """What was left out, one sentence each."""


class _Extractor(HTMLParser):
    def __init__(self, raw: str) -> None:
        super().__init__(convert_charrefs=False)
        self.raw = raw
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", raw)]
        self.out: list[str] = []
        self.n = 0
        self.clean: list[int] = []
        self.rawpos: list[int] = []
        self.stack: list[tuple[str, bool]] = []  # (tag, dropped)
        self.drop_depth = 0
        self.pre_depth = 0
        self.open_headings: list[tuple[str, int]] = []  # (tag, start in out)
        self.headings: list[tuple[int, int, int]] = []

    def _pos(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def _emit(self, text: str, raw_start: int, linear: bool) -> None:
        if not text:
            return
        if linear:
            self.clean.append(self.n)
            self.rawpos.append(raw_start)
        else:
            for i in range(len(text)):
                self.clean.append(self.n + i)
                self.rawpos.append(raw_start)
        self.out.append(text)
        self.n += len(text)

    def _break(self) -> None:
        if self.drop_depth == 0:
            self._emit("\n\n", self._pos(), linear=False)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        words = " ".join(v or "" for k, v in attrs if k in ("class", "id", "role"))
        dropped = tag in DROP_TAGS or bool(words and DROP_ATTR.search(words))
        if tag in BLOCK_TAGS:
            self._break()
        if tag in VOID_TAGS:
            return
        if tag in _HEADING_TAGS and not dropped and not self.drop_depth:
            self.open_headings.append((tag, self.n))
        self.stack.append((tag, dropped))
        if dropped:
            self.drop_depth += 1
        if tag == "pre":
            self.pre_depth += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BLOCK_TAGS:
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if not any(t == tag for t, _ in self.stack):
            return  # a stray end tag
        for i in range(len(self.open_headings) - 1, -1, -1):
            if self.open_headings[i][0] == tag:
                _, start = self.open_headings.pop(i)
                self.headings.append((start, self.n, _HEADING_TAGS[tag]))
                break
        while self.stack:
            t, dropped = self.stack.pop()
            if dropped:
                self.drop_depth -= 1
            if t == "pre":
                self.pre_depth -= 1
            if t == tag:
                break
        if tag in BLOCK_TAGS:
            self._break()

    def handle_data(self, data: str) -> None:
        if self.drop_depth:
            return
        start = self._pos()
        if self.pre_depth:
            self._emit(data, start, linear=True)
            return
        pos = 0
        for m in re.finditer(r"[ \t\r]*\n\s*", data):
            self._emit(data[pos : m.start()], start + pos, linear=True)
            before = data[m.start() - 1] if m.start() else ""
            after = data[m.end()] if m.end() < len(data) else ""
            cjk = bool(_WIDE.match(before or "x")) or bool(_WIDE.match(after or "x"))
            self._emit("" if cjk else " ", start + m.start(), linear=False)
            pos = m.end()
        self._emit(data[pos:], start + pos, linear=True)

    def handle_entityref(self, name: str) -> None:
        if not self.drop_depth:
            self._emit(html.unescape(f"&{name};"), self._pos(), linear=False)

    def handle_charref(self, name: str) -> None:
        if not self.drop_depth:
            self._emit(html.unescape(f"&#{name};"), self._pos(), linear=False)


def html_to_text(raw: str, name: str = "<html>") -> HtmlText:
    """The visible article text of an HTML page, its map back to ``raw`` and its headings.

    Args:
        raw: the page.
        name: the file, for messages.

    Returns:
        The extracted text with its offset map, ``<h1>``–``<h6>`` and warnings.

    Raises:
        ParseError: the parser gave up on the page.

    >>> page = html_to_text("<nav>首页</nav><h2>一、总体</h2><p>正文&amp;说明</p><b cla")
    >>> page.text.split()
    ['一、总体', '正文&说明']
    >>> [page.text[s:e] for s, e, _ in page.headings]
    ['一、总体']
    """
    ex = _Extractor(raw)
    warnings: list[str] = []
    try:
        ex.feed(raw)
        tail = ex.rawdata
        cut = _CUT_MARKUP.search(tail)
        if cut:
            piece = tail[cut.start() :]
            ex.rawdata = tail[: cut.start()]
            what = "a comment" if piece.startswith("<!--") else "a tag"
            warnings.append(
                f"the page ends inside {what} ({piece[:20]!r}…, {len(piece)} characters), which was left out"
            )
        ex.close()
    except (AssertionError, ValueError, IndexError) as e:  # pragma: no cover - defensive
        raise ParseError(f"{name}: the HTML cannot be parsed ({e}); save the page as text and retry") from e
    text = "".join(ex.out)
    headings = sorted(ex.headings)
    for tag, start in ex.open_headings:  # unclosed: the heading ends at the next block break
        brk = text.find("\n\n", start + 1)
        headings.append((start, len(text) if brk < 0 else brk, _HEADING_TAGS[tag]))
    headings = sorted(h for h in headings if text[h[0] : h[1]].strip())
    if not ex.clean:
        return HtmlText(text, OffsetMap.identity(0), (), tuple(warnings))
    # Drop anchors implied by the previous linear piece.
    kc: list[int] = []
    kr: list[int] = []
    for c, r in zip(ex.clean, ex.rawpos, strict=True):
        if kc and c == kc[-1]:
            kc[-1], kr[-1] = c, r
            continue
        if kc and r - kr[-1] == c - kc[-1]:
            continue
        kc.append(c)
        kr.append(r)
    return HtmlText(text, OffsetMap(tuple(kc), tuple(kr), len(raw), len(text)), tuple(headings), tuple(warnings))
