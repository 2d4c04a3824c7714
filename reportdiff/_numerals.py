"""Numbers as printed in reports: Chinese numerals, full-width digits, separators.

Shared by the indicator extractor and the diff's number tokens.  Values are :class:`~decimal.Decimal`
so that ``15468.7`` stays ``15468.7`` and formatting round-trips exactly.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

__all__ = [
    "CN_DIGITS",
    "CN_MAGNITUDES",
    "EN_FRACTION_DENOMINATORS",
    "EN_NUMBER_WORDS",
    "FINANCIAL",
    "NUMERAL_CHARS",
    "PRINTED_YEAR",
    "fold_numerals",
    "format_decimal",
    "int_to_chinese",
    "parse_arabic",
    "parse_chinese",
    "parse_english",
    "parse_english_fraction",
    "parse_mixed",
    "printed_year",
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
CN_MAGNITUDES: dict[str, int] = {"万": 10**4, "亿": 10**8, "万亿": 10**12, "兆": 10**12}

_ARABIC_RE = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")


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


#: Traditional and financial forms of the numeral characters, folded one for one.
_FOLD = str.maketrans({
    "壹": "一", "贰": "二", "貳": "二", "叁": "三", "參": "三", "叄": "三", "肆": "四", "伍": "五",
    "陆": "六", "陸": "六", "柒": "七", "捌": "八", "玖": "九", "拾": "十", "佰": "百", "仟": "千",
    "萬": "万", "億": "亿", "兩": "两", "倆": "两", "○": "〇", "點": "点", "幾": "几",
})
FINANCIAL = "壹贰貳叁參叄肆伍陆陸柒捌玖拾佰仟"
"""Financial (anti-forgery) numerals: alone they are ordinary words (陆地, 收拾, 队伍)."""
NUMERAL_CHARS = "零〇○一二两三四五六七八九十百千万亿兆" + FINANCIAL + "萬億兩倆"
"""Every character of a Chinese numeral's integer part, simplified, traditional and financial."""
PRINTED_YEAR = r"(?:\d{4}|[零〇○一二三四五六七八九]{4})"
"""A year as printed, as a regex group: 2010, ２０１０, 一九九零 (four digits of either kind)."""
_YEAR_DIGITS = {ch: str(v) for ch, v in CN_DIGITS.items()} | {"○": "0"}


def printed_year(text: str) -> int:
    """The value of a year matched by :data:`PRINTED_YEAR`.

    >>> printed_year("2035"), printed_year("２０３５"), printed_year("二〇三五"), printed_year("一九九七")
    (2035, 2035, 2035, 1997)
    """
    return int("".join(_YEAR_DIGITS.get(ch, ch) for ch in text))

_SMALL = {"十": 10, "百": 100, "千": 1000}
_BIG = {"万": 10**4, "亿": 10**8, "兆": 10**12}
_TOKEN_RE = re.compile(r"(\d+(?:\.\d+)?)|([零〇一二两三四五六七八九])|([十百千])|([万亿兆])|(.)")


def fold_numerals(text: str) -> str:
    """Traditional and financial numeral characters in their simplified form, one for one.

    >>> fold_numerals("壹萬貳仟")
    '一万二千'
    """
    return text.translate(_FOLD)


def _cn_integer(text: str, *, spoken: bool = True) -> Decimal | None:
    """The integer (or Arabic-led decimal) written with digits, 十百千 and 万亿兆.

    Groups close at a magnitude word: ``四千五百万八千亿`` is (45000000 + 8000) × 10**8.
    A single digit right after a unit word with no 零 between is the spoken short form
    (``一万三`` = 13000, ``二百五`` = 250) when ``spoken``.
    """
    groups: list[tuple[Decimal, int]] = []  # closed groups: (value, magnitude)
    section = Decimal(0)  # the part below the next magnitude word
    digit: Decimal | None = None
    last_small = 10**5  # the last 十百千 seen in this section
    last_unit = 0  # the unit word just before the pending digit (for spoken forms)
    zero = False
    arabic_digit = False
    pos = 0
    for m in _TOKEN_RE.finditer(text):
        pos = m.end()
        arabic, cn, small, big, other = m.groups()
        if other is not None:
            return None
        if arabic is not None or cn is not None:
            if digit is not None:
                return None  # two digits in a row: 十四五, 二〇二〇
            if cn == "零" or cn == "〇":
                zero = True
                last_unit = 0
                continue
            digit = Decimal(arabic) if arabic is not None else Decimal(CN_DIGITS[cn])
            arabic_digit = arabic is not None
            if zero:
                last_unit = 0
            continue
        if small is not None:
            unit = _SMALL[small]
            if unit >= last_small:
                return None  # 十百, 百百
            if digit is None:
                if (section or groups) and (not zero or unit != 10):
                    return None
                digit = Decimal(1)  # a leading 十 (十五), 零十
            if digit != digit.to_integral_value() and not arabic_digit:
                return None
            section += digit * unit
            digit, last_small, last_unit, zero = None, unit, unit, False
            continue
        mag = _BIG[big]
        if digit is not None:
            section += digit
            digit = None
        if not section and (not groups or groups[-1][1] > mag):
            return None  # 万 alone, 亿万
            # a magnitude after a smaller one scales what came before it: 四万万, 二十万亿
        value = section
        while groups and groups[-1][1] <= mag:
            value += groups.pop()[0]
        if not value:
            return None
        groups.append((value * mag, mag))
        section, last_small, last_unit, zero = Decimal(0), 10**5, mag, False
    if pos != len(text):
        return None
    if digit is not None:
        if spoken and not zero and last_unit >= 100 and not arabic_digit:
            digit *= last_unit // 10  # 一万三, 二百五, 一千陆
        section += digit
    return sum((g[0] for g in groups), Decimal(0)) + section


def parse_chinese(text: str) -> Decimal | None:
    """A number in Chinese numerals (``九万五千九百三十三``, ``十二点一``, ``五十二点八万亿``).

    Traditional and financial characters read as their simplified forms (``壹萬`` = 一万).
    Spoken short forms read as speakers mean them: ``一万三`` = 13000, ``二百五`` = 250.

    Args:
        text: Chinese digits with 十百千万亿兆, optionally a decimal part after 点,
            which may come before a closing magnitude word (``五十二点八万亿``).

    Returns:
        Its value, or None when ``text`` is not a well-formed numeral
        (``十四五`` is a name, ``二〇二二`` a digit string, not a count).

    >>> parse_chinese("九万五千九百三十三")
    Decimal('95933')
    >>> parse_chinese("十二点一")
    Decimal('12.1')
    >>> parse_chinese("五十二点八万亿")
    Decimal('52800000000000.0')
    >>> parse_chinese("十四五") is None, parse_chinese("二〇二二") is None
    (True, True)
    """
    return _parse(fold_numerals(text), chinese_only=True)


def _parse(t: str, *, chinese_only: bool) -> Decimal | None:
    if not t:
        return None
    whole, sep, frac = t.partition("点")
    if not sep:
        return _cn_integer(whole) if whole else None
    k = 0
    while k < len(frac) and frac[k] in CN_DIGITS:
        k += 1
    digits, mags = frac[:k], frac[k:]
    if not digits or any(c not in "万亿兆" for c in mags):
        return None
    fraction = Decimal("0." + "".join(str(CN_DIGITS[c]) for c in digits))
    if mags:
        # 五十二点八万亿: the decimal belongs to a plain number before the magnitude
        head = _cn_integer(whole) if whole else Decimal(0)
        if head is None or (whole and any(c in "万亿兆" for c in whole)):
            return None
        scale = _cn_integer("一" + mags)
        return None if scale is None else (head + fraction) * scale
    head = _cn_integer(whole) if whole else Decimal(0)  # 两千三点一 = 2300.1
    return None if head is None else head + fraction


def parse_mixed(text: str) -> Decimal | None:
    """A number mixing Arabic digits, Chinese numerals and 万/亿 (``3万4000``, ``6600万``, ``5万4千6百``).

    Args:
        text: the numeral as printed, without qualifiers such as 多 or 余.

    Returns:
        Its value, or None when it is not well formed.

    >>> parse_mixed("3万4000")
    Decimal('34000')
    >>> parse_mixed("1.2万亿")
    Decimal('1200000000000.0')
    >>> parse_mixed("5万4千6百")
    Decimal('54600')
    """
    t = fold_numerals(_halfwidth(text)).replace(",", "")
    if not t:
        return None
    if not any(c.isdigit() for c in t):
        return _parse(t, chinese_only=True)
    m = _ARABIC_RE.fullmatch(t)
    if m:
        return Decimal(t)
    return _cn_integer(t, spoken=False)


_EN_SMALL = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen".split())} | {w: 10 * (i + 2) for i, w in enumerate(
    "twenty thirty forty fifty sixty seventy eighty ninety".split())}
_EN_SCALE = {"hundred": 100, "thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
EN_NUMBER_WORDS = (*_EN_SMALL, *_EN_SCALE)
"""English number words, as read by :func:`parse_english`."""


def parse_english(text: str) -> Decimal | None:
    """A number written in English words (``thirteen``, ``forty-five``, ``three thousand``).

    >>> parse_english("three thousand two hundred"), parse_english("forty-five"), parse_english("and")
    (Decimal('3200'), Decimal('45'), None)
    """
    words = [w for w in re.split(r"[\s-]+", text.lower().strip()) if w and w != "and"]
    if not words:
        return None
    total, current, seen = 0, 0, False
    for w in words:
        if w in _EN_SMALL:
            current += _EN_SMALL[w]
            seen = True
        elif w == "hundred":
            current = (current or 1) * 100
        elif w in _EN_SCALE:
            total += (current or 1) * _EN_SCALE[w]
            current = 0
        else:
            return None
    return Decimal(total + current) if seen else None  # "million" alone (half million) is not read


EN_FRACTION_DENOMINATORS: dict[str, int] = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5, "fifths": 5,
    "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9,
    "tenth": 10, "tenths": 10,
}
"""English fraction words and their denominators (``two thirds``, ``a quarter``)."""


def parse_english_fraction(numerator: str, denominator: str) -> Decimal | None:
    """A fraction written in English words, to six places (``one third`` → 0.333333), or None.

    >>> parse_english_fraction("one", "third"), parse_english_fraction("a", "quarter"), parse_english_fraction("two", "x")
    (Decimal('0.333333'), Decimal('0.25'), None)
    """
    den = EN_FRACTION_DENOMINATORS.get(denominator.lower())
    num = Decimal(1) if numerator.lower() in ("a", "an", "one") else parse_english(numerator)
    if den is None or num is None or num == 0:
        return None
    return (num / den).quantize(Decimal("0.000001")).normalize()


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
