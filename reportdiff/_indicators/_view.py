"""A normalised view of a text with a map back to it, and fast look-ups of delimiters in it.

The view drops zero-width characters, folds full-width forms (``％`` → ``%``) and removes
whitespace inside Chinese text, so the scanners see ``74.4万亿元`` where the file has
``74.4\\n\\u200b\\n万亿元``.  :class:`Marks` answers "where does this sentence start" in
logarithmic time, so labelling stays linear on a line with no sentence stop.
"""

from __future__ import annotations

import bisect
import re

import attrs

from reportdiff._numerals import NUMERAL_CHARS
from reportdiff._text import ZERO_WIDTH, nfkc, simplified_table
from reportdiff.model import Span

_ZERO_WIDTH = frozenset(ZERO_WIDTH)
_KEEP_WIDE = frozenset("，")  # a full-width comma is punctuation, never a thousands separator
_PLAIN_RUN_RE = re.compile(rf"[^\s{ZERO_WIDTH}\uff01-\uff5e]+")
"""A run of characters the view keeps as they are: no whitespace (``\\s`` is ``str.isspace``), no
zero-width character, no full-width form (``，`` among them)."""
_ARABIC_NUMBER = r"\d{1,3}[.．、](?!\d)"
_ENUMERATOR_RE = re.compile(_ARABIC_NUMBER)
"""A paragraph number opening a line (``52. ``): the line break before it ends a paragraph, it does not
run a number on (``74.4\\n万亿元``)."""
LIST_NUMBER_RE = re.compile(rf"(?:{_ARABIC_NUMBER}|[一二三四五六七八九十]{{1,3}}、|[（(][一二三四五六七八九十\d]{{1,3}}[）)])\s*")
"""A paragraph or list number and the space after it (``52. ``, ``三、``, ``（三）``)."""
_URL_RE = re.compile(r"(?:https?://|ftp://|www\.)[!-~]+", re.IGNORECASE)

SENTENCE_DELIMS = "。！!？?\n"
"""What ends a sentence."""
STOP_DELIMS = SENTENCE_DELIMS + "；;"
"""What ends a sentence or a semicolon clause."""
CLAUSE_DELIMS = frozenset("，,；;。：:！!？?\n")
"""What ends a clause."""
EN_SENTENCE_END_RE = re.compile(r"(?<![A-Z])[.!?](?=[^a-z0-9,.)]|$)|(?<=[a-z%)])[.!?](?=\d)|;")
"""What ends an English sentence (or a semicolon clause): ``. `` and ``.`` glued to what is not a lower-case
word (``rapidly.Following``, ``year.6.In``); never a decimal point (``$13.1``), nor a point after a capital
(``U.S.``), nor ``?`` inside a word (``2005?6``)."""


def _fullwidth_group(text: str, i: int) -> bool:
    """A full-width comma after a full-width digit and before exactly three of them."""
    def fw(k: int) -> bool:
        return 0 <= k < len(text) and "０" <= text[k] <= "９"
    return fw(i - 1) and fw(i + 1) and fw(i + 2) and fw(i + 3) and not fw(i + 4)


def is_wide(ch: str) -> bool:
    """A character of the CJK blocks or wider (ideographs, CJK punctuation, full-width forms)."""
    return ord(ch) > 0x2E7F


def _is_letter(ch: str) -> bool:
    """A Latin letter (``billion``, ``Revenues``): what a line break before or after a number keeps apart."""
    return ch.isascii() and ch.isalpha()


@attrs.frozen
class View:
    """The text with zero-width characters dropped, full-width forms folded,
    and whitespace inside Chinese text removed; ``index[i]`` is the offset in
    the original text of view character ``i``."""

    text: str
    index: tuple[int, ...]
    printed_as: str = ""
    """The view's characters as the source prints them, when :meth:`simplified` folded them ("" if not)."""

    @classmethod
    def of(cls, text: str) -> View:
        """Build the view of ``text``.

        >>> View.of("74.4\\n\\u200b\\n万亿元").text
        '74.4万亿元'
        """
        out: list[str] = []  # pieces of the view, none empty
        idx: list[int] = []
        plain = _PLAIN_RUN_RE.match
        i, n = 0, len(text)
        while i < n:
            run = plain(text, i)
            if run is not None:  # most of a text: copied whole
                j = run.end()
                out.append(run.group())
                idx.extend(range(i, j))
                i = j
                continue
            ch = text[i]
            if ch in _ZERO_WIDTH:
                i += 1
                continue
            if ch.isspace():
                j = i
                breaks = 0
                while j < n and (text[j].isspace() or text[j] in _ZERO_WIDTH):
                    breaks += text[j] in "\n\u2028\u2029"
                    j += 1
                newline = breaks > 0
                prev = out[-1][-1] if out else ""
                nxt = text[j] if j < n else ""
                joins_number = (prev.isdigit() or prev in ".%" or nxt.isdigit()) \
                    and not (newline and _ENUMERATOR_RE.match(text, j)) \
                    and not (_is_letter(prev) or _is_letter(nxt))  # 2031 / Revenues: a word is no part of a number
                soft_wrap = breaks == 1 and bool(prev) and bool(nxt) and not (is_wide(prev) or is_wide(nxt))
                if not prev or not nxt:
                    pass
                elif soft_wrap and not joins_number:
                    out.append(" ")  # a line wrapped inside an English paragraph: a space
                    idx.append(i)
                elif newline and not joins_number:
                    out.append("\n")
                    idx.append(i)
                elif not (is_wide(prev) or is_wide(nxt)) and not (newline and joins_number):
                    out.append(" ")
                    idx.append(i)
                i = j
                continue
            if ch in _KEEP_WIDE and _fullwidth_group(text, i):
                ch = ","  # １１１，１１１: between full-width digit groups a full-width comma separates thousands
            elif ch not in _KEEP_WIDE and 0xFF01 <= ord(ch) <= 0xFF5E:
                ch = nfkc(ch)
            out.append(ch)
            idx.append(i)
            i += 1
        return cls("".join(out), tuple(idx))

    def simplified(self) -> View:
        """This view with its Traditional characters folded to Simplified, one for one, so the scanners
        and the word lists read 個月, 預計 and 將 as 个月, 预计 and 将; :meth:`printed` gives back the
        source's own characters for what is shown (labels, units, qualifiers).  The numeral characters
        are left to :mod:`reportdiff._numerals`, which reads both scripts.

        >>> v = View.of("將增長百分之五").simplified()
        >>> v.text, v.printed(v.text[1:3])
        ('将增长百分之五', '增長')
        """
        table = simplified_table(self.text, keep=NUMERAL_CHARS)
        if not table:
            return self
        return View(self.text.translate(table), self.index, self.text)

    def printed(self, piece: str, lo: int = 0, hi: int | None = None) -> str:
        """``piece`` (made of stretches of this view, as labels are) in the characters the source prints.

        Each stretch is found, longest first, in the view between ``lo`` and ``hi`` (where the piece was
        read) and replaced by what the source has there; so where a text uses both 係 and 系 (both
        folded to 系), each keeps its own.  A character found nowhere is printed as the view has it.
        """
        if not self.printed_as or not piece:
            return piece
        window = self.text[lo:hi]
        out, i, n = [], 0, len(piece)
        while i < n:
            j = n
            while j > i:
                k = window.find(piece[i:j])
                if k >= 0:
                    out.append(self.printed_as[lo + k: lo + k + j - i])
                    break
                j -= 1
            else:
                out.append(piece[i])
                j = i + 1
            i = j
        return "".join(out)

    def span(self, start: int, end: int) -> Span:
        """The original span of view characters ``[start, end)``."""
        if end <= start:
            k = self.index[start] if start < len(self.index) else (self.index[-1] + 1 if self.index else 0)
            return Span(k, k)
        return Span(self.index[start], self.index[end - 1] + 1)


class Marks:
    """Sorted positions of delimiters and brackets in a view, for look-ups by bisection."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._pos: dict[str, list[int]] = {}
        wanted = set(STOP_DELIMS) | set(CLAUSE_DELIMS) | set("《》“”\"%")
        for i, ch in enumerate(text):
            if ch in wanted:
                self._pos.setdefault(ch, []).append(i)
        self._merged: dict[str, list[int]] = {}
        self.urls = [(m.start(), m.end()) for m in _URL_RE.finditer(text)]

    def _list(self, chars: str) -> list[int]:
        got = self._merged.get(chars)
        if got is None:
            got = sorted(p for c in set(chars) for p in self._pos.get(c, ()))
            self._merged[chars] = got
        return got

    def last_before(self, chars: str, pos: int, lo: int = 0) -> int:
        """The last position in ``[lo, pos)`` holding one of ``chars``, or -1."""
        lst = self._list(chars)
        k = bisect.bisect_left(lst, pos) - 1
        return lst[k] if k >= 0 and lst[k] >= lo else -1

    def first_from(self, chars: str, pos: int) -> int:
        """The first position ``>= pos`` holding one of ``chars``, or -1."""
        lst = self._list(chars)
        k = bisect.bisect_left(lst, pos)
        return lst[k] if k < len(lst) else -1

    def start_of(self, chars: str, pos: int) -> int:
        """Where the stretch ending at ``pos`` and delimited by ``chars`` starts."""
        return self.last_before(chars, pos) + 1

    def in_url(self, pos: int) -> bool:
        """Whether ``pos`` lies inside a web address (``%20`` there is an escape, not a percent)."""
        k = bisect.bisect_right(self.urls, (pos, len(self.text) + 1)) - 1
        return k >= 0 and self.urls[k][0] <= pos < self.urls[k][1]

    def inside(self, pos: int, open_: str, close: str) -> int:
        """Start of the innermost ``open_ … close`` pair around ``pos`` within its line, or -1."""
        line_start = self.start_of("\n", pos)
        o = self.last_before(open_, pos, line_start)
        if o < 0:
            return -1
        c = self.first_from(close, o + 1)
        return o if c < 0 or c >= pos else -1
