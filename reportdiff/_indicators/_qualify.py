"""A raw number hit, its qualifiers, and whether it sits inside a name.

Qualifier words come from :mod:`reportdiff._vocab` (one list, one meaning), so the
extractor and ``met`` in target → outcome read ``不到3%`` the same way.
"""

from __future__ import annotations

from decimal import Decimal

import attrs

from reportdiff._indicators._view import Marks
from reportdiff._vocab import (
    CN_POST_QUALIFIERS,
    CN_PRE_QUALIFIERS,
    CN_QUALIFIER_GAPS,
    UnitFamily,
    unit_of,
)
from reportdiff.model import Bound

NAME_SUFFIXES = ("圈", "工程", "行动", "计划", "战略", "机制", "模式", "体系", "平台", "制度", "融合",
                 "使命", "方针", "原则", "政策", "条", "号")
"""Words that end a name (“15分钟医保服务圈”): a number inside such quotes is part of the name."""


@attrs.frozen
class Hit:
    """A number with its unit, in view coordinates, before labelling."""

    start: int  # first character of the number (or of 百分之 / the currency sign / the sign)
    end: int  # one past the unit and any qualifier after it
    value: Decimal  # as printed, before the magnitude word
    unit: str  # as printed, magnitude word included
    magnitude: Decimal  # the factor from ``value`` to the base unit
    base_unit: str
    qualifier: str = ""
    bound: Bound = Bound.NONE
    qual_start: int = -1  # where a qualifier before the number starts
    mag_word: str = ""  # the magnitude word as printed (万, 亿, million)
    tail: int = -1  # where the text after the quantity starts, when not at ``end`` (a range's low end)
    counts: str = ""  # the noun phrase a bare English count counts (``30,000 public rental flats``)


def is_time(unit: str) -> bool:
    """Whether a base unit measures time (小时, 天, 年…)."""
    u = unit_of(unit)
    return u is not None and u.family is UnitFamily.TIME


def is_counter(unit: str) -> bool:
    """Whether a base unit counts things (人, 件, 项…): a noun after it names what is counted."""
    u = unit_of(unit)
    return u is not None and u.family is UnitFamily.COUNT


def pre_qualifier(view: str, start: int) -> tuple[str, int]:
    """The qualifier printed right before ``start`` (超过, 近, 不到…) and where it starts.

    One gap word may stand between them (``约有8万人``, ``接近港币700亿元``: ``_vocab.CN_QUALIFIER_GAPS``).
    """
    q, qs = _pre_qualifier_at(view, start)
    if q:
        return q, qs
    for gap in CN_QUALIFIER_GAPS:
        if view.startswith(gap, start - len(gap)):
            q, qs = _pre_qualifier_at(view, start - len(gap))
            if q:
                return q, qs
    return "", start


def _pre_qualifier_at(view: str, start: int) -> tuple[str, int]:
    for q in CN_PRE_QUALIFIERS:
        if view.startswith(q, start - len(q)):
            if q == "近" and view[start - 2:start] in ("最近", "附近"):
                continue
            return q, start - len(q)
    return "", start


def post_qualifier(view: str, pos: int, unit: str) -> tuple[str, int]:
    """The qualifier printed right after the unit (左右, 以上…; 内 after a time unit) and its end."""
    for q in CN_POST_QUALIFIERS:
        if view.startswith(q, pos):
            return q, pos + len(q)
    if view.startswith("内", pos) and is_time(unit):
        return "内", pos + 1
    return "", pos


def in_name(marks: Marks, start: int, end: int, chinese: bool) -> bool:
    """A number inside a title (《…》) or a quoted name (“苏政40条”, “十四五”)."""
    view = marks.text
    if marks.inside(start, "《", "》") >= 0:
        return True
    o = marks.inside(start, "“", "”")
    if o < 0:
        o = marks.inside(start, "\"", "\"")
    if o < 0:
        return False
    c = marks.first_from("”", end)
    c = marks.first_from("\"", end) if c < 0 else c
    inner_after = view[end:min(c, end + 40)] if c >= 0 else ""
    if start > o + 1:
        return True  # text before the number inside the quotes: a name
    if c == end:
        return False  # the quotes hold the quantity alone: “九连增”, “8小时内”
    if chinese:
        return True  # Chinese numerals opening a quoted phrase: a slogan (“两个维护”)
    return len(inner_after) > 2 or inner_after.endswith(NAME_SUFFIXES)
