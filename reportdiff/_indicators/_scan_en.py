"""Numbers in English text: currency signs and codes, magnitude words and letters, units.

Words come from :mod:`reportdiff._vocab`: the magnitude words, the unit words, the
currency signs and names, the qualifiers before a number.
"""

from __future__ import annotations

import re
from decimal import Decimal

from reportdiff._indicators._qualify import Hit
from reportdiff._indicators._view import Marks
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
_CODES = r"(?:USD|EUR|GBP|RMB|JPY|CNY|HKD)(?=\s?\d)"
_WORDS = "|".join(sorted(EN_CURRENCY_WORDS, key=lambda w: (-len(w), w)))
_MAGS = "|".join(sorted((w for w in MAGNITUDES if w.isascii()), key=lambda w: (-len(w), w)))
_EN_NUMBER_RE = re.compile(
    rf"(?P<open>\()?(?P<cur>{_SIGNS}|{_CODES})?\s?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?![\d,])(?:\.\d+)?|\d+(?:\.\d+)?)"
    rf"(?:(?P<abbr>[kmbt]n?|mm)\b|\s?(?P<mag>{_MAGS})\b)?"
    rf"(?:[\s-]?(?P<unit>{unit_pattern(EN_UNITS, guarded=False)}(?![A-Za-z]))"
    rf"|[\s-](?P<money>(?:[a-z]+\s)?(?:{_WORDS})\b))?",
    re.IGNORECASE,
)


def scan(marks: Marks) -> list[Hit]:
    """Every English quantity of a view, in text order.

    >>> from reportdiff._indicators._view import Marks
    >>> [(h.value, h.unit, h.magnitude) for h in scan(Marks("sales of €10M and ($99.99)"))]
    [(Decimal('10'), '€ M', Decimal('1000000')), (Decimal('-99.99'), '$', Decimal('1'))]
    """
    view = marks.text
    hits = []
    for m in _EN_NUMBER_RE.finditer(view):
        cur = m.group("cur") or ""
        abbr = m.group("abbr") or ""
        if abbr and not cur:
            abbr = ""  # 10 m is ten metres; €10M is ten million euros
        mag_word = (m.group("mag") or "").lower()
        unit_word = (m.group("unit") or "").lower()
        money = (m.group("money") or "").lower()
        if not (cur or mag_word or unit_word or money or (abbr and cur)):
            continue
        s = m.start("cur") if cur else m.start("num")
        prev = view[s - 1] if s else ""
        if (prev and (prev.isalnum() or prev in "./-%")) or marks.in_url(s):
            continue
        value = Decimal(m.group("num").replace(",", ""))
        if not cur and not mag_word and unit_word == "years" and value >= 1000:
            continue
        end = m.end()
        if abbr and not mag_word:
            end = m.end("abbr")
            if not (m.group("unit") or m.group("money")):
                end = m.end("abbr")
        if m.group("open") and cur and view.startswith(")", m.end("num")):
            value, s, end = -value, m.start("open"), m.end("num") + 1  # ($99.99): an accounting negative
        magnitude = Decimal(MAGNITUDES.get(mag_word, 1))
        if abbr:
            magnitude = Decimal(EN_MAGNITUDE_ABBREVIATIONS[abbr.lower()])
        sign = CURRENCY_SIGNS.get(cur.upper(), cur.upper()) if cur else ""
        base = sign or unit_word or money.split()[-1] if (sign or unit_word or money) else ""
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
    return hits
