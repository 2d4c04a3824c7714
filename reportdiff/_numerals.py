"""Numbers as printed in reports: Chinese numerals, full-width digits, separators.

Private helpers of :mod:`reportdiff._indicators`.  Values are :class:`~decimal.Decimal`
so that ``15468.7`` stays ``15468.7`` and formatting round-trips exactly.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

__all__ = [
    "CN_DIGITS",
    "CN_MAGNITUDES",
    "format_decimal",
    "int_to_chinese",
    "parse_arabic",
    "parse_chinese",
    "parse_mixed",
    "split_magnitude",
]

#: Chinese digit characters and their values.
CN_DIGITS: dict[str, int] = {
    "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}
#: Units inside a section of four digits.
_SMALL_UNITS: dict[str, int] = {"十": 10, "百": 100, "千": 1000}
#: Magnitude words that close a section of four digits (``万``) or eight (``亿``).
CN_MAGNITUDES: dict[str, int] = {"万": 10**4, "亿": 10**8, "万亿": 10**12}

_ARABIC_RE = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_MIXED_PART_RE = re.compile(r"(\d+(?:\.\d+)?[千百]?)|([零〇一二两三四五六七八九十百千]+)|([万亿])")


def format_decimal(value: Decimal) -> str:
    """A plain decimal string: no exponent, no thousands separator, no trailing zeros.

    Args:
        value: a finite decimal.

    Returns:
        The shortest plain notation of ``value``.

    >>> format_decimal(Decimal("15468.70"))
    '15468.7'
    >>> format_decimal(Decimal("1E+5"))
    '100000'
    """
    if value == 0:
        return "0"
    text = format(value.normalize(), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def parse_arabic(text: str) -> Decimal | None:
    """An Arabic number with optional thousands separators, or None.

    Args:
        text: digits (ASCII or full-width), ``.``, and ``,`` between groups of three.

    Returns:
        Its value, or None when ``text`` is not such a number.

    >>> parse_arabic("1,100")
    Decimal('1100')
    >>> parse_arabic("７７．７")
    Decimal('77.7')
    """
    t = _halfwidth(text.strip())
    if not _ARABIC_RE.fullmatch(t):
        return None
    try:
        return Decimal(t.replace(",", ""))
    except InvalidOperation:  # pragma: no cover - the regex admits only decimals
        return None


def _halfwidth(text: str) -> str:
    return text.translate(_FULLWIDTH)


_FULLWIDTH = {0xFF10 + i: 0x30 + i for i in range(10)} | {0xFF0E: 0x2E, 0xFF0C: 0x2C}


def _section(text: str) -> int | None:
    """A number below 10,000 written with 十百千 (``五千九百三十三``)."""
    total, digit, last_unit = 0, None, 10**5
    for ch in text:
        if ch in CN_DIGITS:
            if digit is not None and digit != 0:
                return None  # two digits in a row: 十四五, 一二
            digit = CN_DIGITS[ch]
        elif ch in _SMALL_UNITS:
            unit = _SMALL_UNITS[ch]
            if unit >= last_unit:
                return None  # 十百, 百百
            if digit is None:
                if unit != 10 or total:
                    return None  # only a leading 十 may stand alone
                digit = 1
            total += digit * unit
            digit, last_unit = None, unit
        else:
            return None
    if digit is not None:
        total += digit
    return total


def parse_chinese(text: str) -> Decimal | None:
    """A number in Chinese numerals (``九万五千九百三十三``, ``十二点一``, ``两亿``).

    Args:
        text: Chinese digits with 十百千万亿, optionally a decimal part after 点.

    Returns:
        Its value, or None when ``text`` is not a well-formed numeral
        (``十四五`` is a name, not a number).

    >>> parse_chinese("九万五千九百三十三")
    Decimal('95933')
    >>> parse_chinese("十二点一")
    Decimal('12.1')
    >>> parse_chinese("十四五") is None
    True
    """
    if not text:
        return None
    whole, sep, frac = text.partition("点")
    if sep and (not frac or any(c not in CN_DIGITS for c in frac)):
        return None
    value = _parse_cn_integer(whole) if whole else 0
    if value is None:
        return None
    result = Decimal(value)
    if frac:
        result += Decimal("0." + "".join(str(CN_DIGITS[c]) for c in frac))
    return result


def _parse_cn_integer(text: str) -> int | None:
    total = 0
    rest = text
    for mag_char, mag in (("亿", 10**8), ("万", 10**4)):
        if mag_char in rest:
            head, _, rest = rest.partition(mag_char)
            if not head:
                return None
            sub = _parse_cn_integer(head) if mag_char == "亿" else _section(head)
            if sub is None or sub == 0:
                return None
            total += sub * mag
            rest = rest.lstrip("零〇")
    if rest:
        if all(c in CN_DIGITS for c in rest) and len(rest) > 1:
            return None  # digit strings such as 二〇二二 are not counted here
        small = _section(rest)
        if small is None:
            return None
        total += small
    return total


def parse_mixed(text: str) -> Decimal | None:
    """A number mixing Arabic digits, Chinese numerals and 万/亿 (``3万4000``, ``6600万``).

    Args:
        text: the numeral as printed, without qualifiers such as 多 or 余.

    Returns:
        Its value, or None when it is not well formed.

    >>> parse_mixed("3万4000")
    Decimal('34000')
    >>> parse_mixed("1.2万亿")
    Decimal('1200000000000.0')
    """
    t = _halfwidth(text).replace(",", "")
    if not t:
        return None
    if not any(c.isdigit() for c in t):
        return parse_chinese(t)
    # Arabic-led: groups of (number, magnitudes) such as 3万4000, 1.2万亿, 13亿5千万
    total = Decimal(0)
    pos = 0
    pending: Decimal | None = None
    last_mag = 10**17
    for m in _MIXED_PART_RE.finditer(t):
        if m.start() != pos:
            return None
        pos = m.end()
        if m.group(1) or m.group(2):
            if pending is not None:
                return None
            pending = _arabic_group(m.group(1)) if m.group(1) else parse_chinese(m.group(2))
            if pending is None:
                return None
        else:
            mag = 10**4 if m.group(3) == "万" else 10**8
            if pending is None:
                # 万亿: a magnitude that scales the group just closed
                if total == 0 or mag != 10**8 or last_mag != 10**4:
                    return None
                total *= 10**8
                last_mag = 10**12
                continue
            if mag >= last_mag:
                return None
            total += pending * mag
            pending, last_mag = None, mag
    if pos != len(t):
        return None
    if pending is not None:
        total += pending
    return total


def _arabic_group(text: str) -> Decimal:
    """``5`` → 5, ``5千`` → 5000, ``3百`` → 300."""
    scale = {"千": 1000, "百": 100}.get(text[-1], 1)
    return Decimal(text.rstrip("千百")) * scale


def split_magnitude(numeral: str) -> tuple[str, str]:
    """Split a trailing magnitude word (万亿, 亿, 万) off a numeral.

    Args:
        numeral: a numeral as printed (``九万五千九百三十三亿``, ``47.264287亿``).

    Returns:
        ``(numeral without the magnitude, magnitude)``; the magnitude is empty
        when the numeral does not end in one.

    >>> split_magnitude("九万五千九百三十三亿")
    ('九万五千九百三十三', '亿')
    >>> split_magnitude("1.2万亿")
    ('1.2', '万亿')
    >>> split_magnitude("3万4000")
    ('3万4000', '')
    """
    for mag in ("万亿", "亿", "万"):
        if numeral.endswith(mag) and len(numeral) > len(mag):
            head = numeral[: -len(mag)]
            if mag == "亿" and head.endswith("万") and parse_mixed(head[:-1] + "亿") is None:
                continue
            return head, mag
    return numeral, ""


def int_to_chinese(n: int) -> str:
    """Write a non-negative integer below 10**16 in Chinese numerals.

    Args:
        n: the integer.

    Returns:
        The numeral as a report would print it (``九万五千九百三十三``).

    >>> int_to_chinese(95933)
    '九万五千九百三十三'
    >>> int_to_chinese(12)
    '十二'
    """
    if n == 0:
        return "零"
    digits = "零一二三四五六七八九"

    def section(k: int, leading: bool) -> str:
        out: list[str] = []
        zero = False
        for unit, ch in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
            d = k // unit % 10
            if d == 0:
                zero = bool(out)
                continue
            if zero:
                out.append("零")
                zero = False
            if unit == 10 and d == 1 and leading and not out:
                out.append("十")
            else:
                out.append(digits[d] + ch)
        return "".join(out)

    parts = []
    groups = [(n // 10**8, "亿"), (n // 10**4 % 10**4, "万"), (n % 10**4, "")]
    if groups[0][0] >= 10**4:
        high = int_to_chinese(groups[0][0])
        parts.append(high + "亿")
        groups = groups[1:]
    need_zero = False
    for value, mag in groups:
        if value == 0:
            need_zero = bool(parts)
            continue
        if parts and (need_zero or value < 1000):
            parts.append("零")
        parts.append(section(value, leading=not parts) + mag)
        need_zero = False
    return "".join(parts)
