"""Numbers in English text: currency signs and codes, magnitude words and letters, units, ranges.

Words come from :mod:`reportdiff._vocab`: the magnitude words, the unit words, the
currency signs and names, the qualifiers before and after a number, the range words and
the words that make a number of years the period a text frames (``over the past five years``).
"""

from __future__ import annotations

import bisect
import re
from decimal import Decimal

import attrs

from reportdiff._indicators._qualify import Hit
from reportdiff._indicators._view import Marks
from reportdiff._numerals import (
    EN_FRACTION_DENOMINATORS,
    EN_NUMBER_WORDS,
    parse_english,
    parse_english_fraction,
)
from reportdiff._vocab import (
    CURRENCY_SIGNS,
    EN_CURRENCY_WORDS,
    EN_FRAMING_WORDS,
    EN_MAGNITUDE_ABBREVIATIONS,
    EN_POST_QUALIFIERS,
    EN_PRE_QUALIFIERS,
    EN_RANGE_WORDS,
    EN_UNITS,
    MAGNITUDES,
    unit_pattern,
)
from reportdiff.model import Bound

_SIGNS = "|".join(re.escape(s) for s in sorted(CURRENCY_SIGNS, key=lambda s: (-len(s), s)))
_CODES = r"(?:(?:USD|EUR|GBP|RMB|JPY|CNY|HKD|dollar|sen)\s?(?=\d))"
_WORDS = "|".join(sorted(EN_CURRENCY_WORDS, key=lambda w: (-len(w), w)))
_MAGS = "|".join(sorted((w for w in MAGNITUDES if w.isascii()), key=lambda w: (-len(w), w)))
_NUMBER_WORDS = "|".join(sorted(EN_NUMBER_WORDS, key=lambda w: (-len(w), w)))
_SUFFIX_SIGNS = "$€£¥₡₾₭₿₹₩"
_EN_NUMBER_RE = re.compile(
    rf"(?P<open>\()?(?P<cur>{_CODES}|{_SIGNS})?\s?"
    r"(?:(?P<num>\d{1,3}(?:,\d{3})+(?!\d|,\d)(?:\.\d+)?|\d{1,3}(?:[ \u00a0]\d{3})+(?:\.\d+)?(?!\d|[ \u00a0]\d)"
    r"|\d+(?:\.\d+)?)"
    rf"|(?P<words>\b(?:(?:{_NUMBER_WORDS})(?:[\s-](?:(?<=hundred[\s-])and\s|(?<=thousand[\s-])and\s)?)?)*"
    rf"(?:{_NUMBER_WORDS})\b))"
    rf"(?:(?P<abbr>[kmbt]n?|mm)\b|[\s-]?(?P<mag>{_MAGS})\b)?"
    rf"(?:[\s-]?(?:(?:consecutive|successive|straight)\s)?(?P<unit>{unit_pattern(EN_UNITS, guarded=False)}(?![A-Za-z]))"
    rf"|[\s-]?(?P<money>(?:[a-z]+\s)?(?:{_WORDS})\b)(?:\s(?P<mag2>million|billion|trillion)\b)?"
    rf"|\s?(?P<sufsign>[{re.escape(_SUFFIX_SIGNS)}]))?",
    re.IGNORECASE,
)
_CENTS_RE = re.compile(
    rf"\s(?:and\s)?(?P<n>\d{{1,2}}|(?:(?:{_NUMBER_WORDS})[\s-]?){{1,2}})(?P<cents>\s?cents?\b)?"
    r"(?=(?(cents)|\s*(?:[.,;!?]|$|and\b|more\b)))",
    re.IGNORECASE,
)
_CENTS_AFTER = frozenset(("dollars", "dollar", "usd", "$", "c$", "us$", "yuan", "euros", "euro"))


_DENOMINATORS = "|".join(sorted(EN_FRACTION_DENOMINATORS, key=lambda w: (-len(w), w)))
_FRACTION_RE = re.compile(
    rf"\b(?P<num>a|an|one|two|three|four|five|six|seven|eight|nine)[\s-]"
    rf"(?P<den>{_DENOMINATORS})(?=\s+of\b)",
    re.IGNORECASE,
)
"""A fraction in words before ``of`` (``one third of``, ``three quarters of``); ``the first quarter`` is no fraction."""
_CHANGE_FRACTION_RE = re.compile(
    rf"\b(?:by|down|up)\s+(?:(?P<num>a|an|one|two|three|four)[\s-])?"
    rf"(?P<den>{_DENOMINATORS})\b(?!\s+of\b)",
    re.IGNORECASE,
)
"""A fraction in words as the size of a change (``down one-fifth``, ``cut by a third``, ``by half``)."""
_TIME_BASES = frozenset(("years",))
_FRAMING_RE = re.compile(
    r"(?:\b(?:the|these|those|its|our|their|this)\s+(?:very\s+)?(?:" + "|".join(EN_FRAMING_WORDS) + r")"
    r"|\b(?:past|last|next|coming|recent|in|within))\s+$",
    re.IGNORECASE,
)
_AGO_RE = re.compile(r"\s+(?:ago|earlier|before|later)\b", re.IGNORECASE)
_RANGE_SEP_RE = re.compile(r"\s*(?:[-\u2013\u2014]|(?:" + "|".join(EN_RANGE_WORDS) + r")\b)\s*", re.IGNORECASE)
_BETWEEN_RE = re.compile(r"\bbetween\s+$", re.IGNORECASE)
FROM_RE = re.compile(r"\bfrom(?:\s+(?:its|the|their|our|a|an)\s+[A-Za-z-]+(?:\s+of)?)?\s*$", re.IGNORECASE)
"""``from`` (``from its peak of``, ``from the present``) right before a number: it starts a printed change."""
_POST_QUALIFIER_RE = re.compile(r"\s+(" + "|".join(map(re.escape, EN_POST_QUALIFIERS)) + r")\b", re.IGNORECASE)


_COUNT_NOUN_RE = re.compile(r"[ \u00a0]+((?:[a-z][a-z-]*[ \u00a0]+){0,2}?)([a-z][a-z-]*[a-z]s)\b")
"""A plural noun right after a bare number, with at most two words before it (``30,000 public
rental flats``, ``500 nurses``): what the number counts."""
_NOT_COUNTED = frozenset(
    # time and rate words that frame or multiply rather than count
    "times years months weeks days hours minutes seconds decades centuries quarters cents points percents".split()
    # words ending in -s that are no plural noun
    + "is was has does this its thus us plus minus less unless across towards always perhaps besides "
      "whereas afterwards sometimes as yes".split())
_NOT_MODIFIERS = frozenset(
    "of the and in to for a an by with on at from or per than that which who is are was were be been "
    "has have had will would can could may might shall should our their its his her this these those "
    "we they it as into over under out up down more less most about around some all".split())
"""Words that end the noun phrase of a count: ``20 of the flats``, ``3 in the list`` count nothing."""


def _count_noun(view: str, end: int, value: Decimal) -> tuple[str, str, int] | None:
    """The plural noun a bare whole number counts, its noun phrase and where it ends; None when
    it counts nothing (a year, a fraction, a function word after it)."""
    if value != value.to_integral_value() or value < 2 or (1900 <= value <= 2100 and "," not in view[end - 6:end]):
        return None
    m = _COUNT_NOUN_RE.match(view, end)
    if m is None:
        return None
    mods, noun = m.group(1).split(), m.group(2)
    if noun in _NOT_COUNTED or noun.endswith(("ss", "us", "is")) or any(w in _NOT_MODIFIERS for w in mods):
        return None
    return noun, " ".join([*mods, noun]), m.end()


@attrs.frozen
class _Bare:
    """A number printed without a unit: the possible low end of a range (``4 to 5 per cent``)."""

    start: int
    end: int
    value: Decimal
    qualifier: str
    qual_start: int


def scan(marks: Marks) -> list[Hit]:
    """Every English quantity of a view, ranges as two bounds, in text order.

    >>> from reportdiff._indicators._view import Marks
    >>> [(h.value, h.unit, h.magnitude) for h in scan(Marks("sales of €10M and ($99.99)"))]
    [(Decimal('10'), '€ M', Decimal('1000000')), (Decimal('-99.99'), '$', Decimal('1'))]
    >>> [(h.value, h.unit, h.bound.value) for h in scan(Marks("growth of four to five per cent"))]
    [(Decimal('4'), 'per cent', 'low'), (Decimal('5'), 'per cent', 'high')]
    """
    view = marks.text
    hits: list[Hit] = []
    bare: list[_Bare] = []
    pos = 0
    while (m := _EN_NUMBER_RE.search(view, pos)) is not None:
        pos = m.end() if m.end() > m.start() else m.start() + 1
        cur = m.group("cur") or ""
        abbr = m.group("abbr") or ""
        if abbr and not cur:
            abbr = ""  # 10 m is ten metres; €10M is ten million euros
        mag_word = (m.group("mag") or m.group("mag2") or "").lower()
        unit_word = (m.group("unit") or "").lower()
        money = (m.group("money") or m.group("sufsign") or "").lower() if not cur else ""
        trim = -1
        if cur and (m.group("money") or m.group("sufsign")):
            trim = m.start("money") if m.group("money") else m.start("sufsign")
            pos = trim  # rmb 10 usd 20: usd opens the next amount
        words = m.group("words")
        s = m.start("cur") if cur else m.start("words" if words else "num")
        prev = view[s - 1] if s else ""
        joined = prev in "-" and bool(bare or hits) and max(
            bare[-1].end if bare else -1, hits[-1].end if hits else -1) == s - 1  # 3-4%: the high end
        if (prev and (prev.isalnum() or prev in "./-%") and not joined) \
                or (prev == "," and s >= 2 and view[s - 2].isdigit()) or marks.in_url(s):
            continue
        num_end = m.end("words" if words else "num")
        parsed = parse_english(words) if words else Decimal(m.group("num").replace(",", "").replace(" ", "")
                                                            .replace("\u00a0", ""))
        if parsed is None:
            continue
        qual, qstart = _pre_qualifier(view, s)
        unitless = not (cur or mag_word or unit_word or money or (abbr and cur))
        if unitless or (words and not (money or unit_word or cur)):
            # a count printed in figures: "the two types", "four themes" count the text's own items
            counted = _count_noun(view, num_end, parsed) if not (joined or words) else None
            if counted is not None:
                noun, phrase, noun_end = counted  # 30,000 public rental flats: a count of flats
                hits.append(Hit(s, noun_end, parsed, noun, Decimal(1), noun, qual, qual_start=min(s, qstart),
                                counts=phrase))
                pos = max(pos, noun_end)
                continue
            # number words count only with a currency or unit: "one of them" is no quantity
            bare.append(_Bare(s, num_end, parsed, qual, qstart))
            pos = min(pos, num_end) if not words else pos
            continue
        value = parsed
        if not cur and not mag_word and unit_word == "years" and value >= 1000:
            continue
        end = m.end() if trim < 0 else max(m.end("num") if m.group("num") else m.end("words"), trim - 1)
        if abbr and not mag_word and not (m.group("unit") or m.group("money")):
            end = m.end("abbr")
        if view[max(0, s - 6):s].lower() == "minus ":
            value, s = -value, s - 6  # minus five percent
        if m.group("open") and cur and view.startswith(")", num_end):
            value, s, end = -value, m.start("open"), num_end + 1  # ($99.99): an accounting negative
        magnitude = Decimal(MAGNITUDES.get(mag_word, 1))
        if abbr:
            magnitude = Decimal(EN_MAGNITUDE_ABBREVIATIONS[abbr.lower()])
        sign = CURRENCY_SIGNS.get(cur.strip().upper(), cur.strip().upper()) if cur else ""
        money_unit = money.split()[-1] if money else ""
        if magnitude == 1 and (sign or money_unit).lower() in _CENTS_AFTER:
            cm = _CENTS_RE.match(view, end)
            if cm is not None:
                cents = parse_english(cm.group("n")) if not cm.group("n").isdigit() else Decimal(cm.group("n"))
                if cents is not None and cents < 100:
                    value, end = value + cents / 100, cm.end()  # 3 dollars 50 cents, 15 dollars and 15
        base = sign or unit_word or money_unit
        if unit_word in ("percent", "per cent"):
            base = "%"
        elif unit_word.startswith("percentage point"):
            base = "percentage points"
        unit = " ".join(x for x in (abbr.upper() if abbr else mag_word, unit_word or money) if x)
        printed_unit = (sign + " " + unit).strip() if sign else unit
        if not qual and (pm := _POST_QUALIFIER_RE.match(view, end)) is not None:
            qual, end = pm.group(1).lower(), pm.end()  # 20 per cent or below
        if s < qstart:
            qstart = s
        hits.append(Hit(s, end, value, printed_unit, magnitude, base, qual, qual_start=qstart,
                        mag_word=abbr.upper() if abbr else mag_word))
        pos = max(pos, end)
    found = _drop_framing(view, _join_ranges(view, hits, bare))
    fractions = _fractions(view)
    if not fractions:
        return found
    return sorted(found + fractions, key=lambda h: (h.start, h.bound is not Bound.LOW, h.end))


def _fractions(view: str) -> list[Hit]:
    """``nearly one third of``, ``three quarters of``: value = numerator / denominator, no unit."""
    out = []
    for m in _FRACTION_RE.finditer(view):
        if m.group("num").lower() in ("a", "an") and m.group("den").lower().startswith("half"):
            continue  # a half of: an idiom more often than an amount
        value = parse_english_fraction(m.group("num"), m.group("den"))
        if value is None:
            continue
        qual, qstart = _pre_qualifier(view, m.start())
        out.append(Hit(m.start(), m.end(), value, "", Decimal(1), "", qual, qual_start=qstart))
    for m in _CHANGE_FRACTION_RE.finditer(view):
        num = m.group("num") or ("one" if m.group("den").lower() == "half" else "")
        value = parse_english_fraction("one" if num.lower() in ("a", "an") else num, m.group("den")) if num else None
        if value is not None:
            out.append(Hit(m.start("num") if m.group("num") else m.start("den"), m.end(), value, "", Decimal(1), ""))
    return sorted(out, key=lambda h: h.start)


def _pre_qualifier(view: str, s: int) -> tuple[str, int]:
    """The qualifier printed right before ``s`` (``more than``, ``about``…) and where it starts."""
    low = view[max(0, s - 20):s].lower()
    for q in EN_PRE_QUALIFIERS:
        if low.endswith(q + " ") and (len(low) == len(q) + 1 or not low[-len(q) - 2].isalnum()):
            return q, s - len(q) - 1
    return "", s


def _join_ranges(view: str, hits: list[Hit], bare: list[_Bare]) -> list[Hit]:
    """Ranges as two bounds: ``4 to 5 per cent``, ``3-4%``, ``between 2 and 3 per cent``, ``$2 billion to $3 billion``.

    A low end printed without a unit takes the high end's; ``from 3.75 to 4.25 per cent`` is
    a change, not a range: its start keeps no bound (labelling marks it as the start value).
    ``and`` joins two ends only after ``between``.
    """
    bare_ends = [b.end for b in bare]
    out: list[Hit] = []
    for h in hits:
        low: Hit | None = None
        k = bisect.bisect_right(bare_ends, h.start) - 1
        cand = bare[k] if k >= 0 else None
        prev = out[-1] if out else None
        if prev is not None and cand is not None and cand.end <= prev.end:
            cand = None  # the hit before is nearer
        if cand is not None and _RANGE_SEP_RE.fullmatch(view, cand.end, h.start):
            low = Hit(cand.start, cand.end, cand.value, h.unit, h.magnitude, h.base_unit, cand.qualifier,
                      qual_start=cand.qual_start, mag_word=h.mag_word)
        elif prev is not None and prev.bound is Bound.NONE and prev.base_unit == h.base_unit \
                and prev.magnitude == h.magnitude and not prev.qualifier \
                and _RANGE_SEP_RE.fullmatch(view, prev.end, h.start):
            low = out.pop()
        if low is None:
            out.append(h)
            continue
        sep = view[low.end:h.start].strip().lower()
        before = view[max(0, low.qual_start - 30):low.qual_start]
        if FROM_RE.search(before) or (sep == "and" and not _BETWEEN_RE.search(before)) \
                or low.value * low.magnitude > h.value * h.magnitude:
            if low is prev:
                out.append(low)
            elif FROM_RE.search(before):
                out.append(attrs.evolve(low, tail=h.end))  # from 3.75 to 4.25 per cent: a start and an end
            out.append(h)
            continue
        out.append(attrs.evolve(low, bound=Bound.LOW, tail=h.end))
        out.append(attrs.evolve(h, bound=Bound.HIGH, qual_start=low.qual_start))
    return out


def _drop_framing(view: str, hits: list[Hit]) -> list[Hit]:
    """Without the periods that frame a text (``over the past five years``, ``in the coming three to four
    years``, ``the lowest in ten years``, ``within two years``) and points in time (``seven years
    ago``): they are not quantities of their own."""
    out: list[Hit] = []
    framed = False
    for h in hits:
        if h.base_unit in _TIME_BASES:
            if h.bound is not Bound.HIGH:
                framed = bool(_FRAMING_RE.search(view, max(0, h.qual_start - 30), h.qual_start)) \
                    or bool(_AGO_RE.match(view, h.tail if h.tail >= 0 else h.end)) \
                    or h.qualifier.lower() == "over"  # built over five years: the span, not "more than"
            if framed:
                continue
        out.append(h)
    return out
