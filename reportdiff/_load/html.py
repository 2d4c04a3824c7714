"""HTML → text, keeping the article body and an offset map to the raw page.

Uses the standard library's lenient :class:`html.parser.HTMLParser`, so
malformed pages (unclosed tags, stray end tags) still give their text.
Navigation, headers, footers, sidebars, share and print widgets, scripts and
styles are dropped by element name and by class/id words.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

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
            cjk = bool(re.match(r"[\u3000-\u9fff\uff00-\uffef]", before or "x")) or bool(
                re.match(r"[\u3000-\u9fff\uff00-\uffef]", after or "x")
            )
            self._emit("" if cjk else " ", start + m.start(), linear=False)
            pos = m.end()
        self._emit(data[pos:], start + pos, linear=True)

    def handle_entityref(self, name: str) -> None:
        if not self.drop_depth:
            self._emit(html.unescape(f"&{name};"), self._pos(), linear=False)

    def handle_charref(self, name: str) -> None:
        if not self.drop_depth:
            self._emit(html.unescape(f"&#{name};"), self._pos(), linear=False)


def html_to_text(raw: str, name: str = "<html>") -> tuple[str, OffsetMap]:
    """The visible article text of an HTML page and its map back to ``raw``.

    Raises:
        ParseError: the parser gave up on the page.

    >>> html_to_text("<nav>首页</nav><p>正文&amp;说明</p><footer>版权</footer>")[0].strip()
    '正文&说明'
    """
    ex = _Extractor(raw)
    try:
        ex.feed(raw)
        ex.close()
    except (AssertionError, ValueError, IndexError) as e:  # pragma: no cover - defensive
        raise ParseError(f"{name}: the HTML cannot be parsed ({e}); save the page as text and retry") from e
    text = "".join(ex.out)
    if not ex.clean:
        return text, OffsetMap.identity(0)
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
    return text, OffsetMap(tuple(kc), tuple(kr), len(raw), len(text))
