"""Facts about text shared by every stage: scripts, language, normal forms, lines.

The one home for "is this Chinese?", the CJK character ranges, the zero-width
characters, Unicode normalisation for matching and line iteration.  Nothing in
this module imports from the rest of reportdiff.
"""

from __future__ import annotations

import enum
import functools
import re
import unicodedata
from collections.abc import Iterator

__all__ = [
    "CJK",
    "MARKDOWN_HEADING",
    "SETEXT_UNDERLINE",
    "ZERO_WIDTH",
    "Language",
    "cjk_count",
    "detect_language",
    "halfwidth_digits",
    "is_cjk",
    "iter_lines",
    "markdown_headings",
    "match_key",
    "nfkc",
    "simplified_table",
    "strip_zero_width",
    "to_simplified",
]


class Language(enum.StrEnum):
    """The language of a report: decides tokenisation, heading rules and number words.

    A :class:`str` enum, so ``Language.ZH == "zh"`` and it prints as ``zh`` in tables.
    """

    ZH = "zh"
    """Chinese, Simplified or Traditional."""
    EN = "en"
    """English (and other Latin-script text)."""


CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f"
"""CJK ideographs (unified, extension A–F, compatibility) as a regex class body: ``f"[{CJK}]"``."""

ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
"""Characters that print as nothing: zero-width space/joiners, word joiner, BOM, soft hyphen."""

_CJK_RUN_RE = re.compile(f"[{CJK}]+")
_LATIN_RE = re.compile(r"[A-Za-z\u00c0-\u024f]")
_ZW_TABLE = dict.fromkeys(map(ord, ZERO_WIDTH))
_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")

#: How much of a text :func:`detect_language` looks at.
LANGUAGE_SAMPLE = 200_000


def is_cjk(ch: str) -> bool:
    """True for a CJK ideograph (``中``, ``萬``, ``㐀``); False for kana, punctuation, Latin.

    >>> is_cjk("中"), is_cjk("萬"), is_cjk("。"), is_cjk("a")
    (True, True, False, False)
    """
    return bool(_cjk_re().match(ch))


@functools.cache
def _cjk_re() -> re.Pattern[str]:
    """One CJK ideograph, compiled on first use (the parser's heading rules need it, a diff does not)."""
    return re.compile(f"[{CJK}]")


def cjk_count(text: str) -> int:
    """How many CJK ideographs ``text`` holds.

    >>> cjk_count("GDP增长6%")
    2
    """
    return sum(map(len, _CJK_RUN_RE.findall(text)))  # runs, not characters: fewer objects


def detect_language(text: str) -> Language:
    """Chinese when its ideographs are at least half as many as its Latin letters.

    One Chinese character carries about as much as two or three Latin letters,
    so a Chinese report quoting English names stays Chinese, while an English
    text with a few Chinese names stays English.  Only the first
    :data:`LANGUAGE_SAMPLE` characters are read.

    >>> detect_language("政府工作报告"), detect_language("Annual letter"), detect_language("ABC中")
    (<Language.ZH: 'zh'>, <Language.EN: 'en'>, <Language.EN: 'en'>)
    """
    sample = text[:LANGUAGE_SAMPLE]
    cjk = cjk_count(sample)
    latin = len(_LATIN_RE.findall(sample))
    return Language.ZH if cjk > 0 and cjk * 2 >= latin else Language.EN


_WIDE_RE = re.compile("[\uff01-\uff5e\u3000]+")
_WIDE_TABLE = str.maketrans({chr(c): unicodedata.normalize("NFKC", chr(c)) for c in (*range(0xFF01, 0xFF5F), 0x3000)})


def _narrow(m: re.Match[str]) -> str:
    return m.group().translate(_WIDE_TABLE)


def nfkc(text: str) -> str:
    """NFKC normal form: full-width letters, digits and brackets folded (``（一）２`` → ``(一)2``).

    The same string as ``unicodedata.normalize("NFKC", text)``, faster on Chinese text: its
    full-width forms (``，`` ``（`` ``％`` and the ideographic space) are folded first, each
    to what it decomposes to, which leaves the compatibility decomposition of the text (and
    so its NFKC form) as it was; the rest of a Chinese text is mostly already in NFKC, which
    ``normalize`` checks quickly, where a text with a full-width comma every clause took
    the full normalisation, character by character.

    >>> nfkc("（一）２００１年")
    '(一)2001年'
    >>> nfkc("Ａ\u0301，１\u3000…") == unicodedata.normalize("NFKC", "Ａ\u0301，１\u3000…") == "Á,1 ..."
    True
    """
    if text.isascii() or unicodedata.is_normalized("NFKC", text):
        return text
    return unicodedata.normalize("NFKC", _WIDE_RE.sub(_narrow, text))


def strip_zero_width(text: str) -> str:
    """``text`` without :data:`ZERO_WIDTH` characters.

    >>> strip_zero_width("74.4\\u200b万亿元")
    '74.4万亿元'
    """
    return text.translate(_ZW_TABLE)


def match_key(text: str) -> str:
    """NFKC with zero-width characters removed and outer space stripped: for matching, never display.

    >>> match_key(" （一）\\u200b２００１年 ")
    '(一)2001年'
    """
    return strip_zero_width(nfkc(text)).strip()


@functools.cache
def _t2s() -> object:
    """OpenCC's Traditional → Simplified converter, loaded on first use (a few milliseconds)."""
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """``text`` in Simplified characters (OpenCC ``t2s``): for matching and features, never display.

    >>> to_simplified("國內生產總值增長")
    '国内生产总值增长'
    """
    return str(_t2s().convert(text))  # type: ignore[attr-defined]


@functools.lru_cache(maxsize=65536)
def _simplified_char(ch: str) -> str:
    return to_simplified(ch)


def simplified_table(text: str, keep: str = "") -> dict[int, str]:
    """A ``str.translate`` table folding the Traditional characters of ``text`` to Simplified, one
    character for one (OpenCC ``t2s`` of each character alone), so positions do not move.

    Characters in ``keep`` stay as they are (the numeral characters, which
    :mod:`reportdiff._numerals` reads in both scripts).  A character whose Simplified form is
    longer than one character stays as it is.  Text that GB 2312 (the Simplified standard set) can
    encode holds no Traditional-only character and gets an empty table without a look-up.

    >>> "預計增長百分之五".translate(simplified_table("預計增長百分之五"))
    '预计增长百分之五'
    >>> simplified_table("国内生产总值")
    {}
    """
    try:
        text.encode("gb2312")  # the Simplified standard set: no Traditional-only character (and fast)
        return {}
    except UnicodeEncodeError:
        pass
    table = {}
    for ch in sorted(set(text)):
        if ord(ch) > 0x2E7F and ch not in keep:
            s = _simplified_char(ch)
            if s != ch and len(s) == 1:
                table[ord(ch)] = s
    return table


def halfwidth_digits(text: str) -> str:
    """Full-width digits as ASCII digits, nothing else changed.

    >>> halfwidth_digits("２０１９年")
    '2019年'
    """
    return text.translate(_FULLWIDTH_DIGITS)


def iter_lines(text: str, start: int = 0) -> Iterator[tuple[int, int]]:
    """(start, end) of each line of ``text`` from ``start``; end excludes the line break.

    >>> list(iter_lines("ab\\n\\ncd"))
    [(0, 2), (3, 3), (4, 6)]
    """
    pos = start
    n = len(text)
    while pos < n:
        e = text.find("\n", pos)
        if e < 0:
            e = n
        yield pos, e
        pos = e + 1


#: The longest line a setext underline makes a heading (a longer one is a paragraph over a rule).
MAX_SETEXT_TITLE = 120
#: An ATX heading's opening: up to three spaces, one to six ``#``.
MARKDOWN_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+|$)")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
#: A setext underline: a line of ``===`` (level 1) or ``---`` (level 2), at least three.
SETEXT_UNDERLINE = re.compile(r" {0,3}(={3,}|-{3,})[ \t]*")
_SENTENCE_END = (".", ",", ";", ":", "。", "，", "；", "：")
_LIST_ITEM = re.compile(r" {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]")


def markdown_headings(
    text: str, start: int = 0, limit: int | None = None, *, plain: bool = False
) -> list[tuple[int, int, int]]:
    """``(start, end, level)`` of each Markdown heading of ``text`` from ``start``, outside code
    fences: ATX (``## Title``, the ``#`` included in the span) and setext (a line standing alone
    after a blank line, ending as no sentence does, underlined by ``===`` for level 1 or ``---``
    for level 2; the span is the title line, the underline stays text; a rule under a sentence is
    a rule).  At most ``limit`` headings when given.

    ``plain``: the text is not known to be Markdown, so an underline is a heading's only when it is
    about as wide as its title (half to twice the title's width, a CJK character counting two) and
    the text has at least two such headings: a stray ``-----`` rule under a short line is no reason
    to read a report as Markdown.

    >>> t = "Review\\n======\\n\\nText.\\n\\n## Plans\\n\\nMore text.\\n---\\n"
    >>> [(t[s:e], lv) for s, e, lv in markdown_headings(t)]
    [('Review', 1), ('## Plans', 2)]
    """
    out: list[tuple[int, int, int]] = []
    setext: list[int] = []  # indexes in out of the setext headings
    fenced = False
    prev: tuple[int, int] | None = None  # the line before, when it may be a setext title
    blank_before = True
    for s, e in iter_lines(text, start):
        line = text[s:e].rstrip("\r")
        candidate, prev = prev, None
        if _FENCE.match(line):
            fenced = not fenced
            blank_before = False
            continue
        if fenced:
            continue
        m = MARKDOWN_HEADING.match(line)
        if m and line[m.end() :].strip(" \t#"):
            lead = len(line) - len(line.lstrip())
            out.append((s + lead, s + len(line.rstrip()), len(m.group(1))))
        elif candidate is not None and (u := SETEXT_UNDERLINE.fullmatch(line)):
            title = text[candidate[0] : candidate[1]]
            width = len(title.strip()) + cjk_count(title)
            if not plain or width / 2 <= len(u.group(1)) <= 2 * width:
                lead = len(title) - len(title.lstrip())
                setext.append(len(out))
                out.append((candidate[0] + lead, candidate[0] + len(title.rstrip()), 1 if u.group(1)[0] == "=" else 2))
        elif (line.strip() and blank_before and len(line.strip()) <= MAX_SETEXT_TITLE
              and not m and not _LIST_ITEM.match(line) and not line.rstrip().endswith(_SENTENCE_END)):
            prev = (s, e)
        blank_before = not line.strip()
        if limit is not None and len(out) >= limit and not (plain and len(setext) == 1):
            break
    if plain and len(setext) == 1:
        del out[setext[0]]
    return out[:limit]
