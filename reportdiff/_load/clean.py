"""Cleaning a decoded text: a chain of small regex-driven passes that keep the offset map.

The passes: line ends to ``\\n``; zero-width characters removed (a line of
nothing else with its line break); web page chrome lines and a trailing
licence footer removed; mid-sentence line breaks joined (Chinese: removed;
English: a space, with end-of-line hyphenation undone); runs of blank lines
collapsed.  Nothing here knows any particular document: chrome and licence
footers are recognised by patterns kept as data at the top of this module.
"""

from __future__ import annotations

import re

from reportdiff._load.offsets import Cleaner
from reportdiff._text import MARKDOWN_HEADING, ZERO_WIDTH, Language, detect_language
from reportdiff.model import OffsetMap

__all__ = ["CHROME_LINE_PATTERNS", "FOOTER_MAX", "FOOTER_START_PATTERNS", "clean_text"]

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
    r"^[【\[]?\s*(打印本页|关闭窗口|打印|关闭|返回顶部|分享到)[\s|｜:：】\]]*",
    # a menu: three or more short items between bars (首页 | 政务公开 | 政务服务), no digits or punctuation
    r"^[^\s|｜\d，。；：,.;:]{1,8}(?:\s*[|｜]\s*[^\s|｜\d，。；：,.;:]{1,8}){2,}\s*$",
    r"^(扫一扫|微信扫一扫)",
    r"^(Skip to (main )?content|Share this|Print this page|Back to top)\b",
    r"^(Copyright|©)\s",
    r"(^|\s)©\s*\d{4}|\d{4}\s*©",
    r"^(Last (revision|revised|updated|modified|reviewed)( date| on)?|Page last (updated|reviewed)|Date of publication)\s*[:：]",
)
#: Longest line (in characters) that may be dropped as chrome.
CHROME_MAX = 120
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

# A line that starts a numbered heading: used to keep line joins from gluing
# a heading to its neighbour.
_HEADING_START = re.compile(
    r"^[ \t\u3000]*(?:[一二三四五六七八九十百]+(?:、|[.．](?!\d))|[（(][一二三四五六七八九十百\d]+[）)]|"
    r"第[一二三四五六七八九十百\d]+[章节条部分篇]|\d{1,2}[、.．](?!\d)|[①-⑳]|——|#)"
)
NUMBERED_START = re.compile(_HEADING_START.pattern.replace("|——|#)", ")"))
# Sentence-final punctuation at a line end: a line ending so is a whole paragraph.
CN_LINE_END = re.compile(r"[。！？；：!?;:…][”’」』）)\]】]*[ \t\u3000]*$")


_PUBLISH_DATE = re.compile(
    r"(?:发布时间|发布日期|日期)\s*[:：]\s*(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})"
)

def _is_chrome_line(line: str) -> bool:
    s = line.strip()
    return bool(s) and len(s) <= CHROME_MAX and any(rx.search(s) for rx in _CHROME_RES)


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


def clean_text(
    text: str, *, language: Language | None = None
) -> tuple[str, OffsetMap, tuple[str, ...], dict[str, str]]:
    """Clean a decoded report text.

    Args:
        text: the decoded (or extracted) text.
        language: decides how broken lines are joined; detected when None.

    Returns:
        ``(cleaned, offsets, warnings, metadata)``; ``offsets`` maps the cleaned
        text back to ``text``; metadata holds a ``publish_date`` found in page chrome.

    >>> clean_text("国内生产总值达到74.4\\n\\u200b\\n万亿元。")[0]
    '国内生产总值达到74.4万亿元。'
    """
    c = Cleaner(text)
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
    )
    if n_chrome:
        warnings.append(f"removed {n_chrome} line(s) of web page chrome")
    start = _footer_start(c.text)
    if start is not None:
        tail = c.text[start:]
        c.apply([(start, len(c.text), "")])
        warnings.append(f"removed a licence/source footer of {len(tail)} characters")

    lang = language or detect_language(c.text)
    if lang is Language.ZH:
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


def _join_cn_lines(c: Cleaner) -> None:
    """Remove line breaks that split a Chinese sentence (web links, numbers
    split from their units, subscripts such as ``PM\\n2.5``)."""
    edits: list[tuple[int, int, str]] = []
    for pos, prev, nxt in _line_breaks(c.text):
        if CN_LINE_END.search(prev) or _HEADING_START.match(nxt) or MARKDOWN_HEADING.match(prev):
            continue
        if NUMBERED_START.match(prev) and len(prev.strip()) <= 40 and "。" not in prev:
            continue  # a numbered heading line stays a line of its own
        edits.append((pos, pos + 1, ""))
    c.apply(edits)


_EN_TABLE_ROW = re.compile(r"\S {3,}\S|\S\t\S|\.{4,}|^\s*[\d$(),.%*\s–—-]+$")
# A line ending a sentence (or clause): what may stand before a heading line.
_EN_SENTENCE_END = re.compile(r"[.!?:;][”’\"')\]]*\s*$")
# A line that could be a heading: starts with a capital or a digit, does not end like prose.
_EN_HEADING_LIKE = re.compile(r"^\s*[A-Z0-9#][^\n]{0,99}(?<![.,;:\s])\s*$")


def _join_en_lines(c: Cleaner) -> None:
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
        if nxt[:1].isspace() or len(prev.strip()) < 45 or _HEADING_START.match(nxt) or MARKDOWN_HEADING.match(prev):
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


