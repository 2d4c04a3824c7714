"""Chinese numbering schemes as data: the :data:`SCHEMES` registry.

A scheme is a name (its registry key), the pattern of its numbering token at
the start of a line, and how to read the token's value.  Adding a scheme is a
few lines: a :class:`Scheme` entry in :data:`SCHEMES` (order matters: the
first pattern that matches a line wins).

Values of Chinese numerals come from :func:`reportdiff._numerals.parse_chinese`;
the Heavenly Stems (天干, ``甲、乙、丙…``) are ordinals of their own, kept
here as scheme data.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import attrs

from reportdiff._numerals import parse_chinese
from reportdiff._text import halfwidth_digits

__all__ = ["SCHEMES", "TIANGAN", "Scheme", "chinese_ordinal", "outline_scheme", "scheme_named"]

#: The Heavenly Stems, in order: ``甲`` is 1, ``癸`` is 10.
TIANGAN = "甲乙丙丁戊己庚辛壬癸"

#: Chinese numeral characters an ordinal may use (Simplified and Traditional).
CN_NUMERAL = "一二三四五六七八九十百零〇两兩廿卅"
_CN_NUM = f"[{CN_NUMERAL}]+"
_D = "[0-9０-９]"
#: Traditional and abbreviated forms the numeral parser does not read, as the forms it does.
_CN_FOLD = str.maketrans({"兩": "两", "廿": "二十", "卅": "三十"})


def chinese_ordinal(s: str) -> int | None:
    """The value of the first Chinese numeral in ``s`` (``第十二章`` → 12), or None.

    >>> chinese_ordinal("二十三、"), chinese_ordinal("（十）"), chinese_ordinal("廿一")
    (23, 10, 21)
    """
    m = re.search(_CN_NUM, s)
    if not m:
        return None
    v = parse_chinese(m.group().translate(_CN_FOLD))
    return int(v) if v is not None and v == int(v) else None


def _digits(s: str) -> int | None:
    d = re.sub(r"\D", "", halfwidth_digits(s))
    return int(d) if d else None


def _last_number(s: str) -> int | None:
    """The last component of an outline number: ``1.2`` → 2."""
    parts = re.findall(r"\d+", halfwidth_digits(s))
    return int(parts[-1]) if parts else None


def outline_scheme(name: str, token: str) -> str:
    """The scheme of an outline number by its depth: ``1.2`` is ``name``, ``2.1.3`` is ``name-3``,
    a bare top number ``2`` (:func:`~reportdiff._parse.layout.outline_tops`) ``name-1``.

    Each depth of an outline is a series of its own (``2.1.1`` nests in ``2.1``, which nests in
    ``2``), so it is a scheme of its own for the tree, which nests by scheme.

    >>> outline_scheme("decimal", "1.2"), outline_scheme("decimal", "2.1.3."), outline_scheme("decimal", "１．２．３")
    ('decimal', 'decimal-3', 'decimal-3')
    >>> outline_scheme("decimal", "2")
    'decimal-1'
    """
    depth = len(re.findall(r"\d+", halfwidth_digits(token)))
    return name if depth == 2 else f"{name}-{depth}"


def _cn_or_digits(s: str) -> int | None:
    return chinese_ordinal(s) or _digits(s)


def _circled(s: str) -> int | None:
    return ord(s[0]) - ord("①") + 1


def _stem(s: str) -> int | None:
    i = TIANGAN.find(s[0])
    return i + 1 if i >= 0 else None


@attrs.frozen
class Scheme:
    """A numbering scheme: its name, the token's pattern at a line start, how
    to read the token's value."""

    name: str
    """The registry key, also :attr:`reportdiff.model.Section.scheme`."""
    pattern: re.Pattern[str]
    """The numbering token at the start of a line (after its indent)."""
    value: Callable[[str], int | None]
    """The token's ordinal value."""
    standalone_only: bool = False
    """Only a heading when the line holds nothing but the heading (``第一，``)."""
    paragraph_like: bool = False
    """Often used to number list items or paragraphs: a long run of prose after
    the token is a list item, not a heading."""
    outline: bool = False
    """Numbers like ``2.1.3``: each depth is a scheme of its own (:func:`outline_scheme`)."""

    def scheme_of(self, token: str) -> str:
        """The scheme name of a heading numbered ``token``."""
        return outline_scheme(self.name, token) if self.outline else self.name


def _p(body: str) -> re.Pattern[str]:
    return re.compile(body)


#: The registry of Chinese numbering schemes, tried in order.  A token whose
#: separator is only white space (``甲 引言``) is a heading only on a line of
#: its own (see :mod:`reportdiff._parse.chinese`).
SCHEMES: tuple[Scheme, ...] = (
    Scheme("chapter", _p(rf"第{_CN_NUM}章|第{_D}{{1,3}}章"), _cn_or_digits),
    Scheme("part", _p(rf"第{_CN_NUM}(?:部分|编|編|篇)"), chinese_ordinal),
    Scheme("section", _p(rf"第{_CN_NUM}[节節]|第{_D}{{1,3}}[节節]"), _cn_or_digits),
    Scheme("article", _p(rf"第{_CN_NUM}[条條]|第{_D}{{1,3}}[条條]"), _cn_or_digits),
    Scheme("cn-ordinal", _p(rf"第{_CN_NUM}[，,、：:]"), chinese_ordinal, standalone_only=True),
    Scheme("tiangan", _p(rf"[{TIANGAN}](?:、|[．.](?![0-9０-９])|[ \t\u3000](?=[ \t\u3000]*[^\s{TIANGAN}]))"), _stem),
    Scheme("cn-dun", _p(rf"{_CN_NUM}(?:、|[．.](?![0-9０-９]))"), chinese_ordinal),
    Scheme("cn-paren", _p(rf"[（(]{_CN_NUM}[）)]"), chinese_ordinal),
    # an outline number (``1.1 指导思想``, ``2.3.1　…``): a space or 、 after it, so that a
    # decimal quantity at a line start (``3.2万亿元…``) is no heading
    Scheme("decimal", _p(rf"{_D}{{1,2}}(?:[．.]{_D}{{1,2}})+[．.]?(?:、|[ \t\u3000]+)"), _last_number, paragraph_like=True,
           outline=True),
    Scheme("arabic-dot", _p(rf"{_D}{{1,3}}(?:、|[．.](?![0-9０-９.．]))"), _digits, paragraph_like=True),
    Scheme("arabic-paren", _p(rf"[（(]{_D}{{1,2}}[）)]"), _digits, paragraph_like=True),
    Scheme("circled", _p("[①-⑳]"), _circled, paragraph_like=True),
)

_BY_NAME = {s.name: s for s in SCHEMES}


def scheme_named(name: str) -> Scheme:
    """The registered scheme called ``name``.

    Raises:
        KeyError: no scheme has that name.

    >>> scheme_named("tiangan").value("丙、")
    3
    """
    return _BY_NAME[name]
