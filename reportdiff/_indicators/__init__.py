"""Quantities out of report text: numbers, units, qualifiers, labels, kinds.

:func:`extract` finds every number that carries a unit, a measure word or a
percent sign in a cleaned text (Chinese or English) and returns
:class:`~reportdiff.model.Quantity` records; :func:`extract_report` does the
same for a parsed :class:`~reportdiff.model.Report` and fills in the section
path and the offsets into the raw file.

The package is split along its seams: ``_view`` (the normalised text and its
delimiter index), ``_scan_zh`` / ``_scan_en`` (numbers and units), ``_qualify``
(the raw hit, qualifiers, names), ``_label`` (Chinese labels, directions, bases),
``_label_en`` (English labels and start values) and ``_kind`` (target or actual).
The words all come from :mod:`reportdiff._vocab`, the numerals from :mod:`reportdiff._numerals`, the language from
:func:`reportdiff._text.detect_language`.  Nothing here knows any particular report.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Sequence

import attrs

from reportdiff._indicators import _scan_en, _scan_zh
from reportdiff._indicators._kind import CONTEXT_CHARS, is_plan_heading, plan_kind
from reportdiff._indicators._label import CHANGE_TO_RE, label_hits, normalise_label
from reportdiff._indicators._label_en import label_hits_en
from reportdiff._indicators._qualify import Hit
from reportdiff._indicators._view import LIST_NUMBER_RE, Marks, View
from reportdiff._numerals import PRINTED_YEAR, format_decimal, printed_year
from reportdiff._text import Language, detect_language
from reportdiff.model import Bound, Kind, Quantity, Report, Section

__all__ = ["extract", "extract_report", "normalise_label"]


def extract(text: str, *, year: int = 0, section: str = "", language: str | None = None,
            plans: Sequence[tuple[int, int]] = ()) -> tuple[Quantity, ...]:
    """Every quantity in a cleaned text, in text order.

    Args:
        text: cleaned report text (Chinese or English).
        year: the report's year, copied into each quantity.
        section: a section path, copied into each quantity.
        language: ``zh`` or ``en``; guessed from the text when None.
        plans: ``(start, end)`` offsets of ``text`` under a plan heading (:func:`is_plan_heading`):
            a figure there with no cue of its own is a goal unless its sentence reports the past.

    Returns:
        The quantities; spans index ``text`` (``raw_span`` equals ``span``).

    >>> [(q.label, q.value, q.unit) for q in extract("城镇新增就业1244万人。")]
    [('城镇新增就业', '1244', '万人')]
    >>> q = extract("国内生产总值增长6.5%－7%。")
    >>> [(q[0].value, q[0].bound), (q[1].value, q[1].bound)]
    [('6.5', <Bound.LOW: 'low'>), ('7', <Bound.HIGH: 'high'>)]
    """
    lang = Language(language) if language else detect_language(text)
    english = lang is Language.EN
    view = View.of(text) if english else View.of(text).simplified()
    marks = Marks(view.text)
    hits: list[Hit] = _scan_en.scan(marks) if english else _scan_zh.scan(marks)
    hits.sort(key=lambda h: (h.start, h.bound != Bound.LOW, h.end))
    out = []
    for item in label_hits_en(marks, hits) if english else label_hits(marks, hits):
        h = item.hit
        base_value = float(h.value * h.magnitude)
        span = view.span(h.start, h.end)
        quote_start = item.quote_start
        if h.end - quote_start > 40:
            quote_start = h.end - 40
        if item.quote_end - quote_start > 50:
            quote_start = min(h.start, item.quote_end - 50)
        if english:
            first = h.qual_start if h.qual_start >= 0 else h.start
            quote_start = _word_start(view.text, min(quote_start, first), item.quote_start, first)
        if (m := LIST_NUMBER_RE.match(view.text, quote_start)) and m.end() < h.start:
            quote_start = m.end()  # 1. 去年…: the paragraph's number is no part of the quote, as of the label
        qspan = view.span(quote_start, max(h.end, item.quote_end))
        kind = item.kind
        if english and kind is Kind.TARGET and year and _in_past_period(view.text, item.sentence_start, h.start, year):
            kind = Kind.ACTUAL  # the deficit for 2020-21 is estimated at…, in a 2021 speech: a past period's outcome
        # a result so far that its setting may make a goal; not the start of a change (从人均8.7万元
        # 提高到…: today's level)
        open_ = kind is Kind.ACTUAL and not item.start_value \
            and (english or not CHANGE_TO_RE.match(view.text, h.end))
        if open_ and year:
            kind = _in_future(view.text, item.sentence_start, h.start, year, english)
        if open_ and kind is Kind.ACTUAL and plans and _inside(plans, span.start):
            kind = plan_kind(view.text, item.sentence_start, h.start, h.end, item.pre, english)
        # where this quantity's words were read: its sentence (the labels' topics come from there)
        lo, hi = max(0, min(item.sentence_start, quote_start) - 200), max(h.end, item.quote_end) + 20
        out.append(
            Quantity(
                label=view.printed(item.label or h.unit, lo, hi),
                value=format_decimal(h.value),
                unit=view.printed(h.unit, lo, hi),
                base_value=base_value,
                base_unit=h.base_unit,
                qualifier=view.printed(h.qualifier, lo, hi),
                bound=h.bound,
                magnitude=view.printed(h.mag_word, lo, hi),
                start_value=item.start_value,
                direction=item.direction,
                base=view.printed(item.base, lo, hi),
                kind=kind,
                year=year,
                section=section,
                quote=qspan.of(text).strip(),
                span=span,
                quote_span=qspan,
                raw_span=span,
            )
        )
    # the two ends of a range share one label and one quote
    for i in range(1, len(out)):
        if out[i].bound == Bound.HIGH and out[i - 1].bound == Bound.LOW:
            low = out[i - 1]
            out[i] = attrs.evolve(out[i], label=low.label, quote=low.quote, quote_span=low.quote_span,
                                  direction=low.direction, base=low.base, kind=low.kind)
    return tuple(out if english else _restated_targets(out))


_FUTURE_ZH = re.compile(rf"(?:到|至|于|在)\s*({PRINTED_YEAR})\s*年|({PRINTED_YEAR})\s*年\s*(?:前|底|末|以前)")
_FUTURE_EN = re.compile(rf"\b(?:by|until|before|through|in)\s+(?:the\s+end\s+of\s+)?({PRINTED_YEAR})\b", re.IGNORECASE)


_DIGIT_RE = re.compile(r"\d")
_PAST_PERIOD_EN = re.compile(
    rf"\b(?:for|in|during)\s+(?:the\s+)?(?:(?:fiscal|financial)\s+year\s+|FY\s?)?({PRINTED_YEAR})"
    r"(?:\s*[^\w\s,.;:]\s*\d{1,4})?\b", re.IGNORECASE)
"""A period a sentence opens with: ``for 2004-05``, ``in FY2020``, ``for the financial year 2019/20`` (any
one mark between the two years, as a converted en dash may be printed ``2004?5``)."""


def _in_past_period(text: str, start: int, pos: int, year: int) -> bool:
    """Whether an English sentence (from ``start``) opens by setting the figure at ``pos`` in a period
    that began before the report's year: its first figure is that period (``The deficit for 2004-05 is
    estimated at``, ``for FY2020``), with no other figure before ``pos``.  An estimate or forecast of
    such a period reports an outcome (a revised estimate), not a goal for the coming year.  (A year
    after another figure, ``18% in 2009-2013 and … 16-17%``, ``from 12% in 2003 to 27%``, is that
    figure's.)

    >>> t = "The deficit for 2004-05 is estimated at $3 billion. For 2005-06, we forecast $2 billion."
    >>> _in_past_period(t, 0, t.index("$3"), 2005), _in_past_period(t, t.index("For"), t.index("$2"), 2005)
    (True, False)
    """
    lo = max(start, pos - CONTEXT_CHARS)
    digit = _DIGIT_RE.search(text, lo, pos)
    if digit is None:
        return False
    m = _PAST_PERIOD_EN.search(text, max(lo, digit.start() - 40), pos)
    return (m is not None and m.start(1) == digit.start() and printed_year(m.group(1)) < year
            and _DIGIT_RE.search(text, m.end(), pos) is None)


def _in_future(text: str, start: int, pos: int, year: int, english: bool) -> Kind:
    """TARGET when the sentence before the number (from ``start``) sets it in a year after the
    report's (到2035年, 2030年前, by 2035): a figure for a year that has not come is a goal, whatever
    the verbs say; ACTUAL otherwise."""
    pattern = _FUTURE_EN if english else _FUTURE_ZH
    for m in pattern.finditer(text, max(start, pos - 200), pos):
        if printed_year(next(g for g in m.groups() if g)) > year:
            return Kind.TARGET
    return Kind.ACTUAL


def _inside(spans: Sequence[tuple[int, int]], pos: int) -> bool:
    """Whether ``pos`` lies in one of the sorted, disjoint ``spans``."""
    k = bisect.bisect_right(spans, (pos, math.inf)) - 1
    return k >= 0 and spans[k][0] <= pos < spans[k][1]


def _word_start(text: str, pos: int, lo: int, hi: int) -> int:
    """``pos`` moved to the start of a word, for a space-separated script: to the next word when it falls
    inside one (``lobal economy`` → ``economy``), never past ``hi`` (the number or its qualifier), and
    leading spaces and punctuation skipped when the quote starts at its clause (``lo``)."""
    if pos > lo and text[pos - 1].isalnum() and text[pos].isalnum():
        nxt = pos
        while nxt < hi and not text[nxt].isspace():
            nxt += 1
        pos = nxt if nxt < hi else pos
    while pos < hi and not text[pos].isalnum() and text[pos] not in "$€£¥(“\"'":
        pos += 1
    return pos


def _restated_targets(qs: list[Quantity]) -> list[Quantity]:
    """An actual that repeats a target of the same text is that target restated.

    Same value, unit and qualifier word (a qualifier is required: a bare 3% repeats by chance)
    and a label holding the target's (``提出居民消费价格涨幅3％左右`` after the target
    ``居民消费价格涨幅3%左右``).  Computed from the text itself, in one pass over its targets.
    Chinese only: an English label is a list of kept words, so containment proves little there
    (``about 40 per cent`` of revenue is a fact, not a restated target).
    """
    targets: dict[tuple[str, str, str], list[str]] = {}
    for q in qs:
        if q.kind is Kind.TARGET and q.qualifier and q.bound is Bound.NONE:
            targets.setdefault((q.value, q.base_unit, q.qualifier), []).append(normalise_label(q.label))
    if not targets:
        return qs
    out = []
    for q in qs:
        cands = targets.get((q.value, q.base_unit, q.qualifier), []) if q.kind is Kind.ACTUAL else []
        own = normalise_label(q.label)
        if any(len(t) >= 3 and t in own for t in cands):
            q = attrs.evolve(q, kind=Kind.TARGET)
        out.append(q)
    return out


def extract_report(report: Report) -> tuple[Quantity, ...]:
    """Every quantity in a parsed report, with section paths and raw offsets.

    Args:
        report: a parsed report.

    Returns:
        The quantities in text order; ``span`` indexes ``report.text`` and
        ``raw_span`` indexes ``report.document.raw_text``.

    >>> from reportdiff.model import Document, OffsetMap, Section, SectionKind, Span
    >>> t = "城镇新增就业1322万人。"
    >>> root = Section("", "", "", "", None, 0, "", t, (), Span(0, len(t)), Span(0, 0),
    ...                Span(0, len(t)), Span(0, len(t)), SectionKind.ROOT)
    >>> doc = Document("", 2015, "", "utf-8", "text", "zh", t, t, OffsetMap.identity(len(t)))
    >>> [(q.year, q.value, q.unit) for q in extract_report(Report(doc, root))]
    [(2015, '1322', '万人')]
    """
    doc = report.document
    lang = Language(doc.language) if doc.language else detect_language(doc.text)
    found = extract(doc.text, year=report.year, language=lang, plans=_plan_spans(report, lang is Language.EN))
    sections = sorted(
        ((s.span.start, -s.span.end, s.level, s.path) for s in report.root.walk() if s.level > 0),
    )
    out = []
    for q in found:
        path = ""
        for start, neg_end, _level, p in sections:
            if start > q.span.start:
                break
            if -neg_end >= q.span.end:
                path = p  # later (deeper) sections win
        out.append(attrs.evolve(q, section=path, raw_span=doc.offsets.span_to_raw(q.span)))
    return tuple(out)


def _plan_spans(report: Report, english: bool) -> list[tuple[int, int]]:
    """The sorted, disjoint text spans of the top sections under a plan heading (a plan part's
    sub-sections are in its span)."""
    out: list[tuple[int, int]] = []

    def walk(sec: Section) -> None:
        for child in sec.children:
            heading = child.heading if english else View.of(child.heading).simplified().text
            if is_plan_heading(heading, english):
                out.append((child.span.start, child.span.end))
            else:
                walk(child)

    walk(report.root)
    return sorted(out)
