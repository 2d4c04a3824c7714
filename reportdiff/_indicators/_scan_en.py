"""Numbers in English text: currency signs and codes, magnitude words and letters, units.

Words come from :mod:`reportdiff._vocab`: the magnitude words, the unit words, the
currency signs and names, the qualifiers before a number.
"""

from __future__ import annotations

import re
from decimal import Decimal

from reportdiff._indicators._qualify import Hit
from reportdiff._indicators._view import Marks
from reportdiff._numerals import EN_NUMBER_WORDS, parse_english
from reportdiff._vocab import (
    CURRENCY_SIGNS,
    EN_CURRENCY_WORDS,
    EN_MAGNITUDE_ABBREVIATIONS,
    EN_PRE_QUALIFIERS,
    EN_UNITS,
    MAGNITUDES,
    unit_pattern,
)

_SIGNS = "|".join(re.escape(s) for s in sorted(CURRENCY_SIGNS, key=lambda s: (-len(s), s)))
_CODES = r"(?:(?:USD|EUR|GBP|RMB|JPY|CNY|HKD|dollar|sen)\s?(?=\d))"
_WORDS = "|".join(sorted(EN_CURRENCY_WORDS, key=lambda w: (-len(w), w)))
_MAGS = "|".join(sorted((w for w in MAGNITUDES if w.isascii()), key=lambda w: (-len(w), w)))
_NUMBER_WORDS = "|".join(sorted(EN_NUMBER_WORDS, key=lambda w: (-len(w), w)))
_SUFFIX_SIGNS = "$€£¥₡₾₭₿₹₩"
_EN_NUMBER_RE = re.compile(
    rf"(?P<open>\()?(?P<cur>{_CODES}|{_SIGNS})?\s?"
    r"(?:(?P<num>\d{1,3}(?:,\d{3})+(?!\d|,\d)(?:\.\d+)?|\d+(?:\.\d+)?)"
    rf"|(?P<words>\b(?:(?:{_NUMBER_WORDS})(?:[\s-](?:and\s)?)?)*(?:{_NUMBER_WORDS})\b))"
    rf"(?:(?P<abbr>[kmbt]n?|mm)\b|\s?(?P<mag>{_MAGS})\b)?"
    rf"(?:[\s-]?(?P<unit>{unit_pattern(EN_UNITS, guarded=False)}(?![A-Za-z]))"
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


def scan(marks: Marks) -> list[Hit]:
    """Every English quantity of a view, in text order.

    >>> from reportdiff._indicators._view import Marks
    >>> [(h.value, h.unit, h.magnitude) for h in scan(Marks("sales of €10M and ($99.99)"))]
    [(Decimal('10'), '€ M', Decimal('1000000')), (Decimal('-99.99'), '$', Decimal('1'))]
    """
    view = marks.text
    hits = []
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
        if words and not (money or unit_word or cur):
            continue  # number words count only with a currency or unit: "one of them" is no quantity
        if not (cur or mag_word or unit_word or money or (abbr and cur)):
            continue
        s = m.start("cur") if cur else m.start("words" if words else "num")
        prev = view[s - 1] if s else ""
        if (prev and (prev.isalnum() or prev in "./-%")) or (prev == "," and s >= 2 and view[s - 2].isdigit()) \
                or marks.in_url(s):
            continue
        parsed = parse_english(words) if words else Decimal(m.group("num").replace(",", ""))
        if parsed is None:
            continue
        value = parsed
        if not cur and not mag_word and unit_word == "years" and value >= 1000:
            continue
        end = m.end() if trim < 0 else max(m.end("num") if m.group("num") else m.end("words"), trim - 1)
        if abbr and not mag_word and not (m.group("unit") or m.group("money")):
            end = m.end("abbr")
        num_end = m.end("words" if words else "num")
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
        qual, qstart = "", s
        low = view[max(0, s - 20):s].lower()
        for q in EN_PRE_QUALIFIERS:
            if low.endswith(q + " "):
                qual, qstart = q, s - len(q) - 1
                break
        hits.append(Hit(s, end, value, printed_unit, magnitude, base, qual, qual_start=qstart,
                        mag_word=abbr.upper() if abbr else mag_word))
        pos = max(pos, end)
    return hits
